"""/export fhir: what a clinician's record system reads back from the circle's FHIR Bundle."""

from __future__ import annotations

from datetime import UTC, date, datetime

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.careteam import CareTeam
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.relatedperson import RelatedPerson
from fhir.resources.R4B.task import Task
from icalendar import Calendar

from handlers.fhir import care_plan_bundle
from handlers.ical import as_ical
from storage.records import CircleRecord, DecisionRecord, MemberRecord, TaskRecord
from tests.conftest import START, Circle

WORDS = "Renew the blue badge, form at Zoë's; ask the café"


def _care_circle(circle: Circle) -> None:
    """Five tasks, one in each state a record system tells apart, and a decision."""
    circle.say("alice", "task: renew the blue badge, form at Zoë's; ask the café")  # open
    circle.say("alice", "can someone water the plants every tuesday at 9am?")  # held, a series
    circle.say("bob", "/claim 2")
    circle.say("alice", "task: book the podiatrist friday 3pm")  # done
    circle.say("carol", "/claim 3")
    circle.say("carol", "/done 3")
    circle.say("alice", "urgent: can someone call the GP now?")  # cancelled
    circle.say("alice", "false alarm")
    circle.say("alice", "urgent: can someone bring the inhaler now?")  # urgent, open
    circle.say("bob", "/role GP")
    circle.say("carol", "/role daughter, next of kin; Zoë")
    circle.say("alice", "decision: Mum moves downstairs; no more driving, José agrees")
    circle.bot_messages()


def _exported(circle: Circle) -> Bundle:
    circle.say("dan", "/export fhir")
    [message] = circle.bot_messages()
    assert message.attachment is not None
    return Bundle.model_validate_json(message.attachment.content)


def _resources(bundle: Bundle, kind: type) -> dict[str, object]:
    """The bundle's resources of one type, by full URL."""
    return {
        str(entry.fullUrl): entry.resource
        for entry in bundle.entry or []
        if isinstance(entry.resource, kind)
    }


def _tasks_by_number(bundle: Bundle) -> dict[int, Task]:
    found = _resources(bundle, Task).values()
    return {int(task.description.split()[0][1:]): task for task in found}  # type: ignore[attr-defined]


def _name_of(bundle: Bundle, reference: Reference) -> str:
    person = _resources(bundle, RelatedPerson)[reference.reference]  # type: ignore[index]
    return person.name[0].text  # type: ignore[attr-defined]


def test_the_fhir_export_is_a_file_a_record_system_takes(circle: Circle) -> None:
    _care_circle(circle)
    circle.say("dan", "/export fhir")
    [message] = circle.bot_messages()
    assert message.text.startswith("📎 The circle's team, plan and tasks as FHIR (R4B)")
    assert message.attachment is not None
    assert message.attachment.filename == "carecircle-fhir.json"
    assert message.attachment.media_type == "application/fhir+json"
    bundle = Bundle.model_validate_json(message.attachment.content)
    assert bundle.type == "collection"
    assert all(str(e.fullUrl).startswith("urn:uuid:") for e in bundle.entry or [])


def test_each_task_state_reads_as_the_fhir_status_a_clinician_knows(circle: Circle) -> None:
    _care_circle(circle)
    tasks = _tasks_by_number(_exported(circle))
    statuses = {number: task.status for number, task in tasks.items()}
    assert statuses == {
        1: "requested",
        2: "accepted",
        3: "completed",
        4: "cancelled",
        5: "requested",
    }
    assert [n for n, task in tasks.items() if task.priority == "urgent"] == [4, 5]
    assert tasks[1].description == f"#1 {WORDS}"


def test_a_held_task_is_owned_by_whoever_holds_it(circle: Circle) -> None:
    _care_circle(circle)
    bundle = _exported(circle)
    tasks = _tasks_by_number(bundle)
    assert _name_of(bundle, tasks[2].owner) == "Bob"  # type: ignore[arg-type]
    assert _name_of(bundle, tasks[3].owner) == "Carol"  # type: ignore[arg-type]
    assert tasks[1].owner is None
    assert tasks[3].executionPeriod.end == START  # type: ignore[union-attr]


def test_the_due_moment_ends_the_window_a_task_must_be_done_in(circle: Circle) -> None:
    _care_circle(circle)
    tasks = _tasks_by_number(_exported(circle))
    assert tasks[3].restriction.period.end == datetime(2026, 11, 20, 15, tzinfo=UTC)  # type: ignore[union-attr]
    assert tasks[5].restriction.period.end == date(2026, 11, 16)  # type: ignore[union-attr]
    assert tasks[1].restriction is None


def test_a_series_keeps_its_rule(circle: Circle) -> None:
    _care_circle(circle)
    tasks = _tasks_by_number(_exported(circle))
    [rule] = tasks[2].input or []
    assert (rule.type.text, rule.valueString) == ("RRULE", "FREQ=WEEKLY;BYDAY=TU")
    assert tasks[3].input is None


