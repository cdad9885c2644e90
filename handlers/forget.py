"""``/forget``: wiping the circle's memory takes two members, never an administrator.

``/forgetme``: one member takes their own name out of the circle's history.
"""

from __future__ import annotations

from datetime import timedelta

from handlers.turn import Turn
from storage import events
from storage.forget import forget_circle, forget_member, pending_forget_request
from storage.kinds import EventAction

CONFIRM_WITHIN = timedelta(hours=24)
# The forms a platform act's seen key takes (``bot.core.seen_key``).
_SEEN_KINDS = ("message", "edit", "button", "reaction")


def forget(turn: Turn) -> None:
    session, circle_id = turn.session, turn.circle.id
    request = pending_forget_request(session, circle_id, turn.now - CONFIRM_WITHIN)
    name = turn.member.display_name
    if request is None:
        events.log_event(
            session,
            circle_id,
            turn.member.id,
            EventAction.FORGET_REQUESTED,
            turn.now,
            message_id=turn.incoming.message_id,
        )
        turn.say(turn.phrase("forget.asked", name=name))
    elif request.member_id == turn.member.id:
        turn.say(turn.phrase("forget.second"))
    else:
        message_id = turn.incoming.message_id
        forget_circle(session, circle_id, keep_seen=[f"{k}:{message_id}" for k in _SEEN_KINDS])
        # The members are gone too: the record of forgetting names no one.
        events.log_event(session, circle_id, None, EventAction.FORGOTTEN, turn.now)
        turn.say(turn.phrase("forget.done", name=name))


def forget_me(turn: Turn) -> None:
    """The member's name becomes "a former member" everywhere the circle shows it."""
    label = turn.phrase("forgetme.label")
    released = forget_member(turn.session, turn.member.id, label, turn.now)
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        EventAction.FORGOT_MEMBER,
        turn.now,
        detail={"released": released},
    )
    text = turn.phrase("forgetme.done", label=label)
    if released:
        numbers = ", ".join(f"#{number}" for number in released)
        text += " " + turn.phrase("forgetme.released", numbers=numbers)
    turn.say(text)
