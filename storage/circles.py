"""Circles and their members: found or created on first sight, never by registration."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.models import Circle, Member
from storage.records import CircleRecord, MemberRecord

# What Circle.name and Member.display_name hold (storage.models); Member.role_label holds less.
NAME_MAX_CHARS = 255
ROLE_MAX_CHARS = 64
# Control characters (NUL included), lone surrogates, and bidi embeddings, overrides and
# isolates: nothing a person reads, and in a name or title a bidi control would turn the rest of
# the line it is shown in around ("U+202E" makes "#4 Bob" read backwards). The classes are the
# Unicode categories Cc and Cs written out, so a message is cleaned by one regex pass in C.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Line breaks and tabs are kept in a message (its sentences), every other control dropped.
UNREADABLE_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")
# Controls that are spaces ("\r", "\x1c", "\x85") become spaces in a label; the rest go.
_UNREADABLE_IN_LABEL = re.compile(f"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff{_BIDI}]")


def clean_label(text: str | None, max_chars: int = NAME_MAX_CHARS) -> str:
    """A display name or chat title as one tidy line that fits its column: no control or
    bidi-override characters, whitespace collapsed, and cut with an ellipsis when too long."""
    if not text:
        return ""
    window = max_chars * 4  # a 100 KB "name" is read no further than this
    kept = _UNREADABLE_IN_LABEL.sub("", unicodedata.normalize("NFC", text[:window]))
    words = " ".join(kept.split())
    if len(words) > max_chars or len(text) > window:
        words = words[: max_chars - 1].rstrip() + "…"
    return words


def circle_record(circle: Circle) -> CircleRecord:
    assert circle.id is not None
    return CircleRecord(
        id=circle.id,
        platform=circle.platform,
        chat_id=circle.chat_id,
        name=circle.name,
        timezone=circle.timezone,
        languages=tuple(code for code in circle.languages.split(",") if code),
        quiet_start=circle.quiet_start,
        quiet_end=circle.quiet_end,
        digest_time=circle.digest_time,
    )


def member_record(member: Member) -> MemberRecord:
    assert member.id is not None
    return MemberRecord(
        id=member.id,
        user_id=member.user_id,
        display_name=member.display_name or member.user_id,
        role_label=member.role_label,
        is_muted=member.is_muted,
        urgent_at_night=member.urgent_at_night,
    )


def language_sets(session: Session) -> set[tuple[str, ...]]:
    """Every set of languages some circle reads in: a handful, however many circles."""
    found = session.exec(select(Circle.languages).distinct()).all()
    return {tuple(code for code in languages.split(",") if code) for languages in found}


def find_circle(session: Session, platform: str, chat_id: str) -> Circle | None:
    return session.exec(
        select(Circle).where(Circle.platform == platform, Circle.chat_id == chat_id)
    ).first()


def ensure_circle(
    session: Session,
    platform: str,
    chat_id: str,
    *,
    now: datetime,
    timezone: str,
    languages: tuple[str, ...],
    name: str | None = None,
) -> tuple[Circle, bool]:
    """Return the circle of a chat, creating it with the defaults; the flag says it is new."""
    name = clean_label(name)
    circle = find_circle(session, platform, chat_id)
    if circle is not None:
        if name and circle.name != name:
            circle.name = name
            session.add(circle)
        return circle, False
    circle = Circle(
        platform=platform,
        chat_id=chat_id,
        name=name or "",
        timezone=timezone,
        languages=",".join(languages),
        created_at=now,
    )
    try:
        with session.begin_nested():
            session.add(circle)
    except IntegrityError:
        # Another process created it between our look and our insert.
        existing = find_circle(session, platform, chat_id)
        assert existing is not None
        return existing, False
    return circle, True


def ensure_member(
    session: Session, circle_id: int, user_id: str, display_name: str, now: datetime
) -> Member:
    """Return the member, creating or re-activating them; a changed display name is kept."""
    display_name = clean_label(display_name)
    member = session.exec(
        select(Member).where(Member.circle_id == circle_id, Member.user_id == user_id)
    ).first()
    if member is None:
        member = Member(
            circle_id=circle_id, user_id=user_id, display_name=display_name, joined_at=now
        )
        session.add(member)
        session.flush()
        return member
    if not member.is_active or (display_name and member.display_name != display_name):
        member.is_active = True
        member.display_name = display_name or member.display_name
        session.add(member)
    return member


def deactivate_member(session: Session, circle_id: int, user_id: str) -> None:
    session.execute(
        update(Member)
        .where(Member.circle_id == circle_id, Member.user_id == user_id)
        .values(is_active=False)
    )


def active_members(session: Session, circle_id: int) -> list[MemberRecord]:
    rows = session.exec(
        select(Member).where(Member.circle_id == circle_id, Member.is_active).order_by(Member.id)
    ).all()
    return [member_record(row) for row in rows]


def memberships(
    session: Session, platform: str, user_id: str
) -> list[tuple[CircleRecord, MemberRecord]]:
    """Every circle on ``platform`` the bot has known ``user_id`` in, left or not (only the
    platform can say whether they still are), with their membership, oldest circle first."""
    rows = session.exec(
        select(Circle, Member)
        .join(Member, col(Member.circle_id) == Circle.id)
        .where(Circle.platform == platform, Member.user_id == user_id)
        .order_by(Circle.id)
    ).all()
    return [(circle_record(circle), member_record(member)) for circle, member in rows]


def next_number(session: Session, circle_id: int, counter: str) -> int:
    """Take the circle's next task or decision number in one conditional update.

    The row lock this takes serialises two writers on PostgreSQL; SQLite serialises writers anyway.
    """
    column = getattr(Circle, counter)
    statement = (
        update(Circle).where(Circle.id == circle_id).values({counter: column + 1}).returning(column)
    )
    return session.connection().execute(statement).scalar_one()


def move_circle(session: Session, platform: str, old_chat_id: str, new_chat_id: str) -> None:
    session.execute(
        update(Circle)
        .where(Circle.platform == platform, Circle.chat_id == old_chat_id)
        .values(chat_id=new_chat_id)
    )


def update_circle(session: Session, circle_id: int, **fields: object) -> None:
    if "name" in fields:
        fields["name"] = clean_label(str(fields["name"] or ""))
    session.execute(update(Circle).where(Circle.id == circle_id).values(fields))


def update_member(session: Session, member_id: int, **fields: object) -> None:
    if "display_name" in fields:
        fields["display_name"] = clean_label(str(fields["display_name"] or ""))
    if fields.get("role_label"):
        fields["role_label"] = clean_label(str(fields["role_label"]), ROLE_MAX_CHARS)
    session.execute(update(Member).where(Member.id == member_id).values(fields))


def circle_by_id(session: Session, circle_id: int) -> CircleRecord | None:
    circle = session.get(Circle, circle_id)
    return circle_record(circle) if circle is not None else None
