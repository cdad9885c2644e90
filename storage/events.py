"""The append-only event log: every change, who made it, when, and from which message."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.kinds import EventAction
from storage.models import Event
from storage.records import EventRecord


def log_event(
    session: Session,
    circle_id: int,
    member_id: int | None,
    action: EventAction,
    now: datetime,
    *,
    task_id: int | None = None,
    decision_id: int | None = None,
    message_id: str | None = None,
    detail: dict[str, object] | None = None,
) -> None:
    session.add(
        Event(
            circle_id=circle_id,
            member_id=member_id,
            at=now,
            action=action,
            task_id=task_id,
            decision_id=decision_id,
            message_id=message_id,
            detail=json.dumps(detail or {}, ensure_ascii=False, default=str),
        )
    )


def last_undoable(
    session: Session, circle_id: int, member_id: int, actions: tuple[EventAction, ...]
) -> EventRecord | None:
    """The member's most recent change of one of ``actions`` that has not been undone."""
    event = session.exec(
        select(Event)
        .where(
            Event.circle_id == circle_id,
            Event.member_id == member_id,
            col(Event.is_undone).is_(False),
            col(Event.action).in_(actions),
        )
        .order_by(col(Event.id).desc())
    ).first()
    if event is None:
        return None
    return EventRecord(
        event.id,  # type: ignore[arg-type]
        EventAction(event.action),
        event.task_id,
        event.decision_id,
        json.loads(event.detail),
    )


def mark_undone(session: Session, event_id: int) -> bool:
    """Flag an event as undone; False if someone else's undo got there first."""
    result = session.execute(
        update(Event)
        .where(Event.id == event_id, col(Event.is_undone).is_(False))
        .values(is_undone=True)
    )
    return bool(result.rowcount)


def acts_on_task(session: Session, task_id: int, *, besides: tuple[EventAction, ...] = ()) -> int:
    """How many standing (not undone) changes a task has had, leaving out ``besides``."""
    rows = session.exec(
        select(Event.id).where(
            Event.task_id == task_id,
            col(Event.is_undone).is_(False),
            col(Event.action).not_in(list(besides)),
        )
    ).all()
    return len(rows)


def mark_opening_undone(session: Session, task_id: int) -> None:
    """Flag the event that opened a task as undone, with the change that opened it."""
    session.execute(
        update(Event)
        .where(
            Event.task_id == task_id,
            col(Event.action).in_([EventAction.TASK_ADDED, EventAction.OCCURRENCE]),
        )
        .values(is_undone=True)
    )
