"""The calendar words of a circle's languages, compiled once per set of languages.

The words come from the locale files (``locales/<code>.toml``), of the circle's languages only;
these are the care-chat readers of weekdays, relative days, holidays and repetition that
``due`` and ``recurrence`` run after the grammar (``grammar``) has read what it can.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from handlers.understanding import locales
from handlers.understanding.clock_times import parts_of_day
from handlers.understanding.literals import GuardedPattern


@dataclass(frozen=True, slots=True)
class Patterns:
    weekday: GuardedPattern
    relative: list[tuple[GuardedPattern, int]]
    day_of_month: GuardedPattern
    month_date: GuardedPattern
    month_names: list[GuardedPattern]
    next_week: GuardedPattern
    weekend: GuardedPattern
    next_weekend: GuardedPattern
    every: re.Pattern[str]
    every_other: re.Pattern[str]
    daily: GuardedPattern
    weekday_set: GuardedPattern
    all_but: re.Pattern[str]  # "… except", "… außer": days left out, said right after
    for_weeks: GuardedPattern
    for_days: GuardedPattern
    day_unit: re.Pattern[str]  # "days", "giorni": a count of days may be a supply
    for_sessions: GuardedPattern
    every_other_day: GuardedPattern
    every_week: GuardedPattern
    fortnightly: GuardedPattern
    other_after_day: re.Pattern[str]
    holidays: list[tuple[GuardedPattern, int, int]]
    end_of_month: GuardedPattern
    holiday_shift: tuple[re.Pattern[str], re.Pattern[str]]  # the day before, the day after
    until_before: re.Pattern[str]
    start_before: re.Pattern[str]
    starts_next_week: re.Pattern[str]  # "starting next week", "à partir de la semaine prochaine"
    plural: re.Pattern[str]  # a weekday's ending that makes it plural: a habit
    habit_day: re.Pattern[str]  # "mittwochs": a habit by its form
    parts_plural: re.Pattern[str]  # "Tuesday and Friday afternoons": a habit
    plural_articles: tuple[str, ...]  # "on Saturdays", "les samedis"
    habit_articles: tuple[str, ...]  # "los lunes"
    joined: re.Pattern[str]  # between weekdays said together
    and_then: re.Pattern[str]  # "… alle 21 e domani …": what follows "and" is said apart
    articles_before_day: re.Pattern[str]  # "le lundi et le jeudi"
    every_n_days: GuardedPattern
    day_list: GuardedPattern  # "the 24th, 25th and 26th": days one after another
    numbers: dict[str, int]  # numbers said as words, for counts and intervals
    available: re.Pattern[str]  # "ready … from Thursday after 3": when it becomes possible
    since_time: re.Pattern[str]  # "desde as 7": a time gone by, when it began
    time_now: re.Pattern[str]  # "qui sono le tre": what time it is now
    until_next: re.Pattern[str]  # "desde as 9 até as 12": a span, not a time gone by
    available_after: re.Pattern[str]  # "ab 10 fertig,", "Mittwoch ist geschlossen."
    after_own: re.Pattern[str]  # a time's own first word making it an availability
    first_person: GuardedPattern  # the writer's own day ("I don't finish work till 9")
    someone: GuardedPattern  # whom a request looks for ("… dass jemand mit ihm isst")
    own_hours: GuardedPattern  # the writer's working hours ("I close at 6")
    past_days: GuardedPattern  # "yesterday": a time said with it is what happened
    until_then: GuardedPattern  # "bis dahin": the day said before is a deadline
    from_then: GuardedPattern  # "à partir de là": the day said before is a start
    otherwise: re.Pattern[str]  # "… or he runs out over the weekend": what happens if not
    because_of: re.Pattern[str]  # "por causa do Natal": a day that is the reason, not the due
    place_before: re.Pattern[str]  # "Avenida 24 de Julho": a date naming a street
    greeting_before: re.Pattern[str]  # "Feliz Natal": a wish, not a day
    dialled: re.Pattern[str]  # before a number that was called, not a day ("appelé le 15")
    day_number_after_weekday: re.Pattern[str]  # "Friday 5th", "Freitag, den 5."
    deadline: re.Pattern[str]  # "at the latest", "spätestens": a time to meet, not news
    polite: re.Pattern[str]  # "please", "bitte": a sentence that asks without a request cue
    ruled_out: re.Pattern[str]  # "doesn't have to be (before) today": not the day meant
    not_this: re.Pattern[str]  # "não às 11h": the hour said right after is ruled out
    closing: re.Pattern[str]  # "they close", "geschlossen": a place's hours, not the task's
    closed_before: re.Pattern[str]  # "nous serons fermés demain": a day it cannot be done
    contrast_after: re.Pattern[str]  # "niente di urgente, ma …": what follows counts
    contrast: re.Pattern[str]  # "appt is 2:20 but we need to leave by 1:45"
    place_hours: re.Pattern[str]  # closing or opening: "só abre de segunda a sexta"
    closes_at: re.Pattern[str]  # "it closes (at)", "elle ferme" right before a time: a deadline
    corrected: re.Pattern[str]  # "Thursday, no wait, Friday": the first day is taken back
    vague: GuardedPattern  # "sometime next week": no due at all
    morning: re.Pattern[str]  # "this morning", "stamattina": a bare hour said so is no evening


@cache
def patterns_for(languages: tuple[str, ...]) -> Patterns:
    def said(concern: str, key: str) -> str:
        return locales.alternation(languages, concern, key)

    endings = "|".join(
        f
        for f in (said("calendar", "plural_endings"), said("calendar", "part_of_day_endings"))
        if f != locales.NEVER
    )
    day_articles = said("recurrence", "day_articles")
    calendars = [locales.section(code, "calendar") for code in languages]
    calendars = [calendar for calendar in calendars if calendar]
    weekday_names = [
        "|".join(calendar["weekdays"][index] for calendar in calendars) for index in range(7)
    ]
    weekday = GuardedPattern(
        r"\b(?:"
        + "|".join(f"(?P<d{index}>{names})" for index, names in enumerate(weekday_names))
        + rf")(?P<suffix>{endings or locales.NEVER})?\b"
    )
    relative = [
        (GuardedPattern(rf"\b(?:{entry['words']})\b"), entry["days"])
        for entry in locales.listed(languages, "calendar", "relative_days")
    ]
    month_groups = [
        "|".join(calendar["months"][index] for calendar in calendars) for index in range(12)
    ]
    month_alternation = "|".join(
        f"(?P<m{index}>{names})" for index, names in enumerate(month_groups)
    )
    month_date = GuardedPattern(
        rf"\b(?P<day>\d{{1,2}})(?:{said('calendar', 'day_suffix')}|\.)?\s+"
        rf"(?:{said('calendar', 'day_month_joiner')})?(?:{month_alternation})\b"
    )
    month_first = [
        GuardedPattern(
            rf"\b(?:{names})\s+(?:(?:{said('calendar', 'articles')}) )?(\d{{1,2}})"
            rf"(?:{said('calendar', 'day_suffix')})?\b"
        )
        for names in month_groups
    ]
    holidays = [
        (GuardedPattern(rf"\b(?:{entry['words']})\b"), entry["month"], entry["day"])
        for entry in locales.listed(languages, "calendar", "holidays")
    ]
    end_of_month = GuardedPattern(
        rf"\b(?:{said('calendar', 'end_of')})\s+(?:{month_alternation})\b"
    )
    return Patterns(
        weekday=weekday,
        relative=relative,
        day_of_month=GuardedPattern(said("calendar", "day_of_month")),
        month_date=month_date,
        month_names=month_first,
        next_week=GuardedPattern(rf"\b(?:{said('calendar', 'next_week')})\b"),
        weekend=GuardedPattern(rf"\b(?:{said('calendar', 'weekend')})\b"),
        next_weekend=GuardedPattern(rf"\b(?:{said('calendar', 'next_weekend')})\b"),
        every=re.compile(rf"\b(?:{said('recurrence', 'every')})\s+$"),
        every_other=re.compile(rf"\b(?:{said('recurrence', 'every_other')})\s+$"),
        daily=GuardedPattern(rf"\b(?:{said('recurrence', 'daily')})\b"),
        weekday_set=GuardedPattern(rf"\b(?:{said('recurrence', 'weekday_set')})\b"),
        all_but=re.compile(rf"\s*,?\s*(?:{said('recurrence', 'except_days')})\s+"),
        for_weeks=GuardedPattern(rf"\b(?:{said('recurrence', 'for_weeks')})\b"),
        for_days=GuardedPattern(rf"\b(?:{said('recurrence', 'for_days')})\b"),
        day_unit=re.compile(rf"\b(?:{locales.unit_words(languages, 'day')})\b"),
        for_sessions=GuardedPattern(rf"\b(?:{said('recurrence', 'for_sessions')})\b"),
        every_other_day=GuardedPattern(rf"\b(?:{said('recurrence', 'every_other_day')})\b"),
        every_week=GuardedPattern(rf"\b(?:{said('recurrence', 'every_week')})\b"),
        fortnightly=GuardedPattern(rf"\b(?:{said('recurrence', 'fortnightly')})\b"),
        other_after_day=re.compile(rf"\s+(?:{said('recurrence', 'other_after_day')})"),
        holidays=holidays,
        end_of_month=end_of_month,
        holiday_shift=(
            re.compile(rf"\b(?:{said('calendar', 'day_before_holiday')})\s*$"),
            re.compile(rf"\b(?:{said('calendar', 'day_after_holiday')})\s*$"),
        ),
        until_before=re.compile(
            rf"\b(?:{said('recurrence', 'until')})\s+"
            rf"(?:{said('recurrence', 'until_articles')})?$"
            # "bis sie am 10. heimkommt", "until she's back on the 5th": a short clause between
            rf"|\b(?:{said('recurrence', 'until')})\s+(?:[^\W\d]+\s+){{1,4}}"
            rf"(?:{said('recurrence', 'start_articles')})$"
        ),
        starts_next_week=re.compile(
            rf"\b(?:{said('recurrence', 'start')})\s+(?:{said('calendar', 'next_week')})\b"
        ),
        start_before=re.compile(
            rf"\b(?:{said('recurrence', 'start')})\s+"
            rf"(?:{said('recurrence', 'start_articles')})?$"
        ),
        plural=re.compile(said("calendar", "plural_endings")),
        habit_day=re.compile(said("recurrence", "habit_days")),
        parts_plural=re.compile(rf"\s+(?:{said('recurrence', 'parts_plural')})\b"),
        plural_articles=tuple(locales.listed(languages, "recurrence", "plural_articles")),
        habit_articles=tuple(locales.listed(languages, "recurrence", "habit_articles")),
        joined=re.compile(rf"\s*(?:,|&|/|\+|{said('recurrence', 'and')})?\s*(?:{day_articles})?"),
        articles_before_day=re.compile(rf"(?:{day_articles})$"),
        and_then=re.compile(rf"\s*,?\s*(?:{said('recurrence', 'and')})\s"),
        every_n_days=GuardedPattern(rf"\b(?:{said('recurrence', 'every_n_days')})\b"),
        day_list=GuardedPattern(
            rf"\b(?:{said('recurrence', 'day_list_before')})\s+(?P<days>{_day_number(said)}"
            rf"(?:\s*,\s*{_day_number(said)})*\s*(?:,|&|{said('recurrence', 'and')})\s*"
            # "les nuits du 24 et du 25": the words before a day may come again
            rf"(?:(?:{said('recurrence', 'day_list_before')})\s+)?"
            rf"{_day_number(said)})(?![\d:/]|[.,]\d|\s*(?:h\b|{said('clock', 'hour_words')}\b))"
        ),
        available=re.compile(
            rf"\b(?:{said('spans', 'available')})\b"
            # up to a comma or the end of a sentence (a full stop inside "10.30" is no end)
            rf"(?:(?!\b(?:{said('spans', 'but')})\b)(?:[^,;.?!]|\.(?=\S))){{0,50}}$"
            rf"|\b(?:{said('spans', 'after')})\s+$"
            rf"|\b(?:{said('spans', 'since')})\s+(?:{said('spans', 'since_articles')})?$"
        ),
        since_time=re.compile(rf"\b(?:{said('spans', 'since_time')})\s+$"),
        time_now=re.compile(
            rf"(?:^|[,;]\s*|\b(?:{said('clock', 'here')})\s+(?:\w+\s+){{0,2}}?)"
            rf"(?:{said('clock', 'time_now')})\s+$"
        ),
        until_next=re.compile(rf"\s*(?:{said('recurrence', 'until')})\b"),
        available_after=re.compile(
            rf"(?:\s+[\w']+){{0,3}}?\s+"
            rf"(?:{said('spans', 'available')}|{said('spans', 'closed')})"
            # "mañana no abren porque hacen inventario": a reason may follow
            rf"\s*(?:[,;.!?]|$|(?:{said('spans', 'reason')})\b)"
        ),
        closed_before=re.compile(
            rf"\b(?:{said('spans', 'closed')})\s+"
            rf"(?:(?:{said('recurrence', 'until')})\s+"
            rf"(?:{said('recurrence', 'until_articles')})?)?$"
        ),
        after_own=re.compile(rf"(?:{said('spans', 'after_own')})\b"),
        first_person=GuardedPattern(rf"\b(?:{said('spans', 'first_person')})\b"),
        someone=GuardedPattern(rf"\b(?:{said('spans', 'someone')})\b"),
        own_hours=GuardedPattern(rf"\b(?:{said('spans', 'own_hours')})\b"),
        past_days=GuardedPattern(rf"\b(?:{said('spans', 'past_days')})\b"),
        until_then=GuardedPattern(rf"(?<!\w)(?:{said('spans', 'until_then')})(?!\w)"),
        from_then=GuardedPattern(rf"(?<!\w)(?:{said('spans', 'from_then')})(?!\w)"),
        otherwise=re.compile(rf"\b(?:{said('spans', 'otherwise')})\b"),
        greeting_before=re.compile(rf"\b(?:{said('calendar', 'holiday_greetings')})\s+$"),
        place_before=re.compile(
            rf"\b(?:{said('calendar', 'place_before')})\s+"
            rf"(?:(?:{said('calendar', 'articles')}) )?$"
        ),
        because_of=re.compile(rf"\b(?:{said('spans', 'because_of')})\s+(?:\w+\s+)?$"),
        dialled=re.compile(rf"\b(?:{said('spans', 'dialled')})\s*$"),
        day_number_after_weekday=re.compile(
            rf"(?:\s*,)?\s*(?:(?:{said('calendar', 'articles')}) )?(\d{{1,2}})"
            rf"(?:(?:{said('calendar', 'day_suffix')})\b|\.(?!\d)|\b)"
            rf"(?!\s*(?:[:.]|[-–]\s*\d|(?:[ap]\.?m|{said('clock', 'clock_units')}"
            rf"|{said('clock', 'hour_words')}|{_durations(languages)})(?![^\W\d_])))"
        ),
        deadline=re.compile(rf"\b(?:{said('spans', 'deadline')})\b(?:\s+\w+){{0,3}}\s*$"),
        polite=re.compile(rf"\b(?:{said('spans', 'polite')})\b"),
        ruled_out=re.compile(rf"\b(?:{said('spans', 'ruled_out')})\s+(?:\w+\s+)?$"),
        not_this=re.compile(rf"\b(?:{said('spans', 'not_this')})\s+$"),
        closing=re.compile(rf"\b(?:{said('clock', 'closing')}|{said('spans', 'closed')})\b"),
        place_hours=re.compile(
            rf"\b(?:{said('clock', 'closing')}|{said('clock', 'opening')}"
            rf"|{said('spans', 'closed')})\b"
        ),
        closes_at=re.compile(rf"\b(?:{said('clock', 'closing')})\s+(?:[^\W\d]+\s+)?$"),
        corrected=re.compile(rf"(?:^|\W)(?:{said('spans', 'corrected')})(?!\w)"),
        vague=GuardedPattern(rf"\b(?:{said('spans', 'vague')})\b"),
        contrast_after=re.compile(rf"[\s,;:.!—–-]*(?:{said('spans', 'contrast')})\b"),
        contrast=re.compile(rf"\b(?:{said('spans', 'contrast')})\b"),
        morning=parts_of_day(languages)[1],
        numbers={
            **locales.merged(languages, "numbers", "words"),
            **locales.merged(languages, "numbers", "counts"),
        },
    )


def _day_number(said: Callable[[str, str], str]) -> str:
    """A day of the month as a number, with its language's ending ("24th", "24.", "24")."""
    return rf"\d{{1,2}}(?:{said('calendar', 'day_suffix')}|\.(?!\d))?"


def _durations(languages: tuple[str, ...]) -> str:
    """Units of how long ("ab Donnerstag 5 Tage lang", "Tuesday 15 minutes early"): a number
    before them is no day."""
    units = [
        f"(?:{fragment})\\b"
        for code in languages
        for fragment in locales.section(code, "offsets").get("units", {}).values()
        if fragment
    ]
    return "|".join(units) or locales.NEVER


def month_index(match: re.Match[str]) -> int:
    """January 1 … December 12, from a match holding the month groups."""
    return next(int(k[1:]) for k, v in match.groupdict().items() if k[0] == "m" and v) + 1


def weekday_index(match: re.Match[str]) -> int:
    """Monday 0 … Sunday 6, from a match of ``Patterns.weekday``."""
    return next(int(k[1:]) for k, v in match.groupdict().items() if k[0] == "d" and v)
