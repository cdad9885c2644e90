"""The circle's rhythm, set by anyone in it, and each member's own quiet; every change announced."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.turn import Turn
from storage import circles, events, tasks

SUPPORTED_LANGUAGES = {"en", "es", "fr", "de", "pt", "it"}
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.h]?([0-5]\d)?$")
_SPAN = re.compile(r"^\s*(\S+)\s*(?:-|–|to)\s*(\S+)\s*$")
_ZONE_PHRASE = re.compile(
    r"\b(?:our|the circle'?s)\s+time\s*zone\s+is\s+([A-Za-z]+(?:/[A-Za-z_+\-]+){1,2}|UTC)\b",
    re.IGNORECASE,
)


def zone_from_phrase(text: str) -> str | None:
    """``"our time zone is Europe/Madrid"`` → ``"Europe/Madrid"``."""
    match = _ZONE_PHRASE.search(text)
    return match.group(1) if match else None


def parse_clock(text: str) -> str | None:
    """``"8"``, ``"8:30"``, ``"08.30"``, ``"21h"`` → ``"HH:MM"``; None for anything else."""
    match = _CLOCK.match(text.strip().lower().removesuffix("h"))
    if not match:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2) or '00'}"


def _change_circle(turn: Turn, announcement: str, **fields: object) -> None:
    before = {name: getattr(turn.circle, name) for name in fields}
    circles.update_circle(turn.session, turn.circle.id, **fields)
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        "setting",
        turn.now,
        message_id=turn.incoming.message_id,
        detail={"before": before},
    )
    turn.say(f"⚙️ {turn.member.display_name} set {announcement}")


def set_timezone(turn: Turn, argument: str) -> None:
    name = argument.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        turn.say(f"I don't know the time zone {name[:40]!r}. Try e.g. /timezone Europe/London")
        return
    _change_circle(turn, f"the circle's time zone to {name}", timezone=name)


def set_languages(turn: Turn, argument: str) -> None:
    codes = [code.lower() for code in re.split(r"[\s,]+", argument) if code]
    unknown = [code for code in codes if code not in SUPPORTED_LANGUAGES]
    if not codes or unknown:
        listed = " ".join(sorted(SUPPORTED_LANGUAGES))
        turn.say(f"Say which languages the circle writes in, from: {listed} (e.g. /language en es)")
        return
    _change_circle(turn, "the circle's languages to " + ", ".join(codes), languages=",".join(codes))


def set_quiet_hours(turn: Turn, argument: str) -> None:
    if argument.strip().lower() == "off":
        _change_circle(turn, "no quiet hours", quiet_start="00:00", quiet_end="00:00")
        return
    span = _SPAN.match(argument)
    start, end = (parse_clock(span.group(1)), parse_clock(span.group(2))) if span else (None, None)
    if not start or not end:
        turn.say("Say the quiet hours like /quiet 21:00-08:00 (or /quiet off)")
        return
    _change_circle(turn, f"quiet hours to {start}–{end}", quiet_start=start, quiet_end=end)


def set_digest(turn: Turn, argument: str) -> None:
    if argument.strip().lower() == "off":
        _change_circle(turn, "the daily digest off", digest_time=None)
        return
    clock = parse_clock(argument)
    if clock is None:
        turn.say("Say the digest time like /digest 08:30 (or /digest off)")
        return
    _change_circle(turn, f"the daily digest to {clock}", digest_time=clock)


def set_muted(turn: Turn, is_muted: bool) -> None:
    circles.update_member(turn.session, turn.member.id, is_muted=is_muted)
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        "setting",
        turn.now,
        message_id=turn.incoming.message_id,
        detail={"member_before": {"is_muted": not is_muted}},
    )
    state = "muted: no mentions except urgent" if is_muted else "unmuted"
    turn.say(
        f"🔕 {turn.member.display_name} is {state}"
        if is_muted
        else f"🔔 {turn.member.display_name} is {state}"
    )


def set_role(turn: Turn, argument: str) -> None:
    label = " ".join(argument.split())[:64] or None
    circles.update_member(turn.session, turn.member.id, role_label=label)
    shown = f"“{label}”" if label else "no label"
    turn.say(f"🏷 {turn.member.display_name} now shows as {shown}")


def snooze(turn: Turn, number: int, until_local: datetime | None) -> None:
    """No routine reminders to this member about one task until a later moment."""
    task = tasks.task_by_number(turn.session, turn.circle.id, number)
    if task is None:
        turn.say(f"There is no task #{number}.")
        return
    until = until_local or (turn.local_now + timedelta(days=1))
    tasks.snooze_task(turn.session, task.id, turn.member.id, until.astimezone(UTC))
    shown = until.astimezone(turn.circle.zone).strftime("%a %d %b %H:%M")
    turn.say(
        f"😴 #{task.number}: no reminders to {turn.member.display_name} until {shown}",
        task=task,
        reaction="👌",
    )


def morning_of(day: datetime, quiet_end: str) -> datetime:
    """The end of quiet hours on a day: when a day-only snooze or reminder wakes."""
    hours, minutes = (int(part) for part in quiet_end.split(":"))
    return datetime.combine(day.date(), time(hours, minutes), tzinfo=day.tzinfo)
