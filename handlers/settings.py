"""The circle's rhythm, set by anyone in it, and each member's own quiet; every change announced.

Decided in memory (``bot.acting`` writes the changes): nothing here reads or writes the database.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from handlers.phrases import phrase
from handlers.speech import LANGUAGES
from handlers.turn import Answering, Decision
from handlers.understanding.accents import without_accents
from storage.changes import ChangeCircle, ChangeMember, LogEvent
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


@dataclass(frozen=True, slots=True)
class SettingCommand:
    """``/timezone …``, ``/language …``, ``/quiet …``, ``/digest …``, ``/role …``,
    ``/urgent …``, ``/mute`` or ``/unmute``, with what follows the command."""

    name: str
    argument: str = ""


def decide_setting(scene: Answering, act: SettingCommand) -> Decision:
    """The change a setting command makes, logged with what it was before (what ``undo`` puts
    back), and its announcement; or how to write it."""
    return _SETTERS[act.name](scene, act.argument)


def _change_circle(
    scene: Answering, announcement: str, values: dict[str, object], **fields: object
) -> Decision:
    """A circle setting, logged for undo, told to the whole circle in one line."""
    before = {name: getattr(scene.circle, name) for name in fields}
    # Announced in the circle's language as it is after the change.
    languages = tuple(str(fields.get("languages", ",".join(scene.circle.languages))).split(","))
    said = phrase(announcement, languages, name=scene.member.display_name, **values)
    changes = (ChangeCircle(fields), _logged(scene, {"before": before}))
    return Decision(changes, (scene.reply(said),))


def _change_member(
    scene: Answering, before: dict[str, object], said: str, reaction: str | None, **fields: object
) -> Decision:
    """The member's own setting, logged for undo (``before``)."""
    changes = (ChangeMember(scene.member.id, fields), _logged(scene, {"member_before": before}))
    return Decision(changes, (scene.reply(said, reaction=reaction),))


def _said(scene: Answering, key: str, **values: object) -> Decision:
    return Decision(replies=(scene.reply(scene.phrase(key, **values)),))


def set_timezone(scene: Answering, argument: str) -> Decision:
    """``/timezone Europe/Madrid`` or ``/timezone Madrid``; a name that is not clear gets the
    zones it might mean."""
    name = " ".join(argument.split())
    found = find_zone(name)
    if found.zone is None:
        said = repr(name[:40])
        if found.is_ambiguous:
            names = ", ".join(found.near)
            return _said(scene, "zone.which", zone=said, names=names, first=found.near[0])
        if found.near:
            names = ", ".join(found.near)
            return _said(scene, "zone.near", zone=said, names=names, first=found.near[0])
        return _said(scene, "zone.unknown", zone=said)
    return _change_circle(scene, "set.zone", {"zone": found.zone}, timezone=found.zone)


def set_languages(scene: Answering, argument: str) -> Decision:
    codes = [code.lower() for code in re.split(r"[\s,]+", argument) if code]
    unknown = [code for code in codes if code not in SUPPORTED_LANGUAGES]
    if not codes or unknown:
        return _said(scene, "usage.languages", codes=" ".join(SUPPORTED_LANGUAGES))
    values = {"codes": ", ".join(codes)}
    return _change_circle(scene, "set.languages", values, languages=",".join(codes))


def set_quiet_hours(scene: Answering, argument: str) -> Decision:
    if argument.strip().lower() == "off":
        return _change_circle(scene, "set.quiet_off", {}, quiet_start="00:00", quiet_end="00:00")
    span = _SPAN.match(argument)
    start, end = (parse_clock(span.group(1)), parse_clock(span.group(2))) if span else (None, None)
    if not start or not end:
        return _said(scene, "usage.quiet")
    values = {"start": start, "end": end}
    return _change_circle(scene, "set.quiet", values, quiet_start=start, quiet_end=end)


def set_digest(scene: Answering, argument: str) -> Decision:
    if argument.strip().lower() == "off":
        return _change_circle(scene, "set.digest_off", {}, digest_time=None)
    clock = parse_clock(argument)
    if clock is None:
        return _said(scene, "usage.digest")
    return _change_circle(scene, "set.digest", {"clock": clock}, digest_time=clock)


def set_muted(scene: Answering, is_muted: bool) -> Decision:
    # One's own quiet is marked on the member's message, as a snooze is: the circle sees it
    # without another line in its chat (the words go out where a platform has no marks).
    text = scene.phrase("muted" if is_muted else "unmuted", name=scene.member.display_name)
    return _change_member(scene, {"is_muted": not is_muted}, text, "👌", is_muted=is_muted)


def set_role(scene: Answering, argument: str) -> Decision:
    label = " ".join(argument.split())[:64] or None
    name = scene.member.display_name
    said = (
        scene.phrase("role", name=name, label=label)
        if label
        else scene.phrase("role.none", name=name)
    )
    changes = (ChangeMember(scene.member.id, {"role_label": label}),)
    return Decision(changes, (scene.reply(said),))


def set_urgent(scene: Answering, argument: str) -> Decision:
    """``/urgent off``: urgent requests no longer mention me in quiet hours; ``/urgent on``:
    they do again. Each member sets it for themselves only, whatever their role."""
    choice = argument.strip().lower()
    if choice not in ("on", "off"):
        return _said(scene, "usage.urgent")
    wakes = choice == "on"
    said = scene.phrase(
        "set.urgent_on" if wakes else "set.urgent_off", name=scene.member.display_name
    )
    before = {"urgent_at_night": scene.member.urgent_at_night}
    return _change_member(scene, before, said, "👌", urgent_at_night=wakes)


def _logged(scene: Answering, detail: dict[str, object]) -> LogEvent:
    """A setting changed, with what it was before: what ``undo`` puts back."""
    return LogEvent(
        EventAction.SETTING, scene.member.id, message_id=scene.incoming.message_id, detail=detail
    )


_SETTERS: dict[str, Callable[[Answering, str], Decision]] = {
    "timezone": set_timezone,
    "language": set_languages,
    "languages": set_languages,
    "quiet": set_quiet_hours,
    "digest": set_digest,
    "role": set_role,
    "urgent": set_urgent,
    "mute": lambda scene, _: set_muted(scene, True),
    "unmute": lambda scene, _: set_muted(scene, False),
}
SETTING_COMMANDS = frozenset(_SETTERS)
