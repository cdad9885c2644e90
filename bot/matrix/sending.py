"""Posting one outbox message to a room, and turning the homeserver's refusals into ours.

A flood limit becomes ``DeliveryDeferred`` (the outbox waits as long as the server asked), a
refusal for good (the bot was removed, the message is too large) ``Undeliverable``, so it is
given up; a lost connection or a server error is raised as it is, so the delivery loop backs
off and tries again.
"""

from __future__ import annotations

import asyncio
import io
from typing import Any, NoReturn

from nio import AsyncClient, MatrixRoom, RoomSendResponse, UploadResponse

from bot.delivery import DeliveryDeferred, Undeliverable
from bot.matrix.outbound import file_content, reaction_content, text_content
from handlers.messages import Attachment, Outgoing

# With a flood limit that names no wait, wait this long.
DEFAULT_FLOOD_WAIT_SECONDS = 5.0
# Refusals the same request would meet every time: the bot may not post there, the event or
# the file is too large, the request is malformed. Retried, they would hold the room up forever.
REFUSED_FOR_GOOD = frozenset(
    {"M_FORBIDDEN", "M_TOO_LARGE", "M_BAD_JSON", "M_NOT_JSON", "M_INVALID_PARAM"}
)
REFUSED_FOR_GOOD_HTTP = frozenset({413})


class MatrixRequestFailed(RuntimeError):
    """The homeserver answered a request with an error worth retrying later."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


def raise_for(answer: object) -> NoReturn:
    """Turn a homeserver's error response into what the delivery loop understands."""
    code = getattr(answer, "status_code", None)
    if code == "M_LIMIT_EXCEEDED":
        wait_ms = getattr(answer, "retry_after_ms", None)
        raise DeliveryDeferred(wait_ms / 1000 if wait_ms else DEFAULT_FLOOD_WAIT_SECONDS)
    if code in REFUSED_FOR_GOOD or _http_status(answer) in REFUSED_FOR_GOOD_HTTP:
        raise Undeliverable(str(answer))
    raise MatrixRequestFailed(str(answer), code)


def _http_status(answer: object) -> int | None:
    """The HTTP status of the homeserver's answer (a proxy's 413 may carry no Matrix code)."""
    return getattr(getattr(answer, "transport_response", None), "status", None)


class RoomSender:
    """Sends as the bot's device; ``crypto_lock`` keeps room-key sharing apart from key upkeep."""

    def __init__(self, client: AsyncClient, crypto_lock: asyncio.Lock) -> None:
        self.client = client
        self.crypto_lock = crypto_lock

    async def send(self, message: Outgoing) -> str | None:
        """Post ``message``; returns the event id members will reply and react to (None for a
        reaction, which nobody replies to)."""
        room = self.client.rooms.get(message.chat_id)
        if room is None:
            raise Undeliverable(f"the bot is not in room {message.chat_id}")
        if message.reaction and message.reply_to_id:
            await self._react(room, message)
            return None
        if message.attachment is not None:
            return await self._send_file(room, message, message.attachment)
        return await self._room_send(room, "m.room.message", text_content(message))

    async def _react(self, room: MatrixRoom, message: Outgoing) -> None:
        """Put the mark on; the same mark already there (sent before a crash could record it,
        or by a second claim of the same task) is as good as sent, not a failure to retry."""
        try:
            await self._room_send(room, "m.reaction", reaction_content(message))
        except MatrixRequestFailed as failure:
            if failure.code != "M_DUPLICATE_ANNOTATION":
                raise

    async def _send_file(self, room: MatrixRoom, message: Outgoing, attachment: Attachment) -> str:
        data = attachment.content.encode()
        uploaded, keys = await self.client.upload(
            io.BytesIO(data),
            content_type=attachment.media_type,
            filename=attachment.filename,
            encrypt=room.encrypted,
            filesize=len(data),
        )
        if not isinstance(uploaded, UploadResponse):
            raise_for(uploaded)
        uri = uploaded.content_uri
        location = {"file": {**keys, "url": uri}} if keys is not None else {"url": uri}
        content = file_content(message, attachment, location, len(data))
        return await self._room_send(room, "m.room.message", content)

    async def _room_send(self, room: MatrixRoom, event_type: str, content: dict[str, Any]) -> str:
        async with self.crypto_lock:
            answer = await self.client.room_send(
                room.room_id, event_type, content, ignore_unverified_devices=True
            )
        if not isinstance(answer, RoomSendResponse):
            raise_for(answer)
        return answer.event_id
