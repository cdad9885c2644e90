"""Writing what an act decided, in the act's own transaction, in the order it was decided."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime

from sqlmodel import Session

from storage import circles, contacts, decisions, events, forget, moves, tasks
from storage.changes import (
    AddMove,
    Change,
    ChangeCircle,
    ChangeMember,
    ClaimTask,
    Decided,
    DecisionRef,
    ForgetCircle,
    ForgetMember,
    KeepContact,
    LogEvent,
    Opened,
    OpenOccurrence,
    OpenTask,
    RecordDecision,
    ReleaseClaim,
    RemoveDecision,
    RestoreTask,
    ReviseTask,
    RewordDecision,
    SetStatus,
    SnoozeTask,
    TakeItem,
    TaskRef,
    UndoEvent,
    WithdrawOccurrence,
)
from storage.errors import StaleSnapshot


def apply_changes(
    session: Session, circle_id: int, changes: Iterable[Change], now: datetime
) -> dict[int, int]:
    """Write ``changes``; each is a conditional write that must find what the decision read.
    Returns the ids of the tasks they opened, by number.

    Raises:
        StaleSnapshot: a row changed since the snapshot was read (the transaction is tried
            again, so the act is decided afresh).
    """
    opened: dict[int, int] = {}
    decided: dict[int, int] = {}

    def task_id(ref: TaskRef) -> int:
        return opened[ref.number] if isinstance(ref, Opened) else ref

    def decision_id(ref: DecisionRef) -> int:
        return decided[ref.number] if isinstance(ref, Decided) else ref

    for change in changes:
        match change:
            case ClaimTask(task, member_id):
                written = tasks.claim_task(session, task_id(task), member_id, now)
            case ReleaseClaim(task, member_id):
                written = tasks.release_claim(session, task, member_id, now)
            case SetStatus(task, old, new, done_by_id):
                written = tasks.set_status(
                    session, task, old=old, new=new, now=now, member_id=done_by_id
                )
            case OpenTask() | OpenOccurrence():
                created = tasks.add_task(session, circle_id, _new_task(change), now)
                opened[change.number] = created.id
                written = created.number == change.number
            case ReviseTask(task, fields):
                written = tasks.revise_open_task(session, task, **asdict(fields))
            case SnoozeTask(task, member_id, until):
                tasks.snooze_task(session, task, member_id, until)
                written = True
            case RecordDecision(number, text, member_id, message_id):
                recorded = decisions.add_decision(
                    session, circle_id, text, member_id, message_id, now
                )
                decided[number] = recorded.id
                written = recorded.number == number
            case RewordDecision(decision, old, new):
                written = decisions.reword_decision(session, decision, old=old, new=new)
            case ChangeCircle(fields):
                circles.update_circle(session, circle_id, **fields)
                written = True
            case ChangeMember(member, fields):
                circles.update_member(session, member, **fields)
                written = True
            case KeepContact(role, name, phone, member_id):
                contacts.save_contact(session, circle_id, role, name, phone, member_id, now)
                written = True
            case ForgetCircle(keep_seen):
                forget.forget_circle(session, circle_id, keep_seen)
                written = True
            case ForgetMember(member_id, label):
                forget.forget_member(session, member_id, label, now)
                written = True
            case RestoreTask(task, fields):
                tasks.update_task(session, task, **fields)
                written = True
            case WithdrawOccurrence(task):
                written = tasks.withdraw_occurrence(session, task)
                events.mark_opening_undone(session, task)
            case RemoveDecision(decision):
                decisions.set_decision(session, decision, is_removed=True)
                written = True
            case UndoEvent(event_id):
                written = events.mark_undone(session, event_id)
            case AddMove(kind, day, member_id, source_message_id, offer_at, offered):
                move_id = moves.add_move(
                    session,
                    circle_id,
                    member_id,
                    kind,
                    day,
                    source_message_id,
                    now,
                    offer_at,
                    offered=offered,
                )
                written = move_id is not None
            case TakeItem(move_id, number):
                written = moves.take_item(session, move_id, number, now)
            case LogEvent(action, member_id, task, message_id, detail, decision):
                events.log_event(
                    session,
                    circle_id,
                    member_id,
                    action,
                    now,
                    task_id=None if task is None else task_id(task),
                    decision_id=None if decision is None else decision_id(decision),
                    message_id=message_id,
                    detail={
                        key: task_id(value) if isinstance(value, Opened) else value
                        for key, value in detail.items()
                    },
                )
                written = True
        if not written:
            raise StaleSnapshot(f"{type(change).__name__} found its rows changed")
    return opened


def _new_task(opening: OpenTask | OpenOccurrence) -> tasks.NewTask:
    """A request keeps its message; an occurrence follows the task before it, never urgent."""
    if isinstance(opening, OpenTask):
        return tasks.NewTask(
            **asdict(opening.fields),
            source_message_id=opening.source_message_id,
            requester_id=opening.requester_id,
        )
    return tasks.NewTask(
        title=opening.title,
        source_text="",
        source_message_id=None,
        requester_id=opening.requester_id,
        due_at=opening.due_at,
        due_on=opening.due_on,
        recurrence=opening.recurrence,
        is_urgent=False,
        previous_id=opening.previous_id,
    )
