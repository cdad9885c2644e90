"""The outbox delivery loop every transport uses: in order per chat, through a backlog and
across processes, never twice; a chat held up by its platform holds up no other chat."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from bot.async_core import AsyncCore
from bot.config import Settings
from bot.core import CareCircleCore
from bot.delivery import POLL_SECONDS, DeliveryDeferred, DeliveryLoop, Undeliverable
from handlers.messages import Incoming, Outgoing, outgoing_from_json
from storage.database import Database
from storage.models import OutboxMessage
from tests.conftest import START, Circle, postgres_url


def sent_texts(sent: list[Outgoing]) -> list[str]:
    return [message.text for message in sent]


def test_a_message_queued_by_an_earlier_version_still_goes_out() -> None:
    """Earlier versions kept a task's number and an urgency flag in each queued message."""
    queued = (
        '{"platform": "telegram", "chat_id": "-100", "text": "📝 🚨 #3 Come now", '
        '"reply_to_id": "41", "thread_id": null, "reaction": null, "edit_of": null, '
        '"buttons": [{"label": "✋", "action": "claim:3"}], "mentions": [], '
        '"task_number": 3, "is_urgent": true, "attachment": null}'
    )
    message = outgoing_from_json(queued, 9)
    assert (message.text, message.reply_to_id, message.outbox_id) == ("📝 🚨 #3 Come now", "41", 9)
    assert [button.action for button in message.buttons] == ["claim:3"]


def test_a_backlog_goes_out_in_order_without_waiting_between_batches(circle: Circle) -> None:
    for number in range(1, 46):
        circle.say("alice", f"task: errand {number}")
    sent: list[Outgoing] = []

    async def send(message: Outgoing) -> str:
        sent.append(message)
        return f"m{len(sent)}"

    loop = DeliveryLoop(AsyncCore(circle.core), "console", send, clock=lambda: circle.now)
    pauses = []

    async def drain() -> None:
        while True:
            pauses.append(await loop.deliver_due())
            if pauses[-1] > 0:
                return

    asyncio.run(drain())
    titles = [text.split(" · ")[0] for text in sent_texts(sent) if text.startswith("📝")]
    assert titles == [f"📝 #{number} Errand {number}" for number in range(1, 46)]
    # 45 messages and an intro: batch after batch without a rest, and a rest once all are out.
    assert pauses[:-1] == [0.0] * (len(pauses) - 1) and pauses[-1] == POLL_SECONDS
    assert len(pauses) == 4  # 20, 20 and 6 messages, then nothing


def test_a_sent_message_is_recorded_through_a_locked_database(tmp_path: Path) -> None:
    path = tmp_path / "carecircle.db"
    url = f"sqlite:///{path}"
    core = CareCircleCore(Database.open(url, busy_timeout_ms=20), Settings(database_url=url))
    circle = Circle(core)
    circle.say("alice", "task: book the GP")
    sent: list[Outgoing] = []
    locker = sqlite3.connect(path, isolation_level=None)

    async def send(message: Outgoing) -> str:
        sent.append(message)
        # Another process holds the database just as the platform accepts the message.
        locker.execute("BEGIN EXCLUSIVE")
        asyncio.get_running_loop().call_later(1.5, locker.execute, "COMMIT")
        return f"m{len(sent)}"

    loop = DeliveryLoop(AsyncCore(core), "console", send, clock=lambda: START)

    async def deliver_twice() -> None:
        await loop.deliver_due()
        await loop.deliver_due()

    asyncio.run(deliver_twice())
    locker.close()
    assert len(sent) == 2  # the introduction and the acknowledgement, each once
    assert circle.bot_messages() == []  # nothing left to send: both were recorded


def test_finishing_lets_the_message_in_flight_be_recorded(circle: Circle) -> None:
    circle.say("alice", "task: book the GP")
    circle.say("alice", "task: order the wheelchair")
    sent: list[Outgoing] = []

    async def send(message: Outgoing) -> str:
        await asyncio.sleep(0.2)  # the platform is slow to answer
        sent.append(message)
        return f"m{len(sent)}"

    loop = DeliveryLoop(AsyncCore(circle.core), "console", send, clock=lambda: circle.now)

    async def start_then_stop() -> None:
        task = asyncio.create_task(loop.run())
        await asyncio.sleep(0.05)  # the first message is in flight
        await loop.finish(task)

    asyncio.run(start_then_stop())
    assert [text.split(" · ")[0] for text in sent_texts(sent)] == ["📝 #1 Book the GP"]
    waiting = circle.bot_messages()  # the rest is still in the outbox, not lost
    assert [message.text.split(" · ")[0] for message in waiting] == ["📝 #2 Order the wheelchair"]


