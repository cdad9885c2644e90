"""The languages a circle may write in, each as one data file: ``<code>.toml`` beside this one.

A locale holds the words of one language, a section per concern (``calendar``, ``recurrence``,
``clock``, ``offsets``, ``spans``, ``numbers``, ``text`` for abbreviations, ``titles``; the cues
for the kind of a message can join as ``cues``). The readers combine them the same way for every
language, compiled once per set of a circle's languages (``alternation``, ``listed``,
``merged``): adding a language is adding a file with the same keys as ``en.toml``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


@cache
def codes() -> tuple[str, ...]:
    """The codes of every language with a locale file, English first."""
    found = sorted(path.stem for path in HERE.glob("*.toml"))
    return tuple(sorted(found, key=lambda code: code != "en"))


@cache
def locale(code: str) -> dict[str, Any]:
    """The words of one language, or an empty locale for a language we do not read."""
    path = HERE / f"{code}.toml"
    if code not in codes():
        return {}
    with path.open("rb") as file:
        return tomllib.load(file)


def section(code: str, name: str) -> dict[str, Any]:
    """One concern of a language's words, empty when the language or the concern is missing."""
    return locale(code).get(name, {})


# Never matches: the alternation of a key no language of the circle fills.
NEVER = r"(?!x)x"


def listed(languages: tuple[str, ...], concern: str, key: str) -> list:
    """The items of a list key (or the fragment of a string key) in ``languages``, in order."""
    found = []
    for code in languages:
        value = section(code, concern).get(key) or []
        found += [value] if isinstance(value, str) else value
    return found


def alternation(languages: tuple[str, ...], concern: str, key: str) -> str:
    """One alternation of a key's fragments (or list items) in ``languages``, or ``NEVER``."""
    return "|".join(dict.fromkeys(f for f in listed(languages, concern, key) if f)) or NEVER


def unit_words(languages: tuple[str, ...], *kinds: str) -> str:
    """One alternation of the words for units of time of ``kinds`` ("minute", "day" …) in
    ``languages`` (``[offsets] units``), or ``NEVER``."""
    tables = [section(code, "offsets").get("units", {}) for code in languages]
    return "|".join(dict.fromkeys(f for t in tables for k in kinds if (f := t.get(k)))) or NEVER


def merged(languages: tuple[str, ...], concern: str, key: str) -> dict:
    """A table key (word = value) of ``languages`` as one table; later languages win."""
    table: dict = {}
    for code in languages:
        table.update(section(code, concern).get(key) or {})
    return table


def after_said_hour() -> str:
    """Look-behinds true right after an hour or a day said with its word in any language
    ("at 9", "um 10", "jusqu'au 20"): its full stop ends a sentence."""
    by_length: dict[int, list[str]] = {}
    said = [
        *listed(codes(), "text", "hour_before_stop"),
        *listed(codes(), "text", "day_before_stop"),
    ]
    for word in dict.fromkeys(said):
        by_length.setdefault(len(word), []).append(word)
    return (
        "|".join(
            rf"(?<=\b(?:{'|'.join(words)}) {digits})"
            for _, words in sorted(by_length.items())
            for digits in (r"\d", r"\d\d")
        )
        or NEVER
    )


def after_abbreviation() -> str:
    """Look-behinds, one per length, true right after an abbreviation of any language (its full
    stop ends no sentence): ``(?<=\\b(?:dr|st))|(?<=\\b(?:mrs))``."""
    by_length: dict[int, list[str]] = {}
    for word in dict.fromkeys(listed(codes(), "text", "abbreviations")):
        by_length.setdefault(len(word), []).append(word)
    return (
        "|".join(rf"(?<=\b(?:{'|'.join(words)}))" for _, words in sorted(by_length.items()))
        or NEVER
    )
