"""What any member can ask: open tasks, their own, decisions, what got done, help, an export."""

from __future__ import annotations

from datetime import timedelta

from handlers import export as exports
from handlers.formatting import decision_line, format_moment
from handlers.guide import help_text
from handlers.messages import Attachment
from handlers.turn import Turn
from storage import decisions, tasks

RECENTLY_DONE_DAYS = 7


def list_open(turn: Turn) -> None:
    open_now = tasks.open_tasks(turn.session, turn.circle.id)
    if not open_now:
        turn.say(turn.phrase("list.none_open"))
        return
    turn.say("\n".join([turn.phrase("list.open"), *(turn.line(task) for task in open_now)]))


def list_mine(turn: Turn) -> None:
    mine = tasks.tasks_of(turn.session, turn.circle.id, turn.member.id)
    if not mine:
        turn.say(turn.phrase("list.none_mine", name=turn.member.display_name))
        return
    lines = [turn.line(task, with_holders=False) for task in mine]
    turn.say("\n".join([turn.phrase("list.mine", name=turn.member.display_name), *lines]))


def list_decisions(turn: Turn) -> None:
    settled = decisions.decisions(turn.session, turn.circle.id)
    if not settled:
        turn.say(turn.phrase("list.none_decisions"))
        return
    lines = [decision_line(d, turn.circle.zone, turn.circle.languages) for d in settled]
    turn.say("\n".join([turn.phrase("list.decisions"), *lines]))


def list_done(turn: Turn) -> None:
    since = turn.now - timedelta(days=RECENTLY_DONE_DAYS)
    finished = tasks.recently_done(turn.session, turn.circle.id, since)
    if not finished:
        turn.say(turn.phrase("list.none_done", days=RECENTLY_DONE_DAYS))
        return
    zone, languages = turn.circle.zone, turn.circle.languages
    lines = [
        f"✅ #{task.number} {task.title} — {task.done_by}, "
        f"{format_moment(task.done_at, zone, languages)}"
        for task in finished
        if task.done_at is not None
    ]
    turn.say("\n".join([turn.phrase("list.done", days=RECENTLY_DONE_DAYS), *lines]))


def show_help(turn: Turn) -> None:
    turn.say(help_text(turn.circle.languages))


def export(turn: Turn, form: str) -> None:
    """``/export`` posts Markdown; ``/export json`` and ``/export ics`` attach a file."""
    snapshot = tasks.all_tasks(turn.session, turn.circle.id)
    settled = decisions.decisions(turn.session, turn.circle.id)
    form = form.strip().lower() or "md"
    if form in ("md", "markdown"):
        turn.say(exports.as_markdown(turn.circle, snapshot, settled))
    elif form == "json":
        content = exports.as_json(turn.circle, snapshot, settled)
        turn.say(
            turn.phrase("export.json"),
            attachment=Attachment("carecircle.json", "application/json", content),
        )
    elif form in ("ics", "ical", "calendar"):
        content = exports.as_ical(turn.circle, snapshot, turn.now)
        turn.say(
            turn.phrase("export.ics"),
            attachment=Attachment("carecircle.ics", "text/calendar", content),
        )
    else:
        turn.say(turn.phrase("export.usage"))
