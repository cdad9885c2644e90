"""Waking up for nudges: APScheduler keeps the time, the database says what is due.

The scheduler holds no state of its own. On start it queues whatever is due (including what was
missed while the bot was down) and asks the database when the next nudge falls. One APScheduler
job does every tick: it runs at least every minute, since a member's message can bring a nudge
forward (the change clears its circle's moment, and the next look finds it), and each tick moves
the job's next run to the next nudge when that comes sooner. One job, one instance at a time and
a lock shared with ticks asked for directly, so two ticks never overlap; stopping lets the circle
in hand finish and ends without an error. Once an hour a tick also prunes what the retention
windows let go, once its nudges are queued, in a bounded number of short batches
(``bot.pruning``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.core import CareCircleCore
from bot.delivery import utc_now
from bot.nudging import next_wakeup, queue_due_nudges
from bot.pruning import Pruner
from storage.errors import StorageUnavailable

log = logging.getLogger(__name__)

# The longest the scheduler sleeps between two looks at the database.
TICK_SECONDS = 60
NUDGE_JOB = "nudges"


class NudgeScheduler:
    """Queues due nudges into the outbox on time; the delivery loops take it from there."""

    def __init__(self, core: CareCircleCore, clock: Callable[[], datetime] = utc_now) -> None:
        self.core = core
        self.clock = clock
        self.next_nudge_at: datetime | None = None
        self.pruner = Pruner(core.database, core.settings.retention)
        self._scheduler: AsyncIOScheduler | None = None
        self._stopping = threading.Event()  # read by the tick's thread between circles
        self._ticking = asyncio.Lock()
        self._ticks: set[asyncio.Task[None]] = set()  # the job's ticks under way
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def is_running(self) -> bool:
        scheduler = self._scheduler
        return scheduler is not None and scheduler.get_job(NUDGE_JOB) is not None

    async def start(self) -> None:
        """Queue what is due now, then keep waking at the next nudge and every minute."""
        self._stopping.clear()
        self._ticking = asyncio.Lock()
        self._loop = asyncio.get_running_loop()
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._scheduler.start()
        await self.tick()
        self._scheduler.add_job(
            self._wake,
            "interval",
            seconds=TICK_SECONDS,
            id=NUDGE_JOB,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
        self._plan_next()

    async def stop(self) -> None:
        """End the job; a tick under way finishes the circle in hand first."""
        self._stopping.set()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
        for running in list(self._ticks):
            with contextlib.suppress(asyncio.CancelledError):
                await running

    async def tick(self) -> None:
        """One look at the database: queue the due nudges, plan the next wake-up, and prune
        what the retention windows let go (at most hourly, ``bot.pruning``)."""
        async with self._ticking:
            await self._look(self.clock())

    async def _look(self, now: datetime) -> None:
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
        try:
            await asyncio.to_thread(self.pruner.prune_if_due, now, self._stopping.is_set)
        except StorageUnavailable:
            log.warning("pruning put off: the database is unavailable")

    def _wake(self) -> None:
        """The job, run by APScheduler on its worker thread: a tick starts on the bot's loop,
        as a task of the scheduler's own, so a stop waits for it rather than cancelling it."""
        if self._loop is not None and not self._stopping.is_set():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nothing to do
                self._loop.call_soon_threadsafe(self._start_tick)

    def _start_tick(self) -> None:
        if self._stopping.is_set() or self._ticks:  # one tick under way is enough
            return
        task = asyncio.create_task(self._scheduled_tick(), name="nudge-tick")
        self._ticks.add(task)
        task.add_done_callback(self._ticks.discard)

    async def _scheduled_tick(self) -> None:
        try:
            await self.tick()
        except Exception:  # a bug in one tick must not end the nudges for good
            log.exception("nudge tick failed; next try in a minute")
        self._plan_next()

    def _plan_next(self) -> None:
        """Bring the job forward to the next nudge when it comes before the minute is up.

        The clock may be the bot's own (a test, the console); APScheduler waits in real time.
        """
        scheduler = self._scheduler
        job = scheduler.get_job(NUDGE_JOB) if scheduler is not None else None
        if job is None or self.next_nudge_at is None:
            return
        delay = max(self.next_nudge_at - self.clock(), timedelta(0))
        if delay < timedelta(seconds=TICK_SECONDS):
            job.modify(next_run_time=datetime.now(UTC) + delay)
