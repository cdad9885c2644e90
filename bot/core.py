"""The transport-neutral core: one call per member act, replies queued in the persistent outbox.

Adapters translate platform updates into ``Incoming`` values and call ``handle``; they deliver
only what ``claim_deliveries`` leases them and report back with ``mark_delivered``,
``retry_delivery`` or ``give_up_delivery``. The core never reads the clock: ``now`` comes with
every call.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import replace
from datetime import datetime

from sqlmodel import Session

from bot.config import Settings, load_settings
from handlers.commands import is_not_a_task, is_undo, remind_me_when
from handlers.dispatch import dispatch
from handlers.guide import intro_text
from handlers.messages import Incoming, Outgoing, outgoing_from_json, outgoing_to_json
from handlers.phrases import phrase
from handlers.settings import zone_from_phrase
from handlers.turn import Reply, Turn
from handlers.understanding import Kind, understand
from storage import circles, outbox, seen
from storage.circles import circle_record, member_record
from storage.database import Database
from storage.records import CircleRecord, MemberRecord

# How much of a message is kept and read: a 100 KB paste is cut, never a crash.
MESSAGE_MAX_CHARS = 8_000
# How long a circle's settings are trusted from memory before being read again.
CIRCLE_CACHE_SECONDS = 30.0


def clean_text(text: str) -> str:
    """Drop control characters (but not line breaks), normalise, and cap the length."""
    text = unicodedata.normalize("NFC", text[: MESSAGE_MAX_CHARS * 2])
    kept = "".join(
        char for char in text if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cs")
    )
    return kept.strip()[:MESSAGE_MAX_CHARS]


def seen_key(incoming: Incoming) -> str:
    if incoming.button is not None:
        return f"button:{incoming.message_id}"
    if incoming.reaction is not None:
        return f"reaction:{incoming.message_id}"
    if incoming.edit_of is not None:
        return f"edit:{incoming.message_id}"
    return f"message:{incoming.message_id}"


class CareCircleCore:
    """The circles' memory behind every transport."""

    def __init__(self, database: Database, settings: Settings) -> None:
        self.database = database
        self.settings = settings
        self._circles: dict[tuple[str, str], tuple[CircleRecord, float]] = {}
        self._members: dict[tuple[int, str, str], tuple[MemberRecord, float]] = {}

    # -- member acts -----------------------------------------------------------------------

    def handle(self, incoming: Incoming, now: datetime) -> list[Outgoing]:
        """Record what a member did and queue the replies; returns what was queued.

        Ordinary chat that asks nothing of the bot returns at once without touching the
        database (once its sender is known). The same platform act twice queues nothing new.
        """
        text = clean_text(incoming.text)
        if self._is_chatter(incoming, text, now):
            return []
        return self.database.run(self._handle, incoming, text, now)

    def _is_chatter(self, incoming: Incoming, text: str, now: datetime) -> bool:
        if incoming.button or incoming.reaction or incoming.edit_of:
            return False
        cached = self._circles.get((incoming.platform, incoming.chat_id))
        if cached is None or cached[1] < time.monotonic():
            return False
        circle = cached[0]
        if (circle.id, incoming.sender_id, incoming.sender_name) not in self._members:
            return False
        if not text:
            return True
        if _may_change_settings(text) or is_not_a_task(text) or remind_me_when(text):
            return False
        return understand(text, now.astimezone(circle.zone), circle.languages).kind is Kind.NONE

    def _handle(
        self, session: Session, incoming: Incoming, text: str, now: datetime
    ) -> list[Outgoing]:
        circle = self._known_circle(incoming) or self._circle(
            session, incoming.platform, incoming.chat_id, now, incoming.chat_title
        )
        if not seen.first_sight(session, circle.id, seen_key(incoming)):
            return []
        member = self._member(session, circle.id, incoming, now)
        if not text and incoming.reaction is None and incoming.button is None:
            return []
        turn = Turn(session, circle, member, incoming, now)
        dispatch(turn, text)
        if _may_change_settings(text):
            self._forget_cached(incoming.platform, incoming.chat_id)
        return [self._queue(session, circle.id, reply, now) for reply in turn.replies]

    # -- the circle's life ------------------------------------------------------------------

    def bot_joined(self, platform: str, chat_id: str, title: str | None, now: datetime) -> None:
        """The bot was added to a chat: the circle exists from now on and is greeted once."""
        self.database.run(self._circle, platform, chat_id, now, title)

    def member_joined(
        self, platform: str, chat_id: str, user_id: str, name: str, now: datetime
    ) -> None:
        def join(session: Session) -> None:
            circle = self._circle(session, platform, chat_id, now, None)
            circles.ensure_member(session, circle.id, user_id, name, now)

        self.database.run(join)

    def member_left(self, platform: str, chat_id: str, user_id: str, now: datetime) -> None:
        def leave(session: Session) -> None:
            circle = circles.find_circle(session, platform, chat_id)
            if circle is not None:
                circles.deactivate_member(session, circle.id, user_id)  # type: ignore[arg-type]

        self.database.run(leave)
        self._members = {key: value for key, value in self._members.items() if key[1] != user_id}

    def rename_circle(self, platform: str, chat_id: str, title: str) -> None:
        def rename(session: Session) -> None:
            circle = circles.find_circle(session, platform, chat_id)
            if circle is not None:
                circles.update_circle(session, circle.id, name=title[:255])  # type: ignore[arg-type]

        self.database.run(rename)

    def move_circle(self, platform: str, old_chat_id: str, new_chat_id: str) -> None:
        """The chat got a new id (a Telegram group upgraded to a supergroup): same circle."""
        self.database.run(circles.move_circle, platform, old_chat_id, new_chat_id)
        self._circles.pop((platform, old_chat_id), None)

    def notice_once(self, platform: str, chat_id: str, key: str, now: datetime) -> None:
        """Say the phrase ``key`` in the circle's language, at most once per circle (the
        privacy-mode warning, a message the bot could not decrypt)."""

        def notice(session: Session) -> None:
            circle = self._circle(session, platform, chat_id, now, None)
            text = phrase(key, circle.languages)
            message = Outgoing(platform=platform, chat_id=chat_id, text=text)
            self._queue(
                session, circle.id, Reply(message, dedupe_key=f"notice:{circle.id}:{key}"), now
            )

        self.database.run(notice)

    # -- delivery ---------------------------------------------------------------------------

    def claim_deliveries(
        self, platform: str, worker: str, now: datetime, limit: int = 20
    ) -> list[Outgoing]:
        """Lease a platform's due messages to one delivering worker, in order within each chat
        (see ``storage.outbox.lease_due``)."""
        leased = self.database.run(outbox.lease_due, platform, worker, now, limit)
        return [outgoing_from_json(row.payload, row.id) for row in leased]

    def mark_delivered(
        self, outbox_id: int, platform_message_id: str | None, now: datetime
    ) -> None:
        self.database.run(outbox.mark_delivered, outbox_id, platform_message_id, now)

    def retry_delivery(self, outbox_id: int, not_before: datetime) -> None:
        self.database.run(outbox.retry_later, outbox_id, not_before)

    def give_up_delivery(self, outbox_id: int, reason: str, now: datetime) -> None:
        """The platform refused the message for good: keep why, and let its chat go on."""
        self.database.run(outbox.give_up, outbox_id, reason, now)

    # -- inside a transaction ---------------------------------------------------------------

    def _known_circle(self, incoming: Incoming) -> CircleRecord | None:
        """The circle from memory while fresh (and not renamed): one query fewer per act."""
        cached = self._circles.get((incoming.platform, incoming.chat_id))
        if cached is None or cached[1] < time.monotonic():
            return None
        if incoming.chat_title and incoming.chat_title[:255] != cached[0].name:
            return None
        return cached[0]

    def _member(
        self, session: Session, circle_id: int, incoming: Incoming, now: datetime
    ) -> MemberRecord:
        key = (circle_id, incoming.sender_id, incoming.sender_name)
        cached = self._members.get(key)
        if cached is not None and cached[1] >= time.monotonic():
            return cached[0]
        row = circles.ensure_member(
            session, circle_id, incoming.sender_id, incoming.sender_name, now
        )
        record = member_record(row)
        self._members[key] = (record, time.monotonic() + CIRCLE_CACHE_SECONDS)
        return record

    def _forget_cached(self, platform: str, chat_id: str) -> None:
        """Settings changed: read the circle and its members afresh next time."""
        cached = self._circles.pop((platform, chat_id), None)
        if cached is not None:
            circle_id = cached[0].id
            self._members = {k: v for k, v in self._members.items() if k[0] != circle_id}

    def _circle(
        self, session: Session, platform: str, chat_id: str, now: datetime, title: str | None
    ) -> CircleRecord:
        row, is_new = circles.ensure_circle(
            session,
            platform,
            chat_id,
            now=now,
            timezone=self.settings.default_timezone,
            languages=self.settings.default_languages,
            name=title,
        )
        record = circle_record(row)
        if is_new:
            intro = Outgoing(platform=platform, chat_id=chat_id, text=intro_text(record.languages))
            self._queue(session, record.id, Reply(intro, dedupe_key=f"intro:{record.id}"), now)
        self._circles[(platform, chat_id)] = (record, time.monotonic() + CIRCLE_CACHE_SECONDS)
        return record

    def _queue(self, session: Session, circle_id: int, reply: Reply, now: datetime) -> Outgoing:
        message = reply.message
        outbox_id = outbox.queue_message(
            session,
            circle_id,
            message.platform,
            message.chat_id,
            outgoing_to_json(message),
            now,
            task_id=reply.task_id,
            dedupe_key=reply.dedupe_key,
        )
        return replace(message, outbox_id=outbox_id or 0)


def _may_change_settings(text: str) -> bool:
    return text.startswith("/") or is_undo(text) or zone_from_phrase(text) is not None


def open_core(database_url: str | None = None, settings: Settings | None = None) -> CareCircleCore:
    """Open the configured database (migrating it) and return a core on it."""
    settings = settings or load_settings()
    return CareCircleCore(Database.open(database_url or settings.database_url), settings)
