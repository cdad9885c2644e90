"""The quick test of a pattern (the strings every match needs) never changes what it finds:
the cues of each kind, and the calendar words and date forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handlers.understanding import locales
from handlers.understanding.calendar_patterns import patterns_for
from handlers.understanding.cues import cue
from handlers.understanding.grammar import grammar_for
from handlers.understanding.literals import GuardedPattern, any_of, required

DATA = Path(__file__).parent / "data"
KINDS = ("request", "claim", "unclaim", "done", "decision", "not_an_act", "urgent", "need")


def _guarded(value: object) -> list[GuardedPattern]:
    if isinstance(value, GuardedPattern):
        return [value]
    if isinstance(value, list | tuple):
        return [found for item in value for found in _guarded(item)]
    return []


def _finds_the_same(guarded: GuardedPattern, text: str) -> bool:
    expected = [match.span() for match in guarded.pattern.finditer(text)]
    middle = len(text) // 2
    searched = guarded.search(text, 0, middle)
    whole = guarded.pattern.search(text, 0, middle)
    return [match.span() for match in guarded.finditer(text)] == expected and (
        searched and searched.span()
    ) == (whole and whole.span())


def _messages() -> list[str]:
    paths = [DATA / "corpus_dev.jsonl", *sorted((DATA.parent / "heldout").glob("*.jsonl"))]
    rows = [json.loads(line) for path in paths for line in path.open() if line.strip()]
    return [row["text"].lower().replace("’", "'") for row in rows]


@pytest.mark.parametrize("code", locales.codes())
def test_a_cue_finds_what_its_whole_pattern_finds(code: str) -> None:
    messages = _messages()
    for kind in (*KINDS, "danger", "cry"):
        found = cue(kind, (code,))
        for text in messages:
            assert _finds_the_same(found, text), (kind, text)


@pytest.mark.parametrize("code", locales.codes())
def test_days_and_times_are_found_as_their_whole_patterns_find_them(code: str) -> None:
    calendar = patterns_for((code,))
    every = _guarded([getattr(calendar, name) for name in calendar.__dataclass_fields__])
    every += _guarded(grammar_for((code,)).forms)
    assert len(every) > 40
    for text in _messages():
        for guarded in every:
            assert _finds_the_same(guarded, text), (guarded.pattern.pattern[:60], text)


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
    assert quick.pattern == r"(?:\#|anyone|can\ some(?:body|one)|one)"
