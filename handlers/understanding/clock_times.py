"""Clock times in a message: "9:40", "3pm", "15h", "um 9 Uhr", "halb eins", noon, "in 30 min".

A bare hour takes its plausible reading from its sentence: evening words make it pm, morning
words am, and otherwise 1 to 7 are afternoons ("by 7" is 19:00). "15h" and "9 Uhr" are
24-hour times already.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import cache

from handlers.understanding import calendar_words as words
from handlers.understanding.mentions import Mention, sentence_of

_CLOCK = re.compile(
    r"(?<![\d.,:/#])(?:"
    r"(?P<h1>\d{1,2})(?P<sep>:|h|\.(?=\d\d\s*(?:am|pm|uhr)))(?P<m1>[0-5]\d)\s*(?P<ap1>[ap]\.?m\.?)?"
    r"|(?P<h2>\d{1,2})\s*(?P<ap2>[ap]\.?m\.?)(?!\w)"
    r"|(?P<h3>\d{1,2})\s*(?:h|hs|uhr)(?!\w)"
    r"|(?P<h4>\d{1,2}) o'clock"
    rf"|(?:\b(?P<prep>{words.BEFORE_CLOCK_NUMBER})\s+(?P<h5>\d{{1,2}})(?:\.(?P<m5>[0-5]\d)\b)?"
    r"(?![\d:.,/]?\d|\s*(?:%|min|minutes|mins|hours|hrs|hour|days|day|weeks|week|months|"
    r"years|lbs|kg|km|cm|degrees|°|people|of|st|nd|rd|th|times|x|[ap]\.?m|h\d*|uhr)\b))"
    r")"
)
_NOON = re.compile(rf"\b(?:{words.NOON})\b")
_NOON_AND_HALF = re.compile(rf"\b{words.NOON_AND_HALF}\b")
# German "halb eins" is 12:30; British "half 2" (or "half past 2") is 2:30.
_GERMAN_HOURS = words.SPOKEN_HOURS["de"]
_HALF = re.compile(r"\bhalb (?P<hour>\d{1,2}|" + "|".join(_GERMAN_HOURS) + r")\b")
_HALF_PAST = re.compile(r"\bhalf (?:past )?(?P<hour>\d{1,2})\b(?! ?(?:an|hours?|days?|of)\b)")
# English speakers say "at 10" for 10:00 but never "at 22" for 22:00: that is a house number.
_TWELVE_HOUR_WORDS = words.TWELVE_HOUR_WORDS
# "every 3h", "toutes les 3h", "ogni 2 ore": how often, not when.
_HOW_OFTEN = re.compile(rf"(?:{words.HOW_OFTEN})\s*$")
# How far around a bare hour its morning or evening words are looked for.
CONTEXT_BEFORE, CONTEXT_AFTER = 60, 30
_OFFSET = re.compile(
    r"\b(?:in|within|en|dans|em|tra|fra|entro|innerhalb von|dentro de|d'ici)\s+(?:the next |the |"
    r"l'|los próximos |las próximas |les |les prochaines |den nächsten |os próximos |"
    r"as próximas |"
    r"i prossimi |le prossime )?(?P<n>\d{1,3}|an?|one|half an|"
    + "|".join(words.NUMBER_WORDS)
    + r")?\s*"
    r"(?P<unit>min|mins|minutes|minutos|minuten|minuti|hour|hours|hrs|horas|heures|heure|"
    r"stunden|stunde|ore|ora)\b"
)
_EVENING = re.compile(words.EVENING)
_MORNING = re.compile(words.MORNING)


@dataclass(frozen=True, slots=True)
class _Spoken:
    """Hours said in words in a circle's languages, compiled once per set of languages."""

    hours: dict[str, int]
    minutes: list[tuple[re.Pattern[str], int]]
    after_hour: re.Pattern[str]
    before_hour: re.Pattern[str]
    after_preposition: re.Pattern[str]


@cache
def _spoken(languages: tuple[str, ...]) -> _Spoken:
    hours = {w: n for code in languages for w, n in words.SPOKEN_HOURS.get(code, {}).items()}
    after = {k: v for code in languages for k, v in words.AFTER_HOUR.get(code, {}).items()}
    before = {k: v for code in languages for k, v in words.BEFORE_HOUR.get(code, {}).items()}
    hour = "|".join([*sorted(hours, key=len, reverse=True), r"\d{1,2}"])
    prepositions = "|".join(
        words.HOUR_PREPOSITIONS[code] for code in languages if code in words.HOUR_PREPOSITIONS
    )
    never = r"(?!x)x"
    return _Spoken(
        hours=hours,
        minutes=[(re.compile(key), value) for key, value in {**after, **before}.items()],
        after_hour=re.compile(rf"\b(?P<hour>{hour})\s+(?P<part>{'|'.join(after) or never})\b"),
        before_hour=re.compile(rf"\b(?P<part>{'|'.join(before) or never})\s+(?P<hour>{hour})\b"),
        after_preposition=re.compile(
            rf"\b(?:{prepositions or never})\s*(?P<hour>{'|'.join(hours) or never})\b"
        ),
    )


