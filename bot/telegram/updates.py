"""Reading a Telegram update: the member acts and chat changes it carries, as inert values.

Ids become strings. Each act gets a ``message_id`` that is the same every time Telegram
delivers the same update, so a redelivery after a restart is recognised by the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from telegram import (
    CallbackQuery,
    Chat,
    ChatMember,
    ChatMemberRestricted,
    ChatMemberUpdated,
    Message,
    MessageReactionUpdated,
    ReactionTypeEmoji,
    Update,
    User,
)

from handlers.messages import Incoming
from handlers.speech import LANGUAGES

PLATFORM = "telegram"

# Membership states in which someone reads the group.
PRESENT = frozenset({ChatMember.OWNER, ChatMember.ADMINISTRATOR, ChatMember.MEMBER})


@dataclass(frozen=True, slots=True)
class BotAdded:
    """The bot itself was added to a group: a new circle."""

    chat_id: str
    title: str | None


@dataclass(frozen=True, slots=True)
class MemberJoined:
    chat_id: str
    user_id: str
    name: str


@dataclass(frozen=True, slots=True)
class MemberLeft:
    chat_id: str
    user_id: str


@dataclass(frozen=True, slots=True)
class ChatMoved:
    """A group became a supergroup and has a new chat id."""

    old_chat_id: str
    new_chat_id: str


@dataclass(frozen=True, slots=True)
class ChatRenamed:
    chat_id: str
    title: str


@dataclass(frozen=True, slots=True)
class PrivateText:
    """A member wrote to the bot in a private chat, which is never a circle; ``language`` is
    their app's, where the bot speaks it (else English)."""

    chat_id: str
    message_id: str
    sender_id: str
    text: str
    language: str


Act = Incoming | BotAdded | MemberJoined | MemberLeft | ChatMoved | ChatRenamed | PrivateText


def read_update(update: Update, now: datetime) -> list[Act]:
    """Everything one update tells the circle; empty for updates that concern it not.

    ``now`` dates a button press, the one act Telegram sends without a date. In a private chat
    only a new message counts: edits, presses and reactions there make no circle of it.
    """
    chat = update.effective_chat
    if chat is not None and chat.type == Chat.PRIVATE:
        return _from_private(update.message)
    if update.message is not None:
        return _from_message(update.message)
    if update.edited_message is not None:
        edited = update.edited_message
        acts = _from_message(edited)
        return [_as_edit(act, edited) for act in acts if isinstance(act, Incoming)]
    if update.callback_query is not None:
        return _from_button(update.callback_query, now)
    if update.message_reaction is not None:
        return _from_reaction(update.message_reaction)
    if update.my_chat_member is not None:
        return _from_bot_membership(update.my_chat_member)
    if update.chat_member is not None:
        return _from_membership(update.chat_member)
    return []


def _from_message(message: Message) -> list[Act]:
    chat_id = str(message.chat.id)
    # Telegram announces an upgrade in both chats, in either order; whichever comes first moves
    # the circle, so a message in the new chat never starts a second one.
    if message.migrate_to_chat_id is not None:
        return [ChatMoved(chat_id, str(message.migrate_to_chat_id))]
    if message.migrate_from_chat_id is not None:
        return [ChatMoved(str(message.migrate_from_chat_id), chat_id)]
    if message.new_chat_title:
        return [ChatRenamed(chat_id, message.new_chat_title)]
    if message.new_chat_members:
        # The bot's own arrival comes as a my_chat_member update too; that one is used.
        return [
            MemberJoined(chat_id, str(user.id), user.full_name)
            for user in message.new_chat_members
            if not user.is_bot
        ]
    if message.left_chat_member is not None:
        gone = message.left_chat_member
        return [] if gone.is_bot else [MemberLeft(chat_id, str(gone.id))]
    sender = message.from_user
    if sender is None or sender.is_bot:
        return []
    return [
        Incoming(
            platform=PLATFORM,
            chat_id=chat_id,
            message_id=str(message.message_id),
            sender_id=str(sender.id),
            sender_name=sender.full_name,
            sent_at=message.date,
            text=message.text or message.caption or "",
            reply_to_id=_replied_to(message),
            thread_id=_thread(message),
            chat_title=message.chat.title,
        )
    ]


