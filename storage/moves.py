"""Moves of the person cared for: each offered once, and the checklist items taken from it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.inserts import insert_if_absent
from storage.models import Circle, Move, MoveItem, OutboxMessage
from storage.records import OFFER_KEY, MoveRecord, offer_key


def add_move(
    session: Session,
    circle_id: int,
    member_id: int,
    kind: str,
    day: date,
    source_message_id: str,
    now: datetime,
    offer_at: datetime,
    *,
    offered: bool,
) -> int | None:
    """Record a move, to be offered at ``offer_at`` (or ``offered`` now); its id, or None when
    the circle has it already.

    One insert against the unique (circle, kind, day): the same move said twice, or by two
    members at once, is recorded once. An offer held for later asks the nudge scheduler to
    look at the circle again, as any change to its tasks does.
    """
    values = {
        "circle_id": circle_id,
        "member_id": member_id,
        "kind": kind,
        "day": day,
        "source_message_id": source_message_id,
        "created_at": now,
        "offer_at": offer_at,
        "offered_at": now if offered else None,
    }
    move_id = insert_if_absent(session, Move, values)
    if move_id is not None and not offered:
        session.execute(update(Circle).where(Circle.id == circle_id).values(attention_at=None))
    return move_id


def mark_offered(session: Session, move_id: int, now: datetime) -> bool:
    """Record that a move's offer is queued; False when it already was."""
    changed = session.execute(
        update(Move)
        .where(Move.id == move_id, col(Move.offered_at).is_(None))
        .values(offered_at=now)
    ).rowcount
    return bool(changed)


def held_offers(session: Session, circle_ids: Sequence[int]) -> dict[int, list[MoveRecord]]:
    """Each circle's moves whose offer waits (for its quiet hours to end)."""
    rows = session.exec(
        select(Move)
        .where(col(Move.circle_id).in_(list(circle_ids)), col(Move.offered_at).is_(None))
        .order_by(Move.id)
    ).all()
    found: dict[int, list[MoveRecord]] = {circle_id: [] for circle_id in circle_ids}
    for row in rows:
        found[row.circle_id].append(_record(row))
    return found


def offered_move(session: Session, circle_id: int, message_id: str) -> MoveRecord | None:
    """The move whose offer (or announcement) is the message ``message_id``."""
    key = session.exec(
        select(OutboxMessage.dedupe_key).where(
            OutboxMessage.circle_id == circle_id,
            OutboxMessage.platform_message_id == message_id,
            col(OutboxMessage.dedupe_key).startswith(OFFER_KEY),
        )
    ).first()
    offered = session.exec(
        select(Move).where(Move.circle_id == circle_id, col(Move.offered_at).is_not(None))
    ).all()  # a circle announces a handful of moves
    row = next((row for row in offered if offer_key(circle_id, row.kind, row.day) == key), None)
    row = row or next((row for row in offered if row.source_message_id == message_id), None)
    return _record(row) if row else None


def latest_offered(session: Session, circle_id: int, since: datetime) -> MoveRecord | None:
    """The circle's move offered last, if that was after ``since``."""
    row = session.exec(
        select(Move)
        .where(Move.circle_id == circle_id, col(Move.offered_at) >= since)
        .order_by(col(Move.offered_at).desc(), col(Move.id).desc())
    ).first()
    return _record(row) if row else None


def move_on(session: Session, circle_id: int, kind: str, day: date) -> MoveRecord | None:
    row = session.exec(
        select(Move).where(Move.circle_id == circle_id, Move.kind == kind, Move.day == day)
    ).first()
    return _record(row) if row else None


def taken_items(session: Session, move_id: int) -> frozenset[int]:
    """The numbers of the move's checklist items the circle has taken."""
    rows = session.exec(select(MoveItem.number).where(MoveItem.move_id == move_id)).all()
    return frozenset(rows)


def take_item(session: Session, move_id: int, number: int, now: datetime) -> bool:
    """Record that the circle took a checklist item; False when it was taken before."""
    values = {"move_id": move_id, "number": number, "taken_at": now}
    return insert_if_absent(session, MoveItem, values) is not None


def _record(row: Move) -> MoveRecord:
    assert row.id is not None
    return MoveRecord(row.id, row.circle_id, row.kind, row.day, row.source_message_id, row.offer_at)
