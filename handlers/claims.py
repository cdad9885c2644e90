"""Claims, hand-backs and completions, and working out which task a member means."""

from __future__ import annotations

from collections.abc import Callable

from handlers.commands import in_range
from handlers.formatting import format_due
from handlers.next_occurrence import schedule_next_occurrence
from handlers.pointing import pointed_at, pointing_of
from handlers.tasks import refresh_acknowledgement
from handlers.turn import Turn
from handlers.understanding import Intent, Kind
from storage import events, tasks
from storage.kinds import EventAction, TaskStatus
from storage.records import TaskRecord

CANDIDATES_SHOWN = 4
# "I'll take it" with no number and no reply means one of the circle's recent requests.
RECENT_TASKS_CONSIDERED = 20


def resolve_task(turn: Turn, kind: Kind, ref: int | None) -> tuple[TaskRecord | None, bool]:
    """The task a claim, hand-back or done refers to, and whether the member pointed at it.

    A number, a button, a reaction or a reply points at a task; a reply to anything else is
    about that, not a task. Without a pointer the words and day of the message must single a
    task out (``handlers.pointing``); it asks once when a short message could mean several.
    ``None`` when there is nothing, the message meant something else, or the member was asked.
    """
    session, circle_id = turn.session, turn.circle.id
    if ref is not None:
        task = tasks.task_by_number(session, circle_id, ref) if in_range(ref) else None
        if task is None:
            turn.say(turn.phrase("task.missing", number=ref))
        return task, True
    if turn.incoming.reply_to_id:
        return tasks.task_by_message(session, circle_id, turn.incoming.reply_to_id), True
    pointing = pointing_of(
        turn.incoming.text, turn.said_at, turn.circle.languages, past=kind is Kind.DONE
    )
    meant: list[TaskRecord] = []
    for candidates in _candidates(turn, kind):
        meant = pointed_at(pointing, candidates(), turn.circle.zone)
        if meant:
            break
    if len(meant) == 1:
        return meant[0], False
    if meant:
        listed = ", ".join(f"#{task.number} {task.title}" for task in meant[:CANDIDATES_SHOWN])
        more = "…" if len(meant) > CANDIDATES_SHOWN else ""
        turn.say(turn.phrase("which", listed=listed + more, command=f"/{kind.value} N"))
    return None, False


def _candidates(turn: Turn, kind: Kind) -> list[Callable[[], list[TaskRecord]]]:
    """Where to look, nearest first: a claim means an unclaimed request, or else joins one
    already held; a hand-back one's own task; a done one's own, or else any open task."""
    session, circle_id = turn.session, turn.circle.id

    def recent_open() -> list[TaskRecord]:
        return tasks.open_tasks(session, circle_id, newest=RECENT_TASKS_CONSIDERED)

    def unclaimed() -> list[TaskRecord]:
        return tasks.unclaimed_tasks(session, circle_id, newest=RECENT_TASKS_CONSIDERED)

    def mine() -> list[TaskRecord]:
        return tasks.tasks_of(session, circle_id, turn.member.id)

    if kind is Kind.CLAIM:
        return [unclaimed, recent_open]
    if kind is Kind.UNCLAIM:
        return [mine]
    return [mine, recent_open]


def claim(turn: Turn, intent: Intent) -> None:
    task, pointed = resolve_task(turn, Kind.CLAIM, intent.ref)
    if task is None:
        return
    _take(turn, task, pointed)


def _take(turn: Turn, task: TaskRecord, pointed: bool) -> None:
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
        EventAction.CLAIMED,
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
        turn.say(text, task=task, reaction="👌" if pointed else None)
    refresh_acknowledgement(turn, task.id)


def unclaim(turn: Turn, intent: Intent) -> None:
    task, _ = resolve_task(turn, Kind.UNCLAIM, intent.ref)
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
        EventAction.UNCLAIMED,
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
    """Mark a task done; a missed occurrence may still be marked done, late, as it was."""
    task, pointed = resolve_task(turn, Kind.DONE, intent.ref)
    if task is None:
        return
    if not tasks.set_status(
        turn.session,
        task.id,
        old=(TaskStatus.OPEN, TaskStatus.MISSED),
        new=TaskStatus.DONE,
        now=turn.now,
        member_id=turn.member.id,
    ):
        if intent.ref is not None or turn.incoming.button:
            turn.say(turn.phrase(f"already.{task.status}", number=task.number), task=task)
        return
    following = schedule_next_occurrence(turn.session, turn.circle, task, turn.now, turn.member.id)
    # What undo needs to put back exactly: the status before, and the occurrence this opened.
    detail: dict[str, object] = {"was": task.status}
    if task.status != TaskStatus.OPEN:
        detail["was_at"] = task.done_at
    if following is not None:
        detail["opened"] = following.id
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        EventAction.DONE,
        turn.now,
        task_id=task.id,
        message_id=turn.incoming.message_id,
        detail=detail,
    )
    text = turn.phrase(
        "done.by", number=task.number, title=task.title, name=turn.member.display_name
    )
    if following is not None:
        due = format_due(following, turn.circle.zone, turn.circle.languages)
        text += "\n" + turn.phrase(
            "done.next", number=following.number, due=f" — {due}" if due else ""
        )
    # A pointed completion is marked ✅ where the platform has reactions, like any other: the
    # next occurrence of a series meets the circle in /tasks and the digest. Without a pointer
    # the words say what was changed; a button press edits the acknowledgement in place.
    if turn.incoming.button is None:
        turn.say(text, task=task, reaction="✅" if pointed else None)
    elif following is not None:
        turn.say(text, task=task)
    refresh_acknowledgement(turn, task.id)


