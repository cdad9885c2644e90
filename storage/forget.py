"""Forgetting a circle's memory: every task, claim, decision and logged change, in one go."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from storage.models import Circle, Claim, Decision, Event, Nudge, OutboxMessage, Snooze, Task


def pending_forget_request(session: Session, circle_id: int, since: datetime) -> Event | None:
    """The latest request to forget made after ``since`` and not yet undone or carried out."""
    latest = session.exec(
        select(Event)
        .where(
            Event.circle_id == circle_id,
            col(Event.action).in_(("forget_requested", "forgotten")),
            col(Event.is_undone).is_(False),
        )
        .order_by(col(Event.id).desc())
    ).first()
    if latest is None or latest.action != "forget_requested" or latest.at < since:
        return None
    return latest


def forget_circle(session: Session, circle_id: int) -> None:
    """Delete everything the circle holds but the circle and its members themselves."""
    task_ids = select(Task.id).where(Task.circle_id == circle_id)
    session.execute(delete(Claim).where(col(Claim.task_id).in_(task_ids)))
    session.execute(delete(Snooze).where(col(Snooze.task_id).in_(task_ids)))
    session.execute(
        update(OutboxMessage).where(OutboxMessage.circle_id == circle_id).values(task_id=None)
    )
    # Settled nudges stay (their keys keep a forgotten task's nudges from coming back).
    session.execute(update(Nudge).where(Nudge.circle_id == circle_id).values(task_id=None))
    session.execute(delete(Event).where(Event.circle_id == circle_id))
    session.execute(update(Task).where(Task.circle_id == circle_id).values(previous_id=None))
    session.execute(delete(Task).where(Task.circle_id == circle_id))
    session.execute(delete(Decision).where(Decision.circle_id == circle_id))
    session.execute(
        update(Circle)
        .where(Circle.id == circle_id)
        .values(last_task_number=0, last_decision_number=0)
    )
