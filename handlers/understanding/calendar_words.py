"""The calendar words of each language a circle may write in, as regular-expression fragments.

Everything is lowercase; ``due`` compiles the fragments of a circle's languages only,
so "mar" is a Tuesday in Spanish and never in an English circle.
"""

from __future__ import annotations

# "segunda", "quarta", "quinta" are also ordinals: days only after "até", "na", "toda" or
# before "que vem", "de manhã", "às".
# "mon", "wed", "sat", "sun" are also words: days only after "every" or "on", or before a
# time, another day or a list mark ("Mon/Wed", "sat 10am", "Mon, Wed and Fri").
_EN_SHORT_AS_DAY = r"(?=\b[ /,]*(?:\d|and\b|&|/|at\b|mon|tue|wed|thu|fri|sat|sun))"
_PT_SAID_AS_DAY = "(?:(?<=até )|(?<=na )|(?<=toda )|(?<=, )|(?<= e )|(?<=às )|(?<=aos ))"
_PT_FOLLOWED_AS_DAY = "(?=\\s+(?:que vem|de manhã|à|às))"

# Monday first, as in ``date.weekday()``. Plural and adverb forms ("sábados", "mittwochs")
# are matched by the scanner; names are the forms that read unambiguously as days.
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": (
        f"monday|(?:(?<=every )|(?<=on )|(?<=, )|(?<=and ))mon|mon{_EN_SHORT_AS_DAY}",
        "tuesday|tues|tue",
        f"wednesday|(?:(?<=every )|(?<=on )|(?<=, )|(?<=and ))wed|wed{_EN_SHORT_AS_DAY}",
        "thursday|thurs|thur|thu",
        "friday|fri",
        f"saturday|(?:(?<=every )|(?<=on )|(?<=, )|(?<=and ))sat|sat{_EN_SHORT_AS_DAY}",
        f"sunday|(?:(?<=every )|(?<=on )|(?<=, )|(?<=and ))sun|sun{_EN_SHORT_AS_DAY}",
    ),
    "es": (
        "lunes",
        "martes",
        "miércoles|miercoles",
        "jueves",
        "viernes",
        "sábado|sabado",
        "domingo",
    ),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": (
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag|donnschtig",
        "freitag",
        "samstag|sonnabend",
        "sonntag",
    ),
    "pt": (
        f"segunda-feira|{_PT_SAID_AS_DAY}segunda|segunda{_PT_FOLLOWED_AS_DAY}",
        "terça-feira|terça|terca",
        f"quarta-feira|{_PT_SAID_AS_DAY}quarta|quarta{_PT_FOLLOWED_AS_DAY}",
        f"quinta-feira|{_PT_SAID_AS_DAY}quinta|quinta{_PT_FOLLOWED_AS_DAY}",
        "sexta-feira|sexta",
        "sábado|sabado",
        "domingo",
    ),
    "it": (
        "lunedì|lunedi",
        "martedì|martedi",
        "mercoledì|mercoledi",
        "giovedì|giovedi",
        "venerdì|venerdi",
        "sabato",
        "domenica",
    ),
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "january|jan",
        "february|feb",
        "march",
        "april|apr",
        "may",
        "june",
        "july",
        "august|aug",
        "september|sept|sep",
        "october|oct",
        "november|nov",
        "december|dec",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre|setiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "fr": (
        "janvier",
        "février|fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août|aout",
        "septembre",
        "octobre",
        "novembre",
        "décembre|decembre",
    ),
    "de": (
        "januar|jänner",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ),
    "pt": (
        "janeiro",
        "fevereiro",
        "março|marco",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    "it": (
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
}

# Words naming a day relative to today: (fragment, days from today).
RELATIVE_DAYS: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (
        ("day after tomorrow", 2),
        ("tomorrow|tmrw|tmw|tmr|2moro|the morra|the morrow", 1),
        ("today|tonight|this (?:morning|afternoon|evening|arvo)", 0),
    ),
    "es": (
        ("pasado mañana", 2),
        ("mañana(?! (?:mismo|temprano))(?<!la mañana)(?<!esta mañana)", 1),
        ("hoy|esta (?:noche|tarde|mañana)", 0),
    ),
    "fr": (("après-demain", 2), ("demain", 1), ("aujourd'hui|ce soir|ce matin|cet après-midi", 0)),
    "de": (
        ("übermorgen", 2),
        ("(?<!am )(?<!jeden )(?<!guten )morgen(?!s)", 1),
        ("heute", 0),
    ),
    "pt": (("depois de amanhã", 2), ("amanhã|amanha", 1), ("hoje", 0)),
    "it": (("dopodomani", 2), ("domani", 1), ("oggi|stasera|stamattina|stamani|stanotte", 0)),
}

