"""Read one plain message into an Intent: task, claim, unclaim, done, decision, or nothing.

Most of a family's chat is news, feelings and thanks, so the order of the questions matters
for speed and for trust: explicit forms first (they are never misread), then a decision, a
hand-back, a request, a claim and a completion, each recognised by how people phrase that
act in the circle's languages (``cues``). A message with none of those cues is
dismissed without looking for dates at all; a false task is noise in a family's chat, so
a request needs words that ask *someone* for something, never just a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

from handlers.understanding import reader
from handlers.understanding.cues import cue
from handlers.understanding.due import find_when
from handlers.understanding.intent import NOTHING, Intent, Kind
from handlers.understanding.titles import title_of

_EXPLICIT = re.compile(
    r"^\s*(?:/(task|claim|done|unclaim|decide)(?:@\w+)?\b|(task|todo|decision):)\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_REF = re.compile(
    r"(?:#|\b(?:task|tarea|tâche|tache|aufgabe|tarefa|compito|nr\.?|no\.|n\.|n°|nº)\s*#?)"
    r"\s*(\d{1,6})\b",
    re.IGNORECASE,
)
# Bare "#4 me", "#7 done": a number and a word, nothing else.
_REF_ACT = re.compile(r"^\s*#?(\d{1,6})\s+(me|mine|done|fait|hecho|feito|fatto|erledigt)\b")
# How sure the model must be of a kind to speak where the cues recognised no act.
_MODEL_THRESHOLD = {
    "task": 0.5,
    "claim": 0.5,
    "unclaim": 0.5,
    "done": 0.5,
    "decision": 0.5,
}
_WORDS = str.maketrans({"’": "'", "‘": "'"})
_KIND_OF_COMMAND = {
    "task": Kind.TASK,
    "todo": Kind.TASK,
    "claim": Kind.CLAIM,
    "done": Kind.DONE,
    "unclaim": Kind.UNCLAIM,
    "decide": Kind.DECISION,
    "decision": Kind.DECISION,
}


def understand(text: str, now: datetime, languages: Sequence[str]) -> Intent:
    """Return what ``text`` means, sent at ``now`` (aware, circle zone) in ``languages``."""
    return _understood(text, now, tuple(languages))


@lru_cache(maxsize=256)
def _understood(text: str, now: datetime, languages: tuple[str, ...]) -> Intent:
    """Memoised: the core reads a message once to dismiss chatter and again to act on it."""
    return understand_with(text, now, languages, reader.model())


def understand_with(
    text: str, now: datetime, languages: tuple[str, ...], model: reader.Model | None
) -> Intent:
    """What ``text`` means, read by the cues and ``model`` (``None``: the cues alone)."""
    if not text:
        return NOTHING
    explicit = _EXPLICIT.match(text)
    if explicit:
        return _explicit(explicit, now, languages)
    lowered = text.lower().translate(_WORDS)
    codes = tuple(languages) or ("en",)
    kind, request = _kind_of(text, lowered, codes, model)
    if kind is Kind.NONE:
        return NOTHING
    ref = _ref(lowered)
    if kind is not Kind.TASK:
        return Intent(kind, ref=ref)
    return _task(text, lowered, now, codes, request)


def _task(
    text: str,
    lowered: str,
    now: datetime,
    languages: tuple[str, ...],
    request: tuple[int, int] | None,
) -> Intent:
    """A request read whole: its title, due, recurrence and urgency."""
    urgent = bool(cue("urgent", languages).search(lowered))
    asks = cue("request", languages)
    when = find_when(text, now, languages, focus=request, urgent=urgent, asks=asks)
    return Intent(
        Kind.TASK,
        title=title_of(text, request, when.spans),
        due=when.due,
        recurrence=when.recurrence,
        is_urgent=urgent,
    )


def _kind_of(
    text: str, lowered: str, languages: tuple[str, ...], model: reader.Model | None
) -> tuple[Kind, tuple[int, int] | None]:
    """The kind of act, and for a request the span of the words that ask.

    The cues speak first; where they recognise no act, the model may.
    """
    kind, request = _cued_kind(lowered, languages)
    if kind is not Kind.NONE or model is None:
        return kind, request
    probabilities = model.probabilities(text)
    best = max(probabilities, key=probabilities.__getitem__)
    if probabilities[best] < _MODEL_THRESHOLD.get(best, 1.0):
        return Kind.NONE, None
    return Kind(best), None


def _cued_kind(text: str, languages: tuple[str, ...]) -> tuple[Kind, tuple[int, int] | None]:
    """The kind of act the hand-written cues recognise, with the span of a request's ask."""
    if ref_act := _REF_ACT.match(text):
        return (Kind.CLAIM if ref_act.group(2) in ("me", "mine") else Kind.DONE), None
    if cue("decision", languages).search(text):
        return Kind.DECISION, None
    if cue("unclaim", languages).search(text):
        return Kind.UNCLAIM, None
    asks_nothing = cue("not_an_act", languages).search(text)
    requests = [] if asks_nothing else list(cue("request", languages).finditer(text))
    if requests:  # the last ask is the one to read: "…every day. Could someone come weekdays?"
        return Kind.TASK, requests[-1].span()
    if not asks_nothing and cue("claim", languages).search(text):
        return Kind.CLAIM, None
    if cue("done", languages).search(text):
        return Kind.DONE, None
    return Kind.NONE, None


def _ref(text: str) -> int | None:
    match = _REF.search(text) or _REF_ACT.match(text)
    return int(match.group(1)) if match else None


def _explicit(match: re.Match[str], now: datetime, languages: tuple[str, ...]) -> Intent:
    kind = _KIND_OF_COMMAND[(match.group(1) or match.group(2)).lower()]
    rest = match.group(3).strip()
    if kind is Kind.TASK:
        if not rest:
            return Intent(Kind.TASK)
        return _task(rest, rest.lower().translate(_WORDS), now, languages or ("en",), None)
    if kind is Kind.DECISION:
        return Intent(Kind.DECISION)
    number = re.match(r"#?(\d{1,6})\b", rest)
    return Intent(kind, ref=int(number.group(1)) if number else None)
