"""The circle as an HL7 FHIR R4B Bundle: its team, its plan, and each task as a FHIR Task.

Every resource is built as a ``fhir.resources`` model, so the library checks each field's type
and required elements as the Bundle is assembled, and the JSON is the library's own.

Shape of the Bundle (type ``collection``), chosen for what an R4 system can read without any
profile of ours:

- one ``Patient``: the person the circle cares for. The circle never records who that is, so it
  carries no demographics; it exists so that the plan, the team and the tasks share a subject
  the receiving system can match to its own record.
- a ``RelatedPerson`` per member (and per former member still holding a task). The bot cannot
  tell a clinician from a neighbour, and a label from ``/role`` is self-chosen, never a
  credential, so nobody is exported as a ``Practitioner``.
- a ``CareTeam`` whose participants are the current members, each with their label as a role.
- a ``CarePlan`` with one activity per task (a reference, never a copy) and the decisions as
  notes, each with its author and moment.
- a ``Task`` per task; see ``task_resource`` for how its fields are chosen.

Ids are UUIDv5 names derived from the circle's and each row's database id, so exporting the same
circle twice gives the same ids and full URLs, and two exports can be compared line by line.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from fhir.resources.R4B.annotation import Annotation
from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.careplan import CarePlan, CarePlanActivity
from fhir.resources.R4B.careteam import CareTeam, CareTeamParticipant
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.period import Period
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.relatedperson import RelatedPerson
from fhir.resources.R4B.resource import Resource
from fhir.resources.R4B.task import Task, TaskInput, TaskRestriction

from handlers.formatting import taken_by
from handlers.phrases import phrase
from storage.kinds import TaskStatus
from storage.records import CircleRecord, DecisionRecord, MemberRecord, TaskRecord

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:carecircle")
# Tasks that reached an end state; an open one is "requested" until someone holds it.
_CLOSED_STATUS = {
    TaskStatus.DONE: "completed",
    TaskStatus.CANCELLED: "cancelled",
    TaskStatus.MISSED: "cancelled",
}
# RFC 5545 names its recurrence rules; FHIR names code systems without a URL this way too
# ("urn:ietf:bcp:47" for languages), so a receiver can find the rule by a stable code.
_RRULE = CodeableConcept(coding=[Coding(system="urn:ietf:rfc:5545", code="RRULE")], text="RRULE")


def resource_id(circle: CircleRecord, resource_type: str, row_id: int | None = None) -> str:
    """The id of one of a circle's resources, the same at every export; its full URL is
    ``urn:uuid:`` and the id. ``row_id`` tells a member's or a task's apart."""
    name = f"circle/{circle.id}/{resource_type}" + (f"/{row_id}" if row_id is not None else "")
    return str(uuid.uuid5(_NAMESPACE, name))


def care_plan_bundle(
    circle: CircleRecord,
    members: list[MemberRecord],
    tasks: list[TaskRecord],
    decisions: list[DecisionRecord],
    now: datetime,
) -> str:
    """The circle as a FHIR R4B ``collection`` Bundle, serialised as JSON by the library."""
    patient = Patient(id=resource_id(circle, "Patient"))
    current = {member.id for member in members}
    former = {m.id: m for task in tasks for m in task.claimers if m.id not in current}
    people = [_related_person(circle, member, is_active=True) for member in members]
    people += [_related_person(circle, member, is_active=False) for member in former.values()]
    team = CareTeam(
        id=resource_id(circle, "CareTeam"),
        status="active",
        name=circle.name or None,
        subject=_refer(circle, "Patient"),
        participant=[_participant(circle, member) for member in members] or None,
    )
    activities = [CarePlanActivity(reference=_refer(circle, "Task", t.id)) for t in tasks]
    plan = CarePlan(
        id=resource_id(circle, "CarePlan"),
        status="active",
        intent="plan",
        title=circle.name or phrase("export.circle", circle.languages),
        subject=_refer(circle, "Patient"),
        careTeam=[_refer(circle, "CareTeam")],
        activity=activities or None,
        note=[_decision_note(decision) for decision in decisions] or None,
    )
    resources: list[Resource] = [patient, team, *people, plan]
    resources += [task_resource(circle, task) for task in tasks]
    bundle = Bundle(
        id=resource_id(circle, "Bundle"),
        type="collection",
        timestamp=now,
        entry=[BundleEntry(fullUrl=f"urn:uuid:{r.id}", resource=r) for r in resources],
    )
    return bundle.model_dump_json(indent=2) + "\n"


def task_resource(circle: CircleRecord, task: TaskRecord) -> Task:
    """One task as a FHIR Task.

    - ``status``: open is ``requested``, held is ``accepted`` (the bot hears a claim, never that
      the work started), done is ``completed``; cancelled and missed are ``cancelled``, a missed
      occurrence saying so in ``statusReason``.
    - ``owner`` is the first holder; when several share the task, a note names them all.
    - The due moment is the end of ``restriction.period``, the window the task must be done in;
      ``executionPeriod`` is when it was actually worked on: from the claim to the completion.
    - A recurrence stays the RFC 5545 RRULE the circle's calendar export carries, as a string
      ``input``. ``restriction.repetitions`` only counts occurrences and cannot say "every
      Tuesday", and a ``Timing`` sits on a CarePlan activity's ``detail``, which FHIR does not
      allow beside the ``reference`` that points here.
    """
    languages = circle.languages
    missed = phrase("export.missed", languages) if task.status == TaskStatus.MISSED else None
    due = task.due_at.astimezone(circle.zone) if task.due_at else task.due_on
    return Task(
        id=resource_id(circle, "Task", task.id),
        status=_CLOSED_STATUS.get(task.status) or ("accepted" if task.claimers else "requested"),
        statusReason=CodeableConcept(text=missed) if missed else None,
        intent="plan",
        priority="urgent" if task.is_urgent else "routine",
        description=f"#{task.number} {task.title}",
        basedOn=[_refer(circle, "CarePlan")],
        for_fhir=_refer(circle, "Patient"),
        authoredOn=task.created_at,
        lastModified=task.done_at,
        owner=_person(circle, task.claimers[0]) if task.claimers else None,
        executionPeriod=_period(start=task.held_since, end=task.done_at),
        restriction=TaskRestriction(period=Period(end=due)) if due else None,
        input=[TaskInput(type=_RRULE, valueString=task.recurrence)] if task.recurrence else None,
        note=[Annotation(text=taken_by(task, languages))] if task.claimers else None,
    )


def _related_person(
    circle: CircleRecord, member: MemberRecord, *, is_active: bool
) -> RelatedPerson:
    return RelatedPerson(
        id=resource_id(circle, "RelatedPerson", member.id),
        active=is_active,
        patient=_refer(circle, "Patient"),
        name=[HumanName(text=member.display_name)],
    )


def _participant(circle: CircleRecord, member: MemberRecord) -> CareTeamParticipant:
    role = [CodeableConcept(text=member.role_label)] if member.role_label else None
    return CareTeamParticipant(member=_person(circle, member), role=role)


def _decision_note(decision: DecisionRecord) -> Annotation:
    return Annotation(
        text=f"#{decision.number} {decision.text}",
        time=decision.decided_at,
        authorString=decision.decided_by,
    )


def _person(circle: CircleRecord, member: MemberRecord) -> Reference:
    return _refer(circle, "RelatedPerson", member.id, display=member.display_name)


def _refer(
    circle: CircleRecord,
    resource_type: str,
    row_id: int | None = None,
    *,
    display: str | None = None,
) -> Reference:
    url = f"urn:uuid:{resource_id(circle, resource_type, row_id)}"
    return Reference(reference=url, type=resource_type, display=display)


def _period(*, start: datetime | None, end: datetime | None) -> Period | None:
    if start is None and end is None:
        return None
    return Period(start=start, end=end)
