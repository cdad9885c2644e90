"""A busy week of one care circle, played on an injected clock, and what the nudges cost it.

About 40 tasks (three urgent, one every evening), about 300 human messages, six members of whom
two muted the bot, in Europe/Berlin across the end of summer time (Sunday 25 October 2026).
On Thursday the bot is killed in the middle of a delivery and comes back two hours later as a
new process on the same database. Prints:

- bot messages per 100 human messages (all of them, reactions aside, and nudges alone);
- routine nudges posted inside quiet hours;
- tasks with a due time that got a reminder or an alert while open;
- messages the circle saw twice across the restart;
- acts that changed a task nobody pointed at (by number, reply, or its own words);
- open occurrences per series (at most, at any act of the week);
- morning messages per day (routine messages from the end of quiet hours to the digest);
- urgent tasks still open at the week's end after someone gave the all-clear.

The circle keeps its digest at 08:30, half an hour after its quiet hours end. A daily blood
pressure check is done on some days only, so some of its occurrences are missed. Of the three
emergencies, one is claimed with "/claim", one in plain words ("on my way"), one by nobody; each
ends with an all-clear in plain words ("she's OK, no bones broken", "false alarm, all fine").
Early in the week a member says Mum comes home from hospital in two days; the bot offers that
move's checklist, and another member takes two of its items as a reply to the offer. The offer
and its answer count among the bot's messages.

Without ``--seed`` the week is played for ten seeds and the new figures are printed as a table.

The tasks are asked for in explicit forms (``task: … Friday 15:00``); when the plain-language
parser does not read the stated time, the script stores it as stated, and says how often.

Usage: python scripts/simulate_week.py [--seed 7] [--database sqlite:///week.db] [--seeds 10]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlmodel import col, select  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.core import CareCircleCore  # noqa: E402
from bot.nudging import next_wakeup, queue_due_nudges  # noqa: E402
from handlers.formatting import format_day  # noqa: E402
from handlers.messages import Incoming, Outgoing  # noqa: E402
from handlers.nudges import in_quiet_hours  # noqa: E402
from handlers.requests import tidy_title  # noqa: E402
from storage import circles, tasks  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.models import Event, Nudge, OutboxMessage, Task  # noqa: E402

ZONE = ZoneInfo("Europe/Berlin")
START = datetime(2026, 10, 19, 7, 30, tzinfo=ZONE)  # a Monday; summer time ends on Sunday
END = START + timedelta(days=7, hours=4)
KILL_AT = datetime(2026, 10, 22, 12, 0, tzinfo=ZONE)
BACK_AT = KILL_AT + timedelta(hours=2)
MEMBERS = ("alice", "bob", "carol", "dan", "eve", "frank")
MUTED = ("eve", "frank")
HUMAN_MESSAGES = 300
TABLETS = 1  # the daily task: its open occurrence is the one done each evening
PRESSURE = 41  # the daily check done on some days only: the others are missed
SERIES = {TABLETS: "tablets", PRESSURE: "blood pressure"}
DIGEST_CLOCK = time(8, 30)
QUIET_END = time(8, 0)
ALL_CLEARS = ("she's OK, no bones broken, paramedics checked her", "false alarm, all fine")
CORPUS = REPO.parent / "shared" / "corpus" / "messages.jsonl"
CHATTER = (
    "How was Mum today?",
    "She ate all her lunch, which is good news",
    "Thanks everyone, really appreciated",
    "Running a bit late, will call later",
    "Did anyone hear back from the hospital?",
    "Lovely photo, she looks well",
)
ERRANDS = (
    "pick up prescriptions",
    "drive Mum to the GP",
    "buy groceries for Mum",
    "ring the pharmacy about the repeat",
    "collect the wheelchair from repair",
    "sit with Mum in the afternoon",
    "book the chiropodist",
    "take Mum to the hairdresser",
    "change the bed linen",
    "water the garden",
    "fix the bathroom light",
    "post the benefits form",
)


@dataclass(order=True)
class Act:
    """One human message at one moment."""

    at: datetime
    who: str
    text: str  # "/claim {n}": ``n`` becomes the number task ``ref`` got
    ref: int | None = None
    title: str | None = None
    due: datetime | date | None = None
    recurrence: str | None = None
    is_urgent: bool = False
    all_clear: bool = False  # ``ref`` is the emergency this all-clear ends
    answers_offer: bool = False  # said as a reply to the bot's checklist offer for a move


def plan_week(rng: random.Random) -> list[Act]:
    """The circle's week: requests, claims, completions, decisions and chat, in time order."""
    acts: list[Act] = [Act(START, who, "/mute") for who in MUTED]
    acts.append(
        Act(
            START + timedelta(minutes=6),
            "dan",
            "task: check Mum's blood pressure every day",
            ref=PRESSURE,
            due=START.date(),
            recurrence="FREQ=DAILY",
        )
    )
    for day in range(7):
        if rng.random() < 0.5:
            moment = datetime.combine(START.date() + timedelta(days=day), time(10), tzinfo=ZONE)
            moment += timedelta(minutes=rng.uniform(0, 9 * 60))
            acts.append(Act(moment, rng.choice(MEMBERS), "/done {n}", ref=PRESSURE))
    acts.append(
        Act(
            START + timedelta(minutes=5),
            "carol",
            "task: give Mum her evening tablets every day 19:00",
            ref=TABLETS,
            due=datetime.combine(START.date(), time(19), tzinfo=ZONE),
            recurrence="FREQ=DAILY",
        )
    )
    acts.append(Act(START + timedelta(minutes=7), "carol", "/claim {n}", ref=TABLETS))
    for day in range(7):
        evening = datetime.combine(START.date() + timedelta(days=day), time(19, 20), tzinfo=ZONE)
        acts.append(Act(evening, "carol", "/done {n}", ref=TABLETS))
    for number in range(2, 41):
        asked = _waking(rng, START + timedelta(hours=rng.uniform(1, 6.3 * 24)))
        title = ERRANDS[number % len(ERRANDS)]
        who = rng.choice(MEMBERS)
        if number in (9, 23, 33):
            at = asked if number != 23 else asked.replace(hour=23, minute=10)
            acts.append(Act(at, who, f"task: {title} now, urgent", ref=number, is_urgent=True))
            if number != 33:
                helper = rng.choice([m for m in MEMBERS if m != who])
                later = at + timedelta(minutes=5 if number == 9 else 40)
                claim = "/claim {n}" if number == 9 else "on my way"  # in plain words
                acts.append(Act(later, helper, claim, ref=number))
            fine = ALL_CLEARS[0] if number != 33 else ALL_CLEARS[1]
            acts.append(Act(at + timedelta(minutes=90), who, fine, ref=number, all_clear=True))
            continue
        due_at = _waking(rng, asked + timedelta(hours=rng.uniform(4, 60)))
        due_at = due_at.replace(minute=15 * (due_at.minute // 15), second=0, microsecond=0)
        due: datetime | date = due_at if rng.random() < 0.7 else due_at.date()
        words = f"{format_day(due_at.date())} {due_at:%H:%M}" if due is due_at else format_day(due)
        text = f"task: {title} {words}"
        acts.append(Act(asked, who, text, ref=number, title=title, due=due))
        if rng.random() < 0.75:
            claimer = rng.choice(MEMBERS)
            claimed = _waking(rng, asked + timedelta(minutes=rng.uniform(10, 20 * 60)))
            acts.append(Act(claimed, claimer, "/claim {n}", ref=number))
            if rng.random() < 0.7:
                done = _waking(rng, max(claimed, due_at + timedelta(hours=rng.uniform(-3, 3))))
                acts.append(Act(done + timedelta(minutes=1), claimer, "/done {n}", ref=number))
    for number in range(6):
        moment = _waking(rng, START + timedelta(hours=rng.uniform(2, 6.5 * 24)))
        acts.append(Act(moment, rng.choice(MEMBERS), f"decision: care plan point {number + 1}"))
    chatter = _chatter()
    while len(acts) < HUMAN_MESSAGES - 2:  # room for the move and its answer
        moment = _waking(rng, START + timedelta(hours=rng.uniform(0.5, 7 * 24)))
        acts.append(Act(moment, rng.choice(MEMBERS), rng.choice(chatter)))
    # Drawn last, so the rest of the week is the week each seed played before moves.
    announced = _waking(rng, START + timedelta(hours=rng.uniform(2, 3 * 24)))
    home_on = announced.date() + timedelta(days=2)
    acts.append(
        Act(announced, rng.choice(MEMBERS), f"Mum comes home from the hospital on {home_on:%A}")
    )
    answered = announced + timedelta(minutes=rng.uniform(10, 90))
    acts.append(Act(answered, rng.choice(MEMBERS), "1 3", answers_offer=True))
    return sorted(acts, key=lambda act: act.at)


def _waking(rng: random.Random, moment: datetime) -> datetime:
    """People write between 08:00 and 21:00; a night-time moment moves to the next morning."""
    local = moment.astimezone(ZONE)
    if 8 <= local.hour < 21:
        return local
    day = local.date() + timedelta(days=1 if local.hour >= 21 else 0)
    return datetime.combine(day, time(8), tzinfo=ZONE) + timedelta(minutes=rng.uniform(5, 120))


def _chatter() -> list[str]:
    if not CORPUS.exists():
        return list(CHATTER)
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    return [row["text"] for row in rows if row.get("kind") == "none"] or list(CHATTER)


class Week:
    """The circle as the bot sees it: a core (replaced on restart), a clock and a chat log."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.settings = Settings(database_url=url, default_timezone="Europe/Berlin")
        self.core = CareCircleCore(Database.open(url), self.settings)
        self.now = START
        self.count = 0
        self.posts: list[tuple[datetime, Outgoing]] = []
        self.delivered_ids: Counter[int] = Counter()
        self.reactions = 0
        self.due_set_by_script = 0
        self.numbers: dict[int, int] = {}
        self.meant: dict[str, int | None] = {}  # message id → the task number it points at
        self.all_cleared: set[int] = set()  # task numbers someone gave the all-clear for
        self.most_open_per_series = 0
        self.core.bot_joined("console", "family", "Mum", self.now)
        with self.core.database.transaction() as session:  # the circle's digest, as it chose
            circle = circles.find_circle(session, "console", "family")
            assert circle is not None and circle.id is not None
            circles.update_circle(session, circle.id, digest_time=f"{DIGEST_CLOCK:%H:%M}")

    def live_until(self, moment: datetime) -> None:
        """Let time pass: wake at every nudge moment before ``moment`` and deliver."""
        while (wakeup := next_wakeup(self.core, self.now)) is not None and wakeup <= moment:
            self.now = wakeup
            queue_due_nudges(self.core, self.now)
            self.deliver()
        self.now = max(self.now, moment)
        queue_due_nudges(self.core, self.now)
        self.deliver()

    def deliver(self, worker: str = "bot") -> None:
        while batch := self.core.claim_deliveries("console", worker, self.now):
            for message in batch:
                reply_target = None if message.reaction else f"m{message.outbox_id}"
                self.core.mark_delivered(message.outbox_id or 0, reply_target, self.now)
                self.delivered_ids[message.outbox_id or 0] += 1
                if message.reaction:
                    self.reactions += 1
                elif message.text and not message.edit_of:
                    self.posts.append((self.now, message))

    def say(self, act: Act) -> None:
        self.count += 1
        text = (
            act.text.format(n=self._number(act.ref)) if act.ref and "{n}" in act.text else act.text
        )
        offer = (
            next((m for _, m in self.posts if _is_offer(m)), None) if act.answers_offer else None
        )
        incoming = Incoming(
            "console",
            "family",
            str(self.count),
            act.who,
            act.who.title(),
            act.at,
            text=text,
            reply_to_id=f"m{offer.outbox_id}" if offer else None,
        )
        meant = self._number(act.ref) if act.ref and not act.text.startswith("task:") else None
        self.core.handle(incoming, self.now)
        if act.text.startswith("task:"):
            self._store_as_stated(act)
            meant = self.numbers.get(act.ref) if act.ref else None
        if not act.answers_offer:  # an answer to an offer adds the tasks it picked
            self.meant[str(self.count)] = meant
        if act.all_clear and meant:
            self.all_cleared.add(meant)
        self.deliver()
        self.most_open_per_series = max(self.most_open_per_series, self.open_per_series())

    def open_per_series(self) -> int:
        """The most open occurrences any one series has now."""
        with self.core.database.transaction() as session:
            titles = session.exec(
                select(Task.title).where(Task.status == "open", col(Task.recurrence).is_not(None))
            ).all()
        return max(Counter(titles).values(), default=0)

    def kill_and_restart(self) -> None:
        """The process dies holding leases on undelivered rows; a new one starts later."""
        self.core.claim_deliveries("console", "dying", self.now)  # leased, never sent
        self.core = CareCircleCore(Database.open(self.url), self.settings)

    def _number(self, ref: int) -> int:
        """The number a planned task got; for a daily task, its open occurrence."""
        if ref not in SERIES:
            return self.numbers.get(ref, 0)
        with self.core.database.transaction() as session:
            number = session.exec(
                select(Task.number)
                .where(Task.status == "open", col(Task.title).contains(SERIES[ref]))
                .order_by(Task.number)
            ).first()
        return number or 0

    def _store_as_stated(self, act: Act) -> None:
        """Give the new task the time its request stated, if the parser did not read it."""
        with self.core.database.transaction() as session:
            circle = circles.find_circle(session, "console", "family")
            assert circle is not None and circle.id is not None
            task = tasks.task_by_number(session, circle.id, circle.last_task_number)
            assert task is not None
            if act.ref is not None:
                self.numbers[act.ref] = task.number
            needs_due = act.due is not None and task.due_at is None and task.due_on is None
            if needs_due or (act.is_urgent and not task.is_urgent) or act.recurrence:
                self.due_set_by_script += int(needs_due)
                tasks.update_task(
                    session,
                    task.id,
                    title=tidy_title(act.title) if needs_due and act.title else task.title,
                    due_at=act.due.astimezone(UTC) if isinstance(act.due, datetime) else None,
                    due_on=act.due if not isinstance(act.due, datetime) else None,
                    recurrence=act.recurrence or task.recurrence,
                    is_urgent=act.is_urgent or task.is_urgent,
                )


def play(url: str, seed: int) -> dict[str, object]:
    acts = plan_week(random.Random(seed))
    week = Week(url)
    restarted = False
    for act in acts:
        if not restarted and act.at >= KILL_AT:
            week.live_until(KILL_AT)
            week.kill_and_restart()
            week.now = BACK_AT  # what was said while it was down arrives when it is back
            restarted = True
        week.live_until(max(act.at, week.now))
        week.say(act)
    week.live_until(END)
    return measure(week, len(acts))


def measure(week: Week, human_messages: int) -> dict[str, object]:
    with week.core.database.transaction() as session:
        circle = circles.find_circle(session, "console", "family")
        assert circle is not None
        record = circles.circle_record(circle)
        nudge_rows = session.exec(
            select(OutboxMessage).where(col(OutboxMessage.dedupe_key).like("nudge:%"))
        ).all()
        said = session.exec(select(Nudge).where(col(Nudge.outbox_id).is_not(None))).all()
        first_nudge: dict[int, datetime] = {}
        for row in said:
            if row.task_id is not None:
                first_nudge[row.task_id] = min(row.settled_at, first_nudge.get(row.task_id, END))
        # A nudge is named "kind:task:due"; the same name twice would be the same nudge twice.
        names = Counter(
            f"{row.key.split(':')[0]}:{row.task_id}" if row.task_id else row.key for row in said
        )
        timed = session.exec(
            select(Task).where((col(Task.due_at).is_not(None)) | (col(Task.due_on).is_not(None)))
        ).all()
        numbers = {row.id: row.number for row in session.exec(select(Task)).all()}
        still_open = set(session.exec(select(Task.number).where(Task.status == "open")).all())
        changes = session.exec(
            select(Event.message_id, Event.task_id).where(
                col(Event.message_id).is_not(None),
                col(Event.task_id).is_not(None),
                col(Event.action).not_in(["occurrence", "missed"]),
            )
        ).all()
    nudge_ids = {row.id for row in nudge_rows}
    nudge_posts = [(at, m) for at, m in week.posts if m.outbox_id in nudge_ids]
    routine = [(at, m) for at, m in nudge_posts if not m.is_urgent]
    quiet_routine = [at for at, _ in routine if in_quiet_hours(record, at)]
    muted_mentioned = [m for _, m in routine if {x.user_id for x in m.mentions} & set(MUTED)]
    unpointed = [
        (message_id, task_id)
        for message_id, task_id in changes
        if message_id in week.meant and week.meant[message_id] != numbers.get(task_id)
    ]
    mornings = Counter(
        at.astimezone(ZONE).date()
        for at, _ in routine
        if QUIET_END <= at.astimezone(ZONE).time() <= DIGEST_CLOCK
    )
    due_in_week = [task for task in timed if _due_moment(task) <= END]
    needing = [task for task in due_in_week if _open_before_due(task)]
    reached = [task for task in needing if task.id in first_nudge]
    in_time = [task for task in reached if first_nudge[task.id] <= _due_moment(task)]
    return {
        "human messages": human_messages,
        "bot messages (reactions aside)": len(week.posts),
        "bot messages per 100 human messages": round(100 * len(week.posts) / human_messages, 1),
        "reactions": week.reactions,
        "nudge messages": len(nudge_posts),
        "nudge messages per 100 human messages": round(100 * len(nudge_posts) / human_messages, 1),
        "routine nudges inside quiet hours": len(quiet_routine),
        "tasks due in the week, open before their time": len(needing),
        "of those reminded or alerted": share(reached, needing),
        "of those reminded by their time": share(in_time, needing),
        "routine nudges mentioning a muted member": len(muted_mentioned),
        "nudges said twice": sum(count - 1 for count in names.values() if count > 1),
        "messages delivered twice": sum(1 for count in week.delivered_ids.values() if count > 1),
        "due times stored by the script (parser missed)": week.due_set_by_script,
        "acts that changed a task nobody pointed at": len(unpointed),
        "open occurrences per series (most)": week.most_open_per_series,
        "morning messages per day (most)": max(mornings.values(), default=0),
        "urgent tasks open at the end after an all-clear": len(week.all_cleared & still_open),
        "move checklists offered": sum(1 for _, message in week.posts if _is_offer(message)),
    }


def _is_offer(message: Outgoing) -> bool:
    """The bot's checklist offer for a move: the one message with a "take all" button."""
    return any(button.action.startswith("take_all:") for button in message.buttons)


def share(part: list[Task], whole: list[Task]) -> str:
    return f"{len(part)} ({100 * len(part) / len(whole):.0f}%)" if whole else "0 (n/a)"


def _due_moment(task: Task) -> datetime:
    if task.due_at is not None:
        return task.due_at
    assert task.due_on is not None
    return datetime.combine(task.due_on, time(8), tzinfo=ZONE)


def _open_before_due(task: Task) -> bool:
    """A task still open two hours before it was due (or on its morning) needed a nudge."""
    lead = _due_moment(task) - timedelta(hours=2 if task.due_at else 0)
    return task.created_at < lead and (task.done_at is None or task.done_at > lead)


TABLE = (
    ("acts that changed a task nobody pointed at", "unpointed acts"),
    ("open occurrences per series (most)", "open per series"),
    ("morning messages per day (most)", "morning msgs/day"),
    ("urgent tasks open at the end after an all-clear", "urgent open after all-clear"),
    ("move checklists offered", "offers"),
    ("bot messages per 100 human messages", "bot msgs/100 human"),
)


def play_seed(seed: int) -> dict[str, object]:
    """One seed's week on its own temporary SQLite file."""
    with tempfile.TemporaryDirectory() as folder:
        return play(f"sqlite:///{Path(folder) / 'week.db'}", seed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seed", type=int, help="play one seed and print every figure")
    parser.add_argument("--seeds", type=int, default=10, help="seeds 1..N for the table")
    parser.add_argument("--database", help="SQLAlchemy URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    if args.seed is not None or args.database:
        seed = 7 if args.seed is None else args.seed
        with tempfile.TemporaryDirectory() as folder:
            url = args.database or f"sqlite:///{Path(folder) / 'week.db'}"
            for name, value in play(url, seed).items():
                print(f"{name:>48}: {value}")
        return 0
    seeds = list(range(1, args.seeds + 1))
    with ProcessPoolExecutor(max_workers=min(len(seeds), 10)) as pool:
        results = list(pool.map(play_seed, seeds))
    widths = [max(len(short), 6) for _, short in TABLE]
    header = [short.rjust(w) for (_, short), w in zip(TABLE, widths, strict=True)]
    print("seed | " + " | ".join(header))
    for seed, result in zip(seeds, results, strict=True):
        cells = [str(result[name]).rjust(w) for (name, _), w in zip(TABLE, widths, strict=True)]
        print(f"{seed:>4} | " + " | ".join(cells))
    worst = [
        str(max((result[name] for result in results), key=lambda v: float(str(v)))).rjust(w)
        for (name, _), w in zip(TABLE, widths, strict=True)
    ]
    print(" max | " + " | ".join(worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
