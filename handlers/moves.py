"""A move of the person cared for: the checklist offered once, and the tasks taken from it.

When a member says someone comes home from hospital (or goes into respite, rehab or a care
home) on a day, the bot offers, once per move, what such a move usually needs, numbered. A
member answers "all", "1 3" or with the button; each item taken becomes ordinary tasks due
around the move. Said in quiet hours, the offer waits for the morning: the nudge scheduler
posts it (``bot.nudging``) as quiet hours end.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from handlers.checklists import Item, checklist
from handlers.formatting import format_day
from handlers.messages import Button, ButtonAct, Outgoing
from handlers.nudges import after_quiet_hours
from handlers.phrases import phrase
from handlers.requests import NOTED_REACTION, open_task
from handlers.turn import Turn
from handlers.understanding import Intent, Kind
from handlers.understanding.transitions import Move, Picks
from storage import moves, tasks
from storage.records import CircleRecord, MoveRecord, TaskRecord
from storage.unit_of_work import apply_changes

# A pick said without replying to the offer ("all", "2 4") answers the latest offer this recent.
ANSWER_WITHOUT_REPLY = timedelta(hours=24)


def offer_checklist(turn: Turn, move: Move) -> None:
    """Offer the move's checklist, once per move; in quiet hours the scheduler posts it later."""
    circle = turn.circle
    offer_at = after_quiet_hours(circle, turn.now)
    record = moves.add_move(
        turn.session,
        circle.id,
        turn.member.id,
        move.kind,
        move.day,
        turn.incoming.subject_id,
        turn.now,
        offer_at,
    )
    if record is None or offer_at > turn.now:
        return
    moves.mark_offered(turn.session, record.id, turn.now)
    turn.say(
        offer_text(circle, record), buttons=offer_buttons(circle, record), dedupe_key=key(record)
    )


def held_offer(circle: CircleRecord, record: MoveRecord) -> Outgoing:
    """An offer that waited for quiet hours to end, as a reply to the announcement."""
    return Outgoing(
        platform=circle.platform,
        chat_id=circle.chat_id,
        text=offer_text(circle, record),
        reply_to_id=record.source_message_id,
        buttons=offer_buttons(circle, record),
    )


def key(record: MoveRecord) -> str:
    """The offer's dedupe key in the outbox: queued once, and found again by replies to it."""
    return f"{moves.OFFER_KEY}{record.id}"


def offer_text(circle: CircleRecord, record: MoveRecord) -> str:
    languages = circle.languages
    head = phrase(f"move.offer.{record.kind}", languages, day=format_day(record.day, languages))
    items = [f"{item.number}. {item.title}" for item in checklist(record.kind, languages)]
    return "\n".join([head, *items, phrase("move.how", languages)])


def offer_buttons(circle: CircleRecord, record: MoveRecord) -> tuple[Button, ...]:
    label = phrase("button.take_all", circle.languages)
    return (Button.acting(label, ButtonAct.TAKE_ALL, record.id),)


def take_picked(turn: Turn, picks: Picks) -> None:
    """ "all" or "1 3" as a reply to an offer (or soon after one): those items become tasks."""
    replied = turn.incoming.reply_to_id
    session, circle_id = turn.session, turn.circle.id
    if replied:
        record = moves.offered_move(session, circle_id, replied)
    else:
        record = moves.latest_offered(session, circle_id, turn.now - ANSWER_WITHOUT_REPLY)
    if record is not None:
        _take(turn, record, picks.numbers)


def take_all(turn: Turn, move_id: int) -> None:
    """The offer's button: every item becomes tasks."""
    record = moves.move_by_id(turn.session, turn.circle.id, move_id)
    if record is not None:
        _take(turn, record, ())


def _take(turn: Turn, record: MoveRecord, numbers: tuple[int, ...]) -> None:
    """Items not taken before become tasks, said in one reply; taken twice, nothing new."""
    chosen = [
        item
        for item in checklist(record.kind, turn.circle.languages)
        if not numbers or item.number in numbers
    ]
    if not chosen:
        return
    added: list[TaskRecord] = []
    for item in chosen:
        if moves.take_item(turn.session, record.id, item.number, turn.now):
            added += _tasks_of(turn, record, item)
    # Quiet by default, as for any request: a mark where the platform has reactions; the
    # circle meets the tasks' numbers and times in the digest, their nudges and /tasks.
    if not added:
        turn.say(turn.phrase("move.taken_before"), reaction="👌")
        return
    lines = [turn.line(task, with_holders=False) for task in added]
    turn.say("\n".join([turn.phrase("move.taken"), *lines]), reaction=NOTED_REACTION)


def _tasks_of(turn: Turn, record: MoveRecord, item: Item) -> list[TaskRecord]:
    """An item's tasks, one per due; a due already past (the day before a move said on its
    day) falls on the day the item was taken."""
    today = turn.said_at.date()
    found = []
    for due in item.dues:
        moment: date | datetime = due.on(record.day, turn.circle.zone)
        if not isinstance(moment, datetime) and moment < today:
            moment = today
        intent = Intent(Kind.TASK, title=item.title, due=moment)
        found.append(_add_task(turn, intent, item.title))
    return found


def _add_task(turn: Turn, intent: Intent, title: str) -> TaskRecord:
    """Store an item's task at once, opened as a request's is (one reply says all the items
    taken, so nothing acknowledges it alone)."""
    number = tasks.next_task_number(turn.session, turn.circle.id)
    opened = apply_changes(
        turn.session, turn.circle.id, open_task(turn, intent, title, number), turn.now
    )
    return tasks.task_record(turn.session, opened[number])
