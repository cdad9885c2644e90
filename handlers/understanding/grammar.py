"""The time grammar: dates, clock times and offsets, written once for every language.

Each language is data (``locales/<code>.toml``); this module only combines its words the same
way for all of them: a day and a month name with an optional weekday and year ("samedi 21
septembre", "march 3 2015", "12 de septiembre de 2014"), numeric dates in the language's order
("10.12.", "2/15", "15/2", "2013-02-15"), the nth weekday of a month, a weekday with what
shifts it ("Tuesday of this week", "lundi en huit", "übernächsten Freitag"), offsets ("in a
week", "dans 2 jours", "in einer Stunde"), and clock times said in words and numbers ("a
quarter past 3pm", "las doce menos cinco", "quinze heures trente", "8 tonight", "à minuit",
"4pm CET").

The older readers in ``due`` and ``clock_times`` still see the message afterwards for what
this grammar leaves (care-chat phrasings such as "by 7", "halb eins"); words read here are
not read twice. No two repeats in a pattern compete for the same characters, so reading stays
linear in the length of a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from handlers.understanding.clock_times import (
    EARLY_START,
    NOT_NEGATIVE,
    hours_in_brackets,
    offset_is_a_clock,
    plausible_hour,
)
from handlers.understanding.days import day_of_month
from handlers.understanding.literals import GuardedPattern
from handlers.understanding.locales import section
from handlers.understanding.mentions import TimeMention

NEVER = r"(?!x)x"
# Time zones a message may name, in hours from UTC (standard time).
ZONES = {
    "utc": 0,
    "gmt": 0,
    "wet": 0,
    "cet": 1,
    "met": 1,
    "eet": 2,
    "cest": 2,
    "bst": 1,
    "ist": 5.5,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "jst": 9,
}
_ZONE = re.compile(r"\s*\b(" + "|".join(ZONES) + r")\b", re.IGNORECASE)
# "every 3h", "toutes les 3h", "ogni 2 ore": how often, not when.
_MERIDIEM = re.compile(r"[ap]\.?\s?m\.?")
_ZONE_SAID_PLAINLY = re.compile(r"\s*(?:[?!.,;)]|$)")


_LITERAL = re.compile(r"[\w' -]+")


class _Table:
    """Regex fragments with a value each: one alternation, and the value of what it matched."""

    def __init__(self, entries: Iterable[tuple[str, object]]) -> None:
        unique = dict(entries)
        ordered = sorted(unique, key=len, reverse=True)
        self.pattern = "(?:" + ("|".join(_spaced(f) for f in ordered) or NEVER) + ")"
        # Plain words are looked up; only fragments with operators are matched, when needed.
        self._words = {f.replace("-", " "): unique[f] for f in ordered if _LITERAL.fullmatch(f)}
        self._fragments = [(f, unique[f]) for f in ordered if not _LITERAL.fullmatch(f)]

    def value(self, said: str):
        found = self._words.get(said.replace("-", " "))
        if found is not None:
            return found
        for fragment, value in self._fragments:
            if re.fullmatch(_spaced(fragment), said):
                return value
        return None


def _spaced(fragment: str) -> str:
    """A hyphen between words also matches a space ("twenty-one", "vingt quatre")."""
    return re.sub(r"(?<=[^\\\[(|?])-(?=[^\])|?])", "[- ]?", fragment)


def _plain_alternatives(fragment: str) -> list[str]:
    """The top-level alternatives of a fragment that carry no look-around of their own."""
    parts, depth, current = [], 0, ""
    for char in fragment:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [part for part in parts if "(?" not in part and part]


def _all(languages: tuple[str, ...], concern: str, key: str) -> list:
    return [section(code, concern).get(key) for code in languages if section(code, concern)]


def _merged(languages: tuple[str, ...], concern: str, key: str) -> dict:
    merged: dict = {}
    for table in _all(languages, concern, key):
        merged.update(table or {})
    return merged


def _joined(languages: tuple[str, ...], concern: str, key: str) -> str:
    found = [f for f in _all(languages, concern, key) if f]
    return "(?:" + "|".join(found) + ")" if found else NEVER


def _listed(languages: tuple[str, ...], concern: str, key: str) -> list[str]:
    return [word for words in _all(languages, concern, key) for word in (words or [])]


@dataclass(frozen=True, slots=True)
class _Grammar:
    languages: tuple[str, ...]
    order: str
    weekdays: _Table
    abbreviated: _Table
    months: _Table
    numbers: _Table
    days: _Table
    ordinals: _Table
    fractions: _Table
    units: _Table
    amounts: _Table
    shifts: _Table
    relative: _Table
    bare_hour_max: int
    clock_units: re.Pattern[str]
    twelve_hour_units: re.Pattern[str]  # "3 o'clock" may be 15:00; "7 Uhr" is 07:00
    how_often: re.Pattern[str]  # "every 3h", "toutes les 3h": how often, not when
    range_from: re.Pattern[str]  # "from 6 to 8 in the evening": a window, not 7:54
    moved: re.Pattern[str]  # "la pasaron del lunes 7 al viernes 11": a date moved, no span
    duration_after: re.Pattern[str]  # "(about 4 hrs)": how long, not when
    counted_after: re.Pattern[str]  # "à trois séances", "3 fois": a count
    joined_minutes: bool  # "alle 7 e 10" is 7:10
    window_from: re.Pattern[str]  # "tra le 8 e 10": a span opened before the hours
    after_clock_word: re.Pattern[str]  # "um 10.10" is a time
    hour_word: re.Pattern[str]  # words before an hour alone: "um 10.10" is a time
    before_day: re.Pattern[str]  # "am 10.12", "le 5.10": an article or "day" says a date
    day_named: re.Pattern[str]  # "lunes 14", "dia 23": a weekday or "day" just before a number
    minute_words: re.Pattern[str]  # "15 minutes to 7" is a time, "5 to 7" a span
    dotted: bool
    forms: tuple[tuple[str, GuardedPattern, re.Pattern[str] | None], ...]


@cache
def grammar_for(languages: tuple[str, ...]) -> _Grammar:
    weekday_words, abbreviations, month_words = [], [], []
    for code in languages:
        calendar = section(code, "calendar")
        if not calendar:
            continue
        for index, fragment in enumerate(calendar["weekdays"]):
            weekday_words += [(word, index) for word in _plain_alternatives(fragment)]
        for index, fragment in enumerate(calendar["weekday_abbreviations"]):
            abbreviations += [(word, index) for word in fragment.split("|")]
        for index, fragment in enumerate([*calendar["months"], *calendar["month_abbreviations"]]):
            month_words += [(word, index % 12 + 1) for word in _plain_alternatives(fragment)]
    weekdays = _Table(weekday_words)
    abbreviated = _Table(abbreviations)
    months = _Table(month_words)
    numbers = _Table(_merged(languages, "numbers", "words").items())
    days = _Table(
        [
            *_merged(languages, "calendar", "day_words").items(),
            *(
                (word, value)
                for code in languages
                if section(code, "calendar").get("days_as_numbers")
                for word, value in section(code, "numbers").get("words", {}).items()
                if 2 <= value <= 31
            ),
        ]
    )
    ordinals = _Table(_merged(languages, "calendar", "ordinals").items())
    fractions = _Table(_merged(languages, "clock", "fractions").items())
    unit_words = [
        (fragment, unit)
        for code in languages
        for unit, fragment in section(code, "offsets").get("units", {}).items()
    ]
    units = _Table(unit_words)
    amounts = _Table(_merged(languages, "offsets", "amounts").items())
    shifts = _Table(
        [
            (entry["words"], entry["days"])
            for key in ("after_weekday", "before_weekday")
            for entries in _all(languages, "calendar", key)
            for entry in entries
        ]
        + [(words, "this") for words in _listed(languages, "calendar", "this_week")]
    )
    after_weekday = _Table(
        (e["words"], e["days"]) for es in _all(languages, "calendar", "after_weekday") for e in es
    )
    before_weekday = _Table(
        (e["words"], e["days"]) for es in _all(languages, "calendar", "before_weekday") for e in es
    )
    this_week = _Table((w, 0) for w in _listed(languages, "calendar", "this_week"))
    suffix = _joined(languages, "calendar", "day_suffix")
    articles = _joined(languages, "calendar", "articles")
    weekday = rf"(?:{weekdays.pattern}|(?:{abbreviated.pattern})\.)"
    month = rf"(?P<month>{months.pattern})\.?"
    day = (
        rf"(?:(?P<day>(?:0?[1-9]|[12]\d|3[01]))(?:{suffix}|\.)?(?!\d)|(?P<dayword>{days.pattern}"
        rf"|{numbers.pattern}))"
    )
    clock_units = _joined(languages, "clock", "clock_units")
    year = rf"(?P<year>(?:19|20)\d\d|'?\d\d(?![\d:.]|\s*(?:{clock_units}\b|[ap]\.?m\b)))"
    joiner = _joined(languages, "calendar", "year_joiner")
    leads, tails, betweens = [], [], []
    for template in _all(languages, "calendar", "day_before_month"):
        if template and "{day}" in template:
            lead, tail = template.split("{day}")
            leads.append(lead)
            tails.append(tail)
    for template in _all(languages, "calendar", "month_before_day"):
        if template and "{month}" in template and "{day}" in template:
            betweens.append(template.split("{month}")[1].split("{day}")[0])
    lead = (
        rf"(?:(?P<weekday>{weekdays.pattern}|{abbreviated.pattern})\.?(?:\s*,)?\s*"
        rf"(?:(?:{articles}) )?)?"
    )
    day_first = rf"(?:{'|'.join(leads)}){day}(?:{'|'.join(tails)}){month}"
    month_first = (
        rf"|(?P<monthb>{months.pattern})(?:{'|'.join(betweens)})"
        + day.replace("?P<day>", "?P<day2>").replace("?P<dayword>", "?P<dayword2>")
        if betweens
        else ""
    )
    dated = rf"\b{lead}(?:{day_first}{month_first})(?:{joiner}{year})?(?!\w)"
    separators = (
        "".join(dict.fromkeys("".join(_all(languages, "calendar", "date_separators")))).replace(
            "-", r"\-"
        )
        or "/"
    )
    ordinal = ordinals.pattern
    in_month = _joined(languages, "calendar", "in_month")
    day_noun = _joined(languages, "calendar", "day_noun")
    hour_words = _joined(languages, "clock", "hour_words")
    minute_words = _joined(languages, "clock", "minute_words")
    noon = "|".join(
        [*_listed(languages, "clock", "noon"), *_listed(languages, "clock", "noon_spellings")]
    )
    midnight = "|".join(_listed(languages, "clock", "midnight")) or NEVER
    hour = (
        rf"(?:(?P<noon>{noon or NEVER})|(?P<midnight>{midnight})|(?P<hhmm>\d{{3,4}})"
        rf"|(?P<hour>[01]?\d|2[0-4])|(?P<hourword>{numbers.pattern}))"
        rf"(?:{_joined(languages, 'clock', 'about_suffix')})?"
    )
    hour_to = re.sub(r"\?P<(\w+)>", r"?P<t\1>", hour)
    hour_half = re.sub(r"\?P<(\w+)>", r"?P<h\1>", hour)
    half_to = _joined(languages, "clock", "half_to")
    minutes = (
        rf"(?:(?P<fraction>{fractions.pattern})|(?P<min>[0-5]\d)|(?P<minword>{numbers.pattern}))"
    )
    minutes_before = minutes.replace("?P<", "?P<b").replace("[0-5]", "[0-5]?")  # "5 para"
    prefix = (
        "|".join(sorted(_listed(languages, "clock", "bare_hour_after"), key=len, reverse=True))
        or NEVER
    )
    pm = "|".join(_listed(languages, "clock", "pm")) or NEVER
    am = "|".join(_listed(languages, "clock", "am")) or NEVER
    past = _joined(languages, "clock", "past")
    to = _joined(languages, "clock", "to")
    minus = _joined(languages, "clock", "minus")
    and_ = _joined(languages, "clock", "joiner")
    zero = "|".join(w for w, v in _merged(languages, "numbers", "words").items() if v == 0)
    part = rf"(?:(?:\s*,)?\s*(?P<rel>{_relative_days(languages)}))?\s*(?:(?P<pm>{pm})|(?P<am>{am}))"
    clock = (
        rf"(?<![\w:/.#]){NOT_NEGATIVE}(?:(?P<prefix>{prefix})\s+(?:(?:{articles}) )?)?(?:"
        # "20 minutes past 3", "quarter to noon", "zwanzig nach 3", "5 para meio dia"
        rf"(?P<before>{minutes_before})\s*(?:{minute_words}\s+)?"
        rf"(?P<dir>(?P<past>{past})|(?P<to>{to}))\s+(?:(?:{articles}) )?{hour_to}"
        rf"(?:\s*{hour_words}(?!\w))?"
        # "halb vier": half an hour before four
        rf"|(?P<halfto>{half_to})\s+{hour_half}(?:\s*{hour_words}(?!\w))?"
        # "quinze heures trente", "3 uhr 15", "tres y quince", "midi moins cinq", "8:15"
        rf"|{hour}(?:\s*(?P<unit>{hour_words})(?!\w))?"
        rf"(?:(?P<sep>[:.]|\s?h\s?|\s+(?:(?P<and>{and_})\s+|(?P<after>{past})\s+)?"
        rf"|\s+(?P<minus>{minus})\s+)"
        rf"(?:(?P<zero>{zero or NEVER})\s+)?{minutes}(?:\s*{minute_words}(?!\w))?)?"
        rf")(?:{part})?(?!\w)"
    )
    relative_month = (
        rf"(?P<thismonth>{_joined(languages, 'calendar', 'this_month')})"
        rf"|(?P<nextmonth>{_joined(languages, 'calendar', 'next_month')})"
    )
    month_gate = re.compile(rf"(?<![^\W\d_]){months.pattern}")
    forms = (
        (
            # "from the 16th to the 23rd of December", "de 16 a 23 de dezembro": a range of
            # days is due on its first, in the month said after the last
            "range_start",
            GuardedPattern(
                rf"\b(?:{_joined(languages, 'calendar', 'range_from')})\s+(?:(?:{articles}) )?"
                rf"(?P<day>0?[1-9]|[12]\d|3[01])(?:{suffix}|\.)?"
                rf"\s*(?:{_joined(languages, 'calendar', 'range_to')})\s*(?:(?:{articles}) )?"
                rf"(?P<last>0?[1-9]|[12]\d|3[01])(?:{suffix}|\.)?\s+(?:(?:{in_month})\s+)?"
                rf"(?P<month>{months.pattern})(?!\w)"
            ),
            None,
        ),
        (
            # "del 29 al 31", "dal 26 al 30", "du 3 au 6": a range of this month's days (or
            # next month's), in words that name days and not hours
            "day_range",
            GuardedPattern(
                rf"\b(?:{_joined(languages, 'calendar', 'day_range_from')})\s+(?:{weekday}\s+)?"
                rf"(?P<day>0?[1-9]|[12]\d|3[01])(?:{suffix}|\.)?"
                rf"\s+(?:{_joined(languages, 'calendar', 'day_range_to')})\s+(?:{weekday}\s+)?"
                rf"(?P<last>0?[1-9]|[12]\d|3[01])(?:{suffix}|\.)?(?![\w:,/]?\d)"
                rf"(?!\s*(?:{hour_words})(?!\w))"
            ),
            None,
        ),
        (
            # "de 26 a 31", "from 27 to 31": bare numbers name days when the last of them
            # cannot be an hour
            "bare_day_range",
            GuardedPattern(
                rf"\b(?:{_joined(languages, 'calendar', 'bare_range_from')})\s+"
                rf"(?P<day>0?[1-9]|[12]\d|3[01])\s*"
                rf"(?:{_joined(languages, 'calendar', 'bare_range_to')})\s*"
                rf"(?P<last>2[5-9]|3[01])(?![\w:,/]?\d|[.,]\d)"
                rf"(?!\s*(?:{hour_words})(?!\w))"
            ),
            None,
        ),
        (
            "iso",
            GuardedPattern(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
            re.compile(r"\d-\d"),
        ),
        ("dated", GuardedPattern(dated), month_gate),
        (
            "numeric",
            GuardedPattern(
                rf"(?<![\d/.,:])(?:(?P<weekday>{weekday})(?:\s*,)?\s*(?:(?:{articles}) )?)?"
                rf"(?P<a>\d{{1,2}})(?P<sep>[{separators}])(?P<b>\d{{1,2}})"
                rf"(?:(?P=sep)(?P<year>\d{{4}}|\d\d))?(?P<dot>\.)?(?![\d/:]|\.\d|\s*%)"
            ),
            re.compile(rf"\d[{separators}]\d"),
        ),
        (
            "nth",
            GuardedPattern(
                rf"\b(?:(?:{articles}) ?)?(?P<ordinal>{ordinal}|\d{{1,2}}(?:{suffix}))"
                rf"\s+(?:(?P<weekday>{weekday})|(?P<daynoun>{day_noun}))\s+(?:{in_month})\s*"
                rf"(?:(?:{articles}) ?)?(?:{month}|{relative_month})"
                rf"(?:\s+(?P<year>(?:19|20)\d\d))?\b"
            ),
            None,
        ),
        (
            "shifted",
            GuardedPattern(
                rf"\b(?:(?:(?P<before>{before_weekday.pattern})\s+)?(?P<weekday>{weekdays.pattern})"
                rf"(?:\s+(?P<after>{after_weekday.pattern})|\s+(?P<this>{this_week.pattern}))?"
                rf"|(?P<short>{abbreviated.pattern})(?:(?P<dot>\.)(?=\s+\w)|\.?(?=\s*[?!]|\s*$)"
                r"|\.?\s+(?P<number>0?[1-9]|[12]\d|3[01])(?![\d:.,h/-]|\s*(?:h\b|[ap]\.?m\b|-))))"
                r"(?!\w)"
            ),
            None,
        ),
        (
            "offset",
            GuardedPattern(
                rf"\b(?:(?:{_joined(languages, 'offsets', 'before')})\s+"
                rf"(?:{_joined(languages, 'offsets', 'articles')})?"
                rf"(?P<n>\d{{1,3}}|{numbers.pattern}|{amounts.pattern})\s*(?P<unit>{units.pattern})"
                rf"(?:\s+(?:(?P<andhalf>{_joined(languages, 'offsets', 'and_half')})"
                rf"|(?P<andquarter>{_joined(languages, 'offsets', 'and_quarter')})))?"
                rf"|(?P<n2>\d{{1,3}}|{numbers.pattern}|{amounts.pattern})\s*(?P<unit2>"
                rf"{units.pattern}|(?P<counted>{weekdays.pattern})s?)\s+"
                rf"(?:{_joined(languages, 'offsets', 'after')})"
                # "in the next hour", "in der nächsten halben Stunde": one unit, or half of one
                rf"|(?:{_joined(languages, 'offsets', 'next_one')})\s+"
                rf"(?P<half>(?:{_joined(languages, 'offsets', 'half')})\s*)?"
                rf"(?P<unit3>{units.pattern})"
                rf")(?!\w)"
            ),
            re.compile(rf"{units.pattern}|{weekdays.pattern}"),
        ),
        (
            "of_month",
            GuardedPattern(
                rf"\b(?:(?:{articles}) )?(?P<day>0?[1-9]|[12]\d|3[01])(?:{suffix})?"
                rf"(?:\s+{day_noun})?\s+(?:{in_month})\s+(?:{relative_month})(?!\w)"
            ),
            None,
        ),
        (
            "day_number",
            GuardedPattern(
                rf"\b(?:{_joined(languages, 'calendar', 'day_before_number')})\s+"
                rf"(?P<dayword>{days.pattern})(?!\w)"
                rf"(?!\s+(?:{_joined(languages, 'calendar', 'not_after_day_number')})\b)"
            ),
            None,
        ),
        ("clock", GuardedPattern(clock), None),
    )
    return _Grammar(
        languages=languages,
        order=next(
            (c["date_order"] for c in (section(x, "calendar") for x in languages) if c), "dmy"
        ),
        weekdays=weekdays,
        abbreviated=abbreviated,
        months=months,
        numbers=numbers,
        days=days,
        ordinals=ordinals,
        fractions=fractions,
        units=units,
        amounts=amounts,
        shifts=shifts,
        relative=_Table(
            (entry["words"], entry["days"])
            for code in languages
            for entry in section(code, "calendar").get("relative_days", [])
        ),
        forms=forms,
        how_often=re.compile(rf"\b(?:{_joined(languages, 'clock', 'how_often')})\s*$"),
        range_from=re.compile(rf"\b(?:{_joined(languages, 'calendar', 'range_from')})\s*$"),
        moved=re.compile(rf"\b(?:{_joined(languages, 'calendar', 'moved')})\b"),
        duration_after=re.compile(
            r"\s*(?:"
            + "|".join(
                fragment
                for fragment, unit in unit_words
                if unit in ("minute", "hour", "day", "week")
            )
            + rf"|{_joined(languages, 'clock', 'journey')})(?!\w)"
        ),
        joined_minutes=any(section(code, "clock").get("joined_minutes") for code in languages),
        window_from=re.compile(
            rf"\b(?:{_joined(languages, 'clock', 'window_from')})\s+(?:(?:{articles}) )?$"
        ),
        counted_after=re.compile(rf"\s*(?:{_joined(languages, 'clock', 'counted')})(?!\w)"),
        after_clock_word=re.compile(rf"\b(?:{prefix})\s+$"),
        hour_word=re.compile(
            rf"\b(?:{'|'.join(map(re.escape, _listed(languages, 'text', 'hour_before_stop')))})"
            r"\s+$"
        ),
        minute_words=re.compile(minute_words),
        before_day=re.compile(rf"\b(?:{articles}|{day_noun})\s$"),
        day_named=re.compile(rf"\b(?:{day_noun}|{weekdays.pattern})\s+$"),
        clock_units=re.compile(_joined(languages, "clock", "clock_units")),
        twelve_hour_units=re.compile(_joined(languages, "clock", "twelve_hour_units")),
        dotted=any(section(code, "calendar").get("day_month_with_dots") for code in languages),
        bare_hour_max=min(
            (
                section(code, "clock")["bare_hour_max"]
                for code in languages
                if section(code, "clock")
            ),
            default=24,
        ),
    )


def _relative_days(languages: tuple[str, ...]) -> str:
    fragments = [
        entry["words"]
        for code in languages
        for entry in section(code, "calendar").get("relative_days", [])
        if entry["days"] in (1, 2)
    ]
    return "|".join(fragments) or NEVER


# -- reading ----------------------------------------------------------------------------------


def read(text: str, now: datetime, languages: tuple[str, ...]) -> list[TimeMention]:
    """Mentions of days, times and offsets in ``text`` (lowercase), in the circle's zone."""
    grammar = grammar_for(languages)
    found: list[TimeMention] = []
    today = now.date()
    for name, pattern, gate in grammar.forms:
        if gate is not None and not gate.search(text):
            continue  # the words this form needs are not there
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < m.end and m.start < end for m in found):
                continue
            mention = _READERS[name](grammar, match, today, text)
            if mention is not None:
                found.append(mention)
    return found


