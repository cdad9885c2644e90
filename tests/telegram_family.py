"""Playing a family's Telegram group against the test Bot API server, with the real bot.

``family_test`` runs a scenario with the server on loopback and the bot started on a fresh
database; ``Family`` plays the members and waits for what the group would see.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session
from telegram.ext import AIORateLimiter

from bot.config import Settings, TelegramSettings
from bot.core import CareCircleCore
from bot.telegram import TelegramTransport
from storage import circles
from storage.database import Database
from tests.conftest import START
from tests.telegram_chats import ChatMessage, user
from tests.telegram_server import BotApiServer

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
    logs: pytest.LogCaptureFixture
    clock: Clock = field(default_factory=Clock)
    bot: TelegramTransport | None = None

    async def start_bot(self, **telegram: Any) -> TelegramTransport:
        settings = Settings(database_url=self.database_url, default_timezone="Europe/London")
        # A locked database gives up in 50 ms rather than freezing the scenario for seconds.
        core = CareCircleCore(Database.open(self.database_url, busy_timeout_ms=50), settings)
        self.bot = TelegramTransport(
            core,
            TelegramSettings(token=TOKEN, api_url=self.server.url, **telegram),
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

    async def says(self, chat_id: int, who: dict[str, Any], text: str, **options: int) -> int:
        return self.server.says(chat_id, who, text, **options)

    async def answer_to(self, chat_id: int, message_id: int) -> ChatMessage:
        """The bot's reply to a member's message, once it arrives."""
        await self.server.wait_until(lambda: self.replies_to(chat_id, message_id) != [])
        return self.replies_to(chat_id, message_id)[0]

    def replies_to(self, chat_id: int, message_id: int) -> list[ChatMessage]:
        return [m for m in self.server.bot_messages(chat_id) if m.reply_to == message_id]

    async def reaction_on(self, chat_id: int, message_id: int) -> str:
        """The bot's reaction on a message, once it is there."""
        message = self.server.chats[chat_id].message(message_id)
        assert message is not None
        await self.server.wait_until(lambda: message.reaction is not None)
        return message.reaction or ""

    async def asks(self, chat_id: int, who: dict[str, Any], text: str, **options: int) -> int:
        """A member asks for something; returns the request's id once the bot has marked it ✍
        (noted as a task, quietly)."""
        request = await self.says(chat_id, who, text, **options)
        assert await self.reaction_on(chat_id, request) == "✍"
        return request

    async def joined(self, chat_id: int, title: str, **options: Any) -> ChatMessage:
        """The bot is added to a new group; returns its introduction."""
        self.server.add_chat(chat_id, title, **options)
        self.server.bot_added(chat_id, ALICE)
        await self.server.wait_until(lambda: self.server.bot_messages(chat_id) != [])
        return self.server.bot_messages(chat_id)[0]


def family_test(
    scenario: Callable[[Family], Awaitable[None]],
) -> Callable[[Path, pytest.LogCaptureFixture], None]:
    """Run ``scenario`` with a server on loopback and the bot started on a fresh database.

    Whatever happens in it, the bot's token never reaches the log, at any log level.
    """

    def test(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.DEBUG)

        async def play() -> None:
            async with BotApiServer(TOKEN) as server:
                family = Family(server, f"sqlite:///{tmp_path / 'circle.db'}", caplog)
                await family.start_bot()
                try:
                    await scenario(family)
                finally:
                    if family.bot is not None:
                        await family.stop_bot()

        asyncio.run(asyncio.wait_for(play(), timeout=60))
        assert TOKEN.split(":")[1] not in caplog.text

    test.__name__ = scenario.__name__
    test.__doc__ = scenario.__doc__
    return test


def circle_members(core: CareCircleCore, chat_id: str) -> list[str]:
    """Names of the circle's members, as the core keeps them."""

    def names(session: Session) -> list[str]:
        circle = circles.find_circle(session, "telegram", chat_id)
        assert circle is not None and circle.id is not None
        return sorted(member.display_name for member in circles.active_members(session, circle.id))

    return core.database.run(names)
