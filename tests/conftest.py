"""Shared fixtures: a core on a real SQLite file, a circle members can talk in, and Synapse."""

from __future__ import annotations

import itertools
import os
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.config import Settings
from bot.core import CareCircleCore
from handlers.messages import Incoming, Outgoing
from storage.database import Database
from tests.matrix_scene import Scene
from tests.synapse import Synapse

START = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # a Monday


@dataclass
class Circle:
    """A group chat in a test: members speak, the clock moves, the outbox is read like a chat."""

    core: CareCircleCore
    chat_id: str = "family"
    platform: str = "console"
    now: datetime = START
    has_reactions: bool = True  # False: the chat shows each reaction's fallback text instead
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def say(self, who: str, text: str = "", **fields: object) -> str:
        """A member sends a message; returns its id."""
        message_id = str(next(self._ids))
        self.core.handle(self.incoming(who, message_id, text=text, **fields), self.now)
        return message_id

    def incoming(self, who: str, message_id: str, **fields: object) -> Incoming:
        return Incoming(
            platform=self.platform,
            chat_id=self.chat_id,
            message_id=message_id,
            sender_id=who.lower(),
            sender_name=who.title(),
            sent_at=self.now,
            **fields,  # type: ignore[arg-type]
        )

    def bot_messages(self) -> list[Outgoing]:
        """Deliver everything queued, as the chat would show it, and return it.

        A reaction is no message a member could reply to, so it gets no id, as on a platform.
        """
        delivered = []
        while batch := self.core.claim_deliveries(self.platform, "test", self.now):
            for message in batch:
                is_mark = message.reaction is not None and self.has_reactions
                reply_target = None if is_mark else f"bot-{message.outbox_id}"
                self.core.mark_delivered(message.outbox_id or 0, reply_target, self.now)
                delivered.append(message)
        return delivered

    def texts(self) -> list[str]:
        return [message.text for message in self.bot_messages()]

    def later(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'circle.db'}"


@pytest.fixture
def core(database_url: str) -> CareCircleCore:
    settings = Settings(database_url=database_url, default_timezone="Europe/London")
    return CareCircleCore(Database.open(database_url), settings)


@pytest.fixture
def circle(core: CareCircleCore) -> Circle:
    chat = Circle(core)
    core.bot_joined(chat.platform, chat.chat_id, "Mum", chat.now)
    chat.bot_messages()  # the introduction
    return chat


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    """One throwaway Synapse on loopback for every Matrix test of the run."""
    pytest.importorskip("synapse", reason="matrix-synapse is not installed (the test extra)")
    server = Synapse(tmp_path_factory.mktemp("synapse"))
    server.configure()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def scene(synapse: Synapse, tmp_path: Path) -> Scene:
    """A bot account of its own on that Synapse, for one test."""
    suffix = secrets.token_hex(3)
    return Scene(synapse, tmp_path, synapse.register(f"carecircle-{suffix}"), suffix)


def postgres_url() -> str:
    """A new, empty database on the test PostgreSQL server (the test is skipped without one)."""
    url = os.environ.get("CARECIRCLE_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("no PostgreSQL server: set CARECIRCLE_TEST_POSTGRES_URL (CI does)")
    schema_db = f"carecircle_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {schema_db}"))
    admin.dispose()
    return url.rsplit("/", 1)[0] + "/" + schema_db
