"""The plain strings every match of a pattern holds, for a quick test before a costly search.

A kind's cues are one alternation of dozens of phrasings, and Python's engine tries each of
them at every word of a message; most messages hold none of the words the phrasings are
made of. So, as RE2 and Hyperscan do, the pattern is read once for a set of strings one of
which every match must contain ("can someone" → ``{"can someone"}``; "(?:is )?anyone" →
``{"is anyone", "anyone"}``), and a text holding none of them is not searched at all. The
set only ever says what a match needs, never what suffices, so the answer is the pattern's.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# The most strings kept for one stretch of a pattern; a larger choice is cut at its start.
_MOST_STRINGS = 64
# The widest character class spelled out, character by character ("[✅✔☑]", "[0-9]").
_MOST_CHARACTERS = 16


class _Exact(frozenset[str]):
    """Everything a stretch of pattern can match: exactly one of these strings."""


# What a stretch of pattern needs: ``_Exact``; a plain frozenset (a match holds one of them
# somewhere); or None (nothing can be said).
_Needs = frozenset[str] | None


class GuardedPattern:
    """A compiled ``pattern``, searched only in a text that holds one of the strings every
    match needs: what it finds is the pattern's own, and most texts are turned away at once."""

    __slots__ = ("_needs", "pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = re.compile(source, flags)
        needed = required(source, flags)
        self._needs = any_of(needed) if needed else None

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        return self._needs is None or self._needs.search(text, pos, endpos) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._may_match(text, pos, endpos):
            return None
        return self.pattern.search(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if not self._may_match(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, endpos)


def required(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` holds; None when no such set is found
    (something matchable by many characters, an empty match, ignored case)."""
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return None
    return _needed(_sequence(parsed.data))


def any_of(strings: Iterable[str]) -> re.Pattern[str]:
    """A pattern found in a text when any of ``strings`` is, factored by their beginnings so
    that the engine tries few of them at each character."""
    return re.compile(_trie(sorted(set(strings))))


def _trie(strings: list[str]) -> str:
    """Where one string ends, longer ones that begin with it are not needed: it is found."""
    by_first: dict[str, list[str]] = {}
    for string in strings:
        by_first.setdefault(string[0], []).append(string[1:])
    branches = [
        re.escape(first) + (_trie(rests) if all(rests) else "") for first, rests in by_first.items()
    ]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _needed(needs: _Needs) -> frozenset[str] | None:
    if isinstance(needs, _Exact):
        return None if "" in needs else frozenset(needs)
    return needs


def _sequence(items: list) -> _Needs:
    """Items one after another: runs of exactly known strings are joined; of the sets so found
    the one whose shortest string is longest is kept (it says the most)."""
    run = _Exact({""})
    found: list[frozenset[str] | None] = []
    exact = True
    for op, argument in items:
        needs = _item(op, argument)
        if isinstance(needs, _Exact):
            joined = {before + after for before in run for after in needs}
            if len(joined) <= _MOST_STRINGS:
                run = _Exact(joined)
                continue
            found.append(_needed(run))
            run = needs
        else:
            found += [_needed(run), needs]
            run = _Exact({""})
        exact = False
    if exact:
        return run
    sets = [needs for needs in [*found, _needed(run)] if needs]
    return max(sets, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


def _item(op: object, argument: Any) -> _Needs:
    if op is sre.LITERAL:
        return _Exact({chr(argument)})
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _Exact({""})  # takes no character
    if op is sre.IN:
        return _characters(argument)
    if op is sre.SUBPATTERN:
        _, added_flags, _, inner = argument
        return None if added_flags & sre.SRE_FLAG_IGNORECASE else _sequence(inner.data)
    if op is sre.BRANCH:
        return _either([_sequence(inner.data) for inner in argument[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, most, inner = argument
        needs = _sequence(inner.data)
        if least == 0:
            return _Exact(needs | {""}) if most == 1 and isinstance(needs, _Exact) else None
        return needs if least == most == 1 else _needed(needs)
    return None


def _characters(items: list) -> _Needs:
    """A character class: its characters when it lists few, else nothing can be said."""
    characters: set[str] = set()
    for op, argument in items:
        if op is sre.LITERAL:
            characters.add(chr(argument))
        elif op is sre.RANGE and argument[1] - argument[0] < _MOST_CHARACTERS:
            characters.update(map(chr, range(argument[0], argument[1] + 1)))
        else:
            return None
    return _Exact(characters) if len(characters) <= _MOST_CHARACTERS else None


def _either(choices: list[_Needs]) -> _Needs:
    """Alternatives: every one needs one of its strings."""
    if all(isinstance(needs, _Exact) for needs in choices):
        every = frozenset().union(*choices)
        if len(every) <= _MOST_STRINGS:
            return _Exact(every)
    sets = [_needed(needs) for needs in choices]
    return None if any(strings is None for strings in sets) else frozenset().union(*sets)
