"""One member's act to the handler that owns it: the single place intents are routed.

Requests, claims, hand-backs, completions and decisions are decided over a snapshot rather
than handled here: ``dispatch`` returns them (``ToDecide``) for the core to load, decide and
apply (``bot.acting``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from handlers import (
    moves,
    undo,
)
from handlers.claims import Emergency, TaskAct
from handlers.commands import Command, in_range, read_number
from handlers.contacts import ContactAct, contact_command
from handlers.corrections import FalseTask, MessageEdit
from handlers.decisions import NewDecision
from handlers.forget import ForgetAct
from handlers.messages import ButtonAct, pressed
from handlers.queries import QUERY_COMMANDS, Query
from handlers.requests import NewRequest
from handlers.routing import (
    Act,
    AllClear,
    AskPlan,
    Edit,
    NotATask,
    OnMyWay,
    Pick,
    Press,
    React,
    RemindMe,
    Route,
    SaveContact,
    SetZone,
    Undo,
)
from handlers.settings import SETTING_COMMANDS, SettingCommand
from handlers.snoozes import SnoozeRequest
from handlers.turn import Turn
from handlers.understanding import Intent, Kind

CLAIM_REACTIONS = frozenset("✋🙋👋🤚🖐👍👌🫡")
DONE_REACTIONS = frozenset({"✅", "✔", "✔️", "☑", "☑️", "🏁"})

# Commands still handled against storage here.
HANDLED_HERE: dict[str, Callable[[Turn], None]] = {
    "undo": undo.undo_last,
}
# Kinds decided over a snapshot (``handlers.claims``).
TASK_ACTS = frozenset({Kind.CLAIM, Kind.UNCLAIM, Kind.DONE})
# What the core decides over a snapshot at its edge (``bot.acting``).
ToDecide = (
    TaskAct
    | NewRequest
    | NewDecision
    | MessageEdit
    | FalseTask
    | SnoozeRequest
    | SettingCommand
    | ContactAct
    | Query
    | ForgetAct
)


def dispatch(turn: Turn, route: Route, text: str) -> ToDecide | None:
    """Act on a member act already routed: a button, a reaction, an edit, a command, a
    steering phrase or a plain message (``text`` is kept as the record of a task or decision).

    Returns the request, claim, hand-back, done or decision the act is, for the core to decide
    over a snapshot; the turn's own replies follow that decision's.
    """
    match route:
        case Press(action):
            return _press(turn, action)
        case React(emoji):
            return _react(turn, emoji)
        case Edit(original_id, intent):
            # An edited request updates its task, an edited decision its words; any other
            # edited message is read as new.
            return MessageEdit(original_id, intent, text)
        case Command(name, argument):
            return _command(turn, name, argument)
        case Undo():
            undo.undo_last(turn)
        case NotATask():
            return _not_a_task(turn)
        case RemindMe(words):
            return _remind_me(turn, words)
        case SetZone(zone):
            return SettingCommand("timezone", zone)
        case AskPlan():
            return Query("plan")
        case SaveContact(contact):
            return ContactAct(contact)
        case AllClear(intent):
            return TaskAct(intent, Emergency.ALL_CLEAR)
        case OnMyWay(intent):
            return TaskAct(intent, Emergency.HEAD_OUT)
        case Pick(picks):
            moves.take_picked(turn, picks)
        case Act(intent, move):
            task_act = act_on(intent, text)
            if move is not None:
                moves.offer_checklist(turn, move)
            return task_act
    return None


def act_on(intent: Intent, text: str) -> ToDecide | None:
    """What a plain message's reading asks of the circle, for the core to decide."""
    if intent.kind is Kind.TASK:
        return NewRequest(intent, text)
    if intent.kind is Kind.DECISION:
        return NewDecision(text)
    if intent.kind in TASK_ACTS:
        return TaskAct(intent)
    return None


def _press(turn: Turn, action: str) -> TaskAct | None:
    act, named = pressed(action) or (None, "")
    number = read_number(named)
    if number is None:
        return None
    if act is ButtonAct.TAKE_ALL:
        if in_range(number):
            moves.take_all(turn, number)
        return None
    return TaskAct(Intent(Kind(act.value), ref=number)) if act is not None else None


def _react(turn: Turn, emoji: str) -> TaskAct | None:
    """✋ on a task or its acknowledgement claims it; ✅ marks it done; other emoji are chat
    (and so is any emoji on a message that is about no task: the decision finds none)."""
    if not turn.incoming.reply_to_id:
        return None
    if emoji in DONE_REACTIONS:
        return TaskAct(Intent(Kind.DONE))
    if emoji in CLAIM_REACTIONS or emoji.rstrip("\ufe0f") in CLAIM_REACTIONS:
        return TaskAct(Intent(Kind.CLAIM))
    return None


def _not_a_task(turn: Turn) -> FalseTask | None:
    replied = turn.incoming.reply_to_id
    return FalseTask(replied) if replied else None


def _remind_me(turn: Turn, words: str) -> SnoozeRequest | None:
    replied = turn.incoming.reply_to_id
    return SnoozeRequest(_moment(turn, words), reply_to_id=replied) if replied else None


def _command(turn: Turn, name: str, argument: str) -> ToDecide | None:
    if name in SETTING_COMMANDS:
        return SettingCommand(name, argument)
    if name == "contacts":
        return ContactAct()
    if name == "contact":
        return contact_command(turn, argument)
    if name == "done" and argument:
        return None  # "/done 2" is a completion, routed before
    if name in ("forget", "forgetme"):
        return ForgetAct(whole=name == "forget")
    if name in QUERY_COMMANDS:
        return Query(name, argument)  # "/tasks 2": the next page
    if name in HANDLED_HERE:
        HANDLED_HERE[name](turn)
    elif name == "snooze":
        first, _, when = argument.partition(" ")
        number = read_number(first)
        if number is None:
            turn.say(turn.phrase("usage.snooze"))
        elif not in_range(number):
            turn.say(turn.phrase("task.missing", number=number))
        else:
            return SnoozeRequest(_moment(turn, when) if when else None, number=number)
    return None


def _moment(turn: Turn, words: str) -> datetime | None:
    """When "remind me …" / "/snooze N …" ends: a stated time, or the morning of a stated day."""
    from handlers.understanding.due import find_when

    due: date | datetime | None = find_when(words, turn.said_at, turn.circle.languages).due
    if due is None or isinstance(due, datetime):
        return due
    return turn.circle.morning_of(due)