def test_the_care_plan_points_at_every_task_and_keeps_the_decisions(circle: Circle) -> None:
    _care_circle(circle)
    bundle = _exported(circle)
    [plan] = _resources(bundle, CarePlan).values()
    pointed = [activity.reference.reference for activity in plan.activity]  # type: ignore[attr-defined]
    assert sorted(pointed) == sorted(_resources(bundle, Task))
    [note] = plan.note  # type: ignore[attr-defined]
    assert note.text == "#1 Mum moves downstairs; no more driving, José agrees"
    assert note.authorString == "Alice"


def test_the_care_team_shows_each_members_own_label_as_a_role(circle: Circle) -> None:
    _care_circle(circle)
    bundle = _exported(circle)
    [team] = _resources(bundle, CareTeam).values()
    roles = {
        _name_of(bundle, p.member): [role.text for role in p.role or []]
        for p in team.participant  # type: ignore[attr-defined]
    }
    assert roles == {
        "Alice": [],
        "Bob": ["GP"],
        "Carol": ["daughter, next of kin; Zoë"],
        "Dan": [],
    }


def test_exporting_again_gives_the_same_ids(circle: Circle) -> None:
    _care_circle(circle)
    first = [entry.fullUrl for entry in _exported(circle).entry or []]
    circle.later(days=1)
    circle.say("dan", "/claim 1")
    circle.bot_messages()
    again = [entry.fullUrl for entry in _exported(circle).entry or []]
    assert again == first


# Words storage would flatten to one line, handed straight to the exports.
PARIS = CircleRecord(1, "console", "family", "Mamie", "Europe/Paris", ("fr",), "", "", None)
ANNA = MemberRecord(7, "anna", "Anna; Zoë", "infirmière,\nlibérale", False)
MISSED = TaskRecord(
    id=3,
    number=3,
    title="Arroser les plantes,\nle balcon; la cour",
    due_at=datetime(2026, 11, 17, 8, tzinfo=UTC),
    due_on=None,
    recurrence="FREQ=WEEKLY;BYDAY=TU",
    is_urgent=False,
    status="missed",
    requester_id=None,
    claimers=(ANNA,),
    held_since=START,
    done_at=START,
    done_by=None,
    created_at=START,
    source_message_id=None,
)
DECIDED = DecisionRecord(1, 1, "On garde\nle lit médicalisé", "Anna; Zoë", START)


def test_a_missed_occurrence_is_cancelled_and_says_why_in_the_circles_language() -> None:
    bundle = Bundle.model_validate_json(care_plan_bundle(PARIS, [ANNA], [MISSED], [], START))
    [task] = _resources(bundle, Task).values()
    assert task.status == "cancelled"  # type: ignore[attr-defined]
    assert task.statusReason.text == "manquée"  # type: ignore[attr-defined]
    assert str(task.restriction.period.end) == "2026-11-17 09:00:00+01:00"  # type: ignore[attr-defined]


def test_line_breaks_and_punctuation_survive_both_files() -> None:
    bundle = Bundle.model_validate_json(care_plan_bundle(PARIS, [ANNA], [MISSED], [DECIDED], START))
    [task] = _resources(bundle, Task).values()
    assert task.description == f"#3 {MISSED.title}"  # type: ignore[attr-defined]
    assert task.note[0].text == "Prise par Anna; Zoë"  # type: ignore[attr-defined]
    [team] = _resources(bundle, CareTeam).values()
    assert team.participant[0].role[0].text == "infirmière,\nlibérale"  # type: ignore[attr-defined]
    [plan] = _resources(bundle, CarePlan).values()
    assert plan.note[0].text == "#1 On garde\nle lit médicalisé"  # type: ignore[attr-defined]
    assert plan.note[0].authorString == "Anna; Zoë"  # type: ignore[attr-defined]
    calendar = Calendar.from_ical(as_ical(PARIS, [MISSED], START))
    [todo] = calendar.walk("VTODO")
    assert str(todo["SUMMARY"]) == f"#3 {MISSED.title}"
    assert str(todo["DESCRIPTION"]) == "Prise par Anna; Zoë"


def test_a_member_who_left_still_owns_what_they_hold_but_leaves_the_team(circle: Circle) -> None:
    _care_circle(circle)
    circle.core.member_left(circle.platform, circle.chat_id, "bob", circle.now)
    bundle = _exported(circle)
    owner = _tasks_by_number(bundle)[2].owner
    assert owner is not None and _name_of(bundle, owner) == "Bob"
    bob = _resources(bundle, RelatedPerson)[owner.reference]  # type: ignore[index]
    assert bob.active is False  # type: ignore[attr-defined]
    [team] = _resources(bundle, CareTeam).values()
    assert "Bob" not in [p.member.display for p in team.participant]  # type: ignore[attr-defined]


def test_a_bot_loads_the_export_libraries_only_for_an_export() -> None:
    """The FHIR models and icalendar hold tens of megabytes a bot for many circles need not
    carry until a member asks for an export."""
    import subprocess
    import sys

    probe = "import sys, bot.core; print(sorted({'fhir', 'icalendar'} & set(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert loaded == "[]"
