"""Which package may import which: arrows run from the adapters down to storage, never back.

bot (adapters, scheduler, delivery) → handlers (the core's acts and the message contract) →
storage (tables and the functions that change them). Understanding is a world of its own: text
in, a reading out, nothing else of the project.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLATFORM_LIBRARIES = {"telegram", "nio", "apscheduler"}


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules_under(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def roots(modules: set[str]) -> set[str]:
    return {module.split(".")[0] for module in modules}


@pytest.mark.parametrize("path", modules_under("storage"), ids=str)
def test_storage_imports_neither_the_core_nor_the_adapters(path: Path) -> None:
    reached = roots(imported_modules(path))
    assert not reached & {"handlers", "bot", *PLATFORM_LIBRARIES}


@pytest.mark.parametrize("path", modules_under("handlers"), ids=str)
def test_the_core_imports_no_adapter_and_no_platform_library(path: Path) -> None:
    reached = roots(imported_modules(path))
    assert not reached & {"bot", *PLATFORM_LIBRARIES}


@pytest.mark.parametrize("path", modules_under("handlers/understanding"), ids=str)
def test_understanding_imports_nothing_else_of_the_project(path: Path) -> None:
    project = {
        module
        for module in imported_modules(path)
        if roots({module}) & {"handlers", "storage", "bot"}
    }
    assert all(module.startswith("handlers.understanding") for module in project), project


@pytest.mark.parametrize("path", sorted((ROOT / "tests").glob("test_*.py")), ids=str)
def test_test_modules_share_helpers_not_each_other(path: Path) -> None:
    """What several test files need lives in a helper module (``tests/timeline.py``,
    ``tests/conftest.py`` …): a test module imported by another would run its tests twice and
    tie two subjects together."""
    reached = {module for module in imported_modules(path) if module.startswith("tests.test_")}
    assert not reached, reached


# Storage modules that only declare values (records, enums, the changes an act decides, how a
# label is kept): any layer may import them. Every other storage module reads or writes the
# database.
STORAGE_VALUES = {"storage.records", "storage.kinds", "storage.changes", "storage.labels"}


def touches_storage(path: Path) -> bool:
    """Whether a module imports the database library or a storage module that does I/O."""
    modules = imported_modules(path)
    if roots(modules) & {"sqlmodel", "sqlalchemy"}:
        return True
    storage = {module for module in modules if module.startswith("storage.")}
    # "from storage import tasks" names the module as "storage.tasks"; "from storage.kinds
    # import TaskStatus" as "storage.kinds" and "storage.kinds.TaskStatus".
    return any(
        module not in STORAGE_VALUES and module.rsplit(".", 1)[0] not in STORAGE_VALUES
        for module in storage
    )


@pytest.mark.parametrize("path", modules_under("handlers"), ids=str)
def test_no_handler_reads_or_writes_the_database(path: Path) -> None:
    """Every act is decided over a snapshot; loading it and applying the decision happen at
    the core's edge (``bot.acting``), never under handlers/."""
    assert not touches_storage(path)
