"""When each circle next needs the nudge scheduler: one indexed moment per circle.

``circle.attention_at`` is the earliest moment a nudge or a recurrence of the circle can fall
due, as the scheduler last worked it out. Any change that could move it (a task, a claim, a
snooze, quiet hours, the digest time or the zone) clears it through database triggers, in the
same transaction as the change, whichever code or process makes it; a cleared moment means
"look now". A tick therefore reads only the circles whose moment has come, in one query.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import bindparam, func, or_, update
from sqlmodel import Session, col, select

from storage.circles import circle_record
from storage.models import Circle
from storage.records import CircleRecord
from storage.utc import UTCDateTime

# Stored when nothing is pending at all: later than any real moment.
NEVER = datetime(9999, 12, 31, tzinfo=UTC)


def circles_to_look_at(session: Session, now: datetime) -> list[int]:
    """Circles whose moment has come, or that changed since the scheduler last looked."""
    moment = col(Circle.attention_at)
    query = select(Circle.id).where(or_(moment.is_(None), moment <= now)).order_by(Circle.id)
    return list(session.exec(query).all())  # type: ignore[arg-type]


def circles_changed(session: Session) -> list[int]:
    """Circles changed since the scheduler last looked: their moment is unknown."""
    query = select(Circle.id).where(col(Circle.attention_at).is_(None)).order_by(Circle.id)
    return list(session.exec(query).all())  # type: ignore[arg-type]


def earliest_after(session: Session, now: datetime) -> datetime | None:
    """The earliest known moment after ``now`` at which some circle needs a look."""
    moment = session.exec(
        select(func.min(Circle.attention_at)).where(col(Circle.attention_at) > now)
    ).one()
    return None if moment is None or moment >= NEVER else moment


def hold_circle(session: Session, circle_id: int) -> tuple[CircleRecord, datetime] | None:
    """Read a circle for working out its nudges, and when the bot joined it.

    On PostgreSQL the row stays locked until the transaction ends: a change committed
    meanwhile waits, then clears the moment this transaction stores, so it is never lost.
    (SQLite has one writer at a time and refuses a write on a stale snapshot instead.)
    """
    # NO KEY UPDATE, as acts take it (``act_snapshots``): an act holds KEY SHARE on the circle
    # from the rows it has written; a tick waiting for FOR UPDATE behind it would deadlock
    # with the act's own lock request.
    locked = select(Circle).where(Circle.id == circle_id).with_for_update(key_share=True)
    row = session.exec(locked).first()
    if row is None:
        return None
    return circle_record(row), row.created_at


def set_attentions(session: Session, moments: Mapping[int, datetime | None]) -> None:
    """Store circles' next moments (None: nothing pending, ever), in one round trip."""
    if not moments:
        return
    session.connection().execute(
        update(Circle.__table__)  # type: ignore[attr-defined]
        .where(Circle.__table__.c.id == bindparam("circle"))  # type: ignore[attr-defined]
        .values(attention_at=bindparam("moment", type_=UTCDateTime())),
        [{"circle": circle_id, "moment": moment or NEVER} for circle_id, moment in moments.items()],
    )
