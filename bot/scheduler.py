"""Waking up for nudges: one loop keeps the time, the database says what is due.

The scheduler holds no state of its own. On start it queues whatever is due (including what was
missed while the bot was down) and asks the database when the next nudge falls; it sleeps until
then, and at most a minute, since a member's message can bring a nudge forward (the change
clears its circle's moment, and the next look finds it). One loop runs every tick, so two ticks
never overlap; stopping lets the circle in hand finish and ends the loop without an error.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.core import CareCircleCore
from bot.delivery import utc_now
from bot.nudging import next_wakeup, queue_due_nudges
from storage.errors import StorageUnavailable

log = logging.getLogger(__name__)

# The longest the scheduler sleeps between two looks at the database.
TICK_SECONDS = 60


class NudgeScheduler:
    """Queues due nudges into the outbox on time; the delivery loops take it from there."""

    def __init__(self, core: CareCircleCore, clock: Callable[[], datetime] = utc_now) -> None:
        self.core = core
        self.clock = clock
        self.next_nudge_at: datetime | None = None
        self._loop: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._stopping = threading.Event()  # read by the tick's thread between circles
        self._ticking = asyncio.Lock()

    @property
    def is_running(self) -> bool:
        return self._loop is not None and not self._loop.done()

    async def start(self) -> None:
        """Queue what is due now, then keep waking at the next nudge and every minute."""
        self._stopping.clear()
        self._wake = asyncio.Event()
        await self.tick()
        self._loop = asyncio.create_task(self._run(), name="nudges")

    async def stop(self) -> None:
        """End the loop; a tick under way finishes the circle in hand first."""
        self._stopping.set()
        self._wake.set()
        if self._loop is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
            self._loop = None

    async def tick(self) -> None:
        """One look at the database: queue the due nudges and plan the next wake-up."""
        async with self._ticking:
            now = self.clock()
            try:
                queued = await asyncio.to_thread(
                    queue_due_nudges, self.core, now, self._stopping.is_set
                )
                self.next_nudge_at = await asyncio.to_thread(next_wakeup, self.core, now)
            except StorageUnavailable:
                log.warning("nudges not checked: the database is unavailable; next try in a minute")
                self.next_nudge_at = None
                return
            if queued:
                log.info("queued %d nudge message(s)", queued)

    def _delay(self) -> float:
        """Seconds until the next nudge (by the bot's clock), at most a minute."""
        delay = timedelta(seconds=TICK_SECONDS)
        if self.next_nudge_at is not None:
            delay = min(delay, max(self.next_nudge_at - self.clock(), timedelta(0)))
        return delay.total_seconds()

    async def _run(self) -> None:
        while not self._stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._delay())
            self._wake.clear()
            if self._stopping.is_set():
                return
            try:
                await self.tick()
            except Exception:  # a bug in one tick must not end the nudges for good
                log.exception("nudge tick failed; next try in a minute")