# "next week", "la semana que viene": a weekday named with it falls in the following week.
NEXT_WEEK: dict[str, str] = {
    "en": "next week",
    "es": "(?:la )?semana (?:que viene|próxima)|(?:la )?próxima semana",
    "fr": "(?:la )?semaine prochaine",
    "de": "nächste(?:r|n)? woche",
    "pt": "(?:a )?semana que vem|(?:a )?próxima semana",
    "it": "(?:la )?settimana prossima|(?:la )?prossima settimana",
}

# Days named for the holidays a care circle plans around: (words, month, day).
HOLIDAYS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "en": (
        ("christmas eve", 12, 24),
        ("christmas(?: day)?", 12, 25),
        ("boxing day", 12, 26),
        ("new year'?s eve", 12, 31),
        ("new year'?s(?: day)?", 1, 1),
    ),
    "es": (
        ("nochebuena", 12, 24),
        ("navidad", 12, 25),
        ("nochevieja", 12, 31),
        ("año nuevo", 1, 1),
    ),
    "fr": (
        ("réveillon de noël|veille de noël", 12, 24),
        ("noël", 12, 25),
        ("saint-sylvestre|réveillon du nouvel an", 12, 31),
        ("jour de l'an|nouvel an", 1, 1),
    ),
    "de": (
        ("heiligabend|heiligen abend", 12, 24),
        ("weihnachten|1\\. weihnachtstag", 12, 25),
        ("silvester", 12, 31),
        ("neujahr", 1, 1),
    ),
    "pt": (
        ("véspera de natal", 12, 24),
        ("natal", 12, 25),
        ("véspera de ano novo|réveillon", 12, 31),
        ("ano novo", 1, 1),
    ),
    "it": (
        ("vigilia di natale|vigilia", 12, 24),
        ("natale", 12, 25),
        ("san silvestro|vigilia di capodanno", 12, 31),
        ("capodanno", 1, 1),
    ),
}
# "until the end of January": the last day of that month.
END_OF: dict[str, str] = {
    "en": r"(?:the )?end of",
    "es": r"(?:el )?fin(?:al)? de",
    "fr": r"(?:la )?fin",
    "de": r"ende",
    "pt": r"(?:o )?fi(?:m|nal) de",
    "it": r"(?:la )?fine(?: di)?",
}

# "before the weekend" is due the coming Saturday.
WEEKEND: dict[str, str] = {
    "en": r"(?:the|this) weekend",
    "es": r"(?:el|este) fin de semana",
    "fr": r"(?:le|ce) week-end",
    "de": r"(?:das|dieses|am|zum) wochenende",
    "pt": r"(?:o|este|no) fim de semana",
    "it": r"(?:il|questo|nel) (?:fine settimana|weekend)",
}

