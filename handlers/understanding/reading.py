"""Read one plain message into an Intent: task, claim, unclaim, done, decision, or nothing.

Most of a family's chat is news, feelings and thanks, so the order of the questions matters
for speed and for trust: explicit forms first (they are never misread), then a decision, a
hand-back, a request, a claim and a completion, each recognised by how people phrase that
act in the circle's languages (``cues``). A message with none of those cues is
dismissed without looking for dates at all; a false task is noise in a family's chat, so
a request needs words that ask *someone* for something, never just a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import cache

from handlers.understanding import locales, reader
from handlers.understanding.cues import cue
from handlers.understanding.due import find_when
from handlers.understanding.intent import NOTHING, Intent, Kind
from handlers.understanding.languages import reads_as_other
from handlers.understanding.mentions import sentence_of
from handlers.understanding.steering import numbered_act
from handlers.understanding.titles import title_of

_EXPLICIT = re.compile(
    r"^\s*(?:/(task|claim|done|unclaim|decide)(?:@\w+)?\b|(task|todo|decision):)\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
# The model's margins (see ``_with_model``), chosen by cross-validation in scripts/train.py.
_TASK_MARGIN = -0.1  # a task needs at least this margin: precision over recall
_MARGIN_OVER_NONE = 0.3  # any act read by the model must beat "none" by this much
_MARGIN_OVER_CUE = 0.1  # and the act the cues read (if any) by this much, to replace it
_URGENT_MARGIN = -0.2  # a task is urgent at this "urgent" margin, or by its words; a missed
# emergency costs more than a false alarm (over 20 sets: 167 of 174 raised, 11 false alarms)
_EMERGENCY_MARGIN = -0.1  # a message the model reads as an emergency is an urgent task
# Without a sign of danger in its words ("fell", "no respira", "Krankenwagen"), the model must be
# this sure before it pages anyone: on a short plain request its margin says little.
_SURE_URGENT_MARGIN = 0.2
_PRESSING_MARGIN = -0.5  # "ASAP" makes a task urgent only with some sign of danger
_KINDS = tuple(Kind)
_WORDS = str.maketrans({"’": "'", "‘": "'"})
_DIGIT = re.compile(r"\d")
_KIND_OF_COMMAND = {
    "task": Kind.TASK,
    "todo": Kind.TASK,
    "claim": Kind.CLAIM,
    "done": Kind.DONE,
    "unclaim": Kind.UNCLAIM,
    "decide": Kind.DECISION,
    "decision": Kind.DECISION,
}


def understand(text: str, now: datetime, languages: Sequence[str]) -> Intent:
    """Return what ``text`` means, sent at ``now`` (aware, circle zone) in ``languages``."""
    return understand_with(text, now, tuple(languages), reader.model())


def understand_with(
    text: str, now: datetime, languages: tuple[str, ...], model: reader.Model | None
) -> Intent:
    """What ``text`` means, read by the cues and ``model`` (``None``: the cues alone)."""
    if not text:
        return NOTHING
    explicit = _EXPLICIT.match(text)
    if explicit:
        return _explicit(explicit, now, languages)
    lowered = text.lower().translate(_WORDS)
    codes = tuple(languages) or ("en",)
    kind, request, sure = _cued_kind(lowered, codes)
    margins = None
    if model is not None and sure and kind is Kind.UNCLAIM:
        # "Frau K. … kann nicht mehr auftreten. Wer kann sofort …??": words that hand a task
        # back, in a message the model reads as an emergency, are the emergency's.
        margins = model.margins(text)
        sure = margins["urgent"] < _SURE_URGENT_MARGIN
    if model is not None and not sure:
        margins = margins or model.margins(text)
        # The model reads any language; in one the circle does not read it may only raise an
        # emergency (anything else is left to the cues, and the circle hears how to add it).
        foreign = reads_as_other(text, codes)
        kind, request = _with_model(kind, request, margins, lowered, foreign=foreign)
    if kind is Kind.NONE:  # "Alguém sabe se pro #1 ele precisa ir em jejum?" names task 1
        # most chat holds no digit, and a task is named by one: it is looked for no further
        ref = _ref_in(lowered) if _DIGIT.search(lowered) else None
        return Intent(kind, ref=ref) if ref is not None else NOTHING
    ref = _ref_in(lowered)
    if kind is not Kind.TASK:
        return Intent(kind, ref=ref)
    pressing = bool(cue("urgent", codes).search(lowered))
    urgent = _is_urgent(pressing, margins, lowered)
    return _task(text, lowered, now, codes, request, urgent, pressing)


def _is_urgent(pressing: bool, margins: dict[str, float] | None, lowered: str) -> bool:
    """Someone is needed right now. Words that press ("ASAP", "sofort", "subito") make a task
    urgent only where the model, too, reads someone in danger (``_PRESSING_MARGIN``): "swap
    Mum's inhaler ASAP" is a task for today, "Mum fell, come ASAP" an emergency that pages
    everyone. Without the model the words decide."""
    if margins is None:
        return pressing
    if _cries_for_help(lowered):
        return True
    danger = margins["urgent"]
    return _in_danger(danger, _URGENT_MARGIN, lowered) or (pressing and danger >= _PRESSING_MARGIN)


def _cries_for_help(lowered: str) -> bool:
    """ "Au secours, elle a glissé", "HELP! he's not breathing": a cry for help beside words of
    danger, in any language we know, is an emergency whatever the model makes of the rest."""
    every = locales.codes()
    return bool(cue("cry", every).search(lowered)) and bool(cue("danger", every).search(lowered))


def _in_danger(margin: float, least: float, lowered: str) -> bool:
    """The model reads someone in danger: a margin of at least ``least`` beside words of
    danger in any language we know, or of ``_SURE_URGENT_MARGIN`` alone."""
    if margin < least:
        return False
    return margin >= _SURE_URGENT_MARGIN or bool(cue("danger", locales.codes()).search(lowered))


def _task(
    text: str,
    lowered: str,
    now: datetime,
    languages: tuple[str, ...],
    request: tuple[int, int] | None,
    urgent: bool,
    pressing: bool,
) -> Intent:
    """A request read whole: its title, due, recurrence and urgency; pressed for ("ASAP")
    with no time, it is due today."""
    asks = cue("request", languages)
    focus = request or _where_it_asks(lowered, languages)
    when = find_when(
        text,
        now,
        languages,
        focus=focus,
        urgent=urgent or (pressing and _pressed_for_the_ask(lowered, languages, focus)),
        asks=asks,
        needs=cue("need", languages),
        cannot=cue("cannot", languages),
    )
    return Intent(
        Kind.TASK,
        title=title_of(text, request, when.spans),
        due=when.due,
        recurrence=when.recurrence,
        is_urgent=urgent,
    )


# A sentence this short that presses ("ASAP.", "Urgente!") presses the ask beside it.
PRESSING_SENTENCE = 30


def _pressed_for_the_ask(
    lowered: str, languages: tuple[str, ...], focus: tuple[int, int] | None
) -> bool:
    """Whether "ASAP" is said of the ask: in its sentence, or in a short one of its own, not
    of something else ("ela tem que ser avaliada o quanto antes. … Alguém consegue estar lá
    na quarta?")."""
    if focus is None:
        return True
    asked = sentence_of(lowered, focus)
    for pressed in cue("urgent", languages).finditer(lowered):
        start, end = sentence_of(lowered, pressed.span())
        if (start, end) == asked or end - start <= PRESSING_SENTENCE:
            return True
    return False


def _where_it_asks(lowered: str, languages: tuple[str, ...]) -> tuple[int, int] | None:
    """Where a request no cue named asks: its last words of need ("necesitamos quien…",
    "preciso que alguém…"), else the start of its last question; None when neither is there.
    Its sentence's day and time then count first, as they do for a cued request."""
    needs = list(cue("need", languages).finditer(lowered))
    if needs:
        return needs[-1].span()
    question = lowered.rfind("?")
    if question < 0:
        return None
    start, _ = sentence_of(lowered, (question, question))
    return (start, start)


def _with_model(
    cued: Kind,
    request: tuple[int, int] | None,
    margins: dict[str, float],
    lowered: str,
    *,
    foreign: bool,
) -> tuple[Kind, tuple[int, int] | None]:
    """The kind of act the cues and the model read together (where the cues are not sure),
    and for a request the span of the words that ask.

    Who has the last word was chosen by leave-one-set-out cross-validation over the labelled
    corpora (``scripts/train.py --cv``):

    1. the cues, for "#4 me" and "#7 done", a hand-back or a decision (on sets they were not
       written from, right 46 times in 47), and for words that ask nothing of anyone ("does
       anyone know…", "wish I could, but…", "I just need someone to talk to");
    2. the model, when it reads an act and its margin beats its margin for "none" by
       ``_MARGIN_OVER_NONE``; a task also needs a margin of ``_TASK_MARGIN``, since a false
       task is noise in a family's chat;
    3. an emergency the model is sure of (``_EMERGENCY_MARGIN``, and words of danger or
       ``_SURE_URGENT_MARGIN``) is a task even unasked
       ("MUM FELL cant get up, whos nearest??"), and so is a cry for help beside words of
       danger, whatever the model reads ("au secours … je ne peux pas la lâcher !!");
    4. otherwise the cues for a request, a claim or a completion.

    In a language the circle does not read (``foreign``) the model may only raise emergencies.
    """
    if foreign:
        is_emergency = cued is Kind.NONE and (
            _in_danger(margins["urgent"], _EMERGENCY_MARGIN, lowered) or _cries_for_help(lowered)
        )
        return (Kind.TASK, None) if is_emergency else (cued, request)
    best = max(_KINDS, key=margins.__getitem__)
    if margins[best] - margins["none"] < _MARGIN_OVER_NONE or (
        best is Kind.TASK and margins[best] < _TASK_MARGIN
    ):
        best = Kind.NONE
    elif cued is not Kind.NONE and margins[best] - margins[cued] < _MARGIN_OVER_CUE:
        best = cued  # "is anyone able to drop off…": a near tie leaves the cues' reading
    if best is not Kind.TASK and (
        (best is Kind.NONE and _in_danger(margins["urgent"], _EMERGENCY_MARGIN, lowered))
        or _cries_for_help(lowered)
    ):
        best = Kind.TASK
    if best is Kind.NONE:
        return cued, request
    return best, (request if cued is Kind.TASK else None)


def _asks_after(text: str, ask: re.Match[str], after: int) -> bool:
    """Whether ``ask`` is a question said in a sentence after ``after``."""
    _, end = sentence_of(text, ask.span())
    return ask.start() >= after and text[end : end + 1] == "?"


def _claims_first(text: str, languages: tuple[str, ...], first_ask: int) -> bool:
    """Whether the message's first sentence takes something on before anything is asked."""
    claim = cue("claim", languages).search(text, 0, first_ask)
    return claim is not None and claim.start() < sentence_of(text, (0, 0))[1]


def _decided_before(text: str, decided: re.Match[str], languages: tuple[str, ...]) -> bool:
    """Whether the decision is one taken before, referred to: "Come da decisione di ieri,
    organizziamo le notti … qualcuno può …?" asks."""
    before = text[max(0, decided.start() - 30) : decided.start()]
    return bool(_as_decided(languages).search(before))


@cache
def _as_decided(languages: tuple[str, ...]) -> re.Pattern[str]:
    words = locales.alternation(languages, "cues", "as_decided")
    return re.compile(rf"(?:^|[^\w])(?:{words})\s+(?:\w+\s+)?$")


def _cued_kind(text: str, languages: tuple[str, ...]) -> tuple[Kind, tuple[int, int] | None, bool]:
    """The kind of act the hand-written cues recognise, with the span of a request's ask, and
    whether the cues are sure (step 1 of ``_with_model``: the model is not asked)."""
    if numbered := numbered_act(text):
        return (Kind.DONE if numbered[1] else Kind.CLAIM), None, True
    decided = cue("decision", languages).search(text)
    # "Qu'on m'ouvre la porte, je ne peux pas la lâcher !!": can't, in a cry for help, is no
    # hand-back.
    requests = list(cue("request", languages).finditer(text))
    if decided and _decided_before(text, decided, languages) and requests:
        return Kind.TASK, requests[-1].span(), True  # a decision taken before, and an ask
    if decided:
        return Kind.DECISION, None, True
    not_an_act = cue("not_an_act", languages).search(text)
    # "Is anyone free this week to put the rail up? … I'd do it myself but I've got the kids":
    # what the writer would do, said after the ask, takes nothing from it
    # nor does it, said in a sentence before a question that asks ("I'd do it but I have the
    # audit on Thursday. Could someone bring her there by taxi?"; "… hope someone can!" is a wish)
    asks_nothing = bool(not_an_act) and not (
        requests
        and not_an_act is not None
        and (
            requests[0].end() <= not_an_act.start()
            or _asks_after(text, requests[-1], sentence_of(text, not_an_act.span())[1])
        )
    )
    requests = [] if asks_nothing else requests
    handed_back = cue("unclaim", languages).search(text)
    # "Queria ver se alguém pode me ajudar: … eu não vou conseguir sair do serviço": a message
    # that opens by asking is a request, whatever the writer cannot do after it.
    opens_asking = (
        bool(requests) and handed_back is not None and requests[0].end() <= handed_back.start()
    )
    if handed_back and not opens_asking and not _cries_for_help(text):
        return Kind.UNCLAIM, None, True
    if requests and _claims_first(text, languages, requests[0].start()):
        # "Yo me encargo de lo de la EPS. … si alguien puede la otra, mejor": the message
        # opens by taking something on; what it asks later is an aside.
        return Kind.CLAIM, None, True
    if requests:  # the last ask is the one to read: "…every day. Could someone come weekdays?"
        return Kind.TASK, requests[-1].span(), False
    if not asks_nothing and cue("claim", languages).search(text):
        return Kind.CLAIM, None, False
    if cue("done", languages).search(text):
        return Kind.DONE, None, asks_nothing
    return Kind.NONE, None, asks_nothing


@cache
def _ref() -> re.Pattern[str]:
    """A task named by its number ("#3", "task 3", "Nr. 2", "(o 3)"), in every language we
    know. A bare article and number names a task only in brackets: "il 14 è mio" may be a day."""
    words = locales.alternation(locales.codes(), "cues", "task_number")
    articles = locales.alternation(locales.codes(), "cues", "task_article")
    return re.compile(
        rf"(?:#|\b(?:{words})\s*#?)\s*(\d{{1,6}})\b|\(\s*(?:{articles})\s+(\d{{1,6}})\s*\)",
        re.IGNORECASE,
    )


def _ref_in(text: str) -> int | None:
    if match := _ref().search(text):
        return int(match.group(1) or match.group(2))
    numbered = numbered_act(text)
    return numbered[0] if numbered else None


def _explicit(match: re.Match[str], now: datetime, languages: tuple[str, ...]) -> Intent:
    kind = _KIND_OF_COMMAND[(match.group(1) or match.group(2)).lower()]
    rest = match.group(3).strip()
    if kind is Kind.TASK:
        if not rest:
            return Intent(Kind.TASK)
        lowered = rest.lower().translate(_WORDS)
        codes = languages or ("en",)
        pressing = bool(cue("urgent", codes).search(lowered))  # typed on purpose: words decide
        return _task(rest, lowered, now, codes, None, pressing, pressing)
    if kind is Kind.DECISION:
        return Intent(Kind.DECISION)
    number = re.match(r"#?(\d{1,6})\b", rest)
    return Intent(kind, ref=int(number.group(1)) if number else None)
