"""Frozen views of stored rows: what storage hands to the rest of the bot."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from functools import cache
from zoneinfo import ZoneInfo

from storage.kinds import EventAction, TaskStatus

# When a circle that keeps no quiet hours starts its day.
DEFAULT_MORNING = time(8, 0)


@cache
def zone_named(name: str) -> ZoneInfo:
    """The zone of that IANA name, read from disk once per process: ``ZoneInfo`` keeps only a
    few zones it was not asked for lately, and a host with many circles asks for hundreds."""
    return ZoneInfo(name)


@dataclass(frozen=True, slots=True)
class CircleRecord:
    id: int
    platform: str
    chat_id: str
    name: str
    timezone: str
    languages: tuple[str, ...]
    quiet_start: str
    quiet_end: str
    digest_time: str | None

    @property
    def zone(self) -> ZoneInfo:
        return zone_named(self.timezone)

    def morning_of(self, day: date) -> datetime:
        """The end of quiet hours on ``day`` (08:00 when the circle keeps none), in its zone:
        when a day-only task, a snooze to a day or a reminder for a day wakes."""
        clock = DEFAULT_MORNING
        if self.quiet_start != self.quiet_end:
            hours, minutes = self.quiet_end.split(":")
            clock = time(int(hours), int(minutes))
        return datetime.combine(day, clock, tzinfo=self.zone)


@dataclass(frozen=True, slots=True)
class MemberRecord:
    id: int
    user_id: str
    display_name: str
    role_label: str | None
    is_muted: bool
    urgent_at_night: bool = True  # whether an urgent request may mention them in quiet hours


@dataclass(frozen=True, slots=True)
class TaskRecord:
    """A task with the names of whoever holds it, oldest claim first."""

    id: int
    number: int
    title: str
    due_at: datetime | None
    due_on: date | None
    recurrence: str | None
    is_urgent: bool
    status: TaskStatus
    requester_id: int | None
    claimers: tuple[MemberRecord, ...]
    held_since: datetime | None  # the first claim among the current holders'
    done_at: datetime | None
    done_by: str | None
    created_at: datetime
    source_message_id: str | None

    @property
    def is_open(self) -> bool:
        return self.status == TaskStatus.OPEN

    def is_held_by(self, member_id: int) -> bool:
        return any(holder.id == member_id for holder in self.claimers)


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    id: int
    number: int
    text: str
    decided_by: str | None
    decided_at: datetime


# The outbox dedupe key of a move's offer starts so (``offer_key``).
OFFER_KEY = "offer:"


def offer_key(circle_id: int, kind: str, day: date) -> str:
    """The outbox dedupe key of a move's offer, named as the move is (its circle, kind and
    day): queued once, and found again by a reply to it."""
    return f"{OFFER_KEY}{circle_id}:{kind}:{day.isoformat()}"


@dataclass(frozen=True, slots=True)
class MoveRecord:
    """A move a member announced; ``kind`` is a checklist's name, ``day`` the move's day."""

    id: int
    circle_id: int
    kind: str
    day: date
    source_message_id: str | None
    offer_at: datetime


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An entry of the event log; ``detail`` holds what undo needs to put things back."""

    id: int
    action: EventAction
    task_id: int | None
    decision_id: int | None
    detail: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class ContactRecord:
    """A role's contact and who last said it."""

    role: str
    name: str
    phone: str | None  # E.164
    said_by: str | None
    updated_at: datetime


class Pool(Enum):
    """The tasks a message without a number or a reply may mean."""

    UNCLAIMED = "unclaimed"  # the latest open tasks nobody holds
    RECENT_OPEN = "recent_open"  # the latest open tasks
    MINE = "mine"  # the open tasks the member holds
    URGENT = "urgent"  # every open urgent task, the latest first


@dataclass(frozen=True, slots=True)
class Wanted:
    """Which tasks to read: by number, by a message about them, and whole pools."""

    number: int | None = None
    message_id: str | None = None
    pools: frozenset[Pool] = frozenset()
    decision_of: str | None = None  # the message a decision may have been recorded from


@dataclass(frozen=True, slots=True)
class ActSnapshot:
    """What a claim, hand-back or done decides over (``storage.act_snapshots``)."""

    next_number: int  # what the circle's next task (a next occurrence) is numbered
    numbered: TaskRecord | None = None
    replied: TaskRecord | None = None  # the task whose request or acknowledgement was answered
    pools: Mapping[Pool, tuple[TaskRecord, ...]] = field(default_factory=dict)
    acknowledgements: Mapping[int, str] = field(default_factory=dict)  # task id → message id
    followed: frozenset[int] = frozenset()  # tasks whose next occurrence has been opened
    decided: DecisionRecord | None = None  # the decision recorded from ``Wanted.decision_of``

    def pool(self, which: Pool) -> tuple[TaskRecord, ...]:
        return self.pools.get(which, ())


@dataclass(frozen=True, slots=True)
class OpeningSnapshot:
    """What opening a task decides over (``storage.act_snapshots.load_opening``): the number it
    gets, and for an urgent one the members its announcement may call."""

    next_number: int
    members: tuple[MemberRecord, ...] = ()


class Shown(Enum):
    """What a member's question is answered from (``ShownSnapshot``)."""

    OPEN = "open"  # the circle's open tasks
    MINE = "mine"  # the open tasks the member holds
    DECISIONS = "decisions"
    DONE = "done"  # tasks done lately
    ALL_TASKS = "all_tasks"  # every task, for an export
    CONTACTS = "contacts"
    MEMBERS = "members"  # the active members


@dataclass(frozen=True, slots=True)
class ShownSnapshot:
    """What a member's question is answered from; what was not wanted stays empty."""

    open_tasks: tuple[TaskRecord, ...] = ()
    mine: tuple[TaskRecord, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()
    done: tuple[TaskRecord, ...] = ()
    all_tasks: tuple[TaskRecord, ...] = ()
    contacts: tuple[ContactRecord, ...] = ()
    members: tuple[MemberRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ForgetSnapshot:
    """What ``/forget`` and ``/forgetme`` decide over: who asked to forget the circle (within
    the day, and not undone), and the numbers of the open tasks the member holds."""

    requested_by: int | None = None
    held: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class UndoSnapshot:
    """What an undo decides over (``storage.act_snapshots.load_undo``): the member's last change
    still standing, the task it was about with its acknowledgement, and, for a completion, the
    next occurrence it opened if nothing has happened to that occurrence since."""

    event: EventRecord | None
    task: TaskRecord | None = None
    acknowledgement: str | None = None  # the platform id of the task's acknowledgement
    untouched_follower: int | None = None


@dataclass(frozen=True, slots=True)
class OfferSnapshot:
    """What taking items of a move's checklist decides over: the move answered, the items taken
    from it before, and the number the circle's next task gets."""

    move: MoveRecord | None
    taken: frozenset[int] = frozenset()
    next_number: int = 0