def _spoken_mentions(text: str, languages: tuple[str, ...]) -> list[Mention]:
    """ "a las diez y cuarto" 10:15, "Viertel nach zehn" 10:15, "alle nove e mezza" 9:30."""
    spoken, found = _spoken(languages), []
    for pattern in (spoken.after_hour, spoken.before_hour):
        for match in pattern.finditer(text):
            said = match.group("hour")
            hour = int(said) if said.isdigit() else spoken.hours[said]
            minutes = next(v for p, v in spoken.minutes if p.fullmatch(match.group("part")))
            if minutes < 0:
                hour, minutes = (hour - 1) % 12 or 12, 60 + minutes
            if 1 <= hour <= 12:
                hour = plausible_hour(hour, text, match.start())
                found.append(Mention(*match.span(), clock=time(hour, minutes)))
    for match in spoken.after_preposition.finditer(text):
        if not any(m.start <= match.start("hour") < m.end for m in found):
            hour = plausible_hour(spoken.hours[match.group("hour")], text, match.start())
            found.append(Mention(*match.span(), clock=time(hour, 0)))
    for match in _NOON_AND_HALF.finditer(text):
        found.append(Mention(*match.span(), clock=time(12, 30)))
    return found


def clock_mentions(text: str, now: datetime, languages: tuple[str, ...]) -> list[Mention]:
    found: list[Mention] = []
    for match in _OFFSET.finditer(text):
        word = match.group("n")
        amount = {None: 1, "a": 1, "an": 1, "one": 1, "half an": 0.5}.get(word)
        amount = words.NUMBER_WORDS.get(word, amount)
        number = float(amount if amount is not None else match.group("n"))
        minutes = number if match.group("unit").startswith("min") else number * 60
        found.append(Mention(*match.span(), offset=timedelta(minutes=minutes)))
    found += _spoken_mentions(text, languages)
    for match in _CLOCK.finditer(text):
        if _HOW_OFTEN.search(text, max(0, match.start() - 12), match.start()):
            continue
        clock = _clock_of(match, text)
        if clock is not None and not _overlaps(found, *match.span()):
            found.append(Mention(*match.span(), clock=clock))
    for match in _NOON.finditer(text):
        if not _overlaps(found, *match.span()):
            found.append(Mention(*match.span(), clock=time(12, 0)))
    for match in _HALF.finditer(text):
        word = match.group("hour")
        hour = int(word) if word.isdigit() else _GERMAN_HOURS[word]
        hour = plausible_hour((hour - 1) % 12 or 12, text, match.start())
        found.append(Mention(*match.span(), clock=time(hour, 30)))
    for match in _HALF_PAST.finditer(text):
        hour = int(match.group("hour"))
        if 1 <= hour <= 12 and not _overlaps(found, *match.span()):  # "half past 2" said once
            hour = plausible_hour(hour, text, match.start())
            found.append(Mention(*match.span(), clock=time(hour, 30)))
    return found


def _overlaps(found: list[Mention], start: int, end: int) -> bool:
    return any(start < m.end and m.start < end for m in found)


def _clock_of(match: re.Match[str], text: str) -> time | None:
    groups = match.groupdict()
    hour_text = next(groups[g] for g in ("h1", "h2", "h3", "h4", "h5") if groups[g])
    hour, minute = int(hour_text), int(groups["m1"] or groups["m5"] or 0)
    meridiem = (groups["ap1"] or groups["ap2"] or "").replace(".", "")
    if hour > 23 or (meridiem and not 1 <= hour <= 12):
        return None
    if groups["prep"] in _TWELVE_HOUR_WORDS and hour > 12:
        return None
    # "15h", "9 Uhr", "7h30" read as 24-hour times unless morning or evening words say more
    # ("vers 5h" for supper is 17:00).
    is_24_hour = bool(groups["h3"] or groups["sep"] == "h") or hour_text.startswith("0")
    if meridiem:
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    elif 1 <= hour <= 12 and not hour_text.startswith("0"):
        hour = plausible_hour(hour, text, match.start(), afternoon_if_unsaid=not is_24_hour)
    return time(hour, minute)


def plausible_hour(hour: int, text: str, position: int, *, afternoon_if_unsaid: bool = True) -> int:
    """A 12-hour clock without am/pm: the nearest morning or evening word in its sentence
    decides ("by 7 tomorrow morning" is 07:00 even after "storm warning for tonight");
    without one, 1 to 7 are afternoons ("by 7" is 19:00)."""
    start, end = sentence_of(text, (position, position))
    start, end = max(start, position - CONTEXT_BEFORE), min(end, position + CONTEXT_AFTER)
    nearest: tuple[int, bool] | None = None
    for pattern, is_evening in ((_EVENING, True), (_MORNING, False)):
        for match in pattern.finditer(text, start, end):
            distance = abs(match.start() - position)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, is_evening)
    if nearest is not None:
        return hour % 12 + 12 if nearest[1] else hour % 12
    return hour + 12 if hour <= 7 and afternoon_if_unsaid else hour
