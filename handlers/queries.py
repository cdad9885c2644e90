"""What any member can ask: open tasks, their own, decisions, what got done, help, an export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TypeVar

from handlers import export as exports
from handlers.commands import read_number
from handlers.formatting import (
    MESSAGE_MAX_UNITS,
    decision_line,
    event_units,
    format_moment,
    page_spans,
    shorten,
    units,
    usefulness,
)
from handlers.guide import help_text
from handlers.messages import Attachment
from handlers.turn import Turn
from storage import circles, contacts, decisions, tasks
from storage.records import TaskRecord

RECENTLY_DONE_DAYS = 7
# A decision is shown whole (cut, it could say something else), so /decisions may take a few
# Telegram messages, cut at line breaks by the adapter; it still is one Matrix event.
DECISIONS_MAX_UNITS = 3 * MESSAGE_MAX_UNITS
# Other names members use for a form of /export; the bare command posts Markdown.
_EXPORT_ALIASES = {"": "md", "markdown": "md", "ical": "ics", "calendar": "ics"}


T = TypeVar("T")


def list_open(turn: Turn, argument: str = "") -> None:
    """``/tasks``: the most pressing open tasks that fit one message, in number order;
    ``/tasks 2`` the next ones."""
    page = _page(argument)
    open_now = tasks.open_tasks(turn.session, turn.circle.id)
    if not open_now:
        turn.say(turn.phrase("list.none_open"))
        return
    ranked = _ranked(turn, open_now)
    lines = [shorten(turn.line(task)) for task in ranked]
    _say_page(turn, turn.phrase("list.open"), ranked, lines, page, "/tasks")


def list_mine(turn: Turn, argument: str = "") -> None:
    page = _page(argument)
    mine = tasks.tasks_of(turn.session, turn.circle.id, turn.member.id)
    if not mine:
        turn.say(turn.phrase("list.none_mine", name=turn.member.display_name))
        return
    ranked = _ranked(turn, mine)
    lines = [shorten(turn.line(task, with_holders=False)) for task in ranked]
    head = turn.phrase("list.mine", name=shorten(turn.member.display_name, 64))
    _say_page(turn, head, ranked, lines, page, "/mine")


def list_decisions(turn: Turn, argument: str = "") -> None:
    """``/decisions``: the latest decisions that fit one message, oldest of them first."""
    page = _page(argument)
    settled = decisions.decisions(turn.session, turn.circle.id)
    if not settled:
        turn.say(turn.phrase("list.none_decisions"))
        return
    newest = sorted(settled, key=lambda decision: -decision.number)
    zone, languages = turn.circle.zone, turn.circle.languages
    lines = [decision_line(decision, zone, languages) for decision in newest]
    head = turn.phrase("list.decisions")
    _say_page(turn, head, newest, lines, page, "/decisions", budget=DECISIONS_MAX_UNITS)


def _decision_units(line: str) -> int:
    return event_units(line, DECISIONS_MAX_UNITS)


def _page(argument: str) -> int:
    """The page asked for: ``/tasks 2``; the first without a number."""
    number = read_number(argument) if argument.strip() else None
    return 1 if number is None else number


def _ranked(turn: Turn, open_tasks: list[TaskRecord]) -> list[TaskRecord]:
    zone = turn.circle.zone
    return sorted(open_tasks, key=lambda task: usefulness(task, zone))


def _say_page(
    turn: Turn,
    head: str,
    ranked: Sequence[T],
    lines: Sequence[str],
    page: int,
    command: str | None,
    number_of: Callable[[T], int] = lambda item: item.number,  # type: ignore[attr-defined]
    budget: int = MESSAGE_MAX_UNITS,
) -> None:
    """One page of a list, most useful first, shown in number order, as one message: the
    head, the lines that fit, and how many more there are and how to see them."""
    last = len(lines) + 1
    widest_head = f"{head} {turn.phrase('list.page', page=last, pages=last)}"
    room = budget - units(widest_head) - 1
    more_room = units(_more(turn, len(lines), last, command)) + 1
    cost = units if budget <= MESSAGE_MAX_UNITS else _decision_units
    spans = page_spans(lines, room, more_room, cost)
    if not (1 <= page <= len(spans)):
        turn.say(turn.phrase("list.no_page", page=page, pages=len(spans)))
        return
    start, end = spans[page - 1]
    shown = sorted(range(start, end), key=lambda index: number_of(ranked[index]))
    if len(spans) > 1 and page > 1:
        head = f"{head} {turn.phrase('list.page', page=page, pages=len(spans))}"
    text = [head, *(lines[index] for index in shown)]
    if end < len(lines):
        text.append(_more(turn, len(lines) - end, page + 1, command))
    turn.say("\n".join(text))


def _more(turn: Turn, count: int, page: int, command: str | None) -> str:
    if command is None:
        return turn.phrase("list.more_export", count=count)
    return turn.phrase("list.more", count=count, command=command, page=page)


def list_done(turn: Turn) -> None:
    since = turn.now - timedelta(days=RECENTLY_DONE_DAYS)
    finished = tasks.recently_done(turn.session, turn.circle.id, since)
    if not finished:
        turn.say(turn.phrase("list.none_done", days=RECENTLY_DONE_DAYS))
        return
    zone, languages = turn.circle.zone, turn.circle.languages
    finished = [task for task in finished if task.done_at is not None]
    lines = [
        shorten(
            f"✅ #{task.number} {task.title} — {task.done_by}, "
            f"{format_moment(task.done_at, zone, languages)}"  # type: ignore[arg-type]
        )
        for task in finished
    ]
    # Latest first, as finished; "/done 2" would mark #2 done, so the rest are in /export.
    head = turn.phrase("list.done", days=RECENTLY_DONE_DAYS)
    _say_page(turn, head, finished, lines, 1, None, number_of=finished.index)


def show_help(turn: Turn) -> None:
    turn.say(help_text(turn.circle.languages))


def export(turn: Turn, form: str) -> None:
    """``/export`` posts Markdown; ``/export json``, ``ics`` and ``fhir`` attach a file.

    .. versionchanged:: 0.1.0 ``/export fhir``: an HL7 FHIR R4B Bundle (``application/fhir+json``).
    """
    circle = turn.circle
    snapshot = tasks.all_tasks(turn.session, circle.id)
    settled = decisions.decisions(turn.session, circle.id)
    kept = contacts.contacts(turn.session, circle.id)
    form = form.strip().lower()
    form = _EXPORT_ALIASES.get(form, form)
    if form == "md":
        turn.say(exports.as_markdown(circle, snapshot, settled, kept))
        return
    if form == "json":
        content = exports.as_json(circle, snapshot, settled, kept)
        file = Attachment("carecircle.json", "application/json", content)
    elif form == "ics":
        from handlers.ical import as_ical  # loaded for an export only, like FHIR below

        content = as_ical(circle, snapshot, turn.now)
        file = Attachment("carecircle.ics", "text/calendar", content)
    elif form == "fhir":
        # Its validated models take half a second and 30 MB to load: not for every bot process.
        from handlers.fhir import care_plan_bundle

        members = circles.active_members(turn.session, circle.id)
        content = care_plan_bundle(circle, members, snapshot, settled, turn.now)
        file = Attachment("carecircle-fhir.json", "application/fhir+json", content)
    else:
        turn.say(turn.phrase("export.usage"))
        return
    turn.say(turn.phrase(f"export.{form}"), attachment=file)
