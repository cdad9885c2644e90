"""A short to-do title from a request: what is asked, without who asks or when.

"Can someone take her to the surgery on Thursday for 9:40?" → "Take her to the surgery".
The words after the request cue are the task, with the words that say when taken out and the
clause cut at its first comma. Where those words say too little ("…someone has to be there.
Anyone?"), the sentence that asks, then the message's longest sentence, is used instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from handlers.understanding import locales

TITLE_MAX_CHARS = 60
# A title needs this many words, one of them a real word, to name a task on its own.
MIN_WORDS = 2
MIN_LONG_WORD = 3
# A title is cut before a reading of the circle's languages is known: the words of every
# locale file are read at once (``[titles]``, and ``[text]`` for abbreviations).


def _words(key: str) -> str:
    return "|".join(dict.fromkeys(locales.listed(locales.codes(), "titles", key))) or locales.NEVER


_POSSESSIVE = re.compile(_words("possessive").replace("'", "['’]"))
_SENTENCE = re.compile(
    rf"(?:[^.!?\n]|(?<=\d)\.(?=\d|\s*[a-zà-ÿ])|(?:{locales.after_abbreviation()})\.)+",
    re.IGNORECASE,
)
# "Hi all," "Buongiorno a tutti!" "Gente," — a greeting is no task.
_GREETING = re.compile(rf"^(?:\s|[,!:]|\b(?:{_words('greetings')})\b)+", re.IGNORECASE)
# Words that open a request clause but are not the task: pronouns, modals, "please".
_FILLER = re.compile(
    rf"^(?:\s|,|(?:{_words('possessive')})\b|\b(?:{_words('filler')})\b)+\s*", re.IGNORECASE
)
# Words left hanging where the time words were taken out ("…chez le kiné avant").
_DANGLING = re.compile(rf"(?:\s+(?:{_words('dangling')}))+$", re.IGNORECASE)
# Where a clause stops being the task: a comma, a dash, or "so that", "because", "but".
_CLAUSE_END = re.compile(rf"(?:[,;:(]|\s[-–—]\s|\b(?:{_words('clause_end')})\b)", re.IGNORECASE)
_WORD = re.compile(rf"\w{{{MIN_LONG_WORD},}}")
# A title this short ending in a word that stands for something else ("Take her") points
# elsewhere in the message.
MAX_POINTING_WORDS = 3
_POINTING = re.compile(rf"(?:{_words('pronouns')})", re.IGNORECASE)


def title_of(
    text: str, request: tuple[int, int] | None, when_spans: Sequence[tuple[int, int]] = ()
) -> str:
    """The task's title; ``request`` is the span of the words that ask, when known, and
    ``when_spans`` where the message says when (left out of the title). Without a request
    (``task: …``) the member wrote the title: only the words that say when are left out."""
    if request is None:
        end = min([len(text), *(s for s, _ in when_spans if s > 0)])
        title = _DANGLING.sub("", " ".join(text[:end].split()))
        return _capped(title[:1].upper() + title[1:] or " ".join(text.split()))
    spans = list(_candidates(text, request))
    for start, end in spans:
        title = _tidy(text, start, end, when_spans)
        if len(title.split()) >= MIN_WORDS and _WORD.search(title):
            return _capped(_with_context(title, text, spans[1:], when_spans))
    return _capped(_tidy(text, *spans[0], ()) if spans else " ".join(text.split()))


def _with_context(
    title: str,
    text: str,
    others: Sequence[tuple[int, int]],
    when_spans: Sequence[tuple[int, int]],
) -> str:
    """ "Grab it" says what to do but not to what: the message's longest other sentence
    follows it ("Grab it: Dad's repeat is ready at Boots"), so the list of tasks reads alone."""
    words = title.split()
    if len(words) > MAX_POINTING_WORDS or not _POINTING.fullmatch(words[-1]):
        return title
    for start, end in others:
        context = _tidy(text, start, end, when_spans)
        if len(context.split()) > MIN_WORDS and context.lower() not in title.lower():
            return f"{title}: {context}"
    return title


def _candidates(text: str, request: tuple[int, int]) -> Iterator[tuple[int, int]]:
    sentences = [match.span() for match in _SENTENCE.finditer(text)]
    asked = next(((s, e) for s, e in sentences if s <= request[0] < e), None)
    if asked is not None:
        yield request[1], asked[1]  # what follows "can someone"
    yield from sorted(sentences, key=lambda span: span[0] - span[1])  # longest first


def _tidy(text: str, start: int, end: int, when_spans: Sequence[tuple[int, int]]) -> str:
    """The words from ``start`` up to those that say when and the end of the clause; time
    words before the task itself ("do tonight's walk") are left out rather than ending it."""
    kept, position = [], start
    for span_start, span_end in sorted(when_spans):
        if not position <= span_start < end:
            continue
        if possessive := _POSSESSIVE.match(text, span_end):  # "tonight's walk"
            span_end = possessive.end()
        before = _GREETING.sub("", _FILLER.sub("", "".join([*kept, text[position:span_start]])))
        if len(before.split()) >= MIN_WORDS:
            end = span_start
            break
        kept.append(text[position:span_start])
        position = span_end
    kept.append(text[position:end])
    words = _GREETING.sub("", _FILLER.sub("", "".join(kept), count=1))
    cut = _CLAUSE_END.search(words)
    if cut is not None and len(words[: cut.start()].split()) >= MIN_WORDS:
        words = words[: cut.start()]
    words = _DANGLING.sub("", " ".join(words.split()).strip(" ,;:—-?¿!¡"))
    return words[:1].upper() + words[1:]


def _capped(title: str) -> str:
    if len(title) > TITLE_MAX_CHARS:
        return title[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return title
