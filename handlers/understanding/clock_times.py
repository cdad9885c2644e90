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

from handlers.understanding import locales
from handlers.understanding.mentions import TimeMention, sentence_of

# Marks read the same in every language: they count or measure, so a number before them is
# no clock time ("at 50%", "by 2 kg").
_MEASURES = r"%|°|x|lbs|kg|km|cm|[ap]\.?m|h\d*"
# How far around a bare hour its morning or evening words are looked for.
CONTEXT_BEFORE, CONTEXT_AFTER = 60, 30
# A sentence this short that holds a bare hour only adds the time to the one before it.
SHORT_SENTENCE = 24
# More hours ahead than this, said as an offset, are a clock time ("d'ici 21h": by 9 tonight).
MOST_HOURS_AHEAD = 12


def offset_is_a_clock(hours: float, unit_said: str) -> bool:
    """ "d'ici 21h" is by nine tonight, not in twenty-one hours: more hours than an offset
    runs to, said with the bare "h" of a clock ("in 24 hours", "dans 24 heures" stay offsets)."""
    return hours > MOST_HOURS_AHEAD and len(unit_said.strip()) == 1


# Before a number: a minus sign after a space, as in "it's hitting -9 at night", makes it a
# temperature, not a time (a dash between numbers, "2-4pm", is a span).
NOT_NEGATIVE = r"(?<!\s-)(?<!\s−)(?<!^-)"
# A few hours alone in brackets, "(1h)", "(2 h)", say how long something takes.
_BRACKETED_HOURS = re.compile(r"\(\s*[1-4]\s?h\s*\)")


def hours_in_brackets(text: str, start: int, end: int) -> bool:
    """Whether the time read at ``start:end`` is a few hours alone in brackets: "faut
    l'attendre (1h)" says how long, not when."""
    return bool(_BRACKETED_HOURS.fullmatch(text, max(0, start - 1), end + 1))


# The earliest hour of a morning without a word for it: a time with minutes from this hour on
# ("7:30", "6:45") is the morning when nothing says more, and so is a morning task's ("by 2:45
# for bloods" is still the afternoon).
EARLY_START = 6


@dataclass(frozen=True, slots=True)
class _Clocks:
    """The clock readers of a circle's languages, compiled once per set of languages."""

    clock: re.Pattern[str]
    noon: re.Pattern[str]
    noon_and_half: re.Pattern[str]
    half_to: re.Pattern[str]  # German "halb eins" is 12:30
    half_past: re.Pattern[str]  # British "half 2" (or "half past 2") is 2:30
    twelve_hour_words: frozenset[str]  # "at 10" is 10:00 but "at 22" a house number
    how_often: re.Pattern[str]  # "every 3h", "toutes les 3h", "ogni 2 ore": not when
    offset: re.Pattern[str]  # "in 30 min", "dans 2 heures", "tra un'ora"
    amounts: dict[str, float]


@cache
def _clocks(languages: tuple[str, ...]) -> _Clocks:
    def said(concern: str, key: str) -> str:
        return locales.alternation(languages, concern, key)

    counts = locales.unit_words(languages, "minute", "hour", "day", "week", "month", "year")
    minute_units = locales.unit_words(languages, "minute")
    hour_units = locales.unit_words(languages, "hour")
    clock_units = said("clock", "clock_units")
    journey = said("clock", "journey")  # "1h de route": how long, not when
    clock = (
        rf"(?<![\d.,:/#]){NOT_NEGATIVE}(?!\d[\d:h.]*\s*(?:{clock_units})?\s*(?:{journey})\b)(?:"
        rf"(?P<h1>\d{{1,2}})(?P<sep>:|h|\.(?=\d\d\s*(?:am|pm|{clock_units})))(?P<m1>[0-5]\d)"
        r"\s*(?P<ap1>[ap]\.?m\.?)?"
        r"|(?P<h2>\d{1,2})\s*(?P<ap2>[ap]\.?m\.?)(?!\w)"
        rf"|(?P<h4>\d{{1,2}}) (?:{said('clock', 'twelve_hour_units')})(?!\w)"
        rf"|(?P<h3>\d{{1,2}})\s*(?:{clock_units})(?!\w)"
        rf"|(?:\b(?P<prep>{said('clock', 'before_clock_number')})\s+(?P<h5>\d{{1,2}})"
        r"(?:\.(?P<m5>[0-5]\d)\b)?"
        rf"(?![\d:.,/]?\d|(?:{said('calendar', 'day_suffix')})\b"
        rf"|\s*(?:{_MEASURES}|{counts}|{clock_units}|{said('clock', 'counted')})\b))"
        r")"
    )
    spoken = _spoken(languages)
    hours = "|".join([r"\d{1,2}", *sorted(spoken.hours, key=len, reverse=True)])
    # One named group per language's form: a pattern may not name two groups alike.
    half_past = [
        template.replace("{hour}", rf"(?P<hour{index}>{hours})\b")
        for index, template in enumerate(
            dict.fromkeys(locales.listed(languages, "clock", "half_past"))
        )
    ]
    # Amounts a short wait is said in ("in an hour", "in einer Stunde", "tra un'ora").
    amounts = {
        **locales.merged(languages, "numbers", "counts"),
        **locales.merged(languages, "offsets", "amounts"),
    }
    amount = "|".join(sorted(amounts, key=len, reverse=True)) or locales.NEVER
    return _Clocks(
        clock=re.compile(clock),
        noon=re.compile(rf"\b(?:{said('clock', 'noon')})\b"),
        noon_and_half=re.compile(rf"\b(?:{said('clock', 'noon_and_half')})\b"),
        half_to=re.compile(rf"\b(?:{said('clock', 'half_to')}) (?P<hour>{hours})\b"),
        half_past=re.compile(rf"\b(?:{'|'.join(half_past) or locales.NEVER})"),
        twelve_hour_words=frozenset(
            word
            for code in languages
            if locales.section(code, "clock").get("bare_hour_max", 24) <= 12
            for word in locales.section(code, "clock")["before_clock_number"].split("|")
        ),
        how_often=re.compile(rf"(?:{said('clock', 'how_often')})\s*$"),
        offset=re.compile(
            rf"\b(?:{said('offsets', 'before')})\s+(?:{said('offsets', 'articles')})?"
            rf"(?P<n>\d{{1,3}}|{amount})?\s*(?:(?P<minutes>{minute_units})|(?P<hours>{hour_units}))\b"
        ),
        amounts=amounts,
    )


