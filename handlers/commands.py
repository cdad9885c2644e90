"""Recognising slash commands and the plain phrases that steer the bot ("undo", "not a task",
"remind me tomorrow", "#4 me"), in each language a circle may write in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

_COMMAND = re.compile(r"^/([A-Za-z_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)
_END = r"\s*[.!]*\s*$"
_UNDO = re.compile(
    r"^\s*(?:undo|deshacer|annuler|rückgängig|desfazer|annulla)" + _END, re.IGNORECASE
)
_NOT_A_TASK = re.compile(
    r"^\s*(?:not\s+a\s+task|no\s+es\s+(?:una\s+)?tarea|(?:ce\s+n'est\s+)?pas\s+une\s+tâche|"
    r"keine\s+aufgabe|não\s+é\s+(?:uma\s+)?tarefa|non\s+è\s+un\s+compito)" + _END,
    re.IGNORECASE,
)
# "remind me tomorrow" and its like: the rest of the message says until when.
_REMIND_ME: dict[str, str] = {
    "en": r"remind\s+me(?:\s+again)?",
    "es": r"recu[ée]rd(?:ame|amelo|amela|enme|enmelo)|me\s+lo\s+recuerdas",
    "fr": r"rappel(?:le|lez)(?:[\s-]l[ea])?[\s-]moi(?:[\s-]l[ea])?",
    "de": r"erinner(?:e|n)?\s+mich(?:\s+(?:daran|nochmal))?",
    "pt": r"(?:me\s+lembr[ae]|lembr[ae][\s-]me)(?:\s+disso)?",
    "it": r"ricordamelo|ricordamela|ricordami(?:lo|la)?|me\s+lo\s+ricordi",
}
# Said alone after "remind me": until tomorrow morning, in the words of the circle's language.
_TOMORROW = {
    "en": "tomorrow",
    "es": "mañana",
    "fr": "demain",
    "de": "morgen",
    "pt": "amanhã",
    "it": "domani",
}
# "#4 me", "#4 yo", "#4 moi", "#4 ich", "#4 eu", "#4 io"; "#4 done", "#4 hecho", …
ME_WORDS = ("me", "mine", "yo", "moi", "ich", "eu", "io")
_ME_PHRASES = r"para\s+m[íi]m?|(?:à|pour)\s+moi|für\s+mich|per\s+me"
DONE_WORDS = (
    "done",
    "hecho",
    "hecha",
    "fait",
    "faite",
    "erledigt",
    "feito",
    "feita",
    "fatto",
    "fatta",
)
_NUMBER_AND_WORD = re.compile(
    rf"^\s*#\s?(\d{{1,6}})\s*[:,-]?\s+({'|'.join(ME_WORDS + DONE_WORDS)}|{_ME_PHRASES})"
    r"\s*[.!👍✅✋]*\s*$",
    re.IGNORECASE,
)
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


def is_undo(text: str) -> bool:
    return bool(_UNDO.match(text))


def is_not_a_task(text: str) -> bool:
    return bool(_NOT_A_TASK.match(text))


def remind_me_when(text: str, languages: Sequence[str] = ("en",)) -> str | None:
    """``"remind me tomorrow"``, ``"recuérdamelo mañana"`` → the words that say until when;
    None when the message is not that, in one of ``languages``. Without a day it means
    tomorrow."""
    known = tuple(code for code in languages if code in _REMIND_ME) or ("en",)
    match = _remind_me(known).match(text)
    if match is None:
        return None
    return match.group(1).strip(" .!,") or _TOMORROW[known[0]]


@cache
def _remind_me(languages: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(_REMIND_ME[code] for code in languages)
    return re.compile(rf"^\s*(?:{words})\b[\s,:]*(.*?)\s*$", re.IGNORECASE | re.DOTALL)


def number_and_word(text: str) -> tuple[int, bool] | None:
    """``"#4 yo"`` → ``(4, False)`` (a claim), ``"#4 erledigt"`` → ``(4, True)`` (done)."""
    match = _NUMBER_AND_WORD.match(text)
    if match is None:
        return None
    return int(match.group(1)), match.group(2).casefold() in DONE_WORDS


def read_number(text: str) -> int | None:
    """``"12"`` or ``"#12"`` → 12; None for anything that is not plain digits. The number may
    be out of range (``99999999999``): ``in_range`` says whether it can name anything."""
    match = _NUMBER.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def in_range(number: int) -> bool:
    """Whether a task, decision or page could have this number (1 ≤ n < 2³¹)."""
    return 1 <= number < NUMBER_LIMIT
