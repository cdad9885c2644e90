"""scripts/scale.py keeps working: a tiny run on SQLite prints every figure the host reads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "scale.py"


def test_scale_script_seeds_measures_and_ends_with_one_json_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'scale.db'}"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--circles", "3", "--samples", "5", "--database", url,
         "--no-compare", "--no-explain", "--live", "0"],
        check=True, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    for key in ("tasks_p99_ms", "new_p99_ms", "claim_p99_ms", "done_p99_ms", "idle_tick_ms",
                "due_tick_ms", "rss_mb", "forget_ms"):  # fmt: skip
        assert figures[key] >= 0, key
    assert figures["rows"]["task"] == 3 * 100 + 1  # a hundred each, and one due at the due tick
    assert figures["due_tick_queued"] == 1
    assert figures["idle_tick_statements"] <= 3
    assert figures["forget_tasks_left"] == 0
