"""The Matrix transport: one device of the bot's account, syncing rooms and delivering the outbox.

Each sync's events are handled before its token is saved, and the core ignores an event id it
has seen, so a crash repeats a little and loses nothing. Encrypted rooms work like any other:
nio decrypts with the keys in the store, and the bot shares its own room keys with every
member's devices without asking them to verify it first.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any, NoReturn

from aiohttp import ClientError
from nio import (
    AsyncClient,
    AsyncClientConfig,
    ErrorResponse,
    Event,
    LoginResponse,
    MatrixRoom,
    MegolmEvent,
    RoomMemberEvent,
    RoomNameEvent,
    RoomSendResponse,
    SyncResponse,
    UploadResponse,
    WhoamiResponse,
)

from bot.config import MatrixSettings
from bot.core import CareCircleCore
from bot.delivery import Clock, DeliveryDeferred, DeliveryLoop, Undeliverable, utc_now
from bot.errors import CareCircleError
from bot.matrix.inbound import PLATFORM, incoming_from_event
from bot.matrix.outbound import file_content, reaction_content, text_content
from bot.matrix.state import LOGIN_FILE, MatrixStore, SavedLogin
from bot.matrix.undecryptable import DEFAULT_GRACE, FIX_TEXT, UndecryptableMessages
from bot.messages import Outgoing

log = logging.getLogger(__name__)

DEVICE_NAME = "carecircle"
# How long one sync may wait on the server for news before asking again.
LONG_POLL_MILLISECONDS = 30_000
# Reconnecting after the homeserver went away: 1 s, doubling, at most a minute.
FIRST_RECONNECT_SECONDS = 1.0
MAX_RECONNECT_SECONDS = 60.0
# With a flood limit that names no wait, wait this long.
DEFAULT_FLOOD_WAIT_SECONDS = 5.0


class MatrixLoginFailed(RuntimeError):
    """The homeserver refused the bot's password or access token."""


class MatrixRequestFailed(RuntimeError):
    """The homeserver answered a request with an error worth retrying later."""


def is_allowed_inviter(inviter: str | None, allowed: tuple[str, ...]) -> bool:
    """Anyone when ``allowed`` is empty; else a listed user id or a user of a listed ``:server``."""
    if not allowed:
        return True
    if inviter is None:
        return False
    return any(
        inviter.endswith(entry) if entry.startswith(":") else inviter == entry for entry in allowed
    )


