"""The database itself: migrations match the tables, times come back in UTC."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import storage.models  # noqa: F401
from storage.database import Database
from tests.conftest import Circle


def test_migrations_create_exactly_the_tables_the_code_uses(database_url: str) -> None:
    database = Database.open(database_url)
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_opening_twice_migrates_once_and_keeps_the_data(database_url: str, circle: Circle) -> None:
    circle.say("alice", "task: keep me")
    Database.open(database_url)
    circle.say("bob", "/tasks")
    assert "#1 Keep me" in circle.texts()[-1]
