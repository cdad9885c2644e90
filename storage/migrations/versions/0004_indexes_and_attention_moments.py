"""indexes behind acts and /forget; each circle's next moment for the nudge scheduler

Every foreign key a /forget deletes through gets an index, so checking it is a lookup rather
than a scan of the whole table: deleting a circle's tasks and decisions checks event.task_id,
event.decision_id, nudge.task_id, task.previous_id and outboxmessage.task_id.

``circle.attention_at`` is the next moment the nudge scheduler must look at a circle. Triggers
clear it whenever a task, claim or snooze of the circle changes, or its zone, quiet hours or
digest time do, in the same transaction as the change. NULL means "look now", so every circle
is looked at once after this upgrade.

Note for later migrations: on SQLite, a batch ALTER of task, claim, snooze or circle recreates
the table and drops its triggers; such a migration must create them again (``create_triggers``).

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-07 03:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.utc

revision: str = "0004"
down_revision: str | None = "0003"
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
# The circle settings nudge moments depend on.
SETTINGS = ("timezone", "quiet_start", "quiet_end", "digest_time")
# Tables whose rows name their circle through their task.
BY_TASK = ("claim", "snooze")
OPERATIONS = ("insert", "update", "delete")
CLEAR = "UPDATE circle SET attention_at = NULL WHERE id = "

POSTGRES_FUNCTION = f"""
CREATE FUNCTION circle_attention_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    IF TG_TABLE_NAME = 'task' THEN
        {CLEAR}changed.circle_id;
    ELSE
        {CLEAR}(SELECT circle_id FROM task WHERE task.id = changed.task_id);
    END IF;
    RETURN NULL;
END
$$
"""
POSTGRES_SETTINGS_FUNCTION = """
CREATE FUNCTION circle_settings_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.attention_at := NULL;
    RETURN NEW;
END
$$
"""


def upgrade() -> None:
    for table, column in FOREIGN_KEY_INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)
    op.add_column(
        "circle", sa.Column("attention_at", storage.utc.UTCDateTime(timezone=True), nullable=True)
    )
    op.create_index("ix_circle_attention_at", "circle", ["attention_at"], unique=False)
    create_triggers()


def create_triggers() -> None:
    """The triggers that clear a circle's moment when something it depends on changes."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_SETTINGS_FUNCTION)
        for table in ("task", *BY_TASK):
            op.execute(
                f"CREATE TRIGGER {table}_clears_attention AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION circle_attention_cleared()"
            )
        op.execute(
            f"CREATE TRIGGER circle_settings_clear_attention BEFORE UPDATE OF {', '.join(SETTINGS)}"
            " ON circle FOR EACH ROW EXECUTE FUNCTION circle_settings_cleared()"
        )
        return
    for table in ("task", *BY_TASK):
        for operation in OPERATIONS:
            row = "OLD" if operation == "delete" else "NEW"
            circle = (
                f"{row}.circle_id"
                if table == "task"
                else f"(SELECT circle_id FROM task WHERE task.id = {row}.task_id)"
            )
            op.execute(
                f"CREATE TRIGGER {table}_{operation}_clears_attention AFTER {operation.upper()} "
                f"ON {table} BEGIN {CLEAR}{circle}; END"
            )
    op.execute(
        f"CREATE TRIGGER circle_settings_clear_attention AFTER UPDATE OF {', '.join(SETTINGS)} "
        f"ON circle BEGIN {CLEAR}NEW.id; END"
    )


def drop_triggers() -> None:
    op.execute("DROP TRIGGER IF EXISTS circle_settings_clear_attention" + _on("circle"))
    if op.get_bind().dialect.name == "postgresql":
        for table in ("task", *BY_TASK):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_clears_attention ON {table}")
        op.execute("DROP FUNCTION IF EXISTS circle_attention_cleared()")
        op.execute("DROP FUNCTION IF EXISTS circle_settings_cleared()")
        return
    for table in ("task", *BY_TASK):
        for operation in OPERATIONS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_{operation}_clears_attention")


def _on(table: str) -> str:
    return f" ON {table}" if op.get_bind().dialect.name == "postgresql" else ""


def downgrade() -> None:
    drop_triggers()
    with op.batch_alter_table("circle", schema=None) as batch_op:
        batch_op.drop_index("ix_circle_attention_at")
        batch_op.drop_column("attention_at")
    for table, column in reversed(FOREIGN_KEY_INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
