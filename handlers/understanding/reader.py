"""A learned reader of the kind of a message, beside the hand-written cues.

The cues (``cues``) recognise the phrasings the project has seen with near-perfect precision,
but a family writes in shapes nobody listed ("MUM FELL cant get up, whos nearest??"). This
reader is a linear classifier over character and word n-grams — the classic intent model of
chat-bot toolkits (linear SVMs over tf-idf) — trained by ``scripts/train.py`` on the labelled
corpora in ``tests/data``.

Why it is applied here in plain Python rather than by scikit-learn at run time:

- Start-up: importing scikit-learn (with numpy and scipy) costs far more than the whole of a
  cold ``carecircle parse`` (here ``import sklearn.svm`` took seconds and numpy alone a fifth
  of a second); this module imports only the standard library, and reading the model file
  takes well under a tenth of a second of CPU.
- Robustness: a pickled estimator breaks across scikit-learn versions. The model file holds
  only data — the vocabulary, each feature's idf folded into its class weights, and the
  biases — in JSON with the weights as base64 of zlib-compressed little-endian fixed point
  (see ``SCALE``).
- Exactness: ``features`` below *is* the analyzer scikit-learn used in training (the script
  passes it, sorted, to ``TfidfVectorizer``), with binary term frequencies, so the score
  computed here is the same tf-idf, l2-normalised, dot-product-plus-bias that the fitted
  model computes.

Reading one message is a dictionary look-up per word (its n-grams the model weighs, and the
sum of their rows, are worked out once per word) and per word pair, then a C-level sum over
the few rows not summed already.
"""

from __future__ import annotations

import base64
import json
import math
import operator
import re
import sys
import zlib
from array import array
from functools import cache
from itertools import pairwise
from pathlib import Path

from handlers.understanding.accents import without_accents

MODEL_PATH = Path(__file__).with_name("model") / "kinds.json"

