"""How a request repeats, as an RFC 5545 RRULE: "every Tuesday", "daily for 2 weeks"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from handlers import calendar_words as words
from handlers.calendar_patterns import Patterns, weekday_index

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_PLURAL_ARTICLES = ("on ", "the ", "les ", "os ", "nos ", "i ", "am ", "an den ")
_JOINED = re.compile(r"\s*(?:,|and|&|/|y|e|et|und|or)?\s*")


@dataclass(slots=True)
class Rule:
    freq: str
    interval: int = 1
    byday: list[int] = field(default_factory=list)
    count: int | None = None
    next_week: bool = False  # "starting next week"
    spans: list[tuple[int, int]] = field(default_factory=list)


def find_rule(text: str, patterns: Patterns) -> Rule | None:
    if match := patterns.weekday_set.search(text):
        rule = Rule("WEEKLY", byday=[0, 1, 2, 3, 4], spans=[match.span()])
    elif rule := _weekly(text, patterns):
        pass
    elif match := re.search(r"\bevery (other|\d+|two|three) days?\b", text):
        amount = match.group(1)
        interval = 2 if amount == "other" else words.NUMBER_WORDS.get(amount) or int(amount)
        rule = Rule("DAILY", interval=interval, spans=[match.span()])
    elif match := patterns.daily.search(text):
        rule = Rule("DAILY", spans=[match.span()])
    else:
        return None
    if days := patterns.for_days.search(text):
        rule.count = int(days.group(days.lastindex or 1)) if rule.freq == "DAILY" else None
    if weeks := patterns.for_weeks.search(text):
        amount = weeks.group(weeks.lastindex or 1) or "1"
        count = words.NUMBER_WORDS.get(amount) or int(amount)
        rule.count = count * (7 if rule.freq == "DAILY" else max(len(rule.byday), 1))
    rule.next_week = bool(patterns.next_week.search(text))
    return rule


def _weekly(text: str, patterns: Patterns) -> Rule | None:
    """ "every Monday and Wednesday", "tous les samedis et dimanches", "mittwochs"."""
    matches = list(patterns.weekday.finditer(text))
    rule: Rule | None = None
    position = 0
    while position < len(matches):
        match = matches[position]
        before = text[: match.start()]
        other = patterns.every_other.search(before)
        every = other or patterns.every.search(before)
        adverb = match.group("suffix") == "s" and match.group(0).endswith("ochs")
        on_plural = before.endswith(("los ", "las ")) or (
            match.group("suffix") in ("s", "es") and before.endswith(_PLURAL_ARTICLES)
        )
        position += 1
        if not (every or adverb or on_plural):
            continue
        rule = rule or Rule("WEEKLY")
        rule.interval = 2 if other else rule.interval
        rule.byday.append(weekday_index(match))
        end = match.end()
        while position < len(matches) and _JOINED.fullmatch(text[end : matches[position].start()]):
            rule.byday.append(weekday_index(matches[position]))
            end = matches[position].end()
            position += 1
        rule.spans.append((every.start() if every else match.start(), end))
    if rule is not None:
        rule.byday = sorted(set(rule.byday))
    return rule


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
