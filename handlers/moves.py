"""A move of the person cared for: the checklist offered once, and the tasks taken from it.

When a member says someone comes home from hospital (or goes into respite, rehab or a care
home) on a day, the bot offers, once per move, what such a move usually needs, numbered. A
member answers "all", "1 3" or with the button; each item taken becomes ordinary tasks due
around the move. Said in quiet hours, the offer waits for the morning: the nudge scheduler
posts it (``bot.nudging``) as quiet hours end.

Both acts are decided over a snapshot (``bot.acting``): nothing here reads or writes the
database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from handlers.checklists import Item, checklist
from handlers.formatting import format_day
from handlers.messages import Button, ButtonAct, Outgoing
from handlers.nudges import after_quiet_hours
from handlers.phrases import phrase
from handlers.requests import NOTED_REACTION, as_opened, open_task
from handlers.turn import Decision, Scene
from handlers.understanding import Intent, Kind
from handlers.understanding.transitions import Move
from storage.changes import AddMove, Change, TakeItem
from storage.records import CircleRecord, MoveRecord, OfferSnapshot, TaskRecord, offer_key

# A pick said without replying to the offer ("all", "2 4") answers the latest offer this recent.
ANSWER_WITHOUT_REPLY = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class AnnouncedMove:
    """A message that says the person cared for moves on a day."""

    move: Move


@dataclass(frozen=True, slots=True)
class TakeItems:
    """Items of an offer taken: by ``numbers`` (none: all), from the move its button names or,
    without one, the offer answered (by a reply, else the latest offer)."""

    numbers: tuple[int, ...] = ()
    named: tuple[str, date] | None = None  # the pressed button's move: its kind and day

    def offered_since(self, now: datetime) -> datetime:
        return now - ANSWER_WITHOUT_REPLY


def offer_checklist(scene: Scene, act: AnnouncedMove, known: MoveRecord | None) -> Decision:
    """Record the move and offer its checklist, once per move (``known``: the circle has it);
    in quiet hours the scheduler posts the offer later."""
    if known is not None:
        return Decision()
    circle, move = scene.circle, act.move
    offer_at = after_quiet_hours(circle, scene.now)
    offered = offer_at <= scene.now
    added = AddMove(
        move.kind, move.day, scene.member.id, scene.incoming.subject_id, offer_at, offered
    )
    if not offered:
        return Decision((added,))
    offer = scene.reply(
        offer_text(circle, move.kind, move.day),
        buttons=offer_buttons(circle, move.kind, move.day),
        dedupe_key=offer_key(circle.id, move.kind, move.day),
    )
    return Decision((added,), (offer,))


def held_offer(circle: CircleRecord, record: MoveRecord) -> Outgoing:
    """An offer that waited for quiet hours to end, as a reply to the announcement."""
    return Outgoing(
        platform=circle.platform,
        chat_id=circle.chat_id,
        text=offer_text(circle, record.kind, record.day),
        reply_to_id=record.source_message_id,
        buttons=offer_buttons(circle, record.kind, record.day),
    )


def offer_text(circle: CircleRecord, kind: str, day: date) -> str:
    languages = circle.languages
    head = phrase(f"move.offer.{kind}", languages, day=format_day(day, languages))
    items = [f"{item.number}. {item.title}" for item in checklist(kind, languages)]
    return "\n".join([head, *items, phrase("move.how", languages)])


def offer_buttons(circle: CircleRecord, kind: str, day: date) -> tuple[Button, ...]:
    label = phrase("button.take_all", circle.languages)
    return (Button(label, f"{ButtonAct.TAKE_ALL}:{kind}:{day.isoformat()}"),)


def button_move(named: str) -> tuple[str, date] | None:
    """The move an offer's button names ("home:2026-12-10"); None for anything else."""
    kind, _, day = named.partition(":")
    try:
        return kind, date.fromisoformat(day)
    except ValueError:
        return None


def take_items(scene: Scene, snapshot: OfferSnapshot, act: TakeItems) -> Decision:
    """Items not taken before become tasks, said in one reply; taken twice, nothing new."""
    move = snapshot.move
    if move is None:
        return Decision()
    chosen = [
        item
        for item in checklist(move.kind, scene.circle.languages)
        if not act.numbers or item.number in act.numbers
    ]
    if not chosen:
        return Decision()
    changes: list[Change] = []
    added: list[TaskRecord] = []
    for item in chosen:
        if item.number in snapshot.taken:
            continue
        changes.append(TakeItem(move.id, item.number))
        for intent in _intents_of(scene, move, item):
            opening = open_task(scene, intent, item.title, snapshot.next_number + len(added))
            changes += opening
            added.append(as_opened(opening[0], scene.now))
    # Quiet by default, as for any request: a mark where the platform has reactions; the
    # circle meets the tasks' numbers and times in the digest, their nudges and /tasks.
    if not added:
        return Decision(replies=(scene.reply(scene.phrase("move.taken_before"), reaction="👌"),))
    lines = [scene.line(task, with_holders=False) for task in added]
    taken = scene.reply("\n".join([scene.phrase("move.taken"), *lines]), reaction=NOTED_REACTION)
    return Decision(tuple(changes), (taken,))


def _intents_of(scene: Scene, move: MoveRecord, item: Item) -> list[Intent]:
    """An item's tasks, one per due; a due already past (the day before a move said on its
    day) falls on the day the item was taken."""
    today = scene.said_at.date()
    found = []
    for due in item.dues:
        moment: date | datetime = due.on(move.day, scene.circle.zone)
        if not isinstance(moment, datetime) and moment < today:
            moment = today
        found.append(Intent(Kind.TASK, title=item.title, due=moment))
    return found
