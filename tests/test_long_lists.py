"""A circle with thousands of tasks: every list and nudge still fits one platform message.

Telegram refuses more than 4,096 UTF-16 units of text, Matrix an event over 65,536 bytes. Each
message is measured as the core writes it, as the Telegram formatter sends it and as the Matrix
event it becomes.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select
from sqlmodel import Session

from bot.nudging import queue_due_nudges
from handlers.messages import Outgoing
from storage import circles
from storage.models import Claim, Decision, Task
from tests.conftest import Circle
from tests.platform_limits import fits_one_message

TASKS = 10_000
MEMBERS = ("alice", "bob", "carol", "dan")
# Tuesday 17 November 2026, in London (UTC+0 in November).
TUESDAY = datetime(2026, 11, 17, tzinfo=UTC)
TITLES = (
    "Pick up Mum's prescription from the chemist on the high street",
    "Drive Dad to dialysis",
    "Cook a meal for Thursday 🍲",
    "Call the GP about the new tablets",
    "Walk the dog",
)


def fill(circle: Circle, count: int = TASKS, *, done: int = 0, decided: int = 0) -> None:
    """``count`` open tasks, stored directly: due times spread over four days (overdue, today,
    tomorrow, later), some day-only, some undated, every seventh urgent, two in three held."""
    for who in MEMBERS:
        circle.say(who, "hello")
    circle.bot_messages()

    def store(session: Session) -> None:
        row = circles.find_circle(session, circle.platform, circle.chat_id)
        assert row is not None and row.id is not None
        members = circles.active_members(session, row.id)
        rows, holders = [], {}
        for index in range(count + done):
            due_at = due_on = None
            if index % 5 == 3:
                due_on = date(2026, 11, 16) + timedelta(days=index % 4)
            elif index % 5 != 4:
                due_at = TUESDAY + timedelta(hours=10 + index // 4 % 3, days=index % 4 - 1)
            is_done = index >= count
            holder = members[index // 7 % len(members)].id if index % 3 else None
            rows.append(
                {
                    "circle_id": row.id,
                    "number": index + 1,
                    "title": f"{TITLES[index % len(TITLES)]} ({index + 1})",
                    "source_text": "",
                    "requester_id": members[0].id,
                    "due_at": due_at,
                    "due_on": due_on,
                    "recurrence": "FREQ=WEEKLY;BYDAY=TU" if index % 11 == 0 else None,
                    "is_urgent": index % 7 == 0,
                    "status": "done" if is_done else "open",
                    "created_at": circle.now,
                    "done_at": circle.now if is_done else None,
                    "done_by_id": (holder or members[0].id) if is_done else None,
                }
            )
            if holder is not None:
                holders[index + 1] = holder
        session.execute(insert(Task), rows)
        found = session.execute(select(Task.number, Task.id).where(Task.circle_id == row.id))
        ids = {number: task_id for number, task_id in found.all()}
        claims = [
            {"task_id": ids[number], "member_id": member_id, "claimed_at": circle.now}
            for number, member_id in holders.items()
        ]
        if claims:
            session.execute(insert(Claim), claims)
        text = "Mum moves downstairs, and the GP visits on Mondays ({}) " * 8
        settled = [
            {
                "circle_id": row.id,
                "number": index + 1,
                "text": text.format(*[index + 1] * 8).strip(),
                "member_id": members[1].id,
                "decided_at": circle.now,
            }
            for index in range(decided)
        ]
        if settled:
            session.execute(insert(Decision), settled)
        circles.update_circle(
            session, row.id, last_task_number=count + done, last_decision_number=decided
        )

    circle.core.database.run(store)


def answer(circle: Circle, who: str, text: str) -> Outgoing:
    circle.say(who, text)
    [message] = circle.bot_messages()
    return message


def numbers(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"^(?:🚨 )?#(\d+) ", text, re.MULTILINE)]


@pytest.fixture
def crowded(circle: Circle) -> Circle:
    fill(circle)
    return circle


def test_ten_thousand_tasks_list_in_one_message_most_pressing_first_and_page_on(
    crowded: Circle,
) -> None:
    first = answer(crowded, "bob", "/tasks")
    fits_one_message(first)
    lines = first.text.split("\n")
    assert lines[0] == "Open tasks:"
    shown = numbers(first.text)
    assert len(shown) > 20 and shown == sorted(shown)  # in number order, as members read them
    assert all(line.startswith("🚨 ") for line in lines[1:-1])  # urgent ones first
    assert lines[-1] == (
        f"…and {TASKS - len(shown)} more — /tasks 2 for the next page, /export for all"
    )
    second = answer(crowded, "bob", "/tasks 2")
    fits_one_message(second)
    assert second.text.startswith("Open tasks: (page 2 of ")
    assert not set(numbers(second.text)) & set(shown)
    assert f"…and {TASKS - len(shown) - len(numbers(second.text))} more — /tasks 3" in second.text
    assert answer(crowded, "bob", "/tasks 99999999999").text.startswith(
        "There is no page 99999999999: the list has "
    )
    mine = answer(crowded, "bob", "/mine")
    fits_one_message(mine)
    assert mine.text.startswith("Bob's tasks:\n") and "/mine 2 for the next page" in mine.text
    fits_one_message(answer(crowded, "bob", "/mine 3"))
    # In the circle's language, to the last line.
    crowded.say("alice", "/language de")
    crowded.bot_messages()
    text = answer(crowded, "bob", "/tasks").text
    assert text.startswith("Offene Aufgaben:")
    assert "— /tasks 2 für die nächste Seite, /export für alles" in text
    assert answer(crowded, "bob", "/tasks 2").text.startswith("Offene Aufgaben: (Seite 2 von ")


def test_every_page_together_is_every_open_task_once(circle: Circle) -> None:
    fill(circle, 300)
    pages = [answer(circle, "carol", "/tasks")]
    while "for the next page" in pages[-1].text:
        pages.append(answer(circle, "carol", f"/tasks {len(pages) + 1}"))
    assert len(pages) > 2
    for page in pages:
        fits_one_message(page)
    seen = [number for page in pages for number in numbers(page.text)]
    assert sorted(seen) == list(range(1, 301))
    assert "for the next page" not in pages[-1].text and "(page " in pages[-1].text


def test_long_decisions_and_done_lists_fit(circle: Circle) -> None:
    fill(circle, 10, done=2_000, decided=2_000)
    settled = answer(circle, "alice", "/decisions")
    # Decisions are shown whole: one Matrix event, a few Telegram messages.
    fits_one_message(settled, telegram_parts=3)
    assert "#2000 Mum moves downstairs" in settled.text  # the latest first
    assert settled.text.endswith("— /decisions 2 for the next page, /export for all")
    assert settled.text.split("\n")[-2].endswith("(2000) (Bob, Mon 16 Nov)")  # whole
    fits_one_message(answer(circle, "alice", "/decisions 2"), telegram_parts=3)
    finished = answer(circle, "alice", "/done")
    fits_one_message(finished)
    assert finished.text.startswith("Done in the last 7 days:\n✅ #")
    assert re.search(r"\n…and \d+ more — /export for all$", finished.text)


def test_ten_thousand_tasks_nudge_in_one_message_each(crowded: Circle) -> None:
    """The digest of a morning with thousands due, and the thousands due at one moment."""
    said: list[Outgoing] = []
    for moment in (TUESDAY + timedelta(hours=8), TUESDAY + timedelta(hours=10)):
        crowded.now = moment
        assert queue_due_nudges(crowded.core, moment) == 1
        said += crowded.bot_messages()
    digest, due_now = said
    for message in said:
        fits_one_message(message)
    assert "— see /tasks, or /export for all" in digest.text
    assert due_now.text.count("\n") > 10
    assert re.search(r"\n…and \d+ more — see /tasks, or /export for all$", due_now.text)
    assert due_now.mentions


def test_heavy_decisions_stay_one_matrix_event(circle: Circle) -> None:
    """Quotes, ampersands and non-Latin script weigh more in a Matrix event than they count."""
    for number in range(40):
        circle.say("alice", f'decision: {number} "家" & <日本> ' * 90)
    circle.bot_messages()
    settled = answer(circle, "bob", "/decisions")
    fits_one_message(settled, telegram_parts=4)
    assert "— /decisions 2 for the next page" in settled.text
