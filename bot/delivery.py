"""Delivering the outbox to one platform: lease, send, mark delivered, or try again later.

Every message the bot posts waits in the persistent outbox until its platform confirms it, so
an outage, a flood limit or a restart delays messages and never loses them. Adapters give the
loop one coroutine that sends a single ``Outgoing`` and returns the platform's id of the message
members can reply to, or None when it went as a reaction on a member's message.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from bot.core import CareCircleCore
from handlers.messages import Outgoing
from storage.errors import StorageUnavailable

log = logging.getLogger(__name__)

Send = Callable[[Outgoing], Awaitable[str | None]]
Clock = Callable[[], datetime]

# How often the outbox is looked at when nothing pokes the loop (scheduled nudges land there).
POLL_SECONDS = 1.0
# Backoff after a failure that names no wait of its own: 2 s, doubling, at most 5 minutes.
FIRST_BACKOFF_SECONDS = 2.0
MAX_BACKOFF_SECONDS = 300.0
# How long a stopping loop may take to finish the message in flight.
STOP_GRACE_SECONDS = 10.0
# How many messages are leased at a time; a full batch means more are waiting.
BATCH_SIZE = 20
# A sent message whose delivery cannot be recorded (the database is locked) is recorded again
# this many times, a second apart, before its lease is left to expire.
RECORD_ATTEMPTS = 30


class DeliveryDeferred(Exception):
    """The platform asked us to wait (a flood limit): try again after ``seconds``."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds:.0f} s")
        self.seconds = seconds


class Undeliverable(Exception):
    """The platform refused this message for good (the bot was removed from the chat)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def worker_name(platform: str) -> str:
    """A lease owner unique to this process, so two bot processes never send the same row."""
    return f"{platform}:{socket.gethostname()}:{os.getpid()}"


class DeliveryLoop:
    """Sends one platform's share of the outbox, in order per chat, for as long as it runs."""

    def __init__(
        self, core: CareCircleCore, platform: str, send: Send, clock: Clock = utc_now
    ) -> None:
        self.core = core
        self.platform = platform
        self.send = send
        self.clock = clock
        self.worker = worker_name(platform)
        self._poke = asyncio.Event()
        self._backoff = FIRST_BACKOFF_SECONDS
        self._stopping = False

    def poke(self) -> None:
        """Something was just queued: look at the outbox now rather than at the next poll."""
        self._poke.set()

    async def run(self) -> None:
        """Deliver until ``finish`` is called; each message is sent and recorded as a whole."""
        while not self._stopping:
            pause = await self.deliver_due()
            if self._stopping:
                return
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(pause):
                    await self._poke.wait()
            self._poke.clear()

    async def finish(self, task: asyncio.Task[None]) -> None:
        """End the ``run`` task without cutting a delivery in half.

        A message cancelled between the platform accepting it and the outbox recording it would
        be sent again after a restart; so the loop is asked to stop after the message in flight,
        and cancelled only if that takes longer than ``STOP_GRACE_SECONDS``. A task that has not
        begun yet sees the request when it does, and ends at once.
        """
        self._stopping = True
        self._poke.set()
        await asyncio.wait({task}, timeout=STOP_GRACE_SECONDS)
        if not task.done():
            task.cancel()
            await asyncio.wait({task})
        self._stopping = False  # the loop may run again
        if not task.cancelled() and task.exception() is not None:
            log.error("%s delivery ended with an error", self.platform, exc_info=task.exception())

    async def deliver_due(self) -> float:
        """Deliver what is due now; returns how long to rest before looking again."""
        try:
            batch = self.core.claim_deliveries(self.platform, self.worker, self.clock(), BATCH_SIZE)
        except StorageUnavailable as failure:
            log.warning("%s outbox unreadable (%s); looking again soon", self.platform, failure)
            return self._back_off()
        pause = 0.0 if len(batch) == BATCH_SIZE else POLL_SECONDS  # a backlog: carry on at once
        held_chats: set[str] = set()
        for message in batch:
            outbox_id = message.outbox_id or 0
            if self._stopping or message.chat_id in held_chats:  # stopping, or keeping order
                self._release(outbox_id, self.clock())
                continue
            try:
                platform_id = await self.send(message)
            except DeliveryDeferred as wait:
                held_chats.add(message.chat_id)
                self._release(outbox_id, self.clock() + timedelta(seconds=wait.seconds))
                pause = max(pause, min(wait.seconds, POLL_SECONDS))
            except Undeliverable as refusal:
                log.warning("outbox %s dropped by %s: %s", outbox_id, self.platform, refusal)
                await self._record(outbox_id, None)
            except Exception as failure:  # a network error, a 5xx, a bug: never the end of the loop
                held_chats.add(message.chat_id)
                log.warning("outbox %s not delivered (%s); backing off", outbox_id, failure)
                pause = self._back_off()
                self._release(outbox_id, self.clock() + timedelta(seconds=pause))
            else:
                await self._record(outbox_id, platform_id)
                self._backoff = FIRST_BACKOFF_SECONDS
        return pause

    def _back_off(self) -> float:
        pause, self._backoff = self._backoff, min(self._backoff * 2, MAX_BACKOFF_SECONDS)
        return pause

    def _release(self, outbox_id: int, not_before: datetime) -> None:
        """Hand a leased message back; if the database refuses, its lease simply expires."""
        try:
            self.core.retry_delivery(outbox_id, not_before)
        except StorageUnavailable:
            log.warning("outbox %s waits for its lease to expire", outbox_id)

    async def _record(self, outbox_id: int, platform_id: str | None) -> None:
        """Record a sent message, waiting out a locked database: unrecorded, it would be sent
        again once its lease expires."""
        for attempt in range(1, RECORD_ATTEMPTS + 1):
            try:
                self.core.mark_delivered(outbox_id, platform_id, self.clock())
                return
            except StorageUnavailable as failure:
                if attempt == RECORD_ATTEMPTS:
                    log.error("outbox %s sent but not recorded: %s", outbox_id, failure)
                    return
                await asyncio.sleep(1.0)
