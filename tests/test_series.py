"""A memory the family can trust: undo of a series, missed occurrences, the end of emergencies,
one morning message, and who urgent requests may wake."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import col, select

from handlers.understanding.all_clear import all_clear, on_my_way
from storage import circles, tasks
from storage.models import Event, Task
from tests.conftest import Circle
from tests.timeline import ask, containing, live_until, local


def rows(circle: Circle) -> list[Task]:
    with circle.core.database.transaction() as session:
        found = session.exec(select(Task).order_by(Task.number)).all()
        session.expunge_all()
        return list(found)


def status_of(circle: Circle, number: int) -> str:
    return next(row.status for row in rows(circle) if row.number == number)


def member(circle: Circle, user_id: str) -> bool:
    with circle.core.database.transaction() as session:
        row = circles.find_circle(session, circle.platform, circle.chat_id)
        assert row is not None and row.id is not None
        found = [m for m in circles.active_members(session, row.id) if m.user_id == user_id]
        return found[0].urgent_at_night


def missed_lines(text: str) -> list[str]:
    lines = text.split("\n")
    start = lines.index("⏭ Missed:") + 1
    listed = []
    for line in lines[start:]:
        if not line.startswith("• "):
            break
        listed.append(line)
    return listed


# -- 1. undo restores a series -----------------------------------------------------------------

UNDO_CASES = [
    ("es", "#1 hecho", "deshacer"),
    ("fr", "#1 fait", "annuler"),
    ("pt", "#1 feito", "desfazer"),
    ("it", "#1 fatto", "annulla"),
]


@pytest.mark.parametrize(("language", "done", "undo"), UNDO_CASES)
def test_undoing_a_mistaken_done_on_a_weekly_task_restores_the_series(
    circle: Circle, language: str, done: str, undo: str
) -> None:
    circle.say("alice", f"/language {language}")
    circle.say("alice", "/digest off")
    ask(circle, "alice", "physio", due_at=local(17, 10), recurrence="FREQ=WEEKLY;BYDAY=TU")
    circle.say("carol", "/claim 1")
    circle.bot_messages()
    circle.now = local(17, 9)
    circle.say("bob", done)  # the mistake: Bob did not take Mum to physio
    assert [(row.number, row.status) for row in rows(circle)] == [(1, "done"), (2, "open")]
    circle.bot_messages()
    circle.say("bob", undo)
    circle.bot_messages()
    first, follower = rows(circle)
    assert (first.status, first.done_by_id, first.done_at) == ("open", None, None)
    assert follower.status == "removed"
    with circle.core.database.transaction() as session:
        standing = session.exec(
            select(Event.action).where(col(Event.is_undone).is_(False), Event.task_id.in_([1, 2]))  # type: ignore[union-attr]
        ).all()
    assert "done" not in standing and "occurrence" not in standing
    # Carol really takes Mum; the week's thanks name Carol, not Bob.
    circle.now = local(17, 11)
    circle.say("carol", done)
    circle.bot_messages()
    [week] = containing(live_until(circle, local(23, 12)), "🌿")
    assert "Carol" in week.text and "Bob" not in week.text
    # The series carries on: the next Tuesday is open.
    assert [row.status for row in rows(circle)][-1] == "open"


def test_undo_keeps_a_next_occurrence_someone_has_acted_on(circle: Circle) -> None:
    ask(circle, "alice", "physio", due_at=local(17, 10), recurrence="FREQ=WEEKLY;BYDAY=TU")
    circle.say("bob", "/done 1")
    circle.say("carol", "/claim 2")
    circle.say("bob", "undo")
    circle.bot_messages()
    assert [row.status for row in rows(circle)] == ["open", "open"]


# -- 2. one open occurrence per series ---------------------------------------------------------


def test_a_daily_task_untouched_for_a_week_leaves_one_open_occurrence(circle: Circle) -> None:
    ask(circle, "alice", "check blood pressure", due_at=local(16, 20), recurrence="FREQ=DAILY")
    heard = live_until(circle, local(23, 12))
    open_rows = [row for row in rows(circle) if row.status == "open"]
    assert len(open_rows) == 1
    missed = [row for row in rows(circle) if row.status == "missed"]
    assert len(missed) == 7
    # Each missed evening is said once, in the next morning's digest.
    said_missed = [said for said in heard if "⏭ Missed:" in said.text]
    assert len(said_missed) == 7
    listed = [line for said in said_missed for line in missed_lines(said.text)]
    assert sorted(line.split()[1] for line in listed) == [f"#{row.number}" for row in missed]
    # /tasks shows only the open one.
    circle.say("alice", "/tasks")
    listing = "\n".join(circle.texts())
    assert listing.count("Check blood pressure") == 1


def test_the_export_shows_missed_and_cancelled(circle: Circle) -> None:
    ask(circle, "alice", "check blood pressure", due_at=local(16, 20), recurrence="FREQ=DAILY")
    live_until(circle, local(17, 12))
    circle.say("bob", "/export json")
    [message] = circle.bot_messages()
    assert message.attachment is not None
    assert '"status": "missed"' in message.attachment.content


def test_a_missed_occurrence_may_still_be_marked_done_late(circle: Circle) -> None:
    ask(circle, "alice", "check blood pressure", due_at=local(16, 20), recurrence="FREQ=DAILY")
    live_until(circle, local(17, 9))
    assert status_of(circle, 1) == "missed"
    circle.say("bob", "/done 1")  # he did it at 20:10 and says so in the morning
    circle.bot_messages()
    assert [row.status for row in rows(circle)] == ["done", "open"]
    circle.say("bob", "undo")
    circle.bot_messages()
    assert [row.status for row in rows(circle)] == ["missed", "open"]


# -- 3 and 4. emergencies have an end ----------------------------------------------------------

ALL_CLEARS = [
    ("en", "she's ok, no bones broken, paramedics checked her"),
    ("en", "false alarm"),
    ("en", "ambulance came, all fine"),
    ("fr", "fausse alerte… tout va bien"),
    ("de", "Er ist okay, nur ein blauer Fleck"),
    ("es", "falsa alarma, está bien"),
    ("pt", "chamamos o SAMU… ela tá bem"),
    ("it", "falso allarme, sta bene"),
]


@pytest.mark.parametrize(("language", "words"), ALL_CLEARS)
def test_an_all_clear_cancels_an_urgent_task_nobody_took(
    circle: Circle, language: str, words: str
) -> None:
    circle.say("alice", f"/language {language}")
    ask(circle, "alice", "Mum has fallen", is_urgent=True)
    circle.later(minutes=20)
    circle.say("carol", words)
    [said] = circle.texts()
    assert "#1" in said and "\n" not in said
    assert status_of(circle, 1) == "cancelled"
    # No "overdue" or "still nobody on it" the next mornings.
    assert containing(live_until(circle, local(20, 12)), "#1") == []


@pytest.mark.parametrize(
    ("language", "going", "fine"),
    [
        ("en", "on my way", "she's OK"),
        ("de", "bin unterwegs", "Sie ist okay"),
        ("fr", "j'arrive", "tout va bien"),
        ("es", "voy para allá", "está bien"),
        ("pt", "estou indo", "ela tá bem"),
        ("it", "arrivo", "sta bene"),
    ],
)
def test_on_my_way_claims_an_emergency_and_the_all_clear_closes_it_as_done(
    circle: Circle, language: str, going: str, fine: str
) -> None:
    circle.say("alice", f"/language {language}")
    ask(circle, "alice", "task: buy bread")  # an older ordinary request
    ask(circle, "alice", "Mum has fallen", is_urgent=True)
    circle.say("bob", going)
    circle.bot_messages()
    with circle.core.database.transaction() as session:
        urgent = tasks.task_by_number(session, 1, 2)
        assert urgent is not None
        assert [holder.user_id for holder in urgent.claimers] == ["bob"]
    # Nobody is told the next morning that nobody has it.
    circle.later(minutes=40)
    circle.say("bob", fine)
    [said] = circle.texts()
    assert "Bob" in said
    final = rows(circle)[1]
    assert final.status == "done" and final.done_by_id is not None
    assert status_of(circle, 1) == "open"  # the ordinary request was never touched


def test_an_all_clear_with_no_emergency_open_changes_nothing(circle: Circle) -> None:
    ask(circle, "alice", "buy bread")
    circle.say("bob", "she's ok, false alarm")
    assert circle.texts() == []
    assert status_of(circle, 1) == "open"


def test_an_all_clear_can_be_undone(circle: Circle) -> None:
    ask(circle, "alice", "Mum has fallen", is_urgent=True)
    circle.say("carol", "false alarm")
    circle.say("carol", "undo")
    circle.bot_messages()
    assert status_of(circle, 1) == "open"


def test_all_clear_reads_negations_and_questions_as_no_all_clear() -> None:
    assert not all_clear("she is not ok", ("en",))
    assert not all_clear("is she ok?", ("en",))
    assert not all_clear("no está bien", ("es",))
    assert not all_clear("ela não está bem", ("pt",))
    assert not all_clear("non sta bene", ("it",))
    assert not on_my_way("ich komme nicht", ("de",))
    assert not on_my_way("je n'arrive pas", ("fr",))
    assert on_my_way("OK bin unterwegs", ("de", "en"))


# -- 5. one morning message; "due now" for a task nobody took ----------------------------------


def test_what_quiet_hours_held_joins_a_digest_within_the_hour(circle: Circle) -> None:
    circle.say("alice", "/digest 08:45")
    ask(circle, "alice", "collect the prescription", due_at=local(18, 12))
    ask(circle, "alice", "ring the council")
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.now = local(17, 21, 30)
    heard = live_until(circle, local(18, 12))
    mornings = [said for said in heard if said.at.astimezone(local(18, 0).tzinfo).hour < 10]
    assert len({said.at for said in mornings if said.at.date() == date(2026, 11, 18)}) <= 1


def test_a_held_due_now_that_cannot_wait_brings_the_digest_forward(circle: Circle) -> None:
    circle.say("alice", "/digest 08:45")
    ask(circle, "alice", "give Mum her morning tablets", due_at=local(17, 7, 30))
    circle.say("bob", "/claim 1")
    ask(circle, "alice", "ring the council")
    circle.bot_messages()
    heard = live_until(circle, local(17, 12))
    first = [said for said in heard if said.at == local(17, 8)]
    assert len(first) == 1
    assert "Nobody has these yet" in first[0].text and "#1" in first[0].text
    assert [said for said in heard if said.at == local(17, 8, 45)] == []  # no second digest


def test_a_timed_task_nobody_took_gets_due_now_at_its_time(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "check blood pressure", due_at=local(17, 20))
    heard = live_until(circle, local(18, 12))
    [due] = containing(heard, "🔔 Due now: #1")
    assert due.at == local(17, 20)


# -- 6. each member chooses whether urgent requests may wake them ------------------------------


def test_urgent_off_keeps_a_member_unmentioned_in_quiet_hours_only(circle: Circle) -> None:
    circle.say("bob", "hello")
    circle.say("carol", "/urgent off")
    [said] = circle.texts()
    assert (
        said
        == "🌙 Carol: urgent requests no longer mention you in quiet hours (/urgent on to undo)."
    )
    assert member(circle, "carol") is False and member(circle, "bob") is True
    circle.now = local(16, 23, 30)
    circle.say("alice", "URGENT: can someone go round to Mum, she has fallen")
    [night] = circle.bot_messages()
    assert [m.name for m in night.mentions] == ["Bob"]
    [again] = containing(live_until(circle, local(17, 0, 30)), "🚨")
    assert again.mentioned == ["Bob"]
    circle.now = local(17, 14)
    circle.say("alice", "URGENT: can someone check on Mum, the carer has not come")
    [day] = circle.bot_messages()
    assert sorted(m.name for m in day.mentions) == ["Bob", "Carol"]


def test_nobody_can_turn_urgent_off_for_someone_else(circle: Circle) -> None:
    circle.say("carol", "hello")
    circle.say("alice", "/role GP")
    circle.say("alice", "/urgent off carol")
    assert member(circle, "carol") is True
    circle.say("carol", "/urgent off")
    circle.say("carol", "/urgent on")
    assert member(circle, "carol") is True
    circle.say("carol", "/urgent off")
    circle.say("carol", "undo")
    assert member(circle, "carol") is True


@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "pt", "it"])
def test_urgent_setting_is_announced_in_one_line_in_each_language(
    circle: Circle, language: str
) -> None:
    circle.say("alice", f"/language {language}")
    circle.bot_messages()
    circle.say("alice", "/urgent off")
    [off] = circle.texts()
    circle.say("alice", "/urgent on")
    [on] = circle.texts()
    assert "Alice" in off and "Alice" in on and "\n" not in off + on and off != on


def test_a_done_that_names_another_task_is_not_an_all_clear(circle: Circle) -> None:
    circle.say("alice", "/language es")
    ask(circle, "alice", "llevar a mamá a la neuróloga")
    circle.say("bob", "/claim 1")
    ask(circle, "alice", "Mamá se ha caído", is_urgent=True)
    circle.say("bob", "Hecho ✅ Ya estamos en casa después de la neuróloga. Todo bien")
    circle.bot_messages()
    assert [row.status for row in rows(circle)] == ["done", "open"]


def test_on_my_way_home_is_no_claim_of_the_emergency(circle: Circle) -> None:
    ask(circle, "alice", "Mum has fallen", is_urgent=True)
    circle.say("bob", "On it, I drive right past there on my way home")
    circle.bot_messages()
    with circle.core.database.transaction() as session:
        urgent = tasks.task_by_number(session, 1, 1)
        assert urgent is not None and urgent.claimers == ()
