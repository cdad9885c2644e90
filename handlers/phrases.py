"""Looking up what the bot says in the circle's own language (its first one we speak)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from handlers.phrasebook import LANGUAGES, PHRASES


@cache
def language_index(languages: tuple[str, ...]) -> int:
    """Position in the phrasebook of the first of the circle's languages we have; else English."""
    for code in languages:
        if code in LANGUAGES:
            return LANGUAGES.index(code)
    return 0


def phrase(key: str, languages: Sequence[str], **values: object) -> str:
    """The phrase ``key`` in the circle's language, with ``values`` filled in."""
    return PHRASES[key][language_index(tuple(languages))].format(**values)