def _weekday_index(grammar: _Grammar, said: str | None) -> int | None:
    if not said:
        return None
    index = grammar.weekdays.value(said)
    return index if index is not None else grammar.abbreviated.value(said.rstrip("."))


def _iso(grammar: _Grammar, match: re.Match[str], today: date, text: str) -> TimeMention | None:
    day = _date(int(match["year"]), int(match["month"]), int(match["day"]))
    return TimeMention(*match.span(), day=day) if day else None


def _dated(grammar: _Grammar, match: re.Match[str], today: date, text: str) -> TimeMention | None:
    groups = match.groupdict()
    said_month = groups["month"] or groups.get("monthb") or ""
    month = grammar.months.value(said_month.rstrip("."))
    number = _day_number(
        grammar, groups["day"] or groups.get("day2"), groups["dayword"] or groups.get("dayword2")
    )
    if month is None or number is None:
        return None
    year = _year(match["year"])
    day = _date(year, month, number) if year else _next_date(today, month, number)
    return TimeMention(*match.span(), day=day) if day else None


def _range_start(
    grammar: _Grammar, match: re.Match[str], today: date, text: str
) -> TimeMention | None:
    month = grammar.months.value(match["month"].rstrip("."))
    first_number, last_number = int(match["day"]), int(match["last"])
    if month and first_number > last_number:
        # "dal 22 al 2 gennaio": the month said is the last day's; the first is the month before
        last = _next_date(today, month, last_number)
        day = last and _date(last.year - (last.month == 1), (last.month - 2) % 12 + 1, first_number)
        return TimeMention(*match.span(), day=day, last=last) if day else None
    day = _next_date(today, month, first_number) if month else None
    if day is None:
        return None
    last = _next_date(day, day.month, last_number)
    return TimeMention(*match.span(), day=day, last=last)


