"""What an act decides over, read in one go under the circle's lock.

The tasks a member can mean (the numbered one, the replied-to one, the pools a plain message
chooses from), each with its holders, whether its next occurrence is open, and the id of the
bot's acknowledgement to edit; plus the number the circle's next task will get. On PostgreSQL
the circle's row stays locked until the transaction ends (as ``attention.hold_circle``), so
nothing the decision read changes before its changes are written; SQLite has one writer at a
time, and an act's transaction writes first (its handled-message key). A decision of the
circle needs only the number it will get (``next_decision_number``), and a request the number
its task will get and, if urgent, whom to call (``load_opening``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, String, cast, literal
from sqlmodel import Session, col, select

from storage import events, moves, tasks
from storage.circles import active_members
from storage.contacts import contacts
from storage.decisions import decision_by_message, decisions
from storage.forget import pending_forget_request
from storage.kinds import EventAction, TaskStatus
from storage.models import Circle, Claim, OutboxMessage, Task
from storage.outbox import ACKNOWLEDGEMENT_KEY_PREFIX, acknowledgement_of
from storage.records import (
    ActSnapshot,
    ContactRecord,
    ForgetSnapshot,
    MoveRecord,
    OfferSnapshot,
    OpeningSnapshot,
    Pool,
    Shown,
    ShownSnapshot,
    UndoSnapshot,
    Wanted,
)
from storage.tasks import task_by_message_query, task_records

# "I'll take it" with no number and no reply means one of the circle's recent requests.
RECENT_TASKS_CONSIDERED = 20


def load_act_snapshot(
    session: Session, circle_id: int, member_id: int, wanted: Wanted
) -> ActSnapshot:
    """The snapshot for one act: the lock, a statement per part wanted, and their holders."""
    last_number = _locked_counter(session, circle_id, Circle.last_task_number)
    acknowledgements: dict[int, str] = {}

    def read(query: Select) -> list[Task]:
        """The tasks ``query`` finds, noting their acknowledgements on the way."""
        found = session.execute(query.add_columns(_ACKNOWLEDGEMENT)).all()
        acknowledgements.update((row.id, ack) for row, ack in found if ack)
        return [row for row, _ in found]

    numbered = replied = None
    if wanted.number is not None:
        query = select(Task).where(Task.circle_id == circle_id, Task.number == wanted.number)
        numbered = next(iter(read(query)), None)
    if wanted.message_id is not None:
        replied = next(iter(read(task_by_message_query(circle_id, wanted.message_id))), None)
    pools = {pool: read(_pool(circle_id, member_id, pool)) for pool in wanted.pools}
    rows = {row.id: row for row in (numbered, replied) if row is not None}
    rows |= {row.id: row for found in pools.values() for row in found}
    records = dict(zip(rows, task_records(session, list(rows.values())), strict=True))
    return ActSnapshot(
        next_number=last_number + 1,
        numbered=records[numbered.id] if numbered else None,
        replied=records[replied.id] if replied else None,
        pools={
            pool: tuple(records[row.id] for row in _in_pool_order(pool, found))
            for pool, found in pools.items()
        },
        acknowledgements=acknowledgements,
        followed=_followed(session, [task.id for task in records.values() if task.recurrence]),
        decided=(
            decision_by_message(session, circle_id, wanted.decision_of)
            if wanted.decision_of
            else None
        ),
    )


def load_opening(session: Session, circle_id: int, *, is_urgent: bool) -> OpeningSnapshot:
    """What a request opening a task needs: the number it gets, read under the circle's lock,
    and for an urgent one the circle's members (whom its announcement may call)."""
    number = _locked_counter(session, circle_id, Circle.last_task_number) + 1
    members = tuple(active_members(session, circle_id)) if is_urgent else ()
    return OpeningSnapshot(number, members)


def load_contacts(session: Session, circle_id: int) -> tuple[ContactRecord, ...]:
    """The circle's contacts, read under the circle's lock (one per role, so a contact said
    twice at once is saved once and replaced once)."""
    _hold_circle(session, circle_id)
    return tuple(contacts(session, circle_id))


def load_shown(
    session: Session,
    circle_id: int,
    member_id: int,
    wanted: frozenset[Shown],
    done_since: datetime,
) -> ShownSnapshot:
    """What a member's question is answered from: only the parts ``wanted``."""

    def part(which: Shown, load: Callable[[], list[Any]]) -> tuple[Any, ...]:
        return tuple(load()) if which in wanted else ()

    return ShownSnapshot(
        open_tasks=part(Shown.OPEN, lambda: tasks.open_tasks(session, circle_id)),
        mine=part(Shown.MINE, lambda: tasks.tasks_of(session, circle_id, member_id)),
        decisions=part(Shown.DECISIONS, lambda: decisions(session, circle_id)),
        done=part(Shown.DONE, lambda: tasks.recently_done(session, circle_id, done_since)),
        all_tasks=part(Shown.ALL_TASKS, lambda: tasks.all_tasks(session, circle_id)),
        contacts=part(Shown.CONTACTS, lambda: contacts(session, circle_id)),
        members=part(Shown.MEMBERS, lambda: active_members(session, circle_id)),
    )


def load_forgetting(
    session: Session, circle_id: int, member_id: int, asked_since: datetime
) -> ForgetSnapshot:
    """Who asked to forget the circle since ``asked_since``, and the member's open tasks,
    read under the circle's lock."""
    _hold_circle(session, circle_id)
    request = pending_forget_request(session, circle_id, asked_since)
    held = tuple(sorted(task.number for task in tasks.tasks_of(session, circle_id, member_id)))
    return ForgetSnapshot(request.member_id if request else None, held)


