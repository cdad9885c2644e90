"""``/forget``: wiping the circle's memory takes two members, never an administrator."""

from __future__ import annotations

from datetime import timedelta

from handlers.turn import Turn
from storage import events
from storage.forget import forget_circle, pending_forget_request

CONFIRM_WITHIN = timedelta(hours=24)


def forget(turn: Turn) -> None:
    session, circle_id = turn.session, turn.circle.id
    request = pending_forget_request(session, circle_id, turn.now - CONFIRM_WITHIN)
    name = turn.member.display_name
    if request is None:
        events.log_event(
            session,
            circle_id,
            turn.member.id,
            "forget_requested",
            turn.now,
            message_id=turn.incoming.message_id,
        )
        turn.say(turn.phrase("forget.asked", name=name))
    elif request.member_id == turn.member.id:
        turn.say(turn.phrase("forget.second"))
    else:
        forget_circle(session, circle_id)
        events.log_event(
            session,
            circle_id,
            turn.member.id,
            "forgotten",
            turn.now,
            message_id=turn.incoming.message_id,
            detail={"requested_by": request.member_id},
        )
        turn.say(turn.phrase("forget.done", name=name))
