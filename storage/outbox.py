"""The persistent outbox: what the bot has to say, kept until the platform confirms it.

Rows are queued in the same transaction as the change they announce, leased by one delivering
process at a time in order within each chat, and marked delivered with the platform's message
id, or given up with the reason when the platform refuses one for good.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import zip_longest

from sqlalchemy import update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, or_, select

from storage.inserts import insert_if_absent
from storage.models import FAILURE_LENGTH, OutboxMessage

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
    """Queue a message; None when ``dedupe_key`` was queued before (it is never sent twice).

    A message goes out after every message queued before it for the same chat, so a
    ``not_before`` in the future holds back the chat's later messages too.
    """
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
    """Lease up to ``limit`` undelivered rows, in order within each chat.

    A chat's messages form a lane: only its oldest undelivered row (its head) can be leased
    from outside, and only once its ``not_before`` has come and nobody holds it. Whoever
    leases a head holds the lane: the rows behind it are leased with it, and no other
    process can lease any of them until the head is delivered or handed back. So a chat's
    messages go out one after the other in the order they were queued, however many
    processes deliver, and a head handed back for later (a flood limit, an outage) holds
    back its own chat only. Every lease is a conditional update, so two processes racing for
    a lane cannot both get it. Lanes come back interleaved: every chat's first row, then
    every chat's second, and so on.
    """
    earlier = aliased(OutboxMessage)
    is_head = ~(
        select(earlier.id)
        .where(
            earlier.platform == OutboxMessage.platform,
            earlier.chat_id == OutboxMessage.chat_id,
            col(earlier.delivered_at).is_(None),
            col(earlier.id) < OutboxMessage.id,
        )
        .exists()
    )
    is_free = or_(col(OutboxMessage.leased_until).is_(None), col(OutboxMessage.leased_until) < now)
    is_due = (col(OutboxMessage.delivered_at).is_(None), col(OutboxMessage.not_before) <= now)
    heads = session.exec(
        select(OutboxMessage.id)
        .where(OutboxMessage.platform == platform, *is_due, is_free, is_head)
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    lease = {
        "leased_until": now + timedelta(seconds=LEASE_SECONDS),
        "lease_owner": worker,
        "attempts": OutboxMessage.attempts + 1,
    }
    lanes: list[list[QueuedMessage]] = []
    for head_id in heads:
        won = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == head_id, *is_due, is_free, is_head)
            .values(**lease)
        ).rowcount
        if won:
            lanes.append([_leased(session, head_id)])
    share = (limit - len(lanes)) // len(lanes) if lanes else 0
    for lane in lanes:
        head = lane[0]
        behind = session.exec(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.platform == head.platform,
                OutboxMessage.chat_id == head.chat_id,
                col(OutboxMessage.delivered_at).is_(None),
                col(OutboxMessage.id) > head.id,
            )
            .order_by(OutboxMessage.id)
            .limit(share)
        ).all()
        for row_id in behind:
            won = session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == row_id, *is_due, is_free)
                .values(**lease)
            ).rowcount
            if not won:  # one not due yet (or still held by a process that died): the lane ends
                break
            lane.append(_leased(session, row_id))
    return [row for rank in zip_longest(*lanes) for row in rank if row is not None]


def _leased(session: Session, row_id: int) -> QueuedMessage:
    row = session.get(OutboxMessage, row_id)
    assert row is not None
    return QueuedMessage(row_id, row.platform, row.chat_id, row.payload, row.attempts)


def mark_delivered(
    session: Session, outbox_id: int, platform_message_id: str | None, now: datetime
) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == outbox_id)
        .values(delivered_at=now, platform_message_id=platform_message_id, leased_until=None)
    )


def give_up(session: Session, outbox_id: int, reason: str, now: datetime) -> None:
    """Settle a row the platform refused for good: never tried again, its chat's lane goes on.

    ``failure`` keeps why (never the message's text); ``delivered_at`` is when it was settled.
    """
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == outbox_id, col(OutboxMessage.delivered_at).is_(None))
        .values(delivered_at=now, failure=reason[:FAILURE_LENGTH], leased_until=None)
    )


def retry_later(session: Session, outbox_id: int, not_before: datetime) -> None:
    """Hand a leased row back; at the head of its chat it holds the chat until ``not_before``."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == outbox_id, col(OutboxMessage.delivered_at).is_(None))
        .values(not_before=not_before, leased_until=None, lease_owner=None)
    )


# The dedupe key of the bot's acknowledgement of a task is this prefix and the task's id.
ACKNOWLEDGEMENT_KEY_PREFIX = "ack:"


def acknowledgement_key(task_id: int) -> str:
    """The outbox key of the bot's acknowledgement of a task: one per task, ever."""
    return f"{ACKNOWLEDGEMENT_KEY_PREFIX}{task_id}"


def acknowledgement_of(session: Session, task_id: int) -> str | None:
    """The platform id of the bot's acknowledgement of a task, once delivered.

    Found by its dedupe key (``acknowledgement_key``, unique and indexed): one row, never a scan.
    """
    return session.exec(
        select(OutboxMessage.platform_message_id).where(
            OutboxMessage.dedupe_key == acknowledgement_key(task_id),
            OutboxMessage.task_id == task_id,
            col(OutboxMessage.platform_message_id).is_not(None),
        )
    ).first()
