"""Looking up what the bot says in the circle's own language (its first one we speak)."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.speech import SPEECH


def phrase(key: str, languages: Sequence[str], **values: object) -> str:
    """The phrase ``key`` in the circle's language, with ``values`` filled in."""
    return SPEECH.phrase(key, languages, **values)


def has_phrase(key: str) -> bool:
    """Whether the catalogs have a message ``key`` (a contact role we have words for)."""
    return SPEECH.knows(key)
