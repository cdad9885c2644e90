"""Nudges in a Telegram group: on time by the bot's clock, holders mentioned, never twice."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.scheduler import NudgeScheduler
from tests.telegram_family import ALICE, BOB, GROUP, Family, family_test
from tests.telegram_server import ChatMessage

pytestmark = pytest.mark.telegram

LONDON = ZoneInfo("Europe/London")


async def tick_at(family: Family, moment: datetime) -> None:
    """The bot's clock reaches ``moment``; the scheduler, rebuilt from the database, looks."""
    assert family.bot is not None
    family.clock.now = moment
    scheduler = NudgeScheduler(family.bot.core, clock=family.clock)
    await scheduler.start()
    await scheduler.stop()


def nudges(family: Family, mark: str) -> list[ChatMessage]:
    return [m for m in family.server.bot_messages(GROUP) if m.text.startswith(mark)]


@family_test
async def test_holder_is_reminded_once_even_when_the_bot_restarts(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    await family.answer_to(GROUP, await family.says(GROUP, ALICE, "/digest off"))
    await family.asks(GROUP, ALICE, "task: pick up prescriptions Wednesday 15:00")
    assert await family.reaction_on(GROUP, await family.says(GROUP, BOB, "/claim 1")) == "👌"

    await tick_at(family, datetime(2026, 11, 18, 13, 0, tzinfo=LONDON))
    await server.wait_until(lambda: nudges(family, "⏰") != [])
    [reminder] = nudges(family, "⏰")
    assert reminder.text.startswith("⏰ Coming up: #1 Pick up prescriptions")
    assert 'href="tg://user?id=12"' in reminder.html

    await family.stop_bot()
    await family.start_bot()
    await tick_at(family, datetime(2026, 11, 18, 13, 5, tzinfo=LONDON))
    await tick_at(family, datetime(2026, 11, 18, 15, 0, tzinfo=LONDON))
    await server.wait_until(lambda: nudges(family, "🔔") != [])
    assert len(nudges(family, "⏰")) == 1
    [due_now] = nudges(family, "🔔")
    assert due_now.text.startswith("🔔 Due now: #1 Pick up prescriptions")


@family_test
async def test_holder_is_reminded_with_the_mornings_digest(family: Family) -> None:
    """Due later the same day, the holder's reminder is the morning's digest, mentioning them."""
    server = family.server
    await family.joined(GROUP, "Mum's care")  # the digest at 08:00, as by default
    await family.asks(GROUP, ALICE, "task: pick up prescriptions Wednesday 15:00")
    assert await family.reaction_on(GROUP, await family.says(GROUP, BOB, "/claim 1")) == "👌"

    for hour in (8, 13, 15):
        await tick_at(family, datetime(2026, 11, 18, hour, 0, tzinfo=LONDON))
    await server.wait_until(lambda: nudges(family, "🔔") != [])
    [digest] = nudges(family, "☀️")
    assert "• #1 Pick up prescriptions — Wed 18 Nov 15:00 · ✋ Bob" in digest.text
    assert 'href="tg://user?id=12"' in digest.html
    assert nudges(family, "⏰") == []  # no "coming up" at 13:00 as well
    [due_now] = nudges(family, "🔔")
    assert due_now.text.startswith("🔔 Due now: #1 Pick up prescriptions")
    assert 'href="tg://user?id=12"' in due_now.html
