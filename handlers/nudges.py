"""Which nudges a circle is due: pure decisions on a snapshot of the circle and the moment.

Every nudge has a stable key, a moment it is meant for and a moment after which it is no longer
worth a message. Quiet hours, snoozes and the one-routine-nudge-per-task-per-day budget only
move that moment later; a nudge pushed past its usefulness is left to the digest, which lists
every open task due soon, unclaimed or overdue. The one exception: a heads-up meant for quiet
hours that end too late for it comes before they begin. Nothing here reads the clock or the
database.

The daily budget covers the heads-ups (reminder, "nobody has this yet", overdue). "Due now" is
the moment itself, so it does not spend the budget, though it keeps quiet hours; an urgent
re-raise keeps neither. Heads-ups due within 90 minutes ride along with a message that goes
out anyway, so the circle gets one message instead of two (a "due now" within 30 minutes, as
"due soon"), and a holder's reminder for later the same day goes with that morning's digest.
What is meant for a task's holders is never older than their taking it.

One morning message: what quiet hours held (or what falls due as they end) waits for the
digest when the digest comes within the hour and it is still of use then; what would be of no
use by then brings the digest forward instead. A timed task gets its "due now" at its time
whether or not anybody holds it; when nobody does, that "due now" says so, and the "once more"
heads-up is left out when that day's digest listed it. "Overdue" waits for the next morning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from handlers.messages import Mention
from storage.kinds import NudgeKind
from storage.records import CircleRecord, DecisionRecord, MemberRecord, MoveRecord, TaskRecord

# A timed task's holders hear about it this long before it is due.
REMIND_LEAD = timedelta(hours=2)
# Nobody holds a task: raised the day before (with the digest, when the circle has one), and
# once more REMIND_LEAD before it is due, but never sooner than this after it was asked for.
UNCLAIMED_FRESH = timedelta(hours=1)
# "Due now" is worth sending for this long; after that the overdue nudge says it.
DUE_NOW_USEFUL = timedelta(hours=1)
# A timed task still open this long after its time is overdue.
OVERDUE_GRACE = timedelta(hours=1)
# An urgent task nobody has claimed after this long is raised again.
URGENT_RERAISE_AFTER = timedelta(minutes=15)
# A digest delayed (by an outage) more than this is skipped; the next one says it all.
DIGEST_USEFUL = timedelta(hours=4)
# The weekly look-back: Sunday 18:00 local, worth sending until the next morning.
LOOKBACK_WEEKDAY = 6
LOOKBACK_CLOCK = time(18, 0)
LOOKBACK_USEFUL = timedelta(hours=18)
# A heads-up that quiet hours would hold past its use comes this long before they begin.
BEFORE_QUIET = timedelta(hours=1)
# A digest this soon after the morning begins takes what the morning would say on its own.
MORNING_JOINS_DIGEST = timedelta(hours=1)
# How long after quiet hours end the scheduler may wake and still count it "as they end".
QUIET_END_WINDOW = timedelta(minutes=5)
NEVER = datetime.max.replace(tzinfo=UTC)


# Spend the task's one routine nudge of the day.
BUDGETED = frozenset({NudgeKind.REMIND, NudgeKind.UNCLAIMED, NudgeKind.OVERDUE})
# Said in the digest instead when both fall due together.
FOLDABLE = BUDGETED
# A heads-up this close to its moment rides along with a message going out now (a reminder
# then comes 2-3.5 h ahead instead of 2 h: one message instead of two). Being a
# little early does no harm to these; "due now" and "overdue" never move earlier.
RIDE_ALONG = timedelta(minutes=90)
MAY_BE_EARLY = frozenset({NudgeKind.REMIND, NudgeKind.UNCLAIMED})
# "Due now" this close rides along too, said as "due soon": two holders whose tasks fall due a
# quarter of an hour apart share one message, and a task nobody has is raised half an hour
# ahead with news going out anyway, in time for someone to go.
DUE_SOON = timedelta(minutes=30)
# A held task's "due now" rides along as far ahead as any heads-up: its holders know it is
# theirs, and one message says it as well as two. A task nobody holds hears its "due now" at
# its time (within ``DUE_SOON``): it is the circle's last call.
DUE_SOON_HELD = RIDE_ALONG
# Addressed to the task's holders: waits while every holder has snoozed it.
TO_HOLDERS = frozenset({NudgeKind.REMIND, NudgeKind.DUE_NOW})


@dataclass(frozen=True, slots=True)
class CircleState:
    """What the nudge decisions read about one circle, loaded in one transaction."""

    circle: CircleRecord
    circle_since: datetime
    members: tuple[MemberRecord, ...]
    open_tasks: tuple[TaskRecord, ...]
    snoozes: Mapping[tuple[int, int], datetime]  # (task id, member id) → until
    settled_keys: frozenset[str]
    used_day_keys: frozenset[str]
    last_digest_at: datetime | None
    done_this_week: tuple[TaskRecord, ...]
    decided_this_week: tuple[DecisionRecord, ...]
    # Occurrences of a series recorded as missed this week: the digest says each once.
    missed_this_week: tuple[TaskRecord, ...] = ()
    # Moves announced in quiet hours: their checklist offer waits for the morning.
    held_offers: tuple[MoveRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class Nudge:
    """One nudge: ``at`` is when it goes out, after quiet hours, snoozes and the budget."""

    key: str
    kind: NudgeKind
    at: datetime
    useful_until: datetime
    task: TaskRecord | None = None
    mentions: tuple[Mention, ...] = ()
    day_key: str | None = None

    @property
    def is_useful(self) -> bool:
        return self.at < self.useful_until


def due_nudges(state: CircleState, now: datetime) -> list[Nudge]:
    """The nudges to settle now: due, still useful, at most one routine one per task.

    When something goes out anyway, heads-ups due within ``RIDE_ALONG`` join it rather than
    posting on their own a few minutes later.
    """
    pending = pending_nudges(state, now)
    due = [nudge for nudge in pending if nudge.at <= now < nudge.useful_until]
    if due and not in_quiet_hours(state.circle, now):
        due += _digest_brought_forward(state, pending, due, now)
        with_digest = any(nudge.kind is NudgeKind.DIGEST for nudge in due)
        riding = [
            nudge
            for nudge in pending
            if nudge.task is not None
            and _rides_along(state, nudge, now, with_digest)
            and len(_awake_holders(state, nudge.task, now)) == len(nudge.task.claimers)
        ]
        # A held task's "due now" comes more than DUE_SOON ahead only with news of other
        # tasks: with its own reminder going out now, "due now" keeps its time.
        told = {n.task.id for n in due + riding if n.task and n.kind is not NudgeKind.DUE_NOW}
        early = [
            _said_now(state, nudge, now)
            for nudge in riding
            if not (_far_ahead(nudge, now) and nudge.task and nudge.task.id in told)
        ]
        due += [nudge for nudge in early if nudge.day_key not in state.used_day_keys]
    latest: dict[int, Nudge] = {}
    for nudge in due:
        if nudge.kind in BUDGETED and nudge.task is not None:
            kept = latest.get(nudge.task.id)
            if kept is None or kept.at <= nudge.at:
                latest[nudge.task.id] = nudge
    return [
        nudge
        for nudge in due
        if nudge.kind not in BUDGETED or nudge.task is None or latest[nudge.task.id] is nudge
    ]


def _far_ahead(nudge: Nudge, now: datetime) -> bool:
    return nudge.kind is NudgeKind.DUE_NOW and nudge.at > now + DUE_SOON


def _digest_brought_forward(
    state: CircleState, pending: list[Nudge], due: list[Nudge], now: datetime
) -> list[Nudge]:
    """As quiet hours end, task nudges that could not wait for a digest due within the hour
    bring that digest forward: one morning message, not two."""
    circle = state.circle
    if not in_quiet_hours(circle, now - QUIET_END_WINDOW):
        return []
    if not any(n.task is not None and n.kind is not NudgeKind.URGENT for n in due):
        return []
    digests = [
        nudge
        for nudge in pending
        if nudge.kind is NudgeKind.DIGEST and now < nudge.at <= now + MORNING_JOINS_DIGEST
    ]
    # What was waiting for that digest comes with it.
    waiting = [
        nudge
        for nudge in pending
        if nudge.task is not None
        and nudge.kind is not NudgeKind.URGENT
        and any(nudge.at == digest.at for digest in digests)
    ]
    return [replace(nudge, at=now) for nudge in digests + waiting]


def _said_now(state: CircleState, nudge: Nudge, now: datetime) -> Nudge:
    """A later task nudge brought forward to ``now``; a heads-up spends today's budget."""
    assert nudge.task is not None
    day_key = _day_key(state.circle, nudge.task, now) if nudge.kind in BUDGETED else None
    return replace(nudge, at=now, day_key=day_key)


