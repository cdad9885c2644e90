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


def run_console(*args: str, stdin: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {"CARECIRCLE_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "console", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
    )


def test_console_says_where_the_circle_is_kept(tmp_path: Path) -> None:
    out = carecircle("console", stdin="", env={"CARECIRCLE_DATA_DIR": str(tmp_path)})
    assert f"Your circle is kept in {tmp_path / 'carecircle.db'}" in out
    assert "to start again, delete it, or pass --database" in out


def test_a_second_console_run_carries_on_numbering(tmp_path: Path) -> None:
    env = {"CARECIRCLE_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    carecircle("console", stdin="alice: task: pick up the prescription\nbob: hello\n", env=env)
    out = carecircle("console", stdin="carol: /help\ndan ^1: I'll take it\n", env=env)
    assert "[3] Carol: /help" in out and "I keep this circle's tasks" in out
    assert "[4] Dan: (re 1) I'll take it" in out and "🤖 reacts 👌 to 4" in out
    assert "👋 Hello" not in out  # the circle is greeted once, ever


def test_console_database_takes_a_path_or_a_url(tmp_path: Path) -> None:
    by_path = run_console("--database", str(tmp_path / "x.db"), stdin="a: hi\n", data_dir=tmp_path)
    assert by_path.returncode == 0 and f"kept in {tmp_path / 'x.db'}" in by_path.stdout
    assert (tmp_path / "x.db").exists() and not (tmp_path / "carecircle.db").exists()
    url = f"sqlite:///{tmp_path / 'y.db'}"
    by_url = run_console("--database", url, stdin="a: hi\n", data_dir=tmp_path)
    assert by_url.returncode == 0 and (tmp_path / "y.db").exists()


def test_a_bad_console_database_gets_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a database, just words\n" * 200)
    for database in ("nonsense://nowhere", str(tmp_path / "notes.txt")):
        result = run_console("--database", database, stdin="", data_dir=tmp_path)
        assert result.returncode == 2
        assert result.stderr.startswith("carecircle console: cannot open ")
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_console_clock_starts_at_now_and_speaks_the_circles_zone(tmp_path: Path) -> None:
    out = carecircle(
        "console",
        "--now",
        "2026-12-01T09:00",
        stdin="alice: /timezone America/New_York\n:time +1h\n",
        env={"CARECIRCLE_DATA_DIR": str(tmp_path)},
    )
    assert "(it is Tue 01 Dec 09:00 in the circle's zone, UTC" in out
    assert "(it is now Tue 01 Dec 05:00)" in out  # 10:00 UTC, in New York


def test_console_edits_a_message_by_its_number(tmp_path: Path) -> None:
    out = carecircle(
        "console",
        "--now",
        "2026-12-01T09:00",
        stdin="alice: can someone pick up the prescription tomorrow 3pm?\n"
        "alice *1: can someone pick up the prescription Saturday 3pm?\n"
        "bob: /tasks\n",
        env={"CARECIRCLE_DATA_DIR": str(tmp_path)},
    )
    assert "[2] Alice: (edits 1) can someone pick up the prescription Saturday 3pm?" in out
    assert "#1 Pick up the prescription — Sat 5 Dec 15:00 · nobody yet" in out


def test_a_bad_console_now_gets_one_line(tmp_path: Path) -> None:
    result = run_console("--now", "next tuesday", stdin="", data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "carecircle console: --now 'next tuesday' is no time, like 2026-12-01T09:00\n"
    )
