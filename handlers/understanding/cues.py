"""The words by which a circle asks, takes on, hands back, finishes and decides, per language.

Each pattern is matched against the lowercased message (typographic apostrophes made plain).
They describe how people phrase an act, never particular messages: a request names *someone*
("can someone…", "alguien puede…", "kann wer…"); a claim is a firm first person ("I'll take
it", "me encargo", "übernehm ich"); a hand-back gives something back; a decision is the circle
settling ("we've decided", "queda decidido", "abgemacht"). Conditionals and info questions are
listed separately because they look like requests and claims but ask nothing of anyone.

The words themselves are data: each language's ``[cues]`` section in ``locales/<code>.toml``.
"""

from __future__ import annotations

import re
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from handlers.understanding import locales
from handlers.understanding.literals import GuardedPattern

# Marks that finish a task in any language.
_DONE_MARKS = r"[✅✔☑]"
# Where a word begins: what every cue made of words needs before anything else is tried.
_WORD_START = r"(?<!\w)(?=\w)"


@cache
def cue(kind: str, languages: tuple[str, ...]) -> GuardedPattern:
    """One compiled alternation of a kind's cues in the circle's languages (English when the
    circle reads none we know); a completion also hears marks and numbered reports in any.

    Most messages are chat that no cue matches, so what matters is how fast a pattern fails.
    Python's engine tries every alternative at every position of the text; the cues that begin
    with a word are gathered behind one check that a word begins there, so inside a word, in
    the spaces and at punctuation the engine moves on after that one check (a third of the
    time for a request, measured by ``scripts/benchmark.py``). A cue so gathered can no longer
    match from inside a word ("scan someone" no longer holds "can someone"). And a text that
    holds none of the strings every cue needs ("someone", "i'll take", …) is not searched at
    all (``literals``).
    """
    chosen = tuple(code for code in languages if code in locales.codes()) or ("en",)
    patterns = locales.listed(chosen, "cues", kind)
    if kind == "done":
        patterns = [*patterns, _DONE_MARKS, _numbered_done()]
    at_words = [pattern for pattern in patterns if _begins_with_a_word(pattern)]
    elsewhere = [pattern for pattern in patterns if not _begins_with_a_word(pattern)]
    parts = [f"{_WORD_START}(?:{_either(at_words)})"] if at_words else []
    parts += [f"(?:{pattern})" for pattern in elsewhere]
    return GuardedPattern("|".join(parts) or locales.NEVER, re.MULTILINE)


def _either(patterns: list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _begins_with_a_word(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts with a word character (after any assertion
    such as ``\\b`` or a look-behind). Read from the parsed pattern, which the standard
    library exposes only as its private parser: no public API says what a pattern starts with.
    """
    return _starts_with_word(sre_parse.parse(pattern).data)


def _starts_with_word(items: list) -> bool:
    """Whether the first character any match of ``items`` takes is a word character; an
    item that may take nothing ("(?:is )?anyone") must start with one, and so must the rest."""
    for op, argument in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no character: the next item decides
        if op is sre.LITERAL:
            return _is_word_character(argument)
        if op is sre.IN:
            return all(_is_word_set_item(item) for item in argument)
        if op is sre.SUBPATTERN:
            alternatives = [argument[-1]]
        elif op is sre.BRANCH:
            alternatives = argument[1]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            alternatives = [argument[2]] if argument[0] > 0 else [argument[2], []]
        else:
            return False
        taking = [inner for inner in alternatives if inner and inner.getwidth()[0] > 0]
        if not all(_starts_with_word(inner.data) for inner in taking):
            return False
        if len(taking) == len(alternatives):
            return True
    return False


def _is_word_set_item(item: tuple) -> bool:
    op, argument = item
    if op is sre.LITERAL:
        return _is_word_character(argument)
    if op is sre.RANGE:
        low, high = argument
        return all(_is_word_character(code) for code in range(low, high + 1))
    return op is sre.CATEGORY and argument in (sre.CATEGORY_WORD, sre.CATEGORY_DIGIT)


def _is_word_character(code: int) -> bool:
    return chr(code).isalnum() or chr(code) == "_"


def _numbered_done() -> str:
    """ "#3 hecho", "tarea 2 fatta", "la 3 lista", in every language we know."""
    every = locales.codes()
    nouns = locales.alternation(every, "cues", "numbered_task")
    articles = locales.alternation(every, "cues", "numbered_article")
    done = locales.alternation(every, "cues", "numbered_done")
    return rf"(?:#\d+|(?:{nouns}) \d+|\b(?:{articles}) \d+) (?:{done})\b"
