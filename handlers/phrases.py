"""Looking up what the bot says in the circle's own language (its first one we speak)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from handlers.speech import LANGUAGES, SPEECH


@cache
def language_index(languages: tuple[str, ...]) -> int:
    """Position in ``LANGUAGES`` of the first of the circle's languages we have; else English."""
    for code in languages:
        if code in LANGUAGES:
            return LANGUAGES.index(code)
    return 0


def phrase(key: str, languages: Sequence[str], **values: object) -> str:
    """The phrase ``key`` in the circle's language, with ``values`` filled in."""
    return SPEECH.phrase(key, languages, **values)


def has_phrase(key: str) -> bool:
    """Whether the catalogs have a message ``key`` (a contact role we have words for)."""
    return SPEECH.knows(key)
