"""``undo``: a member takes back their own last change, whatever it was."""

from __future__ import annotations

from datetime import date, datetime

from handlers.acknowledgements import acknowledgement_edit
from handlers.claims import may_claim
from handlers.turn import Turn
from storage import circles, decisions, events, tasks
from storage.kinds import EventAction, TaskStatus
from storage.outbox import acknowledgement_of

UNDOABLE = (
    EventAction.TASK_ADDED,
    EventAction.TASK_EDITED,
    EventAction.TASK_REMOVED,
    EventAction.CLAIMED,
    EventAction.UNCLAIMED,
    EventAction.DONE,
    EventAction.CANCELLED,
    EventAction.DECIDED,
    EventAction.SETTING,
    EventAction.FORGET_REQUESTED,
)


def undo_last(turn: Turn) -> None:
    session, circle_id, member_id = turn.session, turn.circle.id, turn.member.id
    event = events.last_undoable(session, circle_id, member_id, UNDOABLE)
    if event is None or not events.mark_undone(session, event.id):
        turn.say(turn.phrase("undo.nothing"))
        return
    task_id, now = event.task_id, turn.now
    if event.action == EventAction.TASK_ADDED and task_id:
        tasks.set_status(session, task_id, old=(TaskStatus.OPEN,), new=TaskStatus.REMOVED)
    elif event.action == EventAction.TASK_REMOVED and task_id:
        tasks.set_status(session, task_id, old=(TaskStatus.REMOVED,), new=TaskStatus.OPEN)
    elif event.action == EventAction.TASK_EDITED and task_id:
        tasks.update_task(session, task_id, **_restored(event.detail["before"]))
    elif event.action == EventAction.CLAIMED and task_id:
        tasks.release_claim(session, task_id, member_id, now)
    elif event.action == EventAction.UNCLAIMED and task_id:
        if may_claim(tasks.task_record(session, task_id)):
            tasks.claim_task(session, task_id, member_id, now)
    elif event.action in (EventAction.DONE, EventAction.CANCELLED) and task_id:
        _reopen(turn, task_id, event.action, event.detail)
    elif event.action == EventAction.DECIDED and event.decision_id:
        decisions.set_decision(session, event.decision_id, is_removed=True)
    elif event.action == EventAction.SETTING:
        _restore_setting(turn, event.detail)
    # A request to forget needs nothing more: being marked undone cancels it.
    events.log_event(
        session,
        circle_id,
        member_id,
        EventAction.UNDO,
        now,
        task_id=task_id,
        decision_id=event.decision_id,
        message_id=turn.incoming.message_id,
        detail={"undid": event.id},
    )
    what = turn.phrase(f"undone.{event.action}")
    turn.say(turn.phrase("undo.done", name=turn.member.display_name, what=what))
    if task_id and (ack_id := acknowledgement_of(session, task_id)) is not None:
        # the acknowledgement shows the task as the undo leaves it
        turn.replies.append(acknowledgement_edit(tasks.task_record(session, task_id), turn, ack_id))


def _reopen(turn: Turn, task_id: int, action: str, detail: dict[str, object]) -> None:
    """Put a closed task back as it was: open (or missed, if it was marked done late), with
    nobody credited, and withdraw the next occurrence its completion opened, unless something
    happened to that occurrence since (then it stays: it is the circle's now).

    The completion's event is already marked undone, so the digest, the export and the weekly
    thanks no longer count it.
    """
    session = turn.session
    was = TaskStatus(str(detail.get("was", TaskStatus.OPEN)))
    if not tasks.set_status(session, task_id, old=(TaskStatus(action),), new=was):
        return
    if was != TaskStatus.OPEN and isinstance(detail.get("was_at"), str):
        tasks.update_task(session, task_id, done_at=datetime.fromisoformat(str(detail["was_at"])))
    opened = detail.get("opened") if "was" in detail else tasks.open_follower(session, task_id)
    untouched = isinstance(opened, int) and not events.acts_on_task(
        session, opened, besides=(EventAction.OCCURRENCE, EventAction.TASK_ADDED)
    )
    if untouched and tasks.withdraw_occurrence(session, opened):  # type: ignore[arg-type]
        events.mark_opening_undone(session, opened)  # type: ignore[arg-type]


def _restored(before: dict[str, object]) -> dict[str, object]:
    """Event details keep dates as text; give the columns their types back."""
    fields = dict(before)
    if isinstance(fields.get("due_at"), str):
        fields["due_at"] = datetime.fromisoformat(str(fields["due_at"]))
    if isinstance(fields.get("due_on"), str):
        fields["due_on"] = date.fromisoformat(str(fields["due_on"]))
    return fields


def _restore_setting(turn: Turn, detail: dict[str, object]) -> None:
    if "before" in detail:
        circles.update_circle(turn.session, turn.circle.id, **dict(detail["before"]))  # type: ignore[arg-type]
    if "member_before" in detail:
        circles.update_member(turn.session, turn.member.id, **dict(detail["member_before"]))  # type: ignore[arg-type]
