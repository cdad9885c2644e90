"""How well carecircle understands plain messages, measured on a labelled corpus.

    python scripts/evaluate.py [CORPUS.jsonl ...] [--errors] [--patterns] [--no-dateparser]

Each line of a corpus holds ``text``, ``now``, ``tz``, ``lang`` and the expected ``kind``,
``due``, ``recurrence``, ``urgent`` and ``ref`` (see ../shared/corpus/README.md). Prints, per
kind, precision and recall; overall accuracy; and for the messages that are tasks, the share
whose due, recurrence and urgency come out exactly right. ``--errors`` lists every miss.

A conformance suite of due dates (rows with ``ambiguous`` and ``pattern``, such as
tests/data/duckling/dates.jsonl) is scored instead as due exact on all rows, on unambiguous
rows, on everyday rows (unambiguous, not a holiday, nth weekday of a month or time zone) and on
ambiguous rows (right when the due is ``due`` or one of ``alt_due``), per language, with
``dateparser.search_dates`` on the same rows beside it. ``--patterns`` adds a line per pattern.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's code, not an installed copy

from handlers.understanding import Kind, due_as_text, understand  # noqa: E402

DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus_dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--errors", action="store_true", help="list every miss")
    parser.add_argument("--patterns", action="store_true", help="suite: score per pattern")
    parser.add_argument("--no-dateparser", action="store_true", help="suite: ours only")
    args = parser.parse_args()
    rows = [json.loads(line) for path in args.corpus for line in path.open() if line.strip()]
    if not rows:
        print("no labelled messages found", file=sys.stderr)
        return 1
    if all("ambiguous" in row and "pattern" in row for row in rows):
        return _suite(rows, args)
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


# -- a conformance suite of due dates ------------------------------------------------------

EXCLUDED_FROM_EVERYDAY = ("holiday", "nth-weekday-of-month", "timezone")


def is_everyday(row: dict) -> bool:
    """Unambiguous, and neither a holiday, an nth weekday of a month nor a time zone."""
    return not row["ambiguous"] and not any(p in row["pattern"] for p in EXCLUDED_FROM_EVERYDAY)


def is_right(row: dict, due: str | None, *, alternatives: bool = False) -> bool:
    """The due is the suite's; on an ambiguous row ``alternatives`` also accepts ``alt_due``."""
    if due == row["due"]:
        return True
    return alternatives and row["ambiguous"] and due in row.get("alt_due", [])


def scores(rows: list[dict], dues: list[str | None]) -> dict[str, tuple[int, int]]:
    """(right, rows) on all rows, unambiguous, everyday and ambiguous rows."""
    pairs = list(zip(rows, dues, strict=True))

    def count(keep, alternatives=False) -> tuple[int, int]:
        chosen = [(row, due) for row, due in pairs if keep(row)]
        return sum(is_right(r, d, alternatives=alternatives) for r, d in chosen), len(chosen)

    return {
        "all": count(lambda row: True),
        "unambiguous": count(lambda row: not row["ambiguous"]),
        "everyday": count(is_everyday),
        "ambiguous": count(lambda row: row["ambiguous"], alternatives=True),
    }


def _dateparser_due(row: dict) -> str | None:
    """What ``dateparser.search_dates`` finds first, as a day when it gives no clock time."""
    from dateparser.search import search_dates

    now = datetime.fromisoformat(row["now"])
    settings = {"RELATIVE_BASE": now, "PREFER_DATES_FROM": "future"}
    try:
        found = search_dates(row["text"], languages=[row["lang"]], settings=settings)
    except Exception:  # a crash is a miss
        return None
    if not found:
        return None
    moment = found[0][1]
    if moment.time() in (now.time(), datetime.min.time()):
        return moment.date().isoformat()
    return moment.strftime("%Y-%m-%dT%H:%M")


def _suite(rows: list[dict], args: argparse.Namespace) -> int:
    ours = [_understood(row) for row in rows]
    dues = [got["due"] if got["kind"] == "task" else None for got in ours]
    theirs = None if args.no_dateparser else [_dateparser_due(row) for row in rows]
    groups = [("overall", list(range(len(rows))))]
    languages = sorted({row["lang"] for row in rows}, key=[r["lang"] for r in rows].index)
    groups += [(lang, [i for i, r in enumerate(rows) if r["lang"] == lang]) for lang in languages]
    if args.patterns:
        patterns = sorted({row["pattern"] for row in rows})
        groups += [(p, [i for i, r in enumerate(rows) if r["pattern"] == p]) for p in patterns]
    columns = ("all", "unambiguous", "everyday", "ambiguous")
    print("due exact (ours | dateparser.search_dates); ambiguous rows count due or alt_due")
    print(f"{'':<24}" + "".join(f"{c:>22}" for c in columns))
    for name, indices in groups:
        chosen = [rows[i] for i in indices]
        mine = scores(chosen, [dues[i] for i in indices])
        other = scores(chosen, [theirs[i] for i in indices]) if theirs else None
        cells = []
        for column in columns:
            right, total = mine[column]
            cell = f"{right / total:.3f}" if total else "  -  "
            if other:
                cell += f" | {other[column][0] / total:.3f}" if total else " |   -  "
            cells.append(f"{cell} ({total})".rjust(22))
        print(f"{name:<24}" + "".join(cells))
    if args.errors:
        print()
        for row, due in zip(rows, dues, strict=True):
            if not is_right(row, due, alternatives=True):
                mark = "~" if row["ambiguous"] else " "
                print(
                    f"{mark}{row['id']} {row['pattern']:<18} {row['phrase']!r:<36}"
                    f" {row['due']} → {due}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
