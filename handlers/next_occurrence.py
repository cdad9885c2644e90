"""The next occurrence of a recurring task, computed on the circle's wall clock.

Occurrences are computed in local time and only then given the zone, so "every Tuesday 9:00"
stays at 9:00 across daylight-saving changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from storage.changes import Change, ClaimTask, LogEvent, Opened, OpenOccurrence, SetStatus
from storage.kinds import EventAction, TaskStatus
from storage.records import CircleRecord, TaskRecord


def next_due(
    rule: str, due: date | datetime, zone: ZoneInfo, after: datetime
) -> tuple[date | datetime | None, str]:
    """The first occurrence strictly after both ``due`` and ``after``, and the rule it carries on.

    A rule with ``COUNT`` carries one fewer occurrence; the last one has no successor.
    """
    parts = [part for part in rule.split(";") if part]
    count = next((int(part[6:]) for part in parts if part.startswith("COUNT=")), None)
    if count is not None and count <= 1:
        return None, rule
    is_day = not isinstance(due, datetime)
    start = datetime.combine(due, time()) if is_day else due.astimezone(zone).replace(tzinfo=None)
    local_after = max(start, after.astimezone(zone).replace(tzinfo=None))
    if is_day:
        # A day-only task counts as "passed" only once its whole day is over.
        local_after = max(start, datetime.combine(local_after.date(), time()))
    occurrence = rrulestr(rule, dtstart=start).after(local_after)
    if occurrence is None:
        return None, rule
    if count is not None:
        parts = [f"COUNT={count - 1}" if part.startswith("COUNT=") else part for part in parts]
    following_rule = ";".join(parts)
    if is_day:
        return occurrence.date(), following_rule
    return occurrence.replace(tzinfo=zone), following_rule


def next_occurrence(
    circle: CircleRecord,
    task: TaskRecord,
    number: int,
    now: datetime,
    member_id: int | None,
    *,
    is_followed: bool,
) -> tuple[OpenOccurrence, tuple[Change, ...]] | None:
    """The task's next occurrence, numbered ``number``, and the changes that open it; None when
    it does not recur, its series has ended, or its next occurrence is open already
    (``is_followed``: a task done after its time had passed already has it).

    The same people keep holding it. A series has one open occurrence at a time: when the next
    one opens while ``task`` is still open (its time went by and nobody did it), ``task`` is
    recorded as missed and leaves the open list; the digest says so once. The opening is logged
    as an ``occurrence``, part of the act that caused it (a completion by ``member_id``, or time
    passing), so undoing that act withdraws it too and it is never anybody's "last change" of
    its own.
    """
    due = task.due_at or task.due_on
    if not task.recurrence or due is None or is_followed:
        return None
    following, rule = next_due(task.recurrence, due, circle.zone, now)
    if following is None:
        return None
    opening = OpenOccurrence(
        number=number,
        previous_id=task.id,
        title=task.title,
        requester_id=task.requester_id,
        due_at=following.astimezone(UTC) if isinstance(following, datetime) else None,
        due_on=following if not isinstance(following, datetime) else None,
        recurrence=rule,
    )
    opened = Opened(number)
    changes: list[Change] = [opening]
    changes += [ClaimTask(opened, holder.id) for holder in task.claimers]
    changes.append(
        LogEvent(EventAction.OCCURRENCE, member_id, opened, detail={"recurs_from": task.id})
    )
    if task.is_open:
        changes += [
            SetStatus(task.id, (TaskStatus.OPEN,), TaskStatus.MISSED),
            LogEvent(EventAction.MISSED, None, task.id),
        ]
    return opening, tuple(changes)