@dataclass(frozen=True, slots=True)
class _Spoken:
    """Hours said in words in a circle's languages, compiled once per set of languages."""

    hours: dict[str, int]
    minutes: list[tuple[re.Pattern[str], int]]
    after_hour: re.Pattern[str]
    before_hour: re.Pattern[str]
    after_preposition: re.Pattern[str]

    def hour(self, said: str) -> int:
        """The hour ``said`` in digits or in one of the circle's words ("3", "three")."""
        return int(said) if said.isdigit() else self.hours[said]


@cache
def _spoken(languages: tuple[str, ...]) -> _Spoken:
    hours = {
        name: number
        for code in languages
        for number, name in enumerate(locales.section(code, "clock").get("hours", []), start=1)
    }
    after = locales.merged(languages, "clock", "after_hour")
    before = locales.merged(languages, "clock", "before_hour")
    hour = "|".join([*sorted(hours, key=len, reverse=True), r"\d{1,2}"])
    prepositions = locales.alternation(languages, "clock", "hour_prepositions")
    # "on passe à trois séances", "à cinq minutes d'ici": how many, not when
    counts = "|".join(
        [
            locales.unit_words(languages, "minute", "day", "week"),
            locales.alternation(languages, "clock", "counted"),
        ]
    )
    never = r"(?!x)x"
    return _Spoken(
        hours=hours,
        minutes=[(re.compile(key), value) for key, value in {**after, **before}.items()],
        after_hour=re.compile(rf"\b(?P<hour>{hour})\s+(?P<part>{'|'.join(after) or never})\b"),
        before_hour=re.compile(rf"\b(?P<part>{'|'.join(before) or never})\s+(?P<hour>{hour})\b"),
        after_preposition=re.compile(
            rf"\b(?:{prepositions})\s*(?P<hour>{'|'.join(hours) or never})\b"
            rf"(?!\s*(?:{counts})\b)"
        ),
    )


def _spoken_mentions(text: str, languages: tuple[str, ...]) -> list[TimeMention]:
    """ "a las diez y cuarto" 10:15, "Viertel nach zehn" 10:15, "alle nove e mezza" 9:30."""
    spoken, found = _spoken(languages), []
    for pattern in (spoken.after_hour, spoken.before_hour):
        for match in pattern.finditer(text):
            hour = spoken.hour(match.group("hour"))
            minutes = next(v for p, v in spoken.minutes if p.fullmatch(match.group("part")))
            if minutes < 0:
                hour, minutes = (hour - 1) % 12 or 12, 60 + minutes
            if 1 <= hour <= 12:
                hour = plausible_hour(hour, text, match.start(), languages)
                found.append(TimeMention(*match.span(), clock=time(hour, minutes)))
    for match in spoken.after_preposition.finditer(text):
        if not any(m.start <= match.start("hour") < m.end for m in found):
            hour = plausible_hour(spoken.hours[match.group("hour")], text, match.start(), languages)
            found.append(TimeMention(*match.span(), clock=time(hour, 0)))
    for match in _clocks(languages).noon_and_half.finditer(text):
        found.append(TimeMention(*match.span(), clock=time(12, 30)))
    return found


