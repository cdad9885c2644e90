"""Tasks and claims: each change is one conditional write, so two members cannot both win."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from storage.circles import member_record, next_number
from storage.inserts import insert_if_absent, insert_row
from storage.kinds import TaskStatus
from storage.models import Circle, Claim, Member, OutboxMessage, Snooze, Task
from storage.records import MemberRecord, TaskRecord


@dataclass(frozen=True, slots=True)
class NewTask:
    """What a request asks for, ready to be stored."""

    title: str
    source_text: str
    source_message_id: str | None
    requester_id: int | None
    due_at: datetime | None
    due_on: date | None
    recurrence: str | None
    is_urgent: bool
    previous_id: int | None = None


def add_task(session: Session, circle_id: int, new: NewTask, now: datetime) -> TaskRecord:
    number = next_number(session, circle_id, "last_task_number")
    values = {
        "circle_id": circle_id,
        "number": number,
        "title": new.title,
        "source_text": new.source_text,
        "source_message_id": new.source_message_id,
        "requester_id": new.requester_id,
        "due_at": new.due_at,
        "due_on": new.due_on,
        "recurrence": new.recurrence,
        "is_urgent": new.is_urgent,
        "status": TaskStatus.OPEN,
        "created_at": now,
        "previous_id": new.previous_id,
    }
    task = Task(id=insert_row(session, Task, values), **values)
    return _record(task)


def next_task_number(session: Session, circle_id: int) -> int:
    """The number the circle's next task will get (read under the circle's lock, it stays so)."""
    last = session.exec(select(Circle.last_task_number).where(Circle.id == circle_id)).one()
    return last + 1


def task_records(session: Session, tasks: Sequence[Task]) -> list[TaskRecord]:
    """Attach current claimers and the finisher's name to task rows, in two queries in all."""
    ids = [task.id for task in tasks]
    holders: dict[int, list[MemberRecord]] = {task_id: [] for task_id in ids if task_id}
    held_since: dict[int, datetime] = {}
    names: dict[int, str] = {}
    if ids:
        rows = session.exec(
            select(Claim.task_id, Claim.claimed_at, Member)
            .join(Member, col(Member.id) == Claim.member_id)
            .where(col(Claim.task_id).in_(ids), col(Claim.released_at).is_(None))
            .order_by(Claim.claimed_at, Claim.id)
        ).all()
        for task_id, claimed_at, member in rows:
            holders[task_id].append(member_record(member))
            held_since.setdefault(task_id, claimed_at)
        finisher_ids = {task.done_by_id for task in tasks if task.done_by_id}
        if finisher_ids:
            for member in session.exec(select(Member).where(col(Member.id).in_(finisher_ids))):
                names[member.id] = member.display_name  # type: ignore[index]
    return [
        _record(
            task,
            claimers=tuple(holders.get(task.id, ())),  # type: ignore[arg-type]
            held_since=held_since.get(task.id),  # type: ignore[arg-type]
            done_by=names.get(task.done_by_id) if task.done_by_id else None,
        )
        for task in tasks
    ]


def _record(
    task: Task,
    claimers: tuple[MemberRecord, ...] = (),
    held_since: datetime | None = None,
    done_by: str | None = None,
) -> TaskRecord:
    return TaskRecord(
        id=task.id,  # type: ignore[arg-type]
        number=task.number,
        title=task.title,
        due_at=task.due_at,
        due_on=task.due_on,
        recurrence=task.recurrence,
        is_urgent=task.is_urgent,
        status=TaskStatus(task.status),
        requester_id=task.requester_id,
        claimers=claimers,
        held_since=held_since,
        done_at=task.done_at,
        done_by=done_by,
        created_at=task.created_at,
        source_message_id=task.source_message_id,
    )


def task_by_number(session: Session, circle_id: int, number: int) -> TaskRecord | None:
    task = session.exec(
        select(Task).where(Task.circle_id == circle_id, Task.number == number)
    ).first()
    return task_records(session, [task])[0] if task else None


def task_by_message_query(circle_id: int, message_id: str) -> SelectOfScalar[Task]:
    """The task a message is about (for act snapshots): its own request first, else the task
    the bot's acknowledgement with that id is about, in one statement."""
    acknowledged = select(OutboxMessage.task_id).where(
        OutboxMessage.circle_id == circle_id, OutboxMessage.platform_message_id == message_id
    )
    is_request = Task.source_message_id == message_id
    return (
        select(Task)
        .where(Task.circle_id == circle_id, is_request | col(Task.id).in_(acknowledged))
        .order_by(case((is_request, 0), else_=1))
        .limit(1)
    )


def open_tasks(session: Session, circle_id: int) -> list[TaskRecord]:
    """Open tasks in number order."""
    query = select(Task).where(Task.circle_id == circle_id, Task.status == TaskStatus.OPEN)
    return task_records(session, session.exec(query.order_by(Task.number)).all())


def recently_done(session: Session, circle_id: int, since: datetime) -> list[TaskRecord]:
    return recently_closed(session, circle_id, since, TaskStatus.DONE)


