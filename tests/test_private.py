"""A member's private chat with the bot, through the core: /mine over the circles the platform
confirmed, and how to start a circle, in every language."""

from __future__ import annotations

import pytest

from bot.core import CareCircleCore
from bot.matrix.direct import is_user_id
from handlers.formatting import MESSAGE_MAX_UNITS, units
from handlers.messages import PrivateMessage
from handlers.private import NewCircle, OwnTasks, Welcome, read_private
from handlers.speech import LANGUAGES
from tests.conftest import Circle

LINK = "https://t.me/carecircle_bot?startgroup=carecircle"


def private(text: str, sender: str = "alice", language: str = "en") -> PrivateMessage:
    return PrivateMessage(
        "console", f"private-{sender}", "1", sender, text, language, "start.add_group", LINK
    )


@pytest.fixture
def dads(core: CareCircleCore) -> Circle:
    chat = Circle(core, chat_id="dad")
    core.bot_joined(chat.platform, chat.chat_id, "Dad's care", chat.now)
    chat.bot_messages()
    return chat


def test_mine_in_private_shows_only_the_circles_the_platform_confirmed(
    circle: Circle, dads: Circle
) -> None:
    circle.say("alice", "task: book the GP Friday 10:00")
    circle.say("alice", "/claim 1")
    dads.say("alice", "task: drive Dad to dialysis Tuesday 9:00")
    dads.say("alice", "/claim 1")
    core = circle.core
    assert core.circles_of("console", "alice") == ["family", "dad"]

    both = core.own_tasks(private("/mine"), {"family", "dad"}).text
    assert both.splitlines() == [
        "What you hold in your circles:",
        "Dad's care · #1 Drive Dad to dialysis — Tue 17 Nov 09:00",
        "Mum · #1 Book the GP — Fri 20 Nov 10:00",
    ]
    one = core.own_tasks(private("/mine"), {"family"}).text
    assert "Dad" not in one and "#1 Book the GP" in one
    assert core.own_tasks(private("/mine"), set()).text.startswith("👋")


def test_a_chat_confirmed_for_someone_the_bot_never_saw_there_shows_nothing(
    circle: Circle,
) -> None:
    circle.say("alice", "task: book the GP")
    circle.say("alice", "/claim 1")
    circle.say("bob", "hello")
    answer = circle.core.own_tasks(private("/mine", sender="carol"), {"family"})
    assert "GP" not in answer.text and LINK in answer.text
    held = circle.core.own_tasks(private("/mine", sender="bob"), {"family"})
    assert held.text == "You hold no open tasks in your circles."
    assert held.reply_to_id == "1" and held.chat_id == "private-bob"


@pytest.mark.parametrize("language", LANGUAGES)
def test_how_to_start_a_circle_has_its_three_steps_in_every_language(
    core: CareCircleCore, language: str
) -> None:
    text = core.own_tasks(private("/start", language=language), set()).text
    assert LINK in text and "/mine" in text
    assert [line[:3] for line in text.splitlines()[1:4]] == ["1. ", "2. ", "3. "]


@pytest.mark.parametrize(
    ("text", "request_"),
    [
        ("/mine", OwnTasks()),
        ("/start", Welcome()),
        ("/start carecircle", Welcome()),
        ("can someone pick up the prescription?", Welcome()),
        (
            "/newcircle Mum's care @ann:example.org @bob:example.org",
            NewCircle("Mum's care", ("@ann:example.org", "@bob:example.org")),
        ),
        ("/newcircle", NewCircle("", ())),
        ("/newcircle @ann:example.org", NewCircle("", ("@ann:example.org",))),
    ],
)
def test_a_private_message_is_read_once(text: str, request_: object) -> None:
    assert read_private(text) == request_


@pytest.mark.parametrize(
    ("text", "is_valid"),
    [
        ("@ann:example.org", True),
        ("@bob-2:matrix.example.org:8448", True),
        ("@carol:[::1]", True),
        ("@bob", False),
        ("bob:example.org", False),
        ("@:example.org", False),
        ("@ann:example.org/room", False),
    ],
)
def test_a_matrix_user_id_is_told_from_anything_else(text: str, is_valid: bool) -> None:
    assert is_user_id(text) is is_valid


def test_a_long_private_list_fits_one_message_and_says_how_many_more(circle: Circle) -> None:
    for number in range(1, 81):
        circle.say("alice", f"task: {number} " + "call the pharmacy about the repeat order " * 5)
        circle.say("alice", f"/claim {number}")
    text = circle.core.own_tasks(private("/mine"), {"family"}).text
    assert units(text) <= MESSAGE_MAX_UNITS
    more = text.splitlines()[-1]
    assert more.startswith("… and ") and more.endswith(
        "/mine in each circle lists all of yours there."
    )
