"""A family's Telegram group with the real python-telegram-bot stack, against a Bot API on loopback.

Each test plays the members on ``tests/telegram_server.py`` and asserts on what the group sees:
the messages the server received, their replies, buttons, edits and reactions.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from telegram.ext import AIORateLimiter

from bot.config import Settings, TelegramSettings
from bot.core import CareCircleCore
from bot.telegram import TelegramTransport
from storage.database import Database
from tests.conftest import START
from tests.telegram_server import BotApiServer, ChatMessage, user

pytestmark = pytest.mark.telegram

TOKEN = "7000:family-test-token"
GROUP = -1001234
ALICE, BOB, CAROL = user(11, "Alice"), user(12, "Bob"), user(13, "Carol")
VERA = user(14, "Vera")  # a volunteer from the neighbourhood


@dataclass
class Clock:
    """The bot's idea of now; tests move it instead of waiting."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Family:
    """The group on the test server, and the bot process serving it (stopped and started)."""

    server: BotApiServer
    database_url: str
    clock: Clock = field(default_factory=Clock)
    bot: TelegramTransport | None = None

    async def start_bot(self) -> TelegramTransport:
        settings = Settings(database_url=self.database_url, default_timezone="Europe/London")
        core = CareCircleCore(Database.open(self.database_url), settings)
        self.bot = TelegramTransport(
            core,
            TelegramSettings(token=TOKEN, api_url=self.server.url),
            clock=self.clock,
            # Telegram's 20 a minute per group would make a long scenario wait; the pacing
            # itself is python-telegram-bot's, so here it is only loosened.
            rate_limiter=AIORateLimiter(group_max_rate=600, max_retries=0),
            poll_timeout_seconds=1,
        )
        await self.bot.start()
        return self.bot

    async def stop_bot(self) -> None:
        assert self.bot is not None
        await self.bot.stop()
        self.bot = None

    async def says(self, chat_id: int, who: dict, text: str, **options: int) -> int:
        return self.server.says(chat_id, who, text, **options)

    async def answer_to(self, chat_id: int, message_id: int) -> ChatMessage:
        """The bot's reply to a member's message, once it arrives."""
        await self.server.wait_until(lambda: self.replies_to(chat_id, message_id) != [])
        return self.replies_to(chat_id, message_id)[0]

    def replies_to(self, chat_id: int, message_id: int) -> list[ChatMessage]:
        return [m for m in self.server.bot_messages(chat_id) if m.reply_to == message_id]

    async def reaction_on(self, chat_id: int, message_id: int) -> str:
        message = self.server.chats[chat_id].message(message_id)
        assert message is not None
        await self.server.wait_until(lambda: message.reaction is not None)
        return message.reaction or ""

    async def joined(self, chat_id: int, title: str, **options: bool) -> ChatMessage:
        """The bot is added to a new group; returns its introduction."""
        self.server.add_chat(chat_id, title, **options)
        self.server.bot_added(chat_id, ALICE)
        await self.server.wait_until(lambda: self.server.bot_messages(chat_id) != [])
        return self.server.bot_messages(chat_id)[0]


def family_test(
    scenario: Callable[[Family], Awaitable[None]],
) -> Callable[[Path], None]:
    """Run ``scenario`` with a server on loopback and the bot started on a fresh database."""

    def test(tmp_path: Path) -> None:
        async def play() -> None:
            async with BotApiServer(TOKEN) as server:
                family = Family(server, f"sqlite:///{tmp_path / 'circle.db'}")
                await family.start_bot()
                try:
                    await scenario(family)
                finally:
                    if family.bot is not None:
                        await family.stop_bot()

        asyncio.run(asyncio.wait_for(play(), timeout=60))

    test.__name__ = scenario.__name__
    test.__doc__ = scenario.__doc__
    return test


@family_test
async def test_a_family_and_a_volunteer_share_tasks_claims_and_decisions(family: Family) -> None:
    server = family.server
    intro = await family.joined(GROUP, "Mum's care")
    assert "carecircle" in intro.text
    commands = [c["command"] for c in server.received("setMyCommands")[0]["commands"]]
    assert {"tasks", "claim", "done", "decide", "export", "help"} <= set(commands)

    request = await family.says(GROUP, ALICE, "task: pick up prescriptions Friday 15:00")
    ack = await family.answer_to(GROUP, request)
    assert ack.text.startswith("📝 #1 Pick up prescriptions")
    assert [label for label, _ in ack.buttons] == ["✋ I'll take it", "✅ Done"]

    server.presses(GROUP, VERA, ack.message_id, "✋ I'll take it")
    await server.wait_until(lambda: ack.was_edited)
    assert ack.text.endswith("✋ Vera")
    assert len(server.received("answerCallbackQuery")) == 1

    second = await family.says(GROUP, CAROL, "task: drive Dad to dialysis Tuesday 9:00")
    second_ack = await family.answer_to(GROUP, second)
    claim = await family.says(GROUP, BOB, "/claim 2", reply_to=second_ack.message_id)
    assert await family.reaction_on(GROUP, claim) == "👌"
    await server.wait_until(lambda: second_ack.text.endswith("✋ Bob"))

    done = await family.says(GROUP, VERA, "/done 1")
    # ✅ is no reaction a bot may use, so the group reads it as a reply instead.
    assert (await family.answer_to(GROUP, done)).text.startswith("✅ #1 Pick up prescriptions")
    await server.wait_until(lambda: ack.buttons == [])
    assert "Vera" in ack.text

    decision = await family.says(GROUP, ALICE, "decision: physio on Tuesdays")
    assert await family.reaction_on(GROUP, decision) == "✍"

    listing = await family.answer_to(GROUP, await family.says(GROUP, CAROL, "/tasks"))
    assert "#2 Drive Dad to dialysis" in listing.text and "Bob" in listing.text
    assert "#1" not in listing.text
