"""Every plain-words example /help gives, in each language, does what /help says it does."""

from __future__ import annotations

import pytest

from handlers.guide import help_text
from storage import circles
from storage import decisions as stored_decisions
from storage import tasks as stored_tasks
from storage.records import TaskRecord
from tests.conftest import Circle

# What /help shows in each language: a request, a claim (as a reply), "#N <me>", a hand-back,
# a done (as a reply), "#N <done>", two ways to record a decision, "not a task", "undo".
EXAMPLES = {
    "en": {
        "request": "can someone pick up Mum's prescription Friday 3pm?",
        "claim": "I'll take it",
        "me": "#4 me",
        "hand_back": "can't make it after all",
        "done": "done",
        "number_done": "#4 done",
        "decided": "we decided …",
        "not_a_task": "not a task",
        "undo": "undo",
    },
    "es": {
        "request": "¿alguien puede recoger la receta de mamá el viernes a las 15?",
        "claim": "me encargo",
        "me": "#4 yo",
        "hand_back": "ya no puedo",
        "done": "hecho",
        "number_done": "#4 hecho",
        "decided": "hemos decidido …",
        "not_a_task": "no es una tarea",
        "undo": "deshacer",
    },
    "fr": {
        "request": "quelqu'un peut chercher l'ordonnance de maman vendredi 15h ?",
        "claim": "je m'en charge",
        "me": "#4 moi",
        "hand_back": "je ne peux plus",
        "done": "fait",
        "number_done": "#4 fait",
        "decided": "on a décidé …",
        "not_a_task": "pas une tâche",
        "undo": "annuler",
    },
    "de": {
        "request": "Kann jemand Mamas Rezept Freitag um 15 Uhr abholen?",
        "claim": "übernehme ich",
        "me": "#4 ich",
        "hand_back": "kann ich doch nicht mehr",
        "done": "erledigt",
        "number_done": "#4 erledigt",
        "decided": "wir haben entschieden …",
        "not_a_task": "keine Aufgabe",
        "undo": "rückgängig",
    },
    "pt": {
        "request": "alguém pode buscar a receita da mãe sexta às 15h?",
        "claim": "deixa comigo",
        "me": "#4 eu",
        "hand_back": "não vou conseguir",
        "done": "feito",
        "number_done": "#4 feito",
        "decided": "decidimos …",
        "not_a_task": "não é tarefa",
        "undo": "desfazer",
    },
    "it": {
        "request": "qualcuno può ritirare la ricetta della mamma venerdì alle 15?",
        "claim": "ci penso io",
        "me": "#4 io",
        "hand_back": "non riesco più",
        "done": "fatto",
        "number_done": "#4 fatto",
        "decided": "abbiamo deciso …",
        "not_a_task": "non è un compito",
        "undo": "annulla",
    },
}
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
