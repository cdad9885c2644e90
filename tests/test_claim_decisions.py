"""Requests, corrections, snoozes, settings, contacts, questions, forgetting, claims,
hand-backs, completions, emergencies and the circle's decisions, decided in memory: no
database, no clock."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from handlers.checklists import checklist
from handlers.claims import Emergency, TaskAct, decide
from handlers.contacts import ContactAct, decide_contact
from handlers.corrections import FalseTask, MessageEdit, decide_edit, remove_false_task
from handlers.decisions import (
    DECIDED_REACTION,
    DecisionEdit,
    NewDecision,
    record_decision,
    update_decision,
)
from handlers.forget import ForgetAct, decide_forget
from handlers.messages import Incoming, pressed
from handlers.moves import AnnouncedMove, TakeItems, button_move, offer_checklist, take_items
from handlers.phrases import phrase
from handlers.queries import Query, answer
from handlers.requests import NOTED_REACTION, NewRequest, record_task
from handlers.settings import SettingCommand, decide_setting
from handlers.snoozes import SnoozeRequest, decide_snooze
from handlers.turn import Decision, Scene
from handlers.understanding import Intent, Kind
from handlers.understanding.contacts import ContactReading
from handlers.understanding.transitions import Move, MoveKind
from handlers.undo import undo_last
from storage.changes import (
    AddMove,
    ChangeCircle,
    ChangeMember,
    ClaimTask,
    Decided,
    ForgetCircle,
    ForgetMember,
    KeepContact,
    LogEvent,
    Opened,
    OpenOccurrence,
    OpenTask,
    RecordDecision,
    ReleaseClaim,
    RestoreTask,
    ReviseTask,
    RewordDecision,
    SetStatus,
    SnoozeTask,
    TakeItem,
    TaskFields,
    UndoEvent,
    WithdrawOccurrence,
)
from storage.kinds import EventAction, TaskStatus
from storage.records import (
    ActSnapshot,
    CircleRecord,
    ContactRecord,
    DecisionRecord,
    EventRecord,
    ForgetSnapshot,
    MemberRecord,
    MoveRecord,
    OfferSnapshot,
    OpeningSnapshot,
    Pool,
    Shown,
    ShownSnapshot,
    TaskRecord,
    UndoSnapshot,
    offer_key,
)

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # a Monday
CIRCLE = CircleRecord(
    1, "console", "family", "Mum", "Europe/London", ("en",), "21:00", "08:00", "08:00"
)
ALICE = MemberRecord(1, "alice", "Alice", None, False)
BOB = MemberRecord(2, "bob", "Bob", None, False)
CAROL = MemberRecord(3, "carol", "Carol", None, False)
ACK = "bot-ack-7"


def task(number: int = 7, *holders: MemberRecord, **fields: object) -> TaskRecord:
    values: dict[str, object] = {
        "id": 100 + number,
        "number": number,
        "title": "Pick up the prescription",
        "due_at": None,
        "due_on": date(2026, 11, 20),
        "recurrence": None,
        "is_urgent": False,
        "status": TaskStatus.OPEN,
        "requester_id": ALICE.id,
        "claimers": holders,
        "held_since": NOW - timedelta(hours=1) if holders else None,
        "done_at": None,
        "done_by": None,
        "created_at": NOW - timedelta(days=1),
        "source_message_id": "request",
    } | fields
    return TaskRecord(**values)  # type: ignore[arg-type]


def scene(member: MemberRecord, text: str, **fields: object) -> Scene:
    incoming = Incoming("console", "family", "m1", member.user_id, member.display_name, NOW)
    return Scene(CIRCLE, member, replace(incoming, text=text, **fields), NOW)  # type: ignore[arg-type]


def numbered(meant: TaskRecord, **fields: object) -> ActSnapshot:
    values: dict[str, object] = {
        "next_number": 12,
        "numbered": meant,
        "acknowledgements": {meant.id: ACK},
    } | fields
    return ActSnapshot(**values)  # type: ignore[arg-type]


def texts(decision: Decision) -> list[str]:
    return [reply.message.text for reply in decision.replies]


def edit_of_ack(decision: Decision) -> str:
    [edit] = [r.message for r in decision.replies if r.message.edit_of == ACK]
    return edit.text


def test_claiming_an_open_task_makes_me_its_holder_and_edits_its_acknowledgement() -> None:
    decision = decide(scene(BOB, "/claim 7"), numbered(task()), TaskAct(Intent(Kind.CLAIM, ref=7)))
    assert decision.changes[0] == ClaimTask(107, BOB.id)
    assert decision.changes[1] == LogEvent(EventAction.CLAIMED, BOB.id, 107, "m1", {})
    assert texts(decision)[0].startswith("✋ Bob has #7 Pick up the prescription")
    assert decision.replies[0].message.reaction == "👌"
    assert edit_of_ack(decision).endswith("✋ Bob")


def test_claiming_a_task_someone_holds_joins_them() -> None:
    decision = decide(
        scene(CAROL, "/claim 7"), numbered(task(7, BOB)), TaskAct(Intent(Kind.CLAIM, ref=7))
    )
    assert ClaimTask(107, CAROL.id) in decision.changes
    assert "Bob" in texts(decision)[0] and "Carol" in texts(decision)[0]
    assert edit_of_ack(decision).endswith("✋ Bob, Carol")


def test_claiming_my_own_task_again_changes_nothing_and_says_so() -> None:
    decision = decide(
        scene(BOB, "/claim 7"), numbered(task(7, BOB)), TaskAct(Intent(Kind.CLAIM, ref=7))
    )
    assert decision.changes == ()
    assert texts(decision) == ["You already have #7."]
    assert decision.replies[0].message.reaction == "👌"


def test_a_done_task_cannot_be_claimed() -> None:
    done = task(7, status=TaskStatus.DONE, done_at=NOW, done_by="Bob")
    decision = decide(scene(CAROL, "/claim 7"), numbered(done), TaskAct(Intent(Kind.CLAIM, ref=7)))
    assert decision.changes == ()
    assert texts(decision) == ["#7 is already done."]


def test_a_number_nobody_has_gets_a_clear_answer() -> None:
    snapshot = ActSnapshot(next_number=12)
    decision = decide(scene(BOB, "/claim 99"), snapshot, TaskAct(Intent(Kind.CLAIM, ref=99)))
    assert decision.changes == () and "#99" in texts(decision)[0]


def test_handing_back_while_others_hold_it_names_who_still_does() -> None:
    decision = decide(
        scene(BOB, "/unclaim 7"),
        numbered(task(7, BOB, CAROL)),
        TaskAct(Intent(Kind.UNCLAIM, ref=7)),
    )
    assert decision.changes[0] == ReleaseClaim(107, BOB.id)
    assert decision.changes[1].action is EventAction.UNCLAIMED  # type: ignore[union-attr]
    assert "Carol" in texts(decision)[0] and "Bob" in texts(decision)[0]
    assert edit_of_ack(decision).endswith("✋ Carol")


def test_handing_back_the_last_hold_asks_the_circle_for_cover() -> None:
    decision = decide(
        scene(BOB, "/unclaim 7"), numbered(task(7, BOB)), TaskAct(Intent(Kind.UNCLAIM, ref=7))
    )
    assert decision.changes[0] == ReleaseClaim(107, BOB.id)
    assert texts(decision)[0].endswith("can anyone take it?")
    assert "✋" not in edit_of_ack(decision)  # the acknowledgement asks for a holder again
    assert decision.replies[-1].message.buttons  # with its claim and done buttons


def test_handing_back_a_task_i_do_not_hold_says_so_only_when_numbered() -> None:
    by_number = decide(
        scene(BOB, "/unclaim 7"), numbered(task(7, CAROL)), TaskAct(Intent(Kind.UNCLAIM, ref=7))
    )
    assert by_number.changes == () and "#7" in texts(by_number)[0]
    mine = ActSnapshot(next_number=12, pools={Pool.MINE: ()})
    assert (
        decide(scene(BOB, "can't do it after all"), mine, TaskAct(Intent(Kind.UNCLAIM)))
        == Decision()
    )


def test_done_of_a_recurring_task_opens_the_next_occurrence_with_its_number() -> None:
    weekly = task(7, BOB, recurrence="FREQ=WEEKLY;BYDAY=TU", due_on=None,
                  due_at=datetime(2026, 11, 17, 10, 0, tzinfo=UTC))  # fmt: skip
    decision = decide(scene(BOB, "/done 7"), numbered(weekly), TaskAct(Intent(Kind.DONE, ref=7)))
    changes = decision.changes
    assert changes[0] == SetStatus(
        107, (TaskStatus.OPEN, TaskStatus.MISSED), TaskStatus.DONE, BOB.id
    )
    opening = changes[1]
    assert isinstance(opening, OpenOccurrence) and opening.number == 12
    assert opening.due_at == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert ClaimTask(Opened(12), BOB.id) in changes  # the same people keep holding it
    done_event = changes[-1]
    assert isinstance(done_event, LogEvent) and done_event.action is EventAction.DONE
    assert done_event.detail == {"was": TaskStatus.OPEN, "opened": Opened(12)}
    assert "#12" in texts(decision)[0] and "Tue 24 Nov 10:00" in texts(decision)[0]
    assert "done by Bob" in edit_of_ack(decision)


def test_done_of_a_task_already_followed_opens_nothing_more() -> None:
    weekly = task(7, recurrence="FREQ=WEEKLY;BYDAY=FR")
    snapshot = numbered(weekly, followed=frozenset({weekly.id}))
    decision = decide(scene(BOB, "/done 7"), snapshot, TaskAct(Intent(Kind.DONE, ref=7)))
    assert not any(isinstance(change, OpenOccurrence) for change in decision.changes)
    assert "Next" not in texts(decision)[0]


def urgent(*holders: MemberRecord) -> TaskRecord:
    return task(9, *holders, title="Mum fell, come now", is_urgent=True, due_on=NOW.date())


def emergency(alarm: TaskRecord) -> ActSnapshot:
    return ActSnapshot(
        next_number=12,
        pools={Pool.URGENT: (alarm,), Pool.RECENT_OPEN: (alarm,), Pool.UNCLAIMED: ()},
        acknowledgements={alarm.id: ACK},
    )


def test_on_my_way_claims_the_open_emergency() -> None:
    act = TaskAct(Intent(Kind.NONE), Emergency.HEAD_OUT)
    decision = decide(scene(CAROL, "on my way"), emergency(urgent()), act)
    assert decision.changes[0] == ClaimTask(109, CAROL.id)
    assert decision.replies[0].message.reaction == "👌"
    assert edit_of_ack(decision).endswith("✋ Carol")


def test_on_my_way_with_no_emergency_open_is_read_as_usual() -> None:
    act = TaskAct(Intent(Kind.NONE), Emergency.HEAD_OUT)
    assert decide(scene(CAROL, "on my way"), ActSnapshot(next_number=1), act) == Decision()


def test_all_clear_closes_the_emergency_as_done_by_who_came() -> None:
    act = TaskAct(Intent(Kind.NONE), Emergency.ALL_CLEAR)
    decision = decide(scene(ALICE, "she's ok"), emergency(urgent(CAROL)), act)
    assert decision.changes[0] == SetStatus(109, (TaskStatus.OPEN,), TaskStatus.DONE, CAROL.id)
    event = decision.changes[1]
    assert isinstance(event, LogEvent) and event.member_id == ALICE.id  # her undo reopens it
    assert event.detail == {"was": TaskStatus.OPEN, "all_clear": True}
    assert "Carol" in texts(decision)[0]
    assert "done by Carol" in edit_of_ack(decision)


def test_all_clear_when_nobody_came_cancels_the_emergency() -> None:
    act = TaskAct(Intent(Kind.NONE), Emergency.ALL_CLEAR)
    decision = decide(scene(ALICE, "false alarm"), emergency(urgent()), act)
    assert decision.changes[0] == SetStatus(109, (TaskStatus.OPEN,), TaskStatus.CANCELLED, None)
    assert decision.changes[1].action is EventAction.CANCELLED  # type: ignore[union-attr]
    assert texts(decision)[0].endswith("nobody needs to go.")
    assert "cancelled" in edit_of_ack(decision)


def test_the_decisions_load_no_database_library_and_no_storage_that_does_io() -> None:
    probe = (
        "import json, sys, handlers.claims, handlers.corrections, handlers.decisions, "
        "handlers.forget, handlers.queries, handlers.requests, handlers.settings, "
        "handlers.snoozes, handlers.undo, handlers.moves, handlers.dispatch; "
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'storage'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(loaded) == [
        "storage",
        "storage.changes",
        "storage.kinds",
        "storage.labels",
        "storage.records",
    ]


# -- the circle's decisions ---------------------------------------------------------------------


def test_a_decision_is_recorded_with_the_number_the_snapshot_gave_and_logged_under_it() -> None:
    said = scene(BOB, "decision: Mum moves downstairs", message_id="m9")
    decision = record_decision(said, NewDecision("decision: Mum moves downstairs"), 4)
    assert decision.changes == (
        RecordDecision(4, "Mum moves downstairs", BOB.id, "m9"),
        LogEvent(EventAction.DECIDED, BOB.id, message_id="m9", decision=Decided(4)),
    )
    [reply] = decision.replies
    assert "4" in reply.message.text and "Mum moves downstairs" in reply.message.text
    assert reply.message.reaction == DECIDED_REACTION


def test_an_empty_decision_asks_what_was_decided_and_changes_nothing() -> None:
    decision = record_decision(scene(BOB, "/decide"), NewDecision("/decide"), 4)
    assert decision.changes == ()
    assert texts(decision) == [phrase("decision.ask", ("en",))]


def test_an_edited_decision_is_reworded_from_what_it_read_and_the_old_words_are_kept() -> None:
    edit = DecisionEdit(31, "Mum moves downstairs", "we decided: Mum moves downstairs in March")
    decision = update_decision(scene(ALICE, edit.text), edit)
    new = "we decided: Mum moves downstairs in March"
    assert decision.changes[0] == RewordDecision(31, "Mum moves downstairs", new)
    assert decision.changes[1].detail == {"before": "Mum moves downstairs"}  # type: ignore[union-attr]
    assert new in texts(decision)[0]


def test_an_edit_that_keeps_the_words_changes_and_says_nothing() -> None:
    edit = DecisionEdit(31, "Mum moves downstairs", "decision:  Mum moves   downstairs")
    assert update_decision(scene(ALICE, edit.text), edit) == Decision()


# -- requests -----------------------------------------------------------------------------------


def test_a_request_opens_the_number_the_snapshot_gave_and_is_acknowledged_by_a_mark() -> None:
    text = "can someone pick up the prescription friday?"
    friday = date(2026, 11, 20)
    intent = Intent(Kind.TASK, title="Pick up the prescription", due=friday)
    decision = record_task(
        scene(ALICE, text, message_id="m5"), NewRequest(intent, text), OpeningSnapshot(12)
    )
    assert decision.changes == (
        OpenTask(
            12,
            TaskFields("Pick up the prescription", text, None, friday, None, False),
            "m5",
            ALICE.id,
        ),
        LogEvent(EventAction.TASK_ADDED, ALICE.id, Opened(12), "m5"),
    )
    [ack] = decision.replies
    assert ack.task_id == Opened(12) and ack.is_acknowledgement
    assert ack.message.reaction == NOTED_REACTION and not ack.message.mentions
    assert "#12 Pick up the prescription" in ack.message.text


def test_an_urgent_request_calls_everyone_else_but_at_night_not_who_said_urgent_off() -> None:
    sleeper = replace(BOB, urgent_at_night=False)
    members = (ALICE, sleeper, CAROL)
    intent = Intent(Kind.TASK, title="Come over now", is_urgent=True)
    by_day = scene(ALICE, "MUM FELL come now")
    at_night = replace(by_day, now=NOW.replace(hour=23))
    called = {}
    for name, said in (("day", by_day), ("night", at_night)):
        decision = record_task(
            said, NewRequest(intent, "MUM FELL come now"), OpeningSnapshot(3, members)
        )
        [ack] = decision.replies
        assert ack.message.text.startswith("📝 🚨") and ack.message.reaction is None
        called[name] = [mention.name for mention in ack.message.mentions]
    assert called == {"day": ["Bob", "Carol"], "night": ["Carol"]}


# -- corrections --------------------------------------------------------------------------------


def edited(original: str, intent: Intent, text: str, **fields: object) -> tuple[Scene, MessageEdit]:
    return scene(ALICE, text, **fields), MessageEdit(original, intent, text)


def test_an_edited_request_revises_its_task_and_corrects_the_acknowledgement() -> None:
    text = "can someone pick up the blue inhaler saturday?"
    intent = Intent(Kind.TASK, title="Pick up the blue inhaler", due=date(2026, 11, 21))
    said, act = edited("request", intent, text, message_id="m2")
    decision = decide_edit(said, numbered(task(7, BOB), replied=task(7, BOB)), act)
    assert decision is not None
    revision, logged = decision.changes
    assert revision == ReviseTask(
        107, TaskFields("Pick up the blue inhaler", text, None, date(2026, 11, 21), None, False)
    )
    assert logged.action is EventAction.TASK_EDITED  # type: ignore[union-attr]
    assert logged.detail["before"]["title"] == "Pick up the prescription"  # type: ignore[union-attr]
    assert "#7 Pick up the blue inhaler" in edit_of_ack(decision)
    assert edit_of_ack(decision).endswith("✋ Bob")


def test_an_edited_request_only_marked_says_its_new_reading() -> None:
    intent = Intent(Kind.TASK, title="Buy oat milk")
    said, act = edited("request", intent, "task: buy oat milk")
    decision = decide_edit(said, ActSnapshot(next_number=8, replied=task()), act)
    assert decision is not None and texts(decision)[0].startswith("📝 #7 Buy oat milk")
    assert decision.replies[0].message.edit_of is None


def test_an_edit_of_a_closed_request_or_into_chatter_changes_nothing() -> None:
    done = task(status=TaskStatus.DONE, done_at=NOW, done_by="Bob")
    said, act = edited("request", Intent(Kind.TASK, title="Buy milk"), "task: buy milk")
    assert decide_edit(said, ActSnapshot(next_number=8, replied=done), act) == Decision()
    said, act = edited("request", Intent(Kind.NONE), "lovely weather")
    assert decide_edit(said, ActSnapshot(next_number=8, replied=task()), act) == Decision()


def test_an_edited_decision_is_reworded_and_an_unknown_message_is_read_anew() -> None:
    decided = DecisionRecord(31, 4, "Mum moves downstairs", "Alice", NOW)
    said, act = edited("d-msg", Intent(Kind.DECISION), "we decided: Mum moves downstairs in March")
    decision = decide_edit(said, ActSnapshot(next_number=8, decided=decided), act)
    assert decision is not None
    assert decision.changes[0] == RewordDecision(31, "Mum moves downstairs", act.text)
    assert decide_edit(said, ActSnapshot(next_number=8), act) is None


def test_not_a_task_removes_the_open_task_replied_to_and_says_so() -> None:
    snapshot = numbered(task(7, BOB), replied=task(7, BOB))
    decision = remove_false_task(scene(CAROL, "not a task", reply_to_id=ACK), snapshot)
    assert decision.changes == (
        SetStatus(107, (TaskStatus.OPEN,), TaskStatus.REMOVED),
        LogEvent(EventAction.TASK_REMOVED, CAROL.id, 107, "m1"),
    )
    assert texts(decision)[0] == "🗑 Removed #7 Pick up the prescription"
    assert "#7" in edit_of_ack(decision)
    closed = replace(task(), status=TaskStatus.DONE)
    assert remove_false_task(scene(CAROL, "not a task"), ActSnapshot(8, replied=closed)) == (
        Decision()
    )
    assert FalseTask("m9").wanted.message_id == "m9"


# -- snoozes ------------------------------------------------------------------------------------


def test_a_snooze_without_a_moment_lasts_until_the_circles_next_morning() -> None:
    snapshot = numbered(task(7, BOB))
    decision = decide_snooze(scene(BOB, "/snooze 7"), snapshot, SnoozeRequest(None, number=7))
    morning = datetime(2026, 11, 17, 8, 0, tzinfo=UTC)  # London in November is UTC
    assert decision.changes == (SnoozeTask(107, BOB.id, morning),)
    assert "#7" in texts(decision)[0] and decision.replies[0].message.reaction == "👌"


def test_only_a_holder_of_an_open_task_can_snooze_it_and_remind_me_on_chatter_says_nothing() -> (
    None
):
    held_by_bob = numbered(task(7, BOB))
    not_mine = decide_snooze(scene(CAROL, "/snooze 7"), held_by_bob, SnoozeRequest(None, number=7))
    assert not_mine.changes == () and texts(not_mine) == [
        phrase("snooze.not_on", ("en",), number=7)
    ]
    closed = numbered(task(7, BOB, status=TaskStatus.DONE, done_at=NOW, done_by="Bob"))
    done = decide_snooze(scene(BOB, "/snooze 7"), closed, SnoozeRequest(None, number=7))
    assert done.changes == () and texts(done) == ["#7 is already done."]
    nothing = decide_snooze(
        scene(BOB, "remind me friday"), ActSnapshot(8), SnoozeRequest(None, reply_to_id="chat")
    )
    assert nothing == Decision()


# -- settings -----------------------------------------------------------------------------------


def test_quiet_hours_change_the_circle_and_keep_what_they_were_for_undo() -> None:
    decision = decide_setting(
        scene(BOB, "/quiet 22:00-07:00"), SettingCommand("quiet", "22:00-07:00")
    )
    change, logged = decision.changes
    assert change == ChangeCircle({"quiet_start": "22:00", "quiet_end": "07:00"})
    assert logged.detail == {"before": {"quiet_start": "21:00", "quiet_end": "08:00"}}  # type: ignore[union-attr]
    assert "22:00" in texts(decision)[0]


def test_urgent_off_is_the_members_own_and_a_bad_digest_time_changes_nothing() -> None:
    off = decide_setting(scene(CAROL, "/urgent off"), SettingCommand("urgent", "off"))
    assert off.changes[0] == ChangeMember(CAROL.id, {"urgent_at_night": False})
    bad = decide_setting(scene(CAROL, "/digest soon"), SettingCommand("digest", "soon"))
    assert bad.changes == () and texts(bad) == [phrase("usage.digest", ("en",))]


# -- contacts -----------------------------------------------------------------------------------


def test_a_new_contact_is_kept_and_said_back_and_a_known_one_keeps_its_phone() -> None:
    gp = ContactReading("gp", "Dr Levin", "+442079460000")
    decision = decide_contact(scene(ALICE, "GP is Dr Levin 020 7946 0000"), (), ContactAct(gp))
    assert decision.changes == (KeepContact("gp", "Dr Levin", "+442079460000", ALICE.id),)
    assert "Dr Levin" in texts(decision)[0] and "7946" in texts(decision)[0]
    known = (ContactRecord("gp", "Dr Levin", "+442079460000", "Alice", NOW),)
    renamed = ContactAct(ContactReading("gp", "Dr Patel", None))
    again = decide_contact(scene(BOB, "our GP is Dr Patel now"), known, renamed)
    assert again.changes == (KeepContact("gp", "Dr Patel", None, BOB.id),)
    assert "Dr Patel" in texts(again)[0] and "7946" in texts(again)[0]
    assert texts(again)[0] != texts(decision)[0]


def test_contacts_are_listed_and_a_contact_command_without_one_says_how() -> None:
    known = (ContactRecord("gp", "Dr Levin", None, "Alice", NOW),)
    listed = decide_contact(scene(BOB, "/contacts"), known, ContactAct())
    assert listed.changes == () and "Dr Levin" in texts(listed)[0]
    usage = decide_contact(scene(BOB, "/contact ???"), known, ContactAct(unreadable=True))
    assert usage.changes == () and texts(usage) == [phrase("contact.usage", ("en",))]


# -- questions ----------------------------------------------------------------------------------


def test_open_tasks_are_listed_from_the_snapshot_and_a_page_past_the_end_is_said() -> None:
    shown = ShownSnapshot(open_tasks=(task(7, BOB), task(8, title="Ring the GP")))
    [listed] = answer(scene(ALICE, "/tasks"), shown, Query("tasks")).replies
    assert "#7 Pick up the prescription" in listed.message.text
    assert "#8 Ring the GP" in listed.message.text
    [past] = answer(scene(ALICE, "/tasks 3"), shown, Query("tasks", "3")).replies
    assert past.message.text == phrase("list.no_page", ("en",), page=3, pages=1)
    assert Query("tasks").wanted == frozenset({Shown.OPEN})


def test_an_export_in_an_unknown_form_says_which_forms_there_are() -> None:
    [reply] = answer(scene(ALICE, "/export pdf"), ShownSnapshot(), Query("export", "pdf")).replies
    assert (
        reply.message.text == phrase("export.usage", ("en",)) and reply.message.attachment is None
    )


# -- forgetting ---------------------------------------------------------------------------------


def test_forgetting_the_circle_takes_a_second_member() -> None:
    forget = ForgetAct(whole=True)
    first = decide_forget(scene(ALICE, "/forget"), ForgetSnapshot(), forget)
    assert first.changes == (LogEvent(EventAction.FORGET_REQUESTED, ALICE.id, message_id="m1"),)
    again = decide_forget(scene(ALICE, "/forget"), ForgetSnapshot(requested_by=ALICE.id), forget)
    assert again.changes == () and texts(again) == [phrase("forget.second", ("en",))]
    second = decide_forget(scene(BOB, "/forget"), ForgetSnapshot(requested_by=ALICE.id), forget)
    wiped, logged = second.changes
    assert isinstance(wiped, ForgetCircle) and "message:m1" in wiped.keep_seen
    assert logged == LogEvent(EventAction.FORGOTTEN, None)


def test_forget_me_releases_what_the_member_held_and_says_which() -> None:
    decision = decide_forget(scene(BOB, "/forgetme"), ForgetSnapshot(held=(3, 7)), ForgetAct(False))
    label = phrase("forgetme.label", ("en",))
    assert decision.changes[0] == ForgetMember(BOB.id, label)
    assert decision.changes[1].detail == {"released": [3, 7]}  # type: ignore[union-attr]
    assert "#3, #7" in texts(decision)[0]


# -- undo ---------------------------------------------------------------------------------------


def undoing(action: EventAction, meant: TaskRecord | None = None, **fields: object) -> UndoSnapshot:
    detail = fields.pop("detail", {})
    event = EventRecord(41, action, meant.id if meant else None, None, detail)  # type: ignore[arg-type]
    return UndoSnapshot(event, meant, ACK if meant else None, **fields)  # type: ignore[arg-type]


def test_undo_with_nothing_left_to_take_back_changes_nothing_and_says_so() -> None:
    decided = undo_last(scene(BOB, "undo"), UndoSnapshot(None))
    assert decided.changes == ()
    assert texts(decided) == [phrase("undo.nothing", ("en",))]


def test_undoing_my_claim_releases_only_me_and_the_acknowledgement_shows_who_is_left() -> None:
    decided = undo_last(scene(BOB, "undo"), undoing(EventAction.CLAIMED, task(7, ALICE, BOB)))
    assert decided.changes[:2] == (UndoEvent(41), ReleaseClaim(107, BOB.id))
    logged = decided.changes[-1]
    assert isinstance(logged, LogEvent) and logged.action == EventAction.UNDO
    assert logged.detail == {"undid": 41}
    assert "Alice" in edit_of_ack(decided) and "Bob" not in edit_of_ack(decided)


def test_an_undo_finds_the_task_moved_on_and_leaves_it_as_it_is() -> None:
    """Bob's claim was already released by the time he says undo: only the event goes."""
    decided = undo_last(scene(BOB, "undo"), undoing(EventAction.CLAIMED, task(7, ALICE)))
    assert [type(change) for change in decided.changes] == [UndoEvent, LogEvent]