def _day_range(
    grammar: _Grammar, match: re.Match[str], today: date, text: str
) -> TimeMention | None:
    if grammar.moved.search(text, max(0, match.start() - 30), match.start()):
        return None  # the days are read one by one: the one moved to is the one meant
    day = day_of_month(today, int(match["day"]))
    if day is None:
        return None
    return TimeMention(*match.span(), day=day, last=day_of_month(day, int(match["last"])))


def _numeric(grammar: _Grammar, match: re.Match[str], today: date, text: str) -> TimeMention | None:
    first, second = int(match["a"]), int(match["b"])
    if match["sep"] in " -" and not match["year"]:
        return None  # "17 02", "2-3 bags" could be anything; "20 02 2014" is a date
    if match.group().endswith("24/7"):
        return None  # all day, every day
    if (
        match["sep"] == "."
        and grammar.after_clock_word.search(text, max(0, match.start() - 8), match.start())
        and not (match["dot"] and not grammar.hour_word.search(text, 0, match.start()))
    ):
        return None  # "um 10.10" is a time; "ab 3.12." a date, its own full stop says so
    before = text[max(0, match.start() - 4) : match.start()]
    after_article = bool(grammar.before_day.search(before))
    dotted = match["sep"] == "." and not match["year"]
    if dotted and not grammar.dotted and not (match["dot"] and after_article):
        return None  # "15.30" is a time where dates are not written "10.12."; "le 15.12." a date
    if dotted and not (match["dot"] or match["weekday"] or after_article) and second > 12:
        return None
    if match["sep"] == "/" and not match["year"] and second <= 4 and first < second:
        return None  # "1/2 a tablet": a fraction
    year = _year(match["year"])

    def on(number: int, month: int) -> date | None:
        if not 1 <= month <= 12:
            return None
        return _date(year, month, number) if year else _next_date(today, month, number)

    # "18/12" can only be day first, even where dates are written month first (Australian
    # English in an English circle), and "12/17" only month first; "Thurs 10/12" is the one
    # reading on a Thursday; else "12/4" is read the circle's way.
    readings = [on(first, second), on(second, first)]
    if not grammar.order.startswith("d"):
        readings.reverse()
    readings = [day for day in readings if day]
    weekday = _weekday_index(grammar, match["weekday"])
    on_the_day = [day for day in readings if day.weekday() == weekday]
    day = on_the_day[0] if len(on_the_day) == 1 else next(iter(readings), None)
    return TimeMention(*match.span(), day=day) if day else None


