"""Adapters reach the core off their event loop, in arrival order, waiting out the database."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime

import pytest

from bot import async_core
from bot.async_core import AsyncCore
from handlers.messages import Incoming, Outgoing
from storage.errors import StorageUnavailable

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def message(text: str) -> Incoming:
    return Incoming("console", "family", text, "ann", "Ann", NOW, text=text)


class RecordingCore:
    """Stands in for the core's storage: records what it was handed, in order."""

    def __init__(self, *, hold_first: bool = False, outages: int = 0) -> None:
        self.handled: list[str] = []
        self.started = threading.Event()
        self.release = threading.Event()
        if not hold_first:
            self.release.set()
        self.outages = outages

    def handle(self, incoming: Incoming, now: datetime) -> list[Outgoing]:
        self.started.set()
        self.release.wait()
        if self.outages:
            self.outages -= 1
            raise StorageUnavailable("the database refused the change")
        self.handled.append(incoming.text)
        return []


def test_a_slow_act_leaves_the_loop_free_and_acts_keep_their_order() -> None:
    core = RecordingCore(hold_first=True)
    acts = AsyncCore(core)  # type: ignore[arg-type]

    async def story() -> None:
        first = asyncio.create_task(acts.handle(message("first"), NOW))
        second = asyncio.create_task(acts.handle(message("second"), NOW))
        await asyncio.to_thread(core.started.wait)
        # While the act is held, the loop serves everything else (polling, other circles).
        other_work = await asyncio.wait_for(asyncio.sleep(0, result="served"), timeout=60)
        assert other_work == "served" and not first.done() and not second.done()
        core.release.set()
        await asyncio.gather(first, second)

    asyncio.run(story())
    acts.close()
    assert core.handled == ["first", "second"]


def test_an_act_waits_out_the_database_and_is_stored_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(async_core, "FIRST_STORAGE_RETRY_SECONDS", 0.001)
    core = RecordingCore(outages=2)
    acts = AsyncCore(core)  # type: ignore[arg-type]
    asyncio.run(acts.handle(message("can someone call the GP?"), NOW))
    acts.close()
    assert core.handled == ["can someone call the GP?"]
    assert caplog.text.count("waits for the database") == 2
