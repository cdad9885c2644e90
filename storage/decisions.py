"""Decisions the circle settled, numbered per circle."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from storage.circles import next_number
from storage.models import Decision, Member
from storage.records import DecisionRecord


def add_decision(
    session: Session,
    circle_id: int,
    text: str,
    member_id: int | None,
    message_id: str | None,
    now: datetime,
) -> Decision:
    """A new decision row, numbered next in the circle (its id set)."""
    number = next_number(session, circle_id, "last_decision_number")
    decision = Decision(
        circle_id=circle_id,
        number=number,
        text=text,
        member_id=member_id,
        decided_at=now,
        source_message_id=message_id,
    )
    session.add(decision)
    session.flush()
    return decision


def decisions(
    session: Session, circle_id: int, since: datetime | None = None
) -> list[DecisionRecord]:
    query = _with_deciders().where(
        Decision.circle_id == circle_id, col(Decision.is_removed).is_(False)
    )
    if since is not None:
        query = query.where(col(Decision.decided_at) >= since)
    return _records(session, query.order_by(Decision.number))


def decision_by_message(session: Session, circle_id: int, message_id: str) -> DecisionRecord | None:
    """The decision recorded from that message, if any."""
    query = _with_deciders().where(
        Decision.circle_id == circle_id, Decision.source_message_id == message_id
    )
    return next(iter(_records(session, query.limit(1))), None)


def _with_deciders() -> SelectOfScalar:
    return select(Decision, Member).join(Member, col(Member.id) == Decision.member_id, isouter=True)


def _records(session: Session, query: SelectOfScalar) -> list[DecisionRecord]:
    return [
        DecisionRecord(
            row.id,  # type: ignore[arg-type]
            row.number,
            row.text,
            member.display_name if member else None,
            row.decided_at,
        )
        for row, member in session.exec(query).all()
    ]


def reword_decision(session: Session, decision_id: int, *, old: str, new: str) -> bool:
    """Change a decision's text from ``old`` to ``new``; False when it no longer reads ``old``."""
    changed = session.execute(
        update(Decision).where(Decision.id == decision_id, Decision.text == old).values(text=new)
    )
    return changed.rowcount == 1  # type: ignore[attr-defined]


def set_decision(session: Session, decision_id: int, **fields: object) -> None:
    session.execute(update(Decision).where(Decision.id == decision_id).values(fields))
