"""What the bot says comes from its catalogs, whole in every language: each message, each field."""

from __future__ import annotations

import ast
import string
import subprocess
import sys
from pathlib import Path

import pytest

from bot.platform_speech import MATRIX, TELEGRAM
from handlers.speech import LANGUAGES, SPEECH, Catalogs, language_names

ROOT = Path(__file__).resolve().parents[1]
DOMAINS = {"core": SPEECH, "telegram": TELEGRAM, "matrix": MATRIX}
# The tuple modules the catalogs replaced.
RETIRED = (
    "handlers/phrasebook.py",
    "handlers/nudge_phrases.py",
    "handlers/plan_phrases.py",
    "handlers/move_phrases.py",
    "handlers/private_phrases.py",
)


def fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def speaking() -> list[tuple[str, str]]:
    return [(domain, language) for domain in DOMAINS for language in LANGUAGES]


@pytest.mark.parametrize("catalogs", DOMAINS.values(), ids=list(DOMAINS))
def test_each_language_has_one_catalog_and_no_other_language_has_one(catalogs: Catalogs) -> None:
    assert all(catalogs.path(language).is_file() for language in LANGUAGES)
    assert sorted(path.name for path in catalogs.directory.iterdir() if path.is_dir()) == sorted(
        LANGUAGES
    )


@pytest.mark.parametrize(("domain", "language"), speaking())
def test_every_language_has_every_message(domain: str, language: str) -> None:
    catalogs = DOMAINS[domain]
    english = catalogs.messages("en")
    said = catalogs.messages(language)  # fuzzy or empty translations count as missing
    assert english
    assert sorted(set(english) - set(said)) == [], "untranslated"
    assert sorted(set(said) - set(english)) == [], "not in the English catalog"


@pytest.mark.parametrize(("domain", "language"), speaking())
def test_every_translation_has_exactly_the_fields_of_the_english(
    domain: str, language: str
) -> None:
    catalogs = DOMAINS[domain]
    english = catalogs.messages("en")
    for key, text in catalogs.messages(language).items():
        assert fields(text) == fields(english[key]), (key, text)


def test_the_tuples_of_six_languages_are_gone() -> None:
    assert not [path for path in RETIRED if (ROOT / path).exists()]
    assert not list((ROOT / "handlers" / "checklists").glob("[a-z][a-z].toml"))


def python_sources() -> list[Path]:
    """The core and the adapters; understanding holds words the bot reads, not says."""
    sources = [*(ROOT / "handlers").rglob("*.py"), *(ROOT / "bot").rglob("*.py")]
    return [path for path in sources if "understanding" not in path.parts]


@pytest.mark.parametrize("path", python_sources(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_source_spells_a_message_in_each_language(path: Path) -> None:
    """A tuple or list of one text per language, the old phrasebook's shape, is text that
    belongs in the catalogs (the language codes themselves are no text)."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Tuple | ast.List) and len(node.elts) == len(LANGUAGES):
            texts = [elt.value for elt in node.elts if isinstance(elt, ast.Constant)]
            worded = [text for text in texts if isinstance(text, str) and text not in LANGUAGES]
            assert not worded, (node.lineno, worded)


@pytest.mark.parametrize("path", python_sources(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_message_the_code_names_is_in_the_catalogs(path: Path) -> None:
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        key = node.args[0]
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "phrase":
            assert SPEECH.knows(key.value), (node.lineno, key.value)
        elif isinstance(func, ast.Attribute) and func.attr in ("phrase", "text"):
            owner = func.value.id if isinstance(func.value, ast.Name) else "turn"
            catalogs = {"TELEGRAM": TELEGRAM, "MATRIX": MATRIX}.get(owner, SPEECH)
            assert catalogs.knows(key.value), (node.lineno, key.value)


@pytest.mark.parametrize(
    ("speaking", "named", "name"),
    [("en", "de", "German"), ("de", "de", "Deutsch"), ("fr", "pt", "portugais"),
     ("pt", "es", "espanhol"), ("it", "en", "inglese"), ("es", "fr", "francés")],
)  # fmt: skip
def test_languages_are_named_in_the_language_speaking(speaking: str, named: str, name: str) -> None:
    assert language_names(speaking)[named] == name


def test_reading_a_message_loads_no_catalog_nor_babel() -> None:
    """``carecircle parse`` starts cold for every outside check: speech stays out of it."""
    script = (
        "import sys\n"
        "from bot.cli import main\n"
        "main(['parse', 'get milk Friday', '--now', '2026-01-05T09:00', '--tz', 'UTC'])\n"
        "loaded = [name for name in sys.modules if name.startswith(('babel', 'handlers.speech'))]\n"
        "print('loaded:', loaded)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert "loaded: []" in run.stdout
