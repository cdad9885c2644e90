"""Read one plain message into an Intent (placeholder: explicit forms only, replaced soon)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from handlers.intent import NOTHING, Intent, Kind

_EXPLICIT = re.compile(
    r"^\s*(?:/(task|claim|done|unclaim|decide)\b|(task|todo|decision):)\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)


def understand(text: str, now: datetime, languages: Sequence[str]) -> Intent:
    """Return what ``text`` means, sent at ``now`` (aware, circle zone) in ``languages``."""
    match = _EXPLICIT.match(text)
    if not match:
        return NOTHING
    word = (match.group(1) or match.group(2)).lower()
    rest = match.group(3).strip()
    if word in ("task", "todo"):
        return Intent(Kind.TASK, title=rest or None)
    if word in ("decide", "decision"):
        return Intent(Kind.DECISION)
    number = int(rest) if rest.isdigit() else None
    return Intent(Kind(word), ref=number)
