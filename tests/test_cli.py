"""The command line others rely on: parse as JSON, batch in order, the demo and the console."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def carecircle(*args: str, stdin: str | None = None, env: dict | None = None) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    )
    return result.stdout


def test_parse_prints_one_json_object_with_every_field() -> None:
    out = carecircle("parse", "/claim 4", "--now", "2026-11-20T10:00", "--tz", "Europe/London")
    assert json.loads(out) == {
        "kind": "claim",
        "title": None,
        "due": None,
        "recurrence": None,
        "urgent": False,
        "ref": 4,
    }


def test_parse_batch_keeps_order_and_ids() -> None:
    rows = [
        {
            "id": "a",
            "text": "#3 done",
            "now": "2026-12-01T09:00",
            "tz": "Europe/Paris",
            "lang": "fr",
        },
        {"id": "b", "text": "lovely day", "now": "2026-12-01T09:00", "tz": "UTC", "lang": "en"},
        {"text": "decision: physio on Tuesdays", "now": "2026-12-01T09:00", "tz": "UTC"},
    ]
    out = carecircle("parse", "--batch", stdin="\n".join(json.dumps(row) for row in rows))
    results = [json.loads(line) for line in out.splitlines()]
    assert [(r.get("id"), r["kind"], r["ref"]) for r in results] == [
        ("a", "done", 3),
        ("b", "none", None),
        (None, "decision", None),
    ]


def test_demo_plays_a_circle_and_ends_with_its_lists() -> None:
    out = carecircle("demo")
    assert "🤖 reacts ✍" in out  # requests are noted quietly
    assert "Open tasks:" in out
    assert "Decisions:" in out


def test_console_session_on_a_fresh_sqlite_file(tmp_path: Path) -> None:
    env = {"CARECIRCLE_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = carecircle(
        "console",
        stdin="alice: task: pick up the prescription\nbob ^1: /claim\nalice: /tasks\n",
        env=env,
    )
    assert "🤖 reacts ✍ to 1" in out
    assert "🤖 reacts 👌 to 2" in out
    assert "#1 Pick up the prescription — ✋ Bob" in out
    assert (tmp_path / "carecircle.db").exists()
