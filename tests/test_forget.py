"""Forgetting means gone: after ``/forget`` the words are in no table and not in the file;
after ``/forgetme`` a member's name is nowhere the circle shows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from bot.config import Settings
from bot.core import CareCircleCore
from storage.database import Database
from tests.conftest import START, Circle, postgres_url

TITLE = "Collect the insulin pens from Boots"
DECISION = "Mum sleeps downstairs until the hip heals"
NAME = "Zebedee"
# An item of the checklist offered for a move, taken as a task.
CHECKLIST_ITEM = "Get the discharge letter"
CONTACT = "Dr Quillfeather"
PHONE = "+442079461234"  # as stored; the bot's confirmation showed it as +44 20 7946 1234
SECRETS = (TITLE, DECISION, NAME, CHECKLIST_ITEM, CONTACT, PHONE)


def _full_circle(circle: Circle) -> None:
    """Everything a circle can hold: tasks, claims, a decision, roles, a contact, exports,
    nudges, a move and the tasks taken from its checklist."""
    circle.say("zebedee", f"task: {TITLE} tomorrow 3pm")
    circle.say("alice", "task: ring the district nurse")
    circle.say("zebedee", "/claim 1")
    circle.say("zebedee", "/role Nurse")
    circle.say("zebedee", f"decision: {DECISION}")
    circle.say("carol", f"the GP is {CONTACT}, 020 7946 1234")
    circle.say("bob", "/snooze 1 tomorrow")
    circle.say("alice", "Dad comes home from the hospital on Thursday")
    circle.bot_messages()
    circle.say("zebedee", "2")
    circle.say("alice", "/export json")
    circle.say("alice", "/export ics")
    circle.say("alice", "/export")
    circle.bot_messages()
    circle.later(days=2)
    circle.say("alice", "/tasks")
    circle.bot_messages()


def _forget(circle: Circle) -> list[str]:
    circle.say("alice", "/forget")
    circle.say("bob", "/forget")
    return circle.texts()


def _file_bytes(database: Path) -> bytes:
    """The database file and whatever its write-ahead log still holds."""
    files = [database, database.with_name(database.name + "-wal")]
    return b"".join(path.read_bytes() for path in files if path.exists())


def _found(content: bytes) -> dict[str, int]:
    content = content.lower()
    return {secret: content.count(secret.lower().encode()) for secret in SECRETS}


def test_forgetting_leaves_no_word_in_the_sqlite_file(circle: Circle, tmp_path: Path) -> None:
    _full_circle(circle)
    database = tmp_path / "circle.db"
    before = _found(_file_bytes(database))
    assert all(before.values()), before
    texts = _forget(circle)
    assert texts[-1].startswith("🧹 Done")
    after = _found(_file_bytes(database))
    assert after == dict.fromkeys(SECRETS, 0), after


def test_forgetting_empties_every_table_of_the_circle(circle: Circle, database_url: str) -> None:
    _full_circle(circle)
    _forget(circle)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        counts = {
            table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
            for table in (
                "task",
                "claim",
                "snooze",
                "decision",
                "contact",
                "member",
                "nudge",
                "move",
                "moveitem",
            )
        }
        outbox = connection.execute(text("SELECT payload FROM outboxmessage")).scalars().all()
        seen = connection.execute(text("SELECT key FROM seenmessage")).scalars().all()
    engine.dispose()
    assert counts == dict.fromkeys(counts, 0)
    assert [json.loads(payload)["text"][:6] for payload in outbox] == ["🧹 Done"]
    assert len(seen) == 1  # the confirming message itself, so a redelivery is not a new request


def test_after_forgetting_the_circle_starts_afresh(circle: Circle) -> None:
    _full_circle(circle)
    _forget(circle)
    circle.say("zebedee", "/tasks")
    circle.say("carol", "task: water the plants")
    circle.say("zebedee", "/claim 1")
    circle.say("alice", "/forget")
    texts = circle.texts()
    assert texts[0] == "No open tasks. 🌿"
    assert texts[1].startswith("📝 #1 Water the plants")
    assert texts[-1].startswith("⚠️ Alice asks me to forget")  # a new request, not a leftover


@pytest.mark.postgres
def test_forgetting_leaves_no_word_in_any_postgres_table() -> None:
    url = postgres_url()
    core = CareCircleCore(
        Database.open(url), Settings(database_url=url, default_timezone="Europe/London")
    )
    circle = Circle(core, now=START)
    core.bot_joined(circle.platform, circle.chat_id, "Mum", circle.now)
    circle.bot_messages()
    _full_circle(circle)
    before = _postgres_found(url)
    assert all(before.values()), before
    _forget(circle)
    assert _postgres_found(url) == dict.fromkeys(SECRETS, 0)
    core.database.engine.dispose()


def _postgres_found(url: str) -> dict[str, int]:
    """Rows of any table whose text (every column, cast to text) holds each secret."""
    engine = create_engine(url)
    found = dict.fromkeys(SECRETS, 0)
    with engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            for secret in SECRETS:
                query = text(f'SELECT count(*) FROM "{table}" AS row WHERE row::text ILIKE :like')
                found[secret] += connection.execute(query, {"like": f"%{secret}%"}).scalar_one()
    engine.dispose()
    return found


def test_forgetme_puts_a_neutral_label_where_the_name_stood(circle: Circle, tmp_path: Path) -> None:
    circle.say("alice", "task: book the podiatrist")
    circle.say("alice", "task: renew the blue badge")
    circle.say("zebedee", "/claim 1")
    circle.say("zebedee", "/claim 2")
    circle.say("zebedee", "/done 2")
    circle.say("zebedee", "/role Nurse")
    circle.say("zebedee", "decision: Mum moves downstairs")
    circle.say("alice", "/export json")
    circle.bot_messages()
    circle.say("zebedee", "/forgetme")
    assert circle.texts() == [
        "👋 A member asked to be forgotten: their name now reads “a former member” in this "
        "circle. Free to take again: #1."
    ]
    circle.say("alice", "/tasks")
    circle.say("alice", "/decisions")
    circle.say("alice", "/export json")
    tasks, decisions, export = circle.bot_messages()
    assert "#1 Book the podiatrist" in tasks.text and "✋" not in tasks.text
    assert decisions.text == "Decisions:\n#1 Mum moves downstairs (a former member, Mon 16 Nov)"
    assert export.attachment is not None
    document = json.loads(export.attachment.content)
    assert [task["claimed_by"] for task in document["tasks"]] == [[], ["a former member"]]
    content = _file_bytes(tmp_path / "circle.db")
    assert _found(content)[NAME] == 0  # nor in the bot's copies of what it said, nor in the file


def test_forgetme_speaks_the_circles_language(circle: Circle) -> None:
    circle.say("alice", "/language es")
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.say("bob", "/forgetme")
    assert circle.texts() == [
        "👋 Un miembro pidió ser olvidado: su nombre ahora dice «un antiguo miembro» en este "
        "círculo."
    ]


def test_a_forgotten_member_who_speaks_again_is_a_new_member(circle: Circle) -> None:
    circle.say("alice", "task: book the podiatrist")
    circle.say("bob", "/claim 1")
    circle.say("bob", "/forgetme")
    circle.bot_messages()
    circle.say("bob", "/mine")
    circle.say("bob", "/claim 1")
    texts = circle.texts()
    assert texts[0].startswith("Bob") and "#1" not in texts[0]
    assert "Bob" in texts[1]
