"""Every plain-words example /help gives, in each language, does what /help says it does."""

from __future__ import annotations

import pytest

from handlers.guide import help_text
from storage import circles
from storage import decisions as stored_decisions
from storage import tasks as stored_tasks
from storage.records import TaskRecord
from tests.conftest import Circle
from tests.help_examples import EXAMPLES

DECIDED = {
    "en": "Mum moves downstairs",
    "es": "que mamá se muda abajo",
    "fr": "que maman dort en bas",
    "de": ", dass Mama unten schläft",
    "pt": "que a mãe dorme em baixo",
    "it": "che la mamma dorme giù",
}


def tasks_of(circle: Circle) -> dict[int, TaskRecord]:
    def read(session):
        row = circles.find_circle(session, circle.platform, circle.chat_id)
        return stored_tasks.all_tasks(session, row.id)  # type: ignore[union-attr]

    return {task.number: task for task in circle.core.database.run(read)}


def decision_count(circle: Circle) -> int:
    def read(session):
        row = circles.find_circle(session, circle.platform, circle.chat_id)
        return len(stored_decisions.decisions(session, row.id))  # type: ignore[union-attr]

    return circle.core.database.run(read)


def holders(task: TaskRecord) -> list[str]:
    return [member.display_name for member in task.claimers]


@pytest.mark.parametrize("language", list(EXAMPLES))
def test_help_documents_these_examples(language: str) -> None:
    shown = help_text((language,))
    for example in EXAMPLES[language].values():
        assert example in shown, (language, example)


@pytest.mark.parametrize("language", list(EXAMPLES))
def test_every_example_in_help_acts_through_the_core(circle: Circle, language: str) -> None:
    said = EXAMPLES[language]
    circle.say("alice", f"/language {language}")
    asked = circle.say("alice", said["request"])
    assert tasks_of(circle)[1].status == "open", said["request"]

    circle.say("bob", said["claim"], reply_to_id=asked)
    assert holders(tasks_of(circle)[1]) == ["Bob"], said["claim"]
    circle.say("bob", said["hand_back"], reply_to_id=asked)
    assert holders(tasks_of(circle)[1]) == [], said["hand_back"]
    circle.say("carol", said["me"].replace("#4", "#1"))
    assert holders(tasks_of(circle)[1]) == ["Carol"], said["me"]
    circle.say("carol", said["done"], reply_to_id=asked)
    assert tasks_of(circle)[1].status == "done", said["done"]

    circle.say("alice", said["request"])
    circle.say("dan", said["number_done"].replace("#4", "#2"))
    assert tasks_of(circle)[2].status == "done", said["number_done"]

    third = circle.say("alice", said["request"])
    circle.say("dan", "✋", reaction="✋", reply_to_id=third)
    assert holders(tasks_of(circle)[3]) == ["Dan"], "✋"
    circle.say("dan", "✅", reaction="✅", reply_to_id=third)
    assert tasks_of(circle)[3].status == "done", "✅"

    circle.say(
        "alice", said["decided"].replace(" …", "").replace("…", "") + " " + DECIDED[language]
    )
    assert decision_count(circle) == 1, said["decided"]
    circle.say("alice", f"decision: {DECIDED[language].strip(', ')}")
    assert decision_count(circle) == 2, "decision: …"

    wrong = circle.say("alice", said["request"])
    circle.say("bob", said["not_a_task"], reply_to_id=wrong)
    assert 4 not in tasks_of(circle), said["not_a_task"]
    circle.say("bob", said["undo"])
    assert tasks_of(circle)[4].status == "open", said["undo"]
