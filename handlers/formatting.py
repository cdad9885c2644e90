"""How tasks, decisions and dates read in the chat: short lines a tired phone reader can scan."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from handlers.phrases import has_phrase, phrase
from handlers.understanding.phones import show_phone
from handlers.understanding.recurrence import WEEKDAY_CODES
from storage.records import ContactRecord, DecisionRecord, TaskRecord

# The catalogs' keys for weekdays (Monday first, as ``date.weekday()``) and months.
DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
ENGLISH = ("en",)


def format_day(day: date, languages: tuple[str, ...] = ENGLISH) -> str:
    """``Fri 21 Nov`` in English, ``vie 21 nov`` in Spanish."""
    weekday = phrase(f"day.{DAY_KEYS[day.weekday()]}", languages)
    return f"{weekday} {day.day} {phrase(f'month.{MONTH_KEYS[day.month - 1]}', languages)}"


def format_moment(moment: datetime, zone: ZoneInfo, languages: tuple[str, ...] = ENGLISH) -> str:
    local = moment.astimezone(zone)
    return f"{format_day(local.date(), languages)} {local:%H:%M}"


def format_due(
    task: TaskRecord, zone: ZoneInfo, languages: tuple[str, ...] = ENGLISH
) -> str | None:
    return format_when(task.due_at, task.due_on, zone, languages)


def format_when(
    due_at: datetime | None,
    due_on: date | None,
    zone: ZoneInfo,
    languages: tuple[str, ...] = ENGLISH,
) -> str | None:
    """A due moment or day as a task shows it; None when there is neither."""
    if due_at is not None:
        return format_moment(due_at, zone, languages)
    if due_on is not None:
        return format_day(due_on, languages)
    return None


def format_recurrence(rule: str, languages: tuple[str, ...] = ENGLISH) -> str:
    """A readable gloss of the RRULE subset we produce: "every Tue", "every 2 days"."""

    def said(key: str, **values: object) -> str:
        return phrase(f"recurrence.{key}", languages, **values)

    parts = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    interval = int(parts.get("INTERVAL", "1"))
    codes = [code for code in parts.get("BYDAY", "").split(",") if code in WEEKDAY_CODES]
    days = "/".join(
        phrase(f"day.{DAY_KEYS[WEEKDAY_CODES.index(code)]}", languages) for code in codes
    )
    if codes == list(WEEKDAY_CODES[:5]) and interval == 1:
        text = said("weekdays")
    elif codes:
        text = said("every_other" if interval == 2 else "every", days=days)
    elif parts.get("FREQ") == "DAILY":
        text = said("daily") if interval == 1 else said("every_n_days", n=interval)
    else:
        text = said("every", days="…")
    if "COUNT" in parts:
        text += said("times", n=parts["COUNT"])
    if "UNTIL" in parts:
        until = parts["UNTIL"][:8]
        day = date(int(until[:4]), int(until[4:6]), int(until[6:8]))
        text += said("until", day=format_day(day, languages))
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


def taken_by(task: TaskRecord, languages: tuple[str, ...]) -> str:
    """Who holds a task, as a sentence an export carries beside the task ("Taken by Bob")."""
    names = ", ".join(member.display_name for member in task.claimers)
    return phrase("export.taken_by", languages, names=names)


def decision_line(
    decision: DecisionRecord, zone: ZoneInfo, languages: tuple[str, ...] = ENGLISH
) -> str:
    day = format_day(decision.decided_at.astimezone(zone).date(), languages)
    return f"#{decision.number} {decision.text} ({decision.decided_by}, {day})"


def contact_line(contact: ContactRecord, languages: tuple[str, ...] = ENGLISH) -> str:
    """``GP: Dr Levin · +44 20 7946 0000``, the role named in the circle's language."""
    key = f"contact.role.{contact.role}"
    role = (
        phrase(key, languages) if has_phrase(key) else contact.role[:1].upper() + contact.role[1:]
    )
    details = [part for part in (contact.name, contact.phone and show_phone(contact.phone)) if part]
    return phrase("contact.line", languages, role=role, details=" · ".join(details))


# -- lists that fit one platform message ------------------------------------------------------

