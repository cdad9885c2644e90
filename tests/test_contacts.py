"""Contacts from plain words or /contact: one per role, its number read in the circle's country
and confirmed in one line; chat that merely holds a number stays chat."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.telegram.formatting import html_parts
from handlers.messages import Incoming
from handlers.routing import SaveContact, route
from handlers.understanding.contacts import read_contact
from handlers.understanding.phones import country_of_zone
from storage import circles, contacts
from storage.records import ContactRecord
from tests.conftest import Circle

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=ZoneInfo("Europe/London"))
MESSAGE = Incoming("console", "family", "1", "alice", "Alice", MONDAY)
# (language, zone, what a member says, what the bot confirms)
SAID = [
    (
        "en",
        "Europe/London",
        "the GP is Dr Levin, 020 7946 0000",
        "📇 GP: Dr Levin · +44 20 7946 0000",
    ),
    (
        "fr",
        "Europe/Paris",
        "la pharmacie c'est la Pharmacie du Marché, 01 23 45 67 89",
        "📇 Pharmacie : Pharmacie du Marché · +33 1 23 45 67 89",
    ),
    (
        "es",
        "Europe/Madrid",
        "el médico de cabecera es el Dr. Ruiz, 912 345 678",
        "📇 Médico de cabecera: Dr. Ruiz · +34 912 34 56 78",
    ),
    (
        "de",
        "Europe/Berlin",
        "der Hausarzt ist Dr. Weber, 030 1234567",
        "📇 Hausarzt: Dr. Weber · +49 30 1234567",
    ),
    (
        "pt",
        "Europe/Lisbon",
        "o médico de família é o Dr. Costa, 21 123 4567",
        "📇 Médico de família: Dr. Costa · +351 21 123 4567",
    ),
    (
        "it",
        "Europe/Rome",
        "il medico di base è il dott. Bianchi, 06 1234 5678",
        "📇 Medico di base: dott. Bianchi · +39 06 1234 5678",
    ),
]


def kept(circle: Circle) -> list[ContactRecord]:
    def read(session):  # type: ignore[no-untyped-def]
        row = circles.find_circle(session, circle.platform, circle.chat_id)
        return contacts.contacts(session, row.id)  # type: ignore[union-attr]

    return circle.core.database.run(read)


def speaking(circle: Circle, language: str, zone: str) -> Circle:
    circle.say("alice", f"/language {language}")
    circle.say("alice", f"/timezone {zone}")
    circle.bot_messages()
    return circle


@pytest.mark.parametrize(("language", "zone", "text", "confirmed"), SAID, ids=[s[0] for s in SAID])
def test_a_contact_said_in_plain_words_is_kept_and_confirmed_in_one_line(
    circle: Circle, language: str, zone: str, text: str, confirmed: str
) -> None:
    speaking(circle, language, zone)
    circle.say("bob", text)
    assert circle.texts() == [confirmed]
    [contact] = kept(circle)
    assert (contact.role, contact.said_by) == ("gp" if language != "fr" else "pharmacy", "Bob")
    assert contact.phone is not None and contact.phone.startswith("+")


def test_the_same_role_said_again_updates_its_contact(circle: Circle) -> None:
    circle.say("alice", "the GP is Dr Levin, 020 7946 0000")
    circle.say("bob", "our GP is Dr Patel, 020 7946 0999")
    assert circle.texts()[-1] == "📇 GP: Dr Patel · +44 20 7946 0999 (updated)"
    circle.say("carol", "/contacts")
    assert circle.texts() == ["📇 Contacts:\nGP: Dr Patel · +44 20 7946 0999"]
    assert [(c.name, c.said_by) for c in kept(circle)] == [("Dr Patel", "Bob")]


def test_a_new_name_without_a_number_keeps_the_number_known(circle: Circle) -> None:
    circle.say("alice", "the GP: 020 7946 0000")
    circle.say("bob", "the GP is Dr Patel")
    assert circle.texts()[-1] == "📇 GP: Dr Patel · +44 20 7946 0000 (updated)"


def test_the_same_role_in_another_language_is_the_same_contact(circle: Circle) -> None:
    circle.say("alice", "/language en fr")
    circle.say("alice", "the pharmacy is Boots, tel. 020 7946 0001")
    circle.say("amelie", "la pharmacie c'est la Pharmacie du Marché, 020 7946 0002")
    circle.bot_messages()
    assert [(c.role, c.name) for c in kept(circle)] == [("pharmacy", "Pharmacie du Marché")]


@pytest.mark.parametrize(
    "text",
    [
        "I got 3 out of 10",
        "10.12.2026",
        "the GP is on 10.12.2026",
        "the pharmacy is closed today",
        "the GP said her blood pressure was 140 over 90",
        "the nurse: she was lovely, stayed till 4",
        "call me on 020 7946 0000 if you need anything",
        "the GP: can someone ring them on 020 7946 0000?",
        "der Termin ist am 10.12.2026",
    ],
)
def test_chat_with_a_number_or_a_role_is_no_contact(text: str) -> None:
    assert not isinstance(route(MESSAGE, text, MONDAY, ("en", "de")), SaveContact)


def test_chat_with_numbers_stays_chat_and_never_reaches_the_database(circle: Circle) -> None:
    circle.say("alice", "morning")
    calls = []
    real_run = circle.core.database.run

    def counting_run(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[0])
        return real_run(*args, **kwargs)

    circle.core.database.run = counting_run  # type: ignore[method-assign]
    circle.say("alice", "Mum scored 3 out of 10 on the memory test")
    circle.say("alice", "her appointment letter says 10.12.2026")
    circle.say("alice", "the pharmacy is closed today")
    circle.say("alice", "the GP said her blood pressure was 140 over 90")
    assert calls == []


def test_contact_command_takes_a_known_role_or_the_members_own(circle: Circle) -> None:
    circle.say("alice", "/contact GP Dr Levin 020 7946 0000")
    circle.say("alice", "/contact podiatrist Jane Smith +33 1 23 45 67 89")
    assert circle.texts() == [
        "📇 GP: Dr Levin · +44 20 7946 0000",
        "📇 Podiatrist: Jane Smith · +33 1 23 45 67 89",
    ]
    circle.say("bob", "/contact Podiatrist Jane Smith-Jones")
    assert circle.texts() == ["📇 Podiatrist: Jane Smith-Jones · +33 1 23 45 67 89 (updated)"]


def test_contact_command_without_who_says_how(circle: Circle) -> None:
    circle.say("alice", "/contacts")
    assert circle.texts()[0].startswith("No contacts yet.")
    circle.say("alice", "/contact GP")
    circle.say("alice", "/contact GP 10.12.2026")
    texts = circle.texts()
    assert len(texts) == 2 and all(
        text.startswith("Say /contact ROLE NAME NUMBER") for text in texts
    )
    assert kept(circle) == []


@pytest.mark.parametrize(
    ("language", "command", "confirmed"),
    [
        ("es", "/contact farmacia Farmacia Sol 912 345 678", "📇 Farmacia: Farmacia Sol"),
        ("fr", "/contact pharmacie Pharmacie du Marché 01 23 45 67 89", "📇 Pharmacie : Pharmacie"),
        ("de", "/contact Apotheke Löwen-Apotheke 030 1234568", "📇 Apotheke: Löwen-Apotheke"),
        ("pt", "/contact farmácia Farmácia Central 21 123 4568", "📇 Farmácia: Farmácia Central"),
        (
            "it",
            "/contact farmacia Farmacia Centrale 06 1234 5679",
            "📇 Farmacia: Farmacia Centrale",
        ),
    ],
)
def test_the_contact_command_example_of_each_language_works(
    circle: Circle, language: str, command: str, confirmed: str
) -> None:
    zone = {
        "es": "Europe/Madrid",
        "fr": "Europe/Paris",
        "de": "Europe/Berlin",
        "pt": "Europe/Lisbon",
        "it": "Europe/Rome",
    }[language]
    speaking(circle, language, zone)
    circle.say("alice", command)
    [text] = circle.texts()
    assert text.startswith(confirmed)


def test_a_number_without_its_country_needs_the_circles_zone(circle: Circle) -> None:
    speaking(circle, "en", "UTC")
    circle.say("alice", "the GP is Dr Levin, 020 7946 0000")
    assert circle.texts() == []
    circle.say("alice", "the GP is Dr Levin, +44 20 7946 0000")
    assert circle.texts() == ["📇 GP: Dr Levin · +44 20 7946 0000"]


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/London", "GB"),
        ("Europe/Belfast", "GB"),  # an old name for the same zone
        ("Europe/Madrid", "ES"),
        ("America/Sao_Paulo", "BR"),
        ("UTC", None),
    ],
)
def test_a_circles_country_is_the_one_its_zone_lies_in(zone: str, country: str | None) -> None:
    assert country_of_zone(zone) == country


def test_a_contact_is_read_only_in_the_circles_languages() -> None:
    text = "der Hausarzt ist Dr. Weber, 030 1234567"
    assert read_contact(text, ("en",), "Europe/Berlin") is None
    reading = read_contact(text, ("en", "de"), "Europe/Berlin")
    assert reading is not None and reading.phone == "+49301234567"


def test_names_are_escaped_where_the_chat_formats_them(circle: Circle) -> None:
    circle.say("alice", "/contact GP Dr <b>Levin</b> & Partners 020 7946 0000")
    [message] = circle.bot_messages()
    [html] = html_parts(message.text)
    assert "Dr &lt;b&gt;Levin&lt;/b&gt; &amp; Partners" in html


def test_exports_carry_the_contacts(circle: Circle) -> None:
    circle.say("alice", "the GP is Dr Levin, 020 7946 0000")
    circle.say("dan", "/export")
    circle.say("dan", "/export json")
    markdown, document = circle.bot_messages()[-2:]
    assert "## Contacts\n- GP: Dr Levin · +44 20 7946 0000\n" in markdown.text
    assert document.attachment is not None
    [contact] = json.loads(document.attachment.content)["contacts"]
    assert contact["role"] == "gp" and contact["phone"] == "+442079460000"
    assert contact["said_by"] == "Alice"


def test_a_role_too_long_to_keep_is_cut_not_refused(circle: Circle) -> None:
    circle.say("alice", f"/contact {'podiatrist' * 10} Jane Smith +44 20 7946 0002")
    [text] = circle.texts()
    assert text.startswith("📇 Podiatrist") and text.endswith("…: Jane Smith · +44 20 7946 0002")
    assert len(kept(circle)[0].role) == 64
