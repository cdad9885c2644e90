"""The ``carecircle`` command line: console, demo, parse, run.

Imports are made inside each command so ``carecircle parse`` starts without loading the
database, the network stacks or the scheduler.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:  # `carecircle demo | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter quiet at exit
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="carecircle", description="A care circle's shared memory, in its own group chat."
    )
    commands = parser.add_subparsers(dest="command")

    console = commands.add_parser("console", help="chat with the bot in the terminal")
    console.add_argument("--database", help="SQLAlchemy URL (default: the configured one)")
    console.set_defaults(run=_console)

    demo = commands.add_parser("demo", help="play a scripted few days of a circle")
    demo.set_defaults(run=_demo)

    parse = commands.add_parser("parse", help="print how a message is understood, as JSON")
    parse.add_argument("text", nargs="?", help="the message (omit with --batch)")
    parse.add_argument("--now", help="local send time, e.g. 2026-11-20T10:00 (default: now)")
    parse.add_argument("--tz", default="UTC", help="IANA time zone of the circle")
    parse.add_argument("--lang", default="en", help="language code(s), comma-separated")
    parse.add_argument("--batch", action="store_true", help="read JSON lines from stdin")
    parse.set_defaults(run=_parse)

    run = commands.add_parser("run", help="run every configured transport")
    run.set_defaults(run=_run)
    return parser


def _console(args: argparse.Namespace) -> int:
    from bot.console import run_console
    from bot.core import open_core

    run_console(open_core(args.database))
    return 0


def _demo(_args: argparse.Namespace) -> int:
    from bot.config import load_settings
    from bot.core import open_core
    from bot.demo import run_demo

    run_demo(open_core("sqlite:///:memory:", load_settings()))
    return 0


def _parse(args: argparse.Namespace) -> int:
    from handlers.understanding import due_as_text, understand

    def understood(text: str, now_text: str | None, zone_name: str, lang: str) -> dict:
        zone = ZoneInfo(zone_name)
        now = (
            datetime.fromisoformat(now_text).replace(tzinfo=zone)
            if now_text
            else datetime.now(zone)
        )
        intent = understand(text, now, [code.strip() for code in lang.split(",") if code.strip()])
        return {
            "kind": intent.kind.value,
            "title": intent.title,
            "due": due_as_text(intent.due),
            "recurrence": intent.recurrence,
            "urgent": intent.is_urgent,
            "ref": intent.ref,
        }

    if not args.batch:
        if args.text is None:
            print("carecircle parse: give the message, or --batch", file=sys.stderr)
            return 2
        print(json.dumps(understood(args.text, args.now, args.tz, args.lang), ensure_ascii=False))
        return 0
    for line in sys.stdin:
        if not line.strip():
            continue
        row = json.loads(line)
        result = understood(
            row.get("text", ""), row.get("now"), row.get("tz", args.tz), row.get("lang", args.lang)
        )
        if "id" in row:
            result = {"id": row["id"], **result}
        print(json.dumps(result, ensure_ascii=False), flush=False)
    return 0


def _run(_args: argparse.Namespace) -> int:
    from bot.config import load_settings
    from bot.run import run_bot

    settings = load_settings()
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return run_bot(settings)


if __name__ == "__main__":
    sys.exit(main())
