"""The cues' quick test (the strings every match needs) never changes what a cue finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from handlers.understanding import locales
from handlers.understanding.cues import cue
from handlers.understanding.literals import any_of, required

DATA = Path(__file__).parent / "data"
KINDS = ("request", "claim", "unclaim", "done", "decision", "not_an_act", "urgent", "need")


def _messages() -> list[str]:
    paths = [DATA / "corpus_dev.jsonl", *sorted((DATA.parent / "heldout").glob("*.jsonl"))]
    rows = [json.loads(line) for path in paths for line in path.open() if line.strip()]
    return [row["text"].lower().replace("’", "'") for row in rows]


@pytest.mark.parametrize("code", locales.codes())
def test_a_cue_finds_what_its_whole_pattern_finds(code: str) -> None:
    messages = _messages()
    for kind in (*KINDS, "danger"):
        found = cue(kind, (code,))
        for text in messages:
            expected = [match.span() for match in found.pattern.finditer(text)]
            assert [match.span() for match in found.finditer(text)] == expected, (kind, text)
            middle = len(text) // 2
            searched = found.search(text, 0, middle)
            assert (searched and searched.span()) == (
                (whole := found.pattern.search(text, 0, middle)) and whole.span()
            ), (kind, text)


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"\bcan some(?:one|body)\b", {"can someone", "can somebody"}),
        (r"(?:is )?anyone", {"is anyone", "anyone"}),
        (r"^(?:\w+[,!]? )?i take\b", {"i take"}),
        (r"[✅✔☑]", {"✅", "✔", "☑"}),
        (r"#\d+ (?:done|hecho)", {" done", " hecho"}),
        (r"\bwho\b|\bwer\b", {"who", "wer"}),
        (r"\w+", None),
        (r"(?:please )?", None),
        (r"(?i:urgent)", None),
        (r"done|\d+", None),
    ],
)
def test_the_strings_a_match_needs(pattern: str, needed: set[str] | None) -> None:
    assert required(pattern) == (None if needed is None else frozenset(needed))


def test_a_quick_test_is_found_wherever_one_of_its_strings_is() -> None:
    quick = any_of(["can someone", "can somebody", "anyone", "one", "#"])
    for text in ("can someone", "anyone?", "#4", "phone", "can somebody"):
        assert quick.search(text), text
    for text in ("can you", "no", "on e"):
        assert not quick.search(text), text
    assert quick.pattern == re.compile(r"(?:\#|can\ somebody|one)").pattern