def _rides_along(state: CircleState, nudge: Nudge, now: datetime, with_digest: bool) -> bool:
    """Whether a later heads-up is said now, with messages going out anyway.

    Within ``RIDE_ALONG`` any heads-up may be early, and "due now" within ``DUE_SOON``. A
    holder's reminder for a task due today goes with today's digest: it names the task and
    mentions the holder, a morning's notice to plan the day by, and "due now" still comes at
    the time itself.
    """
    if nudge.at <= now:
        return False
    if nudge.kind is NudgeKind.DUE_NOW:
        held = nudge.task is not None and bool(nudge.task.claimers)
        return nudge.at <= now + (DUE_SOON_HELD if held else DUE_SOON)
    if nudge.kind not in MAY_BE_EARLY:
        return False
    if nudge.at <= now + RIDE_ALONG:
        return True
    if not with_digest or nudge.kind is not NudgeKind.REMIND or nudge.task is None:
        return False
    due = _due_moment(state.circle, nudge.task)
    return due is not None and _local_day(state.circle, due) == _local_day(state.circle, now)


def next_nudge_at(state: CircleState, now: datetime) -> datetime | None:
    """When the circle's next nudge falls due, if any is pending."""
    return min((nudge.at for nudge in pending_nudges(state, now) if nudge.at > now), default=None)


