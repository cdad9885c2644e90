"""``carecircle demo``: a scripted week of a circle, printed as the group would see it.

Between the members' lines time passes as it would with the bot running: reminders, digests
and the Sunday look-back appear at the moments they fall due.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.console import ConsoleChat
from bot.core import CareCircleCore

DEMO_ZONE = ZoneInfo("Europe/London")
DEMO_START = datetime(2026, 11, 16, 8, 30, tzinfo=DEMO_ZONE)  # a Monday morning

# (minutes after the start, console line); message numbers count from 1 in this order.
SCRIPT: tuple[tuple[int, str], ...] = (
    (0, "alice: /timezone Europe/London"),
    (
        5,
        "alice: Morning all. Mum's GP wants bloods done — can someone take her to the surgery "
        "Thursday at 9:40?",
    ),
    (12, "bob ^2: I'll take it"),
    (40, "carol: She was so chatty on the phone last night, lovely to hear"),
    (55, "carol: we need someone to pick up her prescription tomorrow before 6pm"),
    (70, "dan: on it"),
    (95, "alice: we need someone to sit with Mum every Saturday around noon"),
    (100, "carol +✋ 7"),
    (1500, "dan: picked them up ✅"),
    (1510, "alice: we decided Mum moves into the downstairs room next week"),
    (1600, "bob: todo: ring the council about the grab rails"),
    (1625, "carol ^11: not a task"),
    (4300, "bob: #1 done, bloods taken, results in a week"),
    (4320, "alice: /tasks"),
    (4330, "alice: /done"),
    (4340, "alice: /decisions"),
    (4400, "carol: task: book Mum's chiropodist"),
)
# The demo ends on Sunday evening, after the weekly look-back.
DEMO_END = DEMO_START + timedelta(days=6, hours=11)


def run_demo(core: CareCircleCore) -> None:
    chat = ConsoleChat(
        core, sys.stdout, clock=lambda: DEMO_START, chat_id="demo", title="Mum", zone=DEMO_ZONE
    )
    chat.start()
    day = None
    for minutes, line in SCRIPT:
        moment = DEMO_START + timedelta(minutes=minutes)
        chat.pass_time(moment)
        if moment.date() != day:
            day = moment.date()
            print(f"\n—— {moment:%A %d %B} ——")
        print(f"{moment:%H:%M} ", end="")
        chat.send(line)
    chat.pass_time(DEMO_END)
