"""Tasks, claims, hand-backs and completions as members of a circle see them."""

from __future__ import annotations

from bot.core import CareCircleCore
from tests.conftest import Circle


def test_a_task_is_noted_with_a_mark_and_a_fallback_line_with_claim_buttons(circle: Circle) -> None:
    request = circle.say("alice", "task: pick up Mum's prescription")
    [ack] = circle.bot_messages()
    assert ack.reaction == "✍" and ack.reply_to_id == request  # quiet where reactions exist
    assert ack.text.startswith("📝 #1 Pick up Mum's prescription")  # where they do not
    assert [button.action for button in ack.buttons] == ["claim:1", "done:1"]


def test_second_claim_hears_who_has_it(circle: Circle) -> None:
    circle.say("alice", "task: drive Dad to dialysis")
    circle.bot_messages()
    circle.say("bob", "/claim 1")
    circle.say("carol", "/claim 1")
    texts = [m.text for m in circle.bot_messages() if not m.edit_of]
    assert texts[0].startswith("✋ Bob has #1")
    assert texts[1].startswith("✋ Carol joins Bob on #1")
    circle.say("dan", "/tasks")
    assert "✋ Bob, Carol" in circle.texts()[0]


def test_redelivered_message_records_nothing_new(circle: Circle) -> None:
    message = circle.incoming("alice", "m-1", text="task: book the GP")
    first = circle.core.handle(message, circle.now)
    again = circle.core.handle(message, circle.now)
    assert len(first) == 1
    assert again == []
    circle.say("bob", "/tasks")
    assert circle.texts()[-1].count("#") == 1


def test_claim_by_reply_to_the_acknowledgement(circle: Circle) -> None:
    circle.has_reactions = False  # a reaction is no message: the acknowledgement is a line
    circle.say("alice", "task: collect the wheelchair")
    [ack] = circle.bot_messages()
    circle.say("bob", "/claim", reply_to_id=f"bot-{ack.outbox_id}")
    messages = circle.bot_messages()
    assert messages[0].text.startswith("✋ Bob has #1")
    assert messages[0].reaction == "👌"


def test_button_press_edits_the_acknowledgement_in_place(circle: Circle) -> None:
    circle.has_reactions = False  # the acknowledgement is a message, with buttons
    circle.say("alice", "task: collect the wheelchair")
    [ack] = circle.bot_messages()
    ack_id = f"bot-{ack.outbox_id}"
    circle.core.handle(
        circle.incoming("carol", "callback-1", button="claim:1", reply_to_id=ack_id), circle.now
    )
    [edit] = circle.bot_messages()
    assert edit.edit_of == ack_id
    assert "✋ Carol" in edit.text
    circle.core.handle(
        circle.incoming("carol", "callback-2", button="done:1", reply_to_id=ack_id), circle.now
    )
    [edit] = circle.bot_messages()
    assert edit.text.startswith("✅ #1") and "done by Carol" in edit.text
    assert edit.buttons == ()


def test_reaction_on_the_request_claims_and_completes(circle: Circle) -> None:
    request = circle.say("alice", "task: water the plants")
    circle.bot_messages()
    circle.core.handle(circle.incoming("bob", "r1", reaction="✋", reply_to_id=request), circle.now)
    assert circle.texts()[0].startswith("✋ Bob has #1")
    circle.core.handle(circle.incoming("bob", "r2", reaction="✅", reply_to_id=request), circle.now)
    assert circle.texts()[0].startswith("✅ #1 Water the plants — done by Bob")


def test_reaction_on_ordinary_chat_does_nothing(circle: Circle) -> None:
    chatter = circle.say("alice", "she slept well last night")
    circle.core.handle(circle.incoming("bob", "r1", reaction="✋", reply_to_id=chatter), circle.now)
    assert circle.bot_messages() == []


def test_done_without_number_asks_once_when_ambiguous(circle: Circle) -> None:
    circle.say("alice", "task: book the podiatrist")
    circle.say("alice", "task: renew the blue badge")
    circle.bot_messages()
    circle.say("bob", "/done")  # a query: what was done lately
    circle.say("bob", "/claim")
    [question] = [m.text for m in circle.bot_messages()][1:]
    assert question.startswith("Which one? #1 Book the podiatrist, #2 Renew the blue badge")


def test_done_without_number_means_the_only_task_i_hold(circle: Circle) -> None:
    circle.say("alice", "task: book the podiatrist")
    circle.say("alice", "task: renew the blue badge")
    circle.say("bob", "/claim 2")
    circle.bot_messages()
    circle.say("bob", "/done 2")
    assert circle.texts()[0].startswith("✅ #2 Renew the blue badge — done by Bob")


def test_hand_back_asks_the_circle_for_cover(circle: Circle) -> None:
    circle.say("alice", "task: sit with Mum on Saturday")
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.say("bob", "/unclaim 1")
    assert "↩️ Bob handed back #1" in circle.texts()[0]
    circle.say("bob", "/unclaim 1")
    assert circle.texts() == ["You were not on #1."]


def test_unknown_task_number_gets_a_clear_answer(circle: Circle) -> None:
    circle.say("bob", "/claim 42")
    assert circle.texts() == ["There is no task #42."]


