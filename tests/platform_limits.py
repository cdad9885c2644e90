"""What one platform message may hold: a Telegram message, a Matrix event."""

from __future__ import annotations

import json

from bot.matrix.outbound import text_content
from bot.telegram.formatting import MESSAGE_MAX_UNITS as TELEGRAM_MAX_UNITS
from bot.telegram.formatting import html_parts, utf16_units
from handlers.formatting import MESSAGE_MAX_UNITS
from handlers.messages import Outgoing

MATRIX_MAX_BYTES = 65_536


def fits_one_message(message: Outgoing, telegram_parts: int = 1) -> None:
    """The text within the core's bound, one Telegram message, one Matrix event."""
    assert utf16_units(message.text) <= MESSAGE_MAX_UNITS * min(telegram_parts, 3)
    parts = html_parts(message.text, message.mentions)
    assert len(parts) <= telegram_parts
    assert utf16_units(parts[0]) <= TELEGRAM_MAX_UNITS * 2  # escaped; the visible text is less
    event = {"type": "m.room.message", "content": text_content(message)}
    assert len(json.dumps(event).encode()) < MATRIX_MAX_BYTES
    assert len(json.dumps(event, ensure_ascii=False).encode()) < MATRIX_MAX_BYTES
