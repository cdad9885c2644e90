"""Where a message says when: the mentions of days and times, and the sentences around them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import lru_cache

from handlers.understanding import locales


@dataclass(slots=True)
class TimeMention:
    """Words that say a day, a time or an offset; ``role`` is the part they play (a start,
    the end of a span, when something becomes available, or plain)."""

    start: int
    end: int
    day: date | None = None
    clock: time | None = None
    offset: timedelta | None = None
    role: str = "plain"  # plain, available, until, start, corrected
    weekday: int | None = None
    weak: bool = False  # "in two days": a due only when said in the request itself
    last: date | None = None  # the span's last day, said with its first: "dal 26 al 30 novembre"
    points_back: bool = False  # "until then", "from then on": the day said before, again


# A full stop ends a sentence unless it follows a number ("am 10. Dezember"; a clock time such
# as "at 2:40.", "à 14h15." or "at 9." does end one), an initial or an abbreviation of any language
# ("Dr. Jones", "Sra. Ruiz"): the sentences of a message are found before its circle's
# languages are known.
_SENTENCE_END = re.compile(
    # (the look-behinds are tried only where a full stop stands)
    rf"[!?]+|\n+|(?=\.)(?:(?<!\d)|(?<=\d[:h]\d\d)|{locales.after_said_hour()})(?<!\b[a-z])"
    rf"(?!{locales.after_abbreviation()})\.(?=\s|$)"
)


@lru_cache(maxsize=64)
def _sentence_ends(text: str) -> tuple[tuple[int, int], ...]:
    """Where each sentence of ``text`` ends; a message's sentences are asked for again and
    again while its dates are read, so they are found once."""
    return tuple(match.span() for match in _SENTENCE_END.finditer(text))


def sentence_of(text: str, span: tuple[int, int] | None) -> tuple[int, int]:
    """The bounds of the sentence holding ``span`` (the whole text when there is none)."""
    if span is None:
        return (0, len(text))
    start = 0
    for end_start, end_end in _sentence_ends(text):
        if end_end <= span[0]:
            start = end_end
        elif end_start >= span[0]:  # the sentence the span starts in
            return (start, end_start)
    return (start, len(text))


def in_order(
    mentions: list[TimeMention],
    request: tuple[int, int, int],
    asking: Callable[[TimeMention], bool] = lambda _: False,
) -> list[TimeMention]:
    """Mentions in the order they count: from the request to the end of its sentence, then
    the start of that sentence, then other sentences that ask (``asking``: "Pick-up at 10:40
    please" after "the check is at 11:15"), then the rest of the message."""
    asked, start, end = request

    def rank(mention: TimeMention) -> tuple[bool, bool, bool, bool, bool, int]:
        in_request = asked <= mention.start < end
        in_sentence = start <= mention.start < end
        # "stay with her until noon": the end of a stay is no due time when another is said;
        # a day it ends on counts before the days of other sentences ("… before Christmas.
        # Can someone go with her by the 23rd?" is due on the 23rd).
        until = mention.role == "until"
        return (
            until and mention.clock is not None,
            not in_sentence,
            not asking(mention),
            until,
            not in_request,
            mention.start,
        )

    return sorted(mentions, key=rank)
