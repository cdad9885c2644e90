"""The calendar words of a circle's languages, compiled once per set of languages.

The words come from the locale files (``locales/<code>.toml``, through ``calendar_words``);
these are the care-chat readers of weekdays, relative days, holidays and repetition that
``due`` and ``recurrence`` run after the grammar (``grammar``) has read what it can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from handlers.understanding import calendar_words as words


def _alternation(table: dict[str, str], languages: tuple[str, ...]) -> str:
    return "|".join(table[code] for code in languages if code in table)


@dataclass(frozen=True, slots=True)
class Patterns:
    weekday: re.Pattern[str]
    relative: list[tuple[re.Pattern[str], int]]
    day_of_month: re.Pattern[str]
    month_date: re.Pattern[str]
    month_names: list[re.Pattern[str]]
    next_week: re.Pattern[str]
    weekend: re.Pattern[str]
    every: re.Pattern[str]
    every_other: re.Pattern[str]
    daily: re.Pattern[str]
    weekday_set: re.Pattern[str]
    for_weeks: re.Pattern[str]
    for_days: re.Pattern[str]
    for_sessions: re.Pattern[str]
    every_other_day: re.Pattern[str]
    every_week: re.Pattern[str]
    fortnightly: re.Pattern[str]
    other_after_day: re.Pattern[str]
    holidays: list[tuple[re.Pattern[str], int, int]]
    end_of_month: re.Pattern[str]
    until_before: re.Pattern[str]
    start_before: re.Pattern[str]


@cache
def patterns_for(languages: tuple[str, ...]) -> Patterns:
    weekday_names = [
        "|".join(words.WEEKDAYS[code][index] for code in languages if code in words.WEEKDAYS)
        for index in range(7)
    ]
    weekday = re.compile(
        r"\b(?:"
        + "|".join(f"(?P<d{index}>{names})" for index, names in enumerate(weekday_names))
        + r")(?P<suffix>s|es|morgen|abend|nachmittag|vormittag|mittag|früh)?\b"
    )
    relative = [
        (re.compile(rf"\b(?:{fragment})\b"), days)
        for code in languages
        for fragment, days in words.RELATIVE_DAYS.get(code, ())
    ]
    month_groups = [
        "|".join(words.MONTHS[code][index] for code in languages if code in words.MONTHS)
        for index in range(12)
    ]
    month_alternation = "|".join(
        f"(?P<m{index}>{names})" for index, names in enumerate(month_groups)
    )
    month_date = re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.|º)?\s+(?:of |de |di )?(?:{month_alternation})\b"
    )
    month_first = [
        re.compile(rf"\b(?:{names})\s+(?:the )?(\d{{1,2}})(?:st|nd|rd|th)?\b")
        for names in month_groups
    ]
    holidays = [
        (re.compile(rf"\b(?:{fragment})\b"), month, day)
        for code in languages
        for fragment, month, day in words.HOLIDAYS.get(code, ())
    ]
    end_of_month = re.compile(
        rf"\b(?:{_alternation(words.END_OF, languages)})\s+(?:{month_alternation})\b"
    )
    return Patterns(
        weekday=weekday,
        relative=relative,
        day_of_month=re.compile(_alternation(words.DAY_OF_MONTH, languages) or r"(?!x)x"),
        month_date=month_date,
        month_names=month_first,
        next_week=re.compile(rf"\b(?:{_alternation(words.NEXT_WEEK, languages)})\b"),
        weekend=re.compile(rf"\b(?:{_alternation(words.WEEKEND, languages)})\b"),
        every=re.compile(rf"\b(?:{_alternation(words.EVERY, languages)})\s+$"),
        every_other=re.compile(rf"\b(?:{_alternation(words.EVERY_OTHER, languages)})\s+$"),
        daily=re.compile(rf"\b(?:{_alternation(words.DAILY, languages)})\b"),
        weekday_set=re.compile(rf"\b(?:{_alternation(words.WEEKDAY_SET, languages)})\b"),
        for_weeks=re.compile(rf"\b(?:{_alternation(words.FOR_WEEKS, languages)})\b"),
        for_days=re.compile(rf"\b(?:{_alternation(words.FOR_DAYS, languages)})\b"),
        for_sessions=re.compile(rf"\b(?:{_alternation(words.FOR_SESSIONS, languages)})\b"),
        every_other_day=re.compile(rf"\b(?:{_alternation(words.EVERY_OTHER_DAY, languages)})\b"),
        every_week=re.compile(rf"\b(?:{_alternation(words.EVERY_WEEK, languages)})\b"),
        fortnightly=re.compile(rf"\b(?:{_alternation(words.FORTNIGHTLY, languages)})\b"),
        other_after_day=re.compile(words.OTHER_AFTER_DAY),
        holidays=holidays,
        end_of_month=end_of_month,
        until_before=re.compile(
            rf"\b(?:{_alternation(words.UNTIL, languages)})\s+(?:the |el |le |o |il |zum )?$"
        ),
        start_before=re.compile(
            rf"\b(?:{_alternation(words.START, languages)})\s+"
            r"(?:the |this |next |el |le |la |o |a |il |dem |am |on |dia |day )?$"
        ),
    )


def month_index(match: re.Match[str]) -> int:
    """January 1 … December 12, from a match holding the month groups."""
    return next(int(k[1:]) for k, v in match.groupdict().items() if k[0] == "m" and v) + 1


def weekday_index(match: re.Match[str]) -> int:
    """Monday 0 … Sunday 6, from a match of ``Patterns.weekday``."""
    return next(int(k[1:]) for k, v in match.groupdict().items() if k[0] == "d" and v)
