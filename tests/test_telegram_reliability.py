"""The Telegram bot through restarts, flood limits, outages and webhook delivery, end to end.

Nothing a member says is recorded twice and nothing the bot says is lost or sent twice.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3

import pytest
from aiohttp import ClientSession
from telegram.error import NetworkError

from bot.delivery import Undeliverable
from bot.telegram.sending import TelegramSender
from handlers.messages import Outgoing
from tests.telegram_family import (
    ALICE,
    BOB,
    CAROL,
    GROUP,
    VERA,
    Family,
    family_test,
)

pytestmark = pytest.mark.telegram


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
    request = await family.asks(GROUP, ALICE, "task: book the GP")
    taken = await family.says(GROUP, BOB, "I'll take it", reply_to=request)
    assert await family.reaction_on(GROUP, taken) == "👌"
    server.fail_next(1, 500, methods=["setMessageReaction"])
    before = len(server.calls)
    unanswered = await family.says(GROUP, CAROL, "task: order the wheelchair")
    await server.wait_until(lambda: any(call.status == 500 for call in server.calls[before:]))
    await family.stop_bot()

    while_down = await family.says(GROUP, VERA, "/claim 2")
    server.redeliver_all()  # Telegram sends every update again, from the bot's first day
    family.clock.advance(minutes=5)
    await family.start_bot()

    assert await family.reaction_on(GROUP, unanswered) == "✍"
    assert await family.reaction_on(GROUP, while_down) == "👌"
    listing = await family.answer_to(GROUP, await family.says(GROUP, ALICE, "/tasks"))
    assert "#1 Book the GP — ✋ Bob" in listing.text
    assert "#2 Order the wheelchair — ✋ Vera" in listing.text
    assert "#3" not in listing.text
    texts = server.bot_texts(GROUP)
    assert len(texts) == len(set(texts)) == 2  # the intro and the list
    marks = [
        (r["message_id"], r["reaction"][0]["emoji"]) for r in server.received("setMessageReaction")
    ]
    assert marks == [(request, "✍"), (taken, "👌"), (unanswered, "✍"), (while_down, "👌")]


@family_test
async def test_flood_limits_and_outages_delay_messages_but_lose_none(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    server.fail_next(2, 429, retry_after=1)
    server.fail_next(3, 500)
    server.fail_next(1, 500, methods=["getUpdates"])
    titles = ["Book the GP", "Order the wheelchair", "Water the plants"]
    requests = [await family.says(GROUP, ALICE, f"task: {title}") for title in titles]
    asked = await family.says(GROUP, BOB, "/tasks")

    async def delivered() -> bool:
        family.clock.advance(minutes=10)  # past every retry_after and backoff
        assert family.bot is not None
        family.bot.delivery.poke()
        marks = server.received("setMessageReaction")
        return (
            server.served_all_failures()
            and len(marks) == 3
            and len(family.replies_to(GROUP, asked)) == 1
        )

    await server.wait_until(delivered)
    # Every request got its mark, once and in order, and then the list that was asked for: the
    # chat's later messages waited for the one held up by the flood limit and the outage.
    marked = [
        (r["message_id"], r["reaction"][0]["emoji"]) for r in server.received("setMessageReaction")
    ]
    assert marked == [(request, "✍") for request in requests]
    [listing] = family.replies_to(GROUP, asked)
    assert [line.split(" — ")[0] for line in listing.text.splitlines() if "#" in line] == [
        f"#{number} {title}" for number, title in enumerate(titles, start=1)
    ]
    refused = [(call.method, call.status) for call in server.calls if call.status != 200]
    assert sorted(refused) == sorted(
        [("getUpdates", 500)]
        + [("setMessageReaction", 429)] * 2
        + [("setMessageReaction", 500)] * 3
    )


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
    await family.asks(GROUP, ALICE, "task: book the GP")
    listing = await family.answer_to(GROUP, await family.says(GROUP, BOB, "/tasks"))
    assert "#1 Book the GP" in listing.text
    async with ClientSession() as stranger:
        forged = {"update_id": 999, "message": {}}
        async with stranger.post(hook, json=forged) as refused:
            assert refused.status == 403


@family_test
async def test_while_the_database_is_locked_members_wait_and_lose_nothing(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    lock = sqlite3.connect(family.database_url.removeprefix("sqlite:///"))
    lock.execute("BEGIN EXCLUSIVE")
    first = await family.says(GROUP, ALICE, "task: book the GP")
    second = await family.says(GROUP, BOB, "task: order the wheelchair")
    await server.wait_until(lambda: "waits for the database" in family.logs.text)
    lock.rollback()
    lock.close()
    assert await family.reaction_on(GROUP, first) == "✍"
    assert await family.reaction_on(GROUP, second) == "✍"
    listing = await family.answer_to(GROUP, await family.says(GROUP, CAROL, "/tasks"))
    assert "#1 Book the GP" in listing.text and "#2 Order the wheelchair" in listing.text
    assert "#3" not in listing.text


@family_test
async def test_a_bot_that_dies_while_the_database_is_away_loses_no_update(family: Family) -> None:
    """Telegram forgets an update once the bot confirms it: that waits until it is handled."""
    server = family.server
    await family.joined(GROUP, "Mum's care")
    lock = sqlite3.connect(family.database_url.removeprefix("sqlite:///"))
    # The introduction reaches the group a moment before the bot records it as delivered. The
    # lock waits for that record: this scenario is about an update in hand, not a message in
    # flight (whose lease would hold the chat's later messages back for a minute).
    undelivered = "SELECT count(*) FROM outboxmessage WHERE delivered_at IS NULL"
    await server.wait_until(lambda: lock.execute(undelivered).fetchone() == (0,))
    lock.execute("BEGIN EXCLUSIVE")
    asked = await family.says(GROUP, ALICE, "task: book the GP")
    await server.wait_until(lambda: "waits for the database" in family.logs.text)
    await family.stop_bot()  # the process ends with the update in hand
    lock.rollback()
    lock.close()
    await family.start_bot()
    assert await family.reaction_on(GROUP, asked) == "✍"
    listing = await family.answer_to(GROUP, await family.says(GROUP, BOB, "/tasks"))
    assert "#1 Book the GP" in listing.text and "#2" not in listing.text


@family_test
async def test_a_long_answer_held_up_midway_is_finished_not_repeated(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    for number in range(10):
        await family.says(GROUP, ALICE, f"decision: {number} " + "keep the diary up to date " * 38)
    server.fail_next(1, 429, retry_after=1, methods=["sendMessage"], after=1)
    asked = await family.says(GROUP, BOB, "/decisions")

    async def answered() -> bool:
        family.clock.advance(minutes=1)  # the outbox would try again at once, were it asked
        assert family.bot is not None
        family.bot.delivery.poke()
        return len(server.bot_messages(GROUP)) >= 4

    await server.wait_until(answered)
    parts = server.bot_messages(GROUP)[1:]
    assert [part.reply_to for part in parts] == [asked, None, None]
    assert [part.text.split(" ")[0] for part in parts] == ["Decisions:\n#1", "#5", "#9"]


def test_a_file_too_large_for_telegram_is_given_up_not_retried() -> None:
    class RefusingBot:
        async def send_message(self, **_: object) -> None:
            raise NetworkError("Request Entity Too Large")  # how the library reports an HTTP 413

    sender = TelegramSender(RefusingBot())  # type: ignore[arg-type]
    with pytest.raises(Undeliverable, match="Too Large"):
        asyncio.run(sender.send(Outgoing(platform="telegram", chat_id=str(GROUP), text="export")))


def test_a_lost_connection_is_tried_again() -> None:
    class UnreachableBot:
        async def send_message(self, **_: object) -> None:
            raise NetworkError("Connection reset by peer")

    sender = TelegramSender(UnreachableBot())  # type: ignore[arg-type]
    with pytest.raises(NetworkError):
        asyncio.run(sender.send(Outgoing(platform="telegram", chat_id=str(GROUP), text="hello")))