def test_a_stop_asked_for_before_the_loop_begins_ends_it_at_once(circle: Circle) -> None:
    circle.say("alice", "task: book the GP")
    sent: list[Outgoing] = []

    async def send(message: Outgoing) -> str:
        sent.append(message)
        return f"m{len(sent)}"

    loop = DeliveryLoop(AsyncCore(circle.core), "console", send, clock=lambda: circle.now)

    async def start_and_stop_at_once() -> bool:
        task = asyncio.create_task(loop.run())
        await loop.finish(task)  # the task has not had a turn yet
        return task.cancelled()

    assert asyncio.run(asyncio.wait_for(start_and_stop_at_once(), 5)) is False
    assert sent == []  # nothing half-sent: the message waits in the outbox
    assert [message.reaction for message in circle.bot_messages()] == ["✍"]


def test_a_rate_limited_chat_does_not_hold_back_another_chat(core: CareCircleCore) -> None:
    family, neighbours = Circle(core, chat_id="family"), Circle(core, chat_id="neighbours")
    for circle in (family, neighbours):
        for number in range(1, 4):
            circle.say("alice", f"task: errand {number}")
    clock = Clock()
    sent: list[Outgoing] = []
    refused: list[Outgoing] = []

    async def send(message: Outgoing) -> str:
        if message.chat_id == "family" and not refused:
            refused.append(message)  # the platform's flood limit, for this chat only
            raise DeliveryDeferred(60)
        sent.append(message)
        return f"m{len(sent)}"

    loop = DeliveryLoop(AsyncCore(core), "console", send, clock=clock)
    asyncio.run(deliver_until(loop, lambda: chat_ids(sent).count("neighbours") == 4))
    # The other chat went on at once (an introduction and three marks); the limited one kept
    # every message back behind the one refused.
    assert chat_ids(sent) == ["neighbours"] * 4
    asyncio.run(loop.deliver_due())
    assert chat_ids(sent) == ["neighbours"] * 4  # the minute has not passed

    clock.advance(seconds=61)
    asyncio.run(deliver_until(loop, lambda: len(sent) == 8))
    family_sent = [message for message in sent if message.chat_id == "family"]
    assert family_sent[0].outbox_id == refused[0].outbox_id  # the one held up goes first
    assert in_queue_order(sent)
    assert outbox_left(core) == []


def test_after_an_outage_a_chat_waits_its_own_backoff_and_keeps_its_order(
    core: CareCircleCore,
) -> None:
    family, neighbours = Circle(core, chat_id="family"), Circle(core, chat_id="neighbours")
    family.say("alice", "task: book the GP")
    neighbours.say("bob", "task: water the plants")
    family.say("alice", "/tasks")  # a text reply behind the mark that fails
    clock = Clock()
    sent: list[Outgoing] = []
    failures = iter(range(2))  # the platform answers the family chat's first two tries with a 500

    async def send(message: Outgoing) -> str:
        if message.chat_id == "family" and next(failures, None) is not None:
            raise RuntimeError("500 Internal Server Error")
        sent.append(message)
        return f"m{len(sent)}"

    loop = DeliveryLoop(AsyncCore(core), "console", send, clock=clock)
    asyncio.run(deliver_until(loop, lambda: "neighbours" in chat_ids(sent)))
    assert chat_ids(sent) == ["neighbours"] * 2  # the introduction and the mark
    clock.advance(seconds=2)  # the first backoff
    asyncio.run(loop.deliver_due())  # the second try fails too: now 4 seconds
    clock.advance(seconds=3)
    asyncio.run(loop.deliver_due())
    assert "family" not in chat_ids(sent)
    clock.advance(seconds=1)
    asyncio.run(deliver_until(loop, lambda: outbox_left(core) == []))
    assert in_queue_order(sent)
    assert sent[-1].chat_id == "family" and sent[-1].text.startswith("Open tasks")


