"""The circle's rhythm, set by anyone in it, and each member's own quiet; every change announced."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from handlers.phrases import phrase
from handlers.speech import LANGUAGES
from handlers.turn import Turn
from handlers.understanding.accents import without_accents
from storage import circles, events
from storage.kinds import EventAction

SUPPORTED_LANGUAGES = LANGUAGES
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.h]?([0-5]\d)?$")
_SPAN = re.compile(r"^\s*(\S+)\s*(?:-|–|to)\s*(\S+)\s*$")
# "our time zone is Europe/Madrid" (or "… is Madrid") in each language; the rest of the
# sentence names the zone.
_ZONE_PHRASE = re.compile(
    r"\b(?:(?:our|the\s+circle'?s)\s+time\s*zone\s+is|"
    r"nuestra\s+zona\s+horaria\s+es|"
    r"notre\s+fuseau(?:\s+horaire)?\s+est|"
    r"unsere\s+zeitzone\s+ist|"
    r"nosso\s+fuso(?:\s+horário)?\s+é|"
    r"nostro\s+fuso(?:\s+orario)?\s+è)"
    r"\s*:?\s+([^\n.!?,;()]{1,60})",
    re.IGNORECASE,
)
_CONTINENTS = frozenset(
    [
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    ]
)
# Cities people name in their own language, where it differs from the zone's English name.
_CITY_NAMES = {
    "londres": "Europe/London",
    "londra": "Europe/London",
    "lisboa": "Europe/Lisbon",
    "lisbonne": "Europe/Lisbon",
    "lissabon": "Europe/Lisbon",
    "lisbona": "Europe/Lisbon",
    "roma": "Europe/Rome",
    "rom": "Europe/Rome",
    "munich": "Europe/Berlin",
    "munchen": "Europe/Berlin",
    "monaco_di_baviera": "Europe/Berlin",
    "bruselas": "Europe/Brussels",
    "bruxelles": "Europe/Brussels",
    "brussel": "Europe/Brussels",
    "bruxelas": "Europe/Brussels",
    "wien": "Europe/Vienna",
    "viena": "Europe/Vienna",
    "vienne": "Europe/Vienna",
    "genf": "Europe/Zurich",
    "ginebra": "Europe/Zurich",
    "geneve": "Europe/Zurich",
    "ginevra": "Europe/Zurich",
    "milan": "Europe/Rome",
    "milano": "Europe/Rome",
    "mailand": "Europe/Rome",
    "barcelona": "Europe/Madrid",
    "sevilla": "Europe/Madrid",
    "valencia": "Europe/Madrid",
    "porto": "Europe/Lisbon",
    "oporto": "Europe/Lisbon",
    "marseille": "Europe/Paris",
    "lyon": "Europe/Paris",
    "hamburg": "Europe/Berlin",
    "koln": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "napoli": "Europe/Rome",
    "torino": "Europe/Rome",
    "rio_de_janeiro": "America/Sao_Paulo",
    "varsovia": "Europe/Warsaw",
    "varsovie": "Europe/Warsaw",
    "warschau": "Europe/Warsaw",
    "praga": "Europe/Prague",
    "prag": "Europe/Prague",
    "atenas": "Europe/Athens",
    "athenes": "Europe/Athens",
    "atene": "Europe/Athens",
    "moscu": "Europe/Moscow",
    "moscou": "Europe/Moscow",
    "moskau": "Europe/Moscow",
    "mosca": "Europe/Moscow",
    "nueva_york": "America/New_York",
    "nova_york": "America/New_York",
    "nova_iorque": "America/New_York",
    "ciudad_de_mexico": "America/Mexico_City",
    "mexico": "America/Mexico_City",
}
# Places of one name in two zones: the circle says which.
_HOMONYMS = {
    "cordoba": ("America/Argentina/Cordoba", "Europe/Madrid"),
    "santiago": ("America/Santiago", "Europe/Madrid"),
    "merida": ("America/Merida", "Europe/Madrid"),
    "san_juan": ("America/Puerto_Rico", "America/Argentina/San_Juan"),
}


@dataclass(frozen=True, slots=True)
class ZoneFound:
    """A named zone: the IANA name it means, or else the names it might have meant."""

    zone: str | None
    near: tuple[str, ...] = ()
    is_ambiguous: bool = False


def _fold(name: str) -> str:
    """ "São Paulo" → "sao_paulo": accents, case and spaces folded as zone names write them."""
    plain = without_accents(name.strip())
    return re.sub(r"\s+", "_", plain.casefold().replace("ß", "ss"))


@cache
def _zones_by_place() -> dict[str, tuple[str, ...]]:
    """Each zone's last name part, folded, → the zones (of a continent) ending in it."""
    places: dict[str, list[str]] = {}
    for name in sorted(available_timezones()):
        if name.split("/", 1)[0] in _CONTINENTS:
            places.setdefault(_fold(name.rsplit("/", 1)[-1]), []).append(name)
    return {place: tuple(names) for place, names in places.items()}


@cache
def _zones_by_name() -> dict[str, str]:
    return {_fold(name): name for name in available_timezones()}


