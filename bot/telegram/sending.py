"""One ``Outgoing`` as Bot API calls: a message, an edit, a reaction or a document.

Telegram's refusals are translated for the delivery loop: a flood limit waits, a chat the bot
may no longer write to or a request too large is given up, anything else (network, timeouts,
5xx) is retried later.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    ReactionTypeEmoji,
    ReplyParameters,
)
from telegram.constants import ParseMode, ReactionEmoji
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
)
from telegram.warnings import PTBDeprecationWarning

from bot.delivery import DeliveryDeferred, Undeliverable
from bot.telegram.formatting import CAPTION_MAX_UNITS, html_parts
from handlers.messages import Outgoing

log = logging.getLogger(__name__)

# Tries for each later part of a split message before the outbox takes over again.
PART_ATTEMPTS = 4
# Emoji a bot may put on a message; others would be refused, so the text goes instead.
BOT_REACTIONS = frozenset(emoji.value for emoji in ReactionEmoji)
# The core's marks that bots may not use, and the allowed emoji that says the same.
STAND_INS = {"✅": ReactionEmoji.PARTY_POPPER.value}


class TelegramSender:
    """Sends the outbox's messages through one bot; returns the id a reply would point at."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, message: Outgoing) -> str | None:
        """Deliver one message; raises ``DeliveryDeferred`` or ``Undeliverable`` as the API says."""
        try:
            return await self._deliver(message)
        except ChatMigrated as moved:
            # Queued before the group became a supergroup: it belongs in the new chat.
            return await self.send(dataclasses.replace(message, chat_id=str(moved.new_chat_id)))
        except RetryAfter as flood:
            raise DeliveryDeferred(_seconds(flood)) from flood
        except Forbidden as refusal:
            raise Undeliverable(f"chat {message.chat_id}: {refusal.message}") from refusal
        except BadRequest as refusal:
            if message.thread_id and "thread" in refusal.message.lower():
                # The forum topic was deleted: the circle still hears it, in the general chat.
                return await self.send(dataclasses.replace(message, thread_id=None))
            # A request Telegram reads and rejects (chat gone, message deleted) fails the same
            # way every time; retrying would hold back the chat's later messages forever.
            raise Undeliverable(f"chat {message.chat_id}: {refusal.message}") from refusal
        except NetworkError as failure:
            if "too large" in failure.message.lower():  # HTTP 413: this file never fits
                raise Undeliverable(f"chat {message.chat_id}: {failure.message}") from failure
            raise

    async def _deliver(self, message: Outgoing) -> str | None:
        if message.edit_of is not None:
            return await self._edit(message, message.edit_of)
        if message.reaction and message.reply_to_id and await self._react(message):
            return None
        if message.attachment is not None:
            return await self._send_document(message)
        return await self._send_text(message)

    async def _send_text(self, message: Outgoing) -> str:
        parts = html_parts(message.text, message.mentions)
        sent: list[Message] = []
        for index, part in enumerate(parts):
            is_last = index == len(parts) - 1
            send_part = partial(
                self.bot.send_message,
                chat_id=message.chat_id,
                text=part,
                parse_mode=ParseMode.HTML,
                message_thread_id=_thread(message),
                reply_parameters=_reply(message) if index == 0 else None,
                reply_markup=_keyboard(message) if is_last else None,
            )
            sent.append(await (send_part() if index == 0 else _insist(send_part)))
        # The buttons sit under the last part: that is the message a reply or press points at.
        return str(sent[-1].message_id)

    async def _edit(self, message: Outgoing, target: str) -> str:
        # An edit replaces one message, so it keeps to one message's length.
        text = html_parts(message.text, message.mentions)[0]
        try:
            await self.bot.edit_message_text(
                chat_id=message.chat_id,
                message_id=int(target),
                text=text,
                parse_mode=ParseMode.HTML,
                reply_markup=_keyboard(message),
            )
        except BadRequest as refusal:
            if "not modified" not in refusal.message.lower():
                raise
        return target

    async def _react(self, message: Outgoing) -> bool:
        """Put the emoji on the member's message; False when the text must go instead."""
        emoji = STAND_INS.get(message.reaction or "", message.reaction or "")
        target = message.reply_to_id or ""
        if emoji not in BOT_REACTIONS or not target.isdigit():
            return False
        try:
            await self.bot.set_message_reaction(
                chat_id=message.chat_id,
                message_id=int(target),
                reaction=[ReactionTypeEmoji(emoji)],
            )
        except BadRequest as refusal:
            log.info("reaction refused in chat %s (%s); sending text", message.chat_id, refusal)
            return False
        return True

    async def _send_document(self, message: Outgoing) -> str:
        attachment = message.attachment
        assert attachment is not None
        captions = html_parts(message.text, message.mentions, limit=CAPTION_MAX_UNITS)
        is_text_apart = len(captions) > 1  # too long for a caption: the text first, then the file
        if is_text_apart:
            await self._send_text(dataclasses.replace(message, attachment=None, buttons=()))
        send_file = partial(
            self.bot.send_document,
            chat_id=message.chat_id,
            document=InputFile(attachment.content.encode(), filename=attachment.filename),
            caption=None if is_text_apart else captions[0],
            parse_mode=ParseMode.HTML,
            message_thread_id=_thread(message),
            reply_parameters=None if is_text_apart else _reply(message),
            reply_markup=_keyboard(message),
        )
        sent = await (_insist(send_file) if is_text_apart else send_file())
        return str(sent.message_id)


async def _insist(send_part: Callable[[], Awaitable[Message]]) -> Message:
    """Send a later part of a message, waiting out flood limits and network trouble.

    The first part is already in the chat; handing a failure back to the outbox would post
    that part a second time when the whole message is tried again.
    """
    for attempt in range(1, PART_ATTEMPTS + 1):
        try:
            return await send_part()
        except RetryAfter as flood:
            if attempt == PART_ATTEMPTS:
                raise
            await asyncio.sleep(_seconds(flood))
        except NetworkError as failure:  # a BadRequest is one too, and would fail again
            if isinstance(failure, BadRequest) or attempt == PART_ATTEMPTS:
                raise
            await asyncio.sleep(2**attempt)
    raise AssertionError("unreachable")


def _thread(message: Outgoing) -> int | None:
    return int(message.thread_id) if message.thread_id else None


def _reply(message: Outgoing) -> ReplyParameters | None:
    """Reply to the member's message; acts without a message of their own (a press) get none."""
    target = message.reply_to_id
    if not target or not target.isdigit():
        return None
    return ReplyParameters(message_id=int(target), allow_sending_without_reply=True)


def _keyboard(message: Outgoing) -> InlineKeyboardMarkup | None:
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.action) for b in message.buttons]]
    )


def _seconds(flood: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = flood.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
