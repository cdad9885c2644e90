"""The text a circle keeps as a label (a name, a title, a role), made one tidy line."""

from __future__ import annotations

import re
import unicodedata

# What Circle.name and Member.display_name hold (storage.models); Member.role_label holds less.
NAME_MAX_CHARS = 255
ROLE_MAX_CHARS = 64
# Control characters (NUL included), lone surrogates, and bidi embeddings, overrides and
# isolates: nothing a person reads, and in a name or title a bidi control would turn the rest of
# the line it is shown in around ("U+202E" makes "#4 Bob" read backwards). The classes are the
# Unicode categories Cc and Cs written out, so a message is cleaned by one regex pass in C.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Line breaks and tabs are kept in a message (its sentences), every other control dropped.
UNREADABLE_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")
# Controls that are spaces ("\r", "\x1c", "\x85") become spaces in a label; the rest go.
_UNREADABLE_IN_LABEL = re.compile(f"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff{_BIDI}]")


def clean_label(text: str | None, max_chars: int = NAME_MAX_CHARS) -> str:
    """A display name or chat title as one tidy line that fits its column: no control or
    bidi-override characters, whitespace collapsed, and cut with an ellipsis when too long."""
    if not text:
        return ""
    window = max_chars * 4  # a 100 KB "name" is read no further than this
    kept = _UNREADABLE_IN_LABEL.sub("", unicodedata.normalize("NFC", text[:window]))
    words = " ".join(kept.split())
    if len(words) > max_chars or len(text) > window:
        words = words[: max_chars - 1].rstrip() + "…"
    return words
