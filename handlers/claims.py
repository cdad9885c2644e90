"""Claims, hand-backs and completions, and working out which task a member means."""

from __future__ import annotations

import re

from handlers.commands import in_range
from handlers.formatting import format_due
from handlers.recurring import schedule_next_occurrence
from handlers.tasks import refresh_acknowledgement
from handlers.turn import Turn
from handlers.understanding import Intent, Kind
from storage import events, tasks
from storage.records import TaskRecord

_WORD = re.compile(r"\w{4,}", re.UNICODE)
CANDIDATES_SHOWN = 4
# "I'll take it" with no number and no reply means one of the circle's recent requests.
RECENT_TASKS_CONSIDERED = 20


def resolve_task(turn: Turn, kind: Kind, ref: int | None) -> TaskRecord | None:
    """The task a claim, hand-back or done refers to; asks once when it cannot tell.

    A number wins; then the message replied to (the request or the bot's acknowledgement);
    then the one open task the sender can only mean. ``None`` when there is nothing or the
    member was asked to choose.
    """
    session, circle_id = turn.session, turn.circle.id
    if ref is not None:
        task = tasks.task_by_number(session, circle_id, ref) if in_range(ref) else None
        if task is None:
            turn.say(turn.phrase("task.missing", number=ref))
        return task
    if turn.incoming.reply_to_id:
        task = tasks.task_by_message(session, circle_id, turn.incoming.reply_to_id)
        if task is not None:
            return task
    candidates = _candidates(turn, kind)
    if len(candidates) > 1:
        candidates = _best_matches(candidates, turn.incoming.text) or candidates
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        listed = ", ".join(f"#{task.number} {task.title}" for task in candidates[:CANDIDATES_SHOWN])
        more = "…" if len(candidates) > CANDIDATES_SHOWN else ""
        turn.say(turn.phrase("which", listed=listed + more, command=f"/{kind.value} N"))
    return None


def _candidates(turn: Turn, kind: Kind) -> list[TaskRecord]:
    session, circle_id = turn.session, turn.circle.id
    if kind is Kind.CLAIM:
        return tasks.unclaimed_tasks(session, circle_id, newest=RECENT_TASKS_CONSIDERED)
    mine = tasks.tasks_of(session, circle_id, turn.member.id)
    if kind is Kind.UNCLAIM or mine:
        return mine
    return tasks.open_tasks(session, circle_id, newest=RECENT_TASKS_CONSIDERED)


def _best_matches(candidates: list[TaskRecord], text: str) -> list[TaskRecord]:
    """Candidates sharing the most words with the message ("I can do Thursday's drive")."""
    words = {word.lower() for word in _WORD.findall(text)}
    if not words:
        return []
    scored = [
        (len(words & {w.lower() for w in _WORD.findall(task.title)}), task) for task in candidates
    ]
    best = max(score for score, _ in scored)
    return [task for score, task in scored if score == best] if best else []


def claim(turn: Turn, intent: Intent) -> None:
    task = resolve_task(turn, Kind.CLAIM, intent.ref)
    if task is None:
        return
    if not task.is_open:
        turn.say(turn.phrase(f"already.{task.status}", number=task.number))
        return
    if not tasks.claim_task(turn.session, task.id, turn.member.id, turn.now):
        turn.say(turn.phrase("claim.again", number=task.number), task=task, reaction="👌")
        return
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        "claimed",
        turn.now,
        task_id=task.id,
        message_id=turn.incoming.message_id,
    )
    others = [m.display_name for m in task.claimers if m.id != turn.member.id]
    name = turn.member.display_name
    line = turn.line(task, with_holders=False)
    if others:
        text = turn.phrase("claim.joins", name=name, others=", ".join(others), line=line)
    else:
        text = turn.phrase("claim.has", name=name, line=line)
    if turn.incoming.button is None:
        turn.say(text, task=task, reaction="👌")
    refresh_acknowledgement(turn, task.id)


def unclaim(turn: Turn, intent: Intent) -> None:
    task = resolve_task(turn, Kind.UNCLAIM, intent.ref)
    if task is None:
        return
    if not tasks.release_claim(turn.session, task.id, turn.member.id, turn.now):
        if intent.ref is not None:
            turn.say(turn.phrase("unclaim.not_on", number=task.number))
        return
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        "unclaimed",
        turn.now,
        task_id=task.id,
        message_id=turn.incoming.message_id,
    )
    task = tasks.task_by_number(turn.session, turn.circle.id, task.number) or task
    line, name = turn.line(task, with_holders=False), turn.member.display_name
    if task.claimers:
        names = ", ".join(member.display_name for member in task.claimers)
        turn.say(turn.phrase("unclaim.still", name=name, line=line, names=names), task=task)
    else:
        turn.say(turn.phrase("unclaim.anyone", name=name, line=line), task=task)
    refresh_acknowledgement(turn, task.id)


def complete(turn: Turn, intent: Intent) -> None:
    task = resolve_task(turn, Kind.DONE, intent.ref)
    if task is None:
        return
    if not tasks.set_status(
        turn.session, task.id, old=("open",), new="done", now=turn.now, member_id=turn.member.id
    ):
        if intent.ref is not None or turn.incoming.button:
            turn.say(turn.phrase(f"already.{task.status}", number=task.number), task=task)
        return
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        "done",
        turn.now,
        task_id=task.id,
        message_id=turn.incoming.message_id,
    )
    following = schedule_next_occurrence(turn.session, turn.circle, task, turn.now, turn.member.id)
    text = turn.phrase(
        "done.by", number=task.number, title=task.title, name=turn.member.display_name
    )
    if following is not None:
        due = format_due(following, turn.circle.zone, turn.circle.languages)
        text += "\n" + turn.phrase(
            "done.next", number=following.number, due=f" — {due}" if due else ""
        )
        turn.say(text, task=task)
    elif turn.incoming.button is None:
        turn.say(text, task=task, reaction="✅")
    refresh_acknowledgement(turn, task.id)
