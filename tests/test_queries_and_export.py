"""What any member can ask for: lists, their own tasks, decisions, and the whole circle exported."""

from __future__ import annotations

import json
from datetime import date

import recurring_ical_events
from icalendar import Calendar

from tests.conftest import Circle


def _busy_circle(circle: Circle) -> None:
    circle.say("alice", "task: book the podiatrist, urgently; really")
    circle.say("alice", "task: renew the blue badge")
    circle.say("bob", "/claim 2")
    circle.say("carol", "/claim 1")
    circle.say("carol", "/done 1")
    circle.say("alice", "decision: Mum moves downstairs")
    circle.bot_messages()


def test_mine_lists_only_what_i_hold(circle: Circle) -> None:
    _busy_circle(circle)
    circle.say("bob", "/mine")
    assert circle.texts() == ["Bob's tasks:\n#2 Renew the blue badge"]


def test_a_decision_is_marked_as_agreed_and_a_task_as_noted(circle: Circle) -> None:
    decided = circle.say("alice", "we decided Mum moves downstairs")
    asked = circle.say("alice", "can someone ring the council about the stairlift?")
    marks = [(m.reaction, m.reply_to_id) for m in circle.bot_messages()]
    assert marks == [("🤝", decided), ("✍", asked)]


def test_decisions_list_who_decided(circle: Circle) -> None:
    _busy_circle(circle)
    circle.say("dan", "/decisions")
    assert circle.texts() == ["Decisions:\n#1 Mum moves downstairs (Alice, Mon 16 Nov)"]


def test_export_markdown_has_everything(circle: Circle) -> None:
    _busy_circle(circle)
    circle.say("dan", "/export")
    [text] = circle.texts()
    assert "## Open tasks\n- #2 Renew the blue badge — ✋ Bob" in text
    assert "## Done\n- #1 Book the podiatrist, urgently; really — Carol" in text
    assert "## Decisions\n- #1 Mum moves downstairs" in text


def test_export_json_is_a_file_any_member_can_get(circle: Circle) -> None:
    _busy_circle(circle)
    circle.say("dan", "/export json")
    [message] = circle.bot_messages()
    assert message.attachment is not None and message.attachment.filename == "carecircle.json"
    document = json.loads(message.attachment.content)
    assert [(t["number"], t["status"], t["claimed_by"]) for t in document["tasks"]] == [
        (1, "done", ["Carol"]),
        (2, "open", ["Bob"]),
    ]
    assert document["decisions"][0]["decided_by"] == "Alice"


def test_export_ics_escapes_text_and_marks_completion(circle: Circle) -> None:
    _busy_circle(circle)
    circle.say("dan", "/export ics")
    [message] = circle.bot_messages()
    assert message.attachment is not None
    calendar = message.attachment.content
    assert calendar.startswith("BEGIN:VCALENDAR\r\n")
    assert "SUMMARY:#1 Book the podiatrist\\, urgently\\; really\r\n" in calendar
    assert calendar.count("BEGIN:VTODO") == 2
    assert "STATUS:COMPLETED" in calendar and "STATUS:NEEDS-ACTION" in calendar
    assert all(len(line.encode()) <= 75 for line in calendar.split("\r\n"))


def _calendar(circle: Circle) -> Calendar:
    """The circle's calendar file, as a calendar app re-reads it."""
    circle.say("dan", "/export ics")
    [message] = circle.bot_messages()
    assert message.attachment is not None and message.attachment.media_type == "text/calendar"
    return Calendar.from_ical(message.attachment.content)


def test_export_ics_reads_back_with_the_members_words(circle: Circle) -> None:
    circle.say("alice", "task: renew the blue badge, form at Zoë's; ask the café")
    circle.say("bob", "/claim 1")
    circle.say("alice", "urgent: can someone call the GP now?")
    circle.bot_messages()
    todos = {str(todo["SUMMARY"]): todo for todo in _calendar(circle).walk("VTODO")}
    held = todos["#1 Renew the blue badge, form at Zoë's; ask the café"]
    assert str(held["DESCRIPTION"]) == "Taken by Bob"
    assert "PRIORITY" not in held and todos["#2 Call the GP now"]["PRIORITY"] == 1


def test_export_ics_repeats_a_series_at_the_same_local_time_across_the_clock_change(
    circle: Circle,
) -> None:
    circle.say("alice", "can someone water the plants every tuesday at 9am?")
    circle.say("alice", "task: book the podiatrist friday 3pm")
    circle.bot_messages()
    calendar = _calendar(circle)
    # London moves its clocks on Sunday 28 March 2027.
    occurrences = recurring_ical_events.of(calendar, components=["VTODO"]).between(
        date(2027, 3, 20), date(2027, 4, 7)
    )
    dues = [todo["DUE"].dt for todo in occurrences]
    assert [(due.date(), due.hour) for due in dues] == [
        (date(2027, 3, 23), 9),
        (date(2027, 3, 30), 9),
        (date(2027, 4, 6), 9),
    ]
    assert [str(due.tzinfo) for due in dues] == ["Europe/London"] * 3
    first = recurring_ical_events.of(calendar, components=["VTODO"]).between(
        date(2026, 11, 16), date(2026, 11, 25)
    )
    assert sorted(todo["DUE"].dt.date() for todo in first) == [
        date(2026, 11, 17),
        date(2026, 11, 20),
        date(2026, 11, 24),
    ]


def test_one_circle_never_sees_another(circle: Circle) -> None:
    _busy_circle(circle)
    other = Circle(circle.core, chat_id="another-family", now=circle.now)
    other.say("zoe", "/tasks")
    other.say("zoe", "/claim 2")
    other.say("zoe", "/export json")
    messages = other.bot_messages()
    assert [m.text for m in messages[1:3]] == ["No open tasks. 🌿", "There is no task #2."]
    exported = messages[3].attachment
    assert exported is not None and json.loads(exported.content)["tasks"] == []


def test_forgetting_takes_a_second_member(circle: Circle) -> None:
    _busy_circle(circle)
    circle.say("alice", "/forget")
    circle.say("alice", "/forget")
    circle.say("bob", "/tasks")
    texts = circle.texts()
    assert texts[0].startswith("⚠️ Alice asks me to forget everything")
    assert texts[1] == "Another member needs to confirm with /forget — it takes two."
    assert "#2 Renew the blue badge" in texts[2]
    circle.say("bob", "/forget")
    circle.say("bob", "/tasks")
    circle.say("bob", "/decisions")
    assert circle.texts()[0].startswith("🧹 Done")
    circle.say("carol", "task: a fresh start")
    assert circle.texts()[0].startswith("📝 #1 A fresh start")


def test_a_request_to_forget_can_be_cancelled_or_expire(circle: Circle) -> None:
    _busy_circle(circle)
    circle.say("alice", "/forget")
    circle.say("alice", "undo")
    circle.say("bob", "/forget")  # a new request, not a confirmation
    circle.later(hours=25)
    circle.say("carol", "/forget")  # bob's request has expired: another new request
    texts = circle.texts()
    assert texts[1] == "↶ Undone: Alice's last request to forget."
    assert texts[2].startswith("⚠️ Bob asks me") and texts[3].startswith("⚠️ Carol asks me")
