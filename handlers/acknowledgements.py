"""The bot's acknowledgement of a task: its text, its buttons, and its edit as the task changes."""

from __future__ import annotations

from collections.abc import Mapping

from handlers.messages import Button, ButtonAct
from handlers.phrases import phrase
from handlers.turn import Answering, Reply
from storage.kinds import TaskStatus
from storage.records import TaskRecord


def task_buttons(
    task: TaskRecord, languages: tuple[str, ...], *, held: bool = False
) -> tuple[Button, ...]:
    """✋ and ✅ under a task's message; ✅ alone when someone already holds it (a nudge)."""
    done = Button.acting(phrase("button.done", languages), ButtonAct.DONE, task.number)
    if held:
        return (done,)
    return (Button.acting(phrase("button.claim", languages), ButtonAct.CLAIM, task.number), done)


def acknowledgement_text(task: TaskRecord, act: Answering) -> str:
    if task.is_open and not task.claimers:
        return act.phrase("ack.unclaimed", line=act.line(task, with_holders=False))
    return f"📝 {act.line(task)}"


def acknowledgement_edit(task: TaskRecord, act: Answering, message_id: str) -> Reply:
    """Edit the acknowledgement (``message_id``) in place to show ``task`` as it stands now:
    who holds it, or how it was closed."""
    buttons = task_buttons(task, act.circle.languages) if task.is_open else ()
    text = acknowledgement_text(task, act)
    if task.status == TaskStatus.DONE:
        text = act.phrase("ack.done", line=act.line(task, with_holders=False), name=task.done_by)
    elif task.status in (TaskStatus.REMOVED, TaskStatus.CANCELLED, TaskStatus.MISSED):
        text = act.phrase(f"ack.{task.status}", number=task.number, title=task.title)
    return act.reply(text, task=task, buttons=buttons, edit_of=message_id)


def refreshed_acknowledgement(
    act: Answering, acknowledgements: Mapping[int, str], task: TaskRecord
) -> tuple[Reply, ...]:
    """The acknowledgement's edit showing ``task`` as the act leaves it, if it was delivered
    (``acknowledgements``: task id → the platform id of its acknowledgement)."""
    message_id = acknowledgements.get(task.id)
    return (acknowledgement_edit(task, act, message_id),) if message_id else ()
