"""When a request is due, and how it repeats, read from the words of one message.

Dates are resolved relative to the moment the message was sent, in the circle's time zone, and
only in the circle's languages. The rules follow how people in a group chat mean them:

- a bare weekday, "this Friday", "by Friday" and "next Friday" are the first Friday after
  today; with "starting next week" a weekday falls in the following Monday–Sunday week;
- a day of the month without a month is this month's, or next month's once it has passed;
- "Friday" without a clock time is a date, not midnight; parts of the day ("tomorrow
  evening") stay dates; a bare hour takes its plausible reading ("by 7" is 19:00, "every
  evening at 8" is 20:00, "Saturday at 8" is 08:00);
- the sentence that asks for help wins over the rest of the message ("Rohan's away till
  Wednesday. Can someone drop a pack by tomorrow?" is due tomorrow); a deadline wins over
  when something becomes available ("ready after 2 today but pick up by 7" is 19:00), and
  availability alone, or a vague span ("sometime next week"), is no due date at all;
- a recurring request is due at its first occurrence; its time of day lives in the due.

The words of each language are data (``locales/``) and the forms that combine them are written
once (``grammar``); what neither reads is no due at all, since a wrong date is worse than none
("we", "may", "sat", "a second", "march on" are never read as dates here).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from handlers.understanding import grammar, locales
from handlers.understanding.calendar_patterns import (
    Patterns,
    patterns_for,
)
from handlers.understanding.clock_times import clock_mentions
from handlers.understanding.days import day_of_month, days_said
from handlers.understanding.literals import GuardedPattern
from handlers.understanding.mentions import TimeMention, in_order, sentence_of
from handlers.understanding.recurrence import Rule, find_rule, keep_asked, rule_text
from handlers.understanding.windows import windows


@dataclass(frozen=True, slots=True)
class When:
    """A due (a ``date``, or an aware ``datetime`` when a time was said) and an RRULE."""

    due: date | datetime | None = None
    recurrence: str | None = None
    spans: tuple[tuple[int, int], ...] = ()  # where the message says when (titles leave it out)


def find_when(
    text: str,
    now: datetime,
    languages: Sequence[str],
    *,
    focus: tuple[int, int] | None = None,
    urgent: bool = False,
    asks: GuardedPattern | None = None,
    needs: GuardedPattern | None = None,
    cannot: GuardedPattern | None = None,
) -> When:
    """The due and recurrence stated in ``text``, sent at ``now`` (aware, circle zone).

    ``focus`` is the span of the words that ask for help; the sentence holding them is read
    first, and ``asks`` finds such words anywhere (``needs``: words of need, "we have to").
    An urgent request that names no time is due today.
    """
    lowered = text.lower().replace("’", "'")
    codes = tuple(languages) or ("en",)
    patterns = patterns_for(codes)
    sentence = sentence_of(lowered, focus)
    # Where the ask starts, and the sentence it is in.
    request = (focus[0] if focus else sentence[0], *sentence)
    rule = _not_place_hours(
        lowered, _asked_rule(lowered, patterns, request, (asks, needs)), patterns
    )
    mentions = _mentions(lowered, now, codes, patterns, rule, text)
    if rule is None and _routine_starts(lowered, mentions, patterns):
        rule = _not_place_hours(
            lowered,
            find_rule(lowered, patterns, ((request[0], sentence[1]), sentence), routine=True),
            patterns,
        ) or _started_weekday(lowered, mentions, patterns)
        if rule is not None:
            mentions = _mentions(lowered, now, codes, patterns, rule, text)
    if rule is not None and (
        _is_one_off(lowered, rule, mentions, sentence, asks)
        or _another_day_asked(lowered, rule, mentions)
        or _writers_week_beside_a_date(lowered, rule, mentions, request, patterns, (asks, needs))
    ):
        rule = None
        mentions = _mentions(lowered, now, codes, patterns, rule, text)
    if rule is not None:
        keep_asked(
            rule,
            lambda span: _clause_asks(lowered, span, (asks, needs)),
            lambda span: _writers_clause(lowered, span, patterns, (asks, needs)),
        )
    taken = rule.spans if rule else []
    asking = _asking_clauses(lowered, patterns, (asks, needs, cannot))
    due, recurrence = _resolve(lowered, now, patterns, rule, mentions, request, urgent, asking)
    spans = [*taken, *((m.start, m.end) for m in mentions)]
    return When(due, recurrence, tuple(sorted(spans)) if len(lowered) == len(text) else ())


def _asked_rule(
    text: str,
    patterns: Patterns,
    request: tuple[int, int, int],
    asks: tuple[GuardedPattern | None, ...],
) -> Rule | None:
    """The repetition the request states, before the writer's own week (``_writers_week``):
    in "… jeden Morgen um 8 … Wer kann vor der Arbeit vorbeischauen? Ich kann mittwochs und
    samstags" it is every morning, and in "Eu chego às 19h na segunda, quarta e sexta …
    Precisamos de alguém terça e quinta" Tuesdays and Thursdays. Said before the request, the
    writer's week gives way only to one said where someone is asked for: it may be what is
    asked ("I'm on early shifts Mondays, Wednesdays and Fridays. Could someone else cover
    those mornings?")."""
    asked, start, end = request
    nearest_first = ((asked, end), (start, end))
    rule = find_rule(text, patterns, nearest_first)
    if rule is None or not _writers_week(text, rule, request, patterns, asks):
        return rule
    said_start, said_end = sentence_of(text, rule.spans[0])
    others = text[:said_start] + " " * (said_end - said_start) + text[said_end:]
    starts = bool(patterns.starts_next_week.search(text))  # two days said with a start repeat
    other = find_rule(others, patterns, nearest_first, routine=starts)
    if other is None or other.spans == []:
        return rule
    if said_start > start:
        return other
    other_start, other_end = sentence_of(text, other.spans[0])
    asked_there = patterns.someone.search(text, other_start, other_end) or any(
        cue is not None and cue.search(text, other_start, other_end) for cue in asks
    )
    # "Ella propone martes y viernes … Yo puedo algunos viernes, pero los martes estoy en la
    # universidad": the writer says which of the routine's days they can do
    among_its_days = bool(other.byday) and set(rule.byday) <= set(other.byday)
    return other if asked_there or among_its_days else rule


def _writers_week(
    text: str,
    rule: Rule,
    request: tuple[int, int, int],
    patterns: Patterns,
    asks: tuple[GuardedPattern | None, ...],
) -> bool:
    """Whether a repetition is said in a sentence of the writer's own, outside the request's,
    that asks for nothing ("Ich kann mittwochs und samstags")."""
    if not rule.spans:
        return False
    _, start, _ = request
    said_start, said_end = sentence_of(text, rule.spans[0])
    if said_start == start or not patterns.first_person.search(text, said_start, said_end):
        return False
    return not any(cue is not None and cue.search(text, said_start, said_end) for cue in asks)


def _routine_starts(text: str, mentions: list[TimeMention], patterns: Patterns) -> bool:
    """Whether the message says when something starts: "Empezamos este jueves", "à partir de
    la semaine prochaine"."""
    return any(m.role == "start" for m in mentions) or bool(patterns.starts_next_week.search(text))


def _started_weekday(text: str, mentions: list[TimeMention], patterns: Patterns) -> Rule | None:
    """A day said with when it starts on that same weekday: "a messa la domenica alle 10 …
    da domenica prossima", "missa de domingo às 11h, a partir deste domingo"; or the one
    weekday said of something that starts next week ("passare il venerdì verso le tre,
    dalla settimana prossima")."""
    # "La prossima è giovedì 3": a date said as the start is one day, no weekday's habit
    started = [
        m.day.weekday() for m in mentions if m.day and m.role == "start" and m.weekday is not None
    ]
    plain = [m for m in mentions if m.day and m.role == "plain" and m.weekday is not None]
    next_week = patterns.starts_next_week.search(text)
    if next_week and not started and len(plain) == 1:
        day = plain[0]
        if sentence_of(text, (day.start, day.end)) == sentence_of(text, next_week.span()):
            return Rule(
                "WEEKLY",
                byday=[day.weekday],
                next_week=True,
                starts_next_week=True,
                spans=[(day.start, day.end)],
            )
    said = [m for m in mentions if m.day and m.role == "plain" and m.day.weekday() in started]
    if len(set(started)) != 1 or not said:
        return None
    return Rule("WEEKLY", byday=started[:1])


def _mentions(
    text: str,
    now: datetime,
    languages: tuple[str, ...],
    patterns: Patterns,
    rule: Rule | None,
    original: str,
) -> list[TimeMention]:
    """The grammar's readings first; the older readers only for the words it left."""
    taken = rule.spans if rule else []
    read = [
        m
        for m in grammar.read(text, now, languages)
        if m.clock or not any(m.start < end and start < m.end for start, end in taken)
    ]
    said_windows = windows(text, languages, patterns)  # "Monday 2-4pm" is due at 14:00
    read = [
        m
        for m in read
        if m.day or not any(w.start < m.end and m.start < w.end for w in said_windows)
    ]
    read += [w for w in said_windows if not any(w.start < m.end and m.start < w.end for m in read)]
    spans = [*taken, *((m.start, m.end) for m in read)]
    older = days_said(text, now.date(), patterns, spans) + clock_mentions(text, now, languages)
    found = read + [m for m in older if not any(m.start < r.end and r.start < m.end for r in read)]
    found = [m for m in found if not _names_a_street(text, m, patterns)]
    if len(original) == len(text):
        grammar.in_zone(found, original, now)
    starts = [m.start for m in found]
    for mention in found:
        mention.role = _role(text, mention, patterns, starts)
    _mark_ready_days(text, found, patterns)
    _mark_corrected(text, found, patterns)
    _mark_corrected_times(text, found, patterns)
    return found + _said_again(text, found, patterns)


def _names_a_street(text: str, mention: TimeMention, patterns: Patterns) -> bool:
    """ "na loja da 24 de Julho", "via XX Settembre": a date that names a street is no day."""
    return bool(
        mention.day
        and text[mention.start].isdigit()
        and patterns.place_before.search(text, max(0, mention.start - 20), mention.start)
    )


def _mark_ready_days(text: str, mentions: list[TimeMention], patterns: Patterns) -> None:
    """ "só chega amanhã depois das três": the day said with when something becomes possible
    is that too."""
    for day in mentions:
        if (
            day.day
            and day.role == "plain"
            and any(
                clock.role == "available"
                and clock.day is None
                and _said_with(text, day, clock, patterns)
                for clock in mentions
            )
        ):
            day.role = "available"


def _said_with(text: str, day: TimeMention, clock: TimeMention, patterns: Patterns) -> bool:
    """Whether a time follows a day at once, or with only "after" between ("amanhã depois das
    três")."""
    gap = clock.start - day.end
    between = text[day.end : clock.start]
    return 0 <= gap <= 2 or (
        gap <= _AFTER_GAP
        and not any(mark in between for mark in ",;.!?")
        and bool(patterns.available.search(text, day.end, clock.start))
    )


# The most characters of "after" words between a day and a time said with it.
_AFTER_GAP = 14


def _said_again(text: str, mentions: list[TimeMention], patterns: Patterns) -> list[TimeMention]:
    """ "A alta está prevista para dia 14. Precisamos de alguém … até lá", "Kevin reprend le
    28. À partir de là il faut quelqu'un": the day said before, as a deadline or a start where
    the words point back to it."""
    days = sorted(
        (m for m in mentions if m.day and m.role == "plain" and not m.weak), key=lambda m: m.start
    )
    again = []
    for pattern, role in ((patterns.until_then, "until"), (patterns.from_then, "start")):
        for said in pattern.finditer(text):
            before = [m for m in days if m.end <= said.start()]
            if before:
                again.append(
                    TimeMention(*said.span(), day=before[-1].day, role=role, points_back=True)
                )
    return again


def _mark_corrected(text: str, mentions: list[TimeMention], patterns: Patterns) -> None:
    """ "Thursday — no wait, Friday", "dia 30 — desculpem, dia 31": a day taken back at once
    is not the one meant; nor is one made exact in brackets right after it, or one ruled out
    ("doesn't have to be today")."""
    days = sorted((m for m in mentions if m.day), key=lambda m: m.start)
    for mention in days:  # "não precisa ser hoje, mas até o fim de semana"
        if patterns.ruled_out.search(text, max(0, mention.start - 30), mention.start):
            mention.role = "corrected"
    for taken_back, meant in pairwise(days):
        between = text[taken_back.end : meant.start]
        if _taken_back(between, patterns):
            taken_back.role = "corrected"
            for clock in mentions:  # "não é mais dia 12 às 10h, agora é dia 14 às 11h"
                if clock.day is None and taken_back.end <= clock.start < meant.start:
                    clock.role = "corrected"
        elif len(between) <= 20 and between.rstrip().endswith("("):
            # "am 4. Advent (20.12.)", "Friday (the 11th)": the date in brackets is exact
            taken_back.role = "corrected"


def _mark_corrected_times(text: str, mentions: list[TimeMention], patterns: Patterns) -> None:
    """ "é às 14h30, não às 14h": an hour ruled out is not meant, wherever it is said; "alle 11,
    anzi no, è alle 11:40": nor is one taken back for another."""
    clocks = sorted((m for m in mentions if m.clock and not m.day), key=lambda m: m.start)
    ruled_out = {
        m.clock for m in clocks if patterns.not_this.search(text, max(0, m.start - 8), m.start)
    }
    for clock in clocks:
        if clock.clock in ruled_out:
            clock.role = "corrected"
    for taken_back, meant in pairwise(m for m in clocks if m.role != "corrected"):
        if _taken_back(text[taken_back.end : meant.start], patterns):
            taken_back.role = "corrected"


def _taken_back(between: str, patterns: Patterns) -> bool:
    """Whether the words between two days or times take the first back ("— no wait,")."""
    return len(between) <= 40 and bool(patterns.corrected.search(between))


def _not_place_hours(text: str, rule: Rule | None, patterns: Patterns) -> Rule | None:
    """``rule``, unless it is only a place's week: "before 6 tonight, they close early on
    Mondays", "sportello aperto dal lunedì al venerdì … entro martedì 22"."""
    if rule is not None and all(_place_hours(text, span, patterns) for span in rule.spans):
        return None
    return rule


def _place_hours(text: str, span: tuple[int, int], patterns: Patterns) -> bool:
    """Whether a repetition is when a place closes or opens ("they close early on Mondays",
    "só abre de segunda a sexta", "los martes cierran temprano")."""
    start, _ = _clause_of(text, span)
    return bool(
        patterns.place_hours.search(text, start, span[0])
        or patterns.place_hours.match(text, span[1] + 1, span[1] + 12)
    )


# Commas, dashes, brackets, a colon that is no clock's ("21:00"), and where a reason starts
# ("non posso perché ho una riunione alle 8"), in every language: a clause is cut before a
# reading of the circle's languages is known.
_REASON = locales.alternation(locales.codes(), "spans", "reason")
_CLAUSE_BREAK = re.compile(rf"[,;—–()]|(?<!\d):(?!\d)|\b(?={_REASON})\b")
_REASON_START = re.compile(rf"\s*(?:{_REASON})\b")


def _clause_of(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The bounds of the clause holding ``span``: its sentence, cut at commas, colons, dashes
    and brackets."""
    start, end = sentence_of(text, span)
    breaks = list(_CLAUSE_BREAK.finditer(text, start, span[0]))
    after = _CLAUSE_BREAK.search(text, span[1], end)
    return (breaks[-1].end() if breaks else start), (after.start() if after else end)


def _is_one_off(
    text: str,
    rule: Rule,
    mentions: list[TimeMention],
    sentence: tuple[int, int],
    asks: GuardedPattern | None,
) -> bool:
    """ "Can someone buy a scale by Monday? The doctor wants her weighed every morning": the
    request has its own date, and the repetition is said in a sentence that asks nothing."""
    start, end = sentence
    for span_start, _ in rule.spans:
        if start <= span_start < end:
            return False
        elsewhere = sentence_of(text, (span_start, span_start))
        if asks is not None and asks.search(text, *elsewhere):
            return False
    said = [m for m in mentions if (m.day or m.offset) and start <= m.start < end]
    # A deadline of its own ("bis Donnerstag 12 Uhr") too, unless it ends a span said with its
    # start ("the evenings from the 10th until the 20th"): that span is the repetition's.
    spans = any(m.role == "start" for m in said)
    return any(m.role == "plain" or (m.role == "until" and not spans) for m in said)


def _writers_week_beside_a_date(
    text: str,
    rule: Rule,
    mentions: list[TimeMention],
    request: tuple[int, int, int],
    patterns: Patterns,
    asks: tuple[GuardedPattern | None, ...],
) -> bool:
    """ "La primera sesión es el miércoles que viene a las 11:15. … el jueves y el viernes
    tengo clientes. ¿Alguien lo puede llevar?": the only repetition is the writer's own week,
    and a day is said elsewhere in words that are not the writer's."""
    if not _writers_week(text, rule, request, patterns, asks):
        return False
    said_start, said_end = sentence_of(text, rule.spans[0])
    for mention in mentions:
        if not mention.day or mention.role not in ("plain", "start"):
            continue
        if mention.role == "start" and mention.day.weekday() in rule.byday:
            continue  # "… mardi et vendredi à 8h. … à partir de vendredi": the routine's start
        if said_start <= mention.start < said_end:
            continue
        clause_start, clause_end = _clause_of(text, (mention.start, mention.end))
        if not patterns.first_person.search(text, clause_start, clause_end):
            return True
    return False


def _another_day_asked(text: str, rule: Rule, mentions: list[TimeMention]) -> bool:
    """Days listed one after another are someone else's when their sentence names a day of
    its own: "fehlt uns jemand am 24. um 8 Uhr; am 25. und 26. kommt Schwester N. wie gewohnt"."""
    if rule.first_day is None or rule.count is None:
        return False
    listed = range(rule.first_day, rule.first_day + rule.count)
    start, end = sentence_of(text, rule.spans[0])
    return any(
        m.day and m.role == "plain" and start <= m.start < end and m.day.day not in listed
        for m in mentions
    )


def _writers_clause(
    text: str, span: tuple[int, int], patterns: Patterns, asks: tuple[GuardedPattern | None, ...]
) -> bool:
    """Whether days are said in a clause of the writer's own that asks for nobody ("Eu fico
    com os domingos")."""
    start, end = _clause_of(text, span)  # "Os sábados eu seguro": the writer may come after
    return bool(patterns.first_person.search(text, start, end)) and not _clause_asks(
        text, span, asks
    )


def _clause_asks(text: str, span: tuple[int, int], asks: tuple[GuardedPattern | None, ...]) -> bool:
    """Whether the clause holding ``span`` asks for someone."""
    start, end = _clause_of(text, span)
    return any(cue is not None and cue.search(text, start, end) for cue in asks)


def _asking_clauses(
    text: str, patterns: Patterns, asks: tuple[GuardedPattern | None, ...]
) -> Callable[[TimeMention], bool]:
    """Whether a mention's clause asks too ("Pick-up from hers at 10:40 please", "Bitte um
    Viertel nach neun bei ihm sein"): its time is when to act, not the appointment's. A
    clause, not a sentence: in "his sister flies in on the 6th, but he needs someone Friday
    night" the 6th is news."""

    def asking(mention: TimeMention) -> bool:
        start, end = _clause_of(text, (mention.start, mention.end))
        if patterns.polite.search(text, start, end):
            return True
        if _after_deadline_words(text, mention, patterns):
            return True
        # "elle ferme dans deux heures", "they close at 7": the time to get there by
        if patterns.closes_at.search(text, max(start, mention.start - 20), mention.start):
            return True
        # the words that ask may run on past a comma: "wenn jemand bis Mittwoch ein, zwei
        # Abende … fände"
        sentence_start, sentence_end = sentence_of(text, (start, end))
        return any(
            cue is not None
            and any(
                found.start() < end and start < found.end()
                for found in cue.finditer(text, sentence_start, sentence_end)
            )
            for cue in asks
        )

    return asking


def _resolve(
    text: str,
    now: datetime,
    patterns: Patterns,
    rule: Rule | None,
    mentions: list[TimeMention],
    request: tuple[int, int, int],
    urgent: bool,
    asking: Callable[[TimeMention], bool],
) -> tuple[date | datetime | None, str | None]:
    _, start, end = request
    vague = patterns.vague.search(text)
    if vague and patterns.contrast_after.match(text, vague.end()):
        vague = None  # "niente di urgente, ma il tecnico arriva fra un'ora": not urgent, but timed
    if vague and _said_of_something_else(text, vague.span(), start):
        vague = None  # "… comer sentado à mesa com alguém do lado, sem pressa. … Alguém passa …?"
    if vague and not any(
        # a routine's stated start: "reprend après les fêtes … à partir du mardi 29"
        (m.role == "plain" or (rule is not None and m.role == "start"))
        and m.day
        and not vague.start() <= m.start < vague.end()
        and (start <= m.start < end or asking(m))
        for m in mentions
    ):  # "sometime next week", "después de Navidad": no due, even with the day they name,
        # or with days said as news ("Le dan el alta hoy. ¿Alguien hace la compra? Sin prisa")
        return None, rule_text(rule, None) if rule else None
    if rule is not None:
        return _recurring(text, rule, mentions, now, request, asking, patterns)
    day, clock, offset = _pick(mentions, request, text, urgent, patterns, asking, now)
    if offset is not None:
        return now + offset, None
    if day is None and clock is None:
        if urgent:
            return now.date(), None
        return None, None
    if day is None:
        assert clock is not None
        moment = datetime.combine(now.date(), clock, tzinfo=now.tzinfo)
        if moment <= now and urgent:  # "go now, she hasn't answered since 8": today, at once
            return now.date(), None
        return (moment if moment > now else moment + timedelta(days=1)), None
    if clock is None:
        return day, None
    moment = datetime.combine(day, clock, tzinfo=now.tzinfo)
    passed = moment <= now < moment + timedelta(hours=12)
    if passed and clock.hour < 12 and not patterns.morning.search(text):
        return moment + timedelta(hours=12), None  # "today before 8", said at ten: the evening
    return moment, None


# A sentence this short before the request that says "no rush" says it of the request ("Sin
# prisa. ¿Alguien …?"); in a longer one it is said of something else.
VAGUE_SENTENCE = 30


def _said_of_something_else(text: str, span: tuple[int, int], request_start: int) -> bool:
    """Whether "no rush" is said in a longer sentence before the request's, of another thing."""
    said_start, said_end = sentence_of(text, span)
    return said_end <= request_start and said_end - said_start > VAGUE_SENTENCE


def _recurring(
    text: str,
    rule: Rule,
    mentions: list[TimeMention],
    now: datetime,
    sentence: tuple[int, int, int],
    asking: Callable[[TimeMention], bool],
    patterns: Patterns,
) -> tuple[date | datetime, str]:
    """The first occurrence: a stated start, else a day in the request (or, for a rule with
    no days of its own, "chemo Tuesday, then every fortnight", anywhere), else the next one."""
    today = now.date()
    _, start, end = sentence
    # A start said with a routine said to start next week is one said where the repetition or
    # the request is: "A cuidadora nova só começa dia 4 de janeiro" is the carer's.
    said_here = [sentence_of(text, span) for span in rule.spans] + [(start, end)]
    here = [m for m in mentions if any(a <= m.start < b for a, b in said_here)]
    # A span's last day said with its first ("del 29 al 31") before an "until" said elsewhere
    # ("yo no libro hasta Año Nuevo").
    until = next((m.last for m in mentions if m.last), None) or next(
        (m.day for m in mentions if m.day and m.role == "until" and not m.points_back), None
    )  # "Fino ad allora … il martedì e il venerdì": until someone else comes, not an end
    # A plain day starts a rule with days only when it is one of them: "every Thursday
    # evening, pickup's early Friday" starts on a Thursday.
    plain = [
        m
        for m in in_order(mentions, sentence)
        if m.day and m.role == "plain" and (not rule.byday or m.day.weekday() in rule.byday)
    ]
    # "radiotherapy begins Monday, every weekday at 8:15": a day said with the rule starts it.
    rule_start, rule_end = sentence_of(text, rule.spans[0]) if rule.spans else (end, end)
    # Of several starts, one on the rule's own days first: "Ab Montag kommen wir … Wer
    # übernimmt samstags und sonntags? Das erste Mal wäre gleich dieses Wochenende."
    # Then one said where the repetition or the request is: "Ich bin ab Donnerstag auf
    # Dienstreise … jemanden, der ab morgen jeden Morgen um 8 …" starts tomorrow.
    # A start of the writer's own is theirs: "I'm back at work full time from the 7th".
    said_starts = sorted(
        (
            m
            for m in (here if rule.starts_next_week else mentions)
            if m.day and m.role == "start" and not _writers_own(text, m, patterns, sentence, asking)
        ),
        key=lambda m: (
            bool(rule.byday) and m.day is not None and m.day.weekday() not in rule.byday,
            m not in here,
        ),
    )
    # "… ogni martedì e venerdì. A partire dalla prossima settimana": said to start next
    # week, it does, whatever other days of its own the message names
    starts = said_starts or (
        []
        if rule.starts_next_week
        else [m for m in plain if start <= m.start < end]
        or [m for m in plain if rule_start <= m.start < rule_end]
        or ([] if rule.byday else plain)
    )
    if rule.first_day is not None:
        first = day_of_month(today, rule.first_day) or today + timedelta(days=1)
    elif starts:
        first = starts[0].day
        assert first is not None
    elif rule.next_week:
        first = today + timedelta(days=7 - today.weekday())
    else:
        first = today + timedelta(days=1)
    if rule.byday:
        while first.weekday() not in rule.byday:
            first += timedelta(days=1)
    elif rule.freq == "WEEKLY":  # "every fortnight" repeats on the day it starts
        rule.byday = [first.weekday()]
    # A time in a clause that asks comes first ("… wer kann jeweils um zwei dort sein?"), then
    # the one said with the rule, before others of the request's sentence ("3ª e 6ª às 17h15
    # … preciso de alguém, eu só saio do trabalho às 18h").
    said_clocks = [
        m
        for m in sorted(
            in_order(mentions, sentence),
            key=lambda m: (not asking(m), not rule_start <= m.start < rule_end),
        )
        if m.clock
        and m.role not in ("available", "closed")
        # a time said with the days left out is theirs: "viene lunes … a las 11, pero los
        # martes … necesitamos a alguien"
        and not any(0 <= m.start - said_end < 16 for _, said_end in rule.left_out)
    ]
    clocks = [m.clock for m in _not_the_writers(text, said_clocks, patterns, sentence, asking)]
    due: date | datetime = (
        datetime.combine(first, clocks[0], tzinfo=now.tzinfo) if clocks else first
    )
    if until is not None and until < first:
        until = None  # "estou de férias até domingo … a partir de segunda": the writer's span
    if clocks and until is not None and rule.count is None:
        # UNTIL goes only with a day-long due; with a time, the last day is a count ("chaque
        # soir à 19h, du 19 au 31 décembre": 13 evenings).
        rule.count = _occurrences(rule, first, until) or None
    return due, rule_text(rule, until if not clocks else None)


def _occurrences(rule: Rule, first: date, last: date) -> int:
    """How many times ``rule`` falls from ``first`` to ``last``, both counted."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    if rule.freq == "DAILY":
        return len(days[:: rule.interval])
    weeks = {day.isocalendar()[:2] for day in days}
    first_week = min(weeks)
    kept = {week for week in weeks if ((week[1] - first_week[1]) % rule.interval == 0)}
    return sum(1 for day in days if day.weekday() in rule.byday and day.isocalendar()[:2] in kept)


# -- choosing among the mentions ------------------------------------------------------------


# A mention that is a number alone, perhaps after an article ("le 15"), not "15 décembre".
_BARE_NUMBER = re.compile(r"(?:[^\W\d]+\s)?\d+")


# A time said with the word for "at" is when something is ("é às 10h", "è alle 9").
_SAID_AT = re.compile(r"(?:às |alle |all'|a las |a la |à |um |at )")


# How close before a word of availability the one looked for stands when it is they who are
# free, not a thing that is ready ("anyone strong free", "qqn de costaud dispo").
_SOMEONE_BEFORE = 20


def _role(text: str, mention: TimeMention, patterns: Patterns, starts: list[int]) -> str:
    """Plain, a start, the end of a span ("until 9"), when something becomes available
    ("ready Friday", "after 2"), or a day it cannot be done ("Wednesday is closed"); a time's
    own first word ("after 2", "bis 13 Uhr") counts. Words after another time (``starts``)
    are that time's: "entro stasera alle 8 perché domani sono chiusi"."""
    sentence_start, _ = sentence_of(text, (mention.start, mention.end))
    # "the paperwork is nearly ready. By Friday someone must…": a cue ends with its sentence.
    before = text[max(sentence_start, mention.start - 70) : mention.start]
    own = text[mention.start : mention.end]
    if mention.clock and patterns.time_now.search(before) and not _SAID_AT.match(own):
        # "qui in Italia è quasi mezzanotte": the time it is, not a due ("é às 10h" is a time
        # something is at)
        return "available"
    if mention.clock and patterns.closes_at.search(before):
        return "plain"  # "fica pronto amanhã … e a loja fecha às 13h": the time to be there by
    if mention.clock and patterns.until_before.search(before):
        return "until"  # "hoje só abre até a 1 da tarde": open until then, the time to be there by
    available = patterns.available.search(before)
    if available and patterns.someone.search(
        before, max(0, available.start() - _SOMEONE_BEFORE), available.start()
    ):
        available = None  # "qqn de costaud dispo demain ?": the person asked for is free
    if available or (mention.clock and patterns.after_own.match(own)):
        return "available"
    if (
        mention.clock
        and patterns.since_time.search(before)
        and not patterns.until_next.match(text, mention.end)
    ):
        return "available"  # "falta de ar desde as 7": when it began, not when to act
    if patterns.closed_before.search(before) or patterns.closed_before.search(
        before + own.split(" ")[0] + " "
    ):
        return "closed"  # "nous serons fermés demain", "chiuso fino al 4"
    if mention.day and patterns.otherwise.search(before[-40:]):
        return "closed"  # "grab it before 7 or he runs out over the weekend": what happens if not
    if mention.day and patterns.because_of.search(before[-30:]):
        return "closed"  # "por causa do Natal a sessão de sexta passa pra quinta": the reason
    if patterns.dialled.search(before) and _BARE_NUMBER.fullmatch(own):
        return "available"  # "j'ai appelé le 15", "llamé al 112": a number called, not a day
    said_after = patterns.available_after.match(text, mention.end)  # "ab 10 fertig"
    if said_after and not any(mention.end < start < said_after.end() for start in starts):
        # "… geschlossen.", "mañana no abren.": a day it cannot be done at all
        return "closed" if patterns.closing.search(said_after.group()) else "available"
    first_word = own.split(" ")[0] + " "
    if (
        patterns.until_before.search(before)
        or patterns.until_before.search(first_word)
        or patterns.until_before.search(before + first_word)  # "jusqu'" + "à midi"
    ):
        return "until"
    if patterns.start_before.search(before) or (
        mention.day and patterns.start_before.search(first_word)
    ):
        return "start"  # "ab Montag", "dal 19 in poi"; "ab 10 Uhr" is when it is ready
    return "plain"


# A start and an end this close are one window ("from 9 until 12"), due at its start.
_WINDOW_GAP = 8


def _pick(
    mentions: list[TimeMention],
    request: tuple[int, int, int],
    text: str,
    urgent: bool,
    patterns: Patterns,
    asking: Callable[[TimeMention], bool],
    now: datetime,
) -> tuple[date | None, time | None, timedelta | None]:
    _, start, end = request
    usable = in_order(
        [
            m
            for m in mentions
            if m.role not in ("available", "closed", "corrected")
            and (not m.weak or start <= m.start < end)
            and not (m.day and m.day < now.date())  # "the balances at 31 December 2025"
        ],
        request,
        asking,
    )
    if urgent:  # "come now — Marcos only gets off work at 6": other times are other people's day
        usable = [m for m in usable if not m.clock or start <= m.start < end]
    starts = [m for m in usable if m.role == "start"]
    if starts and any(
        _after_deadline_words(text, m, patterns)
        or (
            m.role == "until"
            and m.clock
            and _may_be_due(m, request, text, patterns)
            # "desde as 9 até as 12" is a window, due at its start
            and not any(0 <= m.start - start.end < _WINDOW_GAP for start in starts)
        )
        for m in usable
    ):  # "in farmacia da martedì ma vanno ritirate entro sabato 12", "chega amanhã a partir
        # das 11h e eles guardam até às 18h": the deadline wins
        usable = [m for m in usable if m.role != "start"]
    first = next((m for m in usable if m.day or m.offset), None)
    if first is not None and first.offset is not None:  # "in the next hour" said first
        return None, None, first.offset
    clocks = [
        m
        for m in usable
        if m.clock
        and _may_be_due(m, request, text, patterns)
        and not _given_reason(text, m)
        and not _said_of_the_past(text, m, patterns, usable)
    ]
    clocks = _not_the_writers(text, clocks, patterns, request, asking)
    if first is None and not urgent:
        # "Left him at the lab at 7:50, they said he's done at 9": with no day said, a time
        # still to come today counts before one already past.
        clocks.sort(key=lambda m: m.clock is not None and m.clock <= now.time())
    clock_mention = _deadline_after_contrast(text, clocks, patterns)
    day_mention = _day_beside(clock_mention, usable, text, patterns) or first
    if (
        first is not None
        and day_mention is not None
        and day_mention.day != first.day
        and day_mention.role == "plain"
        and first.role in ("plain", "until")  # "têm de ser feitas até ao dia 16"
        and asking(first)
        and not asking(day_mention)
    ):
        # "the test is on Friday at 8:20, but the form has to be picked up before Thursday":
        # the day to act on is asked for, and the time said with another day is that day's.
        own = [m for m in clocks if _beside(m, first) < 16]
        return first.day, (own[0].clock if own else None), None
    if day_mention is None and clock_mention is not None:
        # "ready after 2 tmrw but they close at 7": the time falls on the day it can be done.
        day_mention = next((m for m in mentions if m.day and m.role == "available"), None)
    clock = clock_mention.clock if clock_mention else None
    return (day_mention.day if day_mention else None), clock, None


def _deadline_after_contrast(
    text: str, clocks: list[TimeMention], patterns: Patterns
) -> TimeMention | None:
    """The first time, or a deadline the same sentence sets against it: "appt is 2:20 but we
    need to leave by 1:45" is due at 1:45."""
    if not clocks:
        return None
    first = clocks[0]
    _, sentence_end = sentence_of(text, (first.start, first.end))
    for later in clocks[1:]:
        if (
            first.end <= later.start < sentence_end
            and patterns.contrast.search(text, first.end, later.start)
            and _after_deadline_words(text, later, patterns)
            and not _after_deadline_words(text, first, patterns)
        ):
            return later
    return first


def _after_deadline_words(text: str, mention: TimeMention, patterns: Patterns) -> bool:
    """ "at the latest by Friday at 5", "entro sabato 12", "there by 2:45" (the mention's own
    first word): a time the helper must meet."""
    clause_start, _ = _clause_of(text, (mention.start, mention.end))
    own_word = text.find(" ", mention.start, mention.end)
    said_before = own_word if own_word > mention.start else mention.start
    return bool(patterns.deadline.search(text, max(clause_start, mention.start - 30), said_before))


def _said_of_the_past(
    text: str, mention: TimeMention, patterns: Patterns, mentions: list[TimeMention]
) -> bool:
    """ "Er ist gestern um halb elf zurückgebracht worden": a time said with yesterday, and
    with no day to come ("Después de lo de anoche … el miércoles 23 a las 9:15" is one)."""
    if mention.day is not None:
        return False
    start, end = _clause_of(text, (mention.start, mention.end))
    if any(m.day and start <= m.start < end for m in mentions):
        return False
    return bool(patterns.past_days.search(text, start, end))


def _given_reason(text: str, mention: TimeMention) -> bool:
    """ "I can't on Tuesday because I have a meeting at 9": a time in the reason is the
    writer's own."""
    start, _ = _clause_of(text, (mention.start, mention.end))
    return bool(_REASON_START.match(text, start))


def _may_be_due(
    mention: TimeMention, request: tuple[int, int, int], text: str, patterns: Patterns
) -> bool:
    """An "until" time counts unless it is the writer's own day, said outside the request
    ("I don't finish work till 9"); "they're only open until 1" is a deadline."""
    _, start, end = request
    if mention.role != "until" or start <= mention.start < end:
        return True
    sentence_start, _ = sentence_of(text, (mention.start, mention.end))
    return not patterns.first_person.search(text, sentence_start, mention.start)


def _not_the_writers(
    text: str,
    clocks: list[TimeMention],
    patterns: Patterns,
    request: tuple[int, int, int],
    asking: Callable[[TimeMention], bool],
) -> list[TimeMention]:
    """The times that are not the writer's own day ("Saturday 8am … I have Ethan's swimming
    at 9. Would anyone be able to?", "Io rientro alle 21, troppo tardi"), unless all are; the
    writer's working hours are never the due ("Eu só saio do trabalho às 19h")."""
    clocks = [m for m in clocks if not _writers_own(text, m, patterns, request, asking, hours=True)]
    return [m for m in clocks if not _writers_own(text, m, patterns, request, asking)] or clocks


def _writers_own(
    text: str,
    mention: TimeMention,
    patterns: Patterns,
    request: tuple[int, int, int],
    asking: Callable[[TimeMention], bool],
    *,
    hours: bool = False,
) -> bool:
    """Whether a time is in the writer's own day: said after "I" in a clause that asks for
    nothing, outside the request's sentence ("Marcus is on early shift and I have Ethan's
    swimming at 9"); with ``hours``, said with the writer's working hours ("I close at 6")."""
    _, start, end = request
    # the writer's working hours are theirs even said with what they cannot do ("io attacco
    # alle 7 e non posso uscire"), which otherwise makes a clause one that asks
    if start <= mention.start < end or (asking(mention) and not hours):
        return False
    clause_start, _ = _clause_of(text, (mention.start, mention.end))
    said = (patterns.first_person, patterns.own_hours) if hours else (patterns.first_person,)
    return all(pattern.search(text, clause_start, mention.start) for pattern in said)


def _day_beside(
    clock: TimeMention | None, usable: list[TimeMention], text: str, patterns: Patterns
) -> TimeMention | None:
    """The day said right beside a time ("by 7 tomorrow morning", "Friday at 10"), not one
    said after an "and" ("stasera chiude alle 21 e domani la zia resta senza")."""
    if clock is None:
        return None
    if clock.day is not None:  # "9 tomorrow morning", "a medianoche": said together
        return clock
    near = [
        m
        for m in usable
        if m.day
        and _beside(m, clock) < 16
        and not (m.start >= clock.end and patterns.and_then.match(text, clock.end))
    ]
    return min(near, key=lambda m: _beside(m, clock), default=None)


def _beside(one: TimeMention, other: TimeMention) -> int:
    """How many characters apart two mentions are."""
    return min(abs(one.start - other.end), abs(other.start - one.end))
