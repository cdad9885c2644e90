"""Forgetting: a circle's whole memory in one go, or one member's name in its history.

Forgetting means gone: the rows are deleted, not hidden, including every message the bot ever
queued (exports carry every title), and on SQLite the freed pages are overwritten and the file
rebuilt, so the words are not left in the file either.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, event, update
from sqlmodel import Session, col, select

from storage.kinds import EventAction, TaskStatus
from storage.models import (
    Circle,
    Claim,
    Contact,
    Decision,
    Event,
    Member,
    Move,
    MoveItem,
    Nudge,
    OutboxMessage,
    SeenMessage,
    Snooze,
    Task,
)

log = logging.getLogger(__name__)


def pending_forget_request(session: Session, circle_id: int, since: datetime) -> Event | None:
    """The latest request to forget made after ``since`` and not yet undone or carried out."""
    latest = session.exec(
        select(Event)
        .where(
            Event.circle_id == circle_id,
            col(Event.action).in_((EventAction.FORGET_REQUESTED, EventAction.FORGOTTEN)),
            col(Event.is_undone).is_(False),
        )
        .order_by(col(Event.id).desc())
    ).first()
    if latest is None or latest.action != EventAction.FORGET_REQUESTED or latest.at < since:
        return None
    return latest


def forget_circle(session: Session, circle_id: int, keep_seen: Collection[str] = ()) -> None:
    """Delete everything the circle holds but the circle itself and its settings.

    Tasks, claims, snoozes, decisions, contacts, events, moves and the items taken from their
    offers, members, nudges, seen keys and every outbox row, sent or not, go. ``keep_seen`` names
    the seen keys of the act doing the forgetting, so a redelivery of that very message is not
    taken as a new request. On SQLite the file is rebuilt once the transaction is committed.
    """
    task_ids = select(Task.id).where(Task.circle_id == circle_id)
    session.execute(delete(Claim).where(col(Claim.task_id).in_(task_ids)))
    session.execute(delete(Snooze).where(col(Snooze.task_id).in_(task_ids)))
    session.execute(delete(Nudge).where(Nudge.circle_id == circle_id))
    session.execute(delete(OutboxMessage).where(OutboxMessage.circle_id == circle_id))
    session.execute(delete(Event).where(Event.circle_id == circle_id))
    session.execute(update(Task).where(Task.circle_id == circle_id).values(previous_id=None))
    session.execute(delete(Task).where(Task.circle_id == circle_id))
    session.execute(delete(Decision).where(Decision.circle_id == circle_id))
    move_ids = select(Move.id).where(Move.circle_id == circle_id)
    session.execute(delete(MoveItem).where(col(MoveItem.move_id).in_(move_ids)))
    session.execute(delete(Move).where(Move.circle_id == circle_id))
    session.execute(delete(Contact).where(Contact.circle_id == circle_id))
    member_ids = select(Member.id).where(Member.circle_id == circle_id)
    # Claims and snoozes hang on the circle's own tasks and are gone already; these two only
    # make sure nothing still points at a member about to go.
    session.execute(delete(Claim).where(col(Claim.member_id).in_(member_ids)))
    session.execute(delete(Snooze).where(col(Snooze.member_id).in_(member_ids)))
    session.execute(delete(Member).where(Member.circle_id == circle_id))
    seen = delete(SeenMessage).where(SeenMessage.circle_id == circle_id)
    if keep_seen:
        seen = seen.where(col(SeenMessage.key).not_in(list(keep_seen)))
    session.execute(seen)
    session.execute(
        update(Circle)
        .where(Circle.id == circle_id)
        .values(last_task_number=0, last_decision_number=0)
    )
    scrub_after_commit(session)


def forget_member(session: Session, member_id: int, label: str, now: datetime) -> list[int]:
    """Take a member's name out of the circle's history: ``label`` stands where it stood.

    Their claims on open tasks are released (what they did stays, under ``label``), their
    snoozes dropped, their role label removed and their platform id replaced, so nothing left
    names them; the bot's stored copies of its messages say ``label`` where they said the name.
    Returns the numbers of the tasks released.
    """
    member = session.get(Member, member_id)
    if member is None:
        return []
    former_id = f"former-member:{member_id}"
    _rename_in_outbox(
        session, member.circle_id, member.display_name, member.user_id, label, former_id
    )
    held = (
        select(Claim.id)
        .join(Task, col(Task.id) == Claim.task_id)
        .where(
            Claim.member_id == member_id,
            col(Claim.released_at).is_(None),
            Task.status == TaskStatus.OPEN,
        )
    )
    claim_ids = list(session.exec(held).all())
    numbers = session.exec(
        select(Task.number)
        .join(Claim, col(Claim.task_id) == Task.id)
        .where(col(Claim.id).in_(claim_ids))
    ).all()
    session.execute(update(Claim).where(col(Claim.id).in_(claim_ids)).values(released_at=now))
    session.execute(delete(Snooze).where(Snooze.member_id == member_id))
    session.execute(
        update(Member)
        .where(Member.id == member_id)
        .values(
            display_name=label[:255],
            user_id=former_id,
            role_label=None,
            is_active=False,
        )
    )
    scrub_after_commit(session)
    return sorted(numbers)


def _rename_in_outbox(
    session: Session, circle_id: int, name: str, user_id: str, label: str, former_id: str
) -> None:
    """Put ``label`` for the name (as a whole word) and ``former_id`` for the platform id in
    every message the circle's outbox keeps, sent or not."""
    if not name.strip():
        return
    as_json = json.dumps(name, ensure_ascii=False)[1:-1]
    word = re.compile(rf"(?<!\w){re.escape(as_json)}(?!\w)")
    label_json = json.dumps(label, ensure_ascii=False)[1:-1]
    mention = json.dumps({"user_id": user_id}, ensure_ascii=False)[1:-1]
    former = json.dumps({"user_id": former_id}, ensure_ascii=False)[1:-1]
    rows = session.exec(
        select(OutboxMessage).where(
            OutboxMessage.circle_id == circle_id,
            col(OutboxMessage.payload).contains(as_json, autoescape=True),
        )
    ).all()
    for row in rows:
        payload = row.payload.replace(mention, former)
        payload = word.sub(lambda _match: label_json, payload)
        if payload != row.payload:
            row.payload = payload
            session.add(row)
    session.flush()


def scrub_after_commit(session: Session) -> None:
    """On SQLite, once the session commits, rebuild the file and empty its write-ahead log.

    Deleted text is already overwritten (``secure_delete`` is on for every connection, see
    ``storage.database``); VACUUM also rewrites pages a database written before that kept, and
    the checkpoint empties the log, which still holds the pages as they were.
    """
    bind = session.get_bind()
    if bind.dialect.name != "sqlite" or session.info.get("scrub_after_commit"):
        return
    session.info["scrub_after_commit"] = True

    @event.listens_for(session, "after_commit", once=True)
    def scrub(_session: Session) -> None:  # type: ignore[no-untyped-def]
        # The rows are gone already; if another connection is busy, the next forget rebuilds.
        for statement in ("VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"):
            try:
                with bind.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                    connection.exec_driver_sql(statement)
            except Exception:
                log.warning("could not run %s after forgetting", statement, exc_info=True)
