"""The words by which a circle asks, takes on, hands back, finishes and decides, per language.

Each pattern is matched against the lowercased message (typographic apostrophes made plain).
They describe how people phrase an act, never particular messages: a request names *someone*
("can someone…", "alguien puede…", "kann wer…"); a claim is a firm first person ("I'll take
it", "me encargo", "übernehm ich"); a hand-back gives something back; a decision is the circle
settling ("we've decided", "queda decidido", "abgemacht"). Conditionals and info questions are
listed separately because they look like requests and claims but ask nothing of anyone.

The words themselves are data: each language's ``[cues]`` section in ``locales/<code>.toml``.
"""

from __future__ import annotations

import re
from functools import cache

from handlers.understanding import locales

# Marks that finish a task in any language.
_DONE_MARKS = r"[✅✔☑]"


@cache
def cue(kind: str, languages: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled alternation of a kind's cues in the circle's languages (English when the
    circle reads none we know); a completion also hears marks and numbered reports in any."""
    chosen = tuple(code for code in languages if code in locales.codes()) or ("en",)
    patterns = locales.listed(chosen, "cues", kind)
    if kind == "done":
        patterns = [*patterns, _DONE_MARKS, _numbered_done()]
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.MULTILINE)


def _numbered_done() -> str:
    """ "#3 hecho", "tarea 2 fatta", "la 3 lista", in every language we know."""
    every = locales.codes()
    nouns = locales.alternation(every, "cues", "numbered_task")
    articles = locales.alternation(every, "cues", "numbered_article")
    done = locales.alternation(every, "cues", "numbered_done")
    return rf"(?:#\d+|(?:{nouns}) \d+|\b(?:{articles}) \d+) (?:{done})\b"
