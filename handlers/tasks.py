"""Recording a request as a task, updating it on edit, and removing a false one."""

from __future__ import annotations

from datetime import UTC, date, datetime

from handlers.acknowledgements import acknowledgement_edit, acknowledgement_text, task_buttons
from handlers.messages import Mention
from handlers.nudges import urgent_may_wake
from handlers.turn import Turn
from handlers.understanding import Intent
from storage import circles, events, tasks
from storage.kinds import EventAction, TaskStatus
from storage.outbox import acknowledgement_of
from storage.records import TaskRecord

TITLE_MAX_CHARS = 80
# Put on a request the bot has noted as a task ("written down").
NOTED_REACTION = "✍"


def split_due(due: date | datetime | None) -> tuple[datetime | None, date | None]:
    """A timed due is stored as UTC; a day stays a day (its morning depends on the zone)."""
    if isinstance(due, datetime):
        return due.astimezone(UTC), None
    return None, due


def tidy_title(text: str) -> str:
    """The message itself, on one line, capitalised and cut to a title's length."""
    words = " ".join(text.split())
    words = words[:1].upper() + words[1:]
    return words[: TITLE_MAX_CHARS - 1] + "…" if len(words) > TITLE_MAX_CHARS else words


def record_task(turn: Turn, intent: Intent, source_text: str) -> None:
    """Add the task a member asked for and acknowledge it."""
    task = add_task(turn, intent, source_text)
    mentions: tuple[Mention, ...] = ()
    if task.is_urgent:
        # Urgent requests are the one exception to quiet: everyone else hears at once, but
        # in quiet hours only those who have not said "/urgent off".
        mentions = tuple(
            Mention(member.user_id, member.display_name)
            for member in circles.active_members(turn.session, turn.circle.id)
            if member.id != turn.member.id and urgent_may_wake(turn.circle, member, turn.now)
        )
    turn.say(
        acknowledgement_text(task, turn),
        task=task,
        buttons=task_buttons(task, turn.circle.languages),
        mentions=mentions,
        # Quiet by default: a mark on the request where the platform has reactions; the
        # circle meets the task's number and time in the digest, its nudges and /tasks.
        reaction=None if task.is_urgent else NOTED_REACTION,
        is_urgent=task.is_urgent,
        dedupe_key=f"ack:{task.id}",
    )


def add_task(turn: Turn, intent: Intent, source_text: str) -> TaskRecord:
    """Store a task from the member's act and log it: numbered, claimable and nudged from now
    on (the caller says what acknowledges it)."""
    due_at, due_on = split_due(intent.due)
    task = tasks.add_task(
        turn.session,
        turn.circle.id,
        tasks.NewTask(
            title=tidy_title(intent.title or source_text),
            source_text=source_text,
            source_message_id=turn.incoming.subject_id,
            requester_id=turn.member.id,
            due_at=due_at,
            due_on=due_on,
            recurrence=intent.recurrence,
            is_urgent=intent.is_urgent,
        ),
        turn.now,
    )
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        EventAction.TASK_ADDED,
        turn.now,
        task_id=task.id,
        message_id=turn.incoming.message_id,
    )
    return task


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
