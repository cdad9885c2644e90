"""The circle's contacts: one per role, replaced whenever someone says it anew."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.labels import NAME_MAX_CHARS, ROLE_MAX_CHARS, clean_label
from storage.models import Contact, Member
from storage.records import ContactRecord


def save_contact(
    session: Session,
    circle_id: int,
    role: str,
    name: str,
    phone: str | None,
    member_id: int,
    now: datetime,
) -> tuple[ContactRecord, bool]:
    """Keep ``name`` and ``phone`` for ``role``; a phone not said keeps the one known.

    Returns the contact as kept and whether it replaced an earlier one. One conditional write
    each way: an update of the role's row, else an insert, which a concurrent insert of the
    same role turns into the update."""
    role, name = clean_label(role, ROLE_MAX_CHARS), clean_label(name, NAME_MAX_CHARS)
    updated = _update(session, circle_id, role, name, phone, member_id, now)
    if not updated:
        try:
            with session.begin_nested():
                session.add(
                    Contact(
                        circle_id=circle_id,
                        role=role,
                        name=name,
                        phone=phone,
                        member_id=member_id,
                        updated_at=now,
                    )
                )
        except IntegrityError:
            updated = _update(session, circle_id, role, name, phone, member_id, now)
    kept = next(contact for contact in contacts(session, circle_id) if contact.role == role)
    return kept, updated


def _update(
    session: Session,
    circle_id: int,
    role: str,
    name: str,
    phone: str | None,
    member_id: int,
    now: datetime,
) -> bool:
    fields: dict[str, object] = {"name": name, "member_id": member_id, "updated_at": now}
    if phone is not None:
        fields["phone"] = phone
    statement = (
        update(Contact).where(Contact.circle_id == circle_id, Contact.role == role).values(fields)
    )
    return session.execute(statement).rowcount > 0  # type: ignore[attr-defined]


def contacts(session: Session, circle_id: int) -> list[ContactRecord]:
    """The circle's contacts in the order they were first given."""
    query = (
        select(Contact, Member)
        .join(Member, col(Member.id) == Contact.member_id, isouter=True)
        .where(Contact.circle_id == circle_id)
        .order_by(col(Contact.id))
    )
    return [
        ContactRecord(
            contact.role,
            contact.name,
            contact.phone,
            member.display_name if member else None,
            contact.updated_at,
        )
        for contact, member in session.exec(query).all()
    ]
