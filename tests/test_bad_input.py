"""Huge, empty, binary-ish or hostile messages: a clear answer where one is due, never a crash."""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import replace

import pytest
from sqlmodel import Session, select

from bot.config import Settings
from bot.core import CareCircleCore
from handlers.messages import Incoming
from storage import circles
from storage.database import Database
from storage.errors import StorageUnavailable
from storage.labels import clean_label
from storage.models import Circle as StoredCircle
from storage.models import Member
from tests.conftest import Circle, postgres_url


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


# -- names, titles and numbers from the platform: cleaned at the edge, never a dropped update --

LONG_NAME = "Bob " + "b" * 300  # over the 255 characters a name column holds
DIRTY_TITLE = "Mum\x00's \u202ecare\u202c \t circle " + "x" * 300


_ids = itertools.count(1)


def _stored_circle(core: CareCircleCore, chat_id: str = "family") -> StoredCircle:
    def read(session: Session) -> StoredCircle:
        found = circles.find_circle(session, "console", chat_id)
        assert found is not None
        return found

    return core.database.run(read)


def _display_names(core: CareCircleCore) -> list[str]:
    def read(session: Session) -> list[str]:
        return [member.display_name for member in session.exec(select(Member)).all()]

    return core.database.run(read)


def _assert_clean(value: str, limit: int = 255) -> None:
    assert len(value) <= limit
    assert not any(char in value for char in "\x00\t\n\u202a\u202b\u202c\u202d\u202e\u2066\u2069")
    assert "  " not in value and value == value.strip()


def _from(circle: Circle, who: str, name: str, title: str | None, **fields: object) -> Incoming:
    message = circle.incoming(who, f"{who}-{next(_ids)}", **fields)
    return replace(message, sender_name=name, chat_title=title)


def test_clean_label_removes_controls_and_overrides_and_bounds_the_length() -> None:
    assert clean_label("  Ann\x00ie \u202eevil\u202c\u2066 \n\t Smith  ") == "Annie evil Smith"
    assert clean_label("b" * 300) == "b" * 254 + "…"
    assert clean_label("x" * 100_000, 64) == "x" * 63 + "…"
    assert clean_label(None) == "" and clean_label("\u202e\x00 ") == ""


def test_a_long_name_with_a_nul_is_cleaned_and_the_request_recorded(circle: Circle) -> None:
    message = _from(circle, "bob", "\x00" + LONG_NAME + "\u202e", None, text="task: call the GP")
    circle.core.handle(message, circle.now)
    assert circle.texts()[0].startswith("📝 #1 Call the GP")
    circle.core.handle(_from(circle, "bob", LONG_NAME, None, text="/claim 1"), circle.now)
    assert circle.texts()[0].startswith("✋ Bob bbbb")
    [name] = [name for name in _display_names(circle.core) if name.startswith("Bob")]
    _assert_clean(name)
    assert name.endswith("…")


def test_a_long_dirty_chat_title_is_cleaned_and_the_message_read(circle: Circle) -> None:
    circle.core.handle(_from(circle, "ann", "Ann", DIRTY_TITLE, text="task: buy pads"), circle.now)
    assert circle.texts()[0].startswith("📝 #1 Buy pads")
    title = _stored_circle(circle.core).name
    _assert_clean(title)
    assert title.startswith("Mum's care circle xxx") and title.endswith("…")
    circle.core.rename_circle("console", "family", "\u2067New\x00 name\u2069 " + "y" * 400)
    _assert_clean(_stored_circle(circle.core).name)


def test_a_member_joining_with_a_long_name_and_a_new_chat_with_a_long_title(
    circle: Circle,
) -> None:
    circle.core.member_joined("console", "family", "zed", LONG_NAME + "\x00", circle.now)
    circle.core.bot_joined("console", "other", DIRTY_TITLE, circle.now)
    _assert_clean(_stored_circle(circle.core, "other").name)
    assert all(len(name) <= 255 and "\x00" not in name for name in _display_names(circle.core))


def test_a_right_to_left_override_in_a_title_is_not_kept(circle: Circle) -> None:
    circle.say("alice", "task: \u202ecall the GP\u202c today")
    assert "\u202e" not in circle.texts()[0]
    circle.say("alice", "decision: \u2066Mum\u2069 moves \u202edownstairs")
    assert circle.texts()[0] == "📌 Decision #1 recorded: Mum moves downstairs"


@pytest.mark.parametrize("action", ["claim:99999999999", "done:99999999999", "claim:2147483648"])
def test_a_huge_number_on_a_button_gets_a_clear_answer(circle: Circle, action: str) -> None:
    circle.say("alice", "task: call the GP")
    circle.bot_messages()
    circle.say("bob", button=action, reply_to_id="bot-1")
    number = action.partition(":")[2]
    assert circle.texts() == [f"There is no task #{number}."]


def test_odd_digits_on_a_button_are_no_crash(circle: Circle) -> None:
    circle.say("bob", button="claim:²", reply_to_id="bot-1")
    circle.say("bob", button="claim:0", reply_to_id="bot-1")
    assert circle.texts() == ["There is no task #0."]


def test_a_huge_number_to_snooze_gets_a_clear_answer(circle: Circle) -> None:
    circle.say("alice", "task: call the GP")
    circle.bot_messages()
    circle.say("alice", "/snooze 99999999999 tomorrow")
    circle.say("alice", "/snooze #2147483648")
    circle.say("alice", "/snooze 0")
    assert circle.texts() == [
        "There is no task #99999999999.",
        "There is no task #2147483648.",
        "There is no task #0.",
    ]


def test_a_huge_number_in_words_gets_a_clear_answer(circle: Circle) -> None:
    circle.say("alice", "task: call the GP")
    circle.bot_messages()
    circle.say("bob", "#999999 done")
    assert circle.texts() == ["There is no task #999999."]


@pytest.mark.postgres
def test_long_names_titles_and_nuls_are_stored_on_postgresql() -> None:
    own_url = postgres_url()
    core = CareCircleCore(Database.open(own_url), Settings(database_url=own_url))
    chat = Circle(core)
    core.bot_joined("console", "family", DIRTY_TITLE, chat.now)
    chat.bot_messages()
    message = _from(chat, "bob", "\x00" + LONG_NAME, DIRTY_TITLE + "!", text="task: call the GP")
    core.handle(message, chat.now)
    core.handle(_from(chat, "bob", LONG_NAME, None, button="claim:99999999999"), chat.now)
    core.member_joined("console", "family", "zed", "Zed\x00" + "z" * 300, chat.now)
    core.rename_circle("console", "family", "\x00" + "t" * 300)
    chat.say("carol", "/snooze 99999999999")
    texts = chat.texts()
    assert texts[0].startswith("📝 #1 Call the GP")
    assert texts[1:] == ["There is no task #99999999999."] * 2
    _assert_clean(_stored_circle(core).name)
    assert all(len(name) <= 255 and "\x00" not in name for name in _display_names(core))
