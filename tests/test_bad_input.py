"""Huge, empty, binary-ish or hostile messages: a clear answer where one is due, never a crash."""

from __future__ import annotations

import sqlite3

import pytest

from bot.config import Settings
from bot.core import CareCircleCore
from storage.database import Database
from storage.errors import StorageUnavailable
from tests.conftest import Circle


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t  ",
        "🙂🙂🙂",
        "\x00\x01\x02\x1b[31m\x7f",
        "\u202eevil right-to-left\u202c",
        "مرحبا، كيف حال أمي اليوم؟",
        "<script>alert(1)</script>",
        "'; DROP TABLE task; --",
        "x" * 100_000,
        "\ud800 lone surrogate",
    ],
    ids=[
        "empty",
        "whitespace",
        "emoji",
        "control",
        "rtl-override",
        "arabic",
        "html",
        "sql",
        "100kb",
        "surrogate",
    ],
)
def test_odd_chatter_is_ignored_and_stores_nothing(circle: Circle, text: str) -> None:
    circle.say("alice", text)
    assert circle.bot_messages() == []
    circle.say("bob", "/tasks")
    assert circle.texts() == ["No open tasks. 🌿"]


def test_markup_in_a_task_title_is_kept_as_plain_text(circle: Circle) -> None:
    circle.say("alice", "task: <b>bring</b> & [link](http://x) *meds*")
    [ack] = circle.bot_messages()
    assert "<b>bring</b> & [link](http://x) *meds*" in ack.text  # adapters escape, the core keeps


def test_a_huge_task_is_kept_with_a_short_title(circle: Circle) -> None:
    circle.say("alice", "task: " + "sort the paperwork " * 10_000)
    [ack] = circle.bot_messages()
    assert len(ack.text) < 200
    assert ack.text.startswith("📝 #1 Sort the paperwork")


def test_control_characters_never_reach_the_reply(circle: Circle) -> None:
    circle.say("alice", "task: call\x00 the\x1b GP\x07")
    [ack] = circle.bot_messages()
    assert "#1 Call the GP" in ack.text


def test_nonsense_commands_get_a_clear_answer(circle: Circle) -> None:
    circle.say("alice", "/timezone Mars/Olympus_Mons")
    circle.say("alice", "/quiet whenever")
    circle.say("alice", "/digest 25:99")
    circle.say("alice", "/snooze soon")
    circle.say("alice", "/language klingon")
    answers = circle.texts()
    assert answers[0].startswith("I don't know the time zone 'Mars/Olympus_Mons'")
    assert answers[1].startswith("Say the quiet hours like /quiet 21:00-08:00")
    assert answers[2].startswith("Say the digest time like /digest 08:30")
    assert answers[3].startswith("Say which task and until when")
    assert answers[4].startswith("Say which languages the circle writes in")


def test_a_locked_database_loses_nothing(database_url: str) -> None:
    database = Database.open(database_url, busy_timeout_ms=50)
    core = CareCircleCore(database, Settings(database_url=database_url))
    chat = Circle(core)
    chat.say("alice", "task: first")
    chat.bot_messages()
    blocker = sqlite3.connect(database_url.removeprefix("sqlite:///"))
    blocker.execute("BEGIN EXCLUSIVE")
    message = chat.incoming("bob", "while-locked", text="task: second")
    with pytest.raises(StorageUnavailable):
        core.handle(message, chat.now)
    blocker.rollback()
    blocker.close()
    core.handle(message, chat.now)  # the adapter tries the same message again
    core.handle(message, chat.now)
    assert [m.text[:5] for m in chat.bot_messages()] == ["📝 #2 "]
