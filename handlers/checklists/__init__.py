"""What a move of the person cared for usually needs: numbered items, each with its dues.

``moves.toml`` holds, per kind of move, the items in order and when each falls due relative
to the day of the move; each item's words are in the catalogs of ``handlers.speech``, keyed
``checklist.<kind>.<item>``. Editing a checklist is editing those files (a test checks every
language has every item).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from functools import cache
from pathlib import Path
from typing import Any

from handlers.speech import SPEECH, spoken_language

HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class Due:
    """Days from the move's day, and a clock time when the moment matters."""

    days: int
    clock: time | None = None

    def on(self, day: date, zone: tzinfo) -> date | datetime:
        """This due for a move on ``day``: a day, or an aware moment in the circle's zone."""
        moved = day + timedelta(days=self.days)
        return moved if self.clock is None else datetime.combine(moved, self.clock, zone)


@dataclass(frozen=True, slots=True)
class Item:
    number: int
    title: str
    dues: tuple[Due, ...]


def checklist(kind: str, languages: Sequence[str]) -> tuple[Item, ...]:
    """The items of a move of ``kind`` in the circle's first language we have (else English)."""
    return _checklist(kind, spoken_language(languages))


@cache
def _checklist(kind: str, code: str) -> tuple[Item, ...]:
    words = load(code)[kind]
    return tuple(
        Item(number, words[key], tuple(_due(text) for text in dues))
        for number, (key, dues) in enumerate(load("moves")[kind].items(), start=1)
    )


@cache
def load(name: str) -> dict[str, Any]:
    """``moves``, the items and their dues, or a language code: that language's words for the
    items, by kind and item, in the catalog's order."""
    if name != "moves":
        words: dict[str, dict[str, str]] = {}
        for key, text in SPEECH.messages(name).items():
            area, _, rest = key.partition(".")
            if area == "checklist":
                kind, _, item = rest.partition(".")
                words.setdefault(kind, {})[item] = text
        return words
    with (HERE / "moves.toml").open("rb") as file:
        return tomllib.load(file)


def _due(text: str) -> Due:
    """ "-1", "+7", "0 18:00"."""
    days, _, clock = text.partition(" ")
    return Due(int(days), time.fromisoformat(clock) if clock else None)
