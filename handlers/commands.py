"""Recognising slash commands and the plain phrases that steer the bot ("undo", "not a task")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMAND = re.compile(r"^/([A-Za-z_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)
_UNDO = re.compile(
    r"^\s*(?:undo|deshacer|annuler|rückgängig|desfazer|annulla)\s*[.!]?\s*$", re.IGNORECASE
)
_NOT_A_TASK = re.compile(
    r"^\s*(?:not\s+a\s+task|no\s+es\s+(?:una\s+)?tarea|pas\s+une\s+tâche|keine\s+aufgabe|"
    r"não\s+é\s+(?:uma\s+)?tarefa|non\s+è\s+un\s+compito)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_REMIND_ME = re.compile(r"^\s*remind\s+me\s+(.+)$", re.IGNORECASE)


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


def is_undo(text: str) -> bool:
    return bool(_UNDO.match(text))


def is_not_a_task(text: str) -> bool:
    return bool(_NOT_A_TASK.match(text))


def remind_me_when(text: str) -> str | None:
    """``"remind me tomorrow"`` → ``"tomorrow"``; None when the message is not that."""
    match = _REMIND_ME.match(text)
    return match.group(1) if match else None
