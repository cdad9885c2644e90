"""A move of the person cared for: the checklist offered once, quietly, and what is taken."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.config import Settings
from bot.core import CareCircleCore
from handlers.checklists import load
from handlers.formatting import format_day
from handlers.messages import Outgoing
from handlers.phrases import phrase
from handlers.speech import LANGUAGES
from handlers.understanding.transitions import Move, MoveKind, Picks, find_move, read_picks
from storage.database import Database
from storage.models import Claim, MoveItem, Task
from storage.models import Move as StoredMove
from tests.conftest import Circle
from tests.timeline import live_until, local

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 11, 16, 10, 0, tzinfo=LONDON)
THURSDAY = date(2026, 11, 19)
ANNOUNCEMENT = "Dad comes home from the hospital on Thursday"

MOVES = [
    ("en", ANNOUNCEMENT, MoveKind.HOME, THURSDAY),
    ("es", "mamá sale del hospital el viernes", MoveKind.HOME, date(2026, 11, 20)),
    ("fr", "maman rentre de l'hôpital mardi", MoveKind.HOME, date(2026, 11, 17)),
    ("de", "Papa wird am Mittwoch entlassen", MoveKind.HOME, date(2026, 11, 18)),
    ("pt", "a avó vai para a casa de repouso no sábado", MoveKind.CARE_HOME, date(2026, 11, 21)),
    (
        "it",
        "il nonno torna a casa dalla riabilitazione domenica",
        MoveKind.HOME,
        date(2026, 11, 22),
    ),
    ("en", "Mum goes into respite next Monday", MoveKind.RESPITE, date(2026, 11, 23)),
    ("de", "Oma kommt am Freitag in die Kurzzeitpflege", MoveKind.RESPITE, date(2026, 11, 20)),
    ("fr", "Papa entre en EHPAD samedi", MoveKind.CARE_HOME, date(2026, 11, 21)),
    ("es", "el abuelo ingresa en rehabilitación el jueves", MoveKind.REHAB, THURSDAY),
]


@pytest.mark.parametrize(("language", "text", "kind", "day"), MOVES)
def test_a_move_is_read_with_its_kind_and_day(
    language: str, text: str, kind: MoveKind, day: date
) -> None:
    assert find_move(text, MONDAY, (language,)) == Move(kind, day)


@pytest.mark.parametrize(
    "text",
    [
        "the hospital food is awful",
        "she came home from the shops on Thursday",
        "Dad was in hospital last Thursday",
        "Dad comes home from the hospital",  # no day: nothing to plan around
        "see you Thursday",
    ],
)
def test_words_near_a_move_are_no_move(text: str) -> None:
    assert find_move(text, MONDAY, ("en",)) is None


@pytest.mark.parametrize(
    ("language", "text", "picks"),
    [
        ("en", "all", Picks()),
        ("en", "yes all", Picks()),
        ("es", "Sí, todas!", Picks()),
        ("fr", "tout", Picks()),
        ("de", "alle", Picks()),
        ("pt", "todos", Picks()),
        ("it", "tutte", Picks()),
        ("en", "1 3 5", Picks((1, 3, 5))),
        ("en", "1,2", Picks((1, 2))),
        ("de", "2 und 4", Picks((2, 4))),
        ("en", "3 cats", None),
        ("en", "all done", None),
    ],
)
def test_picks_are_all_or_numbers_said_alone(language: str, text: str, picks: Picks | None) -> None:
    assert read_picks(text, (language,)) == picks


def test_every_language_has_every_checklist_item() -> None:
    moves = load("moves")
    assert set(moves) == set(MoveKind)
    for language in LANGUAGES:
        words = load(language)
        assert set(words) == set(moves), language
        for kind, items in moves.items():
            assert list(words[kind]) == list(items), (language, kind)
            assert all(text.strip() for text in words[kind].values())


# -- in the circle ---------------------------------------------------------------------------


def offers(messages: list[Outgoing]) -> list[Outgoing]:
    return [
        message
        for message in messages
        if message.buttons and "take_all" in message.buttons[0].action
    ]


def open_tasks(circle: Circle) -> list[Task]:
    with circle.core.database.transaction() as session:
        rows = session.exec(select(Task).where(Task.status == "open").order_by(Task.number))
        return list(rows.all())


def dues(circle: Circle) -> list[tuple[str, date | datetime | None]]:
    return [
        (task.title, task.due_at.astimezone(LONDON) if task.due_at else task.due_on)
        for task in open_tasks(circle)
    ]


@pytest.mark.parametrize(("language", "text", "kind", "day"), MOVES[:6])
def test_the_offer_comes_in_the_circles_language(
    circle: Circle, language: str, text: str, kind: MoveKind, day: date
) -> None:
    circle.say("alice", f"/language {language}")
    circle.bot_messages()
    circle.say("alice", text)
    [offer] = offers(circle.bot_messages())
    head = phrase(f"move.offer.{kind}", (language,), day=format_day(day, (language,)))
    assert offer.text.startswith(f"{head}\n")
    first = next(iter(load(language)[kind].values()))
    assert f"\n1. {first}\n" in offer.text
    assert offer.text.endswith(phrase("move.how", (language,)))


def test_the_offer_comes_once_per_move(circle: Circle) -> None:
    circle.say("alice", ANNOUNCEMENT)
    assert len(offers(circle.bot_messages())) == 1
    circle.say("alice", ANNOUNCEMENT)
    circle.say("bob", "Yes, Dad is discharged on Thursday!")
    assert circle.bot_messages() == []


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", ANNOUNCEMENT), ("fr", "maman rentre de l'hôpital mardi")],
)
def test_a_move_neither_claims_nor_completes_the_open_task(
    circle: Circle, language: str, text: str
) -> None:
    circle.say("alice", f"/language {language}")
    circle.say("alice", "task: buy milk")
    circle.bot_messages()
    circle.say("bob", text)
    assert len(offers(circle.bot_messages())) == 1
    [task] = open_tasks(circle)
    with circle.core.database.transaction() as session:
        assert session.exec(select(Claim).where(Claim.task_id == task.id)).all() == []


def test_a_sentence_about_hospital_food_says_nothing(circle: Circle) -> None:
    circle.say("alice", "the hospital food is awful")
    circle.say("bob", "she came home from the shops")
    assert circle.bot_messages() == []


def test_a_move_said_at_night_is_offered_when_quiet_hours_end(circle: Circle) -> None:
    circle.now = local(16, 22, 30).astimezone(UTC)
    circle.say("alice", ANNOUNCEMENT)
    assert circle.bot_messages() == []
    heard = live_until(circle, local(17, 12))
    [offer] = [said for said in heard if offers([said.message])]
    assert offer.at == local(17, 8)
    assert offer.message.reply_to_id == "1"  # under the announcement
    circle.say("bob", "all", reply_to_id=f"bot-{offer.message.outbox_id}")
    assert len(open_tasks(circle)) == 8


def test_all_makes_every_item_a_task_due_around_the_move(circle: Circle) -> None:
    circle.say("alice", ANNOUNCEMENT)
    [offer] = offers(circle.bot_messages())
    circle.say("bob", "yes all", reply_to_id=f"bot-{offer.outbox_id}")
    [reply] = circle.bot_messages()
    assert reply.text.startswith("📝 On the list now:\n#1 Collect them and bring them home")
    evening = time(18, 0)
    assert dues(circle) == [
        ("Collect them and bring them home", THURSDAY),
        ("Get the discharge letter", THURSDAY),
        ("Check the new medicines against the old ones", THURSDAY),
        ("Book the follow-up appointment", date(2026, 11, 26)),
        ("Have equipment ready at home (rails, commode, bed)", date(2026, 11, 18)),
        ("Be with them the first nights", datetime.combine(THURSDAY, evening, LONDON)),
        ("Be with them the first nights", datetime(2026, 11, 20, 18, 0, tzinfo=LONDON)),
        ("Tell the GP or community nurse they are home", date(2026, 11, 20)),
    ]


def test_numbers_take_just_those_items_and_they_can_be_claimed(circle: Circle) -> None:
    circle.say("alice", ANNOUNCEMENT)
    [offer] = offers(circle.bot_messages())
    circle.say("bob", "1 3", reply_to_id=f"bot-{offer.outbox_id}")
    assert [title for title, _ in dues(circle)] == [
        "Collect them and bring them home",
        "Check the new medicines against the old ones",
    ]
    circle.say("carol", "/claim 1")
    assert any("Carol" in text for text in circle.texts())


def test_taking_again_adds_nothing_new(circle: Circle) -> None:
    circle.say("alice", ANNOUNCEMENT)
    [offer] = offers(circle.bot_messages())
    circle.say("bob", "1 2", reply_to_id=f"bot-{offer.outbox_id}")
    circle.say("carol", "2 1", reply_to_id=f"bot-{offer.outbox_id}")
    circle.say("dan", offer.buttons[0].label, button=offer.buttons[0].action, reply_to_id="x")
    texts = circle.texts()
    assert texts[1] == "👌 Those are on the list already."
    assert texts[2].count("\n#") == 6  # the button took the six tasks of the five items left
    assert len(open_tasks(circle)) == 8


def test_a_pick_soon_after_the_offer_needs_no_reply(circle: Circle) -> None:
    circle.say("alice", ANNOUNCEMENT)
    circle.bot_messages()
    circle.later(hours=2)
    circle.say("bob", "2")
    assert [title for title, _ in dues(circle)] == ["Get the discharge letter"]


def test_a_number_with_no_offer_in_sight_is_chat(circle: Circle) -> None:
    circle.say("bob", "2")
    circle.say("alice", ANNOUNCEMENT)
    circle.bot_messages()
    circle.later(days=2)
    circle.say("bob", "all")
    assert circle.bot_messages() == []
    assert open_tasks(circle) == []


def test_a_restart_between_offer_and_answer_loses_nothing(
    circle: Circle, database_url: str
) -> None:
    circle.now = local(16, 23).astimezone(UTC)
    circle.say("alice", ANNOUNCEMENT)
    settings = Settings(database_url=database_url, default_timezone="Europe/London")
    circle.core = CareCircleCore(Database.open(database_url), settings)
    heard = live_until(circle, local(17, 9))
    [offer] = [said.message for said in heard if offers([said.message])]
    circle.core = CareCircleCore(Database.open(database_url), settings)
    circle.say("bob", "all", reply_to_id=f"bot-{offer.outbox_id}")
    circle.say("bob", "all", reply_to_id=f"bot-{offer.outbox_id}")
    assert len(open_tasks(circle)) == 8


def test_forget_deletes_moves_and_what_was_taken(circle: Circle) -> None:
    circle.say("alice", ANNOUNCEMENT)
    [offer] = offers(circle.bot_messages())
    circle.say("bob", "all", reply_to_id=f"bot-{offer.outbox_id}")
    circle.say("alice", "/forget")
    circle.say("bob", "/forget")
    with circle.core.database.transaction() as session:
        assert session.exec(select(StoredMove)).all() == []
        assert session.exec(select(MoveItem)).all() == []
