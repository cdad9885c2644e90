"""``/forget``: wiping the circle's memory takes two members, never an administrator.

``/forgetme``: one member takes their own name out of the circle's history.

Decided over what the circle holds of both (``bot.acting``): nothing here reads or writes the
database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.turn import Answering, Decision
from storage.changes import ForgetCircle, ForgetMember, LogEvent
from storage.kinds import EventAction
from storage.records import ForgetSnapshot

CONFIRM_WITHIN = timedelta(hours=24)
# The forms a platform act's seen key takes (``bot.core.seen_key``).
_SEEN_KINDS = ("message", "edit", "button", "reaction")


@dataclass(frozen=True, slots=True)
class ForgetAct:
    """``/forget`` (the circle's memory: ``whole``) or ``/forgetme`` (the member's own name)."""

    whole: bool

    def asked_since(self, now: datetime) -> datetime:
        """A request to forget made before this has lapsed."""
        return now - CONFIRM_WITHIN


def decide_forget(scene: Answering, snapshot: ForgetSnapshot, act: ForgetAct) -> Decision:
    return _forget_circle(scene, snapshot) if act.whole else _forget_me(scene, snapshot)


def _forget_circle(scene: Answering, snapshot: ForgetSnapshot) -> Decision:
    """The first ``/forget`` asks; a second member's, within a day, wipes the circle."""
    name = scene.member.display_name
    message_id = scene.incoming.message_id
    if snapshot.requested_by is None:
        asked = LogEvent(EventAction.FORGET_REQUESTED, scene.member.id, message_id=message_id)
        return Decision((asked,), (scene.reply(scene.phrase("forget.asked", name=name)),))
    if snapshot.requested_by == scene.member.id:
        return Decision(replies=(scene.reply(scene.phrase("forget.second")),))
    changes = (
        ForgetCircle(tuple(f"{kind}:{message_id}" for kind in _SEEN_KINDS)),
        # The members are gone too: the record of forgetting names no one.
        LogEvent(EventAction.FORGOTTEN, None),
    )
    return Decision(changes, (scene.reply(scene.phrase("forget.done", name=name)),))


def _forget_me(scene: Answering, snapshot: ForgetSnapshot) -> Decision:
    """The member's name becomes "a former member" everywhere the circle shows it; the open
    tasks they held are released."""
    label = scene.phrase("forgetme.label")
    released = list(snapshot.held)
    changes = (
        ForgetMember(scene.member.id, label),
        LogEvent(EventAction.FORGOT_MEMBER, scene.member.id, detail={"released": released}),
    )
    text = scene.phrase("forgetme.done", label=label)
    if released:
        numbers = ", ".join(f"#{number}" for number in released)
        text += " " + scene.phrase("forgetme.released", numbers=numbers)
    return Decision(changes, (scene.reply(text),))
