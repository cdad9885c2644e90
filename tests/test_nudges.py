"""Scheduled nudges as a circle lives them: days pass in milliseconds on an injected clock."""

from __future__ import annotations

from datetime import date

import pytest

from bot.config import Settings
from bot.core import CareCircleCore
from bot.nudging import next_wakeup, queue_due_nudges
from handlers.phrases import phrase
from handlers.speech import LANGUAGES, SPEECH
from storage.database import Database
from tests.conftest import Circle
from tests.timeline import LONDON, ask, containing, live_until, local, snooze

# What the nudges, the digest and the weekly look back say.
NUDGE_PHRASES = [
    key for key in SPEECH.messages("en") if key.startswith(("nudge.", "digest.", "lookback."))
]


# -- reminders to whoever holds a task -------------------------------------------------------


def test_holder_hears_with_the_mornings_digest_and_again_when_it_is_due(circle: Circle) -> None:
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    heard = live_until(circle, local(18, 17))
    assert containing(heard, "⏰ Coming up") == []
    [morning] = [said for said in heard if said.at == local(18, 8)]
    assert "• #1 Pick up prescriptions — Wed 18 Nov 15:00 · ✋ Bob" in morning.text
    assert morning.mentioned == ["Bob"]
    [due_now] = containing(heard, "🔔 Due now: #1")
    assert due_now.at == local(18, 15)
    assert due_now.mentioned == ["Bob"]


def test_holder_hears_two_hours_before_and_again_when_it_is_due(circle: Circle) -> None:
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    live_until(circle, local(18, 10))
    circle.say("bob", "/claim 1")  # after the morning's digest: it did not name Bob
    circle.bot_messages()
    heard = live_until(circle, local(18, 17))
    [coming] = containing(heard, "⏰ Coming up: #1 Pick up prescriptions")
    assert coming.at == local(18, 13)
    assert coming.mentioned == ["Bob"]
    [due_now] = containing(heard, "🔔 Due now: #1")
    assert due_now.at == local(18, 15)
    assert due_now.mentioned == ["Bob"]
    assert [button.action for button in due_now.message.buttons] == ["done:1"]


def test_who_takes_a_task_late_hears_only_what_comes_after_taking_it(circle: Circle) -> None:
    circle.now = local(18, 12, 45)
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    live_until(circle, local(18, 13, 30))
    circle.say("bob", "/claim 1")  # after its "coming up" moment: no "coming up" now
    circle.bot_messages()
    heard = live_until(circle, local(18, 14, 10))
    ask(circle, "alice", "ring the GP", due_at=local(18, 14, 30))
    heard += live_until(circle, local(18, 14, 40))
    circle.say("carol", "/claim 2")  # after its time: no "due now" either
    circle.bot_messages()
    heard += live_until(circle, local(18, 15, 20))
    assert [said.text.split(" — ")[0] for said in heard] == ["🔔 Due now: #1 Pick up prescriptions"]
    assert heard[0].at == local(18, 15)
    assert heard[0].mentioned == ["Bob"]


def test_tasks_due_a_quarter_of_an_hour_apart_share_one_message(circle: Circle) -> None:
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 18))
    ask(circle, "alice", "water the garden", due_at=local(18, 18, 15))
    circle.say("bob", "/claim 1")
    circle.say("carol", "/claim 2")
    circle.bot_messages()
    live_until(circle, local(18, 17))
    [message] = live_until(circle, local(18, 19))
    assert message.at == local(18, 18)
    assert message.text.splitlines() == [
        "🔔 Due now: #1 Pick up prescriptions — Wed 18 Nov 18:00 · ✋ Bob",
        "🔔 Due soon: #2 Water the garden — Wed 18 Nov 18:15 · ✋ Carol",
    ]
    assert message.mentioned == ["Bob", "Carol"]


def test_day_only_task_reminds_its_holder_on_the_morning(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "change the bed linen", due_on=date(2026, 11, 19))
    circle.say("carol", "/claim 1")
    circle.bot_messages()
    heard = live_until(circle, local(19, 20))
    [coming] = containing(heard, "⏰ Coming up: #1")
    assert coming.at == local(19, 8)
    assert coming.mentioned == ["Carol"]


def test_a_reply_to_a_reminder_acts_on_its_task(circle: Circle) -> None:
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    live_until(circle, local(18, 10))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    [coming] = containing(live_until(circle, local(18, 13, 30)), "⏰ Coming up")
    circle.say("bob", "✅", reaction="✅", reply_to_id=f"bot-{coming.message.outbox_id}")
    assert any("Bob" in text and "#1" in text for text in circle.texts())
    later = live_until(circle, local(20, 12))
    assert containing(later, "Due now") == containing(later, "Overdue") == []
    assert "✅ Done since the last digest:\n• #1 Pick up prescriptions — Bob" in later[0].text


