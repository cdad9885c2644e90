"""The persistent outbox: what the bot has to say, kept until the platform confirms it.

Rows are queued in the same transaction as the change they announce, leased by one delivering
process at a time, and marked delivered with the platform's message id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, or_, select

from storage.inserts import insert_if_absent
from storage.models import OutboxMessage

# How long a delivering process owns a row before another may try it.
LEASE_SECONDS = 60


@dataclass(frozen=True, slots=True)
class QueuedMessage:
    id: int
    platform: str
    chat_id: str
    payload: str
    attempts: int


def queue_message(
    session: Session,
    circle_id: int,
    platform: str,
    chat_id: str,
    payload: str,
    now: datetime,
    *,
    task_id: int | None = None,
    dedupe_key: str | None = None,
    not_before: datetime | None = None,
) -> int | None:
    """Queue a message; None when ``dedupe_key`` was queued before (it is never sent twice)."""
    values = {
        "circle_id": circle_id,
        "platform": platform,
        "chat_id": chat_id,
        "payload": payload,
        "task_id": task_id,
        "dedupe_key": dedupe_key,
        "created_at": now,
        "not_before": not_before or now,
        "attempts": 0,
    }
    return insert_if_absent(session, OutboxMessage, values)


def lease_due(
    session: Session, platform: str, worker: str, now: datetime, limit: int
) -> list[QueuedMessage]:
    """Lease up to ``limit`` undelivered rows, oldest first; a row another worker holds is skipped.

    Each lease is a conditional update, so two processes racing for a row cannot both get it.
    """
    candidates = session.exec(
        select(OutboxMessage.id)
        .where(
            OutboxMessage.platform == platform,
            col(OutboxMessage.delivered_at).is_(None),
            col(OutboxMessage.not_before) <= now,
            or_(col(OutboxMessage.leased_until).is_(None), col(OutboxMessage.leased_until) < now),
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    leased: list[QueuedMessage] = []
    for row_id in candidates:
        won = session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == row_id,
                col(OutboxMessage.delivered_at).is_(None),
                or_(
                    col(OutboxMessage.leased_until).is_(None),
                    col(OutboxMessage.leased_until) < now,
                ),
            )
            .values(
                leased_until=now + timedelta(seconds=LEASE_SECONDS),
                lease_owner=worker,
                attempts=OutboxMessage.attempts + 1,
            )
        ).rowcount
        if won:
            row = session.get(OutboxMessage, row_id)
            assert row is not None
            leased.append(
                QueuedMessage(row_id, row.platform, row.chat_id, row.payload, row.attempts)
            )
    return leased


def mark_delivered(
    session: Session, outbox_id: int, platform_message_id: str | None, now: datetime
) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == outbox_id)
        .values(delivered_at=now, platform_message_id=platform_message_id, leased_until=None)
    )


def retry_later(session: Session, outbox_id: int, not_before: datetime) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == outbox_id, col(OutboxMessage.delivered_at).is_(None))
        .values(not_before=not_before, leased_until=None, lease_owner=None)
    )


def acknowledgement_of(session: Session, task_id: int) -> str | None:
    """The platform id of the bot's acknowledgement of a task, once delivered.

    Found by its dedupe key (``ack:<task id>``, unique and indexed): one row, never a scan.
    """
    return session.exec(
        select(OutboxMessage.platform_message_id).where(
            OutboxMessage.dedupe_key == f"ack:{task_id}",
            OutboxMessage.task_id == task_id,
            col(OutboxMessage.platform_message_id).is_not(None),
        )
    ).first()
