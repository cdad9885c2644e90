"""``undo``: a member takes back their own last change, whatever it was, decided over a snapshot
(``bot.acting``): nothing here reads or writes the database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime

from handlers.acknowledgements import acknowledgement_edit
from handlers.claims import may_claim, with_holder, without_holder
from handlers.turn import Decision, Reply, Scene
from storage.changes import (
    Change,
    ChangeCircle,
    ChangeMember,
    ClaimTask,
    LogEvent,
    ReleaseClaim,
    RemoveDecision,
    RestoreTask,
    SetStatus,
    UndoEvent,
    WithdrawOccurrence,
)
from storage.kinds import EventAction, TaskStatus
from storage.records import EventRecord, TaskRecord, UndoSnapshot

UNDOABLE = (
    EventAction.TASK_ADDED,
    EventAction.TASK_EDITED,
    EventAction.TASK_REMOVED,
    EventAction.CLAIMED,
    EventAction.UNCLAIMED,
    EventAction.DONE,
    EventAction.CANCELLED,
    EventAction.DECIDED,
    EventAction.SETTING,
    EventAction.FORGET_REQUESTED,
)


@dataclass(frozen=True, slots=True)
class UndoAct:
    """ "undo" or "/undo": the member's own last change, taken back."""


def undo_last(scene: Scene, snapshot: UndoSnapshot) -> Decision:
    """Put back what the member's last standing change changed, log the undo, and show the
    task's acknowledgement as the undo leaves it. A request to forget needs nothing more than
    its event marked undone: that cancels it."""
    event = snapshot.event
    if event is None:
        return Decision(replies=(scene.reply(scene.phrase("undo.nothing")),))
    task = snapshot.task
    changes: list[Change] = [UndoEvent(event.id)]
    after = task
    if task is not None:
        undone, after = _undone_on_task(scene, snapshot, event, task)
        changes += undone
    elif event.action == EventAction.DECIDED and event.decision_id:
        changes.append(RemoveDecision(event.decision_id))
    elif event.action == EventAction.SETTING:
        changes += _restored_settings(scene, event.detail)
    changes.append(
        LogEvent(
            EventAction.UNDO,
            scene.member.id,
            event.task_id,
            message_id=scene.incoming.message_id,
            detail={"undid": event.id},
            decision=event.decision_id,
        )
    )
    what = scene.phrase(f"undone.{event.action}")
    replies: list[Reply] = [
        scene.reply(scene.phrase("undo.done", name=scene.member.display_name, what=what))
    ]
    if after is not None and snapshot.acknowledgement is not None:
        replies.append(acknowledgement_edit(after, scene, snapshot.acknowledgement))
    return Decision(tuple(changes), tuple(replies))


def _undone_on_task(
    scene: Scene, snapshot: UndoSnapshot, event: EventRecord, task: TaskRecord
) -> tuple[list[Change], TaskRecord]:
    """The changes that take back ``event`` on its task, and the task as they leave it; a task
    that has moved on since (claimed by others, closed, already released) is left as it is."""
    member = scene.member
    action, status = event.action, task.status
    if action == EventAction.TASK_ADDED and status == TaskStatus.OPEN:
        return [_status(task, TaskStatus.OPEN, TaskStatus.REMOVED)], replace(
            task, status=TaskStatus.REMOVED
        )
    if action == EventAction.TASK_REMOVED and status == TaskStatus.REMOVED:
        return [_status(task, TaskStatus.REMOVED, TaskStatus.OPEN)], replace(
            task, status=TaskStatus.OPEN
        )
    if action == EventAction.TASK_EDITED:
        before = _restored(_fields(event.detail["before"]))
        shown = {name: value for name, value in before.items() if hasattr(task, name)}
        return [RestoreTask(task.id, before)], replace(task, **shown)
    holds = task.is_held_by(member.id)
    if action == EventAction.CLAIMED and holds:
        return [ReleaseClaim(task.id, member.id)], without_holder(task, member)
    if action == EventAction.UNCLAIMED and not holds and may_claim(task):
        return [ClaimTask(task.id, member.id)], with_holder(task, member, scene.now)
    if action in (EventAction.DONE, EventAction.CANCELLED) and status == TaskStatus(action):
        return _reopened(snapshot, event.detail, task)
    return [], task


def _reopened(
    snapshot: UndoSnapshot, detail: Mapping[str, object], task: TaskRecord
) -> tuple[list[Change], TaskRecord]:
    """Put a closed task back as it was: open (or missed, if it was marked done late), with
    nobody credited, and withdraw the next occurrence its completion opened, unless something
    happened to that occurrence since (then it stays: it is the circle's now).

    The completion's event is marked undone, so the digest, the export and the weekly thanks
    no longer count it.
    """
    was = TaskStatus(str(detail.get("was", TaskStatus.OPEN)))
    changes: list[Change] = [_status(task, task.status, was)]
    done_at = None
    if was != TaskStatus.OPEN and isinstance(detail.get("was_at"), str):
        done_at = datetime.fromisoformat(str(detail["was_at"]))
        changes.append(RestoreTask(task.id, {"done_at": done_at}))
    if snapshot.untouched_follower is not None:
        changes.append(WithdrawOccurrence(snapshot.untouched_follower))
    return changes, replace(task, status=was, done_at=done_at, done_by=None)


def _status(task: TaskRecord, old: TaskStatus, new: TaskStatus) -> SetStatus:
    return SetStatus(task.id, old=(old,), new=new)


def _restored(before: dict[str, object]) -> dict[str, object]:
    """Event details keep dates as text; give the columns their types back."""
    fields = dict(before)
    if isinstance(fields.get("due_at"), str):
        fields["due_at"] = datetime.fromisoformat(str(fields["due_at"]))
    if isinstance(fields.get("due_on"), str):
        fields["due_on"] = date.fromisoformat(str(fields["due_on"]))
    return fields


def _restored_settings(scene: Scene, detail: Mapping[str, object]) -> list[Change]:
    """The circle's and the member's settings as they were before the change undone."""
    changes: list[Change] = []
    if "before" in detail:
        changes.append(ChangeCircle(_fields(detail["before"])))
    if "member_before" in detail:
        changes.append(ChangeMember(scene.member.id, _fields(detail["member_before"])))
    return changes


def _fields(value: object) -> dict[str, object]:
    """A column → value map kept in an event's detail (JSON, so a plain dict)."""
    assert isinstance(value, dict), value
    return dict(value)
