"""An encrypted message without its key waits for the key, and only then is the room told."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from nio import Event, MegolmEvent, RoomMessageText
from nio.exceptions import EncryptionError

from bot.matrix.undecryptable import UndecryptableMessages

ROOM = "!circle:example.org"
START = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def encrypted(event_id: str) -> MegolmEvent:
    return MegolmEvent.from_dict(
        {
            "type": "m.room.encrypted",
            "event_id": event_id,
            "sender": "@ann:example.org",
            "origin_server_ts": 1_700_000_000_000,
            "content": {
                "algorithm": "m.megolm.v1.aes-sha2",
                "ciphertext": "AwgA",
                "device_id": "PHONE",
                "sender_key": "key",
                "session_id": "session",
            },
        }
    )


def no_key(event: MegolmEvent) -> Event:
    raise EncryptionError("no session found")


def key_arrived(event: MegolmEvent) -> Event:
    return RoomMessageText.from_dict(
        {
            "type": "m.room.message",
            "event_id": event.event_id,
            "sender": event.sender,
            "origin_server_ts": 1_700_000_000_000,
            "content": {"msgtype": "m.text", "body": "/tasks"},
        }
    )


def test_the_room_is_told_only_after_the_grace_and_only_once() -> None:
    waiting = UndecryptableMessages(grace=timedelta(minutes=2))
    waiting.add(ROOM, encrypted("$a"), START)
    waiting.add(ROOM, encrypted("$b"), START)
    assert waiting.retry(no_key, START + timedelta(minutes=1)) == ([], set())
    assert waiting.retry(no_key, START + timedelta(minutes=2)) == ([], {ROOM})
    assert waiting.retry(no_key, START + timedelta(minutes=3)) == ([], set())


def test_a_key_that_arrives_late_lets_the_message_through() -> None:
    waiting = UndecryptableMessages(grace=timedelta(minutes=2))
    waiting.add(ROOM, encrypted("$a"), START)
    readable, given_up = waiting.retry(key_arrived, START + timedelta(minutes=1))
    assert [(room, event.body) for room, event in readable] == [(ROOM, "/tasks")]
    assert given_up == set()
    assert waiting.retry(key_arrived, START + timedelta(minutes=5)) == ([], set())
