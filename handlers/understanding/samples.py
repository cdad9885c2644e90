"""Sentences made of a language's own words, for reading once before the first member writes.

The patterns of a set of languages are compiled the first time a message in them is read:
about 0.3 s for the first language and 15–50 ms for each further one. Read at start, the first
message after a restart is answered as fast as the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from handlers.understanding.locales import section

_FRIDAY = 4
_MARCH = 2


def sample_requests(languages: Sequence[str]) -> tuple[str, ...]:
    """A request with a day, a date and a clock time in each language, plainly and as
    ``task:``, so the cues, the model and the time grammar are all built."""
    texts: list[str] = []
    for code in languages:
        calendar = section(code, "calendar")
        if not calendar:
            continue
        day = _first_word(calendar["weekdays"][_FRIDAY])
        month = _first_word(calendar["months"][_MARCH])
        when = f"{day} 5 {month} 10:30"
        texts += [f"task: {when}", f"{when}?"]
    return tuple(texts)


def _first_word(fragment: str) -> str:
    """The first alternative of a locale fragment that is a plain word (not a look-around)."""
    return next(word for word in fragment.split("|") if word.isalpha())
