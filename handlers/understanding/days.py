"""Days said in a message by the readers the grammar does not cover: dates with a month,
holidays (and the day before or after one), weekdays, days of the month and relative days,
each resolved against today (the next such day, never one gone by)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from handlers.understanding.calendar_patterns import (
    Patterns,
    month_index,
    weekday_index,
)
from handlers.understanding.mentions import TimeMention, sentence_of


def days_said(
    text: str, today: date, patterns: Patterns, taken: list[tuple[int, int]]
) -> list[TimeMention]:
    found: list[TimeMention] = []

    def free(start: int, end: int) -> bool:
        return not any(start < t_end and t_start < end for t_start, t_end in taken) and not any(
            start < m.end and m.start < end for m in found
        )

    for match in patterns.month_date.finditer(text):
        day = _next_date_of(today, month_index(match), int(match.group("day")))
        if day and free(*match.span()):
            found.append(TimeMention(*match.span(), day=day))
    for match in patterns.end_of_month.finditer(text):
        day = _last_day_of(today, month_index(match))
        if free(*match.span()):
            found.append(TimeMention(*match.span(), day=day))
    before, after = patterns.holiday_shift
    for pattern, month, number in patterns.holidays:
        for match in pattern.finditer(text):
            start, end = match.span()
            if patterns.greeting_before.search(text, max(0, start - 12), start):
                continue  # "Feliz Natal adiantado, família!": a wish
            day = _next_date_of(today, month, number)
            # "the day before Christmas Eve", "la veille du jour de l'An"
            for shift, days in ((before, -1), (after, 1)):
                if day and (said := shift.search(text, max(0, start - 30), start)):
                    day, start = day + timedelta(days=days), said.start()
            if day and day >= today and free(start, end):
                found.append(TimeMention(start, end, day=day))
    for month, pattern in enumerate(patterns.month_names, start=1):
        for match in pattern.finditer(text):
            day = _next_date_of(today, month, int(match.group(1)))
            if day and free(*match.span()):
                found.append(TimeMention(*match.span(), day=day))
    for match in patterns.weekday.finditer(text):
        # "closes early Saturdays", "mittwochs": a habit, not a date.
        if not free(*match.span()) or match.group("suffix") in ("s", "es"):
            continue
        index = weekday_index(match)
        mention = TimeMention(*match.span(), day=_next_weekday(today, index), weekday=index)
        number = patterns.day_number_after_weekday.match(text, match.end())
        if number and 1 <= int(number.group(1)) <= 31:
            day = day_of_month(today, int(number.group(1)))
            if day is not None:
                mention = TimeMention(match.start(), number.end(), day=day)
        found.append(mention)
    for match in patterns.day_of_month.finditer(text):
        number = next(int(g) for g in match.groups() if g)
        day = day_of_month(today, number)
        if day is not None and free(*match.span()):
            found.append(TimeMention(*match.span(), day=day))
    for match in patterns.next_weekend.finditer(text):  # "il prossimo weekend", said on a Saturday
        if free(*match.span()):
            ahead = (5 - today.weekday()) % 7 or 7
            found.append(TimeMention(*match.span(), day=today + timedelta(days=ahead)))
    for match in patterns.weekend.finditer(text):
        if free(*match.span()):
            found.append(
                TimeMention(*match.span(), day=today + timedelta(days=(5 - today.weekday()) % 7))
            )
    for pattern, days in patterns.relative:
        for match in pattern.finditer(text):
            if free(*match.span()):
                found.append(TimeMention(*match.span(), day=today + timedelta(days=days)))
    for mention in found:
        if mention.weekday is not None and _in_next_week(text, mention, patterns):
            monday_next = today + timedelta(days=7 - today.weekday())
            mention.day = monday_next + timedelta(days=mention.weekday)
    return found


def _in_next_week(text: str, mention: TimeMention, patterns: Patterns) -> bool:
    """ "Starting next week, Tuesday", "Tuesday next week"; not "by Thursday, otherwise I
    can't come from next week": said after the day, "next week" must be in its clause."""
    start, end = sentence_of(text, (mention.start, mention.end))
    for match in patterns.next_week.finditer(text, start, end):
        if match.start() < mention.start or not re.search(
            r"[,;]", text[mention.end : match.start()]
        ):
            return True
    return False


def _next_weekday(today: date, index: int) -> date:
    """The first such weekday strictly after today ("next Monday" said on a Monday: +7)."""
    return today + timedelta(days=(index - today.weekday() - 1) % 7 + 1)


def _last_day_of(today: date, month: int) -> date:
    """The last day of the next such month ("until the end of January")."""
    year = today.year if month >= today.month else today.year + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def day_of_month(today: date, number: int) -> date | None:
    """This month's day ``number``, or next month's once it has passed."""
    for months_ahead in (0, 1, 2):
        year = today.year + (today.month - 1 + months_ahead) // 12
        month = (today.month - 1 + months_ahead) % 12 + 1
        try:
            day = date(year, month, number)
        except ValueError:
            continue
        if day >= today:
            return day
    return None


def _next_date_of(today: date, month: int, number: int) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            day = date(year, month, number)
        except ValueError:
            return None
        if day >= today:
            return day
    return None