def since_own_join(events: list[Event], own_user_id: str) -> list[Event]:
    """Drop the history a just-joined room's first sync shows from before the bot was there."""
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if (
            isinstance(event, RoomMemberEvent)
            and event.state_key == own_user_id
            and event.membership == "join"
            and event.prev_membership != "join"
        ):
            return events[index:]
    return events


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
        self.settings = settings
        self.clock = clock
        self.store = MatrixStore(settings.store_path)
        self.delivery = DeliveryLoop(core, PLATFORM, self.send, clock)
        self.undecryptable = UndecryptableMessages(undecryptable_grace)
        # Set once the first sync after start was handled: rooms are known, delivery runs.
        self.ready = asyncio.Event()
        self.client: AsyncClient | None = None
        self._tasks: list[asyncio.Task[None]] = []
        # Key upload, query and claim, and room-key sharing in room_send, must not interleave.
        self._crypto_lock = asyncio.Lock()

    # -- start and stop ---------------------------------------------------------------------

    async def start(self) -> None:
        self.store.prepare()
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
        await self._log_in(self.client)
        self._tasks = [self._run(self._sync_forever(), "matrix-sync")]

    def _run(self, loop: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        task = asyncio.create_task(loop, name=name)
        task.add_done_callback(_report_crash)
        return task

    async def stop(self) -> None:
        """Stop syncing and delivering; the device stays logged in for the next start."""
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        if self.client is not None:
            await self.client.close()

    async def _log_in(self, client: AsyncClient) -> None:
        """Restore the saved device; log in (once, with a new device) only when there is none."""
        saved = self.store.load_login(self.settings.user)
        token = self.settings.access_token
        if token and (saved is None or saved.access_token != token):
            saved = await self._device_of_token(client, token)
        elif saved is None:
            saved = await self._new_device(client)
        client.restore_login(saved.user_id, saved.device_id, saved.access_token)
        log.info("Matrix device %s of %s", saved.device_id, saved.user_id)

    async def _device_of_token(self, client: AsyncClient, token: str) -> SavedLogin:
        client.access_token = token
        whoami = await client.whoami()
        if not isinstance(whoami, WhoamiResponse) or not whoami.device_id:
            raise MatrixLoginFailed(f"the access token was refused: {whoami}")
        saved = SavedLogin(whoami.user_id, whoami.device_id, token)
        self.store.save_login(saved)
        return saved

    async def _new_device(self, client: AsyncClient) -> SavedLogin:
        if not self.settings.password:
            raise MatrixLoginFailed("no saved login and no password to log in with")
        answer = await client.login(self.settings.password, device_name=DEVICE_NAME)
        if not isinstance(answer, LoginResponse):
            raise MatrixLoginFailed(f"the homeserver refused the login: {answer}")
        saved = SavedLogin(answer.user_id, answer.device_id, answer.access_token)
        self.store.save_login(saved)
        log.info("logged in to Matrix as %s, new device %s", saved.user_id, saved.device_id)
        return saved

    # -- receiving --------------------------------------------------------------------------

    async def _sync_forever(self) -> None:
        reconnect_seconds = FIRST_RECONNECT_SECONDS
        while True:
            try:
                await self._sync_once()
            # The homeserver away or erring, or the database busy: the same sync is tried again
            # (its token was not saved), so nothing is lost while waiting.
            except (ClientError, TimeoutError, MatrixRequestFailed, CareCircleError) as failure:
                log.warning("Matrix sync failed (%r); again in %.0f s", failure, reconnect_seconds)
                await asyncio.sleep(reconnect_seconds)
                reconnect_seconds = min(reconnect_seconds * 2, MAX_RECONNECT_SECONDS)
                continue
            reconnect_seconds = FIRST_RECONNECT_SECONDS
            if not self.ready.is_set():
                self.ready.set()
                self._tasks.append(self._run(self.delivery.run(), "matrix-delivery"))

    async def _sync_once(self) -> None:
        client = self._client()
        token = self.store.load_sync_token()
        response = await client.sync(
            timeout=LONG_POLL_MILLISECONDS,
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
        for room_id in response.rooms.invite:
            await self._answer_invite(room_id)
        for room_id, joined in response.rooms.join.items():
            room = client.rooms.get(room_id)
            if room is None or not act_on_timeline:
                continue
            for event in since_own_join(joined.timeline.events, client.user_id):
                await self._handle_event(room, event)
        readable, given_up = self.undecryptable.retry(client.decrypt_event, self.clock())
        for room_id, event in readable:
            if room_id in client.rooms:
                await self._handle_event(client.rooms[room_id], event)
        for room_id in given_up:
            self.core.notice_once(PLATFORM, room_id, "undecryptable", FIX_TEXT, self.clock())
            self.delivery.poke()

    async def _answer_invite(self, room_id: str) -> None:
        client = self._client()
        invited = client.invited_rooms.get(room_id)
        inviter = invited.inviter if invited is not None else None
        if not is_allowed_inviter(inviter, self.settings.allowed_inviters):
            log.info("declining an invite to %s from %s (not an allowed inviter)", room_id, inviter)
            await client.room_leave(room_id)
            return
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
        if isinstance(event, RoomMemberEvent):
            self._handle_membership(room, event)
            return
        if isinstance(event, RoomNameEvent) and event.name:
            self.core.rename_circle(PLATFORM, room.room_id, event.name)
            return
        if event.sender == client.user_id:
            return
        incoming = incoming_from_event(
            room.room_id,
            event.source,
            room.user_name(event.sender) or event.sender,
            room.display_name,
        )
        if incoming is not None and self.core.handle(incoming, now):
            self.delivery.poke()

    def _handle_membership(self, room: MatrixRoom, event: RoomMemberEvent) -> None:
        now = self.clock()
        user_id = event.state_key
        was_in = event.prev_membership == "join"
        if user_id == self._client().user_id:
            if event.membership == "join" and not was_in:
                self.core.bot_joined(PLATFORM, room.room_id, room.display_name, now)
                self.delivery.poke()
        elif event.membership == "join":
            name = event.content.get("displayname") or room.user_name(user_id) or user_id
            self.core.member_joined(PLATFORM, room.room_id, user_id, name, now)
        elif event.membership in ("leave", "ban") and was_in:
            self.core.member_left(PLATFORM, room.room_id, user_id, now)

    # -- sending ----------------------------------------------------------------------------

    async def send(self, message: Outgoing) -> str:
        """Post one outbox message; returns its event id (see ``bot.delivery`` for errors)."""
        client = self._client()
        room = client.rooms.get(message.chat_id)
        if room is None:
            raise Undeliverable(f"the bot is not in room {message.chat_id}")
        if message.reaction and message.reply_to_id:
            return await self._room_send(room, "m.reaction", reaction_content(message))
        if message.attachment is not None:
            return await self._send_file(room, message)
        return await self._room_send(room, "m.room.message", text_content(message))

    async def _send_file(self, room: MatrixRoom, message: Outgoing) -> str:
        attachment = message.attachment
        if attachment is None:
            raise ValueError("a file message without a file")
        data = attachment.content.encode()
        uploaded, keys = await self._client().upload(
            io.BytesIO(data),
            content_type=attachment.media_type,
            filename=attachment.filename,
            encrypt=room.encrypted,
            filesize=len(data),
        )
        if not isinstance(uploaded, UploadResponse):
            _raise_for(uploaded)
        uri = uploaded.content_uri
        location = {"file": {**keys, "url": uri}} if keys is not None else {"url": uri}
        content = file_content(message, attachment, location, len(data))
        return await self._room_send(room, "m.room.message", content)

    async def _room_send(self, room: MatrixRoom, event_type: str, content: dict[str, Any]) -> str:
        async with self._crypto_lock:
            answer = await self._client().room_send(
                room.room_id, event_type, content, ignore_unverified_devices=True
            )
        if not isinstance(answer, RoomSendResponse):
            _raise_for(answer)
        return answer.event_id

    def _client(self) -> AsyncClient:
        if self.client is None:
            raise RuntimeError("the Matrix transport was not started")
        return self.client


def _report_crash(task: asyncio.Task[None]) -> None:
    """A loop that should run forever ended: say so loudly rather than go quiet."""
    if not task.cancelled() and task.exception() is not None:
        log.error("%s stopped", task.get_name(), exc_info=task.exception())


def _raise_for(answer: object) -> NoReturn:
    """Turn a homeserver's refusal into what the delivery loop understands."""
    code = getattr(answer, "status_code", None)
    if code == "M_LIMIT_EXCEEDED":
        wait_ms = getattr(answer, "retry_after_ms", None)
        raise DeliveryDeferred(wait_ms / 1000 if wait_ms else DEFAULT_FLOOD_WAIT_SECONDS)
    if code == "M_FORBIDDEN":
        raise Undeliverable(str(answer))
    raise MatrixRequestFailed(str(answer))
