"""Claims, hand-backs and completions at the core's edge: load, decide, apply, in one transaction.

As nudges are (``bot.nudging``): storage reads what the act may need in one go, under the
circle's lock (``storage.act_snapshots``); ``handlers.claims.decide`` works out the changes and
the replies in memory; storage writes the changes (``storage.unit_of_work``) and the core
queues the replies, all in the act's transaction.
"""

from __future__ import annotations

from sqlmodel import Session

from handlers.claims import TaskAct, decide, wanted
from handlers.turn import Reply, Scene
from storage.act_snapshots import load_act_snapshot
from storage.unit_of_work import apply_changes


def act_on_task(session: Session, scene: Scene, act: TaskAct) -> tuple[Reply, ...]:
    """Decide ``act`` over a fresh snapshot and write its changes; its replies, to queue."""
    needed = wanted(act, scene.incoming)
    snapshot = load_act_snapshot(session, scene.circle.id, scene.member.id, needed)
    decision = decide(scene, snapshot, act)
    apply_changes(session, scene.circle.id, decision.changes, scene.now)
    return decision.replies