def _from_private(message: Message | None) -> list[Act]:
    sender = message.from_user if message is not None else None
    if message is None or sender is None or sender.is_bot or not message.text:
        return []
    code = (sender.language_code or "").split("-")[0].lower()
    return [
        PrivateText(
            chat_id=str(message.chat.id),
            message_id=str(message.message_id),
            sender_id=str(sender.id),
            text=message.text,
            language=code if code in LANGUAGES else "en",
        )
    ]


def _replied_to(message: Message) -> str | None:
    replied = message.reply_to_message
    if replied is None:
        return None
    # In a forum topic every message "replies" to the topic's first message; that is no reply.
    if message.is_topic_message and replied.message_id == message.message_thread_id:
        return None
    return str(replied.message_id)


def _thread(message: Message) -> str | None:
    if message.is_topic_message and message.message_thread_id is not None:
        return str(message.message_thread_id)
    return None


def _as_edit(incoming: Incoming, edited: Message) -> Incoming:
    """Each version of an edited message is its own act; ``edit_of`` names the message."""
    version = int((edited.edit_date or edited.date).timestamp())
    return Incoming(
        platform=incoming.platform,
        chat_id=incoming.chat_id,
        message_id=f"{incoming.message_id}@{version}",
        sender_id=incoming.sender_id,
        sender_name=incoming.sender_name,
        sent_at=edited.edit_date or incoming.sent_at,
        text=incoming.text,
        reply_to_id=incoming.reply_to_id,
        thread_id=incoming.thread_id,
        edit_of=incoming.message_id,
        chat_title=incoming.chat_title,
    )


def _from_button(query: CallbackQuery, now: datetime) -> list[Act]:
    pressed_on = query.message
    if pressed_on is None or not query.data or query.from_user.is_bot:
        return []
    is_topic = isinstance(pressed_on, Message) and pressed_on.is_topic_message
    return [
        Incoming(
            platform=PLATFORM,
            chat_id=str(pressed_on.chat.id),
            # The query id is unique per press; prefixed so it is never taken for a message id.
            message_id=f"press:{query.id}",
            sender_id=str(query.from_user.id),
            sender_name=query.from_user.full_name,
            sent_at=now,
            button=query.data,
            reply_to_id=str(pressed_on.message_id),
            thread_id=str(pressed_on.message_thread_id) if is_topic else None,  # type: ignore[union-attr]
            chat_title=pressed_on.chat.title,
        )
    ]


def _from_reaction(reaction: MessageReactionUpdated) -> list[Act]:
    user = reaction.user
    if user is None or user.is_bot:  # an anonymous admin acts as the group: no member to credit
        return []
    before = {r.emoji for r in reaction.old_reaction if isinstance(r, ReactionTypeEmoji)}
    added = [
        r.emoji
        for r in reaction.new_reaction
        if isinstance(r, ReactionTypeEmoji) and r.emoji not in before
    ]
    return [
        Incoming(
            platform=PLATFORM,
            chat_id=str(reaction.chat.id),
            message_id=f"reaction:{reaction.message_id}:{user.id}:{emoji}",
            sender_id=str(user.id),
            sender_name=user.full_name,
            sent_at=reaction.date,
            reaction=emoji,
            reply_to_id=str(reaction.message_id),
            chat_title=reaction.chat.title,
        )
        for emoji in added
    ]


def _from_bot_membership(change: ChatMemberUpdated) -> list[Act]:
    was_in, is_in = is_present(change.old_chat_member), is_present(change.new_chat_member)
    if is_in and not was_in and change.chat.type in (Chat.GROUP, Chat.SUPERGROUP):
        return [BotAdded(str(change.chat.id), change.chat.title)]
    return []


def _from_membership(change: ChatMemberUpdated) -> list[Act]:
    user: User = change.new_chat_member.user
    if user.is_bot:
        return []
    chat_id = str(change.chat.id)
    was_in, is_in = is_present(change.old_chat_member), is_present(change.new_chat_member)
    if is_in and not was_in:
        return [MemberJoined(chat_id, str(user.id), user.full_name)]
    if was_in and not is_in:
        return [MemberLeft(chat_id, str(user.id))]
    return []


def is_present(membership: ChatMember) -> bool:
    """In the group: a restricted member still is, unless they have left it."""
    if isinstance(membership, ChatMemberRestricted):
        return membership.is_member
    return membership.status in PRESENT
