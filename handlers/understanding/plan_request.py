"""Asking for the circle's plan in plain words: "where are we with Mum's care?".

The words live in each language's locale file, section ``[plan]``: fragments a message opens
with ("¿cómo vamos con…", "wie steht es um…"). Anchored at the start, the test costs ordinary
chat one failed match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from handlers.understanding import locales

# Opening marks a question may start with ("¿", "«") before its words.
_OPENING = "\"'«„“¿¡ \t"


def asks_for_plan(text: str, languages: Sequence[str]) -> bool:
    """Whether ``text`` asks where the circle stands ("a che punto siamo con la mamma?")."""
    codes = tuple(code for code in languages if code in locales.codes()) or ("en",)
    return _asks(codes).match(text.lstrip(_OPENING)) is not None


@cache
def _asks(codes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:{locales.alternation(codes, 'plan', 'asks')})\b", re.IGNORECASE)
