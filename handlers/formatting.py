"""How tasks, decisions and dates read in the chat: short lines a tired phone reader can scan."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from storage.records import DecisionRecord, TaskRecord

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
RRULE_DAYS = {
    "MO": "Mon",
    "TU": "Tue",
    "WE": "Wed",
    "TH": "Thu",
    "FR": "Fri",
    "SA": "Sat",
    "SU": "Sun",
}


def format_day(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"


def format_moment(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{format_day(local.date())} {local:%H:%M}"


def format_due(task: TaskRecord, zone: ZoneInfo) -> str | None:
    if task.due_at is not None:
        return format_moment(task.due_at, zone)
    if task.due_on is not None:
        return format_day(task.due_on)
    return None


def format_recurrence(rule: str) -> str:
    """A readable gloss of the RRULE subset we produce: "every Tue", "every 2 days"."""
    parts = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    interval = int(parts.get("INTERVAL", "1"))
    days = [RRULE_DAYS.get(code, code) for code in parts.get("BYDAY", "").split(",") if code]
    if days == ["Mon", "Tue", "Wed", "Thu", "Fri"]:
        text = "every weekday"
    elif days:
        text = ("every other " if interval == 2 else "every ") + "/".join(days)
    elif parts.get("FREQ") == "DAILY":
        text = "daily" if interval == 1 else f"every {interval} days"
    else:
        text = "repeats"
    if "COUNT" in parts:
        text += f", {parts['COUNT']} times"
    if "UNTIL" in parts:
        until = parts["UNTIL"][:8]
        text += f" until {format_day(date(int(until[:4]), int(until[4:6]), int(until[6:8])))}"
    return text


def task_line(task: TaskRecord, zone: ZoneInfo, *, with_holders: bool = True) -> str:
    """``#12 Pick up Mum's prescription — Fri 21 Nov 15:00 · every Tue · ✋ Bob``."""
    pieces = [f"#{task.number} {task.title}"]
    due = format_due(task, zone)
    details = [due] if due else []
    if task.recurrence:
        details.append(format_recurrence(task.recurrence))
    if with_holders:
        details.append(holders_text(task))
    line = pieces[0] + (" — " + " · ".join(details) if details else "")
    return ("🚨 " if task.is_urgent and task.is_open else "") + line


def holders_text(task: TaskRecord) -> str:
    if not task.claimers:
        return "nobody yet"
    return "✋ " + ", ".join(member.display_name for member in task.claimers)


def decision_line(decision: DecisionRecord, zone: ZoneInfo) -> str:
    who = f" ({decision.decided_by}, {format_day(decision.decided_at.astimezone(zone).date())})"
    return f"#{decision.number} {decision.text}{who}"
