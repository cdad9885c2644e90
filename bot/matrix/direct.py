"""A member's direct room with the bot: knowing one, who is in a circle's room, and /newcircle.

A direct room is one the bot was invited to as a direct chat (``is_direct`` on its invite, as
Element sets it). It is never a circle: what is said there is answered privately.
``/newcircle Mum's care @ann:example.org`` there makes the circle's room: end-to-end encrypted
from its first event, invite-only, with the sender and those named invited and the bot in it.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from typing import Any

from nio import (
    AsyncClient,
    InviteMemberEvent,
    JoinedMembersResponse,
    RoomCreateResponse,
    RoomInviteResponse,
    RoomPreset,
)

from bot.matrix.inbound import PLATFORM, incoming_from_event
from bot.platform_speech import MATRIX
from handlers.messages import Outgoing, PrivateMessage
from handlers.private import NewCircle, answer

log = logging.getLogger(__name__)

# A user id: @localpart:server, the localpart any printable ASCII but ':' (historical ids
# included), the server a host name, IPv4 or [IPv6] address, with an optional port.
USER_ID = re.compile(r"@[!-9;-~]+:(?:[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")
ENCRYPTION = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
}
# The longest room name the bot gives (the circle keeps at most this much of it).
ROOM_NAME_MAX_CHARS = 255


def is_direct_invite(invite_state: Sequence[object], own_user_id: str) -> bool:
    """Whether the bot's own invite, among an invited room's state, says "a direct chat"."""
    return any(
        isinstance(event, InviteMemberEvent)
        and event.state_key == own_user_id
        and event.content.get("is_direct") is True
        for event in invite_state
    )


def private_message(
    room_id: str, event: dict[str, Any], bot_user_id: str, language: str
) -> PrivateMessage | None:
    """A new text message in a direct room, as the member's private message; None for
    anything else (reactions, edits, notices)."""
    said = incoming_from_event(room_id, event, "", None)
    if said is None or not said.text or said.edit_of is not None:
        return None
    return PrivateMessage(
        platform=PLATFORM,
        chat_id=room_id,
        message_id=said.message_id,
        sender_id=said.sender_id,
        text=said.text,
        language=language,
        how_to_start="start.add_room",
        bot_address=bot_user_id,
    )


def is_user_id(text: str) -> bool:
    return USER_ID.fullmatch(text) is not None


async def is_joined(client: AsyncClient, room_id: str, user_id: str) -> bool:
    """Whether the homeserver lists ``user_id`` among the room's joined members right now; a
    room the bot is no longer in tells nothing, so it counts as no."""
    answer = await client.joined_members(room_id)
    if not isinstance(answer, JoinedMembersResponse):
        return False
    return any(member.user_id == user_id for member in answer.members)


async def start_circle(
    client: AsyncClient, message: PrivateMessage, request: NewCircle
) -> Outgoing:
    """Make the circle's encrypted room, invite the sender and those named, and say so.

    The bot is in the room it made, so the circle begins (and is greeted) when the next sync
    shows its join, as in any room it is invited to.
    """
    wrong = [name for name in request.invitees if not is_user_id(name)]
    if wrong:
        return _reply(message, "newcircle.bad_ids", ids=", ".join(wrong))
    if not request.name:
        return _reply(message, "newcircle.usage")
    created = await client.room_create(
        name=request.name[:ROOM_NAME_MAX_CHARS],
        # Every member may change the room as much as the bot: no gatekeeper.
        preset=RoomPreset.trusted_private_chat,
        invite=[message.sender_id],
        initial_state=[ENCRYPTION],
    )
    if not isinstance(created, RoomCreateResponse):
        log.warning("could not make a circle's room: %s", created)
        return _reply(message, "newcircle.failed")
    named = list(dict.fromkeys(user for user in request.invitees if user != message.sender_id))
    answers = await asyncio.gather(*(client.room_invite(created.room_id, user) for user in named))
    missed = [user for user, sent in zip(named, answers, strict=True) if not _invited(sent)]
    invited = [message.sender_id, *(user for user in named if user not in missed)]
    languages = (message.language,)
    text = MATRIX.phrase("newcircle.made", languages, name=request.name, people=", ".join(invited))
    if missed:
        text += "\n" + MATRIX.phrase("newcircle.not_invited", languages, people=", ".join(missed))
    return answer(message, text)


def _reply(message: PrivateMessage, key: str, **values: object) -> Outgoing:
    """Matrix's message ``key`` in the member's language, as an answer to their message."""
    return answer(message, MATRIX.phrase(key, (message.language,), **values))


def _invited(answer: object) -> bool:
    if not isinstance(answer, RoomInviteResponse):
        log.info("an invite to a new circle's room was refused: %s", answer)
        return False
    return True
