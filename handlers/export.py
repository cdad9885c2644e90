"""Everything a circle holds, in the forms members take elsewhere: Markdown, JSON, iCalendar."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from icalendar import Calendar, Todo, vRecur, vText

from handlers.formatting import contact_line, decision_line, taken_by, task_line
from handlers.phrases import phrase
from storage.kinds import TaskStatus
from storage.records import CircleRecord, ContactRecord, DecisionRecord, TaskRecord

_ICAL_STATUS = {"done": "COMPLETED", "missed": "CANCELLED", "cancelled": "CANCELLED"}


def as_markdown(
    circle: CircleRecord,
    tasks: list[TaskRecord],
    decisions: list[DecisionRecord],
    contacts: list[ContactRecord],
) -> str:
    """Headings, dates and words in the circle's language."""
    zone, languages = circle.zone, circle.languages

    def said(key: str) -> str:
        return phrase(f"export.{key}", languages)

    open_now = [task for task in tasks if task.is_open]
    finished = [task for task in tasks if task.status == TaskStatus.DONE]
    none = [f"- {said('none')}"]
    lines = [f"# {circle.name or said('circle')}", "", f"## {said('open')}"]
    lines += [f"- {task_line(task, zone, languages=languages)}" for task in open_now] or none
    lines += ["", f"## {said('done')}"]
    lines += [f"- #{task.number} {task.title} — {task.done_by}" for task in finished] or none
    closed = [task for task in tasks if task.status in (TaskStatus.MISSED, TaskStatus.CANCELLED)]
    if closed:
        lines += ["", f"## {said('closed')}"]
        lines += [f"- #{t.number} {t.title} — {said(t.status)}" for t in closed]
    lines += ["", f"## {said('decisions')}"]
    lines += [f"- {decision_line(d, zone, languages)}" for d in decisions] or none
    if contacts:
        lines += ["", f"## {said('contacts')}"]
        lines += [f"- {contact_line(contact, languages)}" for contact in contacts]
    return "\n".join(lines) + "\n"


def as_json(
    circle: CircleRecord,
    tasks: list[TaskRecord],
    decisions: list[DecisionRecord],
    contacts: list[ContactRecord],
) -> str:
    def moment(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    document = {
        "circle": {
            "name": circle.name,
            "timezone": circle.timezone,
            "languages": list(circle.languages),
        },
        "tasks": [
            {
                "number": task.number,
                "title": task.title,
                "status": task.status,
                "due_at": moment(task.due_at),
                "due_on": task.due_on.isoformat() if task.due_on else None,
                "recurrence": task.recurrence,
                "urgent": task.is_urgent,
                "claimed_by": [member.display_name for member in task.claimers],
                "done_by": task.done_by,
                "done_at": moment(task.done_at),
                "created_at": moment(task.created_at),
            }
            for task in tasks
        ],
        "decisions": [
            {
                "number": d.number,
                "text": d.text,
                "decided_by": d.decided_by,
                "decided_at": moment(d.decided_at),
            }
            for d in decisions
        ],
        "contacts": [
            {
                "role": contact.role,
                "name": contact.name,
                "phone": contact.phone,
                "said_by": contact.said_by,
                "updated_at": moment(contact.updated_at),
            }
            for contact in contacts
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_ical(circle: CircleRecord, tasks: list[TaskRecord], now: datetime) -> str:
    """An iCalendar file of the circle's tasks as to-dos, importable into any calendar app.

    The ``icalendar`` package escapes the members' words and folds long lines.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//carecircle//EN")
    calendar.add("version", "2.0")
    # Typed as text by hand: the library leaves X- properties unescaped.
    calendar.add("x-wr-calname", vText(circle.name or "carecircle"))
    for task in tasks:
        calendar.add_component(_todo(circle, task, now))
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def _todo(circle: CircleRecord, task: TaskRecord, now: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", f"task-{circle.id}-{task.number}@carecircle")
    todo.add("dtstamp", now.astimezone(UTC))
    todo.add("summary", f"#{task.number} {task.title}")
    # On the circle's wall clock, as the bot counts a series, so "every Tuesday 9:00" stays 9:00
    # across daylight-saving changes in the calendar too.
    due = task.due_at.astimezone(circle.zone) if task.due_at else task.due_on
    if due is not None:
        todo.add("due", due)
        if task.recurrence:
            # A series counts from DTSTART (RFC 5545); calendar apps differ without one.
            todo.add("dtstart", due)
            todo.add("rrule", vRecur.from_ical(task.recurrence))
    todo.add("status", _ICAL_STATUS.get(task.status, "NEEDS-ACTION"))
    if task.status == TaskStatus.DONE and task.done_at:
        todo.add("completed", task.done_at.astimezone(UTC))
    if task.is_urgent:
        todo.add("priority", 1)
    if task.claimers:
        todo.add("description", taken_by(task, circle.languages))
    return todo
