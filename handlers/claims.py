"""Claims, hand-backs and completions, decided over a snapshot: which task a member means,
what changes, and what the bot says.

Nothing here reads or writes the database: the core loads an ``ActSnapshot`` for what
``wanted`` asks, calls ``decide`` and writes the ``Decision``'s changes and replies in the same
transaction (``bot.acting``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from handlers.acknowledgements import refreshed_acknowledgement
from handlers.commands import in_range
from handlers.formatting import format_when
from handlers.messages import Incoming
from handlers.next_occurrence import next_occurrence
from handlers.pointing import pointed_at, pointing_of
from handlers.turn import Decision, Reply, Scene
from handlers.understanding import Intent, Kind
from storage.changes import Change, ClaimTask, LogEvent, Opened, ReleaseClaim, SetStatus
from storage.kinds import EventAction, TaskStatus
from storage.records import ActSnapshot, MemberRecord, Pool, TaskRecord, Wanted

CANDIDATES_SHOWN = 4
# Where a message without a number or a reply looks, nearest first: a claim means an unclaimed
# request, or else joins one already held; a hand-back one's own task; a done one's own, or
# else any open task.
CANDIDATES = {
    Kind.CLAIM: (Pool.UNCLAIMED, Pool.RECENT_OPEN),
    Kind.UNCLAIM: (Pool.MINE,),
    Kind.DONE: (Pool.MINE, Pool.RECENT_OPEN),
}


class Emergency(Enum):
    """What a plain message may be while an urgent task is open."""

    HEAD_OUT = "head_out"  # "on my way"
    ALL_CLEAR = "all_clear"  # "she's OK"


@dataclass(frozen=True, slots=True)
class TaskAct:
    """A claim, hand-back or done (``intent``), or a message that may be an emergency's "on my
    way" or all-clear and is otherwise read as ``intent``."""

    intent: Intent
    emergency: Emergency | None = None


def may_claim(task: TaskRecord) -> bool:
    """Only an open task can be claimed: a closed one is answered with how it was closed."""
    return task.is_open


def with_holder(task: TaskRecord, member: MemberRecord, now: datetime) -> TaskRecord:
    """The task as it reads once ``member`` holds it too (held since the first claim)."""
    return replace(task, claimers=(*task.claimers, member), held_since=task.held_since or now)


def without_holder(task: TaskRecord, member: MemberRecord) -> TaskRecord:
    """The task as it reads once ``member`` has handed it back."""
    left = tuple(holder for holder in task.claimers if holder.id != member.id)
    return replace(task, claimers=left, held_since=task.held_since if left else None)


def wanted(act: TaskAct, incoming: Incoming) -> Wanted:
    """The tasks ``decide`` may read for this act."""
    ref = act.intent.ref
    if ref is not None:
        return Wanted(number=ref if in_range(ref) else None)
    pools: set[Pool] = set()
    if act.emergency is not None:
        # Words read as nothing else cannot point at another task than the emergency.
        pools = {Pool.URGENT} if act.intent.kind is Kind.NONE else {Pool.URGENT, Pool.RECENT_OPEN}
    if incoming.reply_to_id:
        return Wanted(message_id=incoming.reply_to_id, pools=frozenset(pools))
    return Wanted(pools=frozenset(pools | set(CANDIDATES.get(act.intent.kind, ()))))


def decide(scene: Scene, snapshot: ActSnapshot, act: TaskAct) -> Decision:
    """The act's changes and replies; an emergency's words that turn out not to be about the
    emergency are read as their plain intent."""
    if act.emergency is Emergency.HEAD_OUT:
        decision = _head_out(scene, snapshot, act.intent)
    elif act.emergency is Emergency.ALL_CLEAR:
        decision = _give_all_clear(scene, snapshot, act.intent)
    else:
        decision = None
    if decision is not None:
        return decision
    if act.intent.kind is Kind.CLAIM:
        return _claim(scene, snapshot, act.intent)
    if act.intent.kind is Kind.UNCLAIM:
        return _unclaim(scene, snapshot, act.intent)
    if act.intent.kind is Kind.DONE:
        return _complete(scene, snapshot, act.intent)
    return Decision()


@dataclass(frozen=True, slots=True)
class _Meant:
    """The task an act refers to (if any), whether the member pointed at it, and what to ask
    or answer when it could not be singled out."""

    task: TaskRecord | None
    pointed: bool
    replies: tuple[Reply, ...] = ()


