"""A short to-do title from a request: what is asked, without who asks or when.

"Can someone take her to the surgery on Thursday for 9:40?" → "Take her to the surgery".
The words after the request cue are the task; the first time word ends it. Where the cue ends
the sentence ("…someone has to be there. Anyone?"), the message's first sentence is the title.
"""

from __future__ import annotations

import re

TITLE_MAX_CHARS = 60
_SENTENCE = re.compile(r"[^.!?\n]+")
_FILLER = re.compile(
    r"^(?:\s|,|to|please|pls|plz|bitte|por favor|s'il (?:te|vous) pla[iî]t|per favore|"
    r"maybe|perhaps|also|quickly|just|please)+\s*",
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


def title_of(text: str, request: tuple[int, int] | None) -> str:
    """The task's title; ``request`` is the span of the words that ask, when known."""
    clause = ""
    if request is not None:
        rest = _SENTENCE.match(text, request[1])
        clause = rest.group(0) if rest else ""
    clause = _FILLER.sub("", clause).strip()
    if len(clause.split()) < 2:
        first = _SENTENCE.search(text)
        clause = first.group(0).strip() if first else text.strip()
    cut = _WHEN_WORDS.search(clause, 1)
    if cut and len(clause[: cut.start()].split()) >= 2:
        clause = clause[: cut.start()]
    clause = " ".join(clause.split()).strip(" ,;:—-")
    clause = clause[:1].upper() + clause[1:]
    if len(clause) > TITLE_MAX_CHARS:
        clause = clause[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return clause or text.strip()[:TITLE_MAX_CHARS]
