"""A family's Telegram group with the real python-telegram-bot stack, against a Bot API on loopback.

Each test plays the members on ``tests/telegram_server.py`` and asserts on what the group sees:
the messages the server received, their replies, buttons, edits and reactions.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession
from sqlmodel import Session
from telegram.ext import AIORateLimiter

from bot.config import Settings, TelegramSettings
from bot.core import CareCircleCore
from bot.telegram import TelegramTransport
from storage import circles
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
    logs: pytest.LogCaptureFixture
    clock: Clock = field(default_factory=Clock)
    bot: TelegramTransport | None = None

    async def start_bot(self, **telegram: Any) -> TelegramTransport:
        settings = Settings(database_url=self.database_url, default_timezone="Europe/London")
        core = CareCircleCore(Database.open(self.database_url), settings)
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
    assert "dialysis" not in family.logs.text and "physio" not in family.logs.text


@family_test
async def test_a_raised_hand_claims_and_a_tick_completes(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    request = await family.says(GROUP, ALICE, "task: water the plants")
    ack = await family.answer_to(GROUP, request)
    server.reacts(GROUP, BOB, request, "✋")
    await server.wait_until(lambda: ack.text.endswith("✋ Bob"))
    server.reacts(GROUP, BOB, ack.message_id, "✅")
    await server.wait_until(lambda: ack.buttons == [])
    assert "Bob" in ack.text
    said = server.bot_texts(GROUP)[2:]
    assert [text.split(" ")[:3] for text in said] == [["✋", "Bob", "has"], ["✅", "#1", "Water"]]


@family_test
async def test_where_reactions_are_off_the_bot_answers_in_words(family: Family) -> None:
    await family.joined(GROUP, "Mum's care", allows_reactions=False)
    ack = await family.answer_to(GROUP, await family.says(GROUP, ALICE, "task: water the plants"))
    claim = await family.says(GROUP, BOB, "/claim 1", reply_to=ack.message_id)
    assert (await family.answer_to(GROUP, claim)).text.startswith("✋ Bob has #1")
    assert family.server.chats[GROUP].message(claim).reaction is None  # type: ignore[union-attr]


@family_test
async def test_a_bot_started_in_an_outage_connects_when_telegram_is_back(family: Family) -> None:
    await family.stop_bot()
    family.server.fail_next(1, 502, methods=["getMe"])
    await family.start_bot()
    intro = await family.joined(GROUP, "Mum's care")
    assert "carecircle" in intro.text
    refused = [call.method for call in family.server.calls if call.status == 502]
    assert refused == ["getMe"]


@family_test
async def test_a_restarted_bot_records_nothing_twice_and_loses_nothing(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    ack = await family.answer_to(GROUP, await family.says(GROUP, ALICE, "task: book the GP"))
    server.presses(GROUP, BOB, ack.message_id, "✋ I'll take it")
    await server.wait_until(lambda: ack.text.endswith("✋ Bob"))
    server.fail_next(1, 500, methods=["sendMessage"])
    unanswered = await family.says(GROUP, CAROL, "task: order the wheelchair")
    await server.wait_until(lambda: server.calls[-1].status == 500)
    await family.stop_bot()

    while_down = await family.says(GROUP, VERA, "/claim 2")
    server.redeliver_all()  # Telegram sends every update again, from the bot's first day
    family.clock.advance(minutes=5)
    await family.start_bot()

    assert (await family.answer_to(GROUP, unanswered)).text.startswith("📝 #2 Order the wheelchair")
    assert await family.reaction_on(GROUP, while_down) == "👌"
    listing = await family.answer_to(GROUP, await family.says(GROUP, ALICE, "/tasks"))
    assert "#1 Book the GP — ✋ Bob" in listing.text
    assert "#2 Order the wheelchair — ✋ Vera" in listing.text
    texts = server.bot_texts(GROUP)
    assert len(texts) == len(set(texts)) == 4  # the intro, two acknowledgements, the list
    assert len(server.received("setMessageReaction")) == 1


@family_test
async def test_flood_limits_and_outages_delay_messages_but_lose_none(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    server.fail_next(2, 429, retry_after=1)
    server.fail_next(3, 500)
    server.fail_next(1, 500, methods=["getUpdates"])
    titles = ["Book the GP", "Order the wheelchair", "Water the plants"]
    for title in titles:
        await family.says(GROUP, ALICE, f"task: {title}")

    async def delivered() -> bool:
        family.clock.advance(minutes=10)  # past every retry_after and backoff
        assert family.bot is not None
        family.bot.delivery.poke()
        return len(server.bot_messages(GROUP)) == 4

    await server.wait_until(delivered)
    acks = server.bot_texts(GROUP)[1:]
    assert [text.split(" · ")[0] for text in acks] == [
        f"📝 #{number} {title}" for number, title in enumerate(titles, start=1)
    ]
    refused = [(call.method, call.status) for call in server.calls if call.status != 200]
    assert sorted(refused) == sorted(
        [("getUpdates", 500)] + [("sendMessage", 429)] * 2 + [("sendMessage", 500)] * 3
    )
    listing = await family.answer_to(GROUP, await family.says(GROUP, BOB, "/tasks"))
    assert listing.text.count("#") == 3


@family_test
async def test_privacy_mode_is_explained_once(family: Family) -> None:
    server = family.server
    server.can_read_all_group_messages = False
    await family.joined(GROUP, "Mum's care")
    await server.wait_until(lambda: len(server.bot_messages(GROUP)) == 2)
    notice = server.bot_texts(GROUP)[1]
    assert "/setprivacy" in notice and "admin" in notice
    server.bot_added(GROUP, BOB)  # removed and added again
    await family.answer_to(GROUP, await family.says(GROUP, BOB, "/tasks"))
    assert sum("/setprivacy" in text for text in server.bot_texts(GROUP)) == 1

    admin_group = -1009999
    server.add_chat(admin_group, "Dad's care", bot_is_admin=True)
    server.bot_added(admin_group, CAROL, as_admin=True)
    await family.answer_to(admin_group, await family.says(admin_group, CAROL, "/tasks"))
    assert not any("/setprivacy" in text for text in server.bot_texts(admin_group))


@family_test
async def test_a_group_upgraded_to_a_supergroup_keeps_its_circle(family: Family) -> None:
    server = family.server
    old_id, new_id = -4321, -1004321
    await family.joined(old_id, "Mum's care", type="group")
    await family.answer_to(old_id, await family.says(old_id, ALICE, "task: book the GP"))
    server.fail_next(1, 500, methods=["sendMessage"])
    waiting = await family.says(old_id, BOB, "task: order the wheelchair")
    await server.wait_until(lambda: server.calls[-1].status == 500)
    server.upgrades_to_supergroup(old_id, new_id, ALICE)

    listing = await family.answer_to(new_id, await family.says(new_id, CAROL, "/tasks"))
    assert "#1 Book the GP" in listing.text and "#2 Order the wheelchair" in listing.text
    family.clock.advance(minutes=5)
    assert family.bot is not None
    family.bot.delivery.poke()
    # Queued before the upgrade, the acknowledgement follows the group to its new id.
    await server.wait_until(lambda: any("#2 Order" in t for t in server.bot_texts(new_id)))
    assert not family.replies_to(old_id, waiting)
    assert not any("carecircle" in text for text in server.bot_texts(new_id))  # no new intro


@family_test
async def test_answers_stay_in_the_forum_topic_they_were_asked_in(family: Family) -> None:
    server = family.server
    forum = -1007777
    await family.joined(forum, "Family", is_forum=True)
    topic = server.opens_topic(forum, ALICE, "Appointments")
    request = await family.says(forum, ALICE, "task: book the GP", thread_id=topic)
    ack = await family.answer_to(forum, request)
    assert ack.thread_id == topic
    claim = await family.says(forum, BOB, "/claim", reply_to=ack.message_id, thread_id=topic)
    assert await family.reaction_on(forum, claim) == "👌"
    listing = await family.answer_to(
        forum, await family.says(forum, CAROL, "/tasks@carecircle_test_bot", thread_id=topic)
    )
    assert listing.thread_id == topic and "✋ Bob" in listing.text


@family_test
async def test_an_answer_for_a_deleted_topic_goes_to_the_general_chat(family: Family) -> None:
    server = family.server
    forum = -1007777
    await family.joined(forum, "Family", is_forum=True)
    topic = server.opens_topic(forum, ALICE, "Appointments")
    server.fail_next(1, 500, methods=["sendMessage"])
    await family.says(forum, ALICE, "task: book the GP", thread_id=topic)
    await server.wait_until(lambda: server.calls[-1].status == 500)
    server.chats[forum].deleted_topics.add(topic)
    family.clock.advance(minutes=5)
    assert family.bot is not None
    family.bot.delivery.poke()
    await server.wait_until(lambda: len(server.bot_messages(forum)) == 2)
    ack = server.bot_messages(forum)[1]
    assert ack.text.startswith("📝 #1 Book the GP") and ack.thread_id is None


@family_test
async def test_members_text_arrives_as_they_typed_it(family: Family) -> None:
    await family.joined(GROUP, "Mum's care")
    request = await family.says(GROUP, ALICE, "task: <b>book</b> GP & dentist")
    ack = await family.answer_to(GROUP, request)
    assert "<b>book</b> GP & dentist" in ack.text
    assert "&lt;b&gt;book&lt;/b&gt; GP &amp; dentist" in ack.html


@family_test
async def test_an_export_arrives_as_a_file(family: Family) -> None:
    await family.joined(GROUP, "Mum's care")
    await family.answer_to(GROUP, await family.says(GROUP, ALICE, "task: book the GP"))
    export = await family.answer_to(GROUP, await family.says(GROUP, BOB, "/export json"))
    assert export.document is not None
    assert export.document["filename"].endswith(".json")
    assert "Book the GP" in export.document["content"]


@family_test
async def test_a_long_answer_arrives_in_parts_cut_at_line_breaks(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    for number in range(10):
        await family.says(GROUP, ALICE, f"decision: {number} " + "keep the diary up to date " * 38)
    asked = await family.says(GROUP, BOB, "/decisions")
    await family.answer_to(GROUP, asked)
    await server.wait_until(lambda: len(server.bot_messages(GROUP)) == 4)
    parts = server.bot_texts(GROUP)[1:]
    assert sum(len(part) for part in parts) > 10_000
    assert all(len(part) <= 4096 for part in parts)
    assert all(part.endswith("(Alice, Mon 16 Nov)") for part in parts)  # whole lines only
    assert [m.reply_to for m in server.bot_messages(GROUP)[1:]] == [asked, None, None]


@family_test
async def test_in_webhook_mode_telegram_brings_the_messages(family: Family) -> None:
    await family.stop_bot()
    with socket.socket() as probe:  # a free port on loopback for the bot's webhook server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    hook = f"http://127.0.0.1:{port}/telegram"
    await family.start_bot(webhook_url=hook, webhook_listen="127.0.0.1", webhook_port=port)
    assert family.server.webhook is not None and family.server.webhook["url"] == hook

    await family.joined(GROUP, "Mum's care")
    ack = await family.answer_to(GROUP, await family.says(GROUP, ALICE, "task: book the GP"))
    assert ack.text.startswith("📝 #1 Book the GP")
    async with ClientSession() as stranger:
        forged = {"update_id": 999, "message": {}}
        async with stranger.post(hook, json=forged) as refused:
            assert refused.status == 403


@family_test
async def test_an_edited_request_corrects_its_task(family: Family) -> None:
    await family.joined(GROUP, "Mum's care")
    request = await family.says(GROUP, ALICE, "task: book the GP")
    ack = await family.answer_to(GROUP, request)
    family.server.edits(GROUP, ALICE, request, "task: book the dentist")
    await family.server.wait_until(lambda: ack.was_edited)
    assert ack.text.startswith("📝 #1 Book the dentist")
    assert [label for label, _ in ack.buttons] == ["✋ I'll take it", "✅ Done"]


@family_test
async def test_someone_who_leaves_the_group_leaves_the_circle(family: Family) -> None:
    server = family.server
    dan = user(15, "Dan")
    await family.joined(GROUP, "Mum's care")
    await family.answer_to(GROUP, await family.says(GROUP, BOB, "/tasks"))
    server.member_joins(GROUP, dan)
    server.member_leaves(GROUP, BOB)
    await family.answer_to(GROUP, await family.says(GROUP, CAROL, "/tasks"))
    assert family.bot is not None
    assert circle_members(family.bot.core, str(GROUP)) == ["Carol", "Dan"]


def circle_members(core: CareCircleCore, chat_id: str) -> list[str]:
    def names(session: Session) -> list[str]:
        circle = circles.find_circle(session, "telegram", chat_id)
        assert circle is not None and circle.id is not None
        return sorted(member.display_name for member in circles.active_members(session, circle.id))

    return core.database.run(names)
