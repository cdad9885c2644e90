"""Throughput and latency of the whole core on a SQLite file, beside the naive approach.

Pushes a realistic mix of care-circle chat (mostly ordinary messages, some tasks, claims,
completions and decisions, from the labelled corpus) through ``CareCircleCore.handle`` and, on
the same messages, through ``dateparser.search.search_dates`` with the circle's language — what
a bot that looks for dates in every message would pay. Prints messages per second, p50/p99
latency and peak memory for both, and the cold start of ``carecircle parse``.

Usage: python scripts/benchmark.py [--messages 20000] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.config import Settings  # noqa: E402
from bot.core import CareCircleCore  # noqa: E402
from handlers.messages import Incoming  # noqa: E402
from storage.database import Database  # noqa: E402

DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus_dev.jsonl"
# Share of ordinary chat in a family group: most messages ask nothing of the bot.
CHATTER_SHARE = 0.8


def load_mix(corpus: Path, count: int, seed: int = 7) -> list[dict]:
    """``count`` messages: corpus chatter and actions, in a family chat's proportions."""
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    chatter = [row for row in rows if row["kind"] == "none"]
    actions = [row for row in rows if row["kind"] != "none"]
    rng = random.Random(seed)
    return [rng.choice(chatter if rng.random() < CHATTER_SHARE else actions) for _ in range(count)]


def measure(label: str, messages: list[dict], act: Callable[[int, dict], object]) -> dict:
    latencies: list[float] = []
    started = time.perf_counter()
    for index, row in enumerate(messages):
        begin = time.perf_counter()
        act(index, row)
        latencies.append(time.perf_counter() - begin)
    elapsed = time.perf_counter() - started
    by_kind: dict[str, list[float]] = {}
    for row, latency in zip(messages, latencies, strict=True):
        by_kind.setdefault(row["kind"], []).append(latency)
    latencies.sort()
    result = {
        "approach": label,
        "messages": len(messages),
        "messages_per_second": round(len(messages) / elapsed),
        "p50_ms": round(statistics.median(latencies) * 1000, 3),
        "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 3),
        # The process high-water mark so far (Linux reports kilobytes).
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "p50_ms_by_kind": {
            kind: round(statistics.median(values) * 1000, 3) for kind, values in by_kind.items()
        },
    }
    print(json.dumps(result))
    return result


def run_core(messages: list[dict], database_dir: Path) -> dict:
    url = f"sqlite:///{database_dir / 'bench.db'}"
    core = CareCircleCore(Database.open(url), Settings(database_url=url))
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    circles = sorted({row["tz"] for row in messages})
    for zone in circles:  # each circle reads its own zone and language
        sample = next(row for row in messages if row["tz"] == zone)
        core.handle(_incoming(zone, "setup-tz", "alice", f"/timezone {zone}", start), start)
        core.handle(
            _incoming(zone, "setup-lang", "alice", f"/language {sample['lang']}", start), start
        )

    def act(index: int, row: dict) -> object:
        moment = start + timedelta(seconds=index)
        sender = ("alice", "bob", "carol", "dan")[index % 4]
        return core.handle(_incoming(row["tz"], str(index), sender, row["text"], moment), moment)

    return measure("carecircle core (SQLite file)", messages, act)


def _incoming(chat: str, message_id: str, sender: str, text: str, moment: datetime) -> Incoming:
    return Incoming("bench", chat, message_id, sender, sender.title(), moment, text=text)


def run_naive(messages: list[dict]) -> dict:
    from dateparser.search import search_dates

    def act(_index: int, row: dict) -> object:
        return search_dates(row["text"], languages=[row["lang"]])

    return measure("naive: dateparser.search_dates on every message", messages, act)


def cold_parse_seconds(repeats: int = 3) -> float:
    command = [
        sys.executable,
        "-m",
        "bot.cli",
        "parse",
        "can someone drive Dad Tue 9am?",
        "--now",
        "2026-11-20T10:00",
        "--tz",
        "Europe/London",
    ]
    timings = []
    for _ in range(repeats):
        begin = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=REPO)
        timings.append(time.perf_counter() - begin)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument(
        "--naive-messages",
        type=int,
        default=2_000,
        help="the naive approach is slow; it runs on the first N of the same mix",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    messages = load_mix(args.corpus, args.messages)
    with tempfile.TemporaryDirectory() as folder:
        ours = run_core(messages, Path(folder))
    naive = run_naive(messages[: args.naive_messages])
    print(
        json.dumps(
            {
                "speedup_vs_naive": round(
                    ours["messages_per_second"] / naive["messages_per_second"], 1
                ),
                "cold_parse_seconds": round(cold_parse_seconds(), 3),
            }
        )
    )


if __name__ == "__main__":
    main()
