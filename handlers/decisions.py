"""Recording what the circle decided, and correcting it when its message is edited, decided
over a snapshot (``bot.acting``): nothing here reads or writes the database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.turn import Decision, Scene
from storage.changes import Decided, LogEvent, RecordDecision, RewordDecision
from storage.kinds import EventAction

DECISION_MAX_CHARS = 1_000
_EXPLICIT_PREFIX = re.compile(r"^\s*(?:/decide(?:@\w+)?|decision\s*:)\s*", re.IGNORECASE)
# Put on a message the bot has recorded as a decision ("agreed").
DECIDED_REACTION = "🤝"


@dataclass(frozen=True, slots=True)
class NewDecision:
    """A message that settles something, as written."""

    text: str


@dataclass(frozen=True, slots=True)
class DecisionEdit:
    """The message a decision was recorded from, edited: the decision read ``before``."""

    decision_id: int
    before: str
    text: str


def decision_text(text: str) -> str:
    """The decision as members will read it back: the message without an explicit prefix."""
    cleaned = " ".join(_EXPLICIT_PREFIX.sub("", text, count=1).split())
    return cleaned[:DECISION_MAX_CHARS]


def record_decision(scene: Scene, act: NewDecision, number: int) -> Decision:
    """The circle's next decision, ``number``, in the member's words (or what to write)."""
    body = decision_text(act.text)
    if not body:
        return Decision(replies=(scene.reply(scene.phrase("decision.ask")),))
    member_id, message_id = scene.member.id, scene.incoming.message_id
    changes = (
        RecordDecision(number, body, member_id, scene.incoming.subject_id),
        LogEvent(EventAction.DECIDED, member_id, message_id=message_id, decision=Decided(number)),
    )
    said = scene.phrase("decision.recorded", number=number, text=body)
    return Decision(changes, (scene.reply(said, reaction=DECIDED_REACTION),))


def update_decision(scene: Scene, act: DecisionEdit) -> Decision:
    """The decision reads as its edited message now does (nothing when the words are the same)."""
    body = decision_text(act.text)
    if not body or body == act.before:
        return Decision()
    changes = (
        RewordDecision(act.decision_id, act.before, body),
        LogEvent(
            EventAction.DECISION_EDITED,
            scene.member.id,
            message_id=scene.incoming.message_id,
            detail={"before": act.before},
            decision=act.decision_id,
        ),
    )
    said = scene.phrase("decision.updated", text=body)
    return Decision(changes, (scene.reply(said, reaction=DECIDED_REACTION),))
