"""Waking up for nudges: APScheduler keeps the time, the database says what is due.

The scheduler holds no state of its own. On start it queues whatever is due (including what was
missed while the bot was down) and asks the database when the next nudge falls; it wakes then,
and at least every minute, since a member's message can bring a nudge forward. Two jobs, named
after what they do and replaced in place, are all it keeps in memory.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.core import CareCircleCore
from bot.delivery import utc_now
from bot.nudging import next_wakeup, queue_due_nudges
from storage.errors import StorageUnavailable

log = logging.getLogger(__name__)

# The longest the scheduler sleeps between two looks at the database.
TICK_SECONDS = 60
EVERY_MINUTE_JOB = "nudges:every-minute"
NEXT_NUDGE_JOB = "nudges:next"


class NudgeScheduler:
    """Queues due nudges into the outbox on time; the delivery loops take it from there."""

    def __init__(self, core: CareCircleCore, clock: Callable[[], datetime] = utc_now) -> None:
        self.core = core
        self.clock = clock
        self.next_nudge_at: datetime | None = None
        self._scheduler: AsyncIOScheduler | None = None

    async def start(self) -> None:
        """Queue what is due now, then wake at the next nudge and every minute."""
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._scheduler.start()
        await self.tick()
        self._scheduler.add_job(
            self.tick,
            "interval",
            seconds=TICK_SECONDS,
            id=EVERY_MINUTE_JOB,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
        )

    async def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None

    async def tick(self) -> None:
        """One look at the database: queue the due nudges and plan the next wake-up."""
        now = self.clock()
        try:
            queued = await asyncio.to_thread(queue_due_nudges, self.core, now)
            self.next_nudge_at = await asyncio.to_thread(next_wakeup, self.core, now)
        except StorageUnavailable:
            log.warning("nudges not checked: the database is unavailable; next try in a minute")
            return
        if queued:
            log.info("queued %d nudge message(s)", queued)
        if self.next_nudge_at is not None and self._scheduler is not None:
            # The clock may be the bot's own (a test, the console); APScheduler waits in real time.
            delay = max(self.next_nudge_at - now, timedelta(0))
            self._scheduler.add_job(
                self.tick,
                "date",
                run_date=datetime.now(UTC) + delay,
                id=NEXT_NUDGE_JOB,
                replace_existing=True,
                misfire_grace_time=None,
            )
