"""The calendar words of each language, gathered from the locale files (``locales/*.toml``).

Everything is lowercase regular-expression fragments, keyed by language code; ``due`` compiles
the fragments of a circle's languages only, so "mar" is a Tuesday in Spanish and never in an
English circle. A few lists (evening and morning words, noon, when something becomes available,
vague spans, counts) are read in every language at once, as a circle mixes them.
"""

from __future__ import annotations

from handlers.understanding.locales import codes, section

LANGUAGES = codes()


def _per_language(concern: str, key: str) -> dict:
    return {code: section(code, concern)[key] for code in LANGUAGES}


def _everywhere(concern: str, key: str) -> list[str]:
    return [word for code in LANGUAGES for word in section(code, concern).get(key, [])]


WEEKDAYS: dict[str, tuple[str, ...]] = {
    code: tuple(names) for code, names in _per_language("calendar", "weekdays").items()
}
MONTHS: dict[str, tuple[str, ...]] = {
    code: tuple(names) for code, names in _per_language("calendar", "months").items()
}
RELATIVE_DAYS: dict[str, tuple[tuple[str, int], ...]] = {
    code: tuple((entry["words"], entry["days"]) for entry in entries)
    for code, entries in _per_language("calendar", "relative_days").items()
}
HOLIDAYS: dict[str, tuple[tuple[str, int, int], ...]] = {
    code: tuple((entry["words"], entry["month"], entry["day"]) for entry in entries)
    for code, entries in _per_language("calendar", "holidays").items()
}
NEXT_WEEK: dict[str, str] = _per_language("calendar", "next_week")
WEEKEND: dict[str, str] = _per_language("calendar", "weekend")
END_OF: dict[str, str] = _per_language("calendar", "end_of")
DAY_OF_MONTH: dict[str, str] = _per_language("calendar", "day_of_month")

EVERY: dict[str, str] = _per_language("recurrence", "every")
EVERY_OTHER: dict[str, str] = _per_language("recurrence", "every_other")
DAILY: dict[str, str] = _per_language("recurrence", "daily")
WEEKDAY_SET: dict[str, str] = _per_language("recurrence", "weekday_set")
FOR_DAYS: dict[str, str] = _per_language("recurrence", "for_days")
FOR_WEEKS: dict[str, str] = _per_language("recurrence", "for_weeks")
UNTIL: dict[str, str] = _per_language("recurrence", "until")
START: dict[str, str] = _per_language("recurrence", "start")
EVERY_OTHER_DAY: dict[str, str] = _per_language("recurrence", "every_other_day")
FOR_SESSIONS: dict[str, str] = _per_language("recurrence", "for_sessions")
EVERY_WEEK: dict[str, str] = _per_language("recurrence", "every_week")
FORTNIGHTLY: dict[str, str] = _per_language("recurrence", "fortnightly")
OTHER_AFTER_DAY = r"\s+(?:" + "|".join(_everywhere("recurrence", "other_after_day")) + ")"

NUMBER_WORDS: dict[str, int] = {
    word: value for code in LANGUAGES for word, value in section(code, "numbers")["counts"].items()
}

EVENING = r"\b(?:" + "|".join(_everywhere("clock", "evening")) + ")"
MORNING = "|".join(_everywhere("clock", "morning"))
AVAILABLE = "|".join(dict.fromkeys(_everywhere("spans", "available")))
VAGUE = "|".join(_everywhere("spans", "vague"))

SPOKEN_HOURS: dict[str, dict[str, int]] = {
    code: {name: number for number, name in enumerate(hours, start=1)}
    for code, hours in _per_language("clock", "hours").items()
}
AFTER_HOUR: dict[str, dict[str, int]] = _per_language("clock", "after_hour")
BEFORE_HOUR: dict[str, dict[str, int]] = _per_language("clock", "before_hour")
HOUR_PREPOSITIONS: dict[str, str] = _per_language("clock", "hour_prepositions")
NOON = "|".join(_everywhere("clock", "noon"))


def _alternatives(concern: str, key: str) -> str:
    """One alternation of a key's fragments in every language (empty ones left out)."""
    return "|".join(
        fragment for code in LANGUAGES if (fragment := section(code, concern).get(key, ""))
    )


# The care-chat clock reader's words, read in every language at once.
BEFORE_CLOCK_NUMBER = _alternatives("clock", "before_clock_number")
TWELVE_HOUR_WORDS = frozenset(
    word
    for code in LANGUAGES
    if section(code, "clock")["bare_hour_max"] <= 12
    for word in section(code, "clock")["before_clock_number"].split("|")
)
HOW_OFTEN = _alternatives("clock", "how_often")
BUT = _alternatives("spans", "but")
AFTER = _alternatives("spans", "after")
AFTER_OWN = _alternatives("spans", "after_own")
SINCE = _alternatives("spans", "since")
FIRST_PERSON = _alternatives("spans", "first_person")
# "ab Donnerstag 5 Tage lang": a number before these is how long, not a day of the month.
DURATION_UNITS = "|".join(
    f"(?:{fragment})\\b"
    for code in LANGUAGES
    for unit, fragment in section(code, "offsets")["units"].items()
    if unit not in ("minute", "hour")
)
NOON_AND_HALF = "(?:" + "|".join(_everywhere("clock", "noon_and_half")) + ")"