def test_not_a_task_reply_removes_a_false_task(circle: Circle) -> None:
    request = circle.say("alice", "task: lovely weather today")
    circle.bot_messages()
    circle.say("bob", "not a task", reply_to_id=request)
    assert circle.texts()[0] == "🗑 Removed #1 Lovely weather"
    circle.say("bob", "/tasks")
    assert circle.texts() == ["No open tasks. 🌿"]


def test_editing_the_request_updates_the_task_and_shows_the_new_reading(circle: Circle) -> None:
    request = circle.say("alice", "task: buy milk")
    circle.bot_messages()  # noted with a mark: there is no message of the bot's to correct
    circle.core.handle(
        circle.incoming("alice", "edit-1", text="task: buy oat milk Friday", edit_of=request),
        circle.now,
    )
    [reply] = circle.bot_messages()
    assert reply.reaction is None and reply.edit_of is None
    assert reply.text.startswith("📝 #1 Buy oat milk — Fri 20 Nov")
    circle.say("bob", "/tasks")
    assert "#1 Buy oat milk — Fri 20 Nov" in circle.texts()[0]


def test_editing_an_urgent_request_corrects_its_announcement_in_place(circle: Circle) -> None:
    request = circle.say("alice", "URGENT: can someone bring Mum's inhaler")
    [announcement] = circle.bot_messages()
    assert announcement.reaction is None and "🚨" in announcement.text
    edited = "URGENT: can someone bring Mum's blue inhaler"
    circle.core.handle(circle.incoming("alice", "e-1", text=edited, edit_of=request), circle.now)
    [edit] = circle.bot_messages()
    assert edit.edit_of == f"bot-{announcement.outbox_id}"
    assert "blue inhaler" in edit.text


def test_undo_reverts_only_my_own_last_change(circle: Circle) -> None:
    circle.say("alice", "task: call the pharmacy")
    circle.say("bob", "/claim 1")
    circle.say("bob", "/done 1")
    circle.bot_messages()
    circle.say("alice", "undo")  # alice's last change is the task itself
    circle.say("bob", "undo")  # bob's is the completion
    texts = [m.text for m in circle.bot_messages() if not m.edit_of]
    assert texts == ["↶ Undone: Alice's last task.", "↶ Undone: Bob's last done."]
    circle.say("carol", "undo")
    assert circle.texts() == ["Nothing of yours to undo."]


def test_urgent_task_mentions_everyone_else(circle: Circle) -> None:
    for who in ("bob", "carol"):
        circle.core.member_joined("console", "family", who, who.title(), circle.now)
    circle.core.member_left("console", "family", "carol", circle.now)
    from bot.acting import act_out
    from handlers.requests import NewRequest
    from handlers.turn import Scene
    from handlers.understanding import Intent, Kind
    from storage.circles import circle_record, ensure_member, find_circle, member_record

    with circle.core.database.transaction() as session:
        row = find_circle(session, "console", "family")
        member = ensure_member(session, row.id, "alice", "Alice", circle.now)
        scene = Scene(
            circle_record(row),
            member_record(member),
            circle.incoming("alice", "u1", text="URGENT need someone now"),
            circle.now,
        )
        request = NewRequest(Intent(Kind.TASK, title="Come over now", is_urgent=True), "x")
        for reply in act_out(session, scene, request):
            circle.core._queue(session, row.id, reply, circle.now)
    [alert] = circle.bot_messages()
    assert alert.text.startswith("📝 🚨 #1 Come over now")
    assert alert.reaction is None  # a message everyone is notified of, never a mere mark
    assert [mention.name for mention in alert.mentions] == ["Bob"]


def test_numbers_continue_after_a_restart(circle: Circle, database_url: str) -> None:
    circle.say("alice", "task: first")
    circle.bot_messages()
    from bot.core import open_core

    restarted = Circle(open_core(database_url, circle.core.settings), now=circle.now)
    restarted._ids = iter(range(100, 200))
    restarted.say("alice", "task: second")
    assert restarted.texts()[0].startswith("📝 #2 Second")


def test_a_message_queued_before_a_crash_is_delivered_once_after(
    circle: Circle, core: CareCircleCore
) -> None:
    circle.say("alice", "task: first")
    leased = core.claim_deliveries("console", "worker-that-dies", circle.now)
    assert len(leased) == 1
    assert core.claim_deliveries("console", "other", circle.now) == []  # still leased
    circle.later(minutes=2)  # the lease has run out: another worker picks it up
    assert [m.text[:4] for m in circle.bot_messages()] == ["📝 #1"]
    assert circle.bot_messages() == []


def test_a_task_with_no_words_asks_what_it_is_in_every_form(circle: Circle) -> None:
    for form in ("/task", "task:", "todo:"):
        circle.say("alice", form)
    assert (
        circle.texts() == ['What is the task? Say "/task pick up the prescription Friday 3pm"'] * 3
    )
    circle.say("bob", "/tasks")
    assert "#1" not in circle.texts()[-1]


def test_a_snooze_to_a_day_wakes_when_nudges_start_the_day(circle: Circle) -> None:
    """Without quiet hours the circle's day starts at 08:00, for snoozes as for nudges."""
    circle.say("alice", "can someone bring soup friday?")
    circle.say("bob", "/claim 1")
    circle.say("bob", "/quiet off")
    circle.say("bob", "/snooze 1 tomorrow")
    assert circle.texts()[-1] == "😴 #1: no reminders to Bob until Tue 17 Nov 08:00"
