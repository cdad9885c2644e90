"""Where one member act goes, decided once from the act and its cleaned text.

The core routes a message before any storage work, so ordinary chat is dismissed at once, and
hands the route on: nothing downstream reads the text, its commands or its steering words again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from handlers.commands import Command, read_command
from handlers.messages import Incoming
from handlers.settings import zone_from_phrase
from handlers.understanding import NOTHING, Intent, Kind, understand
from handlers.understanding.all_clear import all_clear, on_my_way
from handlers.understanding.contacts import ContactReading, read_contact
from handlers.understanding.languages import other_languages
from handlers.understanding.plan_request import asks_for_plan
from handlers.understanding.steering import is_not_a_task, is_undo, remind_me_when
from handlers.understanding.transitions import Move, Picks, find_move, read_picks


@dataclass(frozen=True, slots=True)
class Press:
    """A button under one of the bot's messages (``"claim:12"``)."""

    action: str


@dataclass(frozen=True, slots=True)
class React:
    """An emoji put on a message."""

    emoji: str


@dataclass(frozen=True, slots=True)
class Edit:
    """A message changed after it was sent, with the reading of its new text."""

    original_id: str
    intent: Intent


@dataclass(frozen=True, slots=True)
class Undo:
    """ "undo" in any of the circle's languages."""


@dataclass(frozen=True, slots=True)
class NotATask:
    """ "not a task", as a reply to a request the bot misread."""


@dataclass(frozen=True, slots=True)
class RemindMe:
    """ "remind me tomorrow", as a reply to a request: the holder's own snooze."""

    words: str


@dataclass(frozen=True, slots=True)
class SetZone:
    """ "our time zone is Europe/Madrid"."""

    zone: str


@dataclass(frozen=True, slots=True)
class AskPlan:
    """ "where are we with Mum's care?": the circle's plan, as ``/plan`` says it."""


@dataclass(frozen=True, slots=True)
class SaveContact:
    """ "the GP is Dr Levin, 020 7946 0000": a contact for the plan."""

    contact: ContactReading


@dataclass(frozen=True, slots=True)
class Act:
    """A plain message read for what it asks of the circle; ``Kind.NONE`` is chatter unless
    it announces a ``move`` (the bot then offers that move's checklist)."""

    intent: Intent
    move: Move | None = None


@dataclass(frozen=True, slots=True)
class Pick:
    """ "all", "1 3": items taken from the checklist the bot offered for a move."""

    picks: Picks


@dataclass(frozen=True, slots=True)
class AllClear:
    """ "she's OK", "fausse alerte": ends an open urgent task; else read as ``intent``."""

    intent: Intent


@dataclass(frozen=True, slots=True)
class OnMyWay:
    """ "on my way", "bin unterwegs": claims an open urgent task; else read as ``intent``."""

    intent: Intent


# Kinds that act on a task already there: never what a move announcement means.
ACTS_ON_A_TASK = frozenset({Kind.CLAIM, Kind.UNCLAIM, Kind.DONE})

Route = (
    Press
    | React
    | Edit
    | Command
    | Undo
    | NotATask
    | RemindMe
    | SetZone
    | AskPlan
    | SaveContact
    | AllClear
    | OnMyWay
    | Pick
    | Act
)
CHATTER = Act(Intent(Kind.NONE))


def route(incoming: Incoming, text: str, said_at: datetime, languages: Sequence[str]) -> Route:
    """The one reading of a member act; ``said_at`` is its moment in the circle's zone."""
    if incoming.button is not None:
        return Press(incoming.button)
    if incoming.reaction is not None:
        return React(incoming.reaction.strip())
    if not text:
        return CHATTER
    if incoming.edit_of is not None:
        return Edit(incoming.edit_of, understand(text, said_at, languages))
    command = read_command(text)
    if command is not None and not _is_explicit_act(command):
        return command
    if is_undo(text):
        return Undo()
    if is_not_a_task(text):
        return NotATask()
    words = remind_me_when(text, languages) if incoming.reply_to_id else None
    if words is not None:
        return RemindMe(words)
    zone = zone_from_phrase(text)
    if zone is not None:
        return SetZone(zone)
    if asks_for_plan(text, languages):
        return AskPlan()
    # Numbers are read in the country of the circle's zone, which ``said_at`` carries.
    contact = read_contact(text, languages, str(said_at.tzinfo))
    if contact is not None:
        return SaveContact(contact)
    picks = read_picks(text, languages)
    if picks is not None:
        return Pick(picks)
    intent = understand(text, said_at, languages)
    move = find_move(text, said_at, languages)
    if move is not None and intent.kind in ACTS_ON_A_TASK and intent.ref is None:
        # "Dad comes home on Thursday" may read like "coming!", "maman rentre mardi" like a
        # "done": a move is news for the circle, not an act on whatever task is open.
        intent = NOTHING
    # "All good" may read as a plain "done" (or a decision), "on my way" as a plain claim: with
    # an urgent task open, dispatch reads them as its all-clear or its claim (else as read here).
    plain = intent.ref is None and not incoming.reply_to_id
    if (
        intent.kind in (Kind.NONE, Kind.DONE, Kind.DECISION)
        and plain
        and all_clear(text, languages)
    ):
        # "Sie ist okay" is how someone is, never what the circle decided.
        return AllClear(NOTHING if intent.kind is Kind.DECISION else intent)
    if intent.kind in (Kind.NONE, Kind.CLAIM) and plain and on_my_way(text, languages):
        return OnMyWay(intent)
    return Act(intent, move)


def unread_language(
    incoming: Incoming, text: str, said_at: datetime, languages: Sequence[str]
) -> str | None:
    """The language a message the circle's own languages read as chat is written in, when it
    is one the bot knows but the circle has not set and, read in it, the message is an act
    (someone asked in Spanish in an English-only circle); else None.

    Called only for chat: it counts typical words first, and reads the message again only in
    a language whose words it has more of than of the circle's own.
    """
    if not text or incoming.edit_of is not None:
        return None
    for code in other_languages(text, languages):  # the likeliest first
        read = route(incoming, text, said_at, (code,))
        # An all-clear read as nothing else is news, unless an emergency is open, and "all"
        # or "2" answers an offer only where one was made: no hint.
        news = isinstance(read, AllClear | OnMyWay) and read.intent.kind is Kind.NONE
        if not is_chatter(read) and not news and not isinstance(read, Pick):
            return code
    return None


def _is_explicit_act(command: Command) -> bool:
    """``/claim 4``, ``/task buy milk``: acts that understanding reads like ``task: …``;
    ``/done`` alone lists what is done."""
    return command.name in ("task", "claim", "unclaim", "decide") or (
        command.name == "done" and bool(command.argument)
    )


def is_chatter(route: Route) -> bool:
    return isinstance(route, Act) and route.intent.kind is Kind.NONE and route.move is None


def may_change_circle(route: Route) -> bool:
    """Commands and steering may change the circle's settings (an undo may revert one)."""
    return isinstance(route, Command | Undo | SetZone)
