"""Which language a message seems written in, by its short common words.

Reading is bound to a circle's languages: "mar" is a Tuesday only in Spanish. Counting a few
typical words per language (``typical_words`` in each locale's ``[text]``) tells, for almost
nothing, when a message is in a language we know but the circle does not read, so that its
words are not guessed at (and the circle can be told how to add it).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from handlers.understanding import locales

_PUNCTUATION = '.,;:!?¿¡"()«»„“”…-'
# Enough of a message to tell its language; a long paste is judged by its start.
WORDS_LOOKED_AT = 40


@cache
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for code in locales.codes():
        for word in locales.section(code, "text").get("typical_words", "").split():
            found[word] = (*found.get(word, ()), code)
    return found


def other_languages(text: str, languages: Sequence[str], *, by: int = 1) -> list[str]:
    """The languages, not among ``languages``, of which ``text`` has at least ``by`` typical
    words more than of any of ``languages``, likeliest first; empty when it reads as one."""
    return _ahead(_typical_words(text), languages, by)


def _ahead(counts: dict[str, int], languages: Sequence[str], by: int) -> list[str]:
    own = max((counts.get(code, 0) for code in languages), default=0)
    others = [code for code, count in counts.items() if code not in languages and count >= own + by]
    # A tie is broken by the code, not by the order the words happened to be counted in.
    return sorted(others, key=lambda code: (-counts[code], code))


# A message of at most this many words is short, and a typical word of at least this many
# letters tells its language alone.
SHORT_MESSAGE_WORDS = 3
TELLING_LETTERS = 4


def reads_as_other(text: str, languages: Sequence[str]) -> bool:
    """Whether ``text`` is clearly in a language we know that the circle does not read: two
    typical words more than of the circle's own, or, in a message of a few words, one long
    typical word and none of the circle's ("recuérdamelo mañana"; the "to" of Portuguese
    "to indo" tells nothing)."""
    counts = _typical_words(text)
    if _ahead(counts, languages, 2):
        return True
    words = text.split()
    if len(words) > SHORT_MESSAGE_WORDS or any(counts.get(code) for code in languages):
        return False
    telling = [word for word in words if len(word.strip(_PUNCTUATION)) >= TELLING_LETTERS]
    return bool(_ahead(_count(telling), languages, 1))


# A message is weighed twice (is it in a language the circle does not read; would it be an act
# in one), so the last one's counts are kept.
@lru_cache(maxsize=1)
def _typical_words(text: str) -> dict[str, int]:
    """How many typical words of each language ``text`` has (read, never changed, by callers)."""
    return _count(text.split()[:WORDS_LOOKED_AT])


def _count(words: list[str]) -> dict[str, int]:
    """How many of ``words`` (each counted once) are typical of each language."""
    of_word = _languages_of_word()
    counts: dict[str, int] = {}
    for word in {word.lower().replace("’", "'") for word in words}:
        for code in of_word.get(word.strip(_PUNCTUATION), ()):
            counts[code] = counts.get(code, 0) + 1
    return counts
