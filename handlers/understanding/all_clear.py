"""Two readings that matter while an urgent task is open: the emergency is over, or someone is
on their way.

``all_clear("fausse alerte… tout va bien", ("fr",))`` and ``on_my_way("bin unterwegs", ("de",))``
are pure: text and the circle's languages in, a yes or no out. The words live in each
language's locale file, section ``[emergency]``. A phrase does not count when a
negation stands just before it ("she's not OK" is not caught, "no está bien" neither) or when
it is asked ("is she OK?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from handlers.understanding import locales
from handlers.understanding.accents import without_accents
from handlers.understanding.literals import GuardedPattern


def all_clear(text: str, languages: Sequence[str]) -> bool:
    """Whether the message says an emergency is over ("she's OK", "falsa alarma")."""
    return _says(text, languages, "all_clear")


def on_my_way(text: str, languages: Sequence[str]) -> bool:
    """Whether the message says its writer is going ("on my way", "bin unterwegs")."""
    return _says(text, languages, "on_my_way")


def _says(text: str, languages: Sequence[str], which: str) -> bool:
    """Whether ``text`` says the ``which`` phrases of one of ``languages``, not turned around."""
    flat = plain(text)
    for language in [code for code in languages if code in locales.codes()] or ["en"]:
        for match in _pattern(language, which).finditer(flat):
            if not _turned_around(flat, match, language):
                return True
    return False


@cache
def _pattern(language: str, which: str) -> GuardedPattern:
    listed = locales.section(language, "emergency")[which]
    phrases = "|".join(f"(?:{plain(phrase)})" for phrase in listed) or locales.NEVER
    return GuardedPattern(rf"(?<![\w'])(?:{phrases})(?![\w'])")


def _turned_around(plain: str, match: re.Match[str], language: str) -> bool:
    before = plain[: match.start()].split()[-2:]
    after = plain[match.end() :]
    if after.lstrip().startswith("?"):
        return True
    words = locales.section(language, "emergency")
    words_after = after.split()[:1]
    if any(word.strip(".,!;:") in words["negations_after"] for word in words_after):
        return True
    negations = words["negations"]
    return any(
        word.strip(".,!;:") in negations or word.endswith("n'") or word == "n't" for word in before
    )


@lru_cache(maxsize=64)
def plain(text: str) -> str:
    """Lower case, curly quotes straightened, accents dropped, spaces single (once per message:
    both questions, all-clear and on-my-way, read the same text)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(without_accents(text).split())
