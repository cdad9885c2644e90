"""The learned reader of message kinds: the shipped model, and what a family notices of it."""

from __future__ import annotations

import base64
import importlib.util
import json
import sys
import zlib
from array import array
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import Kind, understand
from handlers.understanding.reader import MODEL_PATH, OFFSET, SCALE, Model, features

REPO = Path(__file__).resolve().parent.parent
THURSDAY = datetime(2026, 12, 3, 18, 30, tzinfo=ZoneInfo("Europe/London"))


def read(text: str, languages: tuple[str, ...] = ("en",)):
    return understand(text, THURSDAY, languages)


def _train_module():
    spec = importlib.util.spec_from_file_location("train", REPO / "scripts" / "train.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train"] = module
    spec.loader.exec_module(module)
    return module


def _weights(payload: dict) -> list[float]:
    fields = array("I")
    fields.frombytes(zlib.decompress(base64.b64decode(payload["weights"])))
    return [(field - OFFSET) / SCALE for field in fields]


def test_the_shipped_model_is_what_the_training_script_builds() -> None:
    pytest.importorskip("sklearn")
    train = _train_module()
    rows = [row for path in train.corpus_files() for row in train.load(path)]
    built = train.fit(rows)
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert built["classes"] == shipped["classes"]
    assert built["features"] == shipped["features"]
    assert built["bias"] == pytest.approx(shipped["bias"], abs=1e-4)
    # Same solver, same inputs: equal here, and within float noise on another machine's BLAS.
    assert _weights(built) == pytest.approx(_weights(shipped), abs=1e-4)


def test_the_model_file_is_small_and_plain_data() -> None:
    assert MODEL_PATH.stat().st_size < 4_000_000  # a few MB: it grows with the labelled sets
    payload = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert payload["classes"] == [*(kind.value for kind in Kind), "urgent"]


def test_features_are_read_alike_whatever_the_keyboard() -> None:
    assert features("alguem pode levar?") <= features("Alguém pode levar?")
    assert "w:0" in features("#12 done") and "w:0" in features("#7 done")
    assert "SHOUTING" in features("MUM FELL cant get up")
    assert "SHOUTING" not in features("Mum's at A&E now")


def test_margins_are_those_of_the_linear_model() -> None:
    model = Model(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    empty = model.margins("")
    assert list(empty) == [*(kind.value for kind in Kind), "urgent"]
    assert tuple(empty.values()) == model.bias
    margins = model.margins("can someone take Nana to the GP on Thursday?")
    assert max(margins, key=lambda kind: margins[kind] if kind != "urgent" else -9) == "task"


@pytest.mark.parametrize(
    "text",
    [
        "the the THE other mother smothers them",  # a word twice, n-grams shared by words
        "Alguém pode levar a avó? alguem pode, alguém pode!",  # with and without accents
        "w:ok w:ok ok",  # a word's n-gram spelled like a word feature
        "",
        "   ",
    ],
)
def test_each_n_gram_counts_once_however_many_words_hold_it(text: str) -> None:
    payload = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    width = len(payload["classes"]) + 1
    fields = _weights(payload)
    row = {name: i for i, name in enumerate(payload["features"].split("\n"))}
    found = [row[gram] for gram in features(text) if gram in row]
    sums = [sum(fields[i * width + column] for i in found) for column in range(width)]
    norm = sums[0] ** 0.5 or 1.0
    expected = [bias + total / norm for bias, total in zip(payload["bias"], sums[1:], strict=True)]
    assert list(Model(payload).margins(text).values()) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("MUM FELL cant get up, whos nearest??", ("en",)),
        ("dad slipped on the stairs, cant move his leg, anyone close by???", ("en",)),
        ("Oma ist gestürzt und kommt nicht hoch, wer ist in der Nähe??", ("de",)),
    ],
)
def test_an_emergency_is_an_urgent_task_however_it_is_written(
    text: str, languages: tuple[str, ...]
) -> None:
    intent = read(text, languages)
    assert (intent.kind, intent.is_urgent) == (Kind.TASK, True)


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("¿alguien puede ir a la farmacia?", ("es",)),
        ("can someone pick up her prescription tomorrow?", ("en",)),
        ("qualcuno può passare in farmacia?", ("it",)),
        ("kann jemand morgen die Tabletten holen?", ("de",)),
    ],
)
def test_a_plain_errand_pages_nobody(text: str, languages: tuple[str, ...]) -> None:
    intent = read(text, languages)
    assert (intent.kind, intent.is_urgent) == (Kind.TASK, False)


@pytest.mark.parametrize(
    ("text", "languages", "kind"),
    [
        ("anyone able to sit with gran thurs arvo?", ("en",), Kind.TASK),
        ("alguem consegue levar a vó no médico amanhã de manhã?", ("pt",), Kind.TASK),
        ("je m'occupe des courses samedi", ("fr",), Kind.CLAIM),
        ("all sorted, meds dropped at hers", ("en",), Kind.DONE),
        ("la spesa è fatta, frigo pieno", ("it",), Kind.DONE),
        ("sorry guys cant do my wednesday school run anymore, new shift", ("en",), Kind.UNCLAIM),
        ("lovely photos of the twins, thanks for sharing", ("en",), Kind.NONE),
        ("the weather has been awful all week", ("en",), Kind.NONE),
        ("does anyone know if the pharmacy opens on Sunday?", ("en",), Kind.NONE),
        ("Honestly I just need someone to talk to tonight", ("en",), Kind.NONE),
    ],
)
def test_shapes_nobody_here_wrote_are_read_right(
    text: str, languages: tuple[str, ...], kind: Kind
) -> None:
    assert read(text, languages).kind is kind


def test_explicit_forms_keep_the_last_word() -> None:
    assert read("/task lovely photos of the twins").kind is Kind.TASK
    assert read("#7 done").kind is Kind.DONE and read("#7 done").ref == 7
    assert read("#4 me").kind is Kind.CLAIM and read("#4 me").ref == 4
    assert read("task: sort out the bins on Friday").kind is Kind.TASK


def test_a_task_the_model_finds_is_still_read_for_its_due_date() -> None:
    intent = read("anyone able to sit with gran friday afternoon?")
    assert intent.kind is Kind.TASK
    assert intent.due is not None and intent.due.isoformat().startswith("2026-12-04")
