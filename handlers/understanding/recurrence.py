"""How a request repeats, as an RFC 5545 RRULE: "every Tuesday", "daily for 2 weeks"."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from handlers.understanding.calendar_patterns import Patterns, weekday_index
from handlers.understanding.literals import GuardedPattern
from handlers.understanding.mentions import sentence_of

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _is_habitual_list(
    text: str, group: list[re.Match[str]], patterns: Patterns, *, routine: bool
) -> bool:
    """Several days said as a routine: "Mon/Wed/Fri", "sábados y domingos", "le lundi et le
    jeudi" — a slash, a plural, or an article before each day; or any two days when the
    message says when the routine starts (``routine``: "mardi et vendredi à 16h, à partir de
    la semaine prochaine")."""
    if len(group) < 2:
        return False
    if len(group) >= 3 or routine:  # "lunes, miércoles y viernes": three days are a routine
        return True
    between = [text[a.end() : b.start()] for a, b in itertools.pairwise(group)]
    plural = any(_is_plural(day, patterns) for day in group)
    with_articles = all(patterns.articles_before_day.search(gap) for gap in between)
    return plural or with_articles or all("/" in gap for gap in between)


def _is_plural(day: re.Match[str], patterns: Patterns) -> bool:
    return bool(day.group("suffix") and patterns.plural.fullmatch(day.group("suffix")))


@dataclass(slots=True)
class Rule:
    freq: str
    interval: int = 1
    byday: list[int] = field(default_factory=list)
    count: int | None = None
    next_week: bool = False  # "next week" said
    starts_next_week: bool = False  # "starting next week" said
    spans: list[tuple[int, int]] = field(default_factory=list)
    first_day: int | None = None  # the day of the month it starts on, when a list says it
    groups: list[tuple[tuple[int, int], list[int]]] = field(default_factory=list)  # days said
    # Days said where nobody is asked for, someone else's ("la enfermera viene lunes … a las 11")
    left_out: list[tuple[int, int]] = field(default_factory=list)


def find_rule(
    text: str,
    patterns: Patterns,
    nearest_first: Sequence[tuple[int, int]],
    *,
    routine: bool = False,
) -> Rule | None:
    """The repetition the request states, looked for in ``nearest_first`` (the request, then
    its sentence) before the whole message: "the nurse comes Monday to Friday, so we need
    someone on Saturdays" is about Saturdays. ``routine``: the message says when a routine
    starts, so two days said together repeat."""
    ranges = [*nearest_first, *_sentences_before(text, nearest_first[-1][0]), (0, len(text))]
    found = ((span, _repetition(text, patterns, *span, routine=routine)) for span in ranges)
    where, rule = next(((span, rule) for span, rule in found if rule), (None, None))
    if rule is not None and where != ranges[0]:
        rule = _days_asked(text, patterns, *ranges[0]) or rule
    if rule is None:
        rule = _counted(text, patterns, *nearest_first[0]) or _listed_days(text, patterns)
    if rule is None:
        return None
    if rule.freq == "DAILY" and rule.interval == 1 and (week := _working_week(text, patterns)):
        # "cada mañana … de lunes a viernes": the mornings of the working week
        rule = Rule("WEEKLY", byday=[0, 1, 2, 3, 4], spans=[*rule.spans, week.span()])
    said = [sentence_of(text, span) for span in (*rule.spans, nearest_first[0])]
    if sessions := patterns.for_sessions.search(text):
        rule.count = _amount(sessions, patterns)
    elif days := _how_long(patterns.for_days, text, said, patterns):
        rule.count = _amount(days, patterns) if rule.freq == "DAILY" else None
    if weeks := _how_long(patterns.for_weeks, text, said, patterns):
        count = _amount(weeks, patterns)
        rule.count = count * (7 if rule.freq == "DAILY" else max(len(rule.byday), 1))
    rule.next_week = bool(patterns.next_week.search(text))
    rule.starts_next_week = bool(patterns.starts_next_week.search(text))
    return rule


def _sentences_before(text: str, start: int) -> list[tuple[int, int]]:
    """The sentences before ``start``, nearest first: a repetition said just before the ask
    is the one it asks for ("Il veut un pansement tous les deux jours par l'infirmière. …
    contrôler sa glycémie tous les soirs … Qui peut se mettre sur un planning ?")."""
    found = []
    while start > 0:
        found.append(sentence_of(text, (start - 1, start - 1)))
        start = found[-1][0]
    return found


# Past this many, a count said elsewhere than the repetition is more likely how long something
# else lasts: in "stuck in a cast for six weeks. Can someone do his bins every Tuesday?" the
# six weeks are the cast's.
FEW_ELSEWHERE = 4


def _working_week(text: str, patterns: Patterns) -> re.Match[str] | None:
    """Monday to Friday said of the task, not of the writer alone ("en semaine je finis à
    18h"; "I know it's a lot, but … someone there every weekday evening" is the task's)."""
    for week in patterns.weekday_set.finditer(text):
        start, end = sentence_of(text, week.span())
        if patterns.someone.search(text, start, end) or not patterns.first_person.search(
            text, start, end
        ):
            return week
    return None


def _how_long(
    pattern: GuardedPattern, text: str, said: list[tuple[int, int]], patterns: Patterns
) -> re.Match[str] | None:
    """How long the repetition lasts: a count said in one of the sentences ``said`` (the
    repetition's and the request's), else a small one said anywhere."""
    found = (pattern.search(text, start, end) for start, end in sorted(set(said)))
    if near := next((match for match in found if match), None):
        return near
    return next(
        (
            match
            for match in pattern.finditer(text)
            if match.group(match.lastindex or 1) is None
            or match.group(match.lastindex or 1).isdigit()
            or _amount(match, patterns) <= FEW_ELSEWHERE
        ),
        None,
    )


def _amount(match: re.Match[str], patterns: Patterns) -> int:
    """The number a count said ("for 3 weeks", "sechs Wochen lang", "for a week")."""
    amount = match.group(match.lastindex or 1) or "1"
    return patterns.numbers.get(amount) or int(amount)


def _days_asked(text: str, patterns: Patterns, start: int, end: int) -> Rule | None:
    """ "… changed every day, the nurse only comes weekdays, so we need someone sat and sun":
    the repetition is said elsewhere, the days the request names are the ones asked for."""
    days = list(patterns.weekday.finditer(text, start, end))
    if len(days) < 2 or not all(
        patterns.joined.fullmatch(text[a.end() : b.start()]) for a, b in itertools.pairwise(days)
    ):
        return None
    return Rule(
        "WEEKLY",
        byday=sorted({weekday_index(day) for day in days}),
        spans=[(days[0].start(), days[-1].end())],
    )


def _counted(text: str, patterns: Patterns, start: int, end: int) -> Rule | None:
    """A count alone in the request says it repeats: "ab Donnerstag 5 Tage lang" is daily,
    "le mardi à 7h30, pendant 4 semaines" weekly on that day."""
    if weeks := patterns.for_weeks.search(text, start, end):
        days = list(patterns.weekday.finditer(text, start, end))
        if len(days) == 1 and not _is_plural(days[0], patterns):
            return Rule("WEEKLY", byday=[weekday_index(days[0])], spans=[weeks.span()])
        return None
    # "PT is Tue and Thu at 11 for 3 weeks. Can we line up rides?": days said together with
    # how many weeks, in a sentence of their own.
    for weeks in patterns.for_weeks.finditer(text):
        around = sentence_of(text, weeks.span())
        if asked := _days_asked(text, patterns, *around):
            asked.spans.append(weeks.span())
            return asked
    days = patterns.for_days.search(text, start, end)
    # "pour deux jours" may be a supply; "per dieci sere", "for 3 days" repeat
    if days and (
        days.group(days.lastindex or 1).isdigit() or not patterns.day_unit.search(days.group())
    ):
        return Rule("DAILY", spans=[days.span()])
    return None


def _listed_days(text: str, patterns: Patterns) -> Rule | None:
    """Days of the month one after another, "nas noites de 24 e 25", "the 24th, 25th and
    26th": every day, that many times, from the first."""
    for match in patterns.day_list.finditer(text):
        days = [int(number) for number in re.findall(r"\d+", match.group("days"))]
        if 2 <= len(days) <= 7 and days == list(range(days[0], days[0] + len(days))):
            return Rule("DAILY", count=len(days), spans=[match.span()], first_day=days[0])
    return None


def _repetition(
    text: str, patterns: Patterns, start: int, end: int, *, routine: bool
) -> Rule | None:
    if rule := _all_but(text, patterns, start, end):
        return rule
    if match := patterns.weekday_set.search(text, start, end):
        return Rule("WEEKLY", byday=[0, 1, 2, 3, 4], spans=[match.span()])
    if rule := _weekly(text, patterns, start, end, routine=routine):
        if patterns.fortnightly.search(text, start, end):  # "cada 2 semanas, los jueves"
            rule.interval = 2
        return rule
    if match := patterns.fortnightly.search(text, start, end):  # its day is the first one's
        return Rule("WEEKLY", interval=2, spans=[match.span()])
    if match := patterns.every_other_day.search(text, start, end):
        return Rule("DAILY", interval=2, spans=[match.span()])
    if match := patterns.every_n_days.search(text, start, end):
        amount = next(group for group in match.groups() if group)
        interval = patterns.numbers.get(amount) or int(amount)
        return Rule("DAILY", interval=interval, spans=[match.span()])
    if match := patterns.daily.search(text, start, end):
        return Rule("DAILY", spans=[match.span()])
    return None


def _all_but(text: str, patterns: Patterns, start: int, end: int) -> Rule | None:
    """ "every day except Sunday", "täglich außer sonntags", "weekdays but not Friday": the
    repetition's days without the ones said right after it (which are no habit of their own)."""
    for every, week in ((patterns.weekday_set, range(5)), (patterns.daily, range(7))):
        said = every.search(text, start, end)
        but = said and patterns.all_but.match(text, said.end())
        if not but:
            continue
        days, position = [], but.end()
        while (day := patterns.weekday.search(text, position, position + 40)) and (
            day.start() == position
        ):
            days.append(day)
            position = patterns.joined.match(text, day.end()).end()  # type: ignore[union-attr]
        if days:
            left_out = {weekday_index(day) for day in days}
            byday = [index for index in week if index not in left_out]
            return Rule("WEEKLY", byday=byday, spans=[(said.start(), days[-1].end())])
    return None


def _weekly(text: str, patterns: Patterns, start: int, end: int, *, routine: bool) -> Rule | None:
    """ "every Monday and Wednesday", "tous les samedis et dimanches", "mittwochs"."""
    matches = list(patterns.weekday.finditer(text, start, end))
    rule: Rule | None = None
    position = 0
    while position < len(matches):
        match = matches[position]
        before = text[: match.start()]
        other = patterns.every_other.search(before)
        every = other or patterns.every.search(before)
        adverb = bool(patterns.habit_day.fullmatch(match.group(0)))
        on_plural = before.endswith(patterns.habit_articles) or (
            _is_plural(match, patterns) and before.endswith(patterns.plural_articles)
        )
        group = [match]
        while position + len(group) < len(matches) and patterns.joined.fullmatch(
            text[group[-1].end() : matches[position + len(group)].start()]
        ):
            group.append(matches[position + len(group)])
        position += len(group)
        starts_it = patterns.start_before.search(text, max(0, match.start() - 40), match.start())
        if starts_it and len(group) == 1 and not (adverb or _is_plural(match, patterns)):
            continue  # "… três vezes por semana, a começar esta sexta": the day it starts on
        weekly = _every_week_said(text, patterns, (match.start(), group[-1].end()), (start, end))
        weekly = weekly or patterns.other_after_day.match(text, group[-1].end())
        on_plural = on_plural or bool(patterns.parts_plural.match(text, group[-1].end()))
        habitual = _is_habitual_list(text, group, patterns, routine=routine)
        if not (every or adverb or on_plural or weekly or habitual):
            continue
        rule = rule or Rule("WEEKLY")
        other_after = patterns.other_after_day.match(text, group[-1].end())
        rule.interval = 2 if other or other_after else rule.interval
        days = [weekday_index(day) for day in group]
        rule.byday.extend(days)
        rule.spans.append((every.start() if every else match.start(), group[-1].end()))
        rule.groups.append((rule.spans[-1], days))
    if rule is not None:
        rule.byday = sorted(set(rule.byday))
    return rule


# A sentence this short that says "every week" says it of the days said before it ("… le
# mercredi à 16h. Toutes les semaines, à partir de demain").
SHORT_SENTENCE = 40


def _every_week_said(
    text: str, patterns: Patterns, days: tuple[int, int], within: tuple[int, int]
) -> bool:
    """Whether "every week" is said of days: in their own sentence, or in a short one of its
    own ("Thursday between 9.40 and 10.30" is no habit because "three times a week" is said of
    other visits)."""
    start, end = within
    said_start, said_end = sentence_of(text, days)
    if patterns.every_week.search(text, max(start, said_start), min(end, said_end)):
        return True
    for weekly in patterns.every_week.finditer(text, start, end):
        weekly_start, weekly_end = sentence_of(text, weekly.span())
        if weekly_end - weekly_start <= SHORT_SENTENCE:
            return True
    return False


def keep_asked(
    rule: Rule,
    asks: Callable[[tuple[int, int]], bool],
    writers: Callable[[tuple[int, int]], bool],
) -> None:
    """Of days said in several places, keep those said where someone is asked for: "Tenemos
    voluntaria para los martes, pero nos falta alguien … los jueves" repeats on Thursdays;
    and not the writer's own ("… todo sábado, chegando às 20h. Eu fico com os domingos")."""
    others = [(span, days) for span, days in rule.groups if not writers(span)]
    if others and len(others) < len(rule.groups):
        rule.left_out = [span for span, _ in rule.groups if writers(span)]
        rule.byday = sorted({day for _, days in others for day in days})
        rule.spans = [span for span, _ in others]
        rule.groups = others
    said = [day for _, days in rule.groups for day in days]
    if len(said) != len(set(said)):  # "Dienstag und Freitag … ab Freitag": one routine
        return
    asked = [(span, days) for span, days in rule.groups if asks(span)]
    if asked and len(asked) < len(rule.groups):
        rule.left_out += [span for span, _ in rule.groups if not asks(span)]
        rule.byday = sorted({day for _, days in asked for day in days})
        rule.spans = [span for span, _ in asked]
        rule.groups = asked


def rule_text(rule: Rule, until: date | None) -> str:
    parts = [f"FREQ={rule.freq}"]
    if rule.interval > 1:
        parts.append(f"INTERVAL={rule.interval}")
    if rule.byday and rule.freq != "DAILY":
        parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[day] for day in rule.byday))
    if rule.count:
        parts.append(f"COUNT={rule.count}")
    elif until is not None:
        parts.append(f"UNTIL={until:%Y%m%d}")
    return ";".join(parts)
