"""Remembering which platform acts were handled, so a redelivery records nothing new."""

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
