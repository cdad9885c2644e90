"""The nudge scheduler and the console's clock: nudges reach the chat on time, restarts too."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta

from bot.console import ConsoleChat, run_console
from bot.core import CareCircleCore
from bot.scheduler import NudgeScheduler
from tests.conftest import Circle
from tests.timeline import ask, local


def test_scheduler_sends_what_was_missed_on_start_and_plans_the_next_nudge(
    circle: Circle,
) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.now = local(18, 13, 20)  # the bot was down at 13:00, when the reminder fell due

    async def start_and_stop() -> list[str]:
        scheduler = NudgeScheduler(circle.core, clock=lambda: circle.now)
        await scheduler.start()
        try:
            assert scheduler.next_nudge_at == local(18, 15)
            assert scheduler.is_running  # one loop: the next nudge, or a minute, wakes it
            return circle.texts()
        finally:
            await scheduler.stop()

    [reminder] = asyncio.run(start_and_stop())
    assert reminder.startswith("⏰ Coming up: #1 Pick up prescriptions")
    again = asyncio.run(start_and_stop())  # a restart: nothing new is due, nothing is re-sent
    assert again == []


def test_scheduler_wakes_when_the_next_nudge_falls_due(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.now = local(18, 13) - timedelta(microseconds=1)

    async def wait_for_the_wakeup() -> list[str]:
        scheduler = NudgeScheduler(circle.core, clock=lambda: circle.now)
        await scheduler.start()
        try:
            assert scheduler.next_nudge_at == local(18, 13)
            circle.now = local(18, 13)  # the injected clock moves on before the loop runs the job
            for _ in range(50):  # poll briefly while the job's database work runs in a thread
                if texts := circle.texts():
                    return texts
                await asyncio.sleep(0.1)
            return []
        finally:
            await scheduler.stop()

    [reminder] = asyncio.run(wait_for_the_wakeup())
    assert reminder.startswith("⏰ Coming up: #1")


def test_console_time_passes_through_the_nudges(core: CareCircleCore) -> None:
    out = io.StringIO()
    chat = ConsoleChat(core, out, clock=lambda: local(16, 9))
    chat.start()
    chat.send("alice: task: book the chiropodist")
    chat.pass_time(local(16, 9) + timedelta(days=1))
    assert "⏱ Tue 17 Nov 08:00" in out.getvalue()
    assert "🙋 Nobody has these yet:" in out.getvalue()


def test_console_time_command(core: CareCircleCore, capsys) -> None:  # type: ignore[no-untyped-def]
    run_console(core, ["alice: task: book the chiropodist", ":time +1d", ":tick", ":quit"])
    printed = capsys.readouterr().out
    assert "🙋 Nobody has these yet:" in printed
    assert "(it is now" in printed


def test_the_demo_shows_digests(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.config import Settings
    from bot.core import open_core
    from bot.demo import run_demo

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    run_demo(open_core(url, Settings(database_url=url)))
    printed = capsys.readouterr().out
    assert "⏱ Fri 20 Nov 08:00" in printed
    assert "Nobody has these yet" in printed


def test_serve_starts_and_stops_the_scheduler_beside_the_transports(
    core: CareCircleCore, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The transports start first and stop last, the scheduler runs between: nudges are never
    queued with no adapter to send them, and a stop ends everything that was started."""
    import bot.run

    seen: list[str] = []

    class Recorded(NudgeScheduler):
        async def start(self) -> None:
            await super().start()
            seen.append(f"scheduler started, running: {self.is_running}")

        async def stop(self) -> None:
            await super().stop()
            seen.append(f"scheduler stopped, running: {self.is_running}")

    class Adapter:
        platform = "console"

        async def start(self) -> None:
            seen.append("adapter started")

        async def stop(self) -> None:
            seen.append("adapter stopped")

    monkeypatch.setattr(bot.run, "NudgeScheduler", Recorded)

    async def serve_briefly() -> None:
        stop = asyncio.Event()
        stop.set()  # asked to stop at once: everything started is still stopped, in order
        await asyncio.wait_for(bot.run.serve(core, [Adapter()], stop), timeout=10)

    asyncio.run(serve_briefly())
    assert seen == [
        "adapter started",
        "scheduler started, running: True",
        "scheduler stopped, running: False",
        "adapter stopped",
    ]


def test_ticks_never_overlap_and_a_stop_during_a_tick_is_clean(
    circle: Circle, monkeypatch, caplog
) -> None:  # type: ignore[no-untyped-def]
    import threading
    import time

    import bot.scheduler

    running = 0
    overlapped = False
    lock = threading.Lock()
    queue = bot.scheduler.queue_due_nudges

    def slow_tick(core, now, stopping):  # type: ignore[no-untyped-def]
        nonlocal running, overlapped
        with lock:
            running += 1
            overlapped = overlapped or running > 1
        time.sleep(0.2)
        try:
            return queue(core, now, stopping)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(bot.scheduler, "queue_due_nudges", slow_tick)
    monkeypatch.setattr(bot.scheduler, "TICK_SECONDS", 0.05)

    async def tick_a_while_then_stop() -> None:
        scheduler = NudgeScheduler(circle.core, clock=lambda: circle.now)
        await scheduler.start()
        await asyncio.gather(scheduler.tick(), scheduler.tick(), asyncio.sleep(0.3))
        await scheduler.stop()  # the loop is mid-tick now
        assert not scheduler.is_running

    asyncio.run(tick_a_while_then_stop())
    assert not overlapped
    assert "Traceback" not in caplog.text and "CancelledError" not in caplog.text
