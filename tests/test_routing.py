"""Each member act is routed once, before any storage work, and read at its own moment."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from handlers.commands import Command
from handlers.messages import Incoming
from handlers.routing import CHATTER, Edit, NotATask, Press, React, RemindMe, SetZone, Undo, route
from handlers.understanding import Kind
from tests.conftest import Circle

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
MESSAGE = Incoming("console", "family", "1", "ann", "Ann", MONDAY)


def routed(text: str, **fields: object):
    return route(replace(MESSAGE, text=text, **fields), text, MONDAY, ("en",))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "fields", "expected"),
    [
        ("/tasks", {}, Command("tasks", "")),
        ("/snooze 2 tomorrow", {}, Command("snooze", "2 tomorrow")),
        ("undo", {}, Undo()),
        ("not a task", {"reply_to_id": "7"}, NotATask()),
        ("remind me tomorrow", {"reply_to_id": "7"}, RemindMe("tomorrow")),
        ("our time zone is Europe/Madrid", {}, SetZone("Europe/Madrid")),
        ("", {"button": "claim:3"}, Press("claim:3")),
        ("", {"reaction": " ✋ ", "reply_to_id": "7"}, React("✋")),
    ],
)
def test_commands_steering_and_platform_acts_are_routed_by_their_form(
    text: str, fields: dict, expected: object
) -> None:
    assert routed(text, **fields) == expected


def test_plain_messages_and_explicit_acts_are_routed_with_their_reading() -> None:
    assert routed("can someone take Dad to dialysis Tue 9am?").intent.kind is Kind.TASK  # type: ignore[union-attr]
    assert routed("/claim 4").intent.ref == 4  # type: ignore[union-attr]
    assert routed("lovely to see her smiling today") == CHATTER
    edit = routed("can someone come Friday instead?", edit_of="1")
    assert isinstance(edit, Edit) and edit.intent.kind is Kind.TASK


def test_how_someone_is_is_an_all_clear_never_a_decision(circle: Circle) -> None:
    circle.say("ann", "/language de")
    circle.say("ann", "Sie ist okay")
    assert [text for text in circle.texts() if "#1" in text] == []  # nothing noted


def test_chatter_in_a_known_circle_never_reaches_the_database(circle: Circle) -> None:
    circle.say("ann", "morning all")  # the circle and its member become known
    calls = []
    real_run = circle.core.database.run

    def counting_run(*args, **kwargs):
        calls.append(args[0])
        return real_run(*args, **kwargs)

    circle.core.database.run = counting_run  # type: ignore[method-assign]
    circle.say("ann", "she had a good night, ate all her porridge")
    assert calls == []
    circle.say("ann", "can someone bring her slippers tomorrow?")
    assert len(calls) == 1


def test_a_message_delivered_late_is_read_at_the_moment_it_was_sent(circle: Circle) -> None:
    """Sent on Monday, handled on Tuesday after an outage: "tomorrow" is still Tuesday."""
    sent = circle.now
    circle.later(days=1, hours=1)
    late = replace(
        circle.incoming("ann", "42", text="can someone pick up Mum's prescription tomorrow?"),
        sent_at=sent,
    )
    circle.core.handle(late, circle.now)
    circle.bot_messages()
    circle.say("bob", "/tasks")
    listing = circle.texts()[-1]
    assert "Tue 17 Nov" in listing, listing
    assert sent + timedelta(days=1) < circle.now
