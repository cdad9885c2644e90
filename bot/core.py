"""The transport-neutral core: one call per member act, replies queued in the persistent outbox.

Adapters translate platform updates into ``Incoming`` values and call ``handle``; they deliver
only what ``claim_deliveries`` leases them and report back with ``mark_delivered``,
``retry_delivery`` or ``give_up_delivery``. The core never reads the clock: ``now`` comes with
every call.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Collection
from dataclasses import replace
from datetime import datetime

from sqlalchemy import event
from sqlmodel import Session

from bot.acting import act_out
from bot.config import Settings, load_settings
from bot.platform_speech import platform_phrase
from handlers.dispatch import dispatch
from handlers.guide import intro_text
from handlers.messages import (
    Incoming,
    Outgoing,
    PrivateMessage,
    outgoing_from_json,
    outgoing_to_json,
)
from handlers.phrases import phrase
from handlers.private import HeldInCircle, own_tasks
from handlers.routing import Route, is_chatter, may_change_circle, route, unread_language
from handlers.speech import language_names
from handlers.turn import Reply, Turn, said_at
from handlers.understanding.samples import sample_requests
from storage import circles, outbox, seen, tasks
from storage.changes import Opened
from storage.circles import circle_record, member_record
from storage.database import Database
from storage.labels import UNREADABLE_IN_TEXT, clean_label
from storage.records import CircleRecord, MemberRecord

# How much of a message is kept and read: a 100 KB paste is cut, never a crash.
MESSAGE_MAX_CHARS = 8_000
# How long a circle's settings are trusted from memory before being read again.
CIRCLE_CACHE_SECONDS = 30.0
# At most this many circles, and as many members, are remembered at once.
CACHE_MAX_ENTRIES = 5_000


def clean_text(text: str) -> str:
    """Drop control characters (but not line breaks) and bidi overrides, normalise, and cap
    the length: task titles and decisions are made of what is left."""
    text = unicodedata.normalize("NFC", text[: MESSAGE_MAX_CHARS * 2])
    kept = UNREADABLE_IN_TEXT.sub("", text)
    return kept.strip()[:MESSAGE_MAX_CHARS]


def clean_incoming(incoming: Incoming) -> Incoming:
    """The member's name and the chat's title as they may be stored and shown: a name of 300
    characters, a NUL or a right-to-left override in a title never stops the update."""
    name = clean_label(incoming.sender_name)
    title = clean_label(incoming.chat_title) if incoming.chat_title is not None else None
    if name == incoming.sender_name and title == incoming.chat_title:
        return incoming
    return replace(incoming, sender_name=name, chat_title=title)


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
        self._hinted: set[tuple[int, str]] = set()  # (circle, language) told how to add it

    def prepare_reading(self, now: datetime) -> int:
        """Read a sample request in every set of languages the circles use, and the default,
        so that the first message after a start is not the one that waits for the reader to
        be built; returns how many sets were prepared."""
        with self.database.transaction() as session:
            language_sets = circles.language_sets(session)
        language_sets.add(self.settings.default_languages)
        for languages in language_sets:
            for text in sample_requests(languages):
                sample = Incoming("sample", "", "", "", "", now, text=text)
                route(sample, text, now, languages)
        return len(language_sets)

    # -- member acts -----------------------------------------------------------------------

    def handle(self, incoming: Incoming, now: datetime) -> list[Outgoing]:
        """Record what a member did and queue the replies; returns what was queued.

        The act is routed once. Ordinary chat that asks nothing of the bot returns at once
        without touching the database (once its circle and sender are known). The same
        platform act twice queues nothing new.
        """
        incoming = clean_incoming(incoming)
        text = clean_text(incoming.text)
        circle = self._known_circle(incoming)
        routed = None
        if circle is not None:
            routed = self._route(incoming, text, now, circle)
            if is_chatter(routed[1]) and routed[2] is None and self._knows_member(circle, incoming):
                return []
        return self.database.run(self._handle, incoming, text, now, routed)

    def _route(
        self, incoming: Incoming, text: str, now: datetime, circle: CircleRecord
    ) -> tuple[CircleRecord, Route, str | None]:
        """The act, and for chat in a language the bot knows but the circle has not set that
        would have been an act in it, that language (to say once how to add it)."""
        moment = said_at(incoming, now, circle.zone)
        act = route(incoming, text, moment, circle.languages)
        unread = None
        if is_chatter(act):
            unread = unread_language(incoming, text, moment, circle.languages)
            if (circle.id, unread) in self._hinted:
                unread = None
        return circle, act, unread

    def _knows_member(self, circle: CircleRecord, incoming: Incoming) -> bool:
        return (circle.id, incoming.sender_id, incoming.sender_name) in self._members

    def _handle(
        self,
        session: Session,
        incoming: Incoming,
        text: str,
        now: datetime,
        routed: tuple[CircleRecord, Route, str | None] | None,
    ) -> list[Outgoing]:
        circle = self._known_circle(incoming) or self._circle(
            session, incoming.platform, incoming.chat_id, now, incoming.chat_title
        )
        if not seen.first_sight(session, circle.id, seen_key(incoming), now):
            return []
        member = self._member(session, circle.id, incoming, now)
        if routed is None or routed[0] is not circle:
            routed = self._route(incoming, text, now, circle)
        _, act, unread = routed
        if is_chatter(act) and unread is None:
            return []
        turn = Turn(circle, member, incoming, now)
        decided: list[Reply] = []
        if unread is not None:
            self._hint_language(turn, unread)
        else:
            for to_decide in dispatch(turn, act, text):
                decided += act_out(session, turn.scene, to_decide)
        if may_change_circle(act):
            self._forget_cached(session, circle)
        replies = (*decided, *turn.replies)
        return [self._queue(session, circle.id, reply, now) for reply in replies]

    def _hint_language(self, turn: Turn, language: str) -> None:
        """Say once per circle, in ``language``, how to have the bot read it too."""
        circle = turn.circle
        names = language_names(language)
        current = ", ".join(names.get(code, code) for code in circle.languages)
        codes = " ".join((*circle.languages, language))
        text = phrase("language.hint", (language,), current=current, codes=codes)
        turn.say(text, dedupe_key=f"language-hint:{circle.id}:{language}")
        self._hinted.add((circle.id, language))

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
        """The chat was renamed; storage cleans and bounds the name as it keeps it."""

        def rename(session: Session) -> None:
            circle = circles.find_circle(session, platform, chat_id)
            if circle is not None:
                circles.update_circle(session, circle.id, name=title)  # type: ignore[arg-type]

        self.database.run(rename)

    def move_circle(self, platform: str, old_chat_id: str, new_chat_id: str) -> None:
        """The chat got a new id (a Telegram group upgraded to a supergroup): same circle."""
        self.database.run(circles.move_circle, platform, old_chat_id, new_chat_id)
        self._circles.pop((platform, old_chat_id), None)

    def notice_once(self, platform: str, chat_id: str, key: str, now: datetime) -> None:
        """Say the adapter's message ``key`` in the circle's language, at most once per circle (the
        privacy-mode warning, a message the bot could not decrypt)."""

        def notice(session: Session) -> None:
            circle = self._circle(session, platform, chat_id, now, None)
            text = platform_phrase(key, circle.languages)
            message = Outgoing(platform=platform, chat_id=chat_id, text=text)
            self._queue(
                session, circle.id, Reply(message, dedupe_key=f"notice:{circle.id}:{key}"), now
            )

        self.database.run(notice)

    # -- a member's private chat ------------------------------------------------------------

    def circles_of(self, platform: str, user_id: str) -> list[str]:
        """The chats of every circle the bot has known ``user_id`` in, for the transport to
        ask the platform which of them they are still in."""
        known = self.database.run(circles.memberships, platform, user_id)
        return [circle.chat_id for circle, _ in known]

    def own_tasks(self, message: PrivateMessage, confirmed: Collection[str]) -> Outgoing:
        """``/mine`` in private: what the member holds in the circles whose chats the platform
        has just ``confirmed`` they are in; nothing of any other. Nothing is stored."""

        def held(session: Session) -> list[HeldInCircle]:
            known = circles.memberships(session, message.platform, message.sender_id)
            return [
                HeldInCircle(circle, tuple(tasks.tasks_of(session, circle.id, member.id)))
                for circle, member in known
                if circle.chat_id in confirmed
            ]

        return own_tasks(message, self.database.run(held))

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
        if incoming.chat_title and incoming.chat_title != cached[0].name:
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
        _once_committed(session, self._members, key, record)
        return record

    def _forget_cached(self, session: Session, circle: CircleRecord) -> None:
        """Settings changed: read the circle and its members afresh next time. Forgotten again
        once the change commits, after what this transaction read is remembered."""

        def forget(_: Session | None = None) -> None:
            self._circles.pop((circle.platform, circle.chat_id), None)
            self._members = {k: v for k, v in self._members.items() if k[0] != circle.id}

        forget()
        event.listen(session, "after_commit", forget, once=True)

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
        _once_committed(session, self._circles, (platform, chat_id), record)
        return record

    def _queue(self, session: Session, circle_id: int, reply: Reply, now: datetime) -> Outgoing:
        message, task_id, dedupe_key = reply.message, reply.task_id, reply.dedupe_key
        assert not isinstance(task_id, Opened), "act_out names opened tasks by their ids"
        if reply.is_acknowledgement and task_id is not None:
            dedupe_key = outbox.acknowledgement_key(task_id)
        outbox_id = outbox.queue_message(
            session,
            circle_id,
            message.platform,
            message.chat_id,
            outgoing_to_json(message),
            now,
            task_id=task_id,
            dedupe_key=dedupe_key,
        )
        return replace(message, outbox_id=outbox_id or 0)


def _once_committed(session: Session, cache: dict, key: tuple, record: object) -> None:
    """Remember ``record`` once its transaction commits: a row written by a transaction that
    is rolled back and tried again (a lock, a stale snapshot) must not be remembered by an id
    that never came to exist."""

    def remember(_: Session) -> None:
        now = time.monotonic()
        cache.pop(key, None)  # to the end: the cache stays in the order its entries expire
        cache[key] = (record, now + CIRCLE_CACHE_SECONDS)
        _trim(cache, now)

    event.listen(session, "after_commit", remember, once=True)


def _trim(cache: dict, now: float) -> None:
    """Drop the entries that have expired, and the oldest past ``CACHE_MAX_ENTRIES``: a host's
    thousands of circles are remembered only while they are talking."""
    while cache:
        oldest = next(iter(cache))
        if len(cache) <= CACHE_MAX_ENTRIES and cache[oldest][1] >= now:
            return
        del cache[oldest]


def open_core(database_url: str | None = None, settings: Settings | None = None) -> CareCircleCore:
    """Open the configured database (migrating it) and return a core on it."""
    settings = settings or load_settings()
    return CareCircleCore(Database.open(database_url or settings.database_url), settings)
