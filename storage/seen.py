"""Remembering which platform acts were handled, so a redelivery records nothing new.

A key needs remembering only as long as a platform may send the same act again. Telegram keeps
an update it could not hand over for 24 hours, and hands it over again until the bot confirms
it (the next ``getUpdates`` or the webhook's answer): a crash between handling and confirming
brings it back, but never more than a day later. Matrix replays every event after the sync
token the bot saved last (``bot.matrix``: saved once a sync's events are handled); a crash
before saving brings the events back at the next start, however long the bot stays down. The
default window (``RetentionSettings.seen_days``, 7 days) covers Telegram with room to spare and
a Matrix bot down for up to a week; a host expecting longer outages sets it longer.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from storage.inserts import insert_if_absent
from storage.models import SeenMessage


def first_sight(session: Session, circle_id: int, key: str, now: datetime) -> bool:
    """Record ``key`` as handled at ``now``; False when it already was (by us or another
    process) and is still remembered (``storage.retention`` forgets old keys)."""
    values = {"circle_id": circle_id, "key": key[:512], "seen_at": now}
    return insert_if_absent(session, SeenMessage, values) is not None
