"""A test's cast for the Matrix end-to-end tests: the bot account, its processes, the family.

A ``Scene`` registers people on the test homeserver, starts bot processes on one database and
one Matrix store (as restarts of the same bot), and tidies all of them away when the story ends.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from nio import Event

from bot.config import MatrixSettings, Settings
from bot.core import CareCircleCore
from bot.delivery import Clock, utc_now
from bot.matrix import MatrixTransport
from bot.matrix.undecryptable import DEFAULT_GRACE
from storage.database import SQLITE_BUSY_TIMEOUT_MS, Database
from tests.matrix_family import Member, settle
from tests.synapse import RegisteredUser, Synapse

READY_TIMEOUT_SECONDS = 30.0


@dataclass
class Scene:
    """One test's people: a bot account with its store and database, and family to register."""

    synapse: Synapse
    folder: Path
    bot: RegisteredUser
    suffix: str
    members: list[Member] = field(default_factory=list)
    bots: list[MatrixTransport] = field(default_factory=list)

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.folder / 'circle.db'}"

    def member(self, name: str) -> Member:
        user = self.synapse.register(f"{name}-{self.suffix}")
        member = Member(self.synapse.url, user, name.title(), self.folder / name)
        self.members.append(member)
        return member

    def transport(
        self,
        undecryptable_grace: timedelta = DEFAULT_GRACE,
        busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS,
        core_class: type[CareCircleCore] = CareCircleCore,
        clock: Clock = utc_now,
        **settings: Any,
    ) -> MatrixTransport:
        """A bot process: a fresh core on the test's database, the test's Matrix store."""
        database = Database.open(self.database_url, busy_timeout_ms)
        core = core_class(database, Settings(database_url=self.database_url))
        matrix = MatrixSettings(
            **{
                "homeserver": self.synapse.url,
                "user": self.bot.user_id,
                "password": self.bot.password,
                "store_path": self.folder / "bot-store",
            }
            | settings
        )
        transport = MatrixTransport(
            core, matrix, clock=clock, undecryptable_grace=undecryptable_grace
        )
        self.bots.append(transport)
        return transport

    def play(self, story: Callable[[], Awaitable[None]]) -> None:
        """Run the story, then stop every bot and close every member's client."""

        async def played() -> None:
            try:
                await story()
            finally:
                for bot in self.bots:
                    await bot.stop()
                for member in self.members:
                    await member.close()

        asyncio.run(played())


async def started(transport: MatrixTransport) -> MatrixTransport:
    await transport.start()
    await asyncio.wait_for(transport.ready.wait(), READY_TIMEOUT_SECONDS)
    return transport


async def circle_with_bot(
    scene: Scene, *names: str, encrypted: bool = True, **bot_options: Any
) -> tuple[list[Member], str, MatrixTransport]:
    """Members in a room (encrypted unless asked), the first of whom invites the running bot."""
    members = [scene.member(name) for name in names]
    for member in members:
        await member.log_in()
    first = members[0]
    others = [member.user_id for member in members[1:]]
    room_id = await first.create_room("Mum", others, encrypted=encrypted)
    await settle(*members)
    bot = await started(scene.transport(**bot_options))
    await first.invite(room_id, scene.bot.user_id)
    await first.wait_for_text(scene.bot.user_id, "carecircle")
    return members, room_id, bot


def relation_of(event: Event) -> dict[str, object]:
    return event.source["content"].get("m.relates_to", {})