# -- nobody has it yet, overdue -----------------------------------------------------------------


def test_unclaimed_task_is_raised_once_the_day_before_and_once_more_shortly_before(
    circle: Circle,
) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "drive Dad to dialysis", due_at=local(19, 15))
    heard = live_until(circle, local(21, 12))
    raised = containing(heard, "🙋 Nobody has this yet: #1 Drive Dad to dialysis")
    assert [said.at for said in raised] == [local(18, 8), local(19, 13)]
    assert [button.action for button in raised[0].message.buttons] == ["claim:1", "done:1"]


def test_overdue_is_said_once_then_only_in_the_digest(circle: Circle) -> None:
    ask(circle, "alice", "ring the pharmacy", due_at=local(17, 11))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    heard = live_until(circle, local(22, 12))
    overdue = containing(heard, "⚠️ Overdue")
    # The reminder spent Tuesday's nudge, so the overdue word waits for Wednesday's digest.
    assert overdue[0].at == local(18, 8)
    assert overdue[0].mentioned == ["Bob"]
    assert [said.mentioned for said in overdue[1:]] == [[]] * 4  # then listed, nobody pinged
    assert all(said.text.startswith("⚠️ Overdue:\n") for said in overdue)


def test_overdue_stands_alone_when_the_circle_has_no_digest(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "ring the pharmacy", due_at=local(17, 11))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    heard = live_until(circle, local(22, 12))
    [overdue] = containing(heard, "⚠️ Overdue: #1 Ring the pharmacy")
    assert overdue.at == local(18, 8)


# -- the digest and the week -------------------------------------------------------------------


def test_digest_lists_today_tomorrow_nobody_and_who_did_what(circle: Circle) -> None:
    ask(circle, "alice", "GP appointment", due_at=local(17, 10, 30))
    circle.say("bob", "/claim 1")
    ask(circle, "alice", "buy incontinence pads", due_on=date(2026, 11, 18))
    ask(circle, "alice", "ring the council about grab rails")
    ask(circle, "alice", "return the library books")
    circle.say("carol", "/done 4")
    circle.bot_messages()
    digest = containing(live_until(circle, local(17, 8, 30)), "☀️ Today and tomorrow:")[0]
    assert digest.at == local(17, 8)
    lines = digest.text.split("\n")
    assert lines[1].startswith("• #1 GP appointment — Tue 17 Nov 10:30 · ✋ Bob")
    assert lines[2].startswith("• #2 Buy incontinence pads — Wed 18 Nov")
    assert "🙋 Nobody has these yet:\n• #3 Ring the council about grab rails" in digest.text
    assert "✅ Done since the last digest:\n• #4 Return the library books — Carol" in digest.text
    next_day = containing(live_until(circle, local(18, 9)), "☀️")[0]
    assert "Return the library books" not in next_day.text


def test_no_digest_when_there_is_nothing_to_say(circle: Circle) -> None:
    assert live_until(circle, local(20, 12)) == []


def test_digest_comes_at_the_time_the_circle_picked(circle: Circle) -> None:
    circle.say("alice", "/digest 07:15")
    circle.say("alice", "/quiet 22:00-07:00")
    ask(circle, "alice", "ring the council")
    circle.bot_messages()
    heard = live_until(circle, local(18, 12))
    assert [said.at for said in containing(heard, "🙋 Nobody has these yet")] == [
        local(17, 7, 15),
        local(18, 7, 15),
    ]


