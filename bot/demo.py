"""``carecircle demo``: a scripted few days of a circle, printed as the group would see it."""

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
    (5, "alice: Morning all. Mum's GP wants bloods done — can someone take her Thursday at 9:40?"),
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
)


def run_demo(core: CareCircleCore) -> None:
    moment = [DEMO_START]
    chat = ConsoleChat(core, sys.stdout, clock=lambda: moment[0], chat_id="demo", title="Mum")
    chat.start()
    day = None
    for minutes, line in SCRIPT:
        moment[0] = DEMO_START + timedelta(minutes=minutes)
        if moment[0].date() != day:
            day = moment[0].date()
            print(f"\n—— {moment[0]:%A %d %B} ——")
        print(f"{moment[0]:%H:%M} ", end="")
        chat.send(line)
