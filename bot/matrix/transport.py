"""The Matrix transport: one device of the bot's account, syncing rooms and delivering the outbox.

Each sync's events are handled before its token is saved, and the core ignores an event id it
has seen, so a crash repeats a little and loses nothing. Encrypted rooms work like any other:
nio decrypts with the keys in the store, and the bot encrypts for every device in the room,
verified or not, so nobody has to verify the bot before it can answer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any

from aiohttp import ClientError
from nio import (
    AsyncClient,
    AsyncClientConfig,
    ErrorResponse,
    Event,
    MatrixRoom,
    MegolmEvent,
    RoomMemberEvent,
    RoomNameEvent,
    RoomUpgradeEvent,
    SyncResponse,
)
from nio.responses import InviteInfo

from bot.async_core import AsyncCore
from bot.config import MatrixSettings
from bot.core import CareCircleCore
from bot.delivery import Clock, DeliveryDeferred, DeliveryLoop, utc_now
from bot.matrix.direct import is_direct_invite, is_joined, private_message, start_circle
from bot.matrix.inbound import PLATFORM, incoming_from_event
from bot.matrix.login import MatrixLoginFailed, log_in
from bot.matrix.membership import is_allowed_inviter, since_own_join
from bot.matrix.sending import MatrixRequestFailed, RoomSender
from bot.matrix.state import LOGIN_FILE, MatrixStore
from bot.matrix.undecryptable import DEFAULT_GRACE, UndecryptableMessages
from bot.private import answer_privately
from handlers.messages import Outgoing, PrivateMessage
from handlers.private import NewCircle

log = logging.getLogger(__name__)

# How long one sync may wait on the server for news before asking again.
LONG_POLL_MILLISECONDS = 30_000
# Reconnecting after the homeserver went away: 1 s, doubling, at most half a minute.
FIRST_RECONNECT_SECONDS = 1.0
MAX_RECONNECT_SECONDS = 30.0
# While syncs fail, outgoing messages wait this long at a time without touching the network.
AWAY_RECHECK_SECONDS = 1.0


class MatrixTransport:
    """Runs the bot's Matrix device: login once, sync and act, deliver the outbox."""

    platform = PLATFORM

    def __init__(
        self,
        core: CareCircleCore,
        settings: MatrixSettings,
        clock: Clock = utc_now,
        undecryptable_grace: timedelta = DEFAULT_GRACE,
    ) -> None:
        self.core = core
        self.acts = AsyncCore(core)
        self.settings = settings
        self.clock = clock
        self.store = MatrixStore(settings.store_path)
        self.delivery = DeliveryLoop(self.acts, PLATFORM, self.send, clock)
        self.undecryptable = UndecryptableMessages(undecryptable_grace)
        # Set once the first sync after start was handled: rooms are known, delivery runs.
        self.ready = asyncio.Event()
        self.client: AsyncClient | None = None
        self._sender: RoomSender | None = None
        # The sync loop is the one probe of the homeserver: while it fails, the outbox waits,
        # and the moment a sync succeeds again, what waited goes out.
        self._is_sync_failing = False
        self._tasks: list[asyncio.Task[None]] = []
        self._delivery_task: asyncio.Task[None] | None = None
        # Members' direct rooms with the bot: never circles (see bot.matrix.direct).
        self.direct_rooms: set[str] = set()
        # The answer to each /newcircle, by its event: a sync tried again after a failed reply
        # reads the message again, and must not make a second room.
        self._circles_made: dict[str, Outgoing] = {}
        # Key upload, query and claim, and room-key sharing in room_send, must not interleave.
        self._crypto_lock = asyncio.Lock()

    # -- start and stop ---------------------------------------------------------------------

    async def start(self) -> None:
        self.store.prepare()
        self.direct_rooms = self.store.load_direct_rooms()
        config = AsyncClientConfig(
            encryption_enabled=True,
            store_sync_tokens=False,  # saved by us, after the sync's events are handled
            max_limit_exceeded=0,
            max_timeouts=0,
        )
        self.client = AsyncClient(
            self.settings.homeserver,
            self.settings.user,
            store_path=str(self.store.path),
            config=config,
        )
        try:
            await self._log_in()
        except (ClientError, TimeoutError) as failure:
            # A refused login stops the start; an unreachable homeserver only delays it.
            log.warning("the homeserver is not answering (%r); logging in when it does", failure)
        self._tasks = [self._run(self._sync_forever(), "matrix-sync")]

    async def _log_in(self) -> None:
        if self._sender is None:
            await log_in(self._client(), self.settings, self.store)
            self._sender = RoomSender(self._client(), self._crypto_lock)

    def _run(self, loop: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        task = asyncio.create_task(loop, name=name)
        task.add_done_callback(_report_crash)
        return task

    async def stop(self) -> None:
        """Stop syncing and delivering; the device stays logged in for the next start."""
        if self._delivery_task is not None:
            await self.delivery.finish(self._delivery_task)
            self._delivery_task = None
        for task in self._tasks:
            task.cancel()
        # A loop that already ended with an error was reported when it ended.
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        if self.client is not None:
            await self.client.close()
        self.acts.close()

    # -- receiving --------------------------------------------------------------------------

    async def _sync_forever(self) -> None:
        reconnect_seconds = FIRST_RECONNECT_SECONDS
        while True:
            try:
                await self._sync_once()
            # The homeserver away or erring: the same sync is tried again (its token was not
            # saved), so nothing is lost while waiting. Acts wait out the database themselves.
            except (ClientError, TimeoutError, MatrixRequestFailed) as failure:
                log.warning("Matrix sync failed (%r); again in %.0f s", failure, reconnect_seconds)
                self._is_sync_failing = True
                await asyncio.sleep(reconnect_seconds)
                reconnect_seconds = min(reconnect_seconds * 2, MAX_RECONNECT_SECONDS)
                continue
            reconnect_seconds = FIRST_RECONNECT_SECONDS
            if self._is_sync_failing:
                self._is_sync_failing = False
                self.delivery.poke()
            if not self.ready.is_set():
                self.ready.set()
                self._delivery_task = self._run(self.delivery.run(), "matrix-delivery")

    async def _sync_once(self) -> None:
        await self._log_in()
        client = self._client()
        token = self.store.load_sync_token()
        # nio skips a sync response whose token it has seen; a batch whose handling failed
        # must be decrypted and read again, as it would be after a crash.
        client.next_batch = token
        # Right after a start or an outage the sync returns at once, so the outbox is released
        # as soon as the homeserver answers, not when its first long poll ends.
        is_probe = self._is_sync_failing or not self.ready.is_set()
        response = await client.sync(
            timeout=0 if is_probe else LONG_POLL_MILLISECONDS,
            since=token,
            # The first sync after a start fills in every room's state (names, members, who is
            # encrypted), which an incremental sync would only show for rooms with news.
            full_state=not self.ready.is_set(),
        )
        if isinstance(response, ErrorResponse) and response.status_code == "M_UNKNOWN_TOKEN":
            raise MatrixLoginFailed(
                f"the homeserver no longer accepts device {client.device_id} (logged out or "
                f"deleted); remove {self.store.path / LOGIN_FILE} to log in as a new device"
            )
        if not isinstance(response, SyncResponse):
            raise MatrixRequestFailed(str(response))
        await self._maintain_keys()
        # On the very first start, whatever the rooms already hold is history: not acted on.
        await self._handle_sync(response, act_on_timeline=token is not None)
        self.store.save_sync_token(response.next_batch)

    async def _maintain_keys(self) -> None:
        client = self._client()
        async with self._crypto_lock:
            await client.send_to_device_messages()
            if client.should_upload_keys:
                await client.keys_upload()
            if client.should_query_keys:
                await client.keys_query()
            if client.should_claim_keys:
                await client.keys_claim(client.get_users_for_key_claiming())

    async def _handle_sync(self, response: SyncResponse, act_on_timeline: bool) -> None:
        client = self._client()
        for room_id, invite in response.rooms.invite.items():
            await self._answer_invite(room_id, invite)
        for room_id, joined in response.rooms.join.items():
            room = client.rooms.get(room_id)
            if room is None or not act_on_timeline:
                continue
            for event in since_own_join(joined.timeline.events, client.user_id):
                await self._handle_or_skip(room, event)
        readable, given_up = self.undecryptable.retry(client.decrypt_event, self.clock())
        for room_id, event in readable:
            if room_id in client.rooms:
                await self._handle_or_skip(client.rooms[room_id], event)
        for room_id in given_up:
            if room_id in self.direct_rooms:
                continue  # no circle there to tell
            notice = self.core.notice_once
            await self.acts.until_stored(
                notice, PLATFORM, room_id, "notice.undecryptable", self.clock()
            )
            self.delivery.poke()

    async def _handle_or_skip(self, room: MatrixRoom, event: Event) -> None:
        """Handle one event; one that trips a bug is logged and skipped, not retried forever.

        Trouble that passes (the homeserver away) goes up, so the whole sync is tried again;
        the database away is waited out where the act is stored; a bug would fail the same way
        on every try and silence the room.
        """
        try:
            await self._handle_event(room, event)
        except (ClientError, TimeoutError):
            raise
        except Exception:
            log.exception(
                "skipped event %s in %s: it could not be handled", event.event_id, room.room_id
            )

    async def _answer_invite(self, room_id: str, invite: InviteInfo) -> None:
        client = self._client()
        invited = client.invited_rooms.get(room_id)
        inviter = invited.inviter if invited is not None else None
        if not is_allowed_inviter(inviter, self.settings.allowed_inviters):
            log.info("declining an invite to %s from %s (not an allowed inviter)", room_id, inviter)
            await client.room_leave(room_id)
            return
        if is_direct_invite(invite.invite_state, client.user_id):
            # Known before joining: the join itself must not start a circle.
            self.direct_rooms.add(room_id)
            self.store.save_direct_rooms(self.direct_rooms)
        # The circle is created when the join shows up in the next sync (see _handle_event).
        answer = await client.join(room_id)
        if isinstance(answer, ErrorResponse):
            log.warning("could not join %s: %s", room_id, answer)

    async def _handle_event(self, room: MatrixRoom, event: Event) -> None:
        client = self._client()
        now = self.clock()
        if isinstance(event, MegolmEvent):
            self.undecryptable.add(room.room_id, event, now)
            if event.session_id not in client.outgoing_key_requests:
                await client.request_room_key(event)
            return
        if room.room_id in self.direct_rooms:
            await self._answer_privately(room, event)
            return
        if isinstance(event, RoomMemberEvent):
            await self._handle_membership(room, event)
            return
        if isinstance(event, RoomNameEvent) and event.name:
            await self.acts.until_stored(
                self.core.rename_circle, PLATFORM, room.room_id, event.name
            )
            return
        if isinstance(event, RoomUpgradeEvent):
            await self._follow_upgrade(room, event.replacement_room)
            return
        if event.sender == client.user_id:
            return
        incoming = incoming_from_event(
            room.room_id,
            event.source,
            room.user_name(event.sender) or event.sender,
            room.display_name,
        )
        if incoming is not None and await self.acts.handle(incoming, now):
            self.delivery.poke()

    async def _answer_privately(self, room: MatrixRoom, event: Event) -> None:
        """A member's message in their direct room with the bot, answered there."""
        client = self._client()
        if event.sender == client.user_id:
            return
        # Matrix tells no one's language: the bot answers in its own first one.
        language = self.core.settings.default_languages[0]
        message = private_message(room.room_id, event.source, client.user_id, language)
        if message is not None:
            await answer_privately(self.acts, message, self._is_member, self.send, self._new_circle)

    async def _is_member(self, room_id: str, user_id: str) -> bool:
        return await is_joined(self._client(), room_id, user_id)

    async def _new_circle(self, message: PrivateMessage, request: NewCircle) -> Outgoing:
        made = self._circles_made.get(message.message_id)
        if made is None:
            made = await start_circle(self._client(), message, request)
            self._circles_made[message.message_id] = made
        return made

    async def _follow_upgrade(self, room: MatrixRoom, new_room_id: str) -> None:
        """The room was upgraded to a new one: the circle, its tasks and the bot move along.

        An invite-only room can only be joined once invited (Element's upgrade offers to invite
        everyone); the join then comes through the invite, to the circle already moved.
        """
        await self.acts.until_stored(self.core.move_circle, PLATFORM, room.room_id, new_room_id)
        answer = await self._client().join(new_room_id)
        if isinstance(answer, ErrorResponse):
            log.info("%s was upgraded to %s; waiting for an invite", room.room_id, new_room_id)

    async def _handle_membership(self, room: MatrixRoom, event: RoomMemberEvent) -> None:
        now = self.clock()
        user_id = event.state_key
        was_in = event.prev_membership == "join"
        if user_id == self._client().user_id:
            if event.membership == "join" and not was_in:
                joined = self.core.bot_joined
                await self.acts.until_stored(joined, PLATFORM, room.room_id, room.display_name, now)
                self.delivery.poke()
        elif event.membership == "join":
            name = event.content.get("displayname") or room.user_name(user_id) or user_id
            joined = self.core.member_joined
            await self.acts.until_stored(joined, PLATFORM, room.room_id, user_id, name, now)
        elif event.membership in ("leave", "ban") and was_in:
            await self.acts.until_stored(
                self.core.member_left, PLATFORM, room.room_id, user_id, now
            )

    # -- sending ----------------------------------------------------------------------------

    async def send(self, message: Outgoing) -> str | None:
        """Post one outbox message; returns its event id, None for a reaction (see
        ``bot.delivery`` for errors)."""
        if self._sender is None:
            raise RuntimeError("the Matrix transport was not started")
        if self._is_sync_failing:
            raise DeliveryDeferred(AWAY_RECHECK_SECONDS)
        return await self._sender.send(message)

    def _client(self) -> AsyncClient:
        if self.client is None:
            raise RuntimeError("the Matrix transport was not started")
        return self.client


def _report_crash(task: asyncio.Task[None]) -> None:
    """A loop that should run forever ended: say so loudly rather than go quiet."""
    if not task.cancelled() and task.exception() is not None:
        log.error("%s stopped", task.get_name(), exc_info=task.exception())
