"""Every member act at the core's edge: load, decide, apply, in one transaction.

As nudges are (``bot.nudging``): storage reads what the act may need in one go, under the
circle's lock (``storage.act_snapshots``); the handler that owns the act (``handlers.requests``,
``handlers.claims``, ``handlers.undo`` …) works out the changes and the replies in memory;
storage writes the changes (``storage.unit_of_work``) and the core queues the replies, all in
the act's transaction.
"""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from handlers.claims import TaskAct, decide, wanted
from handlers.contacts import ContactAct, decide_contact
from handlers.corrections import FalseTask, MessageEdit, decide_edit, remove_false_task
from handlers.decisions import NewDecision, record_decision
from handlers.dispatch import ToDecide, act_on
from handlers.forget import ForgetAct, decide_forget
from handlers.moves import AnnouncedMove, TakeItems, offer_checklist, take_items
from handlers.queries import Query, answer
from handlers.requests import NewRequest, record_task
from handlers.settings import SettingCommand, decide_setting
from handlers.snoozes import SnoozeRequest, decide_snooze
from handlers.turn import Decision, Reply, Scene
from handlers.undo import UNDOABLE, UndoAct, undo_last
from storage.act_snapshots import (
    load_act_snapshot,
    load_announced,
    load_contacts,
    load_forgetting,
    load_offer,
    load_opening,
    load_shown,
    load_undo,
    next_decision_number,
)
from storage.changes import Opened
from storage.unit_of_work import apply_changes


def act_out(session: Session, scene: Scene, act: ToDecide) -> tuple[Reply, ...]:
    """Decide ``act`` over a fresh snapshot and write its changes; its replies, to queue."""
    circle_id = scene.circle.id
    decision: Decision
    match act:
        case TaskAct():
            needed = wanted(act, scene.incoming)
            snapshot = load_act_snapshot(session, circle_id, scene.member.id, needed)
            decision = decide(scene, snapshot, act)
        case NewRequest():
            opening = load_opening(session, circle_id, is_urgent=act.intent.is_urgent)
            decision = record_task(scene, act, opening)
        case NewDecision():
            decision = record_decision(scene, act, next_decision_number(session, circle_id))
        case MessageEdit():
            snapshot = load_act_snapshot(session, circle_id, scene.member.id, act.wanted)
            edited = decide_edit(scene, snapshot, act)
            if edited is None:  # a message recorded as nothing is read as new
                new = act_on(act.intent, act.text)
                return act_out(session, scene, new) if new is not None else ()
            decision = edited
        case Query():
            since = act.done_since(scene.now)
            shown = load_shown(session, circle_id, scene.member.id, act.wanted, since)
            decision = answer(scene, shown, act)
        case ForgetAct():
            since = act.asked_since(scene.now)
            snapshot = load_forgetting(session, circle_id, scene.member.id, since)
            decision = decide_forget(scene, snapshot, act)
        case ContactAct():
            decision = decide_contact(scene, load_contacts(session, circle_id), act)
        case SettingCommand():
            decision = decide_setting(scene, act)
        case SnoozeRequest():
            snapshot = load_act_snapshot(session, circle_id, scene.member.id, act.wanted)
            decision = decide_snooze(scene, snapshot, act)
        case FalseTask():
            snapshot = load_act_snapshot(session, circle_id, scene.member.id, act.wanted)
            decision = remove_false_task(scene, snapshot)
        case UndoAct():
            decision = undo_last(scene, load_undo(session, circle_id, scene.member.id, UNDOABLE))
        case AnnouncedMove(move):
            decision = offer_checklist(
                scene, act, load_announced(session, circle_id, move.kind, move.day)
            )
        case TakeItems():
            offer = load_offer(
                session,
                circle_id,
                named=act.named,
                replied=scene.incoming.reply_to_id,
                offered_since=act.offered_since(scene.now),
            )
            decision = take_items(scene, offer, act)
    opened = apply_changes(session, circle_id, decision.changes, scene.now)
    return tuple(_about_stored(reply, opened) for reply in decision.replies)


def _about_stored(reply: Reply, opened: dict[int, int]) -> Reply:
    """A reply about a task its act opened names the task by its id, now that it has one."""
    if isinstance(reply.task_id, Opened):
        return replace(reply, task_id=opened[reply.task_id.number])
    return reply