def pending_nudges(state: CircleState, now: datetime) -> list[Nudge]:
    """Every useful nudge not settled yet, due now or later."""
    nudges = [nudge for task in state.open_tasks for nudge in _task_nudges(state, task, now)]
    nudges += _circle_nudges(state, now)
    return [n for n in nudges if n.key not in state.settled_keys and n.is_useful]


# -- the nudges a task earns -----------------------------------------------------------------


def _task_nudges(state: CircleState, task: TaskRecord, now: datetime) -> Iterable[Nudge]:
    if task.is_urgent and not task.claimers:
        yield _urgent_reraise(state, task, now)
    due = _due_moment(state.circle, task)
    if due is None:
        return
    stamp = task.due_at.isoformat() if task.due_at else str(task.due_on)
    timed = task.due_at is not None
    fresh = task.created_at
    plans: list[tuple[NudgeKind, str, datetime, datetime, datetime]] = []
    if task.claimers:
        # What holders hear is not older than their holding it: they know what they just took.
        held = task.held_since or fresh
        remind_at = due - REMIND_LEAD if timed else due
        until = due if timed else _evening_of(state.circle, due)
        # Taken less than REMIND_LEAD before its reminder: the taker knows; "due now" follows.
        plans.append((NudgeKind.REMIND, "remind", remind_at, until, held + REMIND_LEAD))
        if timed:
            plans.append((NudgeKind.DUE_NOW, "due", due, due + DUE_NOW_USEFUL, held))
    else:
        late = due - REMIND_LEAD if timed else due
        early = _day_before(state.circle, due)
        until = due if timed else _evening_of(state.circle, due)
        fresh = task.created_at + UNCLAIMED_FRESH
        plans.append((NudgeKind.UNCLAIMED, "unclaimed1", early, late, fresh))
        if not (timed and _digest_lists_it_that_day(state.circle, task, due, late)):
            plans.append((NudgeKind.UNCLAIMED, "unclaimed2", late, until, fresh))
        if timed:
            # Nobody took it, yet its moment matters: "due now" at its time all the same
            # (unless it was asked for just before: the circle has just heard about it).
            plans.append((NudgeKind.DUE_NOW, "due", due, due + DUE_NOW_USEFUL, fresh))
    # "Due now" has said it at its time: "overdue" waits for the next morning (the digest's
    # list, with its holders' mentions), rather than saying the same an hour later.
    overdue_at = _morning_after(state.circle, due)
    if timed:
        overdue_at = max(due + OVERDUE_GRACE, overdue_at)
    # Taken after it was already overdue: its holders know; "overdue" would only echo them.
    overdue_since = (task.held_since or task.created_at) if task.claimers else task.created_at
    plans.append((NudgeKind.OVERDUE, "overdue", overdue_at, NEVER, overdue_since))
    for kind, name, meant_at, useful_until, not_before in plans:
        if kind in MAY_BE_EARLY:
            meant_at = _ahead_of_quiet_hours(state.circle, meant_at, useful_until)
        if meant_at <= not_before:
            continue  # the circle has just heard about it
        at = _effective_moment(state, kind, task, max(meant_at, now), useful_until)
        yield Nudge(
            key=f"{name}:{task.id}:{stamp}",
            kind=kind,
            at=at,
            useful_until=useful_until,
            task=task,
            mentions=_holder_mentions(state, task, at),
            day_key=_day_key(state.circle, task, at) if kind in BUDGETED else None,
        )