def _nth(grammar: _Grammar, match: re.Match[str], today: date, text: str) -> TimeMention | None:
    said = match["ordinal"]
    count = grammar.ordinals.value(said)
    if count is None:
        digits = re.match(r"\d+", said)
        count = int(digits.group()) if digits else None
    month, year = _month_said(grammar, match, today)
    if count is None or month is None or year is None:
        return None
    if match["daynoun"]:
        day = _date(year, month, count) if count > 0 else _last_of(year, month)
        return TimeMention(*match.span(), day=day) if day else None
    weekday = _weekday_index(grammar, match["weekday"])
    if weekday is None:
        return None
    if count > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (count - 1))
        if day.month != month:
            return None
    else:
        last = _last_of(year, month)
        day = last - timedelta(days=(last.weekday() - weekday) % 7)
    return TimeMention(*match.span(), day=day)


def _shifted(grammar: _Grammar, match: re.Match[str], today: date, text: str) -> TimeMention | None:
    """A weekday with what shifts it, or a short one ("sat?", "Mo."); ``due`` reads the rest."""
    if match["short"]:
        index = grammar.abbreviated.value(match["short"])
        if index is None or (len(match["short"]) < 3 and not match["dot"]):
            return None
        if match["number"]:  # "mar 19", "jue 15": the day of the month says which
            number = int(match["number"])
            for months_ahead in range(3):
                at = today.month - 1 + months_ahead
                day = _date(today.year + at // 12, at % 12 + 1, number)
                if day is not None and day >= today:
                    return TimeMention(*match.span(), day=day)
            return None
        ahead = (index - today.weekday() - 1) % 7 + 1
        return TimeMention(*match.span(), day=today + timedelta(days=ahead), weekday=index)
    if not (match["before"] or match["after"] or match["this"]):
        return None
    weekday = _weekday_index(grammar, match["weekday"])
    if weekday is None:
        return None
    if match["this"]:
        day = today + timedelta(days=weekday - today.weekday())
        return TimeMention(*match.span(), day=day) if day >= today else None
    days = grammar.shifts.value(match["before"] or match["after"]) or 0
    coming = today + timedelta(days=(weekday - today.weekday()) % 7)
    return TimeMention(*match.span(), day=coming + timedelta(days=days))


def _offset(grammar: _Grammar, match: re.Match[str], today: date, text: str) -> TimeMention | None:
    unit = grammar.units.value(match["unit"] or match["unit2"] or match["unit3"])
    if match["counted"]:  # "3 fridays from now": the third Friday after today
        unit = "weekday"
    if match["unit3"]:
        if unit not in ("minute", "hour"):
            return None  # "in the next week" is a span, not a day
        amount: float | None = 0.5 if match["half"] else 1
    else:
        said = match["n"] or match["n2"]
        amount = float(said) if said.isdigit() else grammar.numbers.value(said)
        if amount is None:
            amount = grammar.amounts.value(said)
        if amount is not None and match["andhalf"]:  # "in an hour and a half"
            amount += 0.5
        elif amount is not None and match["andquarter"]:  # "tra un'ora e un quarto"
            amount += 0.25
    if amount is None or unit is None:
        return None
    said_unit = match["unit"] or match["unit2"] or match["unit3"] or ""
    if unit == "hour" and offset_is_a_clock(amount, said_unit):
        return None
    if unit in ("minute", "hour"):
        minutes = amount if unit == "minute" else amount * 60
        return TimeMention(*match.span(), offset=timedelta(minutes=minutes))
    if amount != int(amount):
        return None
    count = int(amount)
    if unit == "weekday":
        index = grammar.weekdays.value(match["counted"])
        if index is None or count < 1:
            return None
        ahead = (index - today.weekday() - 1) % 7 + 1
        return TimeMention(*match.span(), day=today + timedelta(days=ahead + 7 * (count - 1)))
    if unit == "day":
        day = today + timedelta(days=count)
    elif unit == "week":
        day = today + timedelta(weeks=count)
    else:
        months = count * (12 if unit == "year" else 1)
        index = today.month - 1 + months
        day = _date(today.year + index // 12, index % 12 + 1, today.day)
    return TimeMention(*match.span(), day=day, weak=True) if day else None


def _clock(grammar: _Grammar, match: re.Match[str], today: date, text: str) -> TimeMention | None:
    if _is_day_of_month(grammar, match, text):
        return None
    hour, fixed = _hour(grammar, match)
    if hour is None or grammar.how_often.search(text, max(0, match.start() - 14), match.start()):
        return None
    minute = _minute_of(grammar, match)
    if minute is None or not _said_as_time(grammar, match, text):
        return None
    if match["to"] and grammar.range_from.search(text, max(0, match.start() - 12), match.start()):
        return None  # "from 6 to 8 in the evening" is a window, read as one (``due``)
    if grammar.duration_after.match(text, match.end()):
        return None  # "(about 4 hrs)", "dura unas 2 horas": how long, not when
    if grammar.counted_after.match(text, match.end()):
        return None  # "on passe à trois séances": how many, not when
    if hours_in_brackets(text, *match.span()):
        return None  # "faut l'attendre (1h)": how long
    # "7h30", "15h", "um 7 Uhr" are 24-hour times; "7 o'clock" is either.
    unit = match["unit"] or ""
    twenty_four = (match["sep"] or "").strip() == "h" or bool(
        grammar.clock_units.fullmatch(unit) and not grammar.twelve_hour_units.fullmatch(unit)
    )
    if match["pm"] and hour < 12:
        hour += 12
    elif match["am"] and hour == 12:
        hour = 0
    elif not (fixed or twenty_four or match["am"]) and 1 <= hour <= 12:
        # "7:30" for a clinic is the morning; "by 7" and "2:15" are the afternoon.
        exact = bool(match["min"]) and minute > 0 and hour >= EARLY_START
        exact = exact and (match["sep"] or "").strip() in (":", ".")  # "7.15 Uhr", "7:30"
        exact = exact or bool(match["before"] and match["past"] and hour >= EARLY_START)
        hour = plausible_hour(
            hour, text, match.start(), grammar.languages, afternoon_if_unsaid=not exact
        )
    elif twenty_four and 1 <= hour <= 12 and not match["am"]:  # "vers 5h" for supper: 17:00
        # "15h" is written as a 24-hour time; "um 3 Uhr" is said, and nobody means 03:00.
        spoken = len(unit) > 1 and hour < EARLY_START
        hour = plausible_hour(
            hour, text, match.start(), grammar.languages, afternoon_if_unsaid=spoken
        )
    if minute < 0:  # the hour is read first: "halb eins" is 12:30, "quarter to 2pm" 13:45
        hour, minute = (hour - 1) % 24, 60 + minute
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    # "9 tomorrow morning"; "19h ce soir", "8 tonight": the part of the day names today
    said_day = match["rel"] or match["pm"] or match["am"]
    days = grammar.relative.value(said_day) if said_day else None
    day = today + timedelta(days=days) if days is not None else None
    return TimeMention(*match.span(), clock=time(hour, minute), day=day)


def _minute_of(grammar: _Grammar, match: re.Match[str]) -> int | None:
    """Minutes past the hour; negative when said before it ("quarter to", "menos cinco")."""
    if match["before"]:
        minute = _minutes(grammar, match["bmin"], match["bminword"], match["bfraction"])
        return -minute if minute is not None and match["to"] else minute
    if match["halfto"]:
        return -30
    if match["hhmm"]:
        return int(match["hhmm"][-2:])
    if match["min"] or match["minword"] or match["fraction"]:
        minute = _minutes(grammar, match["min"], match["minword"], match["fraction"])
        return -minute if minute is not None and match["minus"] else minute
    return 0


def _said_as_time(grammar: _Grammar, match: re.Match[str], text: str) -> bool:
    """Whether the words around a number make it a time: a number alone is not one."""
    part = match["pm"] or match["am"] or ""
    marked = bool(match["prefix"] or part)
    meridiem = bool(_MERIDIEM.fullmatch(part))
    if match["before"]:  # "5 to 7" is a span; "quarter to 7", "15 minutes to noon" a time
        said = match["bfraction"] or match["tnoon"] or marked
        said = said or bool(grammar.minute_words.search(match.group()))
        return bool(said or not match["to"] or not match["bmin"])
    if match["halfto"]:
        return True
    if match["hhmm"]:  # "at 1030", "330 p.m."; not "ANC was 400 this morning"
        return bool(match["prefix"]) or meridiem
    has_minutes = bool(match["min"] or match["minword"] or match["fraction"])
    if not has_minutes:
        if match["noon"] or match["midnight"]:
            return True
        if match["hourword"]:  # "due ore" is how long, "needs one tonight" how many
            return bool(match["prefix"]) or meridiem or " " in part
        if not (marked or match["unit"]):
            return False
        if not marked and not grammar.clock_units.fullmatch(match["unit"]):
            return False  # "son como 4 horas" is how long
        return bool(match["unit"] or part) or int(match["hour"]) <= grammar.bare_hour_max
    small = bool(match["minword"]) and (grammar.numbers.value(match["minword"]) or 0) < 10
    if match["and"]:
        if match["min"] and not match["hourword"]:
            # "zwischen 8 und 12": two hours; "às 9 e 20", said as a time, is 9:20, and so is
            # "alle 7 e 10" where minutes are said so, unless a span is opened before it
            hour_at = match.start("hour") if match["hour"] else match.start()
            between = grammar.window_from.search(text, max(0, hour_at - 14), hour_at)
            joined = grammar.joined_minutes and not between
            return marked and (joined or int(match["min"]) > 12)
        return marked or not small  # "las tres y cinco" is 3:05; "entre midi et deux" a span
    separator = (match["sep"] or "").strip()
    if separator == "." and not (marked or match["unit"]):
        # "15.30" is a time, and so is "thurs 11.40" (no month has 40 days' worth of
        # numbers); "la 5.20" may be anything
        after_day = int(match["min"] or 0) > 12 and bool(
            grammar.day_named.search(text, max(0, match.start() - 16), match.start())
        )
        return int(match["hour"] or 0) > 12 or after_day
    if match["sep"] is None or separator or match["minus"]:
        return True
    # Minutes after a space: "at 3 15", "three twenty", "quinze heures trente", "midi quinze";
    # not "the 2 o'clock one".
    if match["min"] and match["hour"] and not match["unit"]:
        return marked
    if match["minword"]:
        if match["hour"] and not match["unit"] and small:
            return bool(match["zero"])  # "um 10 ein paar Stunden" is no 10:01
        if match["unit"] and grammar.numbers.value(match["minword"]) == 1:
            return False  # "um 14 Uhr eine Runde drehen" is 14:00 and a walk
        spoken = match["hourword"] or match["noon"] or match["midnight"] or match["unit"]
        return marked or bool(match["zero"]) or (bool(spoken) and not small)
    return marked or bool(match["unit"])


def _is_day_of_month(grammar: _Grammar, match: re.Match[str], text: str) -> bool:
    """ "el lunes 14 por la tarde", "dia 23 de manhã": a bare number just after a weekday or
    the word for a day names the day of the month, not an hour; "Saturday 10am", "Montag
    9 Uhr" and "Friday at 10" say a time."""
    if match["prefix"] or match["sep"] or match["unit"] or not match["hour"]:
        return False
    meridiem = match["am"] or match["pm"] or ""
    if re.fullmatch(r"\s*[ap]\.?\s?m\.?", meridiem):
        return False
    return bool(grammar.day_named.search(text, max(0, match.start() - 16), match.start()))


def _hour(grammar: _Grammar, match: re.Match[str]) -> tuple[int | None, bool]:
    """The hour said, and whether it is fixed (noon, midnight, 24-hour)."""
    if match["before"]:
        return _hour_of(grammar, match, "t")
    if match["halfto"]:
        return _hour_of(grammar, match, "h")
    return _hour_of(grammar, match, "")


def _hour_of(grammar: _Grammar, match: re.Match[str], p: str) -> tuple[int | None, bool]:
    if match[p + "noon"]:
        return 12, True
    if match[p + "midnight"]:
        return 0, True
    if match[p + "hhmm"]:
        digits = match[p + "hhmm"]
        hour, minute = int(digits[:-2]), int(digits[-2:])
        if minute > 59 or hour > 23:
            return None, False
        return hour, hour > 12 or digits.startswith("0")
    said = match[p + "hour"] or match[p + "hourword"]
    value = int(said) if said.isdigit() else grammar.numbers.value(said)
    if value is None or value > 24:
        return None, False
    if value == 24:
        return 0, True
    return int(value), value > 12 or value == 0 or said.startswith("0")


def _minutes(grammar: _Grammar, digits: str | None, word: str | None, fraction: str | None):
    if digits:
        return int(digits)
    if word:
        value = grammar.numbers.value(word)
        return int(value) if value is not None and value < 60 else None
    if fraction:
        return grammar.fractions.value(fraction)
    return None


def _day_number_said(
    grammar: _Grammar, match: re.Match[str], today: date, text: str
) -> TimeMention | None:
    """ "día nueve", "dia quinze": this month's day, or next month's once it has passed. Not
    the first: "for the first while", "le premier rendez-vous" are no day."""
    number = _day_number(grammar, None, match["dayword"])
    if number is None or number == 1:
        return None
    day = day_of_month(today, number)
    return TimeMention(*match.span(), day=day) if day else None


def _month_said(
    grammar: _Grammar, match: re.Match[str], today: date
) -> tuple[int | None, int | None]:
    """The month named, or this or next month, and its year (the next such month)."""
    if match["thismonth"]:
        return today.month, today.year
    if match["nextmonth"]:
        return today.month % 12 + 1, today.year + today.month // 12
    month = grammar.months.value(match["month"].rstrip("."))
    if month is None:
        return None, None
    if match.groupdict().get("year"):
        return month, int(match["year"])
    return month, (today.year if month >= today.month else today.year + 1)


def _of_month(
    grammar: _Grammar, match: re.Match[str], today: date, text: str
) -> TimeMention | None:
    """ "the 20th of next month", "20 of this month"."""
    month, year = _month_said(grammar, match, today)
    if month is None or year is None:
        return None
    day = _date(year, month, int(match["day"]))
    return TimeMention(*match.span(), day=day) if day and day >= today else None


_READERS = {
    "range_start": _range_start,
    "day_range": _day_range,
    "bare_day_range": _day_range,
    "of_month": _of_month,
    "day_number": _day_number_said,
    "iso": _iso,
    "dated": _dated,
    "numeric": _numeric,
    "nth": _nth,
    "shifted": _shifted,
    "offset": _offset,
    "clock": _clock,
}


def in_zone(mentions: list[TimeMention], original: str, now: datetime) -> None:
    """ "4pm CET" said in a circle at UTC-2 is 13:00 there: move the time, and its span."""
    offset = now.utcoffset()
    if offset is None:
        return
    for mention in mentions:
        if mention.clock is None:
            continue
        zone = _ZONE.match(original, mention.end)
        if zone is None:
            continue
        said = zone.group(1)
        if not said.isupper() and not _ZONE_SAID_PLAINLY.match(original, zone.end()):
            continue
        moment = datetime.combine(now.date(), mention.clock)
        local = moment - timedelta(hours=ZONES[said.lower()]) + offset
        mention.clock = local.time()
        mention.end = zone.end()


# -- dates ------------------------------------------------------------------------------------


def _day_number(grammar: _Grammar, digits: str | None, word: str | None) -> int | None:
    if digits:
        return int(digits)
    if word:
        value = grammar.days.value(word)
        if value is None:
            value = grammar.numbers.value(word)
        return int(value) if value is not None and 1 <= value <= 31 else None
    return None


def _year(said: str | None) -> int | None:
    if not said:
        return None
    digits = said.lstrip("'")
    return int(digits) + (2000 if len(digits) == 2 else 0)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_date(today: date, month: int, number: int) -> date | None:
    for year in (today.year, today.year + 1):
        day = _date(year, month, number)
        if day is None:
            return None
        if day >= today:
            return day
    return None


def _last_of(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)
