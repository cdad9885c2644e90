"""Bounded storage: what the bot no longer needs is emptied or deleted, one small batch at a time.

Each function changes at most ``limit`` rows older than ``before``, oldest first, in the
caller's transaction. On PostgreSQL the rows are picked with ``FOR UPDATE SKIP LOCKED``: a batch
never waits for a row another transaction holds (a second bot process pruning too), and holds
its own locks for one short transaction. Each pick starts from an index on the age it is judged
by (migration 0006). What stays, and why:

- A delivered message loses its text (``empty_delivered_texts``) but keeps its row: who it went
  to, its platform id and the task it named, so a reply or reaction to it still finds the task.
- Its row goes later (``delete_delivered_messages``) unless it still means something: it names
  a task still open (a reply to it acts on that task), it said a digest whose nudge is kept, or
  its dedupe key promises "once per circle" (the introduction, a notice, a language hint: a
  handful per circle). A message not yet delivered is never touched, however old.
- A seen key (``forget_seen``) goes once platforms no longer redeliver that far back.
- An event (``delete_events``) goes with age: undo takes back a member's last change still in
  the log, so it reaches back as far as the log does. Oldest go first, so what is left is
  always every change since some moment.
- A settled nudge is what keeps it from being said twice, so it goes only when nothing can make
  it due again. A task's (``delete_spent_task_nudges``): once the task is closed and no event of
  it is left, so undo can no longer reopen it. A circle-wide one (``delete_old_circle_nudges``;
  a digest, a look-back), keyed by its day: once that day is further back than the nudge
  decisions read. Each circle's last digest stays: the next digest lists what happened since.

Tasks, claims, decisions and circles are the circle's memory and are never pruned here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, delete, exists, or_, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from storage.kinds import NudgeKind, TaskStatus
from storage.models import Event, Nudge, OutboxMessage, SeenMessage, Task
from storage.outbox import ACKNOWLEDGEMENT_KEY_PREFIX

# Dedupe keys whose "said once" something else keeps when the row is gone: a nudge's by its
# settled nudge, an acknowledgement's by its task (made once, from a message seen once).
_FORGETTABLE_KEYS = ("nudge:%", f"{ACKNOWLEDGEMENT_KEY_PREFIX}%")


def empty_delivered_texts(session: Session, before: datetime, limit: int) -> int:
    """Empty the text of messages delivered (or given up) before ``before``; rows emptied."""
    picked = _pick(
        OutboxMessage.id,
        col(OutboxMessage.delivered_at) < before,
        OutboxMessage.payload != "",
        order=col(OutboxMessage.delivered_at),
        limit=limit,
    )
    emptied = update(OutboxMessage).where(col(OutboxMessage.id).in_(picked)).values(payload="")
    return session.execute(emptied).rowcount


def delete_delivered_messages(session: Session, before: datetime, limit: int) -> int:
    """Delete messages delivered before ``before`` that nothing needs any more; rows deleted.

    The nudges a deleted message said stay settled without it: only a digest's message is
    ever read back (``last_digest_at``), so a digest's stays while its nudge does.
    """
    names_open_task = exists().where(
        Task.id == OutboxMessage.task_id, Task.status == TaskStatus.OPEN
    )
    says_a_digest = exists().where(
        Nudge.outbox_id == OutboxMessage.id, Nudge.kind == NudgeKind.DIGEST
    )
    picked = session.exec(
        _pick(
            OutboxMessage.id,
            col(OutboxMessage.delivered_at) < before,
            or_(
                col(OutboxMessage.dedupe_key).is_(None),
                *(col(OutboxMessage.dedupe_key).like(key) for key in _FORGETTABLE_KEYS),
            ),
            ~names_open_task,
            ~says_a_digest,
            order=col(OutboxMessage.delivered_at),
            limit=limit,
        )
    ).all()
    if not picked:
        return 0
    session.execute(update(Nudge).where(col(Nudge.outbox_id).in_(picked)).values(outbox_id=None))
    return session.execute(delete(OutboxMessage).where(col(OutboxMessage.id).in_(picked))).rowcount


def forget_seen(session: Session, before: datetime, limit: int) -> int:
    """Forget platform message ids handled before ``before``; keys forgotten."""
    picked = _pick(
        SeenMessage.id,
        col(SeenMessage.seen_at) < before,
        order=col(SeenMessage.seen_at),
        limit=limit,
    )
    return session.execute(delete(SeenMessage).where(col(SeenMessage.id).in_(picked))).rowcount


def delete_events(session: Session, before: datetime, limit: int) -> int:
    """Delete changes logged before ``before``, oldest first; events deleted."""
    picked = _pick(Event.id, col(Event.at) < before, order=col(Event.at), limit=limit)
    return session.execute(delete(Event).where(col(Event.id).in_(picked))).rowcount


def delete_spent_task_nudges(session: Session, before: datetime, limit: int) -> int:
    """Delete task nudges settled before ``before`` whose task can never be nudged again:
    closed, with no event left that undo could reopen it by. Nudges deleted."""
    task_is_open = exists().where(Task.id == Nudge.task_id, Task.status == TaskStatus.OPEN)
    task_has_events = exists().where(Event.task_id == Nudge.task_id)
    picked = _pick(
        Nudge.id,
        col(Nudge.settled_at) < before,
        col(Nudge.task_id).is_not(None),
        ~task_is_open,
        ~task_has_events,
        order=col(Nudge.settled_at),
        limit=limit,
    )
    return session.execute(delete(Nudge).where(col(Nudge.id).in_(picked))).rowcount


def delete_old_circle_nudges(session: Session, before: datetime, limit: int) -> int:
    """Delete circle-wide nudges (digests, look-backs) settled before ``before``, but each
    circle's last queued digest. Nudges deleted.

    ``before`` must lie further back than they are read back
    (``bot.nudging.CIRCLE_NUDGE_MEMORY``): their keys name a day.
    """
    later = aliased(Nudge)
    later_digest = exists().where(
        later.circle_id == Nudge.circle_id,
        later.kind == NudgeKind.DIGEST,
        col(later.outbox_id).is_not(None),
        later.settled_at > Nudge.settled_at,
    )
    is_last_digest = and_(
        Nudge.kind == NudgeKind.DIGEST, col(Nudge.outbox_id).is_not(None), ~later_digest
    )
    picked = _pick(
        Nudge.id,
        col(Nudge.settled_at) < before,
        col(Nudge.task_id).is_(None),
        ~is_last_digest,
        order=col(Nudge.settled_at),
        limit=limit,
    )
    return session.execute(delete(Nudge).where(col(Nudge.id).in_(picked))).rowcount


def _pick(row_id: Any, *conditions: Any, order: Any, limit: int) -> Select[Any]:
    """The ids of up to ``limit`` rows meeting ``conditions``, oldest first, locked for this
    transaction and skipping rows another holds (PostgreSQL; SQLite locks the whole file)."""
    return (
        select(row_id)
        .where(*conditions)
        .order_by(order)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
