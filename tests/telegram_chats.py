"""A Telegram group as the test Bot API server keeps it, and the JSON shapes it speaks in.

Messages are kept the way a member sees them: HTML rendered to text, edits applied, the bot's
reaction shown, buttons listed by their label.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

BOT_ID = 7000
# What Telegram renders of the HTML parse mode; any other tag is refused.
ALLOWED_TAGS = frozenset({"b", "strong", "i", "em", "u", "ins", "s", "a", "code", "pre"})
# Emoji a bot may react with (a subset of Telegram's list is enough here); ✋ and ✅ are not.
BOT_REACTIONS = frozenset({"👍", "👌", "✍", "🫡", "🤝", "🙏", "👀", "❤", "🎉"})
MESSAGE_MAX_CHARS = 4096


@dataclass
class ChatMessage:
    """A message in a chat as its members see it."""

    message_id: int
    sender_id: int
    text: str
    html: str = ""
    thread_id: int | None = None
    reply_to: int | None = None
    buttons: list[tuple[str, str]] = field(default_factory=list)
    reaction: str | None = None
    document: dict[str, str] | None = None
    was_edited: bool = False

    @property
    def is_from_bot(self) -> bool:
        return self.sender_id == BOT_ID


@dataclass
class Chat:
    """A group (or forum) the bot is in, or a member's private chat with it (``title`` is then
    their first name), with everything said there and who is in it."""

    id: int
    title: str
    type: str = "supergroup"
    is_forum: bool = False
    bot_is_admin: bool = False
    allows_reactions: bool = True
    # The reactions its admins allow, when they chose some; None is all of them.
    available_reactions: frozenset[str] | None = None
    deleted_topics: set[int] = field(default_factory=set)
    migrated_to: int | None = None
    messages: list[ChatMessage] = field(default_factory=list)
    # Each member's ChatMember status ("member", "left", "kicked", "restricted", …) by user id.
    statuses: dict[int, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        if self.type == "private":
            return {"id": self.id, "type": "private", "first_name": self.title}
        shape: dict[str, Any] = {"id": self.id, "type": self.type, "title": self.title}
        if self.is_forum:
            shape["is_forum"] = True
        return shape

    def message(self, message_id: int) -> ChatMessage | None:
        return next((m for m in self.messages if m.message_id == message_id), None)

    def allows(self, emoji: str) -> bool:
        """Whether a reaction with ``emoji`` may be put on a message here."""
        if not self.allows_reactions:
            return False
        return self.available_reactions is None or emoji in self.available_reactions

    def message_json(self, message: ChatMessage, sender: dict[str, Any]) -> dict[str, Any]:
        """A message as the Bot API sends it, replied-to message and buttons included."""
        shape: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": self.as_json(),
            "from": sender,
            "text": message.text,
        }
        if message.thread_id is not None:
            shape["message_thread_id"] = message.thread_id
            shape["is_topic_message"] = True
        replied = self.message(message.reply_to or message.thread_id or 0)
        if replied is not None and replied is not message:
            shape["reply_to_message"] = {
                "message_id": replied.message_id,
                "date": int(time.time()),
                "chat": self.as_json(),
                "text": replied.text,
            }
        if message.buttons:
            shape["reply_markup"] = {
                "inline_keyboard": [
                    [{"text": label, "callback_data": data} for label, data in message.buttons]
                ]
            }
        return shape


class VisibleText(HTMLParser):
    """What a member sees of an HTML message; notes tags Telegram would refuse."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.bad_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.bad_tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def user(user_id: int, first_name: str) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": first_name}


def bot_user(can_read_all_group_messages: bool) -> dict[str, Any]:
    return {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": "CareCircle",
        "username": "carecircle_test_bot",
        "can_join_groups": True,
        "can_read_all_group_messages": can_read_all_group_messages,
        "supports_inline_queries": False,
    }


def bot_membership(chat: Chat, bot: dict[str, Any]) -> dict[str, Any]:
    """The bot's membership of a chat, as getChatMember answers it."""
    if not chat.bot_is_admin:
        return {"status": "member", "user": bot}
    rights = (
        "can_manage_chat can_delete_messages can_manage_video_chats can_restrict_members "
        "can_change_info can_invite_users can_post_stories can_edit_stories "
        "can_delete_stories"
    )
    return {
        "status": "administrator",
        "user": bot,
        "can_be_edited": False,
        "is_anonymous": False,
        "can_promote_members": False,
        **dict.fromkeys(rights.split(), True),
    }


def visible(text: str, parse_mode: str | None) -> tuple[str, str | None]:
    """The text members see, or why Telegram would refuse it."""
    if parse_mode != "HTML":
        return text, None
    parser = VisibleText()
    parser.feed(text)
    parser.close()
    shown = "".join(parser.parts)
    if parser.bad_tags:
        return "", f"Bad Request: can't parse entities: unsupported start tag {parser.bad_tags[0]}"
    if len(shown.encode("utf-16-le")) // 2 > MESSAGE_MAX_CHARS:
        return "", "Bad Request: message is too long"
    return shown, None


def buttons(params: dict[str, Any]) -> list[tuple[str, str]]:
    markup = params.get("reply_markup") or {}
    return [
        (button["text"], button["callback_data"])
        for row in markup.get("inline_keyboard", [])
        for button in row
    ]
