"""The circle's tasks as an iCalendar file of to-dos, importable into any calendar app.

Imported only when a member asks for it (``handlers.queries``): the ``icalendar`` package is
several megabytes a bot process need not hold otherwise.
"""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar, Todo, vRecur, vText

from handlers.formatting import taken_by
from storage.kinds import TaskStatus
from storage.records import CircleRecord, TaskRecord

_ICAL_STATUS = {
    TaskStatus.DONE: "COMPLETED",
    TaskStatus.MISSED: "CANCELLED",
    TaskStatus.CANCELLED: "CANCELLED",
}


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