# -- emergencies -------------------------------------------------------------------------------


def _urgent_meant(turn: Turn) -> TaskRecord | None:
    """The open urgent task a plain message is about: the one it replies to, else the latest."""
    urgent = tasks.open_urgent_tasks(turn.session, turn.circle.id)
    replied = turn.incoming.reply_to_id
    if replied:
        task = tasks.task_by_message(turn.session, turn.circle.id, replied)
        if task is not None and any(candidate.id == task.id for candidate in urgent):
            return task
    return urgent[0] if urgent else None


def _points_elsewhere(turn: Turn, intent: Intent, urgent: TaskRecord) -> bool:
    """Whether a message also read as a plain claim or done names, by its words or its day,
    another task than the emergency ("on my way home, I'll get the milk")."""
    if intent.kind is Kind.NONE:
        return False
    pointing = pointing_of(
        turn.incoming.text, turn.said_at, turn.circle.languages, past=intent.kind is Kind.DONE
    )
    if pointing.is_short:
        return False
    recent = tasks.open_tasks(turn.session, turn.circle.id, newest=RECENT_TASKS_CONSIDERED)
    meant = pointed_at(pointing, recent, turn.circle.zone)
    return bool(meant) and all(task.id != urgent.id for task in meant)


def head_out(turn: Turn, intent: Intent) -> bool:
    """ "On my way" while an urgent task is open claims it (the latest one nobody holds, else
    the latest); False when none is open or the words name another task: then the message is
    read as usual."""
    urgent = tasks.open_urgent_tasks(turn.session, turn.circle.id)
    if not urgent:
        return False
    task = _urgent_meant(turn) if turn.incoming.reply_to_id else None
    task = task or next((candidate for candidate in urgent if not candidate.claimers), urgent[0])
    if _points_elsewhere(turn, intent, task):
        return False
    # The emergency is the one thing "on my way" can mean: marked 👌 like a pointed claim, and
    # its announcement shows the new holder.
    _take(turn, task, pointed=True)
    return True


def give_all_clear(turn: Turn, intent: Intent) -> bool:
    """An all-clear ("she's OK", "fausse alerte") while an urgent task is open closes it.

    Done when someone had come (the task had a holder): it was needed and they did it, so it
    counts for them in the digest and the weekly thanks (the member giving the all-clear, if
    they were one of the holders, else the first holder). Cancelled when nobody held it: the
    emergency ended without the circle's help, and nobody is credited with a task nobody did.
    Logged as the act of the member who said it, so their "undo" reopens it. False when no
    urgent task is open (the message is ordinary chat) or when its words name another task ("done
    at the neurologist, all fine"): then it is read as usual.
    """
    task = _urgent_meant(turn)
    if task is None or _points_elsewhere(turn, intent, task):
        return False
    holders = [holder.id for holder in task.claimers]
    came = turn.member.id if turn.member.id in holders else (holders[0] if holders else None)
    status = TaskStatus.DONE if came is not None else TaskStatus.CANCELLED
    if not tasks.set_status(
        turn.session, task.id, old=(TaskStatus.OPEN,), new=status, now=turn.now, member_id=came
    ):
        return True
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        EventAction(status),
        turn.now,
        task_id=task.id,
        message_id=turn.incoming.message_id,
        detail={"was": TaskStatus.OPEN, "all_clear": True},
    )
    names = ", ".join(holder.display_name for holder in task.claimers)
    line = f"#{task.number} {task.title}"
    if status == TaskStatus.DONE:
        turn.say(turn.phrase("all_clear.done", line=line, names=names), task=task)
    else:
        turn.say(turn.phrase("all_clear.cancelled", line=line), task=task)
    refresh_acknowledgement(turn, task.id)
    return True
