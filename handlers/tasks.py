"""A task's life after its request: updated on edit, removed when it is no task, and added
at once for a move's checklist (a request itself is decided in ``handlers.requests``)."""

from __future__ import annotations

from handlers.acknowledgements import acknowledgement_edit, acknowledgement_text
from handlers.requests import open_task, split_due, tidy_title
from handlers.turn import Turn
from handlers.understanding import Intent
from storage import events, tasks
from storage.kinds import EventAction, TaskStatus
from storage.outbox import acknowledgement_of
from storage.records import TaskRecord
from storage.unit_of_work import apply_changes


def add_task(turn: Turn, intent: Intent, source_text: str) -> TaskRecord:
    """Store a task from a member's act at once, written as a request's is (a move's checklist
    item taken; the caller says what acknowledges it)."""
    number = tasks.next_task_number(turn.session, turn.circle.id)
    opened = apply_changes(
        turn.session, turn.circle.id, open_task(turn, intent, source_text, number), turn.now
    )
    return tasks.task_record(turn.session, opened[number])


def refresh_acknowledgement(turn: Turn, task_id: int) -> bool:
    """Edit the bot's acknowledgement in place so it shows who holds the task now; False when
    there is no message to edit (a mark, or not delivered yet: the act has its own reply)."""
    ack_id = acknowledgement_of(turn.session, task_id)
    if ack_id is None:
        return False
    turn.replies.append(
        acknowledgement_edit(tasks.task_record(turn.session, task_id), turn, ack_id)
    )
    return True


def update_from_edit(turn: Turn, task: TaskRecord, intent: Intent, new_text: str) -> None:
    """An edited request updates its task: the circle sees the corrected acknowledgement."""
    due_at, due_on = split_due(intent.due)
    tasks.update_task(
        turn.session,
        task.id,
        title=tidy_title(intent.title or new_text),
        source_text=new_text,
        due_at=due_at,
        due_on=due_on,
        recurrence=intent.recurrence,
        is_urgent=intent.is_urgent,
    )
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        EventAction.TASK_EDITED,
        turn.now,
        task_id=task.id,
        message_id=turn.incoming.message_id,
        detail={
            "before": {
                "title": task.title,
                "due_at": task.due_at,
                "due_on": task.due_on,
                "recurrence": task.recurrence,
                "is_urgent": task.is_urgent,
            }
        },
    )
    if not refresh_acknowledgement(turn, task.id):
        # The request was only marked: say the corrected reading, so its writer can check it.
        task_now = tasks.task_record(turn.session, task.id)
        turn.say(acknowledgement_text(task_now, turn), task=task_now)


def remove_task(turn: Turn, task: TaskRecord) -> None:
    """ "not a task": any member may take a false task out of the list."""
    if not tasks.set_status(turn.session, task.id, old=(TaskStatus.OPEN,), new=TaskStatus.REMOVED):
        return
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        EventAction.TASK_REMOVED,
        turn.now,
        task_id=task.id,
        message_id=turn.incoming.message_id,
    )
    turn.say(
        turn.phrase("task.removed", number=task.number, title=task.title), task=task, reaction="👌"
    )
    refresh_acknowledgement(turn, task.id)
