"""Living through time in tests: asking for tasks with exact dues, snoozing, and letting the
scheduler's moments pass while the bot's messages are delivered and heard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.core import CareCircleCore
from bot.nudging import next_wakeup, queue_due_nudges
from handlers.messages import Outgoing
from storage import circles, tasks
from tests.conftest import Circle

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Said:
    """A bot message and when the circle saw it."""

    at: datetime
    message: Outgoing

    @property
    def text(self) -> str:
        return self.message.text

    @property
    def mentioned(self) -> list[str]:
        return [mention.name for mention in self.message.mentions]


def ask(
    circle: Circle,
    who: str,
    title: str,
    *,
    due_at: datetime | None = None,
    due_on: date | None = None,
    recurrence: str | None = None,
    is_urgent: bool = False,
) -> int:
    """A member asks for a task; returns its number.

    The due, recurrence and urgency are stored as the request stated them, so these tests do
    not depend on how well the plain-language parser reads dates.
    """
    circle.say(who, f"task: {title}")
    with circle.core.database.transaction() as session:
        circle_row = circles.find_circle(session, circle.platform, circle.chat_id)
        assert circle_row is not None and circle_row.id is not None
        number = circle_row.last_task_number
        task = tasks.task_by_number(session, circle_row.id, number)
        assert task is not None
        tasks.update_task(
            session,
            task.id,
            due_at=due_at.astimezone(UTC) if due_at else None,
            due_on=due_on,
            recurrence=recurrence,
            is_urgent=is_urgent,
        )
    circle.bot_messages()
    return number


def snooze(circle: Circle, number: int, until: datetime) -> None:
    """The task's first holder snoozes it (stored directly: "/snooze" needs the date parser)."""
    with circle.core.database.transaction() as session:
        circle_row = circles.find_circle(session, circle.platform, circle.chat_id)
        assert circle_row is not None and circle_row.id is not None
        task = tasks.task_by_number(session, circle_row.id, number)
        assert task is not None
        tasks.snooze_task(session, task.id, task.claimers[0].id, until.astimezone(UTC))


def live_until(circle: Circle, end: datetime, core: CareCircleCore | None = None) -> list[Said]:
    """Let time pass as the scheduler would: wake at each nudge moment, deliver what is queued."""
    core = core or circle.core
    heard: list[Said] = []
    queue_due_nudges(core, circle.now)
    while True:
        heard += [Said(circle.now, message) for message in _deliver(circle, core)]
        wakeup = next_wakeup(core, circle.now)
        if wakeup is None or wakeup > end:
            circle.now = end
            return heard
        circle.now = wakeup
        queue_due_nudges(core, circle.now)


def _deliver(circle: Circle, core: CareCircleCore) -> list[Outgoing]:
    delivered = []
    while batch := core.claim_deliveries(circle.platform, "test", circle.now):
        for message in batch:
            core.mark_delivered(message.outbox_id or 0, f"bot-{message.outbox_id}", circle.now)
            delivered.append(message)
    return delivered


def local(day: int, hour: int, minute: int = 0, second: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=LONDON)


def containing(heard: list[Said], words: str) -> list[Said]:
    return [said for said in heard if words in said.text]
