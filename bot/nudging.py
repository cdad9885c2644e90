"""Queueing due nudges: settling a nudge and queueing its message are one transaction.

The database is the only memory: what is due is worked out from it every time, and a nudge is
recorded as settled by the same transaction that puts its message in the outbox. A restart,
a crash or a second bot process on the same database can therefore neither lose nor double one.

Each circle carries the next moment it needs a look (``storage.attention``): a tick reads only
the circles whose moment has come or that changed since, a batch at a time in a handful of
queries, and stores each one's next moment in the transaction that settles its nudges. An idle
tick is one indexed query, however many circles share the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import Session

from bot.core import CareCircleCore
from handlers import moves as offers
from handlers.acknowledgements import task_buttons
from handlers.messages import Button, Outgoing, outgoing_to_json
from handlers.next_occurrence import next_occurrence
from handlers.nudge_texts import NudgeMessage, nudge_message
from handlers.nudges import (
    CircleState,
    Nudge,
    after_quiet_hours,
    due_nudges,
    in_quiet_hours,
    pending_nudges,
    recurrence_passes_at,
)
from storage import attention, moves, outbox, snapshots, tasks
from storage import nudges as settled
from storage.database import Database
from storage.errors import StorageUnavailable
from storage.kinds import NudgeKind, TaskStatus
from storage.records import CircleRecord, offer_key
from storage.unit_of_work import apply_changes

log = logging.getLogger(__name__)

# Circle-wide nudges (digests, look-backs) are remembered this long; they are keyed by day.
CIRCLE_NUDGE_MEMORY = timedelta(days=9)
WEEK = timedelta(days=7)
# Circles read and settled together in one transaction by a tick.
CHUNK = 50


def queue_due_nudges(
    core_or_database: CareCircleCore | Database,
    now: datetime,
    stopping: Callable[[], bool] = lambda: False,
) -> int:
    """Settle every nudge due at ``now`` and queue their messages; returns messages queued.

    Only circles whose moment has come (or that changed since the last look) are read, up to
    ``CHUNK`` at a time in one transaction and a handful of queries. When ``stopping`` turns
    true the tick ends after the circle in hand; the rest keep their moment and are looked at
    next time. A circle that fails keeps its moment too (it is tried again next tick) and holds
    up no other circle; an unavailable database ends the tick.
    """
    database = _database(core_or_database)
    queued = 0
    circle_ids = database.run(attention.circles_to_look_at, now)
    for start in range(0, len(circle_ids), CHUNK):
        if stopping():
            break
        chunk = circle_ids[start : start + CHUNK]
        try:
            queued += database.run(_nudge_circles, chunk, now, stopping)
            continue
        except StorageUnavailable:
            raise
        except Exception:
            log.exception(
                "nudges of circles %d-%d failed together; one at a time", chunk[0], chunk[-1]
            )
        for circle_id in chunk:  # one failed the chunk: the others must not wait for its fix
            if stopping():
                break
            try:
                queued += database.run(_nudge_circle, circle_id, now)
            except StorageUnavailable:
                raise
            except Exception:
                log.exception("nudges of circle %d not checked; trying again next tick", circle_id)
    return queued


def next_wakeup(core_or_database: CareCircleCore | Database, now: datetime) -> datetime | None:
    """The earliest moment after ``now`` at which some circle has a nudge or a recurrence due.

    Circles changed since the last look get their moment worked out (nothing is settled);
    the answer is then one indexed query.
    """
    database = _database(core_or_database)
    for circle_id in database.run(attention.circles_changed):
        database.run(_refresh_circle, circle_id, now)
    return database.run(attention.earliest_after, now)


def attention_moment(state: CircleState, now: datetime) -> datetime | None:
    """The earliest moment anything of the circle falls due: a nudge not settled yet, a
    recurring task's next occurrence not opened yet, or a move's offer held through quiet
    hours. Now or past means due now."""
    moments = [nudge.at for nudge in pending_nudges(state, now)]
    moments += [
        after_quiet_hours(state.circle, max(record.offer_at, now)) for record in state.held_offers
    ]
    moments += [
        passes_at
        for task in state.open_tasks
        if (passes_at := recurrence_passes_at(state.circle, task)) is not None
        and f"recur:{task.id}" not in state.settled_keys
    ]
    return min(moments, default=None)


def load_state(
    session: Session, circle: CircleRecord, now: datetime, circle_since: datetime
) -> CircleState:
    """Everything the nudge decisions need about one circle, read in one transaction."""
    return load_states(session, [(circle, circle_since)], now)[circle.id]


def load_states(
    session: Session, held: list[tuple[CircleRecord, datetime]], now: datetime
) -> dict[int, CircleState]:
    """What the nudge decisions need about each of these circles (and when the bot joined
    each), in a handful of queries for all of them."""
    ids = [circle.id for circle, _ in held]
    open_tasks = snapshots.open_tasks(session, ids)
    task_ids = [task.id for tasks_ in open_tasks.values() for task in tasks_]
    keys = snapshots.settled_keys(session, ids, task_ids, now - CIRCLE_NUDGE_MEMORY)
    members = snapshots.active_members(session, ids)
    snoozes = settled.snoozes(session, task_ids, now)
    digests = snapshots.last_digests(session, ids)
    done = snapshots.recently_closed(session, ids, now - WEEK)
    missed = snapshots.recently_closed(session, ids, now - WEEK, TaskStatus.MISSED)
    decided = snapshots.decisions(session, ids, now - WEEK)
    held_offers = moves.held_offers(session, ids)
    states = {}
    for circle, since in held:
        own = {task.id for task in open_tasks[circle.id]}
        states[circle.id] = CircleState(
            circle=circle,
            circle_since=since,
            members=tuple(members[circle.id]),
            open_tasks=tuple(open_tasks[circle.id]),
            snoozes={key: until for key, until in snoozes.items() if key[0] in own},
            settled_keys=keys[circle.id][0],
            used_day_keys=keys[circle.id][1],
            last_digest_at=digests.get(circle.id),
            done_this_week=tuple(done[circle.id]),
            decided_this_week=tuple(decided[circle.id]),
            missed_this_week=tuple(missed[circle.id]),
            held_offers=tuple(held_offers[circle.id]),
        )
    return states


def _nudge_circles(
    session: Session, circle_ids: list[int], now: datetime, stopping: Callable[[], bool]
) -> int:
    """Settle what is due in these circles, queue their messages, store their next moments."""
    held = snapshots.hold_circles(session, circle_ids)
    states = load_states(session, held, now)
    queued = 0
    moments: dict[int, datetime | None] = {}
    for circle, since in held:
        if stopping():
            break  # the rest keep their moment: looked at next time
        said, moments[circle.id] = _settle(session, states[circle.id], since, now)
        queued += said
    attention.set_attentions(session, moments)
    return queued


def _nudge_circle(session: Session, circle_id: int, now: datetime) -> int:
    """One circle alone: settle what is due, queue its message, store its next moment."""
    held = attention.hold_circle(session, circle_id)
    if held is None:
        return 0
    circle, since = held
    queued, moment = _settle(session, load_state(session, circle, now, since), since, now)
    attention.set_attentions(session, {circle.id: moment})
    return queued


def _settle(
    session: Session, state: CircleState, since: datetime, now: datetime
) -> tuple[int, datetime | None]:
    """Settle and queue what is due in one circle; the messages queued and its next moment."""
    circle = state.circle
    if _open_next_occurrences(session, state, now):
        state = load_state(session, circle, now, since)
    due = due_nudges(state, now)
    won = [
        nudge
        for nudge in due
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
    queued = _queue(session, state, won, now) if won else 0
    posted, state = _post_held_offers(session, state, now)
    queued += posted
    if len(won) < len(due):  # another process settled some: read what it did
        state = load_state(session, circle, now, since)
    elif won:
        state = replace(
            state,
            settled_keys=state.settled_keys | {nudge.key for nudge in won},
            used_day_keys=state.used_day_keys | {n.day_key for n in won if n.day_key},
        )
    return queued, attention_moment(state, now)


def _refresh_circle(session: Session, circle_id: int, now: datetime) -> None:
    """Work out and store a changed circle's next moment, settling nothing."""
    held = attention.hold_circle(session, circle_id)
    if held is not None:
        circle, since = held
        state = load_state(session, circle, now, since)
        attention.set_attentions(session, {circle.id: attention_moment(state, now)})


