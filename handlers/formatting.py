"""How tasks, decisions and dates read in the chat: short lines a tired phone reader can scan."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.phrasebook import MONTHS, RECURRENCE_WORDS, WEEKDAYS
from handlers.phrases import language_index, phrase
from storage.records import DecisionRecord, TaskRecord

RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ENGLISH = ("en",)


def format_day(day: date, languages: tuple[str, ...] = ENGLISH) -> str:
    """``Fri 21 Nov`` in English, ``vie 21 nov`` in Spanish."""
    index = language_index(languages)
    return f"{WEEKDAYS[index][day.weekday()]} {day.day} {MONTHS[index][day.month - 1]}"


def format_moment(moment: datetime, zone: ZoneInfo, languages: tuple[str, ...] = ENGLISH) -> str:
    local = moment.astimezone(zone)
    return f"{format_day(local.date(), languages)} {local:%H:%M}"


def format_due(
    task: TaskRecord, zone: ZoneInfo, languages: tuple[str, ...] = ENGLISH
) -> str | None:
    if task.due_at is not None:
        return format_moment(task.due_at, zone, languages)
    if task.due_on is not None:
        return format_day(task.due_on, languages)
    return None


def format_recurrence(rule: str, languages: tuple[str, ...] = ENGLISH) -> str:
    """A readable gloss of the RRULE subset we produce: "every Tue", "every 2 days"."""
    index = language_index(languages)
    every, every_other, weekdays, daily, every_n_days, times, until_day = RECURRENCE_WORDS[index]
    parts = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    interval = int(parts.get("INTERVAL", "1"))
    codes = [code for code in parts.get("BYDAY", "").split(",") if code in RRULE_DAYS]
    days = "/".join(WEEKDAYS[index][RRULE_DAYS.index(code)] for code in codes)
    if codes == ["MO", "TU", "WE", "TH", "FR"] and interval == 1:
        text = weekdays
    elif codes:
        text = (every_other if interval == 2 else every).format(days=days)
    elif parts.get("FREQ") == "DAILY":
        text = daily if interval == 1 else every_n_days.format(n=interval)
    else:
        text = every.format(days="…")
    if "COUNT" in parts:
        text += times.format(n=parts["COUNT"])
    if "UNTIL" in parts:
        until = parts["UNTIL"][:8]
        day = date(int(until[:4]), int(until[4:6]), int(until[6:8]))
        text += until_day.format(day=format_day(day, languages))
    return text


def task_line(
    task: TaskRecord,
    zone: ZoneInfo,
    *,
    with_holders: bool = True,
    languages: tuple[str, ...] = ENGLISH,
) -> str:
    """``#12 Pick up Mum's prescription — Fri 21 Nov 15:00 · every Tue · ✋ Bob``."""
    due = format_due(task, zone, languages)
    details = [due] if due else []
    if task.recurrence:
        details.append(format_recurrence(task.recurrence, languages))
    if with_holders:
        details.append(holders_text(task, languages))
    line = f"#{task.number} {task.title}" + (" — " + " · ".join(details) if details else "")
    return ("🚨 " if task.is_urgent and task.is_open else "") + line


def holders_text(task: TaskRecord, languages: tuple[str, ...] = ENGLISH) -> str:
    if not task.claimers:
        return phrase("holders.nobody", languages)
    return "✋ " + ", ".join(member.display_name for member in task.claimers)


def decision_line(
    decision: DecisionRecord, zone: ZoneInfo, languages: tuple[str, ...] = ENGLISH
) -> str:
    day = format_day(decision.decided_at.astimezone(zone).date(), languages)
    return f"#{decision.number} {decision.text} ({decision.decided_by}, {day})"
