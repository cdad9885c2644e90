"""One member's act to the handler that owns it: the single place intents are routed.

Nothing is handled here: ``dispatch`` names the acts a routed message asks for (``ToDecide``),
for the core to load a snapshot for each, decide it and apply it (``bot.acting``).
"""

from __future__ import annotations

from datetime import date, datetime

from handlers.claims import Emergency, TaskAct
from handlers.commands import Command, in_range, read_number
from handlers.contacts import ContactAct, contact_command
from handlers.corrections import FalseTask, MessageEdit
from handlers.decisions import NewDecision
from handlers.forget import ForgetAct
from handlers.messages import ButtonAct, pressed
from handlers.moves import AnnouncedMove, TakeItems, button_move
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
from handlers.undo import UndoAct

CLAIM_REACTIONS = frozenset("✋🙋👋🤚🖐👍👌🫡")
DONE_REACTIONS = frozenset({"✅", "✔", "✔️", "☑", "☑️", "🏁"})

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
    | UndoAct
    | AnnouncedMove
    | TakeItems
)


def dispatch(turn: Turn, route: Route, text: str) -> tuple[ToDecide, ...]:
    """What a member act already routed asks of the circle: a button, a reaction, an edit, a
    command, a steering phrase or a plain message (``text`` is kept as the record of a task or
    decision).

    Returns the acts, in order, for the core to decide each over a snapshot (``bot.acting``);
    the turn's own replies (a usage hint) follow theirs.
    """
    match route:
        case Press(action):
            return _press(action)
        case React(emoji):
            return _react(turn, emoji)
        case Edit(original_id, intent):
            # An edited request updates its task, an edited decision its words; any other
            # edited message is read as new.
            return (MessageEdit(original_id, intent, text),)
        case Command(name, argument):
            return _command(turn, name, argument)
        case Undo():
            return (UndoAct(),)
        case NotATask():
            return _not_a_task(turn)
        case RemindMe(words):
            return _remind_me(turn, words)
        case SetZone(zone):
            return (SettingCommand("timezone", zone),)
        case AskPlan():
            return (Query("plan"),)
        case SaveContact(contact):
            return (ContactAct(contact),)
        case AllClear(intent):
            return (TaskAct(intent, Emergency.ALL_CLEAR),)
        case OnMyWay(intent):
            return (TaskAct(intent, Emergency.HEAD_OUT),)
        case Pick(picks):
            return (TakeItems(picks.numbers),)
        case Act(intent, move):
            announced = () if move is None else (AnnouncedMove(move),)
            return (*_one(act_on(intent, text)), *announced)
    return ()


def act_on(intent: Intent, text: str) -> ToDecide | None:
    """What a plain message's reading asks of the circle, for the core to decide."""
    if intent.kind is Kind.TASK:
        return NewRequest(intent, text)
    if intent.kind is Kind.DECISION:
        return NewDecision(text)
    if intent.kind in TASK_ACTS:
        return TaskAct(intent)
    return None


def _press(action: str) -> tuple[ToDecide, ...]:
    act, named = pressed(action) or (None, "")
    if act is ButtonAct.TAKE_ALL:
        move = button_move(named)
        return () if move is None else (TakeItems(named=move),)
    number = read_number(named)
    if act is None or number is None:
        return ()
    return (TaskAct(Intent(Kind(act.value), ref=number)),)


def _react(turn: Turn, emoji: str) -> tuple[TaskAct, ...]:
    """✋ on a task or its acknowledgement claims it; ✅ marks it done; other emoji are chat
    (and so is any emoji on a message that is about no task: the decision finds none)."""
    if not turn.incoming.reply_to_id:
        return ()
    if emoji in DONE_REACTIONS:
        return (TaskAct(Intent(Kind.DONE)),)
    if emoji in CLAIM_REACTIONS or emoji.rstrip("\ufe0f") in CLAIM_REACTIONS:
        return (TaskAct(Intent(Kind.CLAIM)),)
    return ()


def _not_a_task(turn: Turn) -> tuple[FalseTask, ...]:
    replied = turn.incoming.reply_to_id
    return (FalseTask(replied),) if replied else ()


def _remind_me(turn: Turn, words: str) -> tuple[SnoozeRequest, ...]:
    replied = turn.incoming.reply_to_id
    return (SnoozeRequest(_moment(turn, words), reply_to_id=replied),) if replied else ()


def _command(turn: Turn, name: str, argument: str) -> tuple[ToDecide, ...]:
    if name in SETTING_COMMANDS:
        return (SettingCommand(name, argument),)
    if name == "contacts":
        return (ContactAct(),)
    if name == "contact":
        return (contact_command(turn, argument),)
    if name == "done" and argument:
        return ()  # "/done 2" is a completion, routed before
    if name in ("forget", "forgetme"):
        return (ForgetAct(whole=name == "forget"),)
    if name in QUERY_COMMANDS:
        return (Query(name, argument),)  # "/tasks 2": the next page
    if name == "undo":
        return (UndoAct(),)
    if name == "snooze":
        first, _, when = argument.partition(" ")
        number = read_number(first)
        if number is None:
            turn.say(turn.phrase("usage.snooze"))
        elif not in_range(number):
            turn.say(turn.phrase("task.missing", number=number))
        else:
            return (SnoozeRequest(_moment(turn, when) if when else None, number=number),)
    return ()


def _one(act: ToDecide | None) -> tuple[ToDecide, ...]:
    return () if act is None else (act,)


def _moment(turn: Turn, words: str) -> datetime | None:
    """When "remind me …" / "/snooze N …" ends: a stated time, or the morning of a stated day."""
    from handlers.understanding.due import find_when

    due: date | datetime | None = find_when(words, turn.said_at, turn.circle.languages).due
    if due is None or isinstance(due, datetime):
        return due
    return turn.circle.morning_of(due)
