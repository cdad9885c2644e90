"""What ``carecircle run`` needs of a transport: start it, and stop it cleanly."""

from __future__ import annotations

from typing import Protocol


class Transport(Protocol):
    """A platform adapter running inside the bot's one event loop.

    ``start`` returns once the transport is receiving and delivering (its loops run as tasks);
    ``stop`` ends them, leaving undelivered messages in the outbox for the next start.
    """

    platform: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...
