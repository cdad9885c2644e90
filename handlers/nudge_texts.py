"""How a minute's nudges read: one message per circle, in the circle's language.

Routine task nudges that fall due with the digest are said by the digest (each of their tasks
is in one of its lists); their holders are still mentioned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from handlers.formatting import Section, decision_line, fit_sections, shorten, task_line
from handlers.messages import Mention
from handlers.nudges import FOLDABLE, CircleState, Nudge
from handlers.phrases import phrase
from storage.kinds import NudgeKind
from storage.records import TaskRecord

# How many tasks one digest list shows before "…and 3 more".
DIGEST_LIST_MAX = 5
# Look-back lists are longer: the week is worth seeing whole.
LOOKBACK_LIST_MAX = 10
WEEK = timedelta(days=7)
# The order lines appear in a batch: the most pressing first.
ORDER = (
    NudgeKind.URGENT,
    NudgeKind.DUE_NOW,
    NudgeKind.REMIND,
    NudgeKind.UNCLAIMED,
    NudgeKind.OVERDUE,
)


@dataclass(frozen=True, slots=True)
class NudgeMessage:
    """What a batch of nudges says, who it mentions, and its task when it is about one."""

    text: str
    mentions: tuple[Mention, ...]
    task: TaskRecord | None


def nudge_message(state: CircleState, nudges: list[Nudge], now: datetime) -> NudgeMessage | None:
    """The one message saying ``nudges``; None when there is nothing to say (an empty digest)."""
    kinds = {nudge.kind for nudge in nudges}
    has_digest = NudgeKind.DIGEST in kinds
    said = [
        nudge
        for nudge in sorted(nudges, key=lambda n: ORDER.index(n.kind) if n.kind in ORDER else 99)
        if nudge.task is not None and not (has_digest and nudge.kind in FOLDABLE)
    ]
    languages = state.circle.languages
    sections = [
        Section(
            items=tuple(shorten(_say(state, nudge, now)) for nudge in said),
            more=lambda count: phrase("list.more_see", languages, count=count, command="/tasks"),
        )
    ]
    if has_digest:
        sections += digest_sections(state, now)
    if NudgeKind.LOOKBACK in kinds:
        sections += lookback_sections(state, now)
    # However many tasks fall due at once, the message is one a platform takes.
    lines = fit_sections(sections)
    if not lines:
        return None
    tasks = {nudge.task.id: nudge.task for nudge in nudges if nudge.task is not None}
    only_task = next(iter(tasks.values())) if len(tasks) == 1 and len(lines) == 1 else None
    return NudgeMessage(
        text="\n".join(lines),
        mentions=_unique(mention for nudge in nudges for mention in nudge.mentions),
        task=only_task,
    )


def _say(state: CircleState, nudge: Nudge, now: datetime) -> str:
    task = nudge.task
    assert task is not None
    with_holders = nudge.kind not in (NudgeKind.UNCLAIMED, NudgeKind.URGENT)  # nobody, it says
    line = _line(state, task, with_holders=with_holders)
    key = f"nudge.{nudge.kind}"
    if nudge.kind is NudgeKind.DUE_NOW and task.due_at is not None and task.due_at > now:
        key = "nudge.due_soon"  # riding along with a message a few minutes ahead of it
    return phrase(key, state.circle.languages, line=line)


def digest_lines(state: CircleState, now: datetime) -> list[str]:
    """Due today and tomorrow, nobody on it, overdue, done since the last digest; or nothing."""
    return fit_sections(digest_sections(state, now))


def digest_sections(state: CircleState, now: datetime) -> list[Section]:
    """The digest's lists, each of the most pressing few."""
    circle = state.circle
    today = now.astimezone(circle.zone).date()
    soon, unclaimed, overdue = [], [], []
    for task in sorted(state.open_tasks, key=_due_order):
        day = _due_day(state, task)
        if day is not None and today <= day <= today + timedelta(days=1):
            soon.append(task)
        elif day is not None and day < today:
            overdue.append(task)
        elif not task.claimers:
            unclaimed.append(task)
    since = state.last_digest_at or now - timedelta(days=1)
    done = [task for task in state.done_this_week if task.done_at and task.done_at >= since]
    missed = [task for task in state.missed_this_week if task.done_at and task.done_at >= since]
    return [
        *_section(state, "digest.soon", [_line(state, task) for task in soon]),
        *_section(state, "digest.overdue", [_line(state, task) for task in overdue]),
        *_section(
            state,
            "digest.unclaimed",
            [_line(state, task, with_holders=False) for task in unclaimed],
        ),
        *_section(state, "digest.done", [_done_line(task) for task in done], command="/done"),
        *_section(
            state,
            "digest.missed",
            [_line(state, task, with_holders=False) for task in missed],
            command="/export",
        ),
    ]


