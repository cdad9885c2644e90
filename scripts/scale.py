"""One bot, many circles, one database: seeds N circles, then times acts and nudge ticks.

Seeds ``--circles`` circles with a realistic mix (six members, a hundred tasks of which fifteen
are open, claims, events, decisions, delivered outbox rows, handled-message keys and settled
nudges per circle) into the configured database through the project's own migrations and
tables, in bulk (COPY on PostgreSQL). Then, in this one process, through
``CareCircleCore.handle``: ``/tasks``, a new request, a claim and a done in random circles
(p50/p99/max milliseconds and SQL statements per call), ``/forget`` of a 100-task circle, the
nudge ticks (every circle at once as after an upgrade, nothing due, 1 % of circles due) and the
process memory. Then the live run: the bot's own ``NudgeScheduler``, on a clock that moves in
real time, with reminders falling due a minute apart in ``--live`` circles; how late each one
reaches the outbox is measured from outside, by watching the settled nudges. Unless
``--no-compare``, the same runs on a 10-circle database beside it, in a child process. The
last line printed is one JSON object with every figure.

Usage: python scripts/scale.py [--circles 10000] [--database URL] [--samples 2000] [--reset]
                              [--live 100]

The database is CARECIRCLE_DATABASE_URL unless ``--database`` names one; it must be empty, or
given ``--reset`` (which drops everything in it: never point this at a real bot's database).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, bindparam, create_engine, event, insert, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.config import Settings  # noqa: E402
from bot.core import CareCircleCore  # noqa: E402
from bot.nudging import next_wakeup, queue_due_nudges  # noqa: E402
from bot.scheduler import NudgeScheduler  # noqa: E402
from handlers.messages import Incoming  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.models import (  # noqa: E402
    Circle,
    Claim,
    Decision,
    Event,
    Member,
    Nudge,
    OutboxMessage,
    SeenMessage,
    Task,
)

# A Monday morning, out of every circle's quiet hours; the seeded year ends here.
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
# The due tick: a little later, when the 1 % of circles seeded for it have a reminder due.
DUE_TICK_AT = NOW + timedelta(minutes=7)
# The live run starts here (out of every circle's quiet hours), its reminders a minute apart.
LIVE_FROM = NOW + timedelta(hours=3)
LIVE_MINUTES = 3
# The live clock starts this short of the first reminder, so the run waits little.
LIVE_LEAD = timedelta(seconds=10)
# How often the live run looks for settled nudges: the measuring's own error.
LIVE_POLL_SECONDS = 0.2
ZONES = ("Europe/London", "Europe/London", "Europe/Berlin", "Europe/Madrid")
NAMES = ("Alice", "Bob", "Carol", "Dan", "Erin", "Femi", "Gita", "Hugo")
TITLES = (
    "pick up prescriptions",
    "drive Mum to the GP",
    "call the pharmacy",
    "buy groceries",
    "sort the pill box",
    "mow the lawn",
    "book the chiropodist",
    "take the bins out",
)
MEMBERS = 6
TASKS = 100
OPEN_FROM = 86  # tasks numbered from here on are open: fifteen a circle
DECISIONS = 5
SEEN = 240
DIGEST_DAYS = 30
LOOKBACK_WEEKS = 5
DUE_SHARE = 100  # every hundredth circle has a reminder due at the due tick
BATCH = 20_000  # rows per bulk insert where COPY is not available


# -- seeding ---------------------------------------------------------------------------------


@dataclass
class Seeded:
    """What the measurements need to know about the seeded circles."""

    chat_ids: list[str] = field(default_factory=list)
    members: list[list[tuple[str, str]]] = field(default_factory=list)  # (user id, name)
    unclaimed: list[list[int]] = field(default_factory=list)  # open, unheld task numbers
    open_numbers: list[list[int]] = field(default_factory=list)
    due_circles: int = 0


class Ids:
    def __init__(self) -> None:
        self.next: dict[str, int] = {}

    def __call__(self, table: str) -> int:
        value = self.next.get(table, 1)
        self.next[table] = value + 1
        return value


def seed(engine: Engine, circles: int, rng: random.Random) -> tuple[Seeded, dict[str, int]]:
    """Bulk-insert ``circles`` circles; returns what was seeded and the rows per table."""
    seeded = Seeded()
    ids = Ids()
    tables: dict[str, list[tuple]] = {}
    counts: dict[str, int] = {}
    columns = {model.__tablename__: _columns(model) for model in SEEDED_MODELS}
    with _bulk_writer(engine) as write:
        for number in range(1, circles + 1):
            for table, row in _circle_rows(number, ids, rng, seeded):
                tables.setdefault(table, []).append(row)
            if number % 200 == 0 or number == circles:
                for model in SEEDED_MODELS:  # parents before children
                    name = model.__tablename__
                    rows = tables.pop(name, [])
                    counts[name] = counts.get(name, 0) + len(rows)
                    if rows:
                        write(name, columns[name], rows)
    _reset_sequences(engine)
    return seeded, counts


SEEDED_MODELS = (Circle, Member, Task, Claim, Decision, Event, OutboxMessage, SeenMessage, Nudge)


def _columns(model: Any) -> list[str]:
    return [column.name for column in model.__table__.columns]


def _circle_rows(
    number: int, ids: Ids, rng: random.Random, seeded: Seeded
) -> Iterator[tuple[str, tuple]]:
    circle_id = ids("circle")
    zone = ZONES[number % len(ZONES)]
    digest = None if number % 10 == 0 else "08:00"
    is_due_circle = number % DUE_SHARE == 1
    created = NOW - timedelta(days=365)
    chat_id = str(-1_001_000_000_000 - number)
    seeded.chat_ids.append(chat_id)
    # circle: id platform chat_id name timezone languages quiet_start quiet_end digest_time
    #         last_task_number last_decision_number created_at attention_at
    yield (
        "circle",
        (circle_id, "telegram", chat_id, f"Care circle {number}", zone, "en", "21:00", "08:00",
         digest, TASKS + (1 if is_due_circle else 0), DECISIONS, created, None),
    )  # fmt: skip
    member_ids = []
    people = []
    for index in range(MEMBERS):
        member_id = ids("member")
        member_ids.append(member_id)
        user_id = str(700_000_000 + number * 10 + index)
        name = NAMES[(number + index) % len(NAMES)]
        people.append((user_id, name))
        yield "member", (member_id, circle_id, user_id, name, None, True, False, True, created)
    seeded.members.append(people)

    outbox = 0

    def outbox_row(task_id: int | None, key: str | None, at: datetime, body: str) -> tuple:
        nonlocal outbox
        outbox += 1
        row_id = ids("outboxmessage")
        payload = json.dumps({"platform": "telegram", "chat_id": chat_id, "text": body})
        # id circle_id platform chat_id payload task_id dedupe_key created_at not_before
        # leased_until lease_owner attempts delivered_at platform_message_id failure
        return (row_id, circle_id, "telegram", chat_id, payload, task_id, key, at, at, None,
                None, 1, at, f"{number}:{row_id}", None)  # fmt: skip

    unclaimed: list[int] = []
    open_numbers: list[int] = []
    previous_id = None
    for task_number in range(1, TASKS + 1):
        task_id = ids("task")
        created_at = created + timedelta(hours=(task_number - 1) * 86)  # about 3.6 days apart
        is_open = task_number >= OPEN_FROM
        status = "open" if is_open else ("removed" if task_number % 20 == 0 else "done")
        kind = rng.random()
        due_at: datetime | None = None
        due_on: date | None = None
        if is_open:
            if kind < 0.5:  # due in the coming weeks, on a quarter hour
                days = rng.randint(3 if is_due_circle else 1, 30)
                due_at = _quarter(NOW + timedelta(days=days, minutes=rng.randint(0, 600)))
            elif kind < 0.75:  # overdue, its nudges said
                due_at = _quarter(NOW - timedelta(days=rng.randint(1, 20)))
        elif kind < 0.6:
            due_at = _quarter(created_at + timedelta(days=rng.randint(1, 5)))
        elif kind < 0.8:
            due_on = (created_at + timedelta(days=rng.randint(1, 5))).date()
        recurrence = "FREQ=WEEKLY" if is_open and due_at and due_at > NOW and kind < 0.05 else None
        done = status == "done"
        holder = rng.choice(member_ids)
        claimed = (done and rng.random() < 0.8) or (is_open and rng.random() < 0.5)
        # task: id circle_id number title source_text source_message_id requester_id due_at
        #       due_on recurrence is_urgent status created_at done_at done_by_id previous_id
        title = TITLES[(number + task_number) % len(TITLES)]
        yield (
            "task",
            (task_id, circle_id, task_number, title, f"task: {title}", f"m{task_number}",
             rng.choice(member_ids), due_at, due_on, recurrence, False, status, created_at,
             created_at + timedelta(days=1) if done else None, holder if done else None,
             previous_id if task_number % 50 == 0 else None),
        )  # fmt: skip
        previous_id = task_id
        if is_open:
            open_numbers.append(task_number)
            if not claimed:
                unclaimed.append(task_number)
        at = created_at + timedelta(minutes=1)
        yield "event", (ids("event"), circle_id, holder, created_at, "task_added", task_id,
                        None, f"m{task_number}", "{}", False)  # fmt: skip
        yield "outboxmessage", outbox_row(task_id, f"ack:{task_id}", at, f"Noted #{task_number}")
        if claimed:
            yield "claim", (ids("claim"), task_id, holder, at, None)
            yield "event", (ids("event"), circle_id, holder, at, "claimed", task_id, None,
                            f"c{task_number}", "{}", False)  # fmt: skip
            yield "outboxmessage", outbox_row(task_id, None, at, f"Bob has #{task_number}")
        if done:
            yield "event", (ids("event"), circle_id, holder, at, "done", task_id, None,
                            f"d{task_number}", "{}", False)  # fmt: skip
        if due_at is not None and (done or due_at < NOW):
            stamp = due_at.isoformat()
            for name in ("remind", "due", "unclaimed1", "unclaimed2", "overdue"):
                kind_name = name.rstrip("12")
                yield "nudge", (ids("nudge"), circle_id, f"{name}:{task_id}:{stamp}", None,
                                kind_name, task_id, due_at, None)  # fmt: skip
    seeded.unclaimed.append(unclaimed)
    seeded.open_numbers.append(open_numbers)

    if is_due_circle:  # a holder's reminder falls due at the due tick
        task_id = ids("task")
        holder = member_ids[1]
        due_at = DUE_TICK_AT + timedelta(hours=2)
        yield (
            "task",
            (task_id, circle_id, TASKS + 1, "collect the wheelchair", "task: collect it", "mdue",
             member_ids[0], due_at, None, None, False, "open", NOW - timedelta(days=1), None,
             None, None),
        )  # fmt: skip
        yield "claim", (ids("claim"), task_id, holder, NOW - timedelta(days=1), None)
        seeded.due_circles += 1

    for decision_number in range(1, DECISIONS + 1):
        decision_id = ids("decision")
        at = created + timedelta(days=decision_number * 60)
        yield "decision", (decision_id, circle_id, decision_number, "Visits on Sundays",
                           member_ids[0], at, f"x{decision_number}", False)  # fmt: skip
        yield "event", (ids("event"), circle_id, member_ids[0], at, "decided", None, decision_id,
                        f"x{decision_number}", "{}", False)  # fmt: skip

    local = ZoneInfo(zone)
    today = NOW.astimezone(local).date()
    for back in range(DIGEST_DAYS):
        day = today - timedelta(days=back)
        at = datetime.combine(day, datetime.min.time(), tzinfo=local) + timedelta(hours=8)
        row = outbox_row(None, f"nudge:digest:{circle_id}:{day.isoformat()}", at, "Today")
        yield "outboxmessage", row
        yield "nudge", (ids("nudge"), circle_id, f"digest:{circle_id}:{day.isoformat()}", None,
                        "digest", None, at, row[0])  # fmt: skip
    sunday = today - timedelta(days=(today.weekday() - 6) % 7)
    for back in range(LOOKBACK_WEEKS):
        day = sunday - timedelta(days=7 * back)
        at = datetime.combine(day, datetime.min.time(), tzinfo=local) + timedelta(hours=18)
        yield "nudge", (ids("nudge"), circle_id, f"lookback:{circle_id}:{day.isoformat()}", None,
                        "lookback", None, at, None)  # fmt: skip
    while outbox < 260:  # the rest of the year's replies
        at = created + timedelta(days=outbox)
        yield "outboxmessage", outbox_row(None, None, at, "Here is the list")
    for index in range(SEEN):  # the last week's handled messages: older ones are forgotten
        seen_at = NOW - timedelta(days=7) * index / SEEN
        yield "seenmessage", (ids("seenmessage"), circle_id, f"message:{index}", seen_at)


def _quarter(moment: datetime) -> datetime:
    return moment.replace(minute=moment.minute // 15 * 15, second=0, microsecond=0)


@contextmanager
def _bulk_writer(engine: Engine) -> Iterator[Callable[[str, list[str], list[tuple]], None]]:
    """COPY on PostgreSQL (triggers and foreign-key checks off while seeding: the moments are
    cleared below instead); batched inserts elsewhere."""
    if engine.dialect.name == "postgresql":
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("SET session_replication_role = replica")

            def copy(table: str, columns: list[str], rows: list[tuple]) -> None:
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as out:
                    for row in rows:
                        out.write_row(row)

            yield copy
            cursor.execute("SET session_replication_role = DEFAULT")
            cursor.execute("UPDATE circle SET attention_at = NULL")
            raw.commit()
            # As autovacuum long since has on a host's database: the acts measured next must
            # not race the first vacuum of ten million freshly copied rows.
            raw.driver_connection.autocommit = True  # type: ignore[attr-defined]
            cursor.execute("VACUUM (ANALYZE)")
        finally:
            raw.close()
        return
    with engine.begin() as connection:
        tables = {model.__tablename__: model.__table__ for model in SEEDED_MODELS}

        def batched(table: str, columns: list[str], rows: list[tuple]) -> None:
            for start in range(0, len(rows), BATCH):
                chunk = rows[start : start + BATCH]
                connection.execute(
                    insert(tables[table]), [dict(zip(columns, row, strict=True)) for row in chunk]
                )

        yield batched
        connection.execute(text("UPDATE circle SET attention_at = NULL"))


def _reset_sequences(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        for model in SEEDED_MODELS:
            name = model.__tablename__
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {name}))"
                )
            )


# -- measuring ---------------------------------------------------------------------------------


class Statements:
    """Counts the SQL statements the engine sends; keeps them while ``keep`` is set."""

    def __init__(self, engine: Engine) -> None:
        self.count = 0
        self.keep = False
        self.kept: list[tuple[str, Any]] = []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, *_args) -> None:  # type: ignore[no-untyped-def]
        self.count += 1
        if self.keep:
            self.kept.append((statement, parameters))


def timings(label: str, calls: Iterable[Callable[[], object]], statements: Statements) -> dict:
    latencies: list[float] = []
    per_call: list[int] = []
    for call in calls:
        before = statements.count
        begin = time.perf_counter()
        call()
        latencies.append((time.perf_counter() - begin) * 1000)
        per_call.append(statements.count - before)
    latencies.sort()
    return {
        f"{label}_calls": len(latencies),
        f"{label}_p50_ms": round(statistics.median(latencies), 2),
        f"{label}_p99_ms": round(p99(latencies), 2),
        f"{label}_max_ms": round(latencies[-1], 2),
        f"{label}_statements": round(statistics.mean(per_call), 1),
    }


def p99(ordered: list[float]) -> float:
    """The 99th percentile of values in ascending order (the largest, below a hundred)."""
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory now (``VmHWM``: its peak, which, unlike getrusage's,
    a child does not inherit from the parent that started it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def seed_in_child(url: str, circles: int, reset: bool) -> dict:
    """Seed in a child process, so the memory measured below is the bot's alone."""
    child = subprocess.run(
        [sys.executable, __file__, "--seed-only", "--circles", str(circles), "--database", url]
        + (["--reset"] if reset else []),
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(child.stdout.strip().splitlines()[-1])


def seed_only(url: str, circles: int, reset: bool) -> dict:
    prepare(url, reset)
    database = Database.open(url)
    begin = time.perf_counter()
    _, counts = seed(database.engine, circles, random.Random(20261207))
    return {"seed_s": round(time.perf_counter() - begin, 1), "rows": counts}


def read_seeded(database: Database) -> Seeded:
    """The circles' chats, members and open tasks, as seeded (ids run from 1 in order)."""
    seeded = Seeded()
    with database.transaction() as session:
        for (chat_id,) in session.execute(text("SELECT chat_id FROM circle ORDER BY id")):
            seeded.chat_ids.append(chat_id)
            seeded.members.append([])
            seeded.unclaimed.append([])
            seeded.open_numbers.append([])
        for circle_id, user_id, name in session.execute(
            text("SELECT circle_id, user_id, display_name FROM member ORDER BY id")
        ):
            seeded.members[circle_id - 1].append((user_id, name))
        for circle_id, number, held in session.execute(
            text(
                "SELECT circle_id, number, EXISTS (SELECT 1 FROM claim WHERE task_id = task.id) "
                "FROM task WHERE status = 'open' AND number <= :last ORDER BY id"
            ),
            {"last": TASKS},
        ):
            seeded.open_numbers[circle_id - 1].append(number)
            if not held:
                seeded.unclaimed[circle_id - 1].append(number)
        seeded.due_circles = session.execute(
            text("SELECT count(*) FROM task WHERE number = :due"), {"due": TASKS + 1}
        ).scalar_one()
    return seeded


def commit_floor_ms(database: Database) -> float:
    """The fastest of a few one-row writes and commits: what the disk's flush alone costs."""
    floor = []
    for _ in range(20):
        start = time.perf_counter()
        with database.transaction() as session:
            session.execute(text("UPDATE circle SET name = name WHERE id = 1"))
        floor.append((time.perf_counter() - start) * 1000)
    return round(min(floor), 2)


def live_lateness(core: CareCircleCore, seeded: Seeded, picked: list[int]) -> dict:
    """How late reminders reach the outbox with the bot's own scheduler running in real time.

    Each picked circle gets a task due two hours after a moment a whole minute into the run
    (one to ``LIVE_MINUTES``), asked for and claimed through the core three hours earlier, so
    its holder's reminder falls at that moment. The scheduler runs on a clock that starts
    ``LIVE_LEAD`` before the first reminder and moves in real time; a watcher outside it polls
    the settled nudges of those tasks and notes when each appears. Lateness is that moment of
    appearing minus the reminder's moment (the watcher adds up to ``LIVE_POLL_SECONDS``).
    """
    if not picked:
        return {}
    moments: dict[int, datetime] = {}  # task id → its reminder's moment
    zones = dict(
        core.database.run(lambda s: s.execute(text("SELECT id, timezone FROM circle")).all())
    )
    asked_at = LIVE_FROM - timedelta(hours=3)
    for turn, index in enumerate(picked):
        moment = LIVE_FROM + timedelta(minutes=1 + turn % LIVE_MINUTES)
        due = (moment + timedelta(hours=2)).astimezone(ZoneInfo(zones[index + 1]))
        (asker, asker_name), (holder, holder_name) = seeded.members[index][:2]
        chat = seeded.chat_ids[index]
        ask = f"task: collect the hoist today at {due:%H:%M}"
        core.handle(Incoming("telegram", chat, f"live-{turn}", asker, asker_name, asked_at,
                             text=ask), asked_at)  # fmt: skip
        task_id, number = core.database.run(
            lambda s, circle=index + 1: s.execute(
                text("SELECT id, number FROM task WHERE circle_id = :c ORDER BY id DESC LIMIT 1"),
                {"c": circle},
            ).one()
        )
        claimed_at = asked_at + timedelta(seconds=1)
        core.handle(Incoming("telegram", chat, f"live-{turn}-claim", holder, holder_name,
                             claimed_at, text=f"/claim {number}"), claimed_at)  # fmt: skip
        moments[task_id] = moment

    seen: dict[int, datetime] = {}
    live_start = LIVE_FROM + timedelta(minutes=1) - LIVE_LEAD
    # The acts above changed a few thousand circles at once; a running bot looks at such
    # changes minute by minute, so the live run starts from a tick that has caught up.
    begin = time.perf_counter()
    queue_due_nudges(core, live_start)
    catch_up_ms = round((time.perf_counter() - begin) * 1000, 1)

    async def run() -> None:
        started = time.monotonic()

        def clock() -> datetime:
            return live_start + timedelta(seconds=time.monotonic() - started)

        scheduler = NudgeScheduler(core, clock)
        await scheduler.start()
        end = max(moments.values()) + timedelta(seconds=90)
        ids = list(moments)
        while len(seen) < len(moments) and clock() < end:
            settled = await asyncio.to_thread(core.database.run, _settled_tasks, ids)
            now = clock()
            for task_id in settled:
                seen.setdefault(task_id, now)
            await asyncio.sleep(LIVE_POLL_SECONDS)
        await scheduler.stop()

    asyncio.run(run())
    late = sorted((seen[task] - moments[task]).total_seconds() for task in seen)
    return {
        "catch_up_tick_ms": catch_up_ms,
        "live_reminders": len(moments),
        "live_reminders_queued": len(seen),
        "live_late_p50_s": round(statistics.median(late), 2) if late else None,
        "live_late_p99_s": round(p99(late), 2) if late else None,
        "live_late_max_s": round(late[-1], 2) if late else None,
    }


def _settled_tasks(session: Any, task_ids: list[int]) -> list[int]:
    query = text("SELECT DISTINCT task_id FROM nudge WHERE task_id IN :ids")
    expanding = query.bindparams(bindparam("ids", expanding=True))
    return list(session.execute(expanding, {"ids": task_ids}).scalars())


def measure(url: str, args: argparse.Namespace) -> dict:
    circles, samples, explain, live = args.circles, args.samples, not args.no_explain, args.live
    rng = random.Random(20261207)
    figures: dict[str, Any] = {"circles": circles, "load_average_before": os.getloadavg()[0]}
    figures |= seed_in_child(url, circles, args.reset)
    database = Database.open(url)
    engine = database.engine
    figures["dialect"] = engine.dialect.name
    seeded = read_seeded(database)
    figures["commit_floor_ms"] = commit_floor_ms(database)
    core = CareCircleCore(database, Settings(database_url=url))
    start = time.perf_counter()
    core.prepare_reading(NOW)  # as ``carecircle run`` does before it listens
    figures["prepare_reading_ms"] = round((time.perf_counter() - start) * 1000, 1)
    statements = Statements(engine)

    def tick(at: datetime) -> dict:
        before = statements.count
        start = time.perf_counter()
        queued = queue_due_nudges(core, at)
        wakeup = next_wakeup(core, at)
        return {
            "ms": round((time.perf_counter() - start) * 1000, 1),
            "queued": queued,
            "statements": statements.count - before,
            "next": wakeup.isoformat() if wakeup else None,
        }

    # Every circle's moment is unknown after seeding, as after the upgrade to moments.
    full = tick(NOW)
    idle = tick(NOW + timedelta(minutes=1))
    due = tick(DUE_TICK_AT)
    figures |= {
        "full_tick_ms": full["ms"],
        "full_tick_queued": full["queued"],
        "idle_tick_ms": idle["ms"],
        "idle_tick_statements": idle["statements"],
        "due_tick_ms": due["ms"],
        "due_tick_circles": seeded.due_circles,
        "due_tick_queued": due["queued"],
        "due_tick_statements": due["statements"],
    }

    clock = iter(range(10**9))
    order = list(range(circles))
    rng.shuffle(order)
    forgotten = order.pop()  # kept apart for /forget

    def act(index: int, text: str, who: int | None = None) -> Callable[[], object]:
        def call() -> object:
            tick_number = next(clock)
            moment = DUE_TICK_AT + timedelta(minutes=1, milliseconds=tick_number * 10)
            user_id, name = seeded.members[index][who if who is not None else tick_number % 6]
            message = Incoming(
                "telegram", seeded.chat_ids[index], f"scale-{tick_number}", user_id, name,
                moment, text=text,
            )  # fmt: skip
            return core.handle(message, moment)

        return call

    def pick(count: int) -> list[int]:
        return [rng.choice(order) for _ in range(count)]

    figures |= timings("tasks", [act(i, "/tasks") for i in pick(samples)], statements)
    figures |= timings(
        "new", [act(i, f"task: {rng.choice(TITLES)} on Friday") for i in pick(samples)], statements
    )
    claims = []
    for index in pick(samples):
        if seeded.unclaimed[index]:
            claims.append(act(index, f"/claim {seeded.unclaimed[index].pop()}"))
    figures |= timings("claim", claims, statements)
    dones = []
    for index in pick(samples):
        if seeded.open_numbers[index]:
            dones.append(act(index, f"/done {seeded.open_numbers[index].pop()}"))
    figures |= timings("done", dones, statements)

    act(forgotten, "/forget", who=0)()
    before = statements.count
    start = time.perf_counter()
    act(forgotten, "/forget", who=1)()  # a second member confirms: everything goes
    figures["forget_ms"] = round((time.perf_counter() - start) * 1000, 1)
    figures["forget_statements"] = statements.count - before
    with database.transaction() as session:
        left = session.execute(
            text("SELECT count(*) FROM task WHERE circle_id = :id"), {"id": forgotten + 1}
        ).scalar_one()
    figures["forget_tasks_left"] = left
    figures |= live_lateness(core, seeded, order[:live])  # the forgotten circle is not in it

    figures["load_average_after"] = os.getloadavg()[0]
    figures["rss_mb"] = rss_mb()
    figures["peak_rss_mb"] = rss_mb("VmHWM")
    if explain and engine.dialect.name == "postgresql":
        figures["scans"] = explain_acts(core, statements, act, seeded, order, rng)
    return figures


def explain_acts(core, statements, act, seeded, order, rng) -> dict:  # type: ignore[no-untyped-def]
    """EXPLAIN every statement of one claim, done, new request and /tasks: any sequential scan
    of a table is listed (there should be none)."""
    found: dict[str, list[str]] = {}
    index = next(i for i in order if len(seeded.unclaimed[i]) >= 2)
    for label, text_ in (
        ("claim", f"/claim {seeded.unclaimed[index][-1]}"),
        ("done", f"/done {seeded.unclaimed[index][-1]}"),
        ("new", "task: ring the pharmacy on Friday"),
        ("tasks", "/tasks"),
        ("undo", "undo"),
    ):
        statements.kept.clear()
        statements.keep = True
        act(index, text_)()
        statements.keep = False
        scans = []
        with core.database.engine.connect() as connection:
            cursor = connection.connection.cursor()
            for statement, parameters in statements.kept:
                if not statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
                    continue
                cursor.execute("EXPLAIN " + statement, parameters)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                scans += [line.strip() for line in plan.splitlines() if "Seq Scan" in line]
            connection.rollback()
        found[label] = scans
    return found


def prepare(url: str, reset: bool) -> None:
    """An empty database to seed: refuse one with circles in it unless told to reset."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            has_circles = (
                engine.dialect.has_table(connection, "circle")
                and connection.execute(text("SELECT count(*) FROM circle")).scalar_one()
            )
            if has_circles and not reset:
                raise SystemExit(
                    f"{url} holds circles; pass --reset to wipe it (never a real bot's)"
                )
            if reset and engine.dialect.name == "postgresql":
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
                connection.commit()
    finally:
        engine.dispose()
    if reset and url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)


def comparison_url(url: str) -> str:
    """A database beside ``url`` for the 10-circle run (created on PostgreSQL)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "scale.db")
        return f"sqlite:///{path.with_name(path.stem + '_10' + path.suffix)}"
    name = f"{parsed.database}_10"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return parsed.set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--circles", type=int, default=10_000)
    parser.add_argument("--database", default=os.environ.get("CARECIRCLE_DATABASE_URL"))
    parser.add_argument("--samples", type=int, default=2000, help="calls of each act")
    parser.add_argument("--reset", action="store_true", help="wipe the database first")
    parser.add_argument("--live", type=int, default=100, help="circles in the live run (0: none)")
    parser.add_argument("--no-compare", action="store_true", help="skip the 10-circle run")
    parser.add_argument("--no-explain", action="store_true", help="skip EXPLAIN of the acts")
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.database:
        parser.error("set CARECIRCLE_DATABASE_URL or pass --database")
    if args.seed_only:
        print(json.dumps(seed_only(args.database, args.circles, args.reset)))
        return
    figures = measure(args.database, args)
    print(json.dumps({"run": figures}), flush=True)
    if not args.no_compare:
        small = comparison_url(args.database)
        child = subprocess.run(
            [sys.executable, __file__, "--circles", "10", "--database", small, "--reset",
             "--samples", str(args.samples), "--live", "10", "--no-compare", "--no-explain"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        figures["ten_circles"] = json.loads(child.stdout.strip().splitlines()[-1])
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
