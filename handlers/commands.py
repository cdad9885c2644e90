"""Recognising slash commands and the numbers they take (the plain phrases that steer the bot,
"undo" or "#4 me", are read by ``handlers.understanding.steering``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMAND = re.compile(r"^/([A-Za-z_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)
_NUMBER = re.compile(r"#?([0-9]+)")
# Task numbers, page numbers and the like are stored and looked up as 32-bit integers.
NUMBER_LIMIT = 2**31


@dataclass(frozen=True, slots=True)
class Command:
    """``/snooze 12 tomorrow`` → ``Command("snooze", "12 tomorrow")``."""

    name: str
    argument: str


def read_command(text: str) -> Command | None:
    match = _COMMAND.match(text.strip())
    if match is None:
        return None
    return Command(match.group(1).lower(), (match.group(2) or "").strip())


def read_number(text: str) -> int | None:
    """``"12"`` or ``"#12"`` → 12; None for anything that is not plain digits. The number may
    be out of range (``99999999999``): ``in_range`` says whether it can name anything."""
    match = _NUMBER.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def in_range(number: int) -> bool:
    """Whether a task, decision or page could have this number (1 ≤ n < 2³¹)."""
    return 1 <= number < NUMBER_LIMIT
