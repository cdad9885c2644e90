"""The transport-neutral values that cross between adapters and the core.

An adapter turns a platform update into one of these inert values, makes one call into the
core, and sends each ``Outgoing`` it gets back. Nothing here does I/O.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Incoming:
    """One thing a member did in the circle's chat.

    Exactly one of ``text`` (a message, or its new text when ``edit_of`` is set), ``reaction``
    (an emoji put on ``reply_to_id``) or ``button`` (the action of a button under the bot's
    message ``reply_to_id``, such as ``"claim:12"``) carries the member's act.
    """

    platform: str
    chat_id: str
    message_id: str
    sender_id: str
    sender_name: str
    sent_at: datetime
    text: str = ""
    reply_to_id: str | None = None
    thread_id: str | None = None
    edit_of: str | None = None
    reaction: str | None = None
    button: str | None = None
    chat_title: str | None = None

    @property
    def subject_id(self) -> str:
        """The member's message this act is about, for the bot's answer to mark or reply to:
        the message reacted to, the message edited, or this one."""
        if self.reaction is not None and self.reply_to_id:
            return self.reply_to_id
        return self.edit_of or self.message_id


@dataclass(frozen=True, slots=True)
class PrivateMessage:
    """A member writing to the bot alone (a Telegram private chat, a Matrix direct room).

    A private chat is never a circle: the bot answers there with what the member holds in the
    circles they are still in, or how to start one. ``language`` is the member's own (their
    app's, where the platform says it). ``how_to_start`` names the phrase saying how to bring
    the bot into a group on this platform, with ``bot_address`` (a link, a user id) filled in.
    """

    platform: str
    chat_id: str
    message_id: str
    sender_id: str
    text: str
    language: str
    how_to_start: str
    bot_address: str


@dataclass(frozen=True, slots=True)
class Button:
    """A button under a bot message; ``action`` comes back as ``Incoming.button``."""

    label: str
    action: str

    @classmethod
    def acting(cls, label: str, act: ButtonAct, number: int) -> Button:
        """A button that does ``act`` to task (or offer) ``number`` when pressed."""
        return cls(label, f"{act}:{number}")

    @property
    def act(self) -> ButtonAct | None:
        found = pressed(self.action)
        return found[0] if found else None


class ButtonAct(StrEnum):
    """What a pressed button asks for; its action reads ``claim:12``."""

    CLAIM = "claim"
    DONE = "done"
    UNCLAIM = "unclaim"
    TAKE_ALL = "take_all"  # every item of a move's checklist


def pressed(action: str) -> tuple[ButtonAct, str] | None:
    """The act a button's action asks for and what it names (``"12"``); None for another."""
    verb, _, named = action.partition(":")
    try:
        return ButtonAct(verb), named
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A member to notify; adapters render it the platform's way (a link, a pill)."""

    user_id: str
    name: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a message (an export); adapters upload it the platform's way."""

    filename: str
    media_type: str
    content: str


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One thing the bot says or does in a circle's chat.

    ``text`` is plain text: adapters escape it for whatever formatting they use. Where
    ``reaction`` is set, a platform with reactions may put that emoji on ``reply_to_id``
    instead of sending ``text``; ``text`` is the fallback. ``edit_of`` names a message the
    bot sent earlier that this one replaces in place. ``outbox_id`` is the row in the
    persistent outbox; the adapter reports delivery with it. ``attachment``, where set, is a
    file to send with ``text`` as its caption.
    """

    platform: str
    chat_id: str
    text: str
    reply_to_id: str | None = None
    thread_id: str | None = None
    reaction: str | None = None
    edit_of: str | None = None
    buttons: tuple[Button, ...] = ()
    mentions: tuple[Mention, ...] = field(default=())
    attachment: Attachment | None = None
    outbox_id: int | None = None


def outgoing_to_json(message: Outgoing) -> str:
    """Serialise for the outbox (``outbox_id`` is the row's own, so it is left out)."""
    fields = asdict(message)
    del fields["outbox_id"]
    return json.dumps(fields, ensure_ascii=False)


def outgoing_from_json(payload: str, outbox_id: int) -> Outgoing:
    """The message a row of the outbox holds; fields an earlier version kept and this one has
    no use for are passed over, so a message queued before an upgrade still goes out."""
    fields = {
        name: value for name, value in json.loads(payload).items() if name in _OUTGOING_FIELDS
    }
    fields["buttons"] = tuple(Button(**button) for button in fields["buttons"])
    fields["mentions"] = tuple(Mention(**mention) for mention in fields["mentions"])
    if fields.get("attachment"):
        fields["attachment"] = Attachment(**fields["attachment"])
    return Outgoing(**fields, outbox_id=outbox_id)


_OUTGOING_FIELDS = frozenset(Outgoing.__dataclass_fields__) - {"outbox_id"}