# Day of the month without a month name: "the 9th", "el 10", "am 22.", "dia 13", "il 16".
DAY_OF_MONTH: dict[str, str] = {
    "en": r"(?:(?:the |on )(\d{1,2})(?:st|nd|rd|th)\b|\b(\d{1,2})(?:st|nd|rd|th)\b)"
    r"(?!\s*(?:st|street|ave|avenue|rd|road|floor|fl|birthday|anniversary)\b)",
    "es": r"\b(?:el|del|al|día|dia) (\d{1,2})\b(?![:.,]?\d|\s*(?:h\b|%|horas|min))",
    "fr": r"\b(?:le|du|au) (\d{1,2})\b(?![:.,]?\d|\s*(?:h\b|%|heures|min))",
    "de": r"\b(?:am|zum|bis zum|ab dem) (\d{1,2})\.",
    "pt": r"\b(?:dia|no dia|o dia) (\d{1,2})\b(?![:.,]?\d|\s*(?:h\b|%|horas|min))",
    "it": r"\b(?:il|dal|al|entro il) (\d{1,2})\b(?![:.,]?\d|\s*(?:h\b|%|ore|min))",
}

# Recurrence: "every", "todos los", "tous les", "jeden", "todos os", "ogni".
EVERY: dict[str, str] = {
    "en": r"every|each",
    "es": r"todos los|todas las|cada",
    "fr": r"tous les|toutes les|chaque",
    "de": r"jeden|jede|jedes|alle",
    "pt": r"todos os|todas as|todo|toda|cada|aos|às",
    "it": r"ogni|tutti i|tutte le",
}
EVERY_OTHER: dict[str, str] = {
    "en": r"every other|every second|every two weeks on|fortnightly on",
    "es": r"cada dos|uno de cada dos",
    "fr": r"un \w+ sur deux|tous les deux",
    "de": r"jeden zweiten|alle zwei wochen",
    "pt": r"a cada dois|a cada duas|de quinze em quinze dias",
    "it": r"ogni due|un \w+ sì e uno no",
}
DAILY: dict[str, str] = {
    "en": r"(?:every|each) (?:day|morning|evening|night|afternoon)|daily",
    "es": r"todos los días|todas las (?:mañanas|noches|tardes)|cada (?:día|mañana|noche)|a diario",
    "fr": r"tous les (?:jours|matins|soirs)|chaque (?:jour|matin|soir)",
    "de": r"jeden (?:tag|morgen|abend)|täglich|jede nacht",
    "pt": r"todos os dias|todas as (?:manhãs|noites|tardes)|todo dia|diariamente",
    "it": r"ogni (?:giorno|mattina|sera)|tutti i giorni(?! feriali)|tutte le (?:mattine|sere)",
}
WEEKDAY_SET: dict[str, str] = {
    "en": r"(?:every|each) weekday|weekdays|monday to friday|mon-fri",
    "es": r"de lunes a viernes|entre semana",
    "fr": r"en semaine|du lundi au vendredi"
    r"|(?:tous les )?(?:jours|soirs|matins) de (?:la )?semaine",
    "de": r"werktags|montags bis freitags|von montag bis freitag",
    "pt": r"de segunda a sexta|dias úteis",
    "it": r"dal lunedì al venerdì|(?:nei|tutti i) giorni feriali",
}
# "for 2 weeks" (a count of occurrences), "until Friday" (the last day).
FOR_DAYS: dict[str, str] = {
    "en": r"for (?:the next )?(\d+) days",
    "es": r"(?:durante|por) (\d+) días",
    "fr": r"pendant (\d+) jours",
    "de": r"(\d+) tage lang",
    "pt": r"durante (\d+) dias",
    "it": r"per (\d+) giorni",
}
FOR_WEEKS: dict[str, str] = {
    "en": r"for (?:the next )?(\d+|a|one|two|three|four) weeks?",
    "es": r"durante (?:las próximas )?(\d+|una|dos|tres|cuatro) semanas?",
    "fr": r"pendant (?:les )?(\d+|une|deux|trois|quatre) (?:prochaines )?semaines?",
    "de": r"(?:für|die nächsten) (\d+|eine|zwei|drei|vier) wochen?"
    r"|(\d+|eine|zwei|drei|vier) wochen? lang",
    "pt": r"(?:durante|nas próximas) (\d+|uma|duas|três|quatro) semanas?",
    "it": r"per (?:le prossime )?(\d+|una|due|tre|quattro) settimane?",
}
UNTIL: dict[str, str] = {
    "en": r"until|till|through",
    "es": r"hasta",
    "fr": r"jusqu'à|jusqu'au",
    "de": r"bis",
    "pt": r"até",
    "it": r"fino a|fino al",
}
# "starting Monday", "à partir de samedi", "ab Montag", "começando dia 13".
START: dict[str, str] = {
    "en": r"starting|starts|start|from|beginning|next one's|next one is",
    "es": r"a partir del?|desde el|desde|empezando|empezamos|empieza|comenzando|comenzamos|"
    r"arrancamos|partimos|"
    r"arrancando",
    "fr": r"à partir de|a partir de|dès|commençant|commence|commencera|débute",
    "de": r"ab|beginnend|ab dem|ab diesem|ab nächstem|beginn(?: wäre| ist)?|start(?: wäre| ist)?",
    "pt": r"a partir de|começando|comecando|desde",
    "it": r"a partire da|a partire dal|dal|da",
}