def load_undo(
    session: Session, circle_id: int, member_id: int, undoable: tuple[EventAction, ...]
) -> UndoSnapshot:
    """The member's last change of one of ``undoable`` still standing, and what undoing it
    touches, read under the circle's lock."""
    _hold_circle(session, circle_id)
    event = events.last_undoable(session, circle_id, member_id, undoable)
    if event is None or event.task_id is None:
        return UndoSnapshot(event)
    task_id = event.task_id
    follower = None
    if event.action in (EventAction.DONE, EventAction.CANCELLED):
        # Completions record the occurrence they opened; older ones did not, so look for it.
        opened = (
            event.detail.get("opened")
            if "was" in event.detail
            else tasks.open_follower(session, task_id)
        )
        follower = opened if isinstance(opened, int) else None
        untouched = follower is not None and not events.acts_on_task(
            session, follower, besides=(EventAction.OCCURRENCE, EventAction.TASK_ADDED)
        )
        follower = follower if untouched else None
    return UndoSnapshot(
        event,
        tasks.task_record(session, task_id),
        acknowledgement_of(session, task_id),
        follower,
    )


def load_announced(session: Session, circle_id: int, kind: str, day: date) -> MoveRecord | None:
    """The move of that kind on that day, if the circle has it, read under the circle's lock
    (the same move said twice at once is recorded, and offered, once)."""
    _hold_circle(session, circle_id)
    return moves.move_on(session, circle_id, kind, day)


def load_offer(
    session: Session,
    circle_id: int,
    *,
    named: tuple[str, date] | None,
    replied: str | None,
    offered_since: datetime,
) -> OfferSnapshot:
    """The move a pick answers (the one its button ``named``, the one whose offer was
    ``replied`` to, or the latest offered since ``offered_since``), the items taken from it,
    and the number the circle's next task gets, read under the circle's lock."""
    next_number = _locked_counter(session, circle_id, Circle.last_task_number) + 1
    if named is not None:
        move = moves.move_on(session, circle_id, *named)
    elif replied is not None:
        move = moves.offered_move(session, circle_id, replied)
    else:
        move = moves.latest_offered(session, circle_id, offered_since)
    if move is None:
        return OfferSnapshot(None)
    return OfferSnapshot(move, moves.taken_items(session, move.id), next_number)


def next_decision_number(session: Session, circle_id: int) -> int:
    """What the circle's next decision is numbered, read under the circle's lock."""
    return _locked_counter(session, circle_id, Circle.last_decision_number) + 1


def _hold_circle(session: Session, circle_id: int) -> None:
    """Lock the circle's row until the transaction ends, for a snapshot that reads no counter."""
    _locked_counter(session, circle_id, Circle.last_task_number)


def _locked_counter(session: Session, circle_id: int, counter: Any) -> int:
    """One of the circle's counters, locking its row until the transaction ends."""
    # NO KEY UPDATE: the act has already written rows that point at the circle (its handled
    # key), which take KEY SHARE locks on it; FOR UPDATE would wait on another act's and deadlock.
    return session.exec(
        select(counter).where(Circle.id == circle_id).with_for_update(key_share=True)
    ).one()


# The platform id of the bot's delivered acknowledgement of the task in hand, found by its
# unique key (``storage.outbox.acknowledgement_key``): one indexed row.
_ACKNOWLEDGEMENT = (
    select(OutboxMessage.platform_message_id)
    .where(
        OutboxMessage.dedupe_key == literal(ACKNOWLEDGEMENT_KEY_PREFIX) + cast(Task.id, String),
        col(OutboxMessage.platform_message_id).is_not(None),
    )
    .scalar_subquery()
)


def _pool(circle_id: int, member_id: int, pool: Pool) -> Select:
    """The query of a pool's task rows (the latest first, but the member's own)."""
    is_open = (Task.circle_id == circle_id, Task.status == TaskStatus.OPEN)
    latest_first = col(Task.number).desc()
    if pool is Pool.MINE:
        return (
            select(Task)
            .join(Claim, col(Claim.task_id) == Task.id)
            .where(*is_open, Claim.member_id == member_id, col(Claim.released_at).is_(None))
            .order_by(Task.number)
        )
    if pool is Pool.URGENT:
        return select(Task).where(*is_open, col(Task.is_urgent).is_(True)).order_by(latest_first)
    query = select(Task).where(*is_open)
    if pool is Pool.UNCLAIMED:
        held = select(Claim.id).where(Claim.task_id == Task.id, col(Claim.released_at).is_(None))
        query = query.where(~held.exists())
    return query.order_by(latest_first).limit(RECENT_TASKS_CONSIDERED)


def _in_pool_order(pool: Pool, rows: list[Task]) -> list[Task]:
    """The latest few are read latest first, and chosen from in number order."""
    return list(reversed(rows)) if pool in (Pool.UNCLAIMED, Pool.RECENT_OPEN) else rows


def _followed(session: Session, task_ids: list[int]) -> frozenset[int]:
    """Which of these recurring tasks have a next occurrence opened (and not withdrawn)."""
    if not task_ids:
        return frozenset()
    rows = session.exec(
        select(Task.previous_id).where(
            col(Task.previous_id).in_(task_ids), Task.status != TaskStatus.REMOVED
        )
    ).all()
    return frozenset(task_id for task_id in rows if task_id is not None)
