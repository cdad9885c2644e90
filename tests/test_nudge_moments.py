"""Each circle's next moment: any change clears it, a tick reads only circles whose moment came.

Runs on SQLite always, and on PostgreSQL when CARECIRCLE_TEST_POSTGRES_URL names a server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event
from sqlmodel import select

from bot.config import Settings
from bot.core import CareCircleCore
from bot.nudging import next_wakeup, queue_due_nudges
from storage import circles, tasks
from storage.attention import NEVER
from storage.database import Database
from storage.models import Circle as CircleRow
from tests.conftest import Circle, postgres_url
from tests.timeline import ask, local, snooze


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_core(request: pytest.FixtureRequest, database_url: str) -> CareCircleCore:
    url = database_url if request.param == "sqlite" else postgres_url()
    settings = Settings(database_url=url, default_timezone="Europe/London")
    return CareCircleCore(Database.open(url), settings)


@pytest.fixture
def room(any_core: CareCircleCore) -> Circle:
    chat = Circle(any_core)
    any_core.bot_joined(chat.platform, chat.chat_id, "Mum", chat.now)
    chat.bot_messages()
    return chat


def moment(circle: Circle) -> datetime | None:
    with circle.core.database.transaction() as session:
        row = circles.find_circle(session, circle.platform, circle.chat_id)
        assert row is not None
        return row.attention_at


def looked_at(circle: Circle) -> datetime:
    """The scheduler looks: what is due is queued and the circle's next moment stored."""
    queue_due_nudges(circle.core, circle.now)
    known = moment(circle)
    assert known is not None
    return known


@contextmanager
def statements(core: CareCircleCore) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(core.database.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(core.database.engine, "before_cursor_execute", count)


def test_every_change_a_nudge_depends_on_clears_the_moment(room: Circle) -> None:
    room.say("alice", "/digest off")
    assert looked_at(room) > room.now  # the weekly look-back, at least
    ask(room, "alice", "pick up prescriptions", due_at=local(18, 15))
    assert moment(room) is None
    assert looked_at(room) == local(17, 8)  # "nobody has this yet", the morning before
    room.say("bob", "/claim 1")
    assert moment(room) is None
    assert looked_at(room) == local(18, 13)  # the holder's reminder
    snooze(room, 1, local(18, 14))
    assert moment(room) is None
    assert looked_at(room) == local(18, 14)
    room.say("alice", "/quiet 13:00-15:00")
    assert moment(room) is None
    looked_at(room)
    room.say("bob", "done 1")
    assert moment(room) is None
    assert looked_at(room) > local(18, 15)


def test_a_tick_reads_only_the_circles_whose_moment_has_come(any_core: CareCircleCore) -> None:
    chats = [Circle(any_core, chat_id=f"family-{number}") for number in range(12)]
    for chat in chats:
        any_core.bot_joined(chat.platform, chat.chat_id, chat.chat_id, chat.now)
        chat.say("alice", "task: ring the pharmacy")
    now = chats[0].now
    queue_due_nudges(any_core, now)
    with statements(any_core) as idle:
        assert queue_due_nudges(any_core, now + timedelta(minutes=1)) == 0
        wakeup = next_wakeup(any_core, now + timedelta(minutes=1))
    assert wakeup is not None and wakeup > now
    assert len(idle) <= 3  # which circles are due (none), which changed (none), the earliest
    with any_core.database.transaction() as session:
        moments = session.exec(select(CircleRow.attention_at)).all()
    assert all(known is not None and now < known < NEVER for known in moments)


def test_a_circle_changed_by_another_process_is_looked_at(room: Circle) -> None:
    ask(room, "alice", "pick up prescriptions", due_at=local(18, 15))
    room.say("bob", "/claim 1")
    looked_at(room)
    other = Database(room.core.database.engine)  # a second process: only the database is shared
    with other.transaction() as session:
        row = circles.find_circle(session, room.platform, room.chat_id)
        assert row is not None and row.id is not None
        task = tasks.task_by_number(session, row.id, 1)
        assert task is not None
        tasks.update_task(session, task.id, due_at=local(16, 10).astimezone(NEVER.tzinfo))
    assert next_wakeup(room.core, room.now) == local(16, 10)


def test_a_circle_that_fails_holds_up_no_other(core: CareCircleCore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import bot.nudging

    chats = [Circle(core, chat_id=f"family-{number}") for number in range(3)]
    for chat in chats:
        core.bot_joined(chat.platform, chat.chat_id, chat.chat_id, chat.now)
    settle = bot.nudging._settle

    def fails_for_the_first(session, state, since, now):  # type: ignore[no-untyped-def]
        if state.circle.id == 1:
            raise ValueError("a bug in one circle")
        return settle(session, state, since, now)

    monkeypatch.setattr(bot.nudging, "_settle", fails_for_the_first)
    queue_due_nudges(core, chats[0].now)
    assert moment(chats[0]) is None  # tried again next tick
    assert moment(chats[1]) is not None and moment(chats[2]) is not None
