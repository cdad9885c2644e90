"""The time grammar against an outside suite (Duckling's corpora), and its locale files."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import due_as_text, understand
from handlers.understanding.grammar import read
from handlers.understanding.locales import HERE as LOCALES

SUITE = Path(__file__).parent / "data" / "duckling" / "dates.jsonl"
EXCLUDED_FROM_EVERYDAY = ("holiday", "nth-weekday-of-month", "timezone")


def _rows() -> list[dict]:
    return [json.loads(line) for line in SUITE.open() if line.strip()]


def _due(row: dict) -> str | None:
    now = datetime.fromisoformat(row["now"]).replace(tzinfo=ZoneInfo(row["tz"]))
    intent = understand(row["text"], now, [row["lang"]])
    return due_as_text(intent.due) if intent.kind.value == "task" else None


def test_the_grammar_reads_duckling_expressions_as_duckling_does() -> None:
    rows = _rows()
    right = {row["id"]: _due(row) == row["due"] for row in rows}
    unambiguous = [row for row in rows if not row["ambiguous"]]
    everyday = [
        row
        for row in unambiguous
        if not any(pattern in row["pattern"] for pattern in EXCLUDED_FROM_EVERYDAY)
    ]
    share = sum(right[row["id"]] for row in unambiguous) / len(unambiguous)
    everyday_share = sum(right[row["id"]] for row in everyday) / len(everyday)
    assert everyday_share >= 0.90, f"everyday rows {everyday_share:.3f}"
    assert share >= 0.85, f"unambiguous rows {share:.3f}"


def test_ambiguous_rows_take_one_of_their_readings_mostly() -> None:
    rows = [row for row in _rows() if row["ambiguous"]]
    right = [_due(row) in [row["due"], *row.get("alt_due", [])] for row in rows]
    assert sum(right) / len(rows) >= 0.75


def _keys(table: dict, prefix: str = "") -> set[str]:
    found = set()
    for key, value in table.items():
        name = f"{prefix}{key}"
        # Tables of words (word = value) are the language's own; their keys are not the grammar's.
        if isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
            found |= _keys(value, f"{name}.")
        else:
            found.add(name)
    return found


LOCALE_FILES = sorted(LOCALES.glob("*.toml"))


@pytest.mark.parametrize("path", LOCALE_FILES, ids=[path.stem for path in LOCALE_FILES])
def test_every_locale_has_every_key_the_grammar_uses(path: Path) -> None:
    english = tomllib.loads((LOCALES / "en.toml").read_text())
    locale = tomllib.loads(path.read_text())
    assert locale["language"] == path.stem
    assert _keys(locale) == _keys(english)
    calendar = locale["calendar"]
    assert len(calendar["weekdays"]) == len(calendar["weekday_abbreviations"]) == 7
    assert len(calendar["months"]) == len(calendar["month_abbreviations"]) == 12
    assert len(locale["clock"]["hours"]) == 12
    assert calendar["date_order"] in ("dmy", "mdy", "ymd")
    assert set(locale["offsets"]["units"]) == {"minute", "hour", "day", "week", "month", "year"}
    assert set(locale["numbers"]["words"].values()) >= set(range(60))


@pytest.mark.parametrize("path", LOCALE_FILES, ids=[path.stem for path in LOCALE_FILES])
def test_every_fragment_of_a_locale_compiles(path: Path) -> None:
    def fragments(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            for item in value:
                yield from fragments(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from fragments(item)

    for fragment in fragments(tomllib.loads(path.read_text())):
        re.compile(fragment.replace("{day}", "1").replace("{month}", "m").replace("{hour}", "1"))


@pytest.mark.parametrize(
    ("text", "language", "due"),
    [
        ("can someone take Mum to the GP at a quarter past 3pm?", "en", "2013-02-12T15:15"),
        ("can someone take Mum to the GP march 3 2015?", "en", "2015-03-03"),
        ("can someone take Mum to the GP at midnight?", "en", "2013-02-13T00:00"),
        ("can someone take Mum to the GP at 4pm CET?", "en", "2013-02-12T13:00"),
        ("can someone take Mum to the GP 9 tomorrow morning?", "en", "2013-02-13T09:00"),
        ("can someone take Mum to the GP wednesday after next?", "en", "2013-02-20"),
        ("can someone take Mum to the GP tuesday of this week?", "en", "2013-02-12"),
        ("can someone take Mum to the GP in 2 weeks?", "en", "2013-02-26"),
        ("can someone take Mum to the GP on 2/15?", "en", "2013-02-15"),
        ("can someone take Mum to the GP first tuesday of october?", "en", "2013-10-01"),
        (
            "¿alguien puede llevar a mamá al médico a las doce menos cinco?",
            "es",
            "2013-02-12T11:55",
        ),
        ("¿alguien puede llevar a mamá al médico el 15/2?", "es", "2013-02-15"),
        ("quelqu'un peut emmener maman chez le médecin samedi 21 septembre ?", "fr", "2013-09-21"),
        ("quelqu'un peut emmener maman chez le médecin lundi en huit ?", "fr", "2013-02-25"),
        ("quelqu'un peut emmener maman chez le médecin à minuit ?", "fr", "2013-02-13T00:00"),
        ("kann jemand Mama am 10.10. zum Arzt fahren?", "de", "2013-10-10"),
        ("kann jemand Mama übernächsten Freitag zum Arzt fahren?", "de", "2013-02-22"),
        ("kann jemand Mama um Viertel nach 3 zum Arzt fahren?", "de", "2013-02-12T15:15"),
        ("alguém pode levar a mãe ao médico amanhã às oito da noite?", "pt", "2013-02-13T20:00"),
        (
            "qualcuno può portare la mamma dal medico alle tre e venti del pomeriggio?",
            "it",
            "2013-02-12T15:20",
        ),
    ],
)
def test_one_grammar_reads_every_language(text: str, language: str, due: str) -> None:
    now = datetime(2013, 2, 12, 4, 30, tzinfo=ZoneInfo("Etc/GMT+2"))
    assert due_as_text(understand(text, now, [language]).due) == due


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("can someone give her 1/2 a tablet?", "en"),
        ("can someone pick up the 2 boxes?", "en"),
        ("can someone call Mr Daly at 22?", "en"),
        ("can someone pick up her meds? she needs care 24/7 now", "en"),
        ("can someone grab 2-3 bags of compost?", "en"),
        ("can someone bring the 3.5 kg bag of rice?", "en"),
        ("can someone sit with Mum for an hour or two?", "en"),
        ("¿alguien puede comprar 2-3 paquetes de pañales?", "es"),
        ("¿alguien puede ir a la farmacia? la receta es la 5.20", "es"),
        ("quelqu'un peut passer au 12 rue Victor Hugo ?", "fr"),
        ("quelqu'un peut appeler le 15 ?", "fr"),
        ("kann jemand die 3. Etage putzen?", "de"),
        ("qualcuno può comprare 2 litri di latte?", "it"),
        ("¿alguien la puede acompañar? son como 4 horas", "es"),
        ("quelqu'un peut me remplacer pour trois semaines ?", "fr"),
    ],
)
def test_numbers_that_are_not_dates_give_no_due(text: str, language: str) -> None:
    """A wrong date is worse than none."""
    now = datetime(2013, 2, 12, 4, 30, tzinfo=ZoneInfo("Etc/GMT+2"))
    assert understand(text, now, [language]).due is None


@pytest.mark.parametrize(
    ("text", "language", "clock"),
    [
        ("he keeps missing the 2 o'clock one", "en", None),  # not 2:01
        ("her anc was 400 this morning", "en", None),
        ("évitez de passer entre midi et deux", "fr", None),
        ("sharp, i'll do #3 tonight", "en", None),
        ("she needs one tonight", "en", None),
    ],
)
def test_numbers_beside_time_words_are_not_always_times(
    text: str, language: str, clock: time | None
) -> None:
    now = datetime(2013, 2, 12, 4, 30, tzinfo=ZoneInfo("Etc/GMT+2"))
    clocks = [mention.clock for mention in read(text, now, (language,)) if mention.clock]
    assert clocks == ([clock] if clock else [])


def test_two_hours_said_together_are_a_span_not_a_time() -> None:
    now = datetime(2013, 2, 12, 4, 30, tzinfo=ZoneInfo("Etc/GMT+2"))
    intent = understand("kann jemand zwischen 8 und 12 da sein?", now, ["de"])
    assert due_as_text(intent.due) == "2013-02-12T08:00"


@pytest.fixture
def swedish_ish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A seventh language made of English with a few words of its own, as one file only."""
    from handlers.understanding import locales

    for path in LOCALE_FILES:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    english = (LOCALES / "en.toml").read_text()
    made_up = (
        english.replace('language = "en"', 'language = "zz"')
        .replace('"friday|fri"', '"fredag|fre"')
        .replace('"tuesday|tues|tue"', '"tisdag|tis"')
        .replace('every = "every(?: single)?|each"', 'every = "varje"')
        .replace('"tomorrow|tmrw|tmw|tmr|2moro|the morra|the morrow"', '"imorgon"')
    )
    (tmp_path / "zz.toml").write_text(made_up)
    monkeypatch.setattr(locales, "HERE", tmp_path)
    locales.codes.cache_clear()
    locales.locale.cache_clear()
    yield "zz"
    locales.codes.cache_clear()
    locales.locale.cache_clear()


def test_a_new_language_is_only_a_new_locale_file(swedish_ish: str) -> None:
    from handlers.understanding.due import find_when

    now = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))  # a Tuesday
    weekly = find_when("can someone sit with her varje tisdag at 3pm?", now, [swedish_ish])
    assert due_as_text(weekly.due) == "2026-12-08T15:00"
    assert weekly.recurrence == "FREQ=WEEKLY;BYDAY=TU"
    once = find_when("can someone take her to the GP fredag 9:40?", now, [swedish_ish])
    assert (due_as_text(once.due), once.recurrence) == ("2026-12-04T09:40", None)
    tomorrow = find_when("can someone call the pharmacy imorgon by 7?", now, [swedish_ish])
    assert due_as_text(tomorrow.due) == "2026-12-02T19:00"
    # Its words are its own: an English circle reads none of them.
    assert find_when("can someone call imorgon", now, ["en"]).due is None
    assert find_when("varje tisdag", now, ["en"]).recurrence is None
