"""bounded storage: when each seen key was handled, and the indexes the pruning deletes by

``seenmessage.seen_at`` is when a platform message was first handled. Keys recorded before this
upgrade take the moment of the upgrade, so they are kept a full window from now. The column is
added with that moment as a constant default (on PostgreSQL a change to the catalogue only, not
a rewrite of the table), and the default is dropped again at once.

Each index serves one bounded delete of ``storage.retention``: seen keys and events by age,
settled nudges by age (a task's apart from the circle's) and by the outbox row they point at (a
digest's row stays while its nudge does; other nudges let go of theirs), and delivered messages
still holding text by delivery time.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 06:30:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import storage.utc

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column): an index named ix_<table>_<column>, as the models declare it.
INDEXES = (
    ("seenmessage", "seen_at"),
    ("event", "at"),
    ("nudge", "outbox_id"),
)
# (name, table, column, condition): partial indexes, as the models declare them.
PARTIAL_INDEXES = (
    ("ix_outboxmessage_worded", "outboxmessage", "delivered_at", "payload <> ''"),
    ("ix_nudge_task_settled_at", "nudge", "settled_at", "task_id IS NOT NULL"),
    ("ix_nudge_circle_settled_at", "nudge", "settled_at", "task_id IS NULL"),
)


def upgrade() -> None:
    # SQLite compares stored times as text: the default is written the way SQLAlchemy writes.
    upgraded_at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if op.get_bind().dialect.name == "postgresql":
        upgraded_at += "+00:00"
    with op.batch_alter_table("seenmessage", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "seen_at",
                storage.utc.UTCDateTime(timezone=True),
                nullable=False,
                server_default=upgraded_at,
            )
        )
    with op.batch_alter_table("seenmessage", schema=None) as batch_op:
        batch_op.alter_column("seen_at", server_default=None)
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)
    for name, table, column, condition in PARTIAL_INDEXES:
        where = sa.text(condition)
        op.create_index(
            name, table, [column], unique=False, sqlite_where=where, postgresql_where=where
        )


def downgrade() -> None:
    for name, table, _, _ in PARTIAL_INDEXES:
        op.drop_index(name, table_name=table)
    for table, column in INDEXES:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
    with op.batch_alter_table("seenmessage", schema=None) as batch_op:
        batch_op.drop_column("seen_at")