def test_undoing_a_done_reopens_the_task_and_withdraws_the_untouched_next_occurrence() -> None:
    weekly = task(7, ALICE, status=TaskStatus.DONE, recurrence="FREQ=WEEKLY;BYDAY=TH")
    detail = {"was": "open", "opened": 208}
    snapshot = undoing(EventAction.DONE, weekly, detail=detail, untouched_follower=208)
    decided = undo_last(scene(ALICE, "undo"), snapshot)
    assert decided.changes[1:3] == (
        SetStatus(107, old=(TaskStatus.DONE,), new=TaskStatus.OPEN),
        WithdrawOccurrence(208),
    )
    kept = replace(snapshot, untouched_follower=None)  # someone claimed the next one since
    assert not any(
        isinstance(change, WithdrawOccurrence)
        for change in undo_last(scene(ALICE, "undo"), kept).changes
    )


def test_undoing_a_late_done_puts_back_missed_and_when_it_was_missed() -> None:
    missed_at = NOW - timedelta(days=2)
    done = task(7, ALICE, status=TaskStatus.DONE)
    detail = {"was": "missed", "was_at": missed_at.isoformat()}
    decided = undo_last(scene(ALICE, "undo"), undoing(EventAction.DONE, done, detail=detail))
    assert decided.changes[1:3] == (
        SetStatus(107, old=(TaskStatus.DONE,), new=TaskStatus.MISSED),
        RestoreTask(107, {"done_at": missed_at}),
    )


