"""The circle's rhythm, set by anyone in it, and each member's own quiet; every change announced."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.formatting import format_moment
from handlers.phrasebook import LANGUAGES
from handlers.phrases import phrase
from handlers.turn import Turn
from storage import circles, events, tasks

SUPPORTED_LANGUAGES = LANGUAGES
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


def _change_circle(
    turn: Turn, announcement: str, values: dict[str, object], **fields: object
) -> None:
    """Apply a circle setting, log it for undo, and tell the whole circle in one line."""
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
    # Announced in the circle's language as it is after the change.
    languages = tuple(str(fields.get("languages", ",".join(turn.circle.languages))).split(","))
    turn.say(phrase(announcement, languages, name=turn.member.display_name, **values))


def set_timezone(turn: Turn, argument: str) -> None:
    name = argument.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        turn.say(turn.phrase("zone.unknown", zone=repr(name[:40])))
        return
    _change_circle(turn, "set.zone", {"zone": name}, timezone=name)


def set_languages(turn: Turn, argument: str) -> None:
    codes = [code.lower() for code in re.split(r"[\s,]+", argument) if code]
    unknown = [code for code in codes if code not in SUPPORTED_LANGUAGES]
    if not codes or unknown:
        turn.say(turn.phrase("usage.languages", codes=" ".join(SUPPORTED_LANGUAGES)))
        return
    _change_circle(turn, "set.languages", {"codes": ", ".join(codes)}, languages=",".join(codes))


def set_quiet_hours(turn: Turn, argument: str) -> None:
    if argument.strip().lower() == "off":
        _change_circle(turn, "set.quiet_off", {}, quiet_start="00:00", quiet_end="00:00")
        return
    span = _SPAN.match(argument)
    start, end = (parse_clock(span.group(1)), parse_clock(span.group(2))) if span else (None, None)
    if not start or not end:
        turn.say(turn.phrase("usage.quiet"))
        return
    values = {"start": start, "end": end}
    _change_circle(turn, "set.quiet", values, quiet_start=start, quiet_end=end)


def set_digest(turn: Turn, argument: str) -> None:
    if argument.strip().lower() == "off":
        _change_circle(turn, "set.digest_off", {}, digest_time=None)
        return
    clock = parse_clock(argument)
    if clock is None:
        turn.say(turn.phrase("usage.digest"))
        return
    _change_circle(turn, "set.digest", {"clock": clock}, digest_time=clock)


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
    turn.say(turn.phrase("muted" if is_muted else "unmuted", name=turn.member.display_name))


def set_role(turn: Turn, argument: str) -> None:
    label = " ".join(argument.split())[:64] or None
    circles.update_member(turn.session, turn.member.id, role_label=label)
    name = turn.member.display_name
    turn.say(
        turn.phrase("role", name=name, label=label)
        if label
        else turn.phrase("role.none", name=name)
    )


def snooze(turn: Turn, number: int, until_local: datetime | None) -> None:
    """No routine reminders to this member about one task until a later moment."""
    task = tasks.task_by_number(turn.session, turn.circle.id, number)
    if task is None:
        turn.say(turn.phrase("task.missing", number=number))
        return
    until = until_local or (turn.local_now + timedelta(days=1))
    tasks.snooze_task(turn.session, task.id, turn.member.id, until.astimezone(UTC))
    shown = format_moment(until, turn.circle.zone, turn.circle.languages)
    text = turn.phrase("snoozed", number=task.number, name=turn.member.display_name, until=shown)
    turn.say(text, task=task, reaction="👌")


def set_urgent(turn: Turn, argument: str) -> None:
    """``/urgent off``: urgent requests no longer mention me in quiet hours; ``/urgent on``:
    they do again. Each member sets it for themselves only, whatever their role."""
    choice = argument.strip().lower()
    if choice not in ("on", "off"):
        turn.say(turn.phrase("usage.urgent"))
        return
    wakes = choice == "on"
    circles.update_member(turn.session, turn.member.id, urgent_at_night=wakes)
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        "setting",
        turn.now,
        message_id=turn.incoming.message_id,
        detail={"member_before": {"urgent_at_night": turn.member.urgent_at_night}},
    )
    key = "set.urgent_on" if wakes else "set.urgent_off"
    turn.say(turn.phrase(key, name=turn.member.display_name))
