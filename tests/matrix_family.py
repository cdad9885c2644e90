"""Family members for the Matrix tests: real nio clients with encryption, as Element users are.

Each member has their own device and key store, joins the rooms they are invited to, shares
room keys with every device in the room, and keeps what their timeline showed, decrypted where
their keys allow, so a test asserts on what that person actually saw.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    DownloadResponse,
    Event,
    LoginResponse,
    MegolmEvent,
    RoomCreateResponse,
    RoomPreset,
    RoomSendResponse,
    SyncResponse,
)
from nio.crypto import decrypt_attachment

from tests.synapse import RegisteredUser

ENCRYPTION_STATE = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
}
# How long a member waits for the bot's answer before the test fails.
ANSWER_TIMEOUT_SECONDS = 30.0


def shown_text(event: Event) -> str:
    """The words a client shows for a message: the new text of an edit."""
    content = event.source.get("content", {})
    new_content = content.get("m.new_content")
    return (new_content or content).get("body", "")


def reaction_key(event: Event, target: str) -> str | None:
    """The emoji ``event`` puts on ``target``, if it is an ``m.reaction`` annotating it."""
    relation = event.source.get("content", {}).get("m.relates_to", {})
    if event.source.get("type") != "m.reaction" or relation.get("rel_type") != "m.annotation":
        return None
    return relation.get("key") if relation.get("event_id") == target else None


def is_reaction(event: Event, target: str, key: str) -> bool:
    """Whether ``event`` is an ``m.reaction`` putting ``key`` on the event ``target``."""
    return reaction_key(event, target) == key


def described(event: Event) -> str:
    """An event in a failure message: its kind and text, or the emoji and what it is on."""
    relation = event.source.get("content", {}).get("m.relates_to", {})
    if event.source.get("type") == "m.reaction":
        return f"{type(event).__name__}: {relation.get('key')} on {relation.get('event_id')}"
    return f"{type(event).__name__}: {shown_text(event)}"


class Member:
    """One person in the circle, on their own device."""

    def __init__(self, homeserver: str, user: RegisteredUser, name: str, store: Path) -> None:
        store.mkdir(parents=True, exist_ok=True)
        self.user = user
        self.name = name
        self.client = AsyncClient(
            homeserver,
            user.user_id,
            store_path=str(store),
            config=AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True),
        )
        self.timeline: list[Event] = []
        self.room_of: dict[str, str] = {}  # event id → the room it was seen in

    @property
    def user_id(self) -> str:
        return self.user.user_id

    async def log_in(self) -> None:
        answer = await self.client.login(self.user.password, device_name="phone")
        assert isinstance(answer, LoginResponse), answer
        await self.client.set_displayname(self.name)
        await self.sync()

    async def close(self) -> None:
        await self.client.close()

    async def sync(self, timeout_ms: int = 0) -> None:
        answer = await self.client.sync(timeout=timeout_ms)
        assert isinstance(answer, SyncResponse), answer
        for room_id in answer.rooms.invite:
            await self.client.join(room_id)
        for room_id, joined in answer.rooms.join.items():
            self.timeline.extend(joined.timeline.events)
            self.room_of |= {event.event_id: room_id for event in joined.timeline.events}
        await self.client.send_to_device_messages()
        if self.client.should_upload_keys:
            await self.client.keys_upload()
        if self.client.should_query_keys:
            await self.client.keys_query()
        if self.client.should_claim_keys:
            await self.client.keys_claim(self.client.get_users_for_key_claiming())

    async def create_encrypted_room(self, name: str, invite: list[str]) -> str:
        return await self.create_room(name, invite, encrypted=True)

    async def create_room(self, name: str, invite: list[str], *, encrypted: bool) -> str:
        answer = await self.client.room_create(
            name=name, invite=invite, initial_state=[ENCRYPTION_STATE] if encrypted else []
        )
        assert isinstance(answer, RoomCreateResponse), answer
        await self.sync()
        return answer.room_id

    async def create_direct_room(self, user_id: str) -> str:
        """What Element's "start a chat" with ``user_id`` does: an encrypted direct room."""
        answer = await self.client.room_create(
            is_direct=True,
            preset=RoomPreset.trusted_private_chat,
            invite=[user_id],
            initial_state=[ENCRYPTION_STATE],
        )
        assert isinstance(answer, RoomCreateResponse), answer
        await self.sync()
        return answer.room_id

    async def upgrade_room(self, room_id: str) -> str:
        """What Element's /upgraderoom does; returns the new room, joined."""
        path = f"/_matrix/client/v3/rooms/{room_id}/upgrade"
        answer = await self.client.send(
            "POST",
            path,
            json.dumps({"new_version": "10"}),
            headers={"Authorization": f"Bearer {self.client.access_token}"},
        )
        assert answer.status == 200, await answer.text()
        new_room_id = (await answer.json())["replacement_room"]
        await self.client.join(new_room_id)
        await self.sync()
        return new_room_id

    async def invite(self, room_id: str, user_id: str) -> None:
        await self.client.room_invite(room_id, user_id)

    async def send(self, room_id: str, event_type: str, content: dict[str, Any]) -> str:
        await self.sync()  # know the latest members and their devices before encrypting
        answer = await self.client.room_send(
            room_id, event_type, content, ignore_unverified_devices=True
        )
        assert isinstance(answer, RoomSendResponse), answer
        return answer.event_id

    async def say(
        self, room_id: str, text: str, reply_to: Event | None = None, thread: str | None = None
    ) -> str:
        """Send ``text``; a reply carries the quote fallback clients put above it, every line
        of the quoted message marked with ``>``."""
        content: dict[str, Any] = {"msgtype": "m.text", "body": text}
        if reply_to is not None:
            quoted = shown_text(reply_to).replace("\n", "\n> ")
            quote = f"> <{reply_to.sender}> {quoted}"
            content["body"] = f"{quote}\n\n{text}"
            content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to.event_id}}
        if thread is not None:
            content["m.relates_to"] = {
                "rel_type": "m.thread",
                "event_id": thread,
                "is_falling_back": True,
                "m.in_reply_to": {"event_id": thread},
            }
        return await self.send(room_id, "m.room.message", content)

    async def edit(self, room_id: str, event_id: str, text: str) -> str:
        content = {
            "msgtype": "m.text",
            "body": f"* {text}",
            "m.new_content": {"msgtype": "m.text", "body": text},
            "m.relates_to": {"rel_type": "m.replace", "event_id": event_id},
        }
        return await self.send(room_id, "m.room.message", content)

    def stop_sharing_keys_with(self, user_id: str) -> None:
        """What "never send to unverified sessions" does to that user's devices."""
        for device in self.client.device_store.active_user_devices(user_id):
            self.client.blacklist_device(device)

    async def download_file(self, event: Event) -> bytes:
        """The decrypted bytes of an encrypted file message."""
        file = event.source["content"]["file"]
        answer = await self.client.download(mxc=file["url"])
        assert isinstance(answer, DownloadResponse), answer
        return decrypt_attachment(
            answer.body, file["key"]["k"], file["hashes"]["sha256"], file["iv"]
        )

    async def react(self, room_id: str, event_id: str, key: str) -> str:
        relation = {"rel_type": "m.annotation", "event_id": event_id, "key": key}
        return await self.send(room_id, "m.reaction", {"m.relates_to": relation})

    def from_bot(self, bot_id: str) -> list[Event]:
        return [event for event in self.timeline if event.sender == bot_id]

    def seen(self, event_id: str) -> Event:
        """The event as this member's client received it (to reply to it, say)."""
        return next(event for event in self.timeline if event.event_id == event_id)

    def marks_on(self, bot_id: str, event_id: str) -> list[str]:
        """Every emoji the bot put on the event, as often as it put it there."""
        keys = (reaction_key(event, event_id) for event in self.from_bot(bot_id))
        return [key for key in keys if key is not None]

    async def wait_for(
        self, bot_id: str, matches: Callable[[Event], bool], timeout: float = ANSWER_TIMEOUT_SECONDS
    ) -> Event:
        """The first event from the bot that ``matches``, syncing until it arrives."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self.from_bot(bot_id):
                if matches(event):
                    return event
            if time.monotonic() > deadline:
                seen = [described(event) for event in self.from_bot(bot_id)]
                raise AssertionError(f"{self.user_id} never saw it; the bot said {seen}")
            await self.sync(timeout_ms=500)

    async def wait_for_text(self, bot_id: str, *words: str) -> Event:
        return await self.wait_for(bot_id, lambda event: all(w in shown_text(event) for w in words))

    async def wait_for_reaction(self, bot_id: str, event_id: str, key: str) -> Event:
        """The bot's reaction ``key`` on the event ``event_id``, syncing until it arrives."""
        return await self.wait_for(bot_id, lambda event: is_reaction(event, event_id, key))

    def undecryptable_from(self, sender: str) -> list[MegolmEvent]:
        return [e for e in self.timeline if isinstance(e, MegolmEvent) and e.sender == sender]


async def settle(*members: Member) -> None:
    """Let everyone catch up with the server (and anything still in flight arrive)."""
    await asyncio.gather(*(member.sync(timeout_ms=1000) for member in members))
