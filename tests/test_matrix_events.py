"""Matrix events read as member acts, and the bot's messages written as Matrix content.

No server here: these are the translations the end-to-end tests rely on, case by case.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.matrix.inbound import incoming_from_event, strip_reply_fallback
from bot.matrix.membership import is_allowed_inviter
from bot.matrix.outbound import button_hint, file_content, reaction_content, text_content
from handlers.messages import Attachment, Button, Mention, Outgoing

ROOM = "!circle:example.org"


def event(content: dict[str, Any], event_type: str = "m.room.message") -> dict[str, Any]:
    return {
        "type": event_type,
        "event_id": "$new",
        "sender": "@ann:example.org",
        "origin_server_ts": 1_700_000_000_000,
        "content": content,
    }


def read(content: dict[str, Any], event_type: str = "m.room.message"):
    return incoming_from_event(ROOM, event(content, event_type), "Ann", "Mum")


def test_a_reply_is_read_without_the_quoted_message_above_it() -> None:
    body = "> <@bot:example.org> 📝 #1 Pick up prescriptions\n> second line\n\nI'll take it"
    incoming = read(
        {"msgtype": "m.text", "body": body, "m.relates_to": {"m.in_reply_to": {"event_id": "$a"}}}
    )
    assert incoming is not None
    assert (incoming.text, incoming.reply_to_id) == ("I'll take it", "$a")


def test_a_quote_the_member_wrote_is_kept() -> None:
    assert strip_reply_fallback("> as the nurse said\nno more driving") == (
        "> as the nurse said\nno more driving"
    )


def test_an_edit_carries_the_new_words_and_the_original_message() -> None:
    incoming = read(
        {
            "msgtype": "m.text",
            "body": "* task: pick up prescriptions Saturday 10:00",
            "m.new_content": {"msgtype": "m.text", "body": "task: pick up prescriptions Saturday"},
            "m.relates_to": {"rel_type": "m.replace", "event_id": "$request"},
        }
    )
    assert incoming is not None
    assert incoming.edit_of == "$request"
    assert incoming.text == "task: pick up prescriptions Saturday"


def test_a_message_in_a_thread_names_its_thread() -> None:
    relation = {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": "$latest"},
    }
    incoming = read({"msgtype": "m.text", "body": "/tasks", "m.relates_to": relation})
    assert incoming is not None
    assert (incoming.thread_id, incoming.reply_to_id) == ("$root", None)


@pytest.mark.parametrize("key", ["✋", "✋\ufe0f"])
def test_a_raised_hand_reaction_is_read_as_that_emoji(key: str) -> None:
    relation = {"rel_type": "m.annotation", "event_id": "$ack", "key": key}
    incoming = read({"m.relates_to": relation}, "m.reaction")
    assert incoming is not None
    assert (incoming.reaction, incoming.reply_to_id) == ("✋", "$ack")


@pytest.mark.parametrize(
    "content",
    [
        {"msgtype": "m.notice", "body": "another bot"},
        {"msgtype": "m.image", "body": "photo.jpg"},
        {"msgtype": "m.text"},
        {"body": "no msgtype"},
    ],
)
def test_what_is_not_a_member_writing_is_left_alone(content: dict[str, Any]) -> None:
    assert read(content) is None


def test_member_text_is_escaped_in_the_html_and_kept_as_is_in_the_body() -> None:
    message = Outgoing("matrix", ROOM, "📝 #1 Ask about <b>new</b> pills & doses")
    content = text_content(message)
    assert content["body"] == "📝 #1 Ask about <b>new</b> pills & doses"
    assert content["formatted_body"] == "📝 #1 Ask about &lt;b&gt;new&lt;/b&gt; pills &amp; doses"
    assert content["format"] == "org.matrix.custom.html"


def test_mentions_become_pills_and_notify_the_members() -> None:
    mention = Mention("@bob:example.org", "Bob <3")
    content = text_content(Outgoing("matrix", ROOM, "⏰ #1 is due", mentions=(mention,)))
    assert (
        '<a href="https://matrix.to/#/@bob:example.org">Bob &lt;3</a>'
        in (content["formatted_body"])
    )
    assert content["m.mentions"] == {"user_ids": ["@bob:example.org"]}


def test_an_edit_replaces_the_earlier_message_in_place() -> None:
    bob = Mention("@bob:example.org", "Bob")
    message = Outgoing("matrix", ROOM, "📝 #1 — ✋ Bob", edit_of="$ack", mentions=(bob,))
    content = text_content(message)
    assert content["body"] == "* 📝 #1 — ✋ Bob\nBob"
    assert content["m.new_content"]["body"] == "📝 #1 — ✋ Bob\nBob"
    assert content["m.relates_to"] == {"rel_type": "m.replace", "event_id": "$ack"}
    assert content["m.mentions"] == {}  # nobody is pinged again by a correction


def test_an_answer_in_a_thread_stays_in_the_thread_and_replies_there() -> None:
    message = Outgoing("matrix", ROOM, "Open tasks: …", reply_to_id="$asked", thread_id="$root")
    assert text_content(message)["m.relates_to"] == {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": False,
        "m.in_reply_to": {"event_id": "$asked"},
    }


def test_a_reaction_annotates_the_member_message() -> None:
    message = Outgoing("matrix", ROOM, "Noted", reply_to_id="$decision", reaction="✍")
    assert reaction_content(message)["m.relates_to"] == {
        "rel_type": "m.annotation",
        "event_id": "$decision",
        "key": "✍",
    }


BUTTONS = (Button("✋ I'll take it", "claim:1"), Button("✅ Done", "done:1"))


def test_buttons_become_a_hint_only_where_the_text_does_not_say_how_to_claim() -> None:
    says_how = Outgoing(
        "matrix", ROOM, '📝 #1 Pills · reply "I\'ll take it" to claim', buttons=BUTTONS
    )
    held = Outgoing("matrix", ROOM, "📝 #1 Get the pills done — ✋ Bob", buttons=BUTTONS)
    assert button_hint(says_how) is None
    assert button_hint(held) == "↳ ✋ I'll take it · ✅ Done"
    assert text_content(held)["body"].endswith("\n↳ ✋ I'll take it · ✅ Done")


def test_an_export_is_a_file_with_its_caption() -> None:
    attachment = Attachment("circle.md", "text/markdown", "# Mum\n")
    message = Outgoing("matrix", ROOM, "Here is the circle", attachment=attachment)
    content = file_content(message, attachment, {"url": "mxc://example.org/abc"}, 6)
    assert content["msgtype"] == "m.file"
    assert (content["body"], content["filename"]) == ("Here is the circle", "circle.md")
    assert content["info"] == {"mimetype": "text/markdown", "size": 6}


@pytest.mark.parametrize(
    ("inviter", "allowed", "expected"),
    [
        ("@ann:family.example", (), True),
        ("@ann:family.example", ("@ann:family.example",), True),
        ("@eve:elsewhere.example", ("@ann:family.example",), False),
        ("@nurse:care.example.org", (":care.example.org",), True),
        ("@eve:notcare.example.org", (":care.example.org",), False),
        (None, (":care.example.org",), False),
    ],
)
def test_invites_are_accepted_only_from_allowed_inviters(
    inviter: str | None, allowed: tuple[str, ...], expected: bool
) -> None:
    assert is_allowed_inviter(inviter, allowed) is expected
