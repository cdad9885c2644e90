"""Settled nudges: what the scheduler has already said, folded or found empty, per circle."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from storage.inserts import insert_if_absent
from storage.kinds import NudgeKind
from storage.models import Circle, Nudge, Snooze


def circle_ids(session: Session) -> list[int]:
    return list(session.exec(select(Circle.id).order_by(Circle.id)).all())  # type: ignore[arg-type]


def settle(
    session: Session,
    circle_id: int,
    key: str,
    kind: NudgeKind,
    now: datetime,
    *,
    task_id: int | None = None,
    day_key: str | None = None,
) -> bool:
    """Record a nudge as settled; False when it (or another routine nudge of its task's day) was.

    One insert guarded by two unique keys: two bot processes cannot both settle a nudge, nor
    spend one task's daily budget twice.
    """
    values = {
        "circle_id": circle_id,
        "key": key,
        "kind": kind,
        "task_id": task_id,
        "day_key": day_key,
        "settled_at": now,
    }
    return insert_if_absent(session, Nudge, values) is not None


def attach_outbox(session: Session, keys: Sequence[str], outbox_id: int) -> None:
    """Link settled nudges to the outbox row that says them."""
    session.execute(update(Nudge).where(col(Nudge.key).in_(list(keys))).values(outbox_id=outbox_id))


def settled_keys(
    session: Session, circle_id: int, task_ids: Sequence[int], since: datetime
) -> tuple[frozenset[str], frozenset[str]]:
    """Keys and day keys settled for these tasks (ever) and for the circle (since ``since``)."""
    rows = session.exec(
        select(Nudge.key, Nudge.day_key).where(
            Nudge.circle_id == circle_id,
            (col(Nudge.task_id).in_(list(task_ids)))
            | (col(Nudge.task_id).is_(None) & (col(Nudge.settled_at) >= since)),
        )
    ).all()
    return frozenset(key for key, _ in rows), frozenset(day for _, day in rows if day)


def last_digest_at(session: Session, circle_id: int) -> datetime | None:
    """When the circle's last digest was queued (an empty one does not count)."""
    return session.exec(
        select(func.max(Nudge.settled_at)).where(
            Nudge.circle_id == circle_id,
            Nudge.kind == NudgeKind.DIGEST,
            col(Nudge.outbox_id).is_not(None),
        )
    ).one()


def snoozes(
    session: Session, task_ids: Sequence[int], now: datetime
) -> dict[tuple[int, int], datetime]:
    """Snoozes still running on these tasks: (task id, member id) → until."""
    rows = session.exec(
        select(Snooze).where(col(Snooze.task_id).in_(list(task_ids)), col(Snooze.until) > now)
    ).all()
    return {(row.task_id, row.member_id): row.until for row in rows}


def circle_started_at(session: Session, circle_id: int) -> datetime:
    """When the bot joined the circle."""
    return session.exec(select(Circle.created_at).where(Circle.id == circle_id)).one()
