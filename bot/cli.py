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
from pathlib import Path
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
    console.add_argument(
        "--database",
        help="a SQLite file path or an SQLAlchemy URL (default: ~/.carecircle/carecircle.db, "
        "or CARECIRCLE_DATABASE_URL)",
    )
    console.add_argument(
        "--now", help="start the console's clock here, e.g. 2026-12-01T09:00 (circle's time)"
    )
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
    from bot.config import load_settings

    settings = load_settings()
    url = database_url(args.database, settings.database_url)
    starting_at = None
    if args.now:
        try:
            starting_at = datetime.fromisoformat(args.now)
        except ValueError:
            print(
                f"carecircle console: --now {args.now!r} is no time, like 2026-12-01T09:00",
                file=sys.stderr,
            )
            return 2
    core = _open_core(url, settings)
    if core is None:
        return 2
    print(f"Your circle is kept in {describe_database(url)}")
    print("  (to start again, delete it, or pass --database another.db)")
    from bot.console import run_console

    run_console(core, starting_at=starting_at)
    return 0


def database_url(given: str | None, configured: str) -> str:
    """``--database`` as an SQLAlchemy URL: a URL stays one, anything else is a SQLite file."""
    if not given:
        return configured
    if "://" in given:
        return given
    return f"sqlite:///{Path(given).expanduser().resolve()}"


def describe_database(url: str) -> str:
    """The SQLite file's path, or the URL without its password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return str(Path(parsed.database).expanduser().resolve())
    return parsed.render_as_string(hide_password=True)


def _open_core(url: str, settings):  # type: ignore[no-untyped-def]
    """The core on ``url``, or None after one line on stderr saying why it could not open."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

    from bot.core import open_core
    from storage.errors import StorageUnavailable

    try:
        return open_core(url, settings)
    except (ArgumentError, NoSuchModuleError):
        reason = "not a file path or an SQLAlchemy URL (like postgresql+psycopg://user@host/db)"
    except StorageUnavailable as error:
        cause = error.__cause__ or error
        reason = str(getattr(cause, "orig", None) or cause).strip().splitlines()[0]
    except (SQLAlchemyError, OSError, ImportError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    print(f"carecircle console: cannot open {describe_database(url)}: {reason}", file=sys.stderr)
    return None


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
