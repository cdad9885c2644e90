"""One member's act being handled: what handlers read, and how they say something back.

A ``Scene`` is the act (the circle, the member, the message, the moment): what a decision
reads. A ``Turn`` is the same while the act is being routed, with the replies routing itself
adds (a usage hint, a language hint).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TypedDict, Unpack

from handlers.formatting import task_line
from handlers.messages import Attachment, Button, Incoming, Mention, Outgoing
from handlers.phrases import phrase
from storage.changes import Change, Opened, TaskRef
from storage.records import CircleRecord, MemberRecord, TaskRecord


def said_at(incoming: Incoming, now: datetime, zone: tzinfo) -> datetime:
    """When the member sent ``incoming``, never later than ``now`` (a clock ahead is no future)."""
    return min(incoming.sent_at, now).astimezone(zone)


@dataclass(frozen=True, slots=True)
class Reply:
    """An ``Outgoing`` plus what the outbox needs: the task it is about (perhaps one the same
    decision opens) and its dedupe key, or whether it is the task's acknowledgement (whose key
    the outbox makes from the task's id)."""

    message: Outgoing
    task_id: TaskRef | None = None
    dedupe_key: str | None = None
    is_acknowledgement: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """What an act decided over its snapshot: the changes, in order, and what the bot says."""

    changes: tuple[Change, ...] = ()
    replies: tuple[Reply, ...] = ()


class ReplyOptions(TypedDict, total=False):
    """How a reply is sent besides its text: the task it is about and its outbox key, and the
    rest as ``Outgoing`` has them."""

    task: TaskRecord | Opened | None
    is_acknowledgement: bool
    buttons: tuple[Button, ...]
    mentions: tuple[Mention, ...]
    reaction: str | None
    edit_of: str | None
    dedupe_key: str | None
    attachment: Attachment | None


class Answering:
    """How an act is read and answered, for ``Scene`` and ``Turn`` alike."""

    __slots__ = ()
    circle: CircleRecord
    member: MemberRecord
    incoming: Incoming
    now: datetime

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(self.circle.zone)

    @property
    def said_at(self) -> datetime:
        """The act's own moment, in the circle's zone: words like "tomorrow" are read against
        it, so a message delivered late after an outage means what its writer meant."""
        return said_at(self.incoming, self.now, self.circle.zone)

    def phrase(self, key: str, **values: object) -> str:
        """What to say, in the circle's language."""
        return phrase(key, self.circle.languages, **values)

    def line(self, task: TaskRecord, *, with_holders: bool = True) -> str:
        """A task as one line, in the circle's zone and language."""
        return task_line(
            task, self.circle.zone, with_holders=with_holders, languages=self.circle.languages
        )

    def reply(self, text: str, **options: Unpack[ReplyOptions]) -> Reply:
        """An answer in the member's thread, on the message their act is about (unless editing
        one of the bot's own)."""
        task = options.pop("task", None)
        dedupe_key = options.pop("dedupe_key", None)
        is_acknowledgement = options.pop("is_acknowledgement", False)
        message = Outgoing(
            platform=self.circle.platform,
            chat_id=self.circle.chat_id,
            text=text,
            reply_to_id=None if options.get("edit_of") else self.incoming.subject_id,
            thread_id=self.incoming.thread_id,
            **options,
        )
        about = task if isinstance(task, Opened) or task is None else task.id
        return Reply(message, about, dedupe_key, is_acknowledgement)


@dataclass(frozen=True, slots=True)
class Scene(Answering):
    """The circle, the member, their act and the moment: all a decision needs besides its
    snapshot."""

    circle: CircleRecord
    member: MemberRecord
    incoming: Incoming
    now: datetime


@dataclass(slots=True)
class Turn(Answering):
    """The circle, the member, their act and the moment, plus the replies routing adds."""

    circle: CircleRecord
    member: MemberRecord
    incoming: Incoming
    now: datetime
    replies: list[Reply] = field(default_factory=list)

    @property
    def scene(self) -> Scene:
        return Scene(self.circle, self.member, self.incoming, self.now)

    def say(self, text: str, **options: Unpack[ReplyOptions]) -> None:
        """Add an answer (``Answering.reply``) to the turn's replies."""
        self.replies.append(self.reply(text, **options))
