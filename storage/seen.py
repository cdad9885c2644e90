"""Remembering which platform acts were handled, so a redelivery records nothing new."""

from __future__ import annotations

from sqlmodel import Session

from storage.inserts import insert_if_absent
from storage.models import SeenMessage


def first_sight(session: Session, circle_id: int, key: str) -> bool:
    """Record ``key`` as handled; False when it already was (by us or another process)."""
    return (
        insert_if_absent(session, SeenMessage, {"circle_id": circle_id, "key": key[:512]})
        is not None
    )
