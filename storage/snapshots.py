"""What the nudge decisions read, for many circles in one go: a handful of queries in all.

Each function takes the ids of the circles a tick looks at and answers per circle id, so a tick
over a hundred due circles reads them in about ten queries rather than ten per circle.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.circles import circle_record, member_record
from storage.kinds import NudgeKind, TaskStatus
from storage.models import Circle, Decision, Member, Nudge, Task
from storage.records import CircleRecord, DecisionRecord, MemberRecord, TaskRecord
from storage.tasks import task_records


def hold_circles(
    session: Session, circle_ids: Sequence[int]
) -> list[tuple[CircleRecord, datetime]]:
    """The circles, and when the bot joined each; locked until the transaction ends on
    PostgreSQL (in id order, so two ticks never deadlock), as ``attention.hold_circle``."""
    rows = session.exec(
        select(Circle)
        .where(col(Circle.id).in_(list(circle_ids)))
        .order_by(Circle.id)
        .with_for_update(key_share=True)  # as ``attention.hold_circle``
    ).all()
    return [(circle_record(row), row.created_at) for row in rows]


def open_tasks(session: Session, circle_ids: Sequence[int]) -> dict[int, list[TaskRecord]]:
    """Each circle's open tasks in number order, with their holders."""
    rows = session.exec(
        select(Task)
        .where(col(Task.circle_id).in_(list(circle_ids)), Task.status == TaskStatus.OPEN)
        .order_by(Task.circle_id, Task.number)
    ).all()
    return _by_circle(circle_ids, rows, task_records(session, rows))


def recently_closed(
    session: Session,
    circle_ids: Sequence[int],
    since: datetime,
    status: TaskStatus = TaskStatus.DONE,
) -> dict[int, list[TaskRecord]]:
    """Each circle's tasks that reached ``status`` (done, missed) since ``since``, latest first."""
    rows = session.exec(
        select(Task)
        .where(
            col(Task.circle_id).in_(list(circle_ids)),
            Task.status == status,
            col(Task.done_at) >= since,
        )
        .order_by(Task.circle_id, col(Task.done_at).desc())
    ).all()
    return _by_circle(circle_ids, rows, task_records(session, rows))


def _by_circle(
    circle_ids: Sequence[int], rows: Sequence[Task], records: list[TaskRecord]
) -> dict[int, list[TaskRecord]]:
    found: dict[int, list[TaskRecord]] = {circle_id: [] for circle_id in circle_ids}
    for row, record in zip(rows, records, strict=True):
        found[row.circle_id].append(record)
    return found


def active_members(session: Session, circle_ids: Sequence[int]) -> dict[int, list[MemberRecord]]:
    rows = session.exec(
        select(Member)
        .where(col(Member.circle_id).in_(list(circle_ids)), Member.is_active)
        .order_by(Member.id)
    ).all()
    found: dict[int, list[MemberRecord]] = {circle_id: [] for circle_id in circle_ids}
    for row in rows:
        found[row.circle_id].append(member_record(row))
    return found


def settled_keys(
    session: Session, circle_ids: Sequence[int], task_ids: Sequence[int], since: datetime
) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
    """Per circle: keys and day keys settled for these tasks (ever) and for the circle itself
    (since ``since``), as ``storage.nudges.settled_keys``."""
    rows = session.exec(
        select(Nudge.circle_id, Nudge.key, Nudge.day_key).where(
            col(Nudge.circle_id).in_(list(circle_ids)),
            (col(Nudge.task_id).in_(list(task_ids)))
            | (col(Nudge.task_id).is_(None) & (col(Nudge.settled_at) >= since)),
        )
    ).all()
    keys: dict[int, set[str]] = {circle_id: set() for circle_id in circle_ids}
    days: dict[int, set[str]] = {circle_id: set() for circle_id in circle_ids}
    for circle_id, key, day_key in rows:
        keys[circle_id].add(key)
        if day_key:
            days[circle_id].add(day_key)
    return {
        circle_id: (frozenset(keys[circle_id]), frozenset(days[circle_id]))
        for circle_id in circle_ids
    }


def last_digests(session: Session, circle_ids: Sequence[int]) -> dict[int, datetime]:
    """When each circle's last digest was queued (an empty one does not count)."""
    rows = session.exec(
        select(Nudge.circle_id, func.max(Nudge.settled_at))
        .where(
            col(Nudge.circle_id).in_(list(circle_ids)),
            Nudge.kind == NudgeKind.DIGEST,
            col(Nudge.outbox_id).is_not(None),
        )
        .group_by(Nudge.circle_id)
    ).all()
    return {circle_id: at for circle_id, at in rows}


def decisions(
    session: Session, circle_ids: Sequence[int], since: datetime
) -> dict[int, list[DecisionRecord]]:
    """Each circle's decisions since ``since``, in number order, as ``storage.decisions``."""
    query = (
        select(Decision, Member)
        .join(Member, col(Member.id) == Decision.member_id, isouter=True)
        .where(
            col(Decision.circle_id).in_(list(circle_ids)),
            col(Decision.is_removed).is_(False),
            col(Decision.decided_at) >= since,
        )
        .order_by(Decision.circle_id, Decision.number)
    )
    found: dict[int, list[DecisionRecord]] = {circle_id: [] for circle_id in circle_ids}
    for row, member in session.exec(query).all():
        found[row.circle_id].append(
            DecisionRecord(
                row.id,  # type: ignore[arg-type]
                row.number,
                row.text,
                member.display_name if member else None,
                row.decided_at,
            )
        )
    return found
