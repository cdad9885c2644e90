"""The local console: a circle's group chat in the terminal, playing every member in turn.

Lines look like ``alice: can someone pick up Mum's prescription Friday 3pm?``. Reply to a
message with ``bob ^1: I'll take it``, edit one with ``alice *1: … Saturday 3pm``, react with
``carol +✋ 1``, press a button with ``carol !claim:1``. Messages are numbered as they appear
(``3`` for people, ``b2`` for the bot), and the numbers carry on where the last run on the same
database stopped. Nudges print when they fall due; ``:time +2h`` (or ``+30m``, ``+1d``) moves
the console's clock forward through them, and ``:tick`` looks for due nudges now. Times are
shown in the circle's zone.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.core import CareCircleCore
from bot.nudging import next_wakeup, queue_due_nudges
from handlers.messages import Incoming, Outgoing
from storage.circles import find_circle
from storage.models import Circle, SeenMessage

PLATFORM = "console"
UTC_ZONE = ZoneInfo("UTC")
_LINE = re.compile(
    r"^\s*(?P<who>[^\s:^+!*]{1,32})\s*"
    r"(?:\^(?P<reply>\w+)\s*:|\*(?P<edit>\w+)\s*:|:|\+(?P<emoji>\S+)\s+(?P<target>\w+)"
    r"|!(?P<button>\S+))\s*(?P<text>.*)$",
    re.DOTALL,
)
CONSOLE_HELP = """\
Type as any member:  alice: can someone pick up Mum's prescription Friday 3pm?
Reply to a message:  bob ^1: I'll take it         React:  carol +✋ 1
Edit message 1:      alice *1: … Saturday 3pm     Press a button:  carol !claim:1
Let time pass:       :time +2h  (+30m, +1d)       Check for nudges now:  :tick
Quit:                Ctrl-D or :quit"""
_TIME_STEP = re.compile(r"^:time\s+\+(\d+)\s*([mhd])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


@dataclass(slots=True)
class ConsoleChat:
    """One circle in the terminal; ``clock`` says what time it is (fixed in the demo).

    ``:time`` moves the console's own time ahead of the clock by ``offset``.
    """

    core: CareCircleCore
    out: TextIO
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    chat_id: str = "console"
    title: str = "Console circle"
    zone: ZoneInfo = UTC_ZONE
    offset: timedelta = timedelta(0)
    _count: int = 0

    def now(self) -> datetime:
        return self.clock() + self.offset

    def start(self) -> None:
        """Join the chat (greeting it once, ever) and number messages on from the last run."""
        self.core.bot_joined(PLATFORM, self.chat_id, self.title, self.now())
        self._count = max(self._count, self.core.database.run(_last_number, self.chat_id))
        self.deliver()

    def circle_zone(self) -> ZoneInfo:
        """The circle's own zone as it is now (``/timezone`` changes it), else ``zone``."""
        name = self.core.database.run(_circle_zone, self.chat_id)
        try:
            return ZoneInfo(name) if name else self.zone
        except (ValueError, KeyError):
            return self.zone

    def local(self, moment: datetime) -> str:
        return f"{moment.astimezone(self.circle_zone()):%a %d %b %H:%M}"

    def pass_time(self, until: datetime) -> None:
        """Let time pass until ``until``, printing each nudge at the moment it falls due."""
        while (wakeup := next_wakeup(self.core, self.now())) is not None and wakeup <= until:
            self.offset = wakeup - self.clock()
            if queue_due_nudges(self.core, wakeup):
                self.out.write(f"⏱ {self.local(wakeup)}\n")
            self.deliver()
        self.offset = max(until - self.clock(), self.offset)
        self.deliver()

    def send(self, line: str) -> bool:
        """Act on one typed line; False when it could not be read as a member's act."""
        match = _LINE.match(line)
        if match is None:
            return False
        self._count += 1
        who = match.group("who")
        message_id = str(self._count)
        incoming = Incoming(
            platform=PLATFORM,
            chat_id=self.chat_id,
            message_id=message_id,
            sender_id=who.lower(),
            sender_name=who[:1].upper() + who[1:],
            sent_at=self.now(),
            text=match.group("text"),
            reply_to_id=match.group("reply") or match.group("target"),
            edit_of=match.group("edit"),
            reaction=match.group("emoji"),
            button=match.group("button"),
            chat_title=self.title,
        )
        self.out.write(f"[{message_id}] {incoming.sender_name}: {_describe(incoming)}\n")
        self.core.handle(incoming, self.now())
        self.deliver()
        return True

    def deliver(self) -> None:
        """Queue the nudges due now, print everything the outbox holds, mark it delivered."""
        now = self.now()
        queue_due_nudges(self.core, now)
        while batch := self.core.claim_deliveries(PLATFORM, "console", now):
            for message in batch:
                self.out.write(render(message) + "\n")
                reply_target = None if message.reaction else f"b{message.outbox_id}"
                self.core.mark_delivered(message.outbox_id or 0, reply_target, now)
        self.out.flush()


