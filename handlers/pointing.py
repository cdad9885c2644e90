"""Which task a claim, hand-back or done without a number or a reply clearly points at.

A wrong act is worse than none: "I'll do the big Tesco shop on Saturday" must not put its
writer on the only open task, "Take Mum to the GP". Without ``#N``, a reply, a button or a
reaction, a message points at a task only by sharing its words or its day, and never at a task
on another day than the one it names. Days a completion names are in the past ("we took Mum to
the hospital on Friday" is last Friday's visit, never the coming one). Only a message too short
to carry a subject of its own ("on it", "done ✅", "me encargo") may mean the one task there
is to mean.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.understanding.due import find_when
from storage.records import TaskRecord

_WORD = re.compile(r"\w{4,}", re.UNICODE)
# "I'll take it", "done ✅", "ich mach das": a message this short names no task of its own.
DEICTIC_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Pointing:
    """What a message without an explicit pointer says about the task it means."""

    words: frozenset[str]
    day: date | None
    is_short: bool


def pointing_of(text: str, said_at: datetime, languages: Sequence[str], *, past: bool) -> Pointing:
    """The words and the day of ``text``; ``past`` for a completion, whose days have been."""
    due = find_when(text, said_at, languages).due
    day = due.date() if isinstance(due, datetime) else due
    today = said_at.date()
    if past and isinstance(due, datetime) and day == today + timedelta(days=1):
        day = today  # "done at 3pm" said at 5pm: the clock alone rolled over to tomorrow
    elif past and day is not None and day > today:
        day -= timedelta(days=7 * -(-(day - today).days // 7))
    words = frozenset(word.lower() for word in _WORD.findall(text))
    return Pointing(words, day, len(text.split()) <= DEICTIC_MAX_WORDS)


def pointed_at(
    pointing: Pointing, candidates: Sequence[TaskRecord], zone: ZoneInfo
) -> list[TaskRecord]:
    """The candidates the message clearly means: one is an answer, several a question, none
    means the message is about something else."""
    viable = [task for task in candidates if not _other_day(pointing, task, zone)]
    matched = [
        task
        for task in viable
        if _shares_words(pointing, task) or _same_day(pointing, task, zone) is True
    ]
    both = [t for t in matched if _shares_words(pointing, t) and _same_day(pointing, t, zone)]
    if len(matched) > 1 and len(both) == 1:
        return both
    if matched:
        return matched
    return viable if pointing.is_short else []


def _day_of(task: TaskRecord, zone: ZoneInfo) -> date | None:
    if task.due_at is not None:
        return task.due_at.astimezone(zone).date()
    return task.due_on


def _same_day(pointing: Pointing, task: TaskRecord, zone: ZoneInfo) -> bool:
    return pointing.day is not None and pointing.day == _day_of(task, zone)


def _other_day(pointing: Pointing, task: TaskRecord, zone: ZoneInfo) -> bool:
    day = _day_of(task, zone)
    return pointing.day is not None and day is not None and day != pointing.day


def _shares_words(pointing: Pointing, task: TaskRecord) -> bool:
    return bool(pointing.words & {word.lower() for word in _WORD.findall(task.title)})
