"""A month of many circles' traffic with the hourly pruning on: the bot's own tables plateau.

Each simulated day every circle asks for a task due the next afternoon, someone takes it, the
previous day's task is done (every fifth is forgotten, turns overdue and is done a week late),
someone lists the tasks and members chat; the scheduler's tick runs every simulated hour
(nudges queued, the hour's messages delivered, ``bot.pruning`` as ``carecircle run`` calls it),
on an injected clock.
The retention windows are the configured ones (``CARECIRCLE_OUTBOX_TEXT_DAYS`` and the rest).
Prints one JSON line per simulated day with the rows of the outbox (and of those, the ones still
holding text), seen keys, events and settled nudges; the last line holds every day.

Usage: python scripts/simulate_month.py [--circles 20] [--days 30] [--database URL]

The database is a temporary SQLite file unless ``--database`` names one, which must be empty.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import func  # noqa: E402
from sqlmodel import col, select  # noqa: E402

from bot.config import Settings, load_settings  # noqa: E402
from bot.core import CareCircleCore  # noqa: E402
from bot.nudging import queue_due_nudges  # noqa: E402
from bot.pruning import Pruner  # noqa: E402
from handlers.messages import Incoming  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.models import Event, Nudge, OutboxMessage, SeenMessage  # noqa: E402

START = datetime(2026, 11, 2, 0, 0, tzinfo=UTC)  # a Monday, midnight
PLATFORM = "telegram"
MEMBERS = ("alice", "bob", "carol", "dan")
CHATTER = ("How was Mum today?", "She ate all her lunch", "Thanks everyone", "Call you later")
CHATTER_PER_DAY = 6
FORGOTTEN_EVERY = 5  # every fifth day's task is forgotten: it turns overdue, and is done
LATE_BY_DAYS = 7  # this much later


class Month:
    """Many circles on one database, one bot process, the clock in the script's hand."""

    def __init__(self, url: str, circles: int, rng: random.Random) -> None:
        settings = Settings(database_url=url, retention=load_settings().retention)
        self.core = CareCircleCore(Database.open(url), settings)
        self.pruner = Pruner(self.core.database, settings.retention)
        self.rng = rng
        self.chats = [f"-100{number:06d}" for number in range(circles)]
        self.messages = 0
        for chat in self.chats:
            self.core.bot_joined(PLATFORM, chat, f"Circle {chat}", START)

    def day(self, number: int) -> None:
        """One day: each circle's acts at random hours, the tick every hour."""
        midnight = START + timedelta(days=number)
        acts = [
            (midnight + timedelta(hours=self.rng.randint(9, 20), minutes=self.rng.randint(0, 59)),
             chat, who, text)
            for chat in self.chats
            for who, text in self._acts(number)
        ]  # fmt: skip
        acts.sort()
        for hour in range(24):
            now = midnight + timedelta(hours=hour)
            while acts and acts[0][0] < now + timedelta(hours=1):
                at, chat, who, text = acts.pop(0)
                self._say(chat, who, text, at)
            self.tick(now + timedelta(minutes=59))

    def _acts(self, number: int) -> list[tuple[str, str]]:
        task = number + 1  # each circle asks for one task a day: its number is the day's
        acts = [
            ("alice", f"task: errand {task} tomorrow at 15:00"),
            (self.rng.choice(MEMBERS), f"/claim {task}"),
            ("carol", "/tasks"),
        ]
        if number and number % FORGOTTEN_EVERY:
            acts.append((self.rng.choice(MEMBERS), f"/done {number}"))
        late = number - LATE_BY_DAYS
        if late > 0 and late % FORGOTTEN_EVERY == 0:
            acts.append((self.rng.choice(MEMBERS), f"/done {late}"))
        acts += [
            (self.rng.choice(MEMBERS), self.rng.choice(CHATTER)) for _ in range(CHATTER_PER_DAY)
        ]
        return acts

    def _say(self, chat: str, who: str, text: str, at: datetime) -> None:
        self.messages += 1
        message_id = str(self.messages)
        incoming = Incoming(PLATFORM, chat, message_id, who, who.title(), at, text=text)
        self.core.handle(incoming, at)

    def tick(self, now: datetime) -> None:
        queue_due_nudges(self.core, now)
        self.deliver(now)
        self.pruner.prune_if_due(now, lambda: False)

    def deliver(self, now: datetime) -> None:
        while batch := self.core.claim_deliveries(PLATFORM, "month", now, limit=200):
            for message in batch:
                self.core.mark_delivered(message.outbox_id or 0, f"p{message.outbox_id}", now)

    def rows(self) -> dict[str, int]:
        def count(model: type, *conditions: object) -> int:
            query = select(func.count()).select_from(model).where(*conditions)  # type: ignore[arg-type]
            with self.core.database.transaction() as session:
                return session.exec(query).one()

        return {
            "outbox": count(OutboxMessage),
            "outbox_with_text": count(OutboxMessage, col(OutboxMessage.payload) != ""),
            "seen": count(SeenMessage),
            "events": count(Event),
            "nudges": count(Nudge),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--circles", type=int, default=20)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--database", help="SQLAlchemy URL (default: a temporary SQLite file)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{Path(folder) / 'month.db'}"
        month = Month(url, args.circles, random.Random(args.seed))
        days = []
        for number in range(args.days):
            month.day(number)
            days.append({"day": number + 1, **month.rows()})
            print(json.dumps(days[-1]), flush=True)
        month.core.database.engine.dispose()
    windows = asdict(month.pruner.windows)
    print(json.dumps({"circles": args.circles, "windows": windows, "days": days}))


if __name__ == "__main__":
    main()
