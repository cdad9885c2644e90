"""The core as the adapters' event loops see it: every call runs off the loop, in order.

The core is synchronous (a database transaction per act). Called directly from a coroutine, a
slow act (a ``/forget`` of a large circle, a database waiting on a lock) would freeze polling,
syncing and delivery for every circle. Here each call runs on one worker thread, one after
another, so acts keep the order they arrived in and the loop stays free.

A database outage has one policy for every adapter: ``until_stored`` waits, with a pause that
doubles, until the act gets through; nothing is dropped, nothing is confirmed too early.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from functools import partial
from typing import ParamSpec, TypeVar

from bot.core import CareCircleCore
from handlers.messages import Incoming, Outgoing
from storage.errors import StorageUnavailable

log = logging.getLogger(__name__)

# Pause before trying again while the database is unreachable: 0.5 s, doubling to 30 s.
FIRST_STORAGE_RETRY_SECONDS = 0.5
MAX_STORAGE_RETRY_SECONDS = 30.0

P = ParamSpec("P")
T = TypeVar("T")


class AsyncCore:
    """``CareCircleCore`` behind awaitable calls, on one worker thread."""

    def __init__(self, core: CareCircleCore) -> None:
        self.core = core
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="carecircle-core")

    async def run(self, call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``call(*args)`` on the worker thread; the loop goes on meanwhile."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, partial(call, *args, **kwargs))

    async def until_stored(self, call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Like ``run``, waiting out a database that cannot be reached, however long."""
        pause = FIRST_STORAGE_RETRY_SECONDS
        while True:
            try:
                return await self.run(call, *args, **kwargs)
            except StorageUnavailable as failure:
                log.warning("an act waits for the database (%s); again in %.1f s", failure, pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, MAX_STORAGE_RETRY_SECONDS)

    async def handle(self, incoming: Incoming, now: datetime) -> list[Outgoing]:
        return await self.until_stored(self.core.handle, incoming, now)

    def close(self) -> None:
        """Let the worker finish what it is doing; no new calls after this."""
        self._worker.shutdown(wait=False, cancel_futures=True)
