"""indexes behind claims, acknowledgements and /forget

Every foreign key a /forget deletes through gets an index, so checking it is a lookup rather
than a scan of the whole table: deleting a circle's tasks and decisions checks event.task_id,
event.decision_id, nudge.task_id, task.previous_id and outboxmessage.task_id.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-07 03:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column): an index named ix_<table>_<column>, as the models declare it.
FOREIGN_KEY_INDEXES = (
    ("event", "task_id"),
    ("event", "decision_id"),
    ("nudge", "task_id"),
    ("task", "previous_id"),
    ("outboxmessage", "task_id"),
)


def upgrade() -> None:
    for table, column in FOREIGN_KEY_INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(FOREIGN_KEY_INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
