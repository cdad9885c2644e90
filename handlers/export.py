"""Everything a circle holds, in the forms members take elsewhere: Markdown, JSON, iCalendar."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from handlers.formatting import decision_line, task_line
from handlers.phrases import phrase
from storage.records import CircleRecord, DecisionRecord, TaskRecord

ICAL_LINE_OCTETS = 75


def as_markdown(
    circle: CircleRecord, tasks: list[TaskRecord], decisions: list[DecisionRecord]
) -> str:
    """Headings, dates and words in the circle's language."""
    zone, languages = circle.zone, circle.languages

    def said(key: str) -> str:
        return phrase(f"export.{key}", languages)

    open_now = [task for task in tasks if task.is_open]
    finished = [task for task in tasks if task.status == "done"]
    none = [f"- {said('none')}"]
    lines = [f"# {circle.name or said('circle')}", "", f"## {said('open')}"]
    lines += [f"- {task_line(task, zone, languages=languages)}" for task in open_now] or none
    lines += ["", f"## {said('done')}"]
    lines += [f"- #{task.number} {task.title} — {task.done_by}" for task in finished] or none
    closed = [task for task in tasks if task.status in ("missed", "cancelled")]
    if closed:
        lines += ["", f"## {said('closed')}"]
        lines += [f"- #{t.number} {t.title} — {said(t.status)}" for t in closed]
    lines += ["", f"## {said('decisions')}"]
    lines += [f"- {decision_line(d, zone, languages)}" for d in decisions] or none
    return "\n".join(lines) + "\n"


def as_json(circle: CircleRecord, tasks: list[TaskRecord], decisions: list[DecisionRecord]) -> str:
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
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_ical(circle: CircleRecord, tasks: list[TaskRecord], now: datetime) -> str:
    """An iCalendar file of the circle's tasks as to-dos, importable into any calendar app."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//carecircle//EN",
        f"X-WR-CALNAME:{_ical_text(circle.name or 'carecircle')}",
    ]
    for task in tasks:
        lines += [
            "BEGIN:VTODO",
            f"UID:task-{circle.id}-{task.number}@carecircle",
            f"DTSTAMP:{stamp}",
            f"SUMMARY:{_ical_text(f'#{task.number} {task.title}')}",
        ]
        if task.due_at is not None:
            lines.append(f"DUE:{task.due_at.astimezone(UTC):%Y%m%dT%H%M%SZ}")
        elif task.due_on is not None:
            lines.append(f"DUE;VALUE=DATE:{task.due_on:%Y%m%d}")
        if task.recurrence and (task.due_at or task.due_on):
            lines.append(f"RRULE:{task.recurrence}")
        if task.status == "done":
            lines.append("STATUS:COMPLETED")
            if task.done_at:
                lines.append(f"COMPLETED:{task.done_at.astimezone(UTC):%Y%m%dT%H%M%SZ}")
        elif task.status in ("missed", "cancelled"):
            lines.append("STATUS:CANCELLED")
        else:
            lines.append("STATUS:NEEDS-ACTION")
        if task.claimers:
            names = ", ".join(member.display_name for member in task.claimers)
            taken = phrase("export.taken_by", circle.languages, names=names)
            lines.append(f"DESCRIPTION:{_ical_text(taken)}")
        lines.append("END:VTODO")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _ical_text(text: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > ICAL_LINE_OCTETS:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)
