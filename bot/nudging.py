"""Queueing due nudges: one transaction per circle, where settling a nudge and queueing it are one.

The database is the only memory: what is due is worked out from it every time, and a nudge is
recorded as settled by the same transaction that puts its message in the outbox. A restart,
a crash or a second bot process on the same database can therefore neither lose nor double one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.core import CareCircleCore
from handlers.messages import Button, Outgoing, outgoing_to_json
from handlers.nudge_texts import NudgeMessage, nudge_message
from handlers.nudges import CircleState, due_nudges, next_nudge_at, recurrence_passes_at
from handlers.phrases import phrase
from handlers.recurring import schedule_next_occurrence
from storage import circles, decisions, outbox, tasks
from storage import nudges as settled
from storage.database import Database
from storage.records import CircleRecord

# Circle-wide nudges (digests, look-backs) are remembered this long; they are keyed by day.
CIRCLE_NUDGE_MEMORY = timedelta(days=9)
WEEK = timedelta(days=7)


def queue_due_nudges(core_or_database: CareCircleCore | Database, now: datetime) -> int:
    """Settle every nudge due at ``now`` and queue their messages; returns messages queued."""
    database = _database(core_or_database)
    queued = 0
    for circle_id in database.run(settled.circle_ids):
        queued += database.run(_nudge_circle, circle_id, now)
    return queued


def next_wakeup(core_or_database: CareCircleCore | Database, now: datetime) -> datetime | None:
    """The earliest moment after ``now`` at which some circle has a nudge or a recurrence due."""

    def earliest(session: Session) -> datetime | None:
        moments: list[datetime] = []
        for circle_id in settled.circle_ids(session):
            circle = circles.circle_by_id(session, circle_id)
            if circle is None:
                continue
            state = load_state(session, circle, now)
            moments += [next_nudge_at(state, now)] + [
                recurrence_passes_at(circle, task) for task in state.open_tasks
            ]
        return min((moment for moment in moments if moment and moment > now), default=None)

    return _database(core_or_database).run(earliest)


def load_state(session: Session, circle: CircleRecord, now: datetime) -> CircleState:
    """Everything the nudge decisions need about one circle, read in one transaction."""
    open_tasks = tasks.open_tasks(session, circle.id)
    task_ids = [task.id for task in open_tasks]
    keys, day_keys = settled.settled_keys(session, circle.id, task_ids, now - CIRCLE_NUDGE_MEMORY)
    return CircleState(
        circle=circle,
        circle_since=settled.circle_started_at(session, circle.id),
        members=tuple(circles.active_members(session, circle.id)),
        open_tasks=tuple(open_tasks),
        snoozes=settled.snoozes(session, task_ids, now),
        settled_keys=keys,
        used_day_keys=day_keys,
        last_digest_at=settled.last_digest_at(session, circle.id),
        done_this_week=tuple(tasks.recently_done(session, circle.id, now - WEEK)),
        decided_this_week=tuple(decisions.decisions(session, circle.id, since=now - WEEK)),
        missed_this_week=tuple(tasks.recently_closed(session, circle.id, now - WEEK, "missed")),
    )


def _nudge_circle(session: Session, circle_id: int, now: datetime) -> int:
    circle = circles.circle_by_id(session, circle_id)
    if circle is None:
        return 0
    _open_next_occurrences(session, circle, now)
    state = load_state(session, circle, now)
    won = [
        nudge
        for nudge in due_nudges(state, now)
        if settled.settle(
            session,
            circle.id,
            nudge.key,
            nudge.kind,
            now,
            task_id=nudge.task.id if nudge.task else None,
            day_key=nudge.day_key,
        )
    ]
    message = nudge_message(state, won, now) if won else None
    if message is None:
        return 0
    outbox_id = outbox.queue_message(
        session,
        circle.id,
        circle.platform,
        circle.chat_id,
        outgoing_to_json(_outgoing(circle, message)),
        now,
        task_id=message.task.id if message.task else None,
        dedupe_key=f"nudge:{won[0].key}",
    )
    if outbox_id is None:
        return 0
    settled.attach_outbox(session, [nudge.key for nudge in won], outbox_id)
    return 1


def _open_next_occurrences(session: Session, circle: CircleRecord, now: datetime) -> None:
    """A recurring task whose time has passed gets its next occurrence, once."""
    for task in tasks.open_tasks(session, circle.id):
        passes_at = recurrence_passes_at(circle, task)
        if passes_at is None or passes_at > now:
            continue
        if settled.settle(session, circle.id, f"recur:{task.id}", "recur", now, task_id=task.id):
            schedule_next_occurrence(session, circle, task, now, None)


def _outgoing(circle: CircleRecord, message: NudgeMessage) -> Outgoing:
    task = message.task
    buttons: tuple[Button, ...] = ()
    if task is not None:
        done = Button(phrase("button.done", circle.languages), f"done:{task.number}")
        claim = Button(phrase("button.claim", circle.languages), f"claim:{task.number}")
        buttons = (done,) if task.claimers else (claim, done)
    return Outgoing(
        platform=circle.platform,
        chat_id=circle.chat_id,
        text=message.text,
        mentions=message.mentions,
        is_urgent=message.is_urgent,
        task_number=task.number if task else None,
        buttons=buttons,
    )


def _database(core_or_database: CareCircleCore | Database) -> Database:
    return core_or_database if isinstance(core_or_database, Database) else core_or_database.database
