"""Two bot processes on one database: no claim silently lost, no message sent twice.

Runs on SQLite always, and on PostgreSQL when CARECIRCLE_TEST_POSTGRES_URL names a server
(CI starts one).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

import bot.core
from bot.config import Settings
from bot.core import CareCircleCore
from bot.nudging import queue_due_nudges
from handlers.messages import Incoming
from storage import attention, circles, seen, snapshots, tasks
from storage.database import Database
from tests.conftest import postgres_url

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_url(request: pytest.FixtureRequest, database_url: str) -> str:
    return database_url if request.param == "sqlite" else postgres_url()


def _process(url: str) -> CareCircleCore:
    """A separate bot process: its own engine and core on the same database."""
    return CareCircleCore(Database.open(url), Settings(database_url=url))


def _message(sender: str, message_id: str, text: str) -> Incoming:
    return Incoming("console", "family", message_id, sender, sender.title(), NOW, text=text)


def test_two_processes_never_deliver_the_same_message(shared_url: str) -> None:
    first, second = _process(shared_url), _process(shared_url)
    for number in range(30):
        first.handle(_message("alice", f"m{number}", f"task: errand {number}"), NOW)

    def drain(core: CareCircleCore, worker: str) -> list[int]:
        taken: list[int] = []
        while batch := core.claim_deliveries("console", worker, NOW, limit=3):
            for message in batch:
                core.mark_delivered(message.outbox_id or 0, f"{worker}-{message.outbox_id}", NOW)
                taken.append(message.outbox_id or 0)
        return taken

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(drain, (first, second), ("one", "two")))
    delivered = results[0] + results[1]
    assert len(delivered) == 31  # the introduction and 30 acknowledgements
    assert len(set(delivered)) == len(delivered)


def test_simultaneous_claims_are_both_recorded(shared_url: str) -> None:
    first, second = _process(shared_url), _process(shared_url)
    first.handle(_message("alice", "t1", "task: drive Dad to dialysis"), NOW)
    with ThreadPoolExecutor(2) as pool:
        answered = pool.map(
            lambda pair: pair[0].handle(_message(pair[1], f"c-{pair[1]}", "/claim 1"), NOW),
            ((first, "bob"), (second, "carol")),
        )
        assert all(list(answered))  # each process answered its claim (none of them raised)
    first.handle(_message("dan", "q", "/tasks"), NOW)
    listing = [m.text for m in first.claim_deliveries("console", "w", NOW, limit=50)][-1]
    assert "Bob" in listing and "Carol" in listing


def test_the_same_message_through_two_processes_counts_once(shared_url: str) -> None:
    first, second = _process(shared_url), _process(shared_url)
    message = _message("alice", "dup", "task: pick up the prescription")
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda core: core.handle(message, NOW), (first, second)))  # none raised
    first.handle(_message("bob", "q", "/tasks"), NOW)
    listing = [m.text for m in first.claim_deliveries("console", "w", NOW, limit=50)][-1]
    assert listing.count("#") == 1


def test_two_processes_never_queue_the_same_nudge(shared_url: str) -> None:
    first, second = _process(shared_url), _process(shared_url)
    for number in range(1, 13):
        first.handle(_message("alice", f"t{number}", f"task: errand {number}"), NOW)
        if number % 2:
            first.handle(_message("bob", f"c{number}", f"/claim {number}"), NOW)
    with first.database.transaction() as session:
        circle = circles.find_circle(session, "console", "family")
        assert circle is not None and circle.id is not None
        for number in range(1, 13):
            task = tasks.task_by_number(session, circle.id, number)
            assert task is not None
            tasks.update_task(session, task.id, due_at=NOW + timedelta(hours=2 * number))
    moments = [NOW + timedelta(minutes=10 * step) for step in range(6 * 30)]

    def live(core: CareCircleCore) -> int:
        return sum(queue_due_nudges(core, moment) for moment in moments)

    with ThreadPoolExecutor(2) as pool:
        queued = sum(pool.map(live, (first, second)))
    late = NOW + timedelta(days=3)
    nudges = [
        message.text
        for message in first.claim_deliveries("console", "w", late, limit=500)
        if message.text[:1] in "⏰🔔🙋⚠☀"
    ]
    assert len(nudges) == queued
    lines = [line for text in nudges for line in text.split("\n") if not line.startswith("•")]
    said = [line for line in lines if line[:1] in "⏰🔔🙋⚠" and "#" in line]
    assert len(said) >= 8
    assert len(said) == len(set(said))


@pytest.mark.postgres
def test_a_nudge_tick_takes_a_circle_an_act_is_writing_to_without_waiting() -> None:
    """An act holds KEY SHARE on its circle from the rows it has written (its handled key)
    before it locks the circle; a tick that waited for a stronger lock behind it would
    deadlock with that act's own lock request."""
    url = postgres_url()
    core = _process(url)
    core.handle(_message("alice", "m1", "task: errand"), NOW)
    database = core.database
    with database.transaction() as act:
        circle = circles.find_circle(act, "console", "family")
        assert circle is not None and circle.id is not None
        seen.first_sight(act, circle.id, "message:m2", NOW)  # a row pointing at the circle
        with database.transaction() as tick:
            tick.execute(text("SET LOCAL lock_timeout = '5s'"))
            assert attention.hold_circle(tick, circle.id) is not None
            assert snapshots.hold_circles(tick, [circle.id])


def test_an_act_tried_again_after_a_rollback_records_its_new_member_afresh(
    shared_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    core = _process(shared_url)
    core.handle(_message("alice", "m1", "morning all"), NOW)
    dispatched = bot.core.dispatch
    tries: list[str] = []

    def dropped_once(*args: object) -> object:
        tries.append("try")
        if len(tries) == 1:  # Bob's first message: his new member row is rolled back
            raise OperationalError("INSERT", {}, Exception("the connection dropped"))
        return dispatched(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(bot.core, "dispatch", dropped_once)
    core.handle(_message("bob", "m2", "task: buy bread"), NOW)
    core.handle(_message("bob", "m3", "/claim 1"), NOW)
    with core.database.transaction() as session:
        circle = circles.find_circle(session, "console", "family")
        assert circle is not None and circle.id is not None
        [task] = tasks.open_tasks(session, circle.id)
    assert [holder.display_name for holder in task.claimers] == ["Bob"]


def test_a_host_remembers_only_the_latest_circles_and_reads_the_others_again(
    shared_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.core, "CACHE_MAX_ENTRIES", 3)
    core = _process(shared_url)
    chats = [f"family-{number}" for number in range(5)]
    for number, chat in enumerate(chats):
        core.handle(replace(_message("alice", f"m{number}", "morning all"), chat_id=chat), NOW)
    assert [chat_id for _, chat_id in core._circles] == chats[-3:]
    assert len(core._members) == 3
    # A circle no longer remembered is read again, and its acts still land.
    core.handle(replace(_message("alice", "m9", "task: buy bread"), chat_id=chats[0]), NOW)
    with core.database.transaction() as session:
        circle = circles.find_circle(session, "console", chats[0])
        assert circle is not None and circle.id is not None
        assert [task.title for task in tasks.open_tasks(session, circle.id)] == ["Buy bread"]
