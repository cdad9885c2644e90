"""The circle's tables. Times are stored as aware UTC; a circle's zone applies only at its edges."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from storage.utc import UTCDateTime

# The longest reason kept for a message given up (``OutboxMessage.failure``).
FAILURE_LENGTH = 255


def _utc_column(*, nullable: bool = True, index: bool = False) -> Column:
    return Column(UTCDateTime(), nullable=nullable, index=index)


class Circle(SQLModel, table=True):
    """One group chat on one platform: the people around someone who needs care."""

    __table_args__ = (UniqueConstraint("platform", "chat_id"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=32)
    chat_id: str = Field(max_length=255)
    name: str = Field(default="", max_length=255)
    timezone: str = Field(default="UTC", max_length=64)
    languages: str = Field(default="en", max_length=64, description="comma-separated ISO 639-1")
    quiet_start: str = Field(default="21:00", max_length=5)
    quiet_end: str = Field(default="08:00", max_length=5)
    digest_time: str | None = Field(default="08:00", max_length=5)
    last_task_number: int = 0
    last_decision_number: int = 0
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))
    # The next moment the nudge scheduler must look at the circle; NULL: something changed
    # since it last looked (database triggers clear it), so it looks at once.
    attention_at: datetime | None = Field(default=None, sa_column=_utc_column(index=True))


class Member(SQLModel, table=True):
    """A person in a circle; ``role_label`` is self-chosen ("GP"), never a permission."""

    __table_args__ = (UniqueConstraint("circle_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    circle_id: int = Field(foreign_key="circle.id", index=True)
    user_id: str = Field(max_length=255)
    display_name: str = Field(default="", max_length=255)
    role_label: str | None = Field(default=None, max_length=64)
    is_active: bool = True
    is_muted: bool = False
    # The member's own choice: whether an urgent request may mention them in quiet hours.
    urgent_at_night: bool = True
    joined_at: datetime = Field(sa_column=_utc_column(nullable=False))


class Task(SQLModel, table=True):
    """Something the circle asked for. ``number`` counts per circle, as members see it.

    ``status`` is one of ``open``, ``done`` (someone did it), ``cancelled`` (no longer needed,
    nobody did it), ``missed`` (an occurrence of a series whose time went by while open; the
    next occurrence took its place) or ``removed`` (not a task after all).
    """

    # Ids are never reused, even after /forget: outbox dedupe keys name them.
    __table_args__ = (UniqueConstraint("circle_id", "number"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    circle_id: int = Field(foreign_key="circle.id", index=True)
    number: int
    title: str = Field(max_length=255)
    source_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    source_message_id: str | None = Field(default=None, max_length=255, index=True)
    requester_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    due_at: datetime | None = Field(default=None, sa_column=_utc_column(index=True))
    due_on: date | None = None
    recurrence: str | None = Field(default=None, max_length=255)
    is_urgent: bool = False
    status: str = Field(default="open", max_length=16, index=True)
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))
    done_at: datetime | None = Field(default=None, sa_column=_utc_column())
    done_by_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    previous_id: int | None = Field(default=None, foreign_key="task.id", index=True)


class Claim(SQLModel, table=True):
    """A member holding a task; several may share one. A hand-back sets ``released_at``."""

    __table_args__ = (UniqueConstraint("task_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    claimed_at: datetime = Field(sa_column=_utc_column(nullable=False))
    released_at: datetime | None = Field(default=None, sa_column=_utc_column())


class Decision(SQLModel, table=True):
    """Something the circle settled, numbered per circle."""

    __table_args__ = (UniqueConstraint("circle_id", "number"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    circle_id: int = Field(foreign_key="circle.id", index=True)
    number: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    decided_at: datetime = Field(sa_column=_utc_column(nullable=False))
    source_message_id: str | None = Field(default=None, max_length=255)
    is_removed: bool = False


class Contact(SQLModel, table=True):
    """Who the circle calls for one role ("gp", "pharmacy"): one row per role, kept current
    by whoever last said it. ``phone`` is E.164."""

    __table_args__ = (UniqueConstraint("circle_id", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    circle_id: int = Field(foreign_key="circle.id", index=True)
    role: str = Field(max_length=64)
    name: str = Field(default="", max_length=255)
    phone: str | None = Field(default=None, max_length=32)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    updated_at: datetime = Field(sa_column=_utc_column(nullable=False))


class Event(SQLModel, table=True):
    """The append-only log of every change: who, when, from which message, and what it undoes."""

    id: int | None = Field(default=None, primary_key=True)
    circle_id: int = Field(foreign_key="circle.id", index=True)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    at: datetime = Field(sa_column=_utc_column(nullable=False, index=True))
    action: str = Field(max_length=32)
    task_id: int | None = Field(default=None, foreign_key="task.id", index=True)
    decision_id: int | None = Field(default=None, foreign_key="decision.id", index=True)
    message_id: str | None = Field(default=None, max_length=255)
    detail: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    is_undone: bool = False


class SeenMessage(SQLModel, table=True):
    """Platform acts already handled, so a redelivered message records nothing new.

    ``seen_at`` is when it was first handled: a key is forgotten once platforms no longer
    redeliver that far back (``storage.retention``).
    """

    __table_args__ = (UniqueConstraint("circle_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    circle_id: int = Field(foreign_key="circle.id")
    key: str = Field(max_length=512)
    seen_at: datetime = Field(sa_column=_utc_column(nullable=False, index=True))


class OutboxMessage(SQLModel, table=True):
    """A message queued for a circle's chat, kept until the platform has it.

    ``dedupe_key`` makes queueing idempotent (a nudge is queued once, ever); the lease lets two
    bot processes share one database without sending a row twice. ``delivered_at`` is when the
    row was settled: the platform took it, or refused it for good and ``failure`` says why.
    """

    id: int | None = Field(default=None, primary_key=True)
    circle_id: int = Field(foreign_key="circle.id", index=True)
    platform: str = Field(max_length=32, index=True)
    chat_id: str = Field(max_length=255)
    payload: str = Field(sa_column=Column(Text, nullable=False))
    task_id: int | None = Field(default=None, foreign_key="task.id", index=True)
    dedupe_key: str | None = Field(default=None, max_length=255, unique=True)
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))
    not_before: datetime = Field(sa_column=_utc_column(nullable=False, index=True))
    leased_until: datetime | None = Field(default=None, sa_column=_utc_column())
    lease_owner: str | None = Field(default=None, max_length=128)
    attempts: int = 0
    delivered_at: datetime | None = Field(default=None, sa_column=_utc_column(index=True))
    platform_message_id: str | None = Field(default=None, max_length=255, index=True)
    failure: str | None = Field(default=None, max_length=FAILURE_LENGTH)


# A chat's undelivered messages in queue order: finding each chat's next message (its head)
# reads only what is still to be sent, however long the outbox's history grows.
_UNDELIVERED = text("delivered_at IS NULL")
Index(
    "ix_outboxmessage_lane",
    OutboxMessage.platform,
    OutboxMessage.chat_id,
    OutboxMessage.id,
    sqlite_where=_UNDELIVERED,
    postgresql_where=_UNDELIVERED,
)
# Messages still holding their text, by when they were delivered: emptying the old ones reads
# only those, not the weeks of emptied rows kept behind them.
_WORDED = text("payload <> ''")
Index(
    "ix_outboxmessage_worded",
    OutboxMessage.delivered_at,
    sqlite_where=_WORDED,
    postgresql_where=_WORDED,
)


class Snooze(SQLModel, table=True):
    """A member's "remind me later" on one task: no routine nudges to them before ``until``."""

    __table_args__ = (UniqueConstraint("task_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id")
    member_id: int = Field(foreign_key="member.id", index=True)
    until: datetime = Field(sa_column=_utc_column(nullable=False))


class Nudge(SQLModel, table=True):
    """A nudge the bot has settled: queued in the outbox, folded into a digest, or found empty.

    ``key`` names the nudge (``remind:12:2026-11-20T15:00``) so it is settled once, ever;
    ``day_key`` (``12:2026-11-20``) is set on routine task nudges only, so a task gets at most
    one routine nudge per local day even with two bot processes racing.
    """

    id: int | None = Field(default=None, primary_key=True)
    circle_id: int = Field(foreign_key="circle.id", index=True)
    key: str = Field(max_length=255, unique=True)
    day_key: str | None = Field(default=None, max_length=64, unique=True)
    kind: str = Field(max_length=16)
    task_id: int | None = Field(default=None, foreign_key="task.id", index=True)
    settled_at: datetime = Field(sa_column=_utc_column(nullable=False))
    outbox_id: int | None = Field(default=None, foreign_key="outboxmessage.id", index=True)


# Settled nudges by age, a task's apart from the circle's (digests, look-backs): pruning each
# kind reads only its own rows, not the other kind's kept ones.
_OF_TASK = text("task_id IS NOT NULL")
_CIRCLE_WIDE = text("task_id IS NULL")
Index(
    "ix_nudge_task_settled_at",
    Nudge.settled_at,
    sqlite_where=_OF_TASK,
    postgresql_where=_OF_TASK,
)
Index(
    "ix_nudge_circle_settled_at",
    Nudge.settled_at,
    sqlite_where=_CIRCLE_WIDE,
    postgresql_where=_CIRCLE_WIDE,
)


class Move(SQLModel, table=True):
    """A move of the person cared for that a member announced (home from hospital, into
    respite, rehab or a care home) and the checklist the bot offers for it, once per move.

    ``offer_at`` is when the offer goes out (the end of quiet hours when announced in them);
    ``offered_at`` is set when it was queued. ``source_message_id`` is the announcement.
    """

    __table_args__ = (UniqueConstraint("circle_id", "kind", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    circle_id: int = Field(foreign_key="circle.id", index=True)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    kind: str = Field(max_length=16)
    day: date
    source_message_id: str | None = Field(default=None, max_length=255)
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))
    offer_at: datetime = Field(sa_column=_utc_column(nullable=False))
    offered_at: datetime | None = Field(default=None, sa_column=_utc_column())


class MoveItem(SQLModel, table=True):
    """An item of a move's checklist a member took: its tasks exist, so taking it again adds
    nothing."""

    __table_args__ = (UniqueConstraint("move_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    move_id: int = Field(foreign_key="move.id", index=True)
    number: int
    taken_at: datetime = Field(sa_column=_utc_column(nullable=False))
