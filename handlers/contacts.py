"""The circle's contacts: said in plain words or with /contact, confirmed in one line, listed.

Decided over the circle's contacts as the snapshot holds them (``bot.acting``): nothing here
reads or writes the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from handlers.formatting import Section, contact_line, fit_sections, shorten
from handlers.turn import Answering, Decision
from handlers.understanding.contacts import ContactReading, read_contact_command
from storage.changes import KeepContact
from storage.labels import NAME_MAX_CHARS, ROLE_MAX_CHARS, clean_label
from storage.records import ContactRecord


@dataclass(frozen=True, slots=True)
class ContactAct:
    """A contact said (``reading``); or, without one, the list of contacts, or (``unreadable``)
    a ``/contact …`` that names none."""

    reading: ContactReading | None = None
    unreadable: bool = False


def contact_command(act: Answering, argument: str) -> ContactAct:
    """``/contact GP Dr Levin 020 7946 0000``; ``/contact`` alone lists the contacts."""
    if not argument.strip():
        return ContactAct()
    reading = read_contact_command(argument, act.circle.languages, act.circle.timezone)
    return ContactAct(reading, unreadable=reading is None)


def decide_contact(scene: Answering, kept: tuple[ContactRecord, ...], act: ContactAct) -> Decision:
    """Keep a contact for its role (replacing what the circle had for it) and say it back, or
    list them, or say how to write one."""
    if act.unreadable:
        return Decision(replies=(scene.reply(scene.phrase("contact.usage")),))
    if act.reading is None:
        return Decision(replies=(scene.reply(_listed(scene, kept)),))
    return _recorded(scene, kept, act.reading)


def _recorded(
    scene: Answering, kept: tuple[ContactRecord, ...], reading: ContactReading
) -> Decision:
    """The confirmation is a message, not only a reaction: the number as the bot read it is
    what the circle has to check. A phone not said keeps the one known."""
    role = clean_label(reading.role, ROLE_MAX_CHARS)
    name = clean_label(reading.name, NAME_MAX_CHARS)
    known = next((contact for contact in kept if contact.role == role), None)
    phone = reading.phone or (known.phone if known else None)
    contact = ContactRecord(role, name, phone, scene.member.display_name, scene.now)
    line = contact_line(contact, scene.circle.languages)
    said = scene.phrase("contact.updated" if known else "contact.saved", line=line)
    change = KeepContact(role, name, reading.phone, scene.member.id)
    return Decision((change,), (scene.reply(said),))


def _listed(scene: Answering, kept: tuple[ContactRecord, ...]) -> str:
    """``/contacts``: one line each, as many as fit one message, then how many more are in
    the export."""
    if not kept:
        return scene.phrase("contacts.none")
    section = Section(
        head=(scene.phrase("contacts.head"),),
        items=tuple(shorten(contact_line(contact, scene.circle.languages)) for contact in kept),
        more=lambda count: scene.phrase("list.more_export", count=count),
    )
    return "\n".join(fit_sections([section]))
