"""The outbox delivery loop every transport uses: in order, through a backlog, never twice."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from bot.config import Settings
from bot.core import CareCircleCore
from bot.delivery import POLL_SECONDS, DeliveryLoop
from handlers.messages import Outgoing
from storage.database import Database
from tests.conftest import START, Circle


def sent_texts(sent: list[Outgoing]) -> list[str]:
    return [message.text for message in sent]


def test_a_backlog_goes_out_in_order_without_waiting_between_batches(circle: Circle) -> None:
    for number in range(1, 46):
        circle.say("alice", f"task: errand {number}")
    sent: list[Outgoing] = []

    async def send(message: Outgoing) -> str:
        sent.append(message)
        return f"m{len(sent)}"

    loop = DeliveryLoop(circle.core, "console", send, clock=lambda: circle.now)
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

    loop = DeliveryLoop(core, "console", send, clock=lambda: START)

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

    loop = DeliveryLoop(circle.core, "console", send, clock=lambda: circle.now)

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

    loop = DeliveryLoop(circle.core, "console", send, clock=lambda: circle.now)

    async def start_and_stop_at_once() -> bool:
        task = asyncio.create_task(loop.run())
        await loop.finish(task)  # the task has not had a turn yet
        return task.cancelled()

    assert asyncio.run(asyncio.wait_for(start_and_stop_at_once(), 5)) is False
    assert sent == []  # nothing half-sent: the message waits in the outbox
    assert [message.reaction for message in circle.bot_messages()] == ["✍"]
