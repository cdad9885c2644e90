"""Moves of the person cared for, and how a member takes the checklist the bot offers for one.

``find_move("Dad comes home from the hospital on Thursday", now, ("en",))`` is a ``Move`` home
on the coming Thursday; ``read_picks("1, 3 and 5", ("en",))`` is ``Picks((1, 3, 5))``. The words
live in each language's locale file, section ``[transitions]``. A message that names none of
the places costs one search of a compiled pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import cache

from handlers.understanding import locales
from handlers.understanding.all_clear import plain
from handlers.understanding.due import find_when

# The most items a member picks by number in one message ("1 3 5"); more is not a pick.
PICKS_MAX = 20


class MoveKind(StrEnum):
    """Where the person goes: home (from hospital, rehab or respite), or into care."""

    HOME = "home"
    RESPITE = "respite"
    REHAB = "rehab"
    CARE_HOME = "care_home"


# The places a move goes into, each the key of its words in the locale files.
INTO = (MoveKind.RESPITE, MoveKind.REHAB, MoveKind.CARE_HOME)
PLACES = ("hospital", *INTO)


@dataclass(frozen=True, slots=True)
class Move:
    kind: MoveKind
    day: date


@dataclass(frozen=True, slots=True)
class Picks:
    """Items taken from an offer by number; ``numbers`` is empty when the member said "all"."""

    numbers: tuple[int, ...] = ()

    @property
    def is_all(self) -> bool:
        return not self.numbers


def find_move(text: str, now: datetime, languages: Sequence[str]) -> Move | None:
    """The move a message announces, with a day today or later; else None.

    Leaving hospital ("discharged", "entlassen") is a move home; coming home from a place
    ("rentre de l'hôpital") too; going into respite, rehab or a care home is a move there.
    Coming home from anywhere else ("from the shops") is no move.
    """
    codes = _codes(languages)
    flat = plain(text)
    if not _pattern(codes, "cue").search(flat):
        return None
    kind = _kind(flat, codes)
    if kind is None:
        return None
    due = find_when(text, now, codes).due
    day = due.date() if isinstance(due, datetime) else due
    if day is None or day < now.date():
        return None
    return Move(kind, day)


def read_picks(text: str, languages: Sequence[str]) -> Picks | None:
    """ "all", "todas", "1 3 5", "1,2", "2 und 4" as a whole message; else None."""
    codes = _codes(languages)
    flat = plain(text).strip(" .!")
    if _pattern(codes, "all").fullmatch(flat):
        return Picks()
    if not _pattern(codes, "numbers").fullmatch(flat):
        return None
    numbers = tuple(dict.fromkeys(int(number) for number in re.findall(r"\d+", flat)))
    return Picks(numbers) if len(numbers) <= PICKS_MAX else None


def _kind(flat: str, codes: tuple[str, ...]) -> MoveKind | None:
    if _pattern(codes, "discharged").search(flat):
        return MoveKind.HOME
    places = [place for place in PLACES if _pattern(codes, place).search(flat)]
    if places and _pattern(codes, "coming_home").search(flat):
        return MoveKind.HOME
    into = [MoveKind(place) for place in places if place in INTO]
    if into and _pattern(codes, "going_to").search(flat):
        return into[0]
    return None


def _codes(languages: Sequence[str]) -> tuple[str, ...]:
    return tuple(code for code in languages if code in locales.codes()) or ("en",)


@cache
def _pattern(codes: tuple[str, ...], key: str) -> re.Pattern[str]:
    """A key's words as one pattern; ``cue`` is every place and every word for leaving
    hospital, ``numbers`` a list of numbers joined by commas, spaces or "and"."""
    if key == "cue":
        fragments = "|".join(_fragments(codes, name) for name in (*PLACES, "discharged"))
    elif key == "numbers":
        joiner = rf"(?:\s*[,;/+]\s*|\s+(?:(?:{_fragments(codes, 'and')})\s+)?)"
        return re.compile(rf"\d{{1,2}}(?:{joiner}\d{{1,2}})*")
    else:
        fragments = _fragments(codes, key)
    return re.compile(rf"(?<!\w)(?:{fragments})(?!\w)")


def _fragments(codes: tuple[str, ...], key: str) -> str:
    return (
        "|".join(
            dict.fromkeys(
                f"(?:{plain(word)})" for word in locales.listed(codes, "transitions", key)
            )
        )
        or locales.NEVER
    )