def test_undoing_an_edit_restores_the_title_and_due_the_task_had() -> None:
    edited = task(7, title="Pick up the wrong thing", due_on=date(2026, 11, 21))
    before = {"title": "Pick up the prescription", "due_on": "2026-11-20", "due_at": None}
    snapshot = undoing(EventAction.TASK_EDITED, edited, detail={"before": before})
    decided = undo_last(scene(ALICE, "undo"), snapshot)
    assert decided.changes[1] == RestoreTask(
        107, {"title": "Pick up the prescription", "due_on": date(2026, 11, 20), "due_at": None}
    )
    assert "Pick up the prescription" in edit_of_ack(decided)


def test_undoing_a_setting_puts_back_the_circle_and_the_member_as_they_were() -> None:
    detail = {"before": {"quiet_start": "22:00"}, "member_before": {"is_muted": False}}
    decided = undo_last(scene(BOB, "undo"), undoing(EventAction.SETTING, detail=detail))
    assert decided.changes[1:3] == (
        ChangeCircle({"quiet_start": "22:00"}),
        ChangeMember(BOB.id, {"is_muted": False}),
    )


# -- a move's checklist -------------------------------------------------------------------------

HOME_FRIDAY = Move(MoveKind.HOME, date(2026, 11, 20))


def test_a_move_is_recorded_and_offered_at_once_with_a_button_naming_it() -> None:
    decided = offer_checklist(
        scene(ALICE, "Mum comes home Friday"), AnnouncedMove(HOME_FRIDAY), None
    )
    [added] = decided.changes
    assert isinstance(added, AddMove) and added.offered and added.day == date(2026, 11, 20)
    [offer] = decided.replies
    assert offer.dedupe_key == offer_key(CIRCLE.id, "home", date(2026, 11, 20))
    [button] = offer.message.buttons
    assert button_move(pressed(button.action)[1]) == ("home", date(2026, 11, 20))  # type: ignore[index]
    assert offer.message.text.count("\n1. ") == 1


