"""An act lands on a task only when the message clearly points at it, and says so in words."""

from __future__ import annotations

from tests.conftest import Circle

# The circle's clock starts on Monday 16 November 2026, 09:00 in London.


def holders(circle: Circle) -> str:
    circle.bot_messages()
    circle.say("zed", "/tasks")
    return circle.texts()[-1]


def test_news_of_a_past_visit_does_not_close_the_coming_one(circle: Circle) -> None:
    circle.say("alice", "task: take Mum to the hospital Friday 3pm for the scan")
    circle.later(days=7)  # the next Monday: that Friday is past, a new one comes
    circle.say("alice", "task: take Mum to the hospital Friday 3pm for her results")
    circle.say("bob", "/done 1")
    circle.bot_messages()
    circle.say(
        "bob", "we took Mum to the hospital on Friday at 3pm for the scan, she was brilliant"
    )
    circle.bot_messages()
    assert "#2 Take Mum to the hospital" in holders(circle)


def test_done_as_a_reply_to_chatter_closes_nothing(circle: Circle) -> None:
    circle.say("ana", "/language es")
    circle.say("ana", "¿alguien puede abrirle a la enfermera el jueves?")
    chatter = circle.say("ana", "qué frío hace hoy")
    circle.bot_messages()
    circle.say("luis", "hecho", reply_to_id=chatter)
    assert circle.bot_messages() == []
    assert "#1" in holders(circle)


def test_a_claim_of_something_else_takes_no_task(circle: Circle) -> None:
    circle.say("alice", "task: take Mum to the GP")
    circle.bot_messages()
    circle.say("carol", "I'll do the big Tesco shop on Saturday")
    assert circle.bot_messages() == []
    assert "Carol" not in holders(circle)


def test_a_claim_naming_a_day_joins_that_days_task(circle: Circle) -> None:
    circle.say("alice", "task: cook Mum's dinner Monday 23rd")
    circle.say("alice", "task: cook Mum's dinner Thursday 19th")
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.say("carol", "I'll do Monday's dinner")
    lines = holders(circle).splitlines()
    assert "Carol" in next(line for line in lines if "#1" in line)
    assert "Carol" not in next(line for line in lines if "#2" in line)


def test_a_claim_without_a_pointer_is_said_in_words(circle: Circle) -> None:
    circle.say("alice", "task: sit with Dad on Friday")
    circle.bot_messages()
    circle.say("carol", "Friday works for me, I'm off anyway")
    [answer] = circle.bot_messages()
    assert answer.reaction is None
    assert answer.text.startswith("✋ Carol has #1 Sit with Dad")


def test_a_vague_claim_asks_nobody_to_choose(circle: Circle) -> None:
    circle.say("alice", "task: book the podiatrist for the 20th")
    circle.say("alice", "task: renew the blue badge by the 25th")
    circle.bot_messages()
    circle.say("carol", "I think it's the 18th but I'll check the letter")
    circle.say("dave", "I can do weekdays for the sugar but not weekends")
    assert circle.bot_messages() == []
