"""What any member can ask: open tasks, their own, decisions, what got done, help, an export.

Answered from what the snapshot holds (``bot.acting`` loads it): nothing here reads or writes
the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
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
from handlers.plan import PLAN_SHOWS, show_plan
from handlers.turn import Answering, Decision, Reply
from storage.records import Shown, ShownSnapshot, TaskRecord

RECENTLY_DONE_DAYS = 7
# A decision is shown whole (cut, it could say something else), so /decisions may take a few
# Telegram messages, cut at line breaks by the adapter; it still is one Matrix event.
DECISIONS_MAX_UNITS = 3 * MESSAGE_MAX_UNITS
# Other names members use for a form of /export; the bare command posts Markdown.
_EXPORT_ALIASES = {"": "md", "markdown": "md", "ical": "ics", "calendar": "ics"}


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Query:
    """What a member asked to see: ``name`` is the command ("tasks", "mine", "decisions",
    "done", "help", "export"), ``argument`` what follows it (a page, an export's form)."""

    name: str
    argument: str = ""

    @property
    def wanted(self) -> frozenset[Shown]:
        """What the answer is made from."""
        return _SHOWN[self.name]

    def done_since(self, now: datetime) -> datetime:
        return now - timedelta(days=RECENTLY_DONE_DAYS)


def answer(scene: Answering, shown: ShownSnapshot, act: Query) -> Decision:
    """The answer to ``act``, from what ``shown`` holds."""
    return Decision(replies=(_ANSWERS[act.name](scene, shown, act.argument),))


def list_open(scene: Answering, shown: ShownSnapshot, argument: str) -> Reply:
    """``/tasks``: the most pressing open tasks that fit one message, in number order;
    ``/tasks 2`` the next ones."""
    if not shown.open_tasks:
        return scene.reply(scene.phrase("list.none_open"))
    ranked = _ranked(scene, shown.open_tasks)
    lines = [shorten(scene.line(task)) for task in ranked]
    return _page_of(scene, scene.phrase("list.open"), ranked, lines, _page(argument), "/tasks")


def list_mine(scene: Answering, shown: ShownSnapshot, argument: str) -> Reply:
    if not shown.mine:
        return scene.reply(scene.phrase("list.none_mine", name=scene.member.display_name))
    ranked = _ranked(scene, shown.mine)
    lines = [shorten(scene.line(task, with_holders=False)) for task in ranked]
    head = scene.phrase("list.mine", name=shorten(scene.member.display_name, 64))
    return _page_of(scene, head, ranked, lines, _page(argument), "/mine")


def list_decisions(scene: Answering, shown: ShownSnapshot, argument: str) -> Reply:
    """``/decisions``: the latest decisions that fit one message, oldest of them first."""
    if not shown.decisions:
        return scene.reply(scene.phrase("list.none_decisions"))
    newest = sorted(shown.decisions, key=lambda decision: -decision.number)
    zone, languages = scene.circle.zone, scene.circle.languages
    lines = [decision_line(decision, zone, languages) for decision in newest]
    head = scene.phrase("list.decisions")
    page = _page(argument)
    return _page_of(scene, head, newest, lines, page, "/decisions", budget=DECISIONS_MAX_UNITS)


def _decision_units(line: str) -> int:
    return event_units(line, DECISIONS_MAX_UNITS)


def _page(argument: str) -> int:
    """The page asked for: ``/tasks 2``; the first without a number."""
    number = read_number(argument) if argument.strip() else None
    return 1 if number is None else number


def _ranked(scene: Answering, open_tasks: Sequence[TaskRecord]) -> list[TaskRecord]:
    zone = scene.circle.zone
    return sorted(open_tasks, key=lambda task: usefulness(task, zone))


def _page_of(
    scene: Answering,
    head: str,
    ranked: Sequence[T],
    lines: Sequence[str],
    page: int,
    command: str | None,
    number_of: Callable[[T], int] = lambda item: item.number,  # type: ignore[attr-defined]
    budget: int = MESSAGE_MAX_UNITS,
) -> Reply:
    """One page of a list, most useful first, shown in number order, as one message: the
    head, the lines that fit, and how many more there are and how to see them."""
    last = len(lines) + 1
    widest_head = f"{head} {scene.phrase('list.page', page=last, pages=last)}"
    room = budget - units(widest_head) - 1
    more_room = units(_more(scene, len(lines), last, command)) + 1
    cost = units if budget <= MESSAGE_MAX_UNITS else _decision_units
    spans = page_spans(lines, room, more_room, cost)
    if not (1 <= page <= len(spans)):
        return scene.reply(scene.phrase("list.no_page", page=page, pages=len(spans)))
    start, end = spans[page - 1]
    shown = sorted(range(start, end), key=lambda index: number_of(ranked[index]))
    if len(spans) > 1 and page > 1:
        head = f"{head} {scene.phrase('list.page', page=page, pages=len(spans))}"
    text = [head, *(lines[index] for index in shown)]
    if end < len(lines):
        text.append(_more(scene, len(lines) - end, page + 1, command))
    return scene.reply("\n".join(text))


def _more(scene: Answering, count: int, page: int, command: str | None) -> str:
    if command is None:
        return scene.phrase("list.more_export", count=count)
    return scene.phrase("list.more", count=count, command=command, page=page)


def list_done(scene: Answering, shown: ShownSnapshot, _argument: str) -> Reply:
    if not shown.done:
        return scene.reply(scene.phrase("list.none_done", days=RECENTLY_DONE_DAYS))
    zone, languages = scene.circle.zone, scene.circle.languages
    finished = [task for task in shown.done if task.done_at is not None]
    lines = [
        shorten(
            f"✅ #{task.number} {task.title} — {task.done_by}, "
            f"{format_moment(task.done_at, zone, languages)}"  # type: ignore[arg-type]
        )
        for task in finished
    ]
    # Latest first, as finished; "/done 2" would mark #2 done, so the rest are in /export.
    head = scene.phrase("list.done", days=RECENTLY_DONE_DAYS)
    return _page_of(scene, head, finished, lines, 1, None, number_of=finished.index)


def show_help(scene: Answering, _shown: ShownSnapshot, _argument: str) -> Reply:
    return scene.reply(help_text(scene.circle.languages))


def export(scene: Answering, shown: ShownSnapshot, form: str) -> Reply:
    """``/export`` posts Markdown; ``/export json``, ``ics`` and ``fhir`` attach a file.

    .. versionchanged:: 0.1.0 ``/export fhir``: an HL7 FHIR R4B Bundle (``application/fhir+json``).
    """
    circle = scene.circle
    snapshot, settled, kept = list(shown.all_tasks), list(shown.decisions), list(shown.contacts)
    form = export_form(form)
    if form == "md":
        return scene.reply(exports.as_markdown(circle, snapshot, settled, kept))
    if form == "json":
        content = exports.as_json(circle, snapshot, settled, kept)
        file = Attachment("carecircle.json", "application/json", content)
    elif form == "ics":
        from handlers.ical import as_ical  # loaded for an export only, like FHIR below

        content = as_ical(circle, snapshot, scene.now)
        file = Attachment("carecircle.ics", "text/calendar", content)
    elif form == "fhir":
        # Its validated models take half a second and 30 MB to load: not for every bot process.
        from handlers.fhir import care_plan_bundle

        members = list(shown.members)
        content = care_plan_bundle(circle, members, snapshot, settled, scene.now)
        file = Attachment("carecircle-fhir.json", "application/fhir+json", content)
    else:
        return scene.reply(scene.phrase("export.usage"))
    return scene.reply(scene.phrase(f"export.{form}"), attachment=file)


def export_form(said: str) -> str:
    """The export's form as named ("" and "markdown" are "md", "calendar" is "ics")."""
    form = said.strip().lower()
    return _EXPORT_ALIASES.get(form, form)


_EVERYTHING = frozenset({Shown.ALL_TASKS, Shown.DECISIONS, Shown.CONTACTS, Shown.MEMBERS})
_SHOWN: dict[str, frozenset[Shown]] = {
    "tasks": frozenset({Shown.OPEN}),
    "mine": frozenset({Shown.MINE}),
    "decisions": frozenset({Shown.DECISIONS}),
    "done": frozenset({Shown.DONE}),
    "help": frozenset(),
    "start": frozenset(),
    "export": _EVERYTHING,
    "plan": PLAN_SHOWS,
}
_ANSWERS: dict[str, Callable[[Answering, ShownSnapshot, str], Reply]] = {
    "tasks": list_open,
    "mine": list_mine,
    "decisions": list_decisions,
    "done": list_done,
    "help": show_help,
    "start": show_help,
    "export": export,
    "plan": show_plan,
}
QUERY_COMMANDS = frozenset(_ANSWERS)