def _queue(session: Session, state: CircleState, won: list[Nudge], now: datetime) -> int:
    circle = state.circle
    message = nudge_message(state, won, now)
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


def _post_held_offers(
    session: Session, state: CircleState, now: datetime
) -> tuple[int, CircleState]:
    """Move checklists announced in quiet hours go out once they end, after the nudges due
    then; an offer whose move day has gone by while the bot was away is dropped unsaid."""
    circle = state.circle
    if in_quiet_hours(circle, now):
        return 0, state
    due = [record for record in state.held_offers if record.offer_at <= now]
    today = now.astimezone(circle.zone).date()
    queued = 0
    for record in due:
        if not moves.mark_offered(session, record.id, now) or record.day < today:
            continue
        message = outgoing_to_json(offers.held_offer(circle, record))
        outbox.queue_message(
            session,
            circle.id,
            circle.platform,
            circle.chat_id,
            message,
            now,
            dedupe_key=offer_key(circle.id, record.kind, record.day),
        )
        queued += 1
    waiting = tuple(record for record in state.held_offers if record not in due)
    return queued, replace(state, held_offers=waiting)


def _open_next_occurrences(session: Session, state: CircleState, now: datetime) -> bool:
    """A recurring task whose time has passed gets its next occurrence, once; True if any did."""
    opened = False
    for task in state.open_tasks:
        passes_at = recurrence_passes_at(state.circle, task)
        if passes_at is None or passes_at > now or f"recur:{task.id}" in state.settled_keys:
            continue
        if settled.settle(
            session, state.circle.id, f"recur:{task.id}", NudgeKind.RECUR, now, task_id=task.id
        ):
            following = next_occurrence(
                state.circle,
                task,
                tasks.next_task_number(session, state.circle.id),
                now,
                None,
                is_followed=tasks.has_follower(session, task.id),
            )
            if following is not None:
                apply_changes(session, state.circle.id, following[1], now)
            opened = True
    return opened


def _outgoing(circle: CircleRecord, message: NudgeMessage) -> Outgoing:
    task = message.task
    buttons: tuple[Button, ...] = ()
    if task is not None:
        buttons = task_buttons(task, circle.languages, held=bool(task.claimers))
    return Outgoing(
        platform=circle.platform,
        chat_id=circle.chat_id,
        text=message.text,
        mentions=message.mentions,
        buttons=buttons,
    )


def _database(core_or_database: CareCircleCore | Database) -> Database:
    return core_or_database if isinstance(core_or_database, Database) else core_or_database.database
