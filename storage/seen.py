"""Remembering which platform acts were handled, so a redelivery records nothing new."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.models import SeenMessage


def first_sight(session: Session, circle_id: int, key: str) -> bool:
    """Record ``key`` as handled; False when it already was (by us or another process)."""
    if session.exec(
        select(SeenMessage.id).where(SeenMessage.circle_id == circle_id, SeenMessage.key == key)
    ).first():
        return False
    try:
        with session.begin_nested():
            session.add(SeenMessage(circle_id=circle_id, key=key[:512]))
    except IntegrityError:
        return False
    return True
