"""Two readings that matter while an urgent task is open: the emergency is over, or someone is
on their way.

``all_clear("fausse alerte… tout va bien", ("fr",))`` and ``on_my_way("bin unterwegs", ("de",))``
are pure: text and the circle's languages in, a yes or no out. The words live in one table per
language below; nothing else of the project is imported. A phrase does not count when a
negation stands just before it ("she's not OK" is not caught, "no está bien" neither) or when
it is asked ("is she OK?").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache

# The emergency is over: she is fine, it was a false alarm, nobody needs to come.
ALL_CLEAR: dict[str, tuple[str, ...]] = {
    "en": (
        r"(?:she|he|they|mum|mom|dad|gran|grandma|grandpa)(?:'s|'re| is| are)\s+"
        r"(?:ok|okay|o\.k\.|fine|alright|all right|safe)",
        r"false alarm",
        r"all (?:fine|good|ok|okay|clear|well)",
        r"everything(?:'s| is) (?:fine|ok|okay|alright|all right|good)",
        r"no need to come",
        r"stand down",
        r"no bones broken",
    ),
    "es": (
        r"falsa alarma",
        r"(?:esta|estan|sta|ta) (?:bien|perfectamente|ok)",
        r"todo (?:bien|en orden|ok|controlado)",
        r"no hace falta (?:venir|ir)",
        r"no (?:es|fue) nada",
    ),
    "fr": (
        r"fausse alerte",
        r"fausse alarme",
        r"tout va bien",
        r"(?:elle|il|maman|papa|mamie|papi) va bien",
        r"plus de peur que de mal",
        r"pas besoin de venir",
        r"rien de grave",
    ),
    "de": (
        r"(?:sie|er|mama|papa|oma|opa) ist (?:ok|okay|wohlauf|unverletzt|in ordnung)",
        r"(?:es|ihr|ihm) geht(?:'s| es)? (?:ihr |ihm )?gut",
        r"alles (?:gut|ok|okay|in ordnung|klar)",
        r"(?:fehlalarm|falscher alarm|entwarnung)",
        r"nichts passiert",
        r"(?:ihr|ihm) ist nichts passiert",
    ),
    "pt": (
        r"(?:ela|ele|a mae|o pai|a avo|o avo) (?:ta|esta|tá|está|ficou) (?:bem|otima|otimo|ok)",
        r"(?:alarme falso|falso alarme|alarme falsa)",
        r"(?:esta|ta) tudo (?:bem|certo|ok)",
        r"tudo (?:certo|sob controle)",
        r"nao precisa (?:vir|ir)",
        r"nao foi nada",
    ),
    "it": (
        r"sta bene",
        r"stanno bene",
        r"falso allarme",
        r"tutto (?:bene|a posto|ok|okay)",
        r"non serve (?:venire|andare)",
        r"niente di grave",
    ),
}

# Someone is going: a claim in plain words.
ON_MY_WAY: dict[str, tuple[str, ...]] = {
    "en": (
        r"on my way(?! (?:home|back|to|from|out|in))",
        r"omw",
        r"(?:i'm|i am|im) (?:coming|going|heading (?:over|there|round)|leaving now)",
        r"coming (?:now|over|round)",
        r"heading (?:over|there|round)",
        r"(?:i'll|i will|i can) go(?: now| round| over)?$",
        r"be there in",
        r"leaving now",
    ),
    "es": (
        r"voy (?:para alla|pa alla|para alli|para alla ya|ahora|ya|yo|enseguida|corriendo)",
        r"(?:estoy|voy) en camino",
        r"ya voy",
        r"salgo (?:ahora|ya|para alla)",
    ),
    "fr": (
        r"j'arrive",
        r"(?:je suis|suis) en route",
        r"j'y vais",
        r"je (?:pars|viens|file) (?:tout de suite|maintenant)",
        r"j'y cours",
    ),
    "de": (
        r"bin (?:unterwegs|auf dem weg|gleich da|sofort da)",
        r"ich komme(?: sofort| gleich)?",
        r"komme (?:sofort|gleich)",
        r"ich (?:fahre|fahr|geh|gehe|laufe) (?:hin|rüber|rueber|los|sofort)",
        r"fahre (?:los|hin)",
    ),
    "pt": (
        r"(?:estou|to|tou|tô) (?:indo|a caminho|chegando)",
        r"ja (?:vou|estou indo)",
        r"vou (?:agora|ja|la|eu)",
        r"(?:estou|to|tô) saindo",
    ),
    "it": (
        r"arrivo",
        r"sto (?:arrivando|andando|venendo)",
        r"vado (?:io|subito|ora)",
        r"(?:sono|sto) per strada",
        r"corro",
    ),
}

# A negation just before a phrase turns it around.
NEGATIONS: dict[str, tuple[str, ...]] = {
    "en": ("not", "isn't", "isnt", "never", "can't", "cant", "won't", "wont", "no longer"),
    "es": ("no", "nunca"),
    "fr": ("ne", "n'", "pas", "jamais"),
    "de": ("nicht", "kein", "keine"),
    "pt": ("nao", "nunca"),
    "it": ("non", "mai"),
}
# A negation just after: "ich komme nicht", "je n'arrive pas".
NEGATIONS_AFTER: dict[str, tuple[str, ...]] = {
    "de": ("nicht",),
    "fr": ("pas",),
}


def all_clear(text: str, languages: Sequence[str]) -> bool:
    """Whether the message says an emergency is over ("she's OK", "falsa alarma")."""
    return _says(text, languages, ALL_CLEAR)


def on_my_way(text: str, languages: Sequence[str]) -> bool:
    """Whether the message says its writer is going ("on my way", "bin unterwegs")."""
    return _says(text, languages, ON_MY_WAY)


def _says(text: str, languages: Sequence[str], table: dict[str, tuple[str, ...]]) -> bool:
    plain = _plain(text)
    for language in [code for code in languages if code in table] or ["en"]:
        which = "all_clear" if table is ALL_CLEAR else "on_my_way"
        for match in _pattern(language, which).finditer(plain):
            if not _turned_around(plain, match, language):
                return True
    return False


@cache
def _pattern(language: str, which: str) -> re.Pattern[str]:
    table = ALL_CLEAR if which == "all_clear" else ON_MY_WAY
    phrases = "|".join(f"(?:{_plain(phrase)})" for phrase in table[language])
    return re.compile(rf"(?<![\w'])(?:{phrases})(?![\w'])")


def _turned_around(plain: str, match: re.Match[str], language: str) -> bool:
    before = plain[: match.start()].split()[-2:]
    after = plain[match.end() :]
    if after.lstrip().startswith("?"):
        return True
    words_after = after.split()[:1]
    if any(word.strip(".,!;:") in NEGATIONS_AFTER.get(language, ()) for word in words_after):
        return True
    negations = NEGATIONS.get(language, ())
    return any(
        word.strip(".,!;:") in negations or word.endswith("n'") or word == "n't" for word in before
    )


@lru_cache(maxsize=64)
def _plain(text: str) -> str:
    """Lower case, curly quotes straightened, accents dropped, spaces single (once per message:
    both questions, all-clear and on-my-way, read the same text)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(text.split())
