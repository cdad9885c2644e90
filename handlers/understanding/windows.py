"""Two hours joined into a window ("Monday 2-4", "von 14 bis 18 Uhr", "dalle 9 alle 13"):
the task is due at the window's first hour, so its last one is never read as the due."""

from __future__ import annotations

import re
from datetime import time
from functools import cache, partial

from handlers.understanding import locales
from handlers.understanding.calendar_patterns import Patterns
from handlers.understanding.clock_times import plausible_hour
from handlers.understanding.mentions import TimeMention


@cache
def _window_pattern(languages: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two hours joined ("2-4", "2 to 4", "von 2 bis 4"), and the parts of the day, short
    weekday names or words for a window that may stand before them ("afternoons",
    "nachmittags", "sat", "delivery window")."""
    joiner = locales.alternation(languages, "clock", "window")
    units = "|".join(
        unit
        for code in languages
        for unit in locales.section(code, "offsets").get("units", {}).values()
    )
    counted = locales.alternation(languages, "clock", "counted")
    window = re.compile(
        rf"(?<![\w:/.,-])(?P<hour>0?[1-9]|1[0-2])(?::(?P<minute>[0-5]\d))?"
        rf"\s*(?:-|–|\s(?:{joiner})\s)\s*(?P<last>0?[1-9]|1[0-2]|1\d|2[0-3])(?::[0-5]\d)?"
        rf"(?:\s*(?P<pm>p)\.?m\.?|\s*a\.?m\.?)?"
        rf"(?![\w:/.,-]*\d|\s*(?:{units or locales.NEVER}|{counted})\b|[\w%°])"
    )
    parts = "|".join(
        [*locales.listed(languages, "clock", "pm"), *locales.listed(languages, "clock", "am")]
    )
    short_days = locales.alternation(languages, "calendar", "weekday_abbreviations")
    nouns = locales.alternation(languages, "clock", "window_nouns")
    part = re.compile(rf"\b(?:{parts or locales.NEVER}|{short_days}|{nouns})s?\.?\s*,?\s*$")
    return window, part


@cache
def _said_window(languages: tuple[str, ...]) -> re.Pattern[str]:
    """A window whose hours are said with its own words, "von 14 bis 18 Uhr", "de 2 a 6",
    "dalle 9 alle 13": in any circle it is due at its first hour, 24-hour or not."""
    said = partial(locales.alternation, languages, "clock")
    unit = rf"(?:\s*(?:{said('clock_units')}|{said('hour_words')}))?"
    return re.compile(
        rf"\b(?:{said('window_from')})\s+(?:(?:{said('before_clock_number')})\s+)?"
        rf"(?P<hour>[01]?\d|2[0-3])(?:(?P<sep>[:.h])(?P<minute>[0-5]\d))?"
        rf"(?P<unit>\s*(?:{said('clock_units')}|{said('hour_words')}))?"
        rf"\s+(?:{said('window_to')})\s+(?:(?:{said('before_clock_number')})\s+)?"
        rf"(?P<last>[01]?\d|2[0-3])(?:[:.h][0-5]\d)?{unit}(?![\w:.,/]*\d)"
    )


@cache
def _afternoon(languages: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{locales.alternation(languages, 'clock', 'pm')})\b")


def _afternoon_after(text: str, position: int, languages: tuple[str, ...]) -> bool:
    """Whether the last hour of a window is said to be the afternoon ("… às 6 da tarde")."""
    return bool(_afternoon(languages).match(text, position))


def windows(text: str, languages: tuple[str, ...], patterns: Patterns) -> list[TimeMention]:
    """ "Monday 2-4", "Friday afternoons 2 to 4": a window said after a day or a part of the
    day, or on its own after a question, is due at its start."""
    window, part = _window_pattern(languages)
    found = []
    for match in window.finditer(text):
        hour, last = int(match["hour"]), int(match["last"])
        if not 1 <= (last - hour) % 12 <= 6:
            continue  # "venerdì 11 alle 9:30" is a day and a time, not a window
        before = text[max(0, match.start() - 30) : match.start()]
        days = [d for d in patterns.weekday.finditer(before) if not before[d.end() :].strip(" ,")]
        # or said on its own after the request: "… next Tuesday evening? 6 till 8 ish"
        on_its_own = before.rstrip().endswith(("?", "!"))
        if not days and not part.search(before) and not on_its_own:
            continue
        if match["pm"] and hour < 12 and (last < 12 or hour + 12 < last):
            hour += 12  # "2-4pm"
        elif not match.group().rstrip(".").endswith("m"):
            hour = plausible_hour(hour, text, match.start(), languages)
        found.append(TimeMention(*match.span(), clock=time(hour, int(match["minute"] or 0))))
    for match in _said_window(languages).finditer(text):
        hour, last = int(match["hour"]), int(match["last"])
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue
        if hour <= 12 and last <= 12:  # "de 2 a 6": the afternoon, unless the words say more
            if hour > last and _afternoon_after(text, match.end(), languages):
                # "das 8 às 6 da tarde": from the morning to the afternoon
                found.append(
                    TimeMention(*match.span(), clock=time(hour, int(match["minute"] or 0)))
                )
                continue
            if not 1 <= (last - hour) % 12 <= 8:
                continue
            # "das 7h às 8h" is written as a 24-hour time: the morning unless words say more
            written = "h" in (match["sep"], (match["unit"] or "").strip())
            hour = plausible_hour(
                hour, text, match.start(), languages, afternoon_if_unsaid=not written
            )
        elif not 1 <= last - hour <= 12:
            continue  # "von 9 bis 23" is no window of a visit
        found.append(TimeMention(*match.span(), clock=time(hour, int(match["minute"] or 0))))
    return found
