"""moves of the person cared for, and the checklist items the circle took from their offers

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.utc

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "move",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("circle_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("source_message_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("created_at", storage.utc.UTCDateTime(timezone=True), nullable=False),
        sa.Column("offer_at", storage.utc.UTCDateTime(timezone=True), nullable=False),
        sa.Column("offered_at", storage.utc.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["circle_id"], ["circle.id"]),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("circle_id", "kind", "day"),
    )
    with op.batch_alter_table("move", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_move_circle_id"), ["circle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_move_member_id"), ["member_id"], unique=False)
    op.create_table(
        "moveitem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("move_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("taken_at", storage.utc.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["move_id"], ["move.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("move_id", "number"),
    )
    with op.batch_alter_table("moveitem", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_moveitem_move_id"), ["move_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("moveitem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moveitem_move_id"))
    op.drop_table("moveitem")
    with op.batch_alter_table("move", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_move_member_id"))
        batch_op.drop_index(batch_op.f("ix_move_circle_id"))
    op.drop_table("move")