def _meant(scene: Scene, snapshot: ActSnapshot, kind: Kind, ref: int | None) -> _Meant:
    """The task a claim, hand-back or done refers to.

    A number, a button, a reaction or a reply points at a task; a reply to anything else is
    about that, not a task. Without a pointer the words and day of the message must single a
    task out (``handlers.pointing``); it asks once when a short message could mean several.
    """
    if ref is not None:
        if snapshot.numbered is None:
            return _Meant(None, True, (scene.reply(scene.phrase("task.missing", number=ref)),))
        return _Meant(snapshot.numbered, True)
    if scene.incoming.reply_to_id:
        return _Meant(snapshot.replied, True)
    pointing = pointing_of(
        scene.incoming.text, scene.said_at, scene.circle.languages, past=kind is Kind.DONE
    )
    meant: list[TaskRecord] = []
    for pool in CANDIDATES[kind]:
        meant = pointed_at(pointing, snapshot.pool(pool), scene.circle.zone)
        if meant:
            break
    if len(meant) == 1:
        return _Meant(meant[0], False)
    if not meant:
        return _Meant(None, False)
    listed = ", ".join(f"#{task.number} {task.title}" for task in meant[:CANDIDATES_SHOWN])
    more = "…" if len(meant) > CANDIDATES_SHOWN else ""
    question = scene.phrase("which", listed=listed + more, command=f"/{kind.value} N")
    return _Meant(None, False, (scene.reply(question),))


def _logged(scene: Scene, action: EventAction, task: TaskRecord, **detail: object) -> LogEvent:
    return LogEvent(action, scene.member.id, task.id, scene.incoming.message_id, detail)


def _claim(scene: Scene, snapshot: ActSnapshot, intent: Intent) -> Decision:
    meant = _meant(scene, snapshot, Kind.CLAIM, intent.ref)
    if meant.task is None:
        return Decision(replies=meant.replies)
    return _take(scene, snapshot, meant.task, meant.pointed)


def _take(scene: Scene, snapshot: ActSnapshot, task: TaskRecord, pointed: bool) -> Decision:
    member = scene.member
    if not may_claim(task):
        return Decision(
            replies=(scene.reply(scene.phrase(f"already.{task.status}", number=task.number)),)
        )
    if task.is_held_by(member.id):
        again = scene.phrase("claim.again", number=task.number)
        return Decision(replies=(scene.reply(again, task=task, reaction="👌"),))
    others = [holder.display_name for holder in task.claimers]
    line = scene.line(task, with_holders=False)
    if others:
        text = scene.phrase(
            "claim.joins", name=member.display_name, others=", ".join(others), line=line
        )
    else:
        text = scene.phrase("claim.has", name=member.display_name, line=line)
    replies: tuple[Reply, ...] = ()
    if scene.incoming.button is None:
        replies = (scene.reply(text, task=task, reaction="👌" if pointed else None),)
    held = with_holder(task, member, scene.now)
    return Decision(
        (ClaimTask(task.id, member.id), _logged(scene, EventAction.CLAIMED, task)),
        replies + refreshed_acknowledgement(scene, snapshot.acknowledgements, held),
    )


def _unclaim(scene: Scene, snapshot: ActSnapshot, intent: Intent) -> Decision:
    meant = _meant(scene, snapshot, Kind.UNCLAIM, intent.ref)
    task, member = meant.task, scene.member
    if task is None:
        return Decision(replies=meant.replies)
    if not task.is_held_by(member.id):
        if intent.ref is None:
            return Decision()
        return Decision(replies=(scene.reply(scene.phrase("unclaim.not_on", number=task.number)),))
    task = without_holder(task, member)
    line = scene.line(task, with_holders=False)
    if task.claimers:
        names = ", ".join(holder.display_name for holder in task.claimers)
        text = scene.phrase("unclaim.still", name=member.display_name, line=line, names=names)
    else:
        text = scene.phrase("unclaim.anyone", name=member.display_name, line=line)
    return Decision(
        (ReleaseClaim(task.id, member.id), _logged(scene, EventAction.UNCLAIMED, task)),
        (
            scene.reply(text, task=task),
            *refreshed_acknowledgement(scene, snapshot.acknowledgements, task),
        ),
    )


def _complete(scene: Scene, snapshot: ActSnapshot, intent: Intent) -> Decision:
    """Mark a task done; a missed occurrence may still be marked done, late, as it was."""
    meant = _meant(scene, snapshot, Kind.DONE, intent.ref)
    task, member = meant.task, scene.member
    if task is None:
        return Decision(replies=meant.replies)
    if task.status not in (TaskStatus.OPEN, TaskStatus.MISSED):
        if intent.ref is None and not scene.incoming.button:
            return Decision()
        already = scene.phrase(f"already.{task.status}", number=task.number)
        return Decision(replies=(scene.reply(already, task=task),))
    done = replace(task, status=TaskStatus.DONE, done_at=scene.now, done_by=member.display_name)
    following = next_occurrence(
        scene.circle,
        done,
        snapshot.next_number,
        scene.now,
        member.id,
        is_followed=task.id in snapshot.followed,
    )
    # What undo needs to put back exactly: the status before, and the occurrence this opened.
    detail: dict[str, object] = {"was": task.status}
    if task.status != TaskStatus.OPEN:
        detail["was_at"] = task.done_at
    changes: list[Change] = [
        SetStatus(task.id, (TaskStatus.OPEN, TaskStatus.MISSED), TaskStatus.DONE, member.id)
    ]
    text = scene.phrase("done.by", number=task.number, title=task.title, name=member.display_name)
    if following is not None:
        opening, opened = following
        changes += opened
        detail["opened"] = Opened(opening.number)
        due = format_when(opening.due_at, opening.due_on, scene.circle.zone, scene.circle.languages)
        text += "\n" + scene.phrase(
            "done.next", number=opening.number, due=f" — {due}" if due else ""
        )
    changes.append(_logged(scene, EventAction.DONE, task, **detail))
    # A pointed completion is marked ✅ where the platform has reactions, like any other: the
    # next occurrence of a series meets the circle in /tasks and the digest. Without a pointer
    # the words say what was changed; a button press edits the acknowledgement in place.
    replies: tuple[Reply, ...] = ()
    if scene.incoming.button is None:
        replies = (scene.reply(text, task=task, reaction="✅" if meant.pointed else None),)
    elif following is not None:
        replies = (scene.reply(text, task=task),)
    return Decision(
        tuple(changes), replies + refreshed_acknowledgement(scene, snapshot.acknowledgements, done)
    )


