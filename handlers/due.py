"""When a request is due, and how it repeats, read from the words of one message.

Dates are resolved relative to the moment the message was sent, in the circle's time zone, and
only in the circle's languages. The rules follow how people in a group chat mean them:

- a bare weekday, "this Friday", "by Friday" and "next Friday" are the first Friday after
  today; with "starting next week" a weekday falls in the following Monday–Sunday week;
- a day of the month without a month is this month's, or next month's once it has passed;
- "Friday" without a clock time is a date, not midnight; parts of the day ("tomorrow
  evening") stay dates; a bare hour takes its plausible reading ("by 7" is 19:00, "every
  evening at 8" is 20:00, "Saturday at 8" is 08:00);
- the sentence that asks for help wins over the rest of the message ("Rohan's away till
  Wednesday. Can someone drop a pack by tomorrow?" is due tomorrow); a deadline wins over
  when something becomes available ("ready after 2 today but pick up by 7" is 19:00), and
  availability alone, or a vague span ("sometime next week"), is no due date at all;
- a recurring request is due at its first occurrence; its time of day lives in the due.

Expressions outside this vocabulary with a month name or a numeric date go to dateparser,
restricted to the circle's languages, which keeps its known chat false positives out
("we", "may", "sat", "a second", "march on" are never read as dates here).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from handlers import calendar_words as words

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class When:
    """A due (a ``date``, or an aware ``datetime`` when a time was said) and an RRULE."""

    due: date | datetime | None = None
    recurrence: str | None = None
    spans: tuple[tuple[int, int], ...] = ()  # where the message says when (titles leave it out)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    day: date | None = None
    clock: time | None = None
    offset: timedelta | None = None
    role: str = "plain"  # plain, available, until, start
    weekday: int | None = None
    next_week: bool = False


@dataclass(slots=True)
class _Rule:
    freq: str
    interval: int = 1
    byday: list[int] = field(default_factory=list)
    count: int | None = None
    next_week: bool = False  # "starting next week"
    spans: list[tuple[int, int]] = field(default_factory=list)


# -- the scanner of one set of languages -----------------------------------------------------


def _alternation(table: dict[str, str], languages: tuple[str, ...]) -> str:
    return "|".join(table[code] for code in languages if code in table)


@dataclass(frozen=True, slots=True)
class _Patterns:
    weekday: re.Pattern[str]
    relative: list[tuple[re.Pattern[str], int]]
    day_of_month: re.Pattern[str]
    month_date: re.Pattern[str]
    month_names: list[re.Pattern[str]]
    next_word: re.Pattern[str]
    next_week: re.Pattern[str]
    weekend: re.Pattern[str]
    every: re.Pattern[str]
    every_other: re.Pattern[str]
    daily: re.Pattern[str]
    weekday_set: re.Pattern[str]
    for_weeks: re.Pattern[str]
    for_days: re.Pattern[str]
    until_before: re.Pattern[str]
    start_before: re.Pattern[str]


@cache
def _patterns(languages: tuple[str, ...]) -> _Patterns:
    weekday_names = [
        "|".join(words.WEEKDAYS[code][index] for code in languages if code in words.WEEKDAYS)
        for index in range(7)
    ]
    weekday = re.compile(
        r"\b(?:"
        + "|".join(f"(?P<d{index}>{names})" for index, names in enumerate(weekday_names))
        + r")(?P<suffix>s|es|morgen|abend|nachmittag|vormittag|mittag|früh)?\b"
    )
    relative = [
        (re.compile(rf"\b(?:{fragment})\b"), days)
        for code in languages
        for fragment, days in words.RELATIVE_DAYS.get(code, ())
    ]
    month_groups = [
        "|".join(words.MONTHS[code][index] for code in languages if code in words.MONTHS)
        for index in range(12)
    ]
    month_alternation = "|".join(
        f"(?P<m{index}>{names})" for index, names in enumerate(month_groups)
    )
    month_date = re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.|º)?\s+(?:of |de |di )?(?:{month_alternation})\b"
    )
    month_first = [
        re.compile(rf"\b(?:{names})\s+(?:the )?(\d{{1,2}})(?:st|nd|rd|th)?\b")
        for names in month_groups
    ]
    return _Patterns(
        weekday=weekday,
        relative=relative,
        day_of_month=re.compile(_alternation(words.DAY_OF_MONTH, languages) or r"(?!x)x"),
        month_date=month_date,
        month_names=month_first,
        next_word=re.compile(rf"(?:{_alternation(words.NEXT_WORDS, languages)})"),
        next_week=re.compile(rf"\b(?:{_alternation(words.NEXT_WEEK, languages)})\b"),
        weekend=re.compile(rf"\b(?:{_alternation(words.WEEKEND, languages)})\b"),
        every=re.compile(rf"\b(?:{_alternation(words.EVERY, languages)})\s+$"),
        every_other=re.compile(rf"\b(?:{_alternation(words.EVERY_OTHER, languages)})\s+$"),
        daily=re.compile(rf"\b(?:{_alternation(words.DAILY, languages)})\b"),
        weekday_set=re.compile(rf"\b(?:{_alternation(words.WEEKDAY_SET, languages)})\b"),
        for_weeks=re.compile(rf"\b(?:{_alternation(words.FOR_WEEKS, languages)})\b"),
        for_days=re.compile(rf"\b(?:{_alternation(words.FOR_DAYS, languages)})\b"),
        until_before=re.compile(
            rf"\b(?:{_alternation(words.UNTIL, languages)})\s+(?:the |el |le |o |il |zum )?$"
        ),
        start_before=re.compile(
            rf"\b(?:{_alternation(words.START, languages)})\s+"
            r"(?:the |this |next |el |le |la |o |a |il |dem |am |on |dia |day )?$"
        ),
    )


# -- clock times (the same digits in every language) --------------------------------------

_CLOCK = re.compile(
    r"(?<![\d.,:/#])(?:"
    r"(?P<h1>\d{1,2})(?::|h|\.(?=\d\d\s*(?:am|pm|uhr)))(?P<m1>[0-5]\d)\s*(?P<ap1>[ap]\.?m\.?)?"
    r"|(?P<h2>\d{1,2})\s*(?P<ap2>[ap]\.?m\.?)(?!\w)"
    r"|(?P<h3>\d{1,2})\s*(?:h|hs|uhr)(?!\w)"
    r"|(?P<h4>\d{1,2}) o'clock"
    r"|(?:\b(?:at|by|around|about|before|after|from|till|until|um|gegen|bis|ab|las|à|vers|"
    r"avant|às|as|das|alle|dalle|verso|entro le|prima delle)\s+(?P<h5>\d{1,2})"
    r"(?![\d:.,/]?\d|\s*(?:%|min|minutes|mins|hours|hrs|hour|days|day|weeks|week|months|"
    r"years|lbs|kg|km|cm|degrees|°|people|of|st|nd|rd|th|times|x|[ap]\.?m|h\d*|uhr)\b))"
    r")"
)
_NOON = re.compile(rf"\b(?:{words.NOON})\b")
_HALF = re.compile(r"\bhalb (?P<hour>\d{1,2}|" + "|".join(words.HOUR_WORDS) + r")\b")
_OFFSET = re.compile(
    r"\b(?:in|within|en|dans|em|tra|fra|entro|innerhalb von|dentro de|d'ici)\s+(?:the next |the |"
    r"los próximos |las próximas |les |les prochaines |den nächsten |os próximos |as próximas |"
    r"i prossimi |le prossime )?(?P<n>\d{1,3}|an?|one|half an|"
    + "|".join(words.NUMBER_WORDS)
    + r")?\s*"
    r"(?P<unit>min|mins|minutes|minutos|minuten|minuti|hour|hours|hrs|horas|heures|heure|"
    r"stunden|stunde|ore|ora)\b"
)
_EVENING = re.compile(words.EVENING)
_MORNING = re.compile(words.MORNING)
_AVAILABLE = re.compile(rf"\b(?:{words.AVAILABLE})\b[^,;]{{0,24}}$|\bafter\s+$")
_DAY_NUMBER_AFTER_WEEKDAY = re.compile(
    r"\s*,?\s*(?:the )?(\d{1,2})(?:st|nd|rd|th|\.)?\b(?!\s*(?:[:h]|[ap]\.?m|uhr|o'clock))"
)
_PLURAL_ARTICLES = ("on ", "the ", "les ", "os ", "nos ", "i ", "am ", "an den ")
_JOINED = re.compile(r"\s*(?:,|and|&|/|y|e|et|und|or)?\s*")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b")
_VAGUE = re.compile(rf"\b(?:{words.VAGUE})\b")
_SENTENCE_END = re.compile(
    r"[!?]+|\n+|(?<!\d)(?<!\b[a-z])(?<!\b(?:st|dr|mr|ms|nr|no|sr))\.(?=\s|$)"
)


def find_when(
    text: str,
    now: datetime,
    languages: Sequence[str],
    *,
    focus: tuple[int, int] | None = None,
    urgent: bool = False,
) -> When:
    """The due and recurrence stated in ``text``, sent at ``now`` (aware, circle zone).

    ``focus`` is the span of the words that ask for help; the sentence holding them is read
    first. An urgent request that names no time is due today.
    """
    lowered = text.lower().replace("’", "'")
    patterns = _patterns(tuple(languages) or ("en",))
    rule = _recurrence(lowered, patterns)
    taken = rule.spans if rule else []
    mentions = _days(lowered, now.date(), patterns, taken) + _clocks(lowered, now)
    for mention in mentions:
        mention.role = _role(lowered, mention.start, patterns)
    due, recurrence = _resolve(lowered, now, languages, rule, mentions, focus, urgent)
    spans = [*taken, *((m.start, m.end) for m in mentions)]
    return When(due, recurrence, tuple(sorted(spans)) if len(lowered) == len(text) else ())


def _resolve(
    text: str,
    now: datetime,
    languages: Sequence[str],
    rule: _Rule | None,
    mentions: list[_Mention],
    focus: tuple[int, int] | None,
    urgent: bool,
) -> tuple[date | datetime | None, str | None]:
    if _VAGUE.search(text) and not any(m.role == "plain" and m.day for m in mentions):
        return None, _rule_text(rule, None) if rule else None
    sentence = _sentence_of(text, focus)
    request = (focus[0] if focus else sentence[0], *sentence)
    if rule is not None:
        return _recurring(rule, mentions, now, request)
    day, clock, offset = _pick(mentions, request)
    if offset is not None:
        return now + offset, None
    if day is None and clock is None:
        if urgent:
            return now.date(), None
        return (None if mentions else _numeric_date(text[slice(*sentence)], now, languages)), None
    if day is None:
        assert clock is not None
        moment = datetime.combine(now.date(), clock, tzinfo=now.tzinfo)
        return (moment if moment > now else moment + timedelta(days=1)), None
    if clock is None:
        return day, None
    return datetime.combine(day, clock, tzinfo=now.tzinfo), None


# -- days -----------------------------------------------------------------------------------


def _days(
    text: str, today: date, patterns: _Patterns, taken: list[tuple[int, int]]
) -> list[_Mention]:
    found: list[_Mention] = []

    def free(start: int, end: int) -> bool:
        return not any(start < t_end and t_start < end for t_start, t_end in taken) and not any(
            start < m.end and m.start < end for m in found
        )

    for match in patterns.month_date.finditer(text):
        month = next(int(k[1:]) for k, v in match.groupdict().items() if k[0] == "m" and v)
        day = _next_date_of(today, month + 1, int(match.group("day")))
        if day and free(*match.span()):
            found.append(_Mention(*match.span(), day=day))
    for month, pattern in enumerate(patterns.month_names, start=1):
        for match in pattern.finditer(text):
            day = _next_date_of(today, month, int(match.group(1)))
            if day and free(*match.span()):
                found.append(_Mention(*match.span(), day=day))
    for match in patterns.weekday.finditer(text):
        if not free(*match.span()):
            continue
        index = next(int(k[1:]) for k, v in match.groupdict().items() if k[0] == "d" and v)
        mention = _Mention(*match.span(), day=_next_weekday(today, index), weekday=index)
        number = _DAY_NUMBER_AFTER_WEEKDAY.match(text, match.end())
        if number and 1 <= int(number.group(1)) <= 31:
            day = _day_of_month(today, int(number.group(1)))
            if day is not None:
                mention = _Mention(match.start(), number.end(), day=day)
        found.append(mention)
    for match in patterns.day_of_month.finditer(text):
        number = next(int(g) for g in match.groups() if g)
        day = _day_of_month(today, number)
        if day is not None and free(*match.span()):
            found.append(_Mention(*match.span(), day=day))
    for match in patterns.weekend.finditer(text):
        if free(*match.span()):
            found.append(
                _Mention(*match.span(), day=today + timedelta(days=(5 - today.weekday()) % 7))
            )
    for pattern, days in patterns.relative:
        for match in pattern.finditer(text):
            if free(*match.span()):
                found.append(_Mention(*match.span(), day=today + timedelta(days=days)))
    for mention in found:
        if mention.weekday is not None:
            sentence = _sentence_of(text, (mention.start, mention.end))
            if patterns.next_week.search(text, *sentence):
                monday_next = today + timedelta(days=7 - today.weekday())
                mention.day = monday_next + timedelta(days=mention.weekday)
    return found


def _next_weekday(today: date, index: int) -> date:
    """The first such weekday strictly after today ("next Monday" said on a Monday: +7)."""
    return today + timedelta(days=(index - today.weekday() - 1) % 7 + 1)


def _day_of_month(today: date, number: int) -> date | None:
    """This month's day ``number``, or next month's once it has passed."""
    for months_ahead in (0, 1, 2):
        year = today.year + (today.month - 1 + months_ahead) // 12
        month = (today.month - 1 + months_ahead) % 12 + 1
        try:
            day = date(year, month, number)
        except ValueError:
            continue
        if day >= today:
            return day
    return None


def _next_date_of(today: date, month: int, number: int) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            day = date(year, month, number)
        except ValueError:
            return None
        if day >= today:
            return day
    return None


# -- clock times ----------------------------------------------------------------------------


def _clocks(text: str, now: datetime) -> list[_Mention]:
    found: list[_Mention] = []
    for match in _OFFSET.finditer(text):
        word = match.group("n")
        amount = {None: 1, "a": 1, "an": 1, "one": 1, "half an": 0.5}.get(word)
        amount = words.NUMBER_WORDS.get(word, amount)
        number = float(amount if amount is not None else match.group("n"))
        minutes = number if match.group("unit").startswith("min") else number * 60
        found.append(_Mention(*match.span(), offset=timedelta(minutes=minutes)))
    for match in _CLOCK.finditer(text):
        clock = _clock_of(match, text)
        if clock is not None and not any(m.start <= match.start() < m.end for m in found):
            found.append(_Mention(*match.span(), clock=clock))
    for match in _NOON.finditer(text):
        found.append(_Mention(*match.span(), clock=time(12, 0)))
    for match in _HALF.finditer(text):
        word = match.group("hour")
        hour = int(word) if word.isdigit() else words.HOUR_WORDS[word]
        hour = _plausible_hour((hour - 1) % 12 or 12, text, match.start())
        found.append(_Mention(*match.span(), clock=time(hour, 30)))
    return found


def _clock_of(match: re.Match[str], text: str) -> time | None:
    groups = match.groupdict()
    hour_text = next(groups[g] for g in ("h1", "h2", "h3", "h4", "h5") if groups[g])
    hour, minute = int(hour_text), int(groups["m1"] or 0)
    meridiem = (groups["ap1"] or groups["ap2"] or "").replace(".", "")
    if hour > 23 or (meridiem and not 1 <= hour <= 12):
        return None
    if meridiem:
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    elif 1 <= hour <= 12 and not hour_text.startswith("0") and not groups["h3"]:
        hour = _plausible_hour(hour, text, match.start())
    return time(hour, minute)


def _plausible_hour(hour: int, text: str, position: int) -> int:
    """A 12-hour clock without am/pm: evening words make it pm, small hours are afternoons."""
    start, end = _sentence_of(text, (position, position))
    sentence = text[start:end]
    if _EVENING.search(sentence):
        return hour % 12 + 12
    if _MORNING.search(sentence):
        return hour % 12
    return hour + 12 if hour <= 7 else hour


# -- recurrence -----------------------------------------------------------------------------


def _recurrence(text: str, patterns: _Patterns) -> _Rule | None:
    if match := patterns.weekday_set.search(text):
        rule = _Rule("WEEKLY", byday=[0, 1, 2, 3, 4], spans=[match.span()])
    elif rule := _weekly(text, patterns):
        pass
    elif match := re.search(r"\bevery (other|\d+|two|three) days?\b", text):
        amount = match.group(1)
        interval = 2 if amount == "other" else words.NUMBER_WORDS.get(amount) or int(amount)
        rule = _Rule("DAILY", interval=interval, spans=[match.span()])
    elif match := patterns.daily.search(text):
        rule = _Rule("DAILY", spans=[match.span()])
    else:
        return None
    if days := patterns.for_days.search(text):
        rule.count = int(days.group(days.lastindex or 1)) if rule.freq == "DAILY" else None
    if weeks := patterns.for_weeks.search(text):
        amount = weeks.group(weeks.lastindex or 1) or "1"
        count = words.NUMBER_WORDS.get(amount) or int(amount)
        rule.count = count * (7 if rule.freq == "DAILY" else max(len(rule.byday), 1))
    rule.next_week = bool(patterns.next_week.search(text))
    return rule


def _weekly(text: str, patterns: _Patterns) -> _Rule | None:
    """ "every Monday and Wednesday", "tous les samedis et dimanches", "mittwochs"."""
    matches = list(patterns.weekday.finditer(text))
    rule: _Rule | None = None
    position = 0
    while position < len(matches):
        match = matches[position]
        before = text[: match.start()]
        other = patterns.every_other.search(before)
        every = other or patterns.every.search(before)
        adverb = match.group("suffix") == "s" and match.group(0).endswith("ochs")
        on_plural = before.endswith(("los ", "las ")) or (
            match.group("suffix") in ("s", "es") and before.endswith(_PLURAL_ARTICLES)
        )
        position += 1
        if not (every or adverb or on_plural):
            continue
        rule = rule or _Rule("WEEKLY")
        rule.interval = 2 if other else rule.interval
        rule.byday.append(_index_of(match))
        end = match.end()
        while position < len(matches) and _JOINED.fullmatch(text[end : matches[position].start()]):
            rule.byday.append(_index_of(matches[position]))
            end = matches[position].end()
            position += 1
        rule.spans.append((every.start() if every else match.start(), end))
    if rule is not None:
        rule.byday = sorted(set(rule.byday))
    return rule


def _index_of(match: re.Match[str]) -> int:
    return next(int(k[1:]) for k, v in match.groupdict().items() if k[0] == "d" and v)


def _recurring(
    rule: _Rule, mentions: list[_Mention], now: datetime, sentence: tuple[int, int, int]
) -> tuple[date | datetime, str]:
    """The first occurrence: a stated start, else a day in the request, else the next one."""
    today = now.date()
    until = next((m.day for m in mentions if m.day and m.role == "until"), None)
    _, start, end = sentence
    starts = [m for m in mentions if m.day and m.role == "start"] or [
        m for m in _in_order(mentions, sentence) if m.day and start <= m.start < end
    ]
    if starts:
        first = starts[0].day
        assert first is not None
    elif rule.next_week:
        first = today + timedelta(days=7 - today.weekday())
    else:
        first = today + timedelta(days=1)
    if rule.byday:
        while first.weekday() not in rule.byday:
            first += timedelta(days=1)
    clocks = [m.clock for m in _in_order(mentions, sentence) if m.clock and m.role != "available"]
    due: date | datetime = (
        datetime.combine(first, clocks[0], tzinfo=now.tzinfo) if clocks else first
    )
    return due, _rule_text(rule, until if not clocks else None)


def _rule_text(rule: _Rule, until: date | None) -> str:
    parts = [f"FREQ={rule.freq}"]
    if rule.interval > 1:
        parts.append(f"INTERVAL={rule.interval}")
    if rule.byday and rule.freq != "DAILY":
        parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[day] for day in rule.byday))
    if rule.count:
        parts.append(f"COUNT={rule.count}")
    elif until is not None:
        parts.append(f"UNTIL={until:%Y%m%d}")
    return ";".join(parts)


# -- choosing among the mentions ------------------------------------------------------------


def _role(text: str, position: int, patterns: _Patterns) -> str:
    before = text[max(0, position - 40) : position]
    if _AVAILABLE.search(before):
        return "available"
    if patterns.until_before.search(before):
        return "until"
    if patterns.start_before.search(before):
        return "start"
    return "plain"


def _sentence_of(text: str, span: tuple[int, int] | None) -> tuple[int, int]:
    if span is None:
        return (0, len(text))
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= span[0]:
            start = match.end()
        elif match.start() >= span[1]:
            return (start, match.start())
    return (start, len(text))


def _in_order(mentions: list[_Mention], request: tuple[int, int, int]) -> list[_Mention]:
    """Mentions in the order they count: from the request to the end of its sentence, then
    the start of that sentence, then the rest of the message."""
    asked, start, end = request

    def rank(mention: _Mention) -> tuple[bool, bool, bool, int]:
        in_request = asked <= mention.start < end
        in_sentence = start <= mention.start < end
        # "stay with her until noon": the end of a stay is no due time when another is said.
        return (mention.role == "until", not in_request, not in_sentence, mention.start)

    return sorted(mentions, key=rank)


def _pick(
    mentions: list[_Mention], request: tuple[int, int, int]
) -> tuple[date | None, time | None, timedelta | None]:
    usable = _in_order([m for m in mentions if m.role != "available"], request)
    offset = next((m.offset for m in usable if m.offset), None)
    day_mention = next((m for m in usable if m.day), None)
    clock = next((m.clock for m in usable if m.clock), None)
    day = day_mention.day if day_mention else None
    if offset is not None and day is None:
        return None, None, offset
    return day, clock, None


def _numeric_date(sentence: str, now: datetime, languages: Sequence[str]) -> date | None:
    """dateparser, for numeric dates our vocabulary does not read ("12/15", "15.12.")."""
    candidates = _NUMERIC_DATE.findall(sentence)
    if not candidates:
        return None
    import dateparser  # loaded only for the rare message that needs it

    settings = {"PREFER_DATES_FROM": "future", "RELATIVE_BASE": now.replace(tzinfo=None)}
    parsed = dateparser.parse(candidates[0], languages=list(languages), settings=settings)
    return parsed.date() if parsed else None
