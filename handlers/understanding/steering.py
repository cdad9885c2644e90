"""The plain phrases that steer the bot rather than the circle: "undo", "not a task", "remind
me tomorrow" (in a reply to a task), and a bare number with one word, "#4 me", "#7 erledigt".

The words are data, each language's ``[steering]`` section (and, for a number's words,
``number_claim`` and ``number_done`` in ``[cues]``). Undo, "not a task" and a number's words
are heard in every circle whatever its languages: they are short, unmistakable, and a member
may steer in their own language in a circle set to another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from handlers.understanding import locales

_END = r"\s*[.!]*\s*$"


def is_undo(text: str) -> bool:
    return bool(_whole("undo").match(text))


def is_not_a_task(text: str) -> bool:
    return bool(_whole("not_a_task").match(text))


def remind_me_when(text: str, languages: Sequence[str] = ("en",)) -> str | None:
    """``"remind me tomorrow"``, ``"recuérdamelo mañana"`` → the words that say until when
    (empty when none are said: the snooze's own default, the next morning); None when the
    message is not that, in one of ``languages``."""
    match = _remind_me(tuple(languages)).match(text)
    return match.group(1).strip(" .!,") if match else None


def numbered_act(text: str) -> tuple[int, bool] | None:
    """``"#4 yo"`` → ``(4, False)`` (a claim), ``"#4 erledigt"`` → ``(4, True)`` (done): a
    task's number and a word that takes or finishes it, and nothing more ("4 yo" may be an
    age, "#4 io ci penso domani" is a claim for a later day)."""
    match = _numbered().match(text)
    if match is None:
        return None
    return int(match.group(1)), match.group(2).casefold() in _done_words()


@cache
def _whole(key: str) -> re.Pattern[str]:
    words = locales.alternation(locales.codes(), "steering", key)
    return re.compile(rf"^\s*(?:{words}){_END}", re.IGNORECASE)


@cache
def _remind_me(languages: tuple[str, ...]) -> re.Pattern[str]:
    chosen = tuple(code for code in languages if code in locales.codes()) or ("en",)
    words = locales.alternation(chosen, "steering", "remind_me")
    return re.compile(rf"^\s*(?:{words})\b[\s,:]*(.*?)\s*$", re.IGNORECASE | re.DOTALL)


@cache
def _numbered() -> re.Pattern[str]:
    every = locales.codes()
    words = "|".join(
        locales.alternation(every, "cues", key) for key in ("number_claim", "number_done")
    )
    return re.compile(rf"^\s*#\s?(\d{{1,6}})\s*[:,-]?\s+({words})\s*[.!👍✅✋]*\s*$", re.IGNORECASE)


@cache
def _done_words() -> frozenset[str]:
    listed = locales.listed(locales.codes(), "cues", "number_done")
    return frozenset(word for words in listed for word in words.split("|") if word)
