"""A member's private chat with the bot: what they hold across their circles, how to start one.

Nothing here knows a platform or asks one anything: the transport says which circles the
member is in at this moment, and brings them the answer. A private chat is never a circle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from handlers.commands import read_command
from handlers.formatting import Section, fit_sections, shorten, task_line, usefulness
from handlers.messages import Outgoing, PrivateMessage
from handlers.phrases import phrase
from storage.records import CircleRecord, TaskRecord

# A circle's title in a line of /mine is cut at this many characters, so the task still shows.
TITLE_MAX_CHARS = 48


@dataclass(frozen=True, slots=True)
class OwnTasks:
    """``/mine``: what the member holds in every circle they are still in."""


@dataclass(frozen=True, slots=True)
class NewCircle:
    """``/newcircle Mum's care @ann:example.org``: a new circle's name and whom to invite,
    as written (the transport checks the user ids its platform knows)."""

    name: str
    invitees: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Welcome:
    """``/start``, ``/help`` or anything else: how to start a circle."""


PrivateRequest = OwnTasks | NewCircle | Welcome


@dataclass(frozen=True, slots=True)
class HeldInCircle:
    """One circle the member is in, with the open tasks they hold there."""

    circle: CircleRecord
    tasks: tuple[TaskRecord, ...]


def read_private(text: str) -> PrivateRequest:
    """What a private message asks: ``"/newcircle Mum's care @ann:example.org @bob:example.org"``
    → ``NewCircle("Mum's care", ("@ann:example.org", "@bob:example.org"))``; the name is every
    word before the first that starts with ``@``."""
    command = read_command(text)
    if command is None:
        return Welcome()
    if command.name == "mine":
        return OwnTasks()
    if command.name == "newcircle":
        words = command.argument.split()
        first = next((i for i, word in enumerate(words) if word.startswith("@")), len(words))
        return NewCircle(" ".join(words[:first]), tuple(words[first:]))
    return Welcome()


def reply(message: PrivateMessage, key: str, **values: object) -> Outgoing:
    """The phrase ``key`` in the member's language, as an answer to their message."""
    return answer(message, phrase(key, (message.language,), **values))


def answer(message: PrivateMessage, text: str) -> Outgoing:
    """``text`` as the bot's answer to the member's message."""
    return Outgoing(message.platform, message.chat_id, text, reply_to_id=message.message_id)


def welcome(message: PrivateMessage) -> Outgoing:
    """How to start a circle, the platform's way; nothing about anyone's circles."""
    add_me = phrase(message.how_to_start, (message.language,), address=message.bot_address)
    return reply(message, "private.welcome", add_me=add_me)


def own_tasks(message: PrivateMessage, held: Sequence[HeldInCircle]) -> Outgoing:
    """``/mine`` in private: each task the member holds, with its circle and due, most pressing
    first; the welcome when they are in no circle at all.

    ``held`` must hold only circles the platform has just confirmed the member is in.
    """
    if not held:
        return welcome(message)
    languages = (message.language,)
    pairs = [(entry.circle, task) for entry in held for task in entry.tasks]
    if not pairs:
        return reply(message, "private.none_held")
    pairs.sort(key=lambda pair: usefulness(pair[1], pair[0].zone))
    lines = [_line(circle, task, languages) for circle, task in pairs]
    section = Section(
        head=(phrase("private.held", languages),),
        items=tuple(lines),
        more=lambda count: phrase("private.more", languages, count=count),
    )
    return answer(message, "\n".join(fit_sections([section])))


def _line(circle: CircleRecord, task: TaskRecord, languages: tuple[str, ...]) -> str:
    """``Mum's care · #3 Pick up the prescription — Fri 20 Nov 15:00``, in the circle's zone."""
    title = shorten(circle.name, TITLE_MAX_CHARS) or phrase("private.unnamed", languages)
    held = task_line(task, circle.zone, with_holders=False, languages=languages)
    return shorten(f"{title} · {held}")
