"""The Telegram transport: python-telegram-bot's Application run inside the bot's event loop.

Updates arrive by long polling (or a webhook when ``webhook_url`` is set), are read into
member acts and handed to the core one by one, off the event loop; everything the bot says
leaves through the persistent outbox and ``DeliveryLoop``, paced by python-telegram-bot's rate
limiter. When polling, an update is confirmed to Telegram only once it has been handled, so a
crash while the database is away loses nothing: Telegram sends it again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from datetime import timedelta
from urllib.parse import urlsplit

from telegram import BotCommandScopeAllPrivateChats, Update
from telegram.constants import ChatMemberStatus
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    TelegramError,
)
from telegram.ext import AIORateLimiter, Application, BaseRateLimiter, ContextTypes, TypeHandler

from bot.async_core import AsyncCore
from bot.config import TelegramSettings
from bot.core import CareCircleCore
from bot.delivery import Clock, DeliveryLoop, utc_now
from bot.private import answer_privately
from bot.telegram.commands import command_menu, private_menu
from bot.telegram.sending import TelegramSender
from bot.telegram.updates import (
    PLATFORM,
    Act,
    BotAdded,
    ChatMoved,
    ChatRenamed,
    MemberJoined,
    MemberLeft,
    PrivateText,
    is_present,
    read_update,
)
from handlers.messages import PrivateMessage
from handlers.speech import LANGUAGES

log = logging.getLogger(__name__)

ALLOWED_UPDATES = (
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.MY_CHAT_MEMBER,
    Update.CHAT_MEMBER,
    Update.MESSAGE_REACTION,
)
# Pause before connecting again when Telegram cannot be reached at start: 1 s, doubling to 1 min.
FIRST_CONNECT_RETRY_SECONDS = 1.0
MAX_CONNECT_RETRY_SECONDS = 60.0
# Long-poll wait for updates; Telegram holds the request open this long when nothing happens.
POLL_TIMEOUT_SECONDS = 30.0
# What the "add me to a group" link passes along; Telegram shows the group picker for it.
START_GROUP_PARAMETER = "carecircle"


def default_rate_limiter() -> AIORateLimiter:
    """Telegram's flood limits: 30 messages a second overall, 20 a minute in one group.

    It does not retry on its own: a 429 goes back to the outbox, which waits ``retry_after``.
    """
    return AIORateLimiter(
        overall_max_rate=30,
        overall_time_period=1,
        group_max_rate=20,
        group_time_period=60,
        max_retries=0,
    )


class TelegramTransport:
    """One bot account serving every group it is a member of."""

    platform = PLATFORM

    def __init__(
        self,
        core: CareCircleCore,
        settings: TelegramSettings,
        clock: Clock = utc_now,
        rate_limiter: BaseRateLimiter | None = None,
        poll_timeout_seconds: float = POLL_TIMEOUT_SECONDS,
    ) -> None:
        self.core = core
        self.acts = AsyncCore(core)
        self.settings = settings
        self.clock = clock
        self.poll_timeout_seconds = poll_timeout_seconds
        _quiet_library_logs()
        self.app = self._build_application(rate_limiter or default_rate_limiter())
        self.sender = TelegramSender(self.app.bot)
        self.delivery = DeliveryLoop(self.acts, PLATFORM, self.sender.send, clock)
        self._delivery_task: asyncio.Task[None] | None = None
        self._polling_task: asyncio.Task[None] | None = None

    def _build_application(self, rate_limiter: BaseRateLimiter) -> Application:
        builder = Application.builder().token(self.settings.token).rate_limiter(rate_limiter)
        if self.settings.api_url:
            api_url = self.settings.api_url.rstrip("/")
            builder = builder.base_url(f"{api_url}/bot").base_file_url(f"{api_url}/file/bot")
        app = builder.job_queue(None).build()
        app.add_handler(TypeHandler(Update, self._on_update))
        app.add_error_handler(self._on_error)
        return app

    async def start(self) -> None:
        """Connect, register the commands, start receiving updates and delivering the outbox.

        Raises:
            InvalidToken: Telegram does not know the token; retrying would not help.
        """
        await self._connect()
        await self._register_commands()
        await self.app.start()
        assert self.app.updater is not None
        if self.settings.webhook_url:
            await self.app.updater.start_webhook(
                listen=self.settings.webhook_listen,
                port=self.settings.webhook_port,
                url_path=urlsplit(self.settings.webhook_url).path.lstrip("/"),
                webhook_url=self.settings.webhook_url,
                allowed_updates=list(ALLOWED_UPDATES),
                secret_token=webhook_secret(self.settings.token),
            )
        else:
            await self.app.bot.delete_webhook()
            self._polling_task = asyncio.create_task(self._poll(), name="telegram-polling")
        self._delivery_task = asyncio.create_task(self.delivery.run(), name="telegram-delivery")

    async def stop(self) -> None:
        """Stop receiving and delivering; undelivered messages wait in the outbox."""
        if self._delivery_task is not None:
            await self.delivery.finish(self._delivery_task)
            self._delivery_task = None
        if self._polling_task is not None:
            self._polling_task.cancel()
            await asyncio.gather(self._polling_task, return_exceptions=True)
            self._polling_task = None
        if self.app.updater is not None and self.app.updater.running:
            await self.app.updater.stop()
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()
        self.acts.close()

    async def _connect(self) -> None:
        """Initialise the bot (``getMe``), waiting out a network that is not there yet."""
        pause = FIRST_CONNECT_RETRY_SECONDS
        while True:
            try:
                await self.app.initialize()
                return
            except InvalidToken:
                raise
            except NetworkError as failure:
                log.warning("Telegram unreachable (%s); trying again in %.0f s", failure, pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, MAX_CONNECT_RETRY_SECONDS)

    async def _register_commands(self) -> None:
        try:
            await self.app.bot.set_my_commands(command_menu("en"))
            for language in LANGUAGES[1:]:  # each member's app shows its own language's menu
                await self.app.bot.set_my_commands(command_menu(language), language_code=language)
            alone = BotCommandScopeAllPrivateChats()  # a private chat is no circle: /mine there
            await self.app.bot.set_my_commands(private_menu("en"), scope=alone)
            for language in LANGUAGES[1:]:
                await self.app.bot.set_my_commands(
                    private_menu(language), scope=alone, language_code=language
                )
        except TelegramError as failure:  # the menu is a convenience; the bot works without it
            log.warning("Telegram commands not registered: %s", failure)

    # -- receiving --------------------------------------------------------------------------

    async def _poll(self) -> None:
        """Long-poll for updates, confirming each (the next call's offset) once handled."""
        offset: int | None = None
        pause = FIRST_CONNECT_RETRY_SECONDS
        while True:
            try:
                updates = await self.app.bot.get_updates(
                    offset=offset,
                    timeout=timedelta(seconds=self.poll_timeout_seconds),
                    allowed_updates=list(ALLOWED_UPDATES),
                )
            except TelegramError as failure:
                _log_polling_error(failure)
                await asyncio.sleep(pause)
                pause = min(pause * 2, MAX_CONNECT_RETRY_SECONDS)
                continue
            pause = FIRST_CONNECT_RETRY_SECONDS
            for update in updates:
                await self.app.process_update(update)
                offset = update.update_id + 1

    async def _on_update(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            for act in read_update(update, self.clock()):
                await self._apply(act)
        finally:
            if update.callback_query is not None:
                # Telegram shows a spinner on the button until the press is answered.
                await update.callback_query.answer()
            self.delivery.poke()

    async def _apply(self, act: Act) -> None:
        now, acts, core = self.clock(), self.acts, self.core
        match act:
            case BotAdded(chat_id, title):
                await acts.until_stored(core.bot_joined, PLATFORM, chat_id, title, now)
                await self._warn_if_deaf(chat_id)
            case MemberJoined(chat_id, user_id, name):
                await acts.until_stored(core.member_joined, PLATFORM, chat_id, user_id, name, now)
            case MemberLeft(chat_id, user_id):
                await acts.until_stored(core.member_left, PLATFORM, chat_id, user_id, now)
            case ChatMoved(old_chat_id, new_chat_id):
                await acts.until_stored(core.move_circle, PLATFORM, old_chat_id, new_chat_id)
            case ChatRenamed(chat_id, title):
                await acts.until_stored(core.rename_circle, PLATFORM, chat_id, title)
            case PrivateText():
                await answer_privately(acts, self._private(act), self._is_member, self.sender.send)
            case _:
                await acts.handle(act, now)

    def _private(self, text: PrivateText) -> PrivateMessage:
        link = f"https://t.me/{self.app.bot.username}?startgroup={START_GROUP_PARAMETER}"
        return PrivateMessage(
            platform=PLATFORM,
            chat_id=text.chat_id,
            message_id=text.message_id,
            sender_id=text.sender_id,
            text=text.text,
            language=text.language,
            how_to_start="start.add_group",
            bot_address=link,
        )

    async def _is_member(self, chat_id: str, user_id: str) -> bool:
        """Whether Telegram says ``user_id`` is in the group now (restricted but there counts)."""
        try:
            membership = await self.app.bot.get_chat_member(int(chat_id), int(user_id))
        # The group is gone or moved, or the bot is no longer in it: nothing confirms them.
        except (BadRequest, ChatMigrated, Forbidden):
            return False
        return is_present(membership)

    async def _warn_if_deaf(self, chat_id: str) -> None:
        """In privacy mode a bot that is no admin sees only commands: say so, once."""
        me = await self.app.bot.get_me()
        if me.can_read_all_group_messages:
            return
        membership = await self.app.bot.get_chat_member(int(chat_id), me.id)
        if membership.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER):
            return
        notice = self.core.notice_once
        await self.acts.until_stored(notice, PLATFORM, chat_id, "notice.privacy", self.clock())

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("Telegram update %s not handled", update_id, exc_info=context.error)


def _quiet_library_logs() -> None:
    """Keep the token and members' words out of the log, whatever level the bot logs at.

    Bot API URLs carry the token and request parameters carry what members wrote: httpx logs
    every URL at INFO, python-telegram-bot both at DEBUG. Its rate limiter logs each 429 it
    hands back as an error with a traceback; the outbox waits and DeliveryLoop logs that.
    """
    level = logging.getLogger().getEffectiveLevel()
    logging.getLogger("httpx").setLevel(max(level, logging.WARNING))
    logging.getLogger("httpcore").setLevel(max(level, logging.WARNING))
    logging.getLogger("telegram").setLevel(max(level, logging.INFO))
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)


def webhook_secret(token: str) -> str:
    """A secret Telegram sends with every webhook call, so forged calls are refused."""
    return hashlib.sha256(b"carecircle-webhook:" + token.encode()).hexdigest()[:48]


def _log_polling_error(failure: TelegramError) -> None:
    # python-telegram-bot retries with a growing pause; one line per failure is enough.
    log.warning("Telegram polling failed, retrying: %s", failure)
