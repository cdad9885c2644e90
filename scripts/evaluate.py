"""How well carecircle understands plain messages, measured on a labelled corpus.

    python scripts/evaluate.py [CORPUS.jsonl ...] [--errors]

Each line of a corpus holds ``text``, ``now``, ``tz``, ``lang`` and the expected ``kind``,
``due``, ``recurrence``, ``urgent`` and ``ref`` (see ../shared/corpus/README.md). Prints, per
kind, precision and recall; overall accuracy; and for the messages that are tasks, the share
whose due, recurrence and urgency come out exactly right. ``--errors`` lists every miss.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from handlers.understanding import Kind, due_as_text, understand

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    rows = [json.loads(line) for path in args.corpus for line in path.open() if line.strip()]
    if not rows:
        print("no labelled messages found", file=sys.stderr)
        return 1
    results = [(row, _understood(row)) for row in rows]
    _report(results)
    if args.errors:
        _list_errors(results)
    return 0


def _understood(row: dict) -> dict:
    zone = ZoneInfo(row["tz"])
    now = datetime.fromisoformat(row["now"]).replace(tzinfo=zone)
    intent = understand(row["text"], now, row["lang"].split(","))
    return {
        "kind": intent.kind.value,
        "due": due_as_text(intent.due),
        "recurrence": intent.recurrence,
        "urgent": intent.is_urgent,
        "ref": intent.ref,
        "title": intent.title,
    }


def _report(results: list[tuple[dict, dict]]) -> None:
    predicted = Counter(got["kind"] for _, got in results)
    expected = Counter(row["kind"] for row, _ in results)
    right = Counter(row["kind"] for row, got in results if row["kind"] == got["kind"])
    print(f"{'kind':<10}{'precision':>10}{'recall':>10}{'expected':>10}{'predicted':>10}")
    for kind in Kind:
        precision = right[kind.value] / predicted[kind.value] if predicted[kind.value] else 0.0
        recall = right[kind.value] / expected[kind.value] if expected[kind.value] else 0.0
        print(
            f"{kind.value:<10}{precision:>10.3f}{recall:>10.3f}"
            f"{expected[kind.value]:>10}{predicted[kind.value]:>10}"
        )
    total = len(results)
    print(
        f"\nkind accuracy      {sum(right.values()) / total:.3f}  ({sum(right.values())}/{total})"
    )
    tasks = [(row, got) for row, got in results if row["kind"] == "task"]
    for field in ("due", "recurrence", "urgent"):
        exact = sum(row[field] == got[field] for row, got in tasks)
        print(f"task {field:<13} {exact / len(tasks):.3f}  ({exact}/{len(tasks)} exactly right)")
    with_ref = [
        (row, got) for row, got in results if row["ref"] is not None and row["kind"] != "none"
    ]
    if with_ref:
        exact = sum(row["ref"] == got["ref"] for row, got in with_ref)
        print(f"ref                {exact / len(with_ref):.3f}  ({exact}/{len(with_ref)})")


def _list_errors(results: list[tuple[dict, dict]]) -> None:
    print()
    for row, got in results:
        fields = ("kind",) if row["kind"] != "task" else ("kind", "due", "recurrence", "urgent")
        wrong = [f"{f}: {row[f]!r} → {got[f]!r}" for f in fields if row[f] != got[f]]
        if wrong:
            print(f"{row['id']} [{row['lang']} {row['now']}] {row['text'][:90]}")
            print("      " + "; ".join(wrong))


if __name__ == "__main__":
    sys.exit(main())
