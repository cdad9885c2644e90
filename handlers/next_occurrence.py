"""The next occurrence of a recurring task, computed on the circle's wall clock.

Occurrences are computed in local time and only then given the zone, so "every Tuesday 9:00"
stays at 9:00 across daylight-saving changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from sqlmodel import Session

from storage import events, tasks
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


def schedule_next_occurrence(
    session: Session, circle: CircleRecord, task: TaskRecord, now: datetime, member_id: int | None
) -> TaskRecord | None:
    """Open the task's next occurrence, if it recurs; the same people keep holding it.

    Only one: a task done after its time had passed already has its next occurrence. A series
    has one open occurrence at a time: when the next one opens while this one is still open
    (its time went by and nobody did it), this one is recorded as missed and leaves the open
    list; the digest says so once. The opening is logged as an ``occurrence``, part of the act
    that caused it (a completion, or time passing), so undoing that act withdraws it too and
    it is never anybody's "last change" of its own.
    """
    due = task.due_at or task.due_on
    if not task.recurrence or due is None or tasks.has_follower(session, task.id):
        return None
    following, rule = next_due(task.recurrence, due, circle.zone, now)
    if following is None:
        return None
    due_at = following.astimezone(UTC) if isinstance(following, datetime) else None
    due_on = following if not isinstance(following, datetime) else None
    created = tasks.add_task(
        session,
        circle.id,
        tasks.NewTask(
            title=task.title,
            source_text="",
            source_message_id=None,
            requester_id=task.requester_id,
            due_at=due_at,
            due_on=due_on,
            recurrence=rule,
            is_urgent=False,
            previous_id=task.id,
        ),
        now,
    )
    for holder in task.claimers:
        tasks.claim_task(session, created.id, holder.id, now)
    events.log_event(
        session,
        circle.id,
        member_id,
        EventAction.OCCURRENCE,
        now,
        task_id=created.id,
        detail={"recurs_from": task.id},
    )
    if tasks.set_status(session, task.id, old=(TaskStatus.OPEN,), new=TaskStatus.MISSED, now=now):
        events.log_event(session, circle.id, None, EventAction.MISSED, now, task_id=task.id)
    return tasks.task_by_number(session, circle.id, created.number)