def _digest_lists_it_that_day(
    circle: CircleRecord, task: TaskRecord, due: datetime, late: datetime
) -> bool:
    """Whether the digest of a timed task's day, after it was asked for and before its "once
    more" heads-up, lists it as nobody's: then "due now" at its time says the rest."""
    if circle.digest_time is None:
        return False
    digest = _local_moment(circle, _local_day(circle, due), _clock(circle.digest_time))
    return task.created_at < digest <= late


def _ahead_of_quiet_hours(
    circle: CircleRecord, meant_at: datetime, useful_until: datetime
) -> datetime:
    """A heads-up meant for quiet hours that end too late for it (a task due at 07:30) comes
    ``BEFORE_QUIET`` ahead of those quiet hours, the evening before, rather than never."""
    if after_quiet_hours(circle, meant_at) < useful_until:
        return meant_at
    day = _local_day(circle, meant_at)
    start = _local_moment(circle, day, _clock(circle.quiet_start))
    if start > meant_at:  # the small hours: the quiet began the evening before
        start = _local_moment(circle, day - timedelta(days=1), _clock(circle.quiet_start))
    return start - BEFORE_QUIET


def _urgent_reraise(state: CircleState, task: TaskRecord, now: datetime) -> Nudge:
    """Urgent is the one exception to quiet and to mutes: everyone hears it again, except in
    quiet hours those who said ``/urgent off``."""
    at = max(task.created_at + URGENT_RERAISE_AFTER, now)
    mentions = tuple(
        Mention(member.user_id, member.display_name)
        for member in state.members
        if member.id != task.requester_id and urgent_may_wake(state.circle, member, at)
    )
    return Nudge(
        key=f"urgent:{task.id}",
        kind=NudgeKind.URGENT,
        at=at,
        useful_until=NEVER,
        task=task,
        mentions=mentions,
    )


def urgent_may_wake(circle: CircleRecord, member: MemberRecord, at: datetime) -> bool:
    """Whether an urgent request at ``at`` mentions this member: always outside quiet hours;
    in them only if the member has not said ``/urgent off``. Each member's own choice; no role
    decides it."""
    return member.urgent_at_night or not in_quiet_hours(circle, at)


def _effective_moment(
    state: CircleState,
    kind: NudgeKind,
    task: TaskRecord,
    earliest: datetime,
    useful_until: datetime = NEVER,
) -> datetime:
    """Move a nudge past the holders' snoozes, quiet hours and the task's spent days, and from
    the start of the morning to a digest within the hour, if it is still of use by then.

    ``earliest`` is the later of when it was meant and now: a nudge missed while the bot was
    down keeps to quiet hours and the budget on its way out too.
    """
    at = earliest
    for _ in range(8):  # each rule only moves later; a few rounds settle them all
        moved = at
        if kind in TO_HOLDERS and task.claimers and not _awake_holders(state, task, moved):
            moved = min(state.snoozes[(task.id, holder.id)] for holder in task.claimers)
        moved = after_quiet_hours(state.circle, moved)
        moved = _to_morning_digest(state, moved, useful_until)
        if kind in BUDGETED and _day_key(state.circle, task, moved) in state.used_day_keys:
            moved = _morning_of(state.circle, _local_day(state.circle, moved) + timedelta(days=1))
        if moved == at:
            return at
        at = moved
    return at


def _to_morning_digest(state: CircleState, at: datetime, useful_until: datetime) -> datetime:
    """A moment between the morning's start and a digest due within the hour of it moves to
    that digest, when it is still of use then (and the digest has not gone out already)."""
    circle = state.circle
    if circle.digest_time is None:
        return at
    day = _local_day(circle, at)
    if f"digest:{circle.id}:{day.isoformat()}" in state.settled_keys:
        return at
    morning = _morning_of(circle, day)
    digest = _local_moment(circle, day, _clock(circle.digest_time))
    if morning <= at < digest <= morning + MORNING_JOINS_DIGEST and digest < useful_until:
        return digest
    return at


def _awake_holders(state: CircleState, task: TaskRecord, at: datetime) -> list[MemberRecord]:
    return [holder for holder in task.claimers if state.snoozes.get((task.id, holder.id), at) <= at]


def _holder_mentions(state: CircleState, task: TaskRecord, at: datetime) -> tuple[Mention, ...]:
    """The holders to mention: muted members and those who snoozed the task are left out."""
    return tuple(
        Mention(holder.user_id, holder.display_name)
        for holder in _awake_holders(state, task, at)
        if not holder.is_muted
    )


def _day_key(circle: CircleRecord, task: TaskRecord, at: datetime) -> str:
    return f"{task.id}:{_local_day(circle, at).isoformat()}"


