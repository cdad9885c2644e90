"""Members correcting what the circle keeps, decided over a snapshot (``bot.acting``): an
edited request updates its task, an edited decision its words, and "not a task" said in reply
takes a false task out of the list. Nothing here reads or writes the database."""

from __future__ import annotations

from dataclasses import dataclass, replace

from handlers.acknowledgements import acknowledgement_text, refreshed_acknowledgement
from handlers.decisions import DecisionEdit, update_decision
from handlers.requests import task_fields
from handlers.turn import Decision, Scene
from handlers.understanding import Intent, Kind
from storage.changes import LogEvent, ReviseTask, SetStatus
from storage.kinds import EventAction, TaskStatus
from storage.records import ActSnapshot, TaskRecord, Wanted

# Put on "not a task" once the task is out of the list.
REMOVED_REACTION = "👌"


@dataclass(frozen=True, slots=True)
class MessageEdit:
    """A member edited their message ``original_id``; it now reads ``intent`` as ``text``."""

    original_id: str
    intent: Intent
    text: str

    @property
    def wanted(self) -> Wanted:
        """The task and the decision that message may have been recorded as."""
        return Wanted(message_id=self.original_id, decision_of=self.original_id)


@dataclass(frozen=True, slots=True)
class FalseTask:
    """ "not a task", said in reply to a request or to the bot's acknowledgement of it."""

    reply_to_id: str

    @property
    def wanted(self) -> Wanted:
        return Wanted(message_id=self.reply_to_id)


def decide_edit(scene: Scene, snapshot: ActSnapshot, act: MessageEdit) -> Decision | None:
    """An edited request updates its open task, an edited decision its words; None when the
    message was recorded as neither (it is then read as a new message)."""
    task = snapshot.replied
    if task is not None and task.source_message_id == act.original_id:
        if task.is_open and act.intent.kind is Kind.TASK:
            return _revised(scene, snapshot, task, act)
        return Decision()
    if snapshot.decided is not None:
        decided = snapshot.decided
        return update_decision(scene, DecisionEdit(decided.id, decided.text, act.text))
    return None


def _revised(scene: Scene, snapshot: ActSnapshot, task: TaskRecord, act: MessageEdit) -> Decision:
    """The task as the edited request reads, logged with what it read before; the circle sees
    the corrected acknowledgement, or, where the request was only marked, the new reading, so
    its writer can check it."""
    fields = task_fields(act.intent, act.text)
    revised = replace(
        task,
        title=fields.title,
        due_at=fields.due_at,
        due_on=fields.due_on,
        recurrence=fields.recurrence,
        is_urgent=fields.is_urgent,
    )
    before = {
        "title": task.title,
        "due_at": task.due_at,
        "due_on": task.due_on,
        "recurrence": task.recurrence,
        "is_urgent": task.is_urgent,
    }
    changes = (
        ReviseTask(task.id, fields),
        LogEvent(
            EventAction.TASK_EDITED,
            scene.member.id,
            task.id,
            scene.incoming.message_id,
            {"before": before},
        ),
    )
    replies = refreshed_acknowledgement(scene, snapshot.acknowledgements, revised) or (
        scene.reply(acknowledgement_text(revised, scene), task=revised),
    )
    return Decision(changes, replies)


def remove_false_task(scene: Scene, snapshot: ActSnapshot) -> Decision:
    """Any member may take a false task out of the list while it is open."""
    task = snapshot.replied
    if task is None or not task.is_open:
        return Decision()
    changes = (
        SetStatus(task.id, (TaskStatus.OPEN,), TaskStatus.REMOVED),
        LogEvent(EventAction.TASK_REMOVED, scene.member.id, task.id, scene.incoming.message_id),
    )
    said = scene.phrase("task.removed", number=task.number, title=task.title)
    removed = replace(task, status=TaskStatus.REMOVED)
    replies = (
        scene.reply(said, task=task, reaction=REMOVED_REACTION),
        *refreshed_acknowledgement(scene, snapshot.acknowledgements, removed),
    )
    return Decision(changes, replies)
