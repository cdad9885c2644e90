"""The database itself: migrations match the tables, times come back in UTC."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import PrimaryKeyConstraint, UniqueConstraint
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


def test_every_foreign_key_leads_an_index() -> None:
    """Deleting a row makes the database check every column pointing at it; without an index
    on that column (or a unique constraint starting with it) each check reads a whole table,
    and ``/forget`` on a community host takes seconds instead of milliseconds."""
    unindexed = []
    for table in SQLModel.metadata.sorted_tables:
        leading = {index.columns[0].name for index in table.indexes}
        leading |= {
            constraint.columns[0].name
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint | PrimaryKeyConstraint)
            and constraint.columns
        }
        unindexed += [
            f"{table.name}.{key.parent.name}"
            for key in table.foreign_keys
            if key.parent.name not in leading
        ]
    assert unindexed == []