def lookback_lines(state: CircleState, now: datetime) -> list[str]:
    """The week's completions and decisions, thanking who helped; nothing when it was quiet."""
    return fit_sections(lookback_sections(state, now))


def lookback_sections(state: CircleState, now: datetime) -> list[Section]:
    since = now - WEEK
    done = [task for task in state.done_this_week if task.done_at and task.done_at >= since]
    decided = [decision for decision in state.decided_this_week if decision.decided_at >= since]
    if not done and not decided:
        return []
    languages, zone = state.circle.languages, state.circle.zone
    sections = [Section(head=(phrase("lookback.head", languages),))]
    done_lines = [_done_line(task) for task in done]
    sections += _section(state, "lookback.done", done_lines, LOOKBACK_LIST_MAX, "/done")
    sections += _section(
        state,
        "lookback.decided",
        [decision_line(decision, zone, languages) for decision in decided],
        LOOKBACK_LIST_MAX,
        "/decisions",
    )
    helpers = Counter(name for task in done for name in _helpers(task))
    if helpers:
        names = ", ".join(
            f"{name} ×{count}" if count > 1 else name for name, count in helpers.most_common()
        )
        thanks = phrase("lookback.thanks", languages, names=shorten(names))
        sections.append(Section(head=(thanks,)))
    return sections


def _helpers(task: TaskRecord) -> set[str]:
    """Who finished a task and who held it: recognition for everyone who carried it."""
    names = {holder.display_name for holder in task.claimers}
    if task.done_by:
        names.add(task.done_by)
    return names


def _section(
    state: CircleState,
    title_key: str,
    lines: list[str],
    limit: int = DIGEST_LIST_MAX,
    command: str = "/tasks",
) -> list[Section]:
    """A titled list of at most ``limit`` of ``lines`` (fewer when the message is full), then
    how many more there are and where to see them."""
    if not lines:
        return []
    languages = state.circle.languages
    return [
        Section(
            head=(phrase(title_key, languages),),
            items=tuple(f"• {shorten(line)}" for line in lines),
            more=lambda count: phrase("list.more_see", languages, count=count, command=command),
            limit=limit,
        )
    ]


def _line(state: CircleState, task: TaskRecord, *, with_holders: bool = True) -> str:
    circle = state.circle
    return task_line(task, circle.zone, with_holders=with_holders, languages=circle.languages)


def _done_line(task: TaskRecord) -> str:
    line = f"#{task.number} {task.title}"
    return f"{line} — {task.done_by}" if task.done_by else line


def _due_day(state: CircleState, task: TaskRecord) -> date | None:
    if task.due_at is not None:
        return task.due_at.astimezone(state.circle.zone).date()
    return task.due_on


def _due_order(task: TaskRecord) -> tuple[str, int]:
    due = task.due_at.isoformat() if task.due_at else (str(task.due_on) if task.due_on else "~")
    return due, task.number


def _unique(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.user_id, mention)
    return tuple(seen.values())
