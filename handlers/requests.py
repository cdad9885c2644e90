"""A member's request recorded as the circle's next task, decided over a snapshot
(``bot.acting``): nothing here reads or writes the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from handlers.acknowledgements import acknowledgement_text, task_buttons
from handlers.messages import Mention
from handlers.nudges import urgent_may_wake
from handlers.turn import Answering, Decision, Scene
from handlers.understanding import Intent
from handlers.understanding.titles import TITLE_MAX_CHARS
from storage.changes import LogEvent, Opened, OpenTask, TaskFields
from storage.kinds import EventAction, TaskStatus
from storage.records import OpeningSnapshot, TaskRecord

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


@dataclass(frozen=True, slots=True)
class NewRequest:
    """A message that asks for something: how it was read, and its words as written."""

    intent: Intent
    text: str


def record_task(scene: Scene, act: NewRequest, snapshot: OpeningSnapshot) -> Decision:
    """The circle's next task, as the member asked for it, and its acknowledgement; "/task"
    with nothing after it asks what the task is."""
    if act.intent.title is None:
        return Decision(replies=(scene.reply(scene.phrase("task.ask")),))
    opening = open_task(scene, act.intent, act.text, snapshot.next_number)
    task = as_opened(opening[0], scene.now)
    mentions: tuple[Mention, ...] = ()
    if task.is_urgent:
        # Urgent requests are the one exception to quiet: everyone else hears at once, but
        # in quiet hours only those who have not said "/urgent off".
        mentions = tuple(
            Mention(member.user_id, member.display_name)
            for member in snapshot.members
            if member.id != scene.member.id and urgent_may_wake(scene.circle, member, scene.now)
        )
    acknowledgement = scene.reply(
        acknowledgement_text(task, scene),
        task=Opened(task.number),
        is_acknowledgement=True,
        buttons=task_buttons(task, scene.circle.languages),
        mentions=mentions,
        # Quiet by default: a mark on the request where the platform has reactions; the
        # circle meets the task's number and time in the digest, its nudges and /tasks.
        reaction=None if task.is_urgent else NOTED_REACTION,
    )
    return Decision(opening, (acknowledgement,))


def task_fields(intent: Intent, text: str) -> TaskFields:
    """The task a request's reading (``intent``) and words (``text``) describe: the one place
    a reading becomes a task's title, due, repetition and urgency, opened or revised."""
    due_at, due_on = split_due(intent.due)
    return TaskFields(
        title=tidy_title(intent.title or text),
        source_text=text,
        due_at=due_at,
        due_on=due_on,
        recurrence=intent.recurrence,
        is_urgent=intent.is_urgent,
    )


def open_task(
    scene: Answering, intent: Intent, source_text: str, number: int
) -> tuple[OpenTask, LogEvent]:
    """The changes that open the member's request as task ``number`` and log it: numbered,
    claimable and nudged from then on."""
    fields = task_fields(intent, source_text)
    opening = OpenTask(number, fields, scene.incoming.subject_id, scene.member.id)
    logged = LogEvent(
        EventAction.TASK_ADDED,
        scene.member.id,
        Opened(number),
        message_id=scene.incoming.message_id,
    )
    return opening, logged


def as_opened(opening: OpenTask, now: datetime) -> TaskRecord:
    """The task ``opening`` opens, as it will read once written; its acknowledgement is worded
    from it, and names the task by number (``Opened``) until the row, and its id, exist."""
    fields = opening.fields
    return TaskRecord(
        id=0,
        number=opening.number,
        title=fields.title,
        due_at=fields.due_at,
        due_on=fields.due_on,
        recurrence=fields.recurrence,
        is_urgent=fields.is_urgent,
        status=TaskStatus.OPEN,
        requester_id=opening.requester_id,
        claimers=(),
        held_since=None,
        done_at=None,
        done_by=None,
        created_at=now,
        source_message_id=opening.source_message_id,
    )
