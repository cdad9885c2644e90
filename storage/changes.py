"""What a member act changes, as values: decided in memory, written by ``storage.unit_of_work``.

An act may open a task whose id it cannot know yet (a request, a recurring task's next
occurrence);
it names that task by the number it will get, ``Opened(number)``, wherever an id is wanted (a
claim on it, an event about it, a value in another event's detail), and the unit of work puts
the id in once the row exists. A decision of the circle recorded by the same act is named the
same way, ``Decided(number)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from storage.kinds import EventAction, TaskStatus


@dataclass(frozen=True, slots=True)
class Opened:
    """The task this same decision opens with that number, before it has an id."""

    number: int


TaskRef = int | Opened


@dataclass(frozen=True, slots=True)
class Decided:
    """The circle's decision this same act records with that number, before it has an id."""

    number: int


DecisionRef = int | Decided


@dataclass(frozen=True, slots=True)
class ClaimTask:
    """The member becomes one of the task's holders (again, after a hand-back)."""

    task: TaskRef
    member_id: int


@dataclass(frozen=True, slots=True)
class ReleaseClaim:
    """The member hands the task back."""

    task_id: int
    member_id: int


@dataclass(frozen=True, slots=True)
class SetStatus:
    """The task moves from one of ``old`` to ``new``; ``done_by_id`` is credited for ``done``."""

    task_id: int
    old: tuple[TaskStatus, ...]
    new: TaskStatus
    done_by_id: int | None = None


@dataclass(frozen=True, slots=True)
class TaskFields:
    """What a request says its task is: its title, its words, when and how often, and whether
    someone is needed now (the columns of the same names)."""

    title: str
    source_text: str
    due_at: datetime | None
    due_on: date | None
    recurrence: str | None
    is_urgent: bool


@dataclass(frozen=True, slots=True)
class OpenTask:
    """A member's request becomes the circle's task numbered ``number``."""

    number: int
    fields: TaskFields
    source_message_id: str | None
    requester_id: int


@dataclass(frozen=True, slots=True)
class ReviseTask:
    """A request's message was edited: its open task reads as the message now does."""

    task_id: int
    fields: TaskFields


@dataclass(frozen=True, slots=True)
class SnoozeTask:
    """No routine reminders to the member about the task until ``until``."""

    task_id: int
    member_id: int
    until: datetime


@dataclass(frozen=True, slots=True)
class OpenOccurrence:
    """A recurring task's next occurrence, numbered ``number``, following ``previous_id``."""

    number: int
    previous_id: int
    title: str
    requester_id: int | None
    due_at: datetime | None
    due_on: date | None
    recurrence: str


@dataclass(frozen=True, slots=True)
class RecordDecision:
    """The circle settled something: ``text``, numbered ``number``, said in ``message_id``."""

    number: int
    text: str
    member_id: int
    message_id: str | None


@dataclass(frozen=True, slots=True)
class RewordDecision:
    """A decision's message was edited: its text goes from ``old`` to ``new``."""

    decision_id: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class ChangeCircle:
    """The circle's settings take these values (time zone, languages, quiet hours, digest)."""

    fields: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class ChangeMember:
    """One member's own settings take these values (muted, role, urgent at night)."""

    member_id: int
    fields: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class KeepContact:
    """The circle's contact for ``role`` is now ``name`` (and ``phone``, when said)."""

    role: str
    name: str
    phone: str | None
    member_id: int


@dataclass(frozen=True, slots=True)
class ForgetCircle:
    """Everything the circle holds goes but the circle and its settings (``keep_seen``: the
    seen keys of the act that does it, so its redelivery is no new request)."""

    keep_seen: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ForgetMember:
    """The member's name becomes ``label`` everywhere the circle keeps it."""

    member_id: int
    label: str


@dataclass(frozen=True, slots=True)
class RestoreTask:
    """An undone edit or completion: the task's columns take back the values they had."""

    task_id: int
    fields: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class WithdrawOccurrence:
    """The next occurrence an undone completion opened goes, with the event that opened it."""

    task_id: int


@dataclass(frozen=True, slots=True)
class RemoveDecision:
    """An undone decision leaves the circle's record."""

    decision_id: int


@dataclass(frozen=True, slots=True)
class UndoEvent:
    """The event stops counting (digest, export, thanks) and cannot be undone again."""

    event_id: int


@dataclass(frozen=True, slots=True)
class AddMove:
    """A member announced a move of the person cared for; its checklist is offered at
    ``offer_at``, and ``offered`` says whether the same act offers it."""

    kind: str
    day: date
    member_id: int
    source_message_id: str
    offer_at: datetime
    offered: bool


@dataclass(frozen=True, slots=True)
class TakeItem:
    """The circle took item ``number`` of a move's checklist (its tasks open beside it)."""

    move_id: int
    number: int


@dataclass(frozen=True, slots=True)
class LogEvent:
    """An entry of the event log; undo reads its ``detail`` to put things back."""

    action: EventAction
    member_id: int | None
    task: TaskRef | None = None
    message_id: str | None = None
    detail: Mapping[str, object] = field(default_factory=dict)
    decision: DecisionRef | None = None


Change = (
    ClaimTask
    | ReleaseClaim
    | SetStatus
    | OpenTask
    | ReviseTask
    | SnoozeTask
    | OpenOccurrence
    | RecordDecision
    | RewordDecision
    | ChangeCircle
    | ChangeMember
    | KeepContact
    | ForgetCircle
    | ForgetMember
    | RestoreTask
    | WithdrawOccurrence
    | RemoveDecision
    | UndoEvent
    | AddMove
    | TakeItem
    | LogEvent
)