def test_a_message_refused_for_good_is_given_up_and_the_chat_goes_on(
    circle: Circle, caplog: pytest.LogCaptureFixture
) -> None:
    circle.say("alice", "task: book the GP")
    circle.say("alice", "/tasks")
    sent: list[Outgoing] = []

    async def send(message: Outgoing) -> str:
        if message.reaction:
            raise Undeliverable("chat family: Request Entity Too Large")
        sent.append(message)
        return f"m{len(sent)}"

    loop = DeliveryLoop(AsyncCore(circle.core), "console", send, clock=lambda: circle.now)
    with caplog.at_level(logging.WARNING):
        asyncio.run(deliver_until(loop, lambda: outbox_left(circle.core) == []))
    [listing] = sent  # the mark was refused; the list asked for after it still came
    assert listing.text.startswith("Open tasks") and "#1 Book the GP" in listing.text
    with circle.core.database.transaction() as session:
        given_up = session.exec(
            select(OutboxMessage).where(col(OutboxMessage.failure).is_not(None))
        ).one()
    assert given_up.failure == "chat family: Request Entity Too Large"
    assert given_up.platform_message_id is None
    assert "given up" in caplog.text and "Book the GP" not in caplog.text


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_url(request: pytest.FixtureRequest, database_url: str) -> str:
    return database_url if request.param == "sqlite" else postgres_url()


@pytest.mark.parametrize("process_count", [2])
def test_two_delivery_loops_on_one_database_keep_each_chat_in_order(
    shared_url: str, process_count: int
) -> None:
    """Two bot processes (each its own engine and loop, in its own thread) share the outbox of
    three busy chats; the platform limits some messages' first try. Each chat still gets its
    messages one at a time, in the order they were queued, each once."""
    first = process(shared_url)
    for number in range(1, 13):
        for chat in ("family", "neighbours", "church"):
            first.handle(incoming(chat, f"{chat}-{number}", f"task: errand {number}"), START)
    lock = threading.Lock()
    sent: list[Outgoing] = []
    in_flight: set[str] = set()
    overlaps: list[str] = []
    limited: set[int] = set()

    async def send(message: Outgoing) -> str:
        with lock:
            if message.chat_id in in_flight:
                overlaps.append(message.chat_id)
            in_flight.add(message.chat_id)
        try:
            await asyncio.sleep(0.002)  # the platform takes a moment; the other process goes on
            with lock:
                outbox_id = message.outbox_id or 0
                if outbox_id % 4 == 0 and outbox_id not in limited:
                    limited.add(outbox_id)
                    raise DeliveryDeferred(0.01)
                sent.append(message)
                return f"m{outbox_id}"
        finally:
            with lock:
                in_flight.discard(message.chat_id)

    def deliver(core: CareCircleCore) -> None:
        loop = DeliveryLoop(AsyncCore(core), "console", send)
        loop.worker += f":{threading.get_ident()}"  # two processes, two lease owners
        # The other process may hold every lane for a while: many rounds may find nothing.
        asyncio.run(deliver_until(loop, lambda: outbox_left(core) == [], 0.005, rounds=5_000))

    with ThreadPoolExecutor(process_count) as pool:
        list(pool.map(deliver, [first] + [process(shared_url) for _ in range(process_count - 1)]))
    assert overlaps == []
    assert (
        len(sent) == len({message.outbox_id for message in sent}) == 3 * (1 + 12)
    )  # introductions and marks
    assert in_queue_order(sent)
    assert limited  # some messages were held up and the chat waited for them


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


async def deliver_until(
    loop: DeliveryLoop, done: Callable[[], bool], rest: float = 0.0, rounds: int = 1_000
) -> None:
    """Run delivery rounds until ``done``; fails rather than hangs when it never is."""
    for _ in range(rounds):
        if done():
            return
        await loop.deliver_due()
        await asyncio.sleep(rest)
    raise AssertionError("delivery never got there")


def chat_ids(sent: list[Outgoing]) -> list[str]:
    return [message.chat_id for message in sent]


def in_queue_order(sent: list[Outgoing]) -> bool:
    """Each chat's messages went out in the order they were queued (outbox ids rise)."""
    for chat in set(chat_ids(sent)):
        ids = [message.outbox_id or 0 for message in sent if message.chat_id == chat]
        if ids != sorted(ids):
            return False
    return True


def outbox_left(core: CareCircleCore) -> list[int]:
    """Rows neither delivered nor given up."""
    with core.database.transaction() as session:
        return list(
            session.exec(
                select(OutboxMessage.id).where(col(OutboxMessage.delivered_at).is_(None))
            ).all()
        )


def process(url: str) -> CareCircleCore:
    """A separate bot process: its own engine and core on the same database."""
    return CareCircleCore(Database.open(url), Settings(database_url=url))


def incoming(chat: str, message_id: str, text: str) -> Incoming:
    return Incoming("console", chat, message_id, "alice", "Alice", START, text=text)
