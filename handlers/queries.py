"""What any member can ask: open tasks, their own, decisions, what got done, help, an export."""

from __future__ import annotations

from datetime import timedelta

from bot.messages import Attachment
from handlers import export as exports
from handlers.formatting import decision_line, format_moment, task_line
from handlers.turn import Turn
from storage import decisions, tasks

RECENTLY_DONE_DAYS = 7

HELP_TEXT = """\
I keep this circle's tasks and decisions. Just talk as usual:
• "can someone pick up Mum's prescription Friday 3pm?" → a task
• "I'll take it" (reply to it), "#4 me", ✋ → you have it; "can't make it after all" → hand back
• "done", "#4 done", ✅ → done · "we decided …", "decision: …" → a decision
• reply "not a task" to remove a false one · "undo" reverts your last change
Lists: /tasks /mine /decisions /done · /export
Settings anyone can change: /timezone Europe/London · /language en es · /quiet 21:00-08:00 \
· /digest 08:30 or off · /mute /unmute · /snooze N tomorrow · /role GP"""


def list_open(turn: Turn) -> None:
    open_now = tasks.open_tasks(turn.session, turn.circle.id)
    if not open_now:
        turn.say("No open tasks. 🌿")
        return
    lines = [task_line(task, turn.circle.zone) for task in open_now]
    turn.say("Open tasks:\n" + "\n".join(lines))


def list_mine(turn: Turn) -> None:
    mine = tasks.tasks_of(turn.session, turn.circle.id, turn.member.id)
    if not mine:
        turn.say(f"{turn.member.display_name}, you hold no open tasks.")
        return
    lines = [task_line(task, turn.circle.zone, with_holders=False) for task in mine]
    turn.say(f"{turn.member.display_name}'s tasks:\n" + "\n".join(lines))


def list_decisions(turn: Turn) -> None:
    settled = decisions.decisions(turn.session, turn.circle.id)
    if not settled:
        turn.say('No decisions yet. Record one with "decision: …"')
        return
    turn.say("Decisions:\n" + "\n".join(decision_line(d, turn.circle.zone) for d in settled))


def list_done(turn: Turn) -> None:
    since = turn.now - timedelta(days=RECENTLY_DONE_DAYS)
    finished = tasks.recently_done(turn.session, turn.circle.id, since)
    if not finished:
        turn.say(f"Nothing finished in the last {RECENTLY_DONE_DAYS} days.")
        return
    zone = turn.circle.zone
    lines = [
        f"✅ #{task.number} {task.title} — {task.done_by}, {format_moment(task.done_at, zone)}"
        for task in finished
        if task.done_at is not None
    ]
    turn.say(f"Done in the last {RECENTLY_DONE_DAYS} days:\n" + "\n".join(lines))


def show_help(turn: Turn) -> None:
    turn.say(HELP_TEXT)


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
            "📎 The circle's tasks and decisions as JSON",
            attachment=Attachment("carecircle.json", "application/json", content),
        )
    elif form in ("ics", "ical", "calendar"):
        content = exports.as_ical(turn.circle, snapshot, turn.now)
        turn.say(
            "📎 The circle's tasks as a calendar file",
            attachment=Attachment("carecircle.ics", "text/calendar", content),
        )
    else:
        turn.say("Export as /export (Markdown), /export json or /export ics")
