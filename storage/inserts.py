"""Insert-if-absent in one statement, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel


def insert_if_absent(session: Session, model: type[SQLModel], values: dict[str, Any]) -> int | None:
    """Insert a row unless a unique constraint already holds one like it; the new id or None.

    One ``INSERT … ON CONFLICT DO NOTHING`` replaces look-then-insert, so two processes racing
    to record the same thing cannot both succeed.
    """
    statement = _insert_statement(session.get_bind().dialect.name, model, tuple(sorted(values)))
    session.flush()  # rows it may refer to exist first; the insert itself bypasses the ORM
    return session.connection().execute(statement, values).scalar_one_or_none()


def insert_row(session: Session, model: type[SQLModel], values: dict[str, Any]) -> int:
    """Insert one row in one statement, past the ORM's bookkeeping; its new id."""
    statement = _insert_statement(
        session.get_bind().dialect.name, model, tuple(sorted(values)), if_absent=False
    )
    session.flush()
    return session.connection().execute(statement, values).scalar_one()


@cache
def _insert_statement(
    dialect_name: str, model: type[SQLModel], columns: tuple[str, ...], if_absent: bool = True
) -> Any:
    """Built once per table and set of columns; the values travel as parameters."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    table = model.__table__  # type: ignore[attr-defined]
    insert = dialect.insert(table).values({name: bindparam(name) for name in columns})
    if if_absent:
        insert = insert.on_conflict_do_nothing()
    return insert.returning(table.c.id)