def test_weekly_look_back_thanks_the_people_who_helped(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    circle.say("alice", "decision: physio on Tuesdays")
    ask(circle, "alice", "collect the wheelchair")
    ask(circle, "alice", "book the chiropodist")
    circle.say("bob", "/claim 1")
    circle.say("bob", "/done 1")
    circle.say("carol", "/done 2")
    circle.bot_messages()
    [week] = live_until(circle, local(23, 12))
    assert week.at == local(22, 18)
    assert week.text.startswith("🌿 Our week together")
    assert "physio on Tuesdays" in week.text
    assert "#1 Collect the wheelchair — Bob" in week.text
    assert "💛 Thank you, Bob, Carol!" in week.text or "💛 Thank you, Carol, Bob!" in week.text


def test_nudges_speak_the_circles_language(circle: Circle) -> None:
    circle.say("alice", "/language es")
    ask(circle, "alice", "recoger la receta", due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    heard = live_until(circle, local(18, 16))
    assert containing(heard, "🔔 Es ahora: #1 Recoger la receta — mié 18 nov 15:00")
    assert containing(heard, "☀️ Hoy y mañana:")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_nudge_has_its_own_words_in_each_language(language: str) -> None:
    values = {"line": "#1 X", "count": 2, "names": "Ana, Bo"}
    for key in NUDGE_PHRASES:
        said = phrase(key, (language,), **values)
        assert said and "{" not in said
        if language != "en":
            assert said != phrase(key, ("en",), **values)


# -- urgent, quiet hours, mute and snooze ---------------------------------------------------


def test_urgent_task_is_raised_again_after_15_minutes_even_at_night(circle: Circle) -> None:
    for who in ("bob", "carol"):
        circle.say(who, "/mute" if who == "carol" else "hello")
    circle.now = local(16, 23, 40)
    ask(circle, "alice", "Mum has fallen, someone go round", is_urgent=True)
    [again] = live_until(circle, local(17, 0, 30))
    assert again.at == local(16, 23, 55)
    assert again.text == "🚨 #1 Mum has fallen, someone go round — still nobody on it!"
    assert sorted(again.mentioned) == ["Bob", "Carol"]  # muted Carol too: it is urgent


def test_urgent_task_claimed_in_time_is_not_raised_again(circle: Circle) -> None:
    ask(circle, "alice", "Mum has fallen, someone go round", is_urgent=True)
    circle.later(minutes=5)
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    assert containing(live_until(circle, local(16, 18)), "🚨") == []


def test_quiet_hours_hold_routine_nudges_until_morning(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "take Mum to the early clinic", due_at=local(18, 8, 45))
    ask(circle, "alice", "take the bins out", due_at=local(18, 23))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    heard = live_until(circle, local(19, 12))
    for said in heard:
        assert 8 <= said.at.astimezone(LONDON).hour < 21
    # 06:45 is quiet: the reminder waits for 08:00, still in time.
    [coming] = containing(heard, "⏰ Coming up: #1")
    assert coming.at == local(18, 8)
    # "Once more" at 21:00 would be quiet, and by the morning too late: said before the quiet.
    raised = containing(heard, "🙋 Nobody has this yet: #2")
    assert [said.at for said in raised] == [local(17, 8), local(18, 20)]


def test_a_task_due_before_quiet_hours_end_is_said_the_evening_before(circle: Circle) -> None:
    ask(circle, "alice", "drive Mum to her scan", due_at=local(18, 7, 30))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    heard = live_until(circle, local(18, 7, 45))
    [coming] = containing(heard, "⏰ Coming up: #1")
    assert coming.at == local(17, 20)
    assert coming.mentioned == ["Bob"]


def test_the_day_before_a_task_nobody_has_is_said_by_the_digest(circle: Circle) -> None:
    ask(circle, "alice", "drive Dad to dialysis", due_at=local(18, 15))
    heard = live_until(circle, local(17, 12))
    [digest] = heard
    assert digest.at == local(17, 8)
    assert "• #1 Drive Dad to dialysis — Wed 18 Nov 15:00 · nobody yet" in digest.text


def test_muted_holder_is_not_mentioned(circle: Circle) -> None:
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    circle.say("carol", "/claim 1")
    circle.say("bob", "/mute")
    circle.bot_messages()
    heard = live_until(circle, local(18, 16))
    [morning] = [said for said in heard if said.at == local(18, 8)]
    [due_now] = containing(heard, "🔔 Due now")
    assert morning.mentioned == due_now.mentioned == ["Carol"]


def test_snoozed_holder_hears_nothing_until_the_snooze_ends(circle: Circle) -> None:
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    snooze(circle, number=1, until=local(18, 14))
    heard = live_until(circle, local(18, 14, 30))
    [coming] = containing(heard, "⏰ Coming up")
    assert coming.at == local(18, 14)
    assert coming.mentioned == ["Bob"]


def test_remind_me_tomorrow_on_a_reminder_quiets_it_for_me_until_the_morning(
    circle: Circle,
) -> None:
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    live_until(circle, local(18, 10))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    [coming] = containing(live_until(circle, local(18, 13, 5)), "⏰ Coming up")
    circle.say("bob", "remind me tomorrow", reply_to_id=f"bot-{coming.message.outbox_id}")
    assert any(text.startswith("😴 #1") for text in circle.texts())
    heard = live_until(circle, local(19, 12))
    assert [said.at for said in heard if "Bob" in said.mentioned] == [local(19, 8)]
    assert containing(heard, "🔔 Due now") == []


def test_a_snoozed_reminder_does_not_ride_along_early(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    ask(circle, "alice", "walk the dog", due_at=local(18, 15, 40))
    circle.say("bob", "/claim 1")
    circle.say("carol", "/claim 2")
    circle.bot_messages()
    snooze(circle, number=1, until=local(18, 13, 50))
    heard = live_until(circle, local(18, 14, 30))
    assert [(said.at, said.mentioned) for said in heard] == [
        (local(18, 13, 40), ["Carol"]),
        (local(18, 13, 50), ["Bob"]),
    ]


# -- recurring tasks ----------------------------------------------------------------------------


def test_every_tuesday_at_nine_stays_at_nine_when_the_clocks_go_back(core: CareCircleCore) -> None:
    circle = Circle(core, now=local(19, 10, month=10))
    core.bot_joined(circle.platform, circle.chat_id, "Mum", circle.now)
    circle.say("alice", "/digest off")
    ask(
        circle,
        "alice",
        "take Mum to the day centre",
        due_at=local(20, 9, month=10),
        recurrence="FREQ=WEEKLY;BYDAY=TU",
    )
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    heard = live_until(circle, local(28, 12, month=10))
    due_now = containing(heard, "🔔 Due now")
    assert [said.at.astimezone(LONDON).hour for said in due_now] == [9, 9]
    second = "🔔 Due now: #2 Take Mum to the day centre — Tue 27 Oct 09:00"
    assert due_now[1].text.startswith(second)
    assert due_now[1].mentioned == ["Bob"]  # the next occurrence keeps its holder


# -- restarts and two processes -------------------------------------------------------------------


def test_a_restart_sends_nothing_twice(circle: Circle, database_url: str) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    ask(circle, "alice", "ring the GP", due_at=local(19, 10))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    before = live_until(circle, local(18, 14))
    restarted = CareCircleCore(Database.open(database_url), circle.core.settings)
    assert queue_due_nudges(restarted, circle.now) == 0
    after = live_until(circle, local(20, 12), core=restarted)
    texts = [said.text for said in before + after]
    assert len(texts) == len(set(texts))
    assert len(containing(before + after, "⏰ Coming up: #1")) == 1


def test_a_nudge_missed_while_down_is_sent_once_on_return_if_still_useful(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.now = local(18, 14, 20)  # down from Monday until after the 13:00 reminder
    heard = live_until(circle, local(18, 14, 30))
    [coming] = containing(heard, "⏰ Coming up: #1")
    assert coming.at == local(18, 14, 20)


def test_a_nudge_missed_past_its_use_is_folded_into_the_digest(circle: Circle) -> None:
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.now = local(19, 7)  # down from Monday until Thursday morning
    heard = live_until(circle, local(19, 9))
    [digest] = heard
    assert digest.at == local(19, 8)
    assert "⚠️ Overdue:\n• #1 Pick up prescriptions" in digest.text
    assert digest.mentioned == ["Bob"]


def test_nudges_in_the_same_minute_are_one_message(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    for title in ("pick up prescriptions", "walk the dog", "water the plants"):
        ask(circle, "alice", title, due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    circle.say("carol", "/claim 2")
    circle.say("dan", "/claim 3")
    circle.bot_messages()
    [coming] = live_until(circle, local(18, 13))
    assert coming.text.count("⏰ Coming up") == 3
    assert sorted(coming.mentioned) == ["Bob", "Carol", "Dan"]


def test_next_wakeup_is_the_next_nudge(circle: Circle) -> None:
    circle.say("alice", "/digest off")
    ask(circle, "alice", "pick up prescriptions", due_at=local(18, 15))
    circle.say("bob", "/claim 1")
    assert next_wakeup(circle.core, circle.now) == local(18, 13)


def test_settings_survive_in_a_new_process(database_url: str) -> None:
    settings = Settings(database_url=database_url, default_timezone="Europe/London")
    first = CareCircleCore(Database.open(database_url), settings)
    circle = Circle(first)
    first.bot_joined(circle.platform, circle.chat_id, "Mum", circle.now)
    circle.say("alice", "/digest off")
    second = CareCircleCore(Database.open(database_url), settings)
    assert next_wakeup(second, circle.now) is not None  # the look-back still comes
    assert queue_due_nudges(second, local(17, 8)) == 0
