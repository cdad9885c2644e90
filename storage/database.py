"""Opening the database: engine settings, schema migrations, and one transaction per change."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from storage.errors import StorageUnavailable

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# SQLite waits this long for another writer before giving up on a transaction.
SQLITE_BUSY_TIMEOUT_MS = 5_000
# A transaction that fails on a lock or a dropped connection is tried this many times.
TRANSACTION_ATTEMPTS = 3


def make_engine(url: str, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout for concurrent writers."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def tune(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")  # deleted text is overwritten, not left behind
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema up to date with Alembic, so a user's database survives upgrades."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Database:
    """The engine plus the one way to change anything: ``with database.transaction() as s``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Database:
        """Open (creating and migrating if needed) the database at an SQLAlchemy URL."""
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(
                parents=True, exist_ok=True
            )
        engine = make_engine(url, busy_timeout_ms)
        try:
            migrate(engine)
        except OperationalError as error:
            raise StorageUnavailable("could not open or migrate the database") from error
        return cls(engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A lock held too long or a dropped connection becomes ``StorageUnavailable``; callers
        wanting another try use ``run``.
        """
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except OperationalError as error:
            session.rollback()
            raise StorageUnavailable("the database refused the change") from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def run(self, change, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Apply ``change(session, *args)`` in one transaction, retrying briefly on a lock."""
        for attempt in range(1, TRANSACTION_ATTEMPTS + 1):
            try:
                with self.transaction() as session:
                    return change(session, *args, **kwargs)
            except StorageUnavailable:
                if attempt == TRANSACTION_ATTEMPTS:
                    raise
                log.warning("database busy, attempt %d of %d", attempt, TRANSACTION_ATTEMPTS)
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")