def clock_mentions(text: str, now: datetime, languages: tuple[str, ...]) -> list[TimeMention]:
    readers = _clocks(languages)
    found: list[TimeMention] = []
    for match in readers.offset.finditer(text):
        word = match.group("n")
        amount = 1 if word is None else readers.amounts.get(word)
        number = float(amount if amount is not None else word)
        if match.group("hours") and offset_is_a_clock(number, match.group("hours")):
            continue
        minutes = number if match.group("minutes") else number * 60
        found.append(TimeMention(*match.span(), offset=timedelta(minutes=minutes)))
    found += _spoken_mentions(text, languages)
    for match in readers.clock.finditer(text):
        if readers.how_often.search(
            text, max(0, match.start() - 12), match.start()
        ) or hours_in_brackets(text, *match.span()):
            continue
        clock = _clock_of(match, text, readers, languages)
        if clock is not None and not _overlaps(found, *match.span()):
            found.append(TimeMention(*match.span(), clock=clock))
    for match in readers.noon.finditer(text):
        if not _overlaps(found, *match.span()):
            found.append(TimeMention(*match.span(), clock=time(12, 0)))
    spoken = _spoken(languages)
    for match in readers.half_to.finditer(text):
        hour = spoken.hour(match.group("hour"))
        hour = plausible_hour((hour - 1) % 12 or 12, text, match.start(), languages)
        found.append(TimeMention(*match.span(), clock=time(hour, 30)))
    for match in readers.half_past.finditer(text):
        hour = spoken.hour(
            next(word for word in match.groupdict().values() if word)
        )  # "half three"
        if 1 <= hour <= 12 and not _overlaps(found, *match.span()):  # "half past 2" said once
            hour = plausible_hour(hour, text, match.start(), languages)
            found.append(TimeMention(*match.span(), clock=time(hour, 30)))
    return found


def _overlaps(found: list[TimeMention], start: int, end: int) -> bool:
    return any(start < m.end and m.start < end for m in found)


def _clock_of(
    match: re.Match[str], text: str, readers: _Clocks, languages: tuple[str, ...]
) -> time | None:
    groups = match.groupdict()
    hour_text = next(groups[g] for g in ("h1", "h2", "h3", "h4", "h5") if groups[g])
    hour, minute = int(hour_text), int(groups["m1"] or groups["m5"] or 0)
    meridiem = (groups["ap1"] or groups["ap2"] or "").replace(".", "")
    if hour > 23 or (meridiem and not 1 <= hour <= 12):
        return None
    if groups["prep"] in readers.twelve_hour_words and hour > 12:
        return None
    # "15h", "9 Uhr", "7h30" read as 24-hour times unless morning or evening words say more
    # ("vers 5h" for supper is 17:00).
    is_24_hour = bool(groups["h3"] or groups["sep"] == "h") or hour_text.startswith("0")
    if meridiem:
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    elif 1 <= hour <= 12 and not hour_text.startswith("0"):
        hour = plausible_hour(
            hour, text, match.start(), languages, afternoon_if_unsaid=not is_24_hour
        )
    return time(hour, minute)


@cache
def _closing(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "they close at 9", "before it shuts at 8": a closing time is an evening one."""
    closing = locales.alternation(languages, "clock", "closing")
    return re.compile(rf"\b(?:{closing})\s+(?:[^\W\d]+\s+)?$")


@cache
def parts_of_day(languages: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Evening words (each starting a word) and morning words ("stamattina") of a circle."""
    return (
        re.compile(rf"\b(?:{locales.alternation(languages, 'clock', 'evening')})"),
        re.compile(locales.alternation(languages, "clock", "morning")),
    )


def plausible_hour(
    hour: int,
    text: str,
    position: int,
    languages: tuple[str, ...],
    *,
    afternoon_if_unsaid: bool = True,
) -> int:
    """A 12-hour clock without am/pm: the nearest morning or evening word in its sentence
    decides ("by 7 tomorrow morning" is 07:00 even after "storm warning for tonight");
    without one, 1 to 7 are afternoons ("by 7" is 19:00)."""
    if _closing(languages).search(text, max(0, position - 20), position) or _closing_after(
        languages
    ).match(text, position):  # "they close at 7", "antes de las 8 y media, que cierran"
        return hour % 12 + 12
    start, end = sentence_of(text, (position, position))
    # A time said on its own after the request ("… tomorrow morning for her bloods? At half
    # 7") takes the part of the day the message gave.
    around = (0, len(text)) if end - start <= SHORT_SENTENCE else (start, end)
    start, end = max(around[0], position - CONTEXT_BEFORE), min(around[1], position + CONTEXT_AFTER)
    nearest: tuple[int, bool] | None = None
    evening, morning = parts_of_day(languages)
    for pattern, is_evening in ((evening, True), (morning, False)):
        for match in pattern.finditer(text, start, end):
            distance = abs(match.start() - position)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, is_evening)
    if nearest is not None:
        return hour % 12 + 12 if nearest[1] else hour % 12
    if hour >= EARLY_START and _morning_tasks(languages).search(text):
        return hour  # "… ele precisa fazer hemograma … às 6 e meia?": a morning errand
    return hour + 12 if hour <= 7 and afternoon_if_unsaid else hour


@cache
def _closing_after(languages: tuple[str, ...]) -> re.Pattern[str]:
    """A closing said right after the time, in the same clause: "before 8:30, they close"."""
    closing = locales.alternation(languages, "clock", "closing")
    return re.compile(rf"[^.?!;\n]{{0,30}}?\b(?:{closing})\b")


@cache
def _morning_tasks(languages: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{locales.alternation(languages, 'clock', 'morning_tasks')})\b")
