"""indexes under every foreign key to a member

Deleting a member (``/forget``, ``/forgetme``) makes the database check each column that may
point at them; without an index each check reads its whole table. At 10,000 circles the six
deletes of one circle's members took two seconds, nearly all of it reading ``task`` for its
requester and done-by columns.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 13:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column): an index named ix_<table>_<column>, as the models declare it.
INDEXES = (
    ("task", "requester_id"),
    ("task", "done_by_id"),
    ("claim", "member_id"),
    ("snooze", "member_id"),
    ("decision", "member_id"),
    ("contact", "member_id"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
