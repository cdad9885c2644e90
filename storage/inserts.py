"""Insert-if-absent in one statement, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel


def insert_if_absent(session: Session, model: type[SQLModel], values: dict[str, Any]) -> int | None:
    """Insert a row unless a unique constraint already holds one like it; the new id or None.

    One ``INSERT … ON CONFLICT DO NOTHING`` replaces look-then-insert, so two processes racing
    to record the same thing cannot both succeed.
    """
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = model.__table__  # type: ignore[attr-defined]
    statement = dialect.insert(table).values(values).on_conflict_do_nothing()
    result = session.execute(statement.returning(table.c.id))
    return result.scalar_one_or_none()