def _last_number(session: Session, chat_id: str) -> int:
    """The highest message number the console circle has seen, so a new run carries on."""
    keys = session.exec(
        select(SeenMessage.key)
        .join(Circle, Circle.id == SeenMessage.circle_id)  # type: ignore[arg-type]
        .where(Circle.platform == PLATFORM, Circle.chat_id == chat_id)
    ).all()
    numbers = (key.partition(":")[2] for key in keys)
    return max((int(number) for number in numbers if number.isdigit()), default=0)


def _circle_zone(session: Session, chat_id: str) -> str | None:
    circle = find_circle(session, PLATFORM, chat_id)
    return circle.timezone if circle is not None else None


def _describe(incoming: Incoming) -> str:
    if incoming.reaction:
        return f"reacts {incoming.reaction} to {incoming.reply_to_id}"
    if incoming.button:
        return f"presses [{incoming.button}]"
    if incoming.edit_of:
        return f"(edits {incoming.edit_of}) {incoming.text}"
    prefix = f"(re {incoming.reply_to_id}) " if incoming.reply_to_id else ""
    return prefix + incoming.text


def render(message: Outgoing) -> str:
    """How a group chat would show the bot's message, in plain text."""
    if message.reaction and message.reply_to_id:
        return f"       🤖 reacts {message.reaction} to {message.reply_to_id}"
    label = f"b{message.outbox_id}"
    if message.edit_of:
        label = f"{message.edit_of} edited"
    text = message.text
    if message.mentions:
        text += "\n→ " + " ".join(f"@{mention.name}" for mention in message.mentions)
    if message.attachment:
        file = message.attachment
        text += f"\n📎 {file.filename} ({len(file.content.encode())} bytes):\n{file.content}"
    if message.buttons:
        text += "\n" + "  ".join(f"[{b.label} !{b.action}]" for b in message.buttons)
    indented = text.replace("\n", "\n       ")
    return f"[{label}] 🤖 {indented}"


def run_console(
    core: CareCircleCore,
    lines: Iterable[str] | None = None,
    *,
    starting_at: datetime | None = None,
) -> None:
    """Read lines until end of input; interactive when ``lines`` is None.

    ``starting_at`` sets the console's clock (it runs on from there); a time without a zone is
    read in the circle's zone.
    """
    chat = ConsoleChat(core, sys.stdout, zone=ZoneInfo(core.settings.default_timezone))
    if starting_at is not None:
        if starting_at.tzinfo is None:
            starting_at = starting_at.replace(tzinfo=chat.circle_zone())
        chat.offset = starting_at - chat.clock()
    print(CONSOLE_HELP)
    chat.start()
    zone = chat.circle_zone().key
    print(f"  (it is {chat.local(chat.now())} in the circle's zone, {zone}; /timezone changes it)")
    source = lines if lines is not None else _prompted_lines()
    for line in source:
        step = _TIME_STEP.match(line.strip())
        if line.strip() in (":quit", ":q"):
            break
        if line.strip() in (":help", "?"):
            print(CONSOLE_HELP)
        elif step:
            amount = timedelta(**{_UNITS[step.group(2)]: int(step.group(1))})
            chat.pass_time(chat.now() + amount)
            print(f"  (it is now {chat.local(chat.now())})")
        elif line.strip() == ":tick":
            chat.deliver()
        elif line.strip() and not chat.send(line):
            print("  (start the line with a name, like  alice: hello)")


def _prompted_lines() -> Iterable[str]:
    while True:
        try:
            yield input("> ")
        except EOFError:
            print()
            return
