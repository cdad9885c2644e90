"""The circle's contacts: said in plain words or with /contact, confirmed in one line, listed."""

from __future__ import annotations

from handlers.formatting import Section, contact_line, fit_sections, shorten
from handlers.turn import Turn
from handlers.understanding.contacts import ContactReading, read_contact_command
from storage import contacts


def record_contact(turn: Turn, reading: ContactReading) -> None:
    """Keep the contact for its role (replacing what the circle had for it) and say it back.

    The confirmation is a message, not only a reaction: the number as the bot read it is what
    the circle has to check."""
    kept, replaced = contacts.save_contact(
        turn.session,
        turn.circle.id,
        reading.role,
        reading.name,
        reading.phone,
        turn.member.id,
        turn.now,
    )
    line = contact_line(kept, turn.circle.languages)
    turn.say(turn.phrase("contact.updated" if replaced else "contact.saved", line=line))


def contact_command(turn: Turn, argument: str) -> None:
    """``/contact GP Dr Levin 020 7946 0000``; ``/contact`` alone lists the contacts."""
    if not argument.strip():
        list_contacts(turn)
        return
    reading = read_contact_command(argument, turn.circle.languages, turn.circle.timezone)
    if reading is None:
        turn.say(turn.phrase("contact.usage"))
    else:
        record_contact(turn, reading)


def list_contacts(turn: Turn) -> None:
    """``/contacts``: one line each, as many as fit one message, then how many more are in
    the export."""
    kept = contacts.contacts(turn.session, turn.circle.id)
    if not kept:
        turn.say(turn.phrase("contacts.none"))
        return
    section = Section(
        head=(turn.phrase("contacts.head"),),
        items=tuple(shorten(contact_line(contact, turn.circle.languages)) for contact in kept),
        more=lambda count: turn.phrase("list.more_export", count=count),
    )
    turn.say("\n".join(fit_sections([section])))