# Telegram takes 4,096 UTF-16 units of text after formatting, Matrix 65,536 bytes of event:
# a list stops at this many units, with room to spare for mentions and formatting, and says
# how many more there are and where to see them.
MESSAGE_MAX_UNITS = 3_500
# One line of a list is never longer than this: a long decision or a crowd of holders is cut,
# not the list.
LINE_MAX_CHARS = 300
# What a list longer than one Telegram message (whole decisions) may take of a Matrix event,
# leaving room for the event's other fields, mentions and the button hint.
MATRIX_EVENT_BYTES = 56_000
_NEVER = datetime.max.replace(tzinfo=UTC)


def units(text: str) -> int:
    """The length as Telegram counts it, in UTF-16 code units: an emoji counts two."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def shorten(text: str, max_chars: int = LINE_MAX_CHARS) -> str:
    """``text`` cut with an ellipsis when longer than ``max_chars``."""
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def usefulness(task: TaskRecord, zone: ZoneInfo) -> tuple[bool, datetime, bool, int]:
    """What a long list shows first: urgent, then the soonest due (overdue first, undated
    last), then what nobody holds yet, then the oldest request."""
    if task.due_at is not None:
        due = task.due_at
    elif task.due_on is not None:
        due = datetime.combine(task.due_on, time.min, tzinfo=zone)
    else:
        due = _NEVER
    return (not (task.is_urgent and task.is_open), due, bool(task.claimers), task.number)


def event_units(text: str, max_units: int) -> int:
    """``units(text)``, or more when the text is heavy as a Matrix event (plain and HTML, as
    UTF-8 JSON): scaled so that ``max_units`` of any text stay well under Matrix's 65,536 bytes."""
    heavy = len(json.dumps(text, ensure_ascii=False).encode()) + len(html.escape(text).encode())
    return max(units(text), -(-heavy * max_units // MATRIX_EVENT_BYTES))


def page_spans(
    lines: Sequence[str],
    room: int,
    more_room: int,
    cost: Callable[[str], int] = units,
) -> list[tuple[int, int]]:
    """Split ``lines``, most useful first, into pages ``[start, end)``: a page's lines take at
    most ``room`` units (a line break each), and ``more_room`` less when more pages follow."""
    after = [0] * (len(lines) + 1)  # units of lines[i:]
    for index in range(len(lines) - 1, -1, -1):
        after[index] = after[index + 1] + cost(lines[index]) + 1
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(lines):
        if after[start] <= room:
            spans.append((start, len(lines)))
            break
        end = start + 1  # a page shows at least one line
        while end < len(lines) and after[start] - after[end + 1] <= room - more_room:
            end += 1
        spans.append((start, end))
        start = end
    return spans


@dataclass(frozen=True, slots=True)
class Section:
    """Part of a message that has to fit: ``head`` lines always shown, then as many ``items``
    as fit (at most ``limit``), then ``more(count)`` saying how many were left out."""

    head: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    more: Callable[[int], str] | None = None
    limit: int | None = None


def fit_sections(sections: Sequence[Section], room: int = MESSAGE_MAX_UNITS) -> list[str]:
    """The lines of ``sections`` within ``room`` units: every head, and items taken a round at
    a time (each section's first, then each one's second…) so no section crowds out the rest."""
    cost = lambda line: units(line) + 1  # noqa: E731 - a line and its break
    left = room
    for section in sections:
        left -= sum(cost(line) for line in section.head)
        if section.items and section.more is not None:
            left -= cost(section.more(len(section.items)))  # kept free until the end
    shown = [0] * len(sections)
    growing = True
    while growing:
        growing = False
        for index, section in enumerate(sections):
            count = shown[index]
            limit = len(section.items) if section.limit is None else section.limit
            if count >= min(limit, len(section.items)):
                continue
            if cost(section.items[count]) > left:
                continue
            left -= cost(section.items[count])
            shown[index] += 1
            growing = True
    lines: list[str] = []
    for section, count in zip(sections, shown, strict=True):
        lines += [*section.head, *section.items[:count]]
        if count < len(section.items) and section.more is not None:
            lines.append(section.more(len(section.items) - count))
    return lines
