"""The circle's plan, assembled from what it already keeps: ``/plan`` or "where are we with…?".

Nobody fills the plan in. Who is in the circle and their labels, the standing decisions, the
routines, the next seven days, what nobody holds and the contacts are read from the members,
decisions, tasks and contacts the circle has, and said as one message: each section shows its
most useful few and says how many more, so a big circle's plan still fits one Telegram message.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.formatting import (
    Section,
    contact_line,
    fit_sections,
    format_recurrence,
    holders_text,
    shorten,
    task_line,
    usefulness,
)
from handlers.phrases import phrase
from handlers.turn import Answering, Reply
from storage.records import (
    CircleRecord,
    ContactRecord,
    DecisionRecord,
    MemberRecord,
    Shown,
    ShownSnapshot,
    TaskRecord,
)

# How many lines one section shows before "…and 4 more".
SECTION_MAX = 8
# "Coming up" is today and this many days after it.
COMING_DAYS = 7
# A decision is cut to this in the plan; /decisions shows it whole.
DECISION_MAX_CHARS = 160


# What the plan is assembled from (``handlers.queries``).
PLAN_SHOWS = frozenset({Shown.MEMBERS, Shown.DECISIONS, Shown.OPEN, Shown.CONTACTS})


def show_plan(scene: Answering, shown: ShownSnapshot, _argument: str) -> Reply:
    """The plan as it stands now."""
    return scene.reply(
        plan_text(
            scene.circle,
            list(shown.members),
            list(shown.decisions),
            list(shown.open_tasks),
            list(shown.contacts),
            scene.now,
        )
    )


def plan_text(
    circle: CircleRecord,
    members: list[MemberRecord],
    settled: list[DecisionRecord],
    open_tasks: list[TaskRecord],
    kept: list[ContactRecord],
    now: datetime,
) -> str:
    """The plan of ``circle`` at ``now``, one line per item, sections without items left out."""
    languages, zone = circle.languages, circle.zone
    today = now.astimezone(zone).date()
    ranked = sorted(open_tasks, key=lambda task: usefulness(task, zone))
    coming = [task for task in ranked if _is_coming(task, zone, today)]

    def section(head: str, lines: list[str], command: str | None) -> list[Section]:
        """A section of at most ``SECTION_MAX`` lines, ending with where to see the rest."""
        if not lines:
            return []

        def more(count: int) -> str:
            if command is None:
                return phrase("digest.more", languages, count=count)
            return phrase("plan.more", languages, count=count, command=command)

        items = tuple(shorten(line) for line in lines)
        return [Section((phrase(head, languages),), items, more, SECTION_MAX)]

    name = circle.name or phrase("export.circle", languages)
    newest = sorted(settled, key=lambda decision: -decision.number)
    sections = [
        Section(head=(phrase("plan.head", languages, name=name),)),
        *section("plan.members", [_member_line(member) for member in members], None),
        *section(
            "plan.decisions",
            [f"#{d.number} {shorten(d.text, DECISION_MAX_CHARS)}" for d in newest],
            "/decisions",
        ),
        *section(
            "plan.routines",
            [_routine_line(task, languages) for task in ranked if task.recurrence],
            "/tasks",
        ),
        *section(
            "plan.coming", [task_line(task, zone, languages=languages) for task in coming], "/tasks"
        ),
        *section(
            "plan.unheld",
            [
                task_line(task, zone, with_holders=False, languages=languages)
                for task in ranked
                if not task.claimers
            ],
            "/tasks",
        ),
        *section("plan.contacts", [contact_line(c, languages) for c in kept], "/contacts"),
    ]
    return "\n".join(fit_sections(sections))


def _member_line(member: MemberRecord) -> str:
    return (
        f"{member.display_name} ({member.role_label})" if member.role_label else member.display_name
    )


def _routine_line(task: TaskRecord, languages: tuple[str, ...]) -> str:
    """``#7 Sit with Mum — every Sat · ✋ Carol``: the rhythm in words, and who holds it."""
    rhythm = format_recurrence(task.recurrence or "", languages)
    return f"#{task.number} {task.title} — {rhythm} · {holders_text(task, languages)}"


def _is_coming(task: TaskRecord, zone: ZoneInfo, today: date) -> bool:
    """Due today or in the ``COMING_DAYS`` days after it, by the circle's calendar."""
    if task.due_at is not None:
        day = task.due_at.astimezone(zone).date()
    elif task.due_on is not None:
        day = task.due_on
    else:
        return False
    return today <= day <= today + timedelta(days=COMING_DAYS)
