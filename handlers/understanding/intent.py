"""What one plain message means to the circle: the parsed intent that crosses into the core."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of message the circle's memory cares about."""

    TASK = "task"
    CLAIM = "claim"
    UNCLAIM = "unclaim"
    DONE = "done"
    DECISION = "decision"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Intent:
    """The understanding of one message.

    ``due`` is a ``date`` when only a day was stated, an aware ``datetime`` in the circle's
    zone when a clock time was given, and ``None`` otherwise. ``recurrence`` is an RFC 5545
    RRULE without the ``RRULE:`` prefix (``FREQ=WEEKLY;BYDAY=TU``); the time of day of a
    recurring task lives in ``due``. ``ref`` is a task number the message names (``#4``).
    """

    kind: Kind
    title: str | None = None
    due: date | datetime | None = None
    recurrence: str | None = None
    is_urgent: bool = False
    ref: int | None = None


NOTHING = Intent(Kind.NONE)


def due_as_text(due: date | datetime | None) -> str | None:
    """Local ISO form of a due: ``YYYY-MM-DD`` for a day, ``YYYY-MM-DDTHH:MM`` for a time."""
    if due is None:
        return None
    if isinstance(due, datetime):
        return due.strftime("%Y-%m-%dT%H:%M")
    return due.isoformat()
