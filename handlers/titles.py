"""A short to-do title from a request: what is asked, without who asks or when.

"Can someone take her to the surgery on Thursday for 9:40?" → "Take her to the surgery".
The words after the request cue are the task; the first time word ends it. Where the cue ends
the sentence ("…someone has to be there. Anyone?"), the message's first sentence is the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TITLE_MAX_CHARS = 60
# A clause shorter than this says too little to name a task on its own.
MIN_WORDS = 3
# The words before the time are kept when at least this many ("Take her", "Buy milk").
MIN_WORDS_BEFORE_TIME = 2
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\s*\w))+")
_FILLER = re.compile(
    r"^(?:\s|,|\b(?:to|please|pls|plz|bitte|por favor|s'il (?:te|vous) pla[iî]t|per favore|"
    r"maybe|perhaps|also|quickly|just|le|la|lo|les|me|te|se|lui|pode|puede|peut|kann|può|"
    r"consegue|can|could|di|pra|para|que|qui|che|wer|jemand)\b)+\s*",
    re.IGNORECASE,
)
# A preposition left hanging where the time words were cut away ("…chez le kiné avant").
_DANGLING = re.compile(
    r"(?:\s+(?:on|at|by|before|until|till|is|are|from|for|avant|à|le|entro|per|il|alle|até|às|"
    r"na|no|antes|del|de|el|a|las|am|um|bis|vor|ab|en|con|in))+$",
    re.IGNORECASE,
)
_WHEN_WORDS = re.compile(
    r"\s(?:on|at|by|before|until|till|this|next|tomorrow|today|tonight|every|from|starting|"
    r"around|in the next|el|la|los|las|mañana|hoy|antes|hasta|a las|cada|todos|"
    r"le|demain|avant|à|ce|tous|jusqu|am|um|bis|morgen|heute|vor|jeden|ab|"
    r"na|no|às|amanhã|hoje|até|todo|toda|il|alle|domani|oggi|entro|ogni|prima|"
    r"so|because|since|as|while|porque|parce|weil|perché|porque)\b",
    re.IGNORECASE,
)


def title_of(
    text: str, request: tuple[int, int] | None, when_spans: Sequence[tuple[int, int]] = ()
) -> str:
    """The task's title; ``request`` is the span of the words that ask, when known, and
    ``when_spans`` where the message says when (the title ends before them if it can)."""
    clause = _SENTENCE.match(text, request[1]) if request is not None else None
    if clause is None or len(_FILLER.sub("", clause.group(0)).split()) < MIN_WORDS:
        sentences = list(_SENTENCE.finditer(text))
        if not sentences:
            return text.strip()[:TITLE_MAX_CHARS]
        clause = max(sentences, key=lambda sentence: len(sentence.group(0).split()))
    start, end = clause.span()
    whole = _FILLER.sub("", text[start:end], count=1)
    shortest = min([end, *(s for s, _ in when_spans if start < s < end)])
    short = _FILLER.sub("", text[start:shortest], count=1)
    cut = _WHEN_WORDS.search(short, 1)
    if cut and len(short[: cut.start()].split()) >= MIN_WORDS:
        short = short[: cut.start()]
    title = short if len(short.split()) >= MIN_WORDS_BEFORE_TIME else whole
    title = " ".join(title.split()).strip(" ,;:—-")
    title = _DANGLING.sub("", title)
    title = title[:1].upper() + title[1:]
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return title or text.strip()[:TITLE_MAX_CHARS]
