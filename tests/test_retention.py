"""Bounded storage as a host and a circle see it: old rows go, nothing a circle hears changes.

Time is an injected clock; pruning is called as the scheduler's hourly tick would call it.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from bot import pruning
from bot.config import RetentionSettings, Settings, load_settings
from bot.core import CareCircleCore
from bot.nudging import next_wakeup, queue_due_nudges
from bot.pruning import Pruner, prune
from bot.scheduler import NudgeScheduler
from storage.database import Database
from storage.models import Event, Nudge, OutboxMessage, SeenMessage, Task
from tests.conftest import START, Circle, postgres_url
from tests.timeline import ask, local

DEFAULTS = RetentionSettings()
# Every window at its shortest: pruning as eager as a host can make it.
EAGER = RetentionSettings(outbox_text_days=1, outbox_row_days=1, seen_days=1, history_days=1)
HOUR = timedelta(hours=1)


def rows(circle: Circle, model: type) -> list:
    with circle.core.database.transaction() as session:
        return list(session.exec(select(model).order_by(model.id)).all())


def prune_at(circle: Circle, windows: RetentionSettings = DEFAULTS) -> dict[str, int]:
    return prune(circle.core.database, windows, circle.now)


def live(circle: Circle, end: datetime, windows: RetentionSettings | None) -> list[tuple]:
    """Let time pass as the scheduler would, pruning at least hourly when ``windows`` is given;
    every message the circle sees, with when it saw it."""
    core = circle.core
    heard: list[tuple] = []
    while True:
        queue_due_nudges(core, circle.now)
        heard += [(circle.now, message.text) for message in circle.bot_messages()]
        if windows is not None:
            prune(core.database, windows, circle.now)
        wakeup = next_wakeup(core, circle.now)
        step = min(wakeup, circle.now + HOUR) if wakeup else circle.now + HOUR
        if step > end:
            circle.now = end
            return heard
        circle.now = step


# -- messages the bot said -------------------------------------------------------------------


def test_a_delivered_message_loses_its_text_after_a_week_and_its_row_after_a_fortnight(
    circle: Circle,
) -> None:
    circle.has_reactions = False  # the acknowledgement is a message members can reply to
    circle.say("alice", "task: water the plants")
    circle.say("bob", "/tasks")
    circle.bot_messages()
    circle.later(days=6)
    prune_at(circle)
    assert all(row.payload for row in rows(circle, OutboxMessage))
    circle.later(days=2)
    prune_at(circle)
    kept = rows(circle, OutboxMessage)
    assert kept and all(row.payload == "" for row in kept)
    circle.later(days=5)
    prune_at(circle)
    assert len(rows(circle, OutboxMessage)) == 3
    circle.later(days=2)
    prune_at(circle)
    # The introduction stays (the circle is greeted once), and the acknowledgement of the task
    # still open: a reply to it acts on the task. The list of tasks is gone.
    introduction, acknowledgement = rows(circle, OutboxMessage)
    assert introduction.dedupe_key == "intro:1"
    assert acknowledgement.task_id is not None and acknowledgement.platform_message_id
    circle.say("bob", "I'll take it", reply_to_id=acknowledgement.platform_message_id)
    assert any("Bob" in text for text in circle.texts())


def test_a_message_not_yet_delivered_is_never_touched_however_old(circle: Circle) -> None:
    circle.say("alice", "task: water the plants")  # the platform has been down ever since
    circle.later(days=400)
    prune_at(circle, EAGER)
    _, waiting = rows(circle, OutboxMessage)  # the introduction went out before the outage
    assert waiting.payload and waiting.delivered_at is None
    assert "Water the plants" in circle.texts()[0]


def test_the_introduction_keeps_its_row_so_a_circle_is_greeted_once(circle: Circle) -> None:
    circle.later(days=60)
    prune_at(circle, EAGER)
    [introduction] = rows(circle, OutboxMessage)
    assert introduction.dedupe_key and introduction.dedupe_key.startswith("intro:")
    assert introduction.payload == ""


# -- redelivered platform messages -----------------------------------------------------------


def test_a_redelivery_within_the_window_is_still_dropped(circle: Circle) -> None:
    incoming = circle.incoming("alice", "m1", text="task: water the plants")
    circle.core.handle(incoming, circle.now)
    circle.later(days=6, hours=23)
    prune_at(circle)
    circle.core.handle(incoming, circle.now)  # the platform sends it again
    assert len(rows(circle, Task)) == 1


def test_a_handled_message_id_is_forgotten_after_the_window(circle: Circle) -> None:
    circle.say("alice", "task: water the plants")
    circle.later(days=7, minutes=1)
    circle.say("bob", "how is Mum?")
    prune_at(circle)
    assert [row.key for row in rows(circle, SeenMessage)] == ["message:2"]


# -- the change log and undo -----------------------------------------------------------------


def test_undo_works_across_a_prune_within_the_history_window(circle: Circle) -> None:
    ask(circle, "alice", "water the plants")
    circle.say("bob", "/done 1")
    circle.later(days=89)
    prune_at(circle)
    circle.say("bob", "undo")
    assert "Bob" in circle.texts()[-1]
    [task] = rows(circle, Task)
    assert task.status == "open"


def test_changes_older_than_the_history_window_can_no_longer_be_undone(circle: Circle) -> None:
    ask(circle, "alice", "water the plants")
    circle.say("bob", "/done 1")
    circle.bot_messages()
    circle.later(days=91)
    prune_at(circle)
    assert rows(circle, Event) == []
    circle.say("bob", "undo")
    circle.bot_messages()
    [task] = rows(circle, Task)
    assert task.status == "done"  # and nothing it was nudged about can come round again


# -- settled nudges --------------------------------------------------------------------------


def test_a_closed_tasks_nudges_go_with_its_last_change_and_an_open_ones_stay(
    circle: Circle,
) -> None:
    ask(circle, "alice", "ring the GP", due_at=local(17, 11))
    ask(circle, "alice", "pick up prescriptions", due_at=local(17, 15))
    live(circle, local(18, 12), None)
    circle.say("bob", "/done 1")
    circle.later(days=100)
    prune_at(circle)
    kept = {row.task_id for row in rows(circle, Nudge) if row.task_id is not None}
    assert kept == {rows(circle, Task)[1].id}
    circle_wide = [row for row in rows(circle, Nudge) if row.task_id is None]
    assert [row.kind for row in circle_wide] == ["digest"]  # the last one: the next lists since


def test_no_nudge_is_lost_or_said_twice_however_eagerly_the_bot_prunes(
    tmp_path: Path,
) -> None:
    def fortnight(windows: RetentionSettings | None, name: str) -> tuple[list[tuple], int, int]:
        url = f"sqlite:///{tmp_path / name}"
        settings = Settings(database_url=url, default_timezone="Europe/London")
        circle = Circle(CareCircleCore(Database.open(url), settings))
        circle.core.bot_joined(circle.platform, circle.chat_id, "Mum", circle.now)
        circle.bot_messages()
        ask(circle, "alice", "pick up prescriptions", due_at=local(17, 15))  # never done
        ask(circle, "alice", "check blood pressure", due_at=local(16, 20), recurrence="FREQ=DAILY")
        circle.say("bob", "/claim 2")
        ask(circle, "alice", "ring the GP", due_at=local(18, 11))
        heard = live(circle, local(18, 12), windows)
        circle.say("carol", "/done 3")
        circle.say("carol", "undo")  # within the window: the task is open again
        heard += live(circle, local(20, 9), windows)
        circle.say("carol", "/done 3")
        heard += live(circle, local(30, 9), windows)
        return heard, len(rows(circle, Nudge)), len(rows(circle, Event))

    kept_everything, kept_nudges, kept_events = fortnight(None, "kept.db")
    pruned_hourly, pruned_nudges, pruned_events = fortnight(EAGER, "pruned.db")
    assert pruned_hourly == kept_everything
    assert sum("Due now" in text for _, text in kept_everything) >= 10  # days of nudges heard
    assert pruned_nudges < kept_nudges and pruned_events < kept_events


def test_the_schedulers_tick_prunes_at_most_once_an_hour(circle: Circle) -> None:
    scheduler = NudgeScheduler(circle.core, clock=lambda: circle.now)
    scheduler.pruner = Pruner(circle.core.database, EAGER)

    def seen_after_a_tick() -> list[str]:
        asyncio.run(scheduler.tick())
        return [row.key for row in rows(circle, SeenMessage)]

    circle.say("alice", "how is Mum?")
    circle.later(days=2)
    assert seen_after_a_tick() == []
    circle.later(days=-2)
    circle.say("bob", "she's fine")  # handled as long ago: the next run will forget it
    circle.later(days=2, minutes=59)
    assert seen_after_a_tick() == ["message:2"]  # not within the hour of the last run
    circle.later(minutes=1)
    assert seen_after_a_tick() == []


# -- settings and a real PostgreSQL ----------------------------------------------------------


def test_each_window_is_set_in_days_from_the_environment() -> None:
    settings = load_settings({"CARECIRCLE_SEEN_DAYS": "14", "CARECIRCLE_HISTORY_DAYS": "365"})
    assert settings.retention == RetentionSettings(seen_days=14, history_days=365)
    with pytest.raises(ValueError, match="at least 1"):
        load_settings({"CARECIRCLE_OUTBOX_TEXT_DAYS": "0"})


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def busy_circle(request: pytest.FixtureRequest, database_url: str) -> Circle:
    url = database_url if request.param == "sqlite" else postgres_url()
    settings = Settings(database_url=url, default_timezone="Europe/London")
    circle = Circle(CareCircleCore(Database.open(url), settings), now=START)
    circle.core.bot_joined(circle.platform, circle.chat_id, "Mum", circle.now)
    return circle


def test_a_month_of_chatter_is_pruned_in_small_batches_to_a_week(
    busy_circle: Circle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pruning, "BATCH_ROWS", 3)
    circle = busy_circle
    for day in range(30):
        circle.say("alice", f"task: errand {day}")
        circle.say("bob", f"/done {day + 1}")
        circle.say("carol", "/tasks")
        circle.bot_messages()
        circle.later(days=1)
    changed = prune_at(circle)
    assert changed["texts emptied"] > 3 and changed["seen forgotten"] > 3  # several batches
    seen_days = {row.seen_at.date() for row in rows(circle, SeenMessage)}
    assert len(seen_days) == 7
    worded = [row for row in rows(circle, OutboxMessage) if row.payload]
    assert {row.delivered_at.date() for row in worded} == seen_days
    circle.core.database.engine.dispose()


def test_the_month_script_shows_the_outbox_and_seen_keys_levelling_off(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[1] / "scripts" / "simulate_month.py"
    short = {"CARECIRCLE_OUTBOX_TEXT_DAYS": "1", "CARECIRCLE_OUTBOX_ROW_DAYS": "2"}
    run = subprocess.run(
        [sys.executable, str(script), "--circles", "2", "--days", "6",
         "--database", f"sqlite:///{tmp_path / 'month.db'}"],
        check=True, capture_output=True, text=True, timeout=300,
        env={**os.environ, **short, "CARECIRCLE_SEEN_DAYS": "1"},
    )  # fmt: skip
    days = json.loads(run.stdout.strip().splitlines()[-1])["days"]
    assert len(days) == 6
    for table in ("outbox_with_text", "seen"):
        later = [day[table] for day in days[2:]]
        assert max(later) <= 1.5 * min(later), (table, later)
    assert days[-1]["outbox"] < 2 * days[2]["outbox"]
