"""The languages a circle may write in, each as one data file: ``<code>.toml`` beside this one.

A locale holds the words of one language, a section per concern (``calendar``, ``recurrence``,
``clock``, ``spans``, ``numbers``; the cues for the kind of a message can join as ``cues``).
The grammar combines them the same way for every language: adding a language is adding a file
with the same keys as ``en.toml``.
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
    return locale(code).get(name, {})
