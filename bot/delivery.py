"""Delivering the outbox to one platform: lease, send, mark delivered, or try again later.

Every message the bot posts waits in the persistent outbox until its platform confirms it, so
an outage, a flood limit or a restart delays messages and never loses them. Adapters give the
loop one coroutine that sends a single ``Outgoing`` and returns the platform's id of the message
members can reply to, or None when it went as a reaction on a member's message.

The loop reads and writes the outbox through the same ``AsyncCore`` as the adapter's acts: off
the event loop, one call at a time, and with its one policy for a database that cannot be
reached (wait, doubling the pause, however long): a message sent but not yet recorded would
otherwise be sent again once its lease ran out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from bot.async_core import AsyncCore
from handlers.messages import Outgoing
from storage.errors import StorageUnavailable
from storage.outbox import LEASE_SECONDS

log = logging.getLogger(__name__)

Send = Callable[[Outgoing], Awaitable[str | None]]
Clock = Callable[[], datetime]

# How often the outbox is looked at when nothing pokes the loop (scheduled nudges land there).
POLL_SECONDS = 1.0
# Backoff after a send that failed without naming a wait of its own: 2 s, doubling, at most 5
# minutes; each chat has its own.
FIRST_BACKOFF_SECONDS = 2.0
MAX_BACKOFF_SECONDS = 300.0
# How long a stopping loop may take to finish the message in flight.
STOP_GRACE_SECONDS = 10.0
# How many messages are leased at a time, shared among the chats that have some due.
BATCH_SIZE = 20
# The rest of a batch goes back rather than out once its lease is this old: the lease must not
# run out (and another process take the message) while a message is on its way.
LEASE_MARGIN = timedelta(seconds=LEASE_SECONDS / 2)


class DeliveryDeferred(Exception):
    """The platform asked us to wait (a flood limit): try again after ``seconds``."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds:.0f} s")
        self.seconds = seconds


class Undeliverable(Exception):
    """The platform refused this message for good (too large, the bot was removed, the chat is
    gone): it is given up with this reason, and its chat's later messages go on."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def worker_name(platform: str) -> str:
    """A lease owner unique to this process, so two bot processes never send the same row."""
    return f"{platform}:{socket.gethostname()}:{os.getpid()}"


class DeliveryLoop:
    """Sends one platform's share of the outbox, in order per chat, for as long as it runs.

    A chat's next message waits until the one before it is delivered or given up, in this
    process and in any other delivering from the same database.
    """

    def __init__(self, acts: AsyncCore, platform: str, send: Send, clock: Clock = utc_now) -> None:
        self.acts = acts
        self.core = acts.core
        self.platform = platform
        self.send = send
        self.clock = clock
        self.worker = worker_name(platform)
        self._poke = asyncio.Event()
        self._chat_backoff: dict[str, float] = {}  # each failing chat's next wait after a failure
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
        """Deliver what is due now; returns how long to rest before looking again.

        Each chat's messages come leased as a lane, in order (see ``storage.outbox.lease_due``).
        A message that must wait (a flood limit, an outage) goes back with its chat's own
        not-before time, and the chat's later messages go back with it untouched; other chats
        carry on at once.
        """
        batch = await self.acts.until_stored(
            self.core.claim_deliveries, self.platform, self.worker, self.clock(), BATCH_SIZE
        )
        leased_at = self.clock()
        progressed = False
        held_chats: set[str] = set()
        for message in batch:
            outbox_id = message.outbox_id or 0
            lease_runs_short = self.clock() - leased_at > LEASE_MARGIN
            if self._stopping or lease_runs_short or message.chat_id in held_chats:
                held_chats.add(message.chat_id)
                await self._release(outbox_id, self.clock())
                continue
            if await self._deliver(message, outbox_id):
                progressed = True
            else:
                held_chats.add(message.chat_id)
        # Something went: the chats may have more (a backlog), so look again at once.
        return 0.0 if progressed else POLL_SECONDS

    async def _deliver(self, message: Outgoing, outbox_id: int) -> bool:
        """Send one message and record what became of it; False when it must wait its turn."""
        chat = message.chat_id
        try:
            platform_id = await self.send(message)
        except DeliveryDeferred as wait:
            log.info(
                "outbox %s waits %.0f s (flood limit in chat %s)", outbox_id, wait.seconds, chat
            )
            await self._release(outbox_id, self.clock() + timedelta(seconds=wait.seconds))
            return False
        except Undeliverable as refusal:
            # The reason names the chat and the platform's answer, never the message's text.
            reason = str(refusal) or type(refusal).__name__
            log.warning("outbox %s given up by %s: %s", outbox_id, self.platform, reason)
            self._chat_backoff.pop(chat, None)
            await self.acts.until_stored(
                self.core.give_up_delivery, outbox_id, reason, self.clock()
            )
            return True
        except Exception as failure:  # a network error, a 5xx, a bug: never the end of the loop
            pause = self._chat_backoff.get(chat, FIRST_BACKOFF_SECONDS)
            self._chat_backoff[chat] = min(pause * 2, MAX_BACKOFF_SECONDS)
            log.warning(
                "outbox %s not delivered (%s); its chat waits %.0f s", outbox_id, failure, pause
            )
            await self._release(outbox_id, self.clock() + timedelta(seconds=pause))
            return False
        self._chat_backoff.pop(chat, None)
        await self.acts.until_stored(self.core.mark_delivered, outbox_id, platform_id, self.clock())
        return True

    async def _release(self, outbox_id: int, not_before: datetime) -> None:
        """Hand a leased message back; if the database refuses, its lease simply expires."""
        try:
            await self.acts.run(self.core.retry_delivery, outbox_id, not_before)
        except StorageUnavailable:
            log.warning("outbox %s waits for its lease to expire", outbox_id)
