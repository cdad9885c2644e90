"""Circles and their members: found or created on first sight, never by registration."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.labels import ROLE_MAX_CHARS, clean_label
from storage.models import Circle, Member
from storage.records import CircleRecord, MemberRecord


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