def recently_closed(
    session: Session, circle_id: int, since: datetime, status: TaskStatus
) -> list[TaskRecord]:
    """Tasks that reached ``status`` (done, missed, cancelled) since a moment, latest first."""
    rows = session.exec(
        select(Task)
        .where(Task.circle_id == circle_id, Task.status == status, col(Task.done_at) >= since)
        .order_by(col(Task.done_at).desc())
    ).all()
    return task_records(session, rows)


def claim_task(session: Session, task_id: int, member_id: int, now: datetime) -> bool:
    """Add the member to the task's holders; False when they already hold it. Which tasks
    may be claimed is the act's decision (``handlers.claims.may_claim``)."""
    row = {"task_id": task_id, "member_id": member_id, "claimed_at": now}
    if insert_if_absent(session, Claim, row) is not None:
        return True
    taken_again = session.execute(
        update(Claim)
        .where(
            Claim.task_id == task_id,
            Claim.member_id == member_id,
            col(Claim.released_at).is_not(None),
        )
        .values(released_at=None, claimed_at=now)
    )
    return bool(taken_again.rowcount)


def release_claim(session: Session, task_id: int, member_id: int, now: datetime) -> bool:
    """Hand a task back; False when the member did not hold it."""
    result = session.execute(
        update(Claim)
        .where(
            Claim.task_id == task_id,
            Claim.member_id == member_id,
            col(Claim.released_at).is_(None),
        )
        .values(released_at=now)
    )
    return bool(result.rowcount)


def set_status(
    session: Session,
    task_id: int,
    *,
    old: Iterable[TaskStatus],
    new: TaskStatus,
    now: datetime | None = None,
    member_id: int | None = None,
) -> bool:
    """Move a task from one of ``old`` statuses to ``new`` in one conditional update.

    ``done_at`` is when a task was closed (done, cancelled or missed); only ``done`` names who
    did it. Reopening clears both.
    """
    values: dict[str, object] = {"status": new}
    if new == TaskStatus.DONE:
        values |= {"done_at": now, "done_by_id": member_id}
    elif new in (TaskStatus.CANCELLED, TaskStatus.MISSED):
        values |= {"done_at": now, "done_by_id": None}
    elif new == TaskStatus.OPEN:
        values |= {"done_at": None, "done_by_id": None}
    result = session.execute(
        update(Task).where(Task.id == task_id, col(Task.status).in_(list(old))).values(values)
    )
    return bool(result.rowcount)


def revise_open_task(session: Session, task_id: int, **fields: object) -> bool:
    """Change an open task's fields; False when it is no longer open."""
    result = session.execute(
        update(Task).where(Task.id == task_id, Task.status == TaskStatus.OPEN).values(fields)
    )
    return bool(result.rowcount)


def update_task(session: Session, task_id: int, **fields: object) -> None:
    session.execute(update(Task).where(Task.id == task_id).values(fields))


def tasks_of(session: Session, circle_id: int, member_id: int) -> list[TaskRecord]:
    """Open tasks the member holds."""
    rows = session.exec(
        select(Task)
        .join(Claim, col(Claim.task_id) == Task.id)
        .where(
            Task.circle_id == circle_id,
            Task.status == TaskStatus.OPEN,
            Claim.member_id == member_id,
            col(Claim.released_at).is_(None),
        )
        .order_by(Task.number)
    ).all()
    return task_records(session, rows)


def task_record(session: Session, task_id: int) -> TaskRecord:
    """The task as it stands inside this transaction, with its holders."""
    return task_records(session, [load_task(session, task_id)])[0]


def load_task(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    assert task is not None, f"task {task_id} vanished inside its own transaction"
    return task


def snooze_task(session: Session, task_id: int, member_id: int, until: datetime) -> None:
    row = session.exec(
        select(Snooze).where(Snooze.task_id == task_id, Snooze.member_id == member_id)
    ).first()
    if row is None:
        row = Snooze(task_id=task_id, member_id=member_id, until=until)
    row.until = until
    session.add(row)


def withdraw_occurrence(session: Session, task_id: int) -> bool:
    """Withdraw a next occurrence a completion opened, when that completion is undone; False
    when it is no longer open."""
    result = session.execute(
        update(Task)
        .where(Task.id == task_id, Task.status == TaskStatus.OPEN)
        .values(status=TaskStatus.REMOVED)
    )
    return bool(result.rowcount)


def all_tasks(session: Session, circle_id: int) -> list[TaskRecord]:
    """Every task the circle has not removed, in number order: what an export holds."""
    rows = session.exec(
        select(Task)
        .where(Task.circle_id == circle_id, Task.status != TaskStatus.REMOVED)
        .order_by(Task.number)
    ).all()
    return task_records(session, rows)


def open_follower(session: Session, task_id: int) -> int | None:
    """The id of a recurring task's next occurrence while it is still open."""
    return session.exec(
        select(Task.id).where(Task.previous_id == task_id, Task.status == TaskStatus.OPEN)
    ).first()


def has_follower(session: Session, task_id: int) -> bool:
    """Whether a recurring task's next occurrence has been opened (and not withdrawn)."""
    follower = session.exec(
        select(Task.id).where(Task.previous_id == task_id, Task.status != TaskStatus.REMOVED)
    ).first()
    return follower is not None
