"""A member's own quiet on one task they hold ("/snooze 4 tomorrow", "remind me Friday" said in
reply), decided over a snapshot (``bot.acting``): nothing here reads or writes the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from handlers.formatting import format_moment
from handlers.turn import Decision, Scene
from storage.changes import SnoozeTask
from storage.records import ActSnapshot, Wanted

SNOOZED_REACTION = "👌"


@dataclass(frozen=True, slots=True)
class SnoozeRequest:
    """No routine reminders to the member about one task until ``until`` (None: the next
    morning): the task numbered ``number``, or the one whose message ``reply_to_id`` is."""

    until: datetime | None
    number: int | None = None
    reply_to_id: str | None = None

    @property
    def wanted(self) -> Wanted:
        return Wanted(number=self.number, message_id=self.reply_to_id)


def decide_snooze(scene: Scene, snapshot: ActSnapshot, act: SnoozeRequest) -> Decision:
    """The snooze, or why there is none: no such task, closed, or not the member's."""
    task = snapshot.numbered if act.number is not None else snapshot.replied
    if task is None:
        if act.number is None:  # "remind me" in reply to something that is no task
            return Decision()
        return Decision(replies=(scene.reply(scene.phrase("task.missing", number=act.number)),))
    if not task.is_open:
        said = scene.phrase(f"already.{task.status}", number=task.number)
        return Decision(replies=(scene.reply(said, task=task),))
    if not task.is_held_by(scene.member.id):
        said = scene.phrase("snooze.not_on", number=task.number)
        return Decision(replies=(scene.reply(said, task=task),))
    # No day said or understood ("/snooze 4"): the next morning after it was said.
    tomorrow = scene.said_at.date() + timedelta(days=1)
    until = act.until or scene.circle.morning_of(tomorrow)
    shown = format_moment(until, scene.circle.zone, scene.circle.languages)
    said = scene.phrase("snoozed", number=task.number, name=scene.member.display_name, until=shown)
    return Decision(
        (SnoozeTask(task.id, scene.member.id, until.astimezone(UTC)),),
        (scene.reply(said, task=task, reaction=SNOOZED_REACTION),),
    )
