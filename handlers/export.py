"""Everything a circle holds, in the forms members take elsewhere: Markdown and JSON (the calendar
and FHIR forms have modules of their own, ``handlers.ical`` and ``handlers.fhir``)."""

from __future__ import annotations

import json
from datetime import datetime

from handlers.formatting import contact_line, decision_line, task_line
from handlers.phrases import phrase
from storage.kinds import TaskStatus
from storage.records import CircleRecord, ContactRecord, DecisionRecord, TaskRecord


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
