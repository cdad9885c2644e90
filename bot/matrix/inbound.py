"""Reading a Matrix room event (decrypted where it was encrypted) as a member's act.

Only the raw event dict is read, so plain and decrypted events take the same path. Example: an
``m.room.message`` whose content is ``{"msgtype": "m.text", "body": "> <@ann:example.org> task …
\\n\\n/claim 1", "m.relates_to": {"m.in_reply_to": {"event_id": "$ack"}}}`` becomes
``Incoming(text="/claim 1", reply_to_id="$ack")``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from handlers.messages import Incoming

PLATFORM = "matrix"
# Message types that carry a member's words; notices are other bots talking.
READABLE_MSGTYPES = frozenset({"m.text", "m.emote"})


def strip_reply_fallback(body: str) -> str:
    """Drop the ``> <@user> quoted text`` lines clients put above a reply's own words."""
    lines = body.split("\n")
    if not lines or not lines[0].startswith("> <"):
        return body
    while lines and lines[0].startswith(">"):
        lines.pop(0)
    return "\n".join(lines).lstrip("\n")


def sent_at(event: dict[str, Any]) -> datetime:
    milliseconds = event.get("origin_server_ts")
    if not isinstance(milliseconds, int):
        return datetime.now(UTC)
    return datetime.fromtimestamp(milliseconds / 1000, UTC)


def incoming_from_event(
    room_id: str, event: dict[str, Any], sender_name: str, room_name: str | None
) -> Incoming | None:
    """The member's act in ``event``, or None for anything the circle does not act on."""
    content = event.get("content")
    if not isinstance(content, dict) or not isinstance(event.get("event_id"), str):
        return None
    relation = content.get("m.relates_to")
    relation = relation if isinstance(relation, dict) else {}
    common = {
        "platform": PLATFORM,
        "chat_id": room_id,
        "message_id": event["event_id"],
        "sender_id": str(event.get("sender", "")),
        "sender_name": sender_name,
        "sent_at": sent_at(event),
        "chat_title": room_name,
    }
    if event.get("type") == "m.reaction":
        return _reaction(relation, common)
    if event.get("type") == "m.room.message":
        return _message(content, relation, common)
    return None


def _reaction(relation: dict[str, Any], common: dict[str, Any]) -> Incoming | None:
    target, key = relation.get("event_id"), relation.get("key")
    if relation.get("rel_type") != "m.annotation" or not isinstance(target, str):
        return None
    if not isinstance(key, str):
        return None
    # Clients add a variation selector to some emoji (✋️); the core knows them without it.
    return Incoming(**common, reaction=key.replace("\ufe0f", ""), reply_to_id=target)


def _message(
    content: dict[str, Any], relation: dict[str, Any], common: dict[str, Any]
) -> Incoming | None:
    edit_of = None
    if relation.get("rel_type") == "m.replace":
        new_content = content.get("m.new_content")
        if not isinstance(new_content, dict) or not isinstance(relation.get("event_id"), str):
            return None
        edit_of, content = relation["event_id"], new_content
    body = content.get("body")
    if content.get("msgtype") not in READABLE_MSGTYPES or not isinstance(body, str):
        return None
    thread_id = None
    if relation.get("rel_type") == "m.thread" and isinstance(relation.get("event_id"), str):
        thread_id = relation["event_id"]
    in_reply_to = relation.get("m.in_reply_to")
    reply_to_id = in_reply_to.get("event_id") if isinstance(in_reply_to, dict) else None
    if thread_id is not None and relation.get("is_falling_back"):
        reply_to_id = None  # a plain message in a thread, not a reply to its last message
    return Incoming(
        **common,
        text=strip_reply_fallback(body),
        reply_to_id=reply_to_id if isinstance(reply_to_id, str) else None,
        thread_id=thread_id,
        edit_of=edit_of,
    )