def test_a_move_said_in_quiet_hours_is_recorded_for_the_morning_and_not_said_now() -> None:
    night = replace(scene(ALICE, "Mum comes home Friday"), now=NOW.replace(hour=23))
    decided = offer_checklist(night, AnnouncedMove(HOME_FRIDAY), None)
    [added] = decided.changes
    assert isinstance(added, AddMove) and not added.offered and added.offer_at > night.now
    assert decided.replies == ()


def test_a_move_the_circle_has_already_is_neither_recorded_nor_offered_again() -> None:
    known = MoveRecord(5, CIRCLE.id, "home", date(2026, 11, 20), "m0", NOW)
    assert (
        offer_checklist(scene(BOB, "home Friday"), AnnouncedMove(HOME_FRIDAY), known) == Decision()
    )


def test_picked_items_become_tasks_numbered_on_from_the_snapshot_and_taken_twice_add_nothing() -> (
    None
):
    move = MoveRecord(5, CIRCLE.id, "home", date(2026, 11, 20), "m0", NOW)
    items = checklist("home", ("en",))
    decided = take_items(
        scene(BOB, "1 3"), OfferSnapshot(move, frozenset({3}), 12), TakeItems((1, 3))
    )
    assert [c for c in decided.changes if isinstance(c, TakeItem)] == [TakeItem(5, 1)]
    opened = [c for c in decided.changes if isinstance(c, OpenTask)]
    assert [o.number for o in opened] == list(range(12, 12 + len(items[0].dues)))
    assert {o.fields.title for o in opened} == {items[0].title}
    again = take_items(scene(BOB, "3"), OfferSnapshot(move, frozenset({3}), 12), TakeItems((3,)))
    assert again.changes == () and texts(again) == [phrase("move.taken_before", ("en",))]


def test_a_pick_with_no_offer_in_sight_is_chat() -> None:
    assert take_items(scene(BOB, "all"), OfferSnapshot(None), TakeItems()) == Decision()