# "every other day", "jeden zweiten Tag", "un jour sur deux".
EVERY_OTHER_DAY: dict[str, str] = {
    "en": r"every (?:other|second) day",
    "es": r"cada dos días|un día sí y (?:otro|un día) no|día por medio",
    "fr": r"tous les deux jours|un jour sur deux",
    "de": r"jeden zweiten tag|alle zwei tage",
    "pt": r"a cada dois dias|dia sim,? dia não|em dias alternados",
    "it": r"ogni due giorni|un giorno sì e uno no|a giorni alterni",
}
# "the first 6 sessions": a count of occurrences.
FOR_SESSIONS: dict[str, str] = {
    "en": r"(?:the )?(?:first|next) (\d+) (?:sessions|times|visits|appointments)"
    r"|for (\d+) sessions",
    "es": r"(?:las )?(?:primeras|próximas) (\d+) (?:sesiones|veces|visitas)",
    "fr": r"(?:les )?(\d+) (?:premières|prochaines) (?:séances|fois|visites)",
    "de": r"(?:die )?(?:ersten|nächsten) (\d+) (?:termine|sitzungen|male)",
    "pt": r"(?:as )?(?:primeiras|próximas) (\d+) (?:sessões|vezes|visitas)",
    "it": r"(?:le )?(?:prime|prossime) (\d+) (?:sedute|volte|visite)",
}

NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "una": 1,
    "une": 1,
    "eine": 1,
    "uma": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "duas": 2,
    "três": 3,
    "quatro": 4,
    "due": 2,
    "tre": 3,
    "quattro": 4,
}

# A clock time's neighbours that say morning or evening ("every evening at 8" is 20:00).
EVENING = (
    r"\b(?:evenings?|tonight|nights?|pm|soirs?|soirée|abends?|nacht|noches?|tardes?|noites?|"
    r"stasera|supper|tea|souper|dîner|cena|jantar|abendessen|"
    r"(?:di|la|alle|ogni|in) sera|after work|dinner)"
)
MORNING = (
    r"morning|matin|früh|morgens|morgen\w+|vormittag|mañana|manhã|mattin|breakfast|café|early|"
    r"temprano|tôt|cedo|presto|"
    r"desayuno|frühstück|colazione|déjeuner"
)

