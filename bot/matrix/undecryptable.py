"""Messages the bot could not decrypt yet: retried as room keys arrive, reported if they never do.

A member's client usually shares the room key in the same sync as the message; when it does not
(an unverified bot device, "never send to unverified sessions"), the bot asks for the key and
waits ``grace`` before telling the room, once, how to fix it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from nio import Event, MegolmEvent
from nio.exceptions import EncryptionError

# How long a key may take to arrive before the room is told.
DEFAULT_GRACE = timedelta(minutes=2)


@dataclass(slots=True)
class _Waiting:
    event: MegolmEvent
    room_id: str
    since: datetime


class UndecryptableMessages:
    """Encrypted events waiting for their room key, oldest first."""

    def __init__(self, grace: timedelta = DEFAULT_GRACE) -> None:
        self.grace = grace
        self._waiting: dict[str, _Waiting] = {}

    def add(self, room_id: str, event: MegolmEvent, now: datetime) -> None:
        self._waiting.setdefault(event.event_id, _Waiting(event, room_id, now))

    def retry(
        self, decrypt: Callable[[MegolmEvent], Event], now: datetime
    ) -> tuple[list[tuple[str, Event]], set[str]]:
        """Decrypt what now can be; returns (room id, event) pairs and rooms that gave up."""
        readable: list[tuple[str, Event]] = []
        given_up: set[str] = set()
        for event_id, waiting in list(self._waiting.items()):
            try:
                event = decrypt(waiting.event)
            except EncryptionError:
                if now - waiting.since >= self.grace:
                    given_up.add(waiting.room_id)
                    del self._waiting[event_id]
                continue
            del self._waiting[event_id]
            readable.append((waiting.room_id, event))
        return readable, given_up
