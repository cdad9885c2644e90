"""Recording what the circle decided, and correcting it when its message is edited."""

from __future__ import annotations

import re

from handlers.turn import Turn
from storage import decisions, events
from storage.kinds import EventAction

DECISION_MAX_CHARS = 1_000
_EXPLICIT_PREFIX = re.compile(r"^\s*(?:/decide(?:@\w+)?|decision\s*:)\s*", re.IGNORECASE)
# Put on a message the bot has recorded as a decision ("agreed").
DECIDED_REACTION = "🤝"


def decision_text(text: str) -> str:
    """The decision as members will read it back: the message without an explicit prefix."""
    cleaned = " ".join(_EXPLICIT_PREFIX.sub("", text, count=1).split())
    return cleaned[:DECISION_MAX_CHARS]


def record_decision(turn: Turn, text: str) -> None:
    body = decision_text(text)
    if not body:
        turn.say(turn.phrase("decision.ask"))
        return
    decision = decisions.add_decision(
        turn.session, turn.circle.id, body, turn.member.id, turn.incoming.subject_id, turn.now
    )
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        EventAction.DECIDED,
        turn.now,
        decision_id=decision.id,
        message_id=turn.incoming.message_id,
    )
    turn.say(
        turn.phrase("decision.recorded", number=decision.number, text=body),
        reaction=DECIDED_REACTION,
    )


def update_decision(turn: Turn, decision_id: int, before: str, text: str) -> None:
    body = decision_text(text)
    if not body or body == before:
        return
    decisions.set_decision(turn.session, decision_id, text=body)
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        EventAction.DECISION_EDITED,
        turn.now,
        decision_id=decision_id,
        message_id=turn.incoming.message_id,
        detail={"before": before},
    )
    turn.say(turn.phrase("decision.updated", text=body), reaction=DECIDED_REACTION)