# -- the circle's own rhythm -------------------------------------------------------------------


def _circle_nudges(state: CircleState, now: datetime) -> Iterable[Nudge]:
    """Today's and tomorrow's digest, this week's and next week's look-back."""
    circle = state.circle
    today = _local_day(circle, now)
    moments: list[tuple[str, datetime, timedelta]] = []
    if circle.digest_time is not None:
        for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
            meant_at = _local_moment(circle, day, _clock(circle.digest_time))
            moments.append((f"digest:{circle.id}:{day.isoformat()}", meant_at, DIGEST_USEFUL))
    sunday = today - timedelta(days=(today.weekday() - LOOKBACK_WEEKDAY) % 7)
    for day in (sunday, sunday + timedelta(days=7)):
        meant_at = _local_moment(circle, day, LOOKBACK_CLOCK)
        moments.append((f"lookback:{circle.id}:{day.isoformat()}", meant_at, LOOKBACK_USEFUL))
    for key, meant_at, useful_for in moments:
        if meant_at < state.circle_since:
            continue  # no digest of a morning before the bot joined
        yield Nudge(
            key=key,
            kind=NudgeKind(key.split(":", 1)[0]),
            at=after_quiet_hours(circle, max(meant_at, now)),
            useful_until=meant_at + useful_for,
        )


def in_quiet_hours(circle: CircleRecord, moment: datetime) -> bool:
    """Whether a moment falls in the circle's quiet hours (``21:00-08:00`` spans midnight)."""
    start, end = _clock(circle.quiet_start), _clock(circle.quiet_end)
    if start == end:
        return False
    local = moment.astimezone(circle.zone).time().replace(tzinfo=None)
    return start <= local < end if start < end else (local >= start or local < end)


def after_quiet_hours(circle: CircleRecord, moment: datetime) -> datetime:
    """The moment itself, or the end of the quiet hours it falls in."""
    if not in_quiet_hours(circle, moment):
        return moment
    day = _local_day(circle, moment)
    end = _local_moment(circle, day, _clock(circle.quiet_end))
    if end > moment:
        return end
    return _local_moment(circle, day + timedelta(days=1), _clock(circle.quiet_end))


def _morning_of(circle: CircleRecord, day: date) -> datetime:
    return circle.morning_of(day).astimezone(UTC)


def _due_moment(circle: CircleRecord, task: TaskRecord) -> datetime | None:
    """A timed task's time, or the morning of a day-only task's day."""
    if task.due_at is not None:
        return task.due_at
    if task.due_on is not None:
        return _morning_of(circle, task.due_on)
    return None


def _day_before(circle: CircleRecord, due: datetime) -> datetime:
    """The day before a due: at digest time, so the digest says it; else in the morning."""
    day = _local_day(circle, due) - timedelta(days=1)
    if circle.digest_time is not None:
        return _local_moment(circle, day, _clock(circle.digest_time))
    return _morning_of(circle, day)


def _morning_after(circle: CircleRecord, morning: datetime) -> datetime:
    return _morning_of(circle, _local_day(circle, morning) + timedelta(days=1))


def _evening_of(circle: CircleRecord, morning: datetime) -> datetime:
    """When a day-only task's day is over for nudging: its quiet hours begin (or midnight)."""
    day = _local_day(circle, morning)
    if circle.quiet_start == circle.quiet_end:
        return _local_moment(circle, day + timedelta(days=1), time())
    start = _local_moment(circle, day, _clock(circle.quiet_start))
    return start if start > morning else _local_moment(circle, day + timedelta(days=1), time())


def _local_day(circle: CircleRecord, moment: datetime) -> date:
    return moment.astimezone(circle.zone).date()


def _local_moment(circle: CircleRecord, day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=circle.zone).astimezone(UTC)


def _clock(text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":"))
    return time(hours, minutes)


def recurrence_passes_at(circle: CircleRecord, task: TaskRecord) -> datetime | None:
    """When an open recurring task's time has passed and its next occurrence should open.

    Opening the next occurrence records a still-open one as missed, so a timed occurrence keeps
    its day: it passes at the end of its local day, and never before its "due now" has had its
    use. A day-only occurrence passes when its day is over.
    """
    if not task.recurrence:
        return None
    if task.due_at is not None:
        next_day = _local_day(circle, task.due_at) + timedelta(days=1)
        day_over = _local_moment(circle, next_day, time())
        return max(task.due_at + DUE_NOW_USEFUL, day_over)
    if task.due_on is not None:
        return _local_moment(circle, task.due_on + timedelta(days=1), time())
    return None