# Said of when something becomes possible, not when it is due ("ready Friday after 3").
AVAILABLE = (
    r"ready|available|open|list[oa]s?|disponibles?|prêts?|prêtes?|fertig|bereit|pront[oaie]s?|"
    r"disponibil[ei]"
)
# A request with no deadline at all.
VAGUE = (
    r"sometime|some time|no rush|whenever|no hurry|sin prisa|cuando puedan|pas pressé|"
    r"quand vous pouvez|keine eile|wann immer|sem pressa|quando puderem|non c'è fretta|"
    r"quando riuscite|con calma"
)
# "every week" said with a weekday: "le mercredi … toutes les semaines".
EVERY_WEEK: dict[str, str] = {
    "en": r"every week|each week|weekly|once a week",
    "es": r"todas las semanas|cada semana|una vez (?:por|a la) semana",
    "fr": r"toutes les semaines|chaque semaine|une fois par semaine",
    "de": r"jede woche|wöchentlich|einmal (?:pro|in der) woche",
    "pt": r"todas as semanas|toda semana|cada semana|uma vez por semana",
    "it": r"ogni settimana|tutte le settimane|una volta (?:a|alla) settimana",
}
# "tous les 15 jours", "every fortnight": every other week, on the day it starts.
FORTNIGHTLY: dict[str, str] = {
    "en": r"every (?:fortnight|two weeks|2 weeks)|fortnightly|biweekly",
    "es": r"cada (?:quince|15) días|cada dos semanas",
    "fr": r"tous les (?:quinze|15) jours|toutes les deux semaines",
    "de": r"alle (?:vierzehn|14) tage|alle zwei wochen|vierzehntägig",
    "pt": r"de quinze em quinze dias|a cada (?:quinze|15) dias|a cada duas semanas",
    "it": r"ogni (?:quindici|15) giorni|ogni due settimane",
}
# "un mardi sur deux": every other such day, said after the day.
OTHER_AFTER_DAY = r"\s+(?:sur deux|sì e uno no|sí y otro no|sim,? outro não)"


# Hours said in words, per language ("a las diez y cuarto", "alle nove e mezza", "um zehn").
def _one_to_twelve(names: str) -> dict[str, int]:
    return {name: number for number, name in enumerate(names.split(), start=1)}


SPOKEN_HOURS: dict[str, dict[str, int]] = {
    "en": _one_to_twelve("one two three four five six seven eight nine ten eleven twelve"),
    "es": _one_to_twelve("una dos tres cuatro cinco seis siete ocho nueve diez once doce"),
    "fr": _one_to_twelve("une deux trois quatre cinq six sept huit neuf dix onze douze"),
    "de": _one_to_twelve("eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf"),
    "pt": _one_to_twelve("uma duas três quatro cinco seis sete oito nove dez onze doze"),
    "it": _one_to_twelve("una due tre quattro cinque sei sette otto nove dieci undici dodici"),
}
# Quarters and halves after the hour ("diez y cuarto", "nove e mezza", "sete e meia"): minutes.
AFTER_HOUR: dict[str, dict[str, int]] = {
    "en": {},
    "es": {"y cuarto": 15, "y media": 30, "menos cuarto": -15},
    "fr": {"heures? et quart": 15, "heures? et demie": 30, "heures? moins le quart": -15},
    "de": {},
    "pt": {"e um quarto": 15, "e quarto": 15, "e meia": 30, "menos um quarto": -15},
    "it": {"e un quarto": 15, "e mezza": 30, "e mezzo": 30, "meno un quarto": -15},
}
# Quarters and halves before the hour ("quarter past ten", "Viertel nach zehn").
BEFORE_HOUR: dict[str, dict[str, int]] = {
    "en": {"quarter past": 15, "half past": 30, "quarter to": -15},
    "es": {},
    "fr": {},
    "de": {"viertel nach": 15, "viertel vor": -15, "dreiviertel": -15},
    "pt": {},
    "it": {},
}
# Words that put a spoken hour right after them: "at ten", "a las diez", "alle nove", "all'una".
HOUR_PREPOSITIONS: dict[str, str] = {
    "en": r"at|by|around",
    "es": r"a las|a la",
    "fr": r"vers|à",
    "de": r"um|gegen",
    "pt": r"às|à",
    "it": r"alle|all'|verso le",
}

NOON = r"noon|midday|mediodía|midi|meio-dia|mezzogiorno"
# "meio-dia e meia", "mezzogiorno e mezzo": half past noon.
NOON_AND_HALF = r"(?:meio-dia|mezzogiorno|mediodía) (?:e|y) (?:meia|mezzo|media)"