# Character n-grams of every word padded with spaces, 3 to 5 long (2 to 5 reads no better).
CHAR_RANGE = (3, 5)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[#?!]|[^\W\d_]+|0", re.UNICODE)


def normalise(text: str) -> str:
    """Lowercase, plain apostrophes, every number as ``0``, runs of space as one."""
    lowered = text.lower().translate(_APOSTROPHES)
    return _SPACES.sub(" ", _DIGITS.sub("0", lowered)).strip()


def features(text: str) -> set[str]:
    """The n-grams the model weighs, from the raw message (also the training analyzer).

    Character n-grams inside each word (so "cant"/"can't", "whos"/"who's", typos and
    inflections share most of their grams) with accents as written, and the same with accents
    stripped (people type "alguem", "tache", "ubernehme" on phones); words and word pairs
    (with ``^`` marking the start, where claims and completions put their verb); and whether
    the message shouts (two capitalised words in a row, as in "MUM FELL"), which lowercasing
    would hide. Only whether a gram occurs counts, so a set.
    """
    plain = normalise(text)
    grams = set().union(*map(_char_grams, plain.split()))
    grams.update(_word_grams(text, plain))
    return grams


def _char_grams(word: str) -> set[str]:
    """The character n-grams of one word padded with spaces, as written and without accents."""
    spellings = [f" {word} "]
    if not word.isascii() and (bare := without_accents(word)) != word:
        spellings.append(f" {bare} ")
    low, high = CHAR_RANGE
    return {
        spelling[i : i + n]
        for spelling in spellings
        for n in range(low, high + 1)
        for i in range(len(spelling) - n + 1)
    }


def _word_grams(text: str, plain: str) -> list[str]:
    """The words and word pairs of ``plain`` (``normalise(text)``), and whether ``text`` shouts."""
    words = ["^", *_WORD.findall(without_accents(plain))]
    grams = [f"w:{word}" for word in words[1:]]
    grams += [f"w:{a} {b}" for a, b in pairwise(words)]
    loud = [len(word) > 1 and word.isupper() for word in text.split()]
    if any(map(operator.and_, loud, loud[1:])):
        grams.append("SHOUTING")
    return grams


# The model file holds each weight as fixed point: an unsigned 32-bit field, round(weight × SCALE)
# + OFFSET. At load each n-gram's row of fields becomes one integer with the fields 64 bits apart,
# so a message's column sums are one C-level ``sum`` of integers (no field can overflow into the
# next before 2**32 n-grams), and the table holds no float or tuple objects.
SCALE = 1 << 20  # a weight's resolution: about a millionth
OFFSET = 1 << 31  # weights lie within ±2048
_FIELD = 64
_MASK = (1 << _FIELD) - 1


class Model:
    """Linear margins of one message: one per kind (one-vs-rest), and one for "urgent"."""

    def __init__(self, payload: dict) -> None:
        self.classes: tuple[str, ...] = tuple(payload["classes"])
        self.bias: tuple[float, ...] = tuple(payload["bias"])
        self._width = width = len(self.classes) + 1  # idf², then idf × weight for each class
        self._rows = _rows_of(payload["weights"], width)
        names = payload["features"].split("\n")
        self._column = dict(zip(names, range(len(self._rows)), strict=True))
        self._known = _KnownGrams(self._column, self._rows)
        self._last: tuple[str | None, dict[str, float]] = (None, {})

    def margins(self, text: str) -> dict[str, float]:
        """Each class's decision value: what scikit-learn's ``decision_function`` gives."""
        # Chat the circle's languages read as nothing is read again in a language it seems
        # written in (``routing.unread_language``): the same text, the same margins.
        last_text, last_margins = self._last
        if text != last_text:
            last_margins = self._margins(text)
            self._last = (text, last_margins)
        return dict(last_margins)

    def _margins(self, text: str) -> dict[str, float]:
        plain = normalise(text)
        rows = self._rows
        # Each n-gram counts once, however many words hold it: a word's row sum is kept with
        # its columns, and a column met again in a later word is taken off once more.
        seen: set[int] = set()
        again: list[int] = []
        total = 0
        for word in dict.fromkeys(plain.split()):
            columns, row_sum = self._known[word]
            again += seen.intersection(columns)
            seen.update(columns)
            total += row_sum
        pairs = set(map(self._column.get, _word_grams(text, plain))) - seen
        pairs.discard(None)
        count = len(seen) + len(pairs)
        if not count:
            return dict(zip(self.classes, self.bias, strict=True))
        total += sum(map(rows.__getitem__, pairs)) - sum(map(rows.__getitem__, again))
        offset = count * OFFSET
        sums = [
            (((total >> (_FIELD * column)) & _MASK) - offset) / SCALE
            for column in range(self._width)
        ]
        norm = math.sqrt(sums[0]) or 1.0
        return {
            kind: bias + total / norm
            for kind, bias, total in zip(self.classes, self.bias, sums[1:], strict=True)
        }


# Base64 characters decoded at a time (whole quanta): about 48 KB of the compressed table.
_PIECE_CHARS = 4 * 16_384


def _rows_of(weights: str, width: int) -> list[int]:
    """Each n-gram's row of ``width`` fields as one integer, the fields 64 bits apart.

    The table is zlib-compressed (most weights are near zero, so their high bytes repeat:
    the file is a third smaller). It is inflated a piece at a time: buffers the size of the
    whole table (some megabytes), freed at once, stay with the process as heap it cannot hand
    back once the table's small objects are allocated above them (about 20 MB of resident
    memory on glibc).
    """
    rows: list[int] = []
    row_bytes = width * 4
    inflate = zlib.decompressobj()
    pending = b""
    for start in range(0, len(weights), _PIECE_CHARS):
        pending += inflate.decompress(base64.b64decode(weights[start : start + _PIECE_CHARS]))
        whole = len(pending) - len(pending) % row_bytes
        rows += _wide_rows(pending[:whole], width)
        pending = pending[whole:]
    pending += inflate.flush()
    if pending:
        raise ValueError("the model's weights end inside a row")
    return rows


def _wide_rows(blob: bytes, width: int) -> list[int]:
    """Rows of little-endian 32-bit fields, each as one integer with the fields 64 bits apart."""
    fields = array("I")
    fields.frombytes(blob)
    if sys.byteorder != "little":
        fields.byteswap()
    wide = array("Q", fields)
    if sys.byteorder != "little":
        wide.byteswap()
    spread = wide.tobytes()
    step = width * wide.itemsize
    return [int.from_bytes(spread[at : at + step], "little") for at in range(0, len(spread), step)]


# Words whose weighed n-grams are remembered; a chat's vocabulary is a few thousand words, and
# past this any new word is worked out each time, so odd input cannot grow the table without end.
_WORDS_REMEMBERED = 20_000


class _KnownGrams(dict[str, tuple[tuple[int, ...], int]]):
    """The columns of one word's character n-grams (``_char_grams``) that the model weighs, and
    the sum of their rows, worked out the first time the word is met: most of a message's
    grams are inside words the circle has used before, and summing a few remembered words
    touches far less memory than summing a few hundred rows spread over the whole table."""

    def __init__(self, column: dict[str, int], rows: list[int]) -> None:
        super().__init__()
        self._column = column
        self._rows = rows

    def __missing__(self, word: str) -> tuple[tuple[int, ...], int]:
        columns = tuple(map(self._column.__getitem__, _char_grams(word) & self._column.keys()))
        known = (columns, sum(map(self._rows.__getitem__, columns)))
        if len(self) < _WORDS_REMEMBERED:
            self[word] = known
        return known


@cache
def model() -> Model:
    """The shipped model, read once per process."""
    return Model(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