# -- emergencies -------------------------------------------------------------------------------


def _urgent_meant(scene: Scene, snapshot: ActSnapshot) -> TaskRecord | None:
    """The open urgent task a plain message is about: the one it replies to, else the latest."""
    urgent = snapshot.pool(Pool.URGENT)
    replied = snapshot.replied
    if replied is not None and any(candidate.id == replied.id for candidate in urgent):
        return replied
    return urgent[0] if urgent else None


def _points_elsewhere(
    scene: Scene, snapshot: ActSnapshot, intent: Intent, urgent: TaskRecord
) -> bool:
    """Whether a message also read as a plain claim or done names, by its words or its day,
    another task than the emergency ("on my way home, I'll get the milk")."""
    if intent.kind is Kind.NONE:
        return False
    pointing = pointing_of(
        scene.incoming.text, scene.said_at, scene.circle.languages, past=intent.kind is Kind.DONE
    )
    if pointing.is_short:
        return False
    meant = pointed_at(pointing, snapshot.pool(Pool.RECENT_OPEN), scene.circle.zone)
    return bool(meant) and all(task.id != urgent.id for task in meant)


def _head_out(scene: Scene, snapshot: ActSnapshot, intent: Intent) -> Decision | None:
    """ "On my way" while an urgent task is open claims it (the latest one nobody holds, else
    the latest); None when none is open or the words name another task: then the message is
    read as usual."""
    urgent = snapshot.pool(Pool.URGENT)
    if not urgent:
        return None
    task = _urgent_meant(scene, snapshot) if scene.incoming.reply_to_id else None
    task = task or next((candidate for candidate in urgent if not candidate.claimers), urgent[0])
    if _points_elsewhere(scene, snapshot, intent, task):
        return None
    # The emergency is the one thing "on my way" can mean: marked 👌 like a pointed claim, and
    # its announcement shows the new holder.
    return _take(scene, snapshot, task, pointed=True)


def _give_all_clear(scene: Scene, snapshot: ActSnapshot, intent: Intent) -> Decision | None:
    """An all-clear ("she's OK", "fausse alerte") while an urgent task is open closes it.

    Done when someone had come (the task had a holder): it was needed and they did it, so it
    counts for them in the digest and the weekly thanks (the member giving the all-clear, if
    they were one of the holders, else the first holder). Cancelled when nobody held it: the
    emergency ended without the circle's help, and nobody is credited with a task nobody did.
    Logged as the act of the member who said it, so their "undo" reopens it. None when no
    urgent task is open (the message is ordinary chat) or when its words name another task ("done
    at the neurologist, all fine"): then it is read as usual.
    """
    task = _urgent_meant(scene, snapshot)
    if task is None or _points_elsewhere(scene, snapshot, intent, task):
        return None
    holders = task.claimers
    came = next((h for h in holders if h.id == scene.member.id), holders[0] if holders else None)
    if came is not None:
        status, closed = TaskStatus.DONE, replace(task, done_by=came.display_name)
        text = scene.phrase(
            "all_clear.done",
            line=f"#{task.number} {task.title}",
            names=", ".join(holder.display_name for holder in holders),
        )
    else:
        status, closed = TaskStatus.CANCELLED, task
        text = scene.phrase("all_clear.cancelled", line=f"#{task.number} {task.title}")
    closed = replace(closed, status=status, done_at=scene.now)
    changes = (
        SetStatus(task.id, (TaskStatus.OPEN,), status, came.id if came else None),
        _logged(scene, EventAction(status), task, was=TaskStatus.OPEN, all_clear=True),
    )
    return Decision(
        changes,
        (
            scene.reply(text, task=task),
            *refreshed_acknowledgement(scene, snapshot.acknowledgements, closed),
        ),
    )