def _same_clock(names: tuple[str, ...]) -> bool:
    """Aliases of one zone (America/Cordoba, America/Argentina/Cordoba) keep the same time."""
    moments = [datetime(year, month, 15, tzinfo=UTC) for year in (2020, 2026) for month in (1, 7)]
    offsets = {tuple(m.astimezone(ZoneInfo(name)).utcoffset() for m in moments) for name in names}
    return len(offsets) == 1


def find_zone(text: str) -> ZoneFound:
    """An IANA name (any case) or a place: ``"Madrid"`` → Europe/Madrid, ``"new york"`` →
    America/New_York, ``"Zürich"`` → Europe/Zurich; unknown or ambiguous → close names."""
    key = _fold(text)
    if not key:
        return ZoneFound(None)
    by_name = _zones_by_name()
    if key in by_name:
        return ZoneFound(by_name[key])
    if key in _CITY_NAMES:
        return ZoneFound(_CITY_NAMES[key])
    if key in _HOMONYMS:
        return ZoneFound(None, _HOMONYMS[key], is_ambiguous=True)
    places = _zones_by_place()
    found = places.get(key, ())
    if len(found) == 1 or (found and _same_clock(found)):
        return ZoneFound(max(found, key=lambda name: (name.count("/"), name)))
    if found:
        return ZoneFound(None, found[:6], is_ambiguous=True)
    place = key.rsplit("/", 1)[-1]
    close = difflib.get_close_matches(place, places, n=5, cutoff=0.75)
    close += [other for other in places if len(place) >= 4 and place in other and other != place]
    near = [name for other in dict.fromkeys(close) for name in places[other][:1]]
    return ZoneFound(None, tuple(near[:5]))


def zone_from_phrase(text: str) -> str | None:
    """``"our time zone is Europe/Madrid"`` → ``"Europe/Madrid"``; ``"nuestra zona horaria es
    Madrid"`` → ``"Europe/Madrid"``. A name that is no zone is given back as said when the
    phrase is the whole message (so the answer can say so); inside other chat it is nothing."""
    lowered = text.lower()
    if "zone" not in lowered and "fus" not in lowered and "zona" not in lowered:
        return None  # most chat: no need to look further
    match = _ZONE_PHRASE.search(text)
    if match is None:
        return None
    words = match.group(1).split()[:4]
    for count in range(len(words), 0, -1):
        found = find_zone(" ".join(words[:count])).zone
        if found is not None:
            return found
    rest = text[match.end() :].strip(" .!?")
    return " ".join(words) if not rest and len(words) <= 3 else None


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
    _log_setting(turn, {"before": before})
    # Announced in the circle's language as it is after the change.
    languages = tuple(str(fields.get("languages", ",".join(turn.circle.languages))).split(","))
    turn.say(phrase(announcement, languages, name=turn.member.display_name, **values))


def set_timezone(turn: Turn, argument: str) -> None:
    """``/timezone Europe/Madrid`` or ``/timezone Madrid``; a name that is not clear gets the
    zones it might mean."""
    name = " ".join(argument.split())
    found = find_zone(name)
    if found.zone is None:
        said = repr(name[:40])
        if found.is_ambiguous:
            names = ", ".join(found.near)
            turn.say(turn.phrase("zone.which", zone=said, names=names, first=found.near[0]))
        elif found.near:
            names = ", ".join(found.near)
            turn.say(turn.phrase("zone.near", zone=said, names=names, first=found.near[0]))
        else:
            turn.say(turn.phrase("zone.unknown", zone=said))
        return
    _change_circle(turn, "set.zone", {"zone": found.zone}, timezone=found.zone)


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
    _log_setting(turn, {"member_before": {"is_muted": not is_muted}})
    # One's own quiet is marked on the member's message, as a snooze is: the circle sees it
    # without another line in its chat (the words go out where a platform has no marks).
    text = turn.phrase("muted" if is_muted else "unmuted", name=turn.member.display_name)
    turn.say(text, reaction="👌")


def set_role(turn: Turn, argument: str) -> None:
    label = " ".join(argument.split())[:64] or None
    circles.update_member(turn.session, turn.member.id, role_label=label)
    name = turn.member.display_name
    turn.say(
        turn.phrase("role", name=name, label=label)
        if label
        else turn.phrase("role.none", name=name)
    )


def set_urgent(turn: Turn, argument: str) -> None:
    """``/urgent off``: urgent requests no longer mention me in quiet hours; ``/urgent on``:
    they do again. Each member sets it for themselves only, whatever their role."""
    choice = argument.strip().lower()
    if choice not in ("on", "off"):
        turn.say(turn.phrase("usage.urgent"))
        return
    wakes = choice == "on"
    circles.update_member(turn.session, turn.member.id, urgent_at_night=wakes)
    _log_setting(turn, {"member_before": {"urgent_at_night": turn.member.urgent_at_night}})
    key = "set.urgent_on" if wakes else "set.urgent_off"
    turn.say(turn.phrase(key, name=turn.member.display_name), reaction="👌")


def _log_setting(turn: Turn, detail: dict[str, object]) -> None:
    """A setting changed, with what it was before: what ``undo`` puts back."""
    events.log_event(
        turn.session,
        turn.circle.id,
        turn.member.id,
        EventAction.SETTING,
        turn.now,
        message_id=turn.incoming.message_id,
        detail=detail,
    )
