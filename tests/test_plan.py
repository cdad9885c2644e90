"""The plan: assembled from what the circle keeps, in its language, always one message."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.demo import DEMO_END, run_demo
from handlers.formatting import MESSAGE_MAX_UNITS
from handlers.messages import Outgoing
from tests.conftest import Circle
from tests.platform_limits import fits_one_message

HEADS = (
    "👥 In the circle",
    "🤝 Decided",
    "🔁 Routines",
    "📅 Next 7 days",
    "🙋 Nobody holds yet",
    "📇 Contacts",
)


def the_plan(circle: Circle, who: str = "alice", text: str = "/plan") -> Outgoing:
    circle.bot_messages()
    circle.say(who, text)
    [message] = circle.bot_messages()
    return message


def sections(text: str) -> dict[str, list[str]]:
    """The plan's lines under each heading it shows."""
    found: dict[str, list[str]] = {}
    current = None
    for line in text.split("\n")[1:]:
        if line in HEADS:
            current = found.setdefault(line, [])
        else:
            assert current is not None, line
            current.append(line)
    return found


def test_a_new_circle_plan_shows_who_is_in_it_with_their_labels(circle: Circle) -> None:
    circle.say("alice", "/role daughter")
    circle.say("bob", "hello")
    text = the_plan(circle).text
    assert text.split("\n")[0] == "🗂 The plan — Mum"
    assert sections(text) == {"👥 In the circle": ["Alice (daughter)", "Bob"]}


def test_each_section_is_read_from_what_the_circle_keeps(circle: Circle) -> None:
    circle.say("alice", "we decided Mum moves downstairs")
    circle.say("bob", "we need someone to water the plants every Monday and Thursday")
    circle.say("bob", "/claim 1")
    circle.say("carol", "task: book the podiatrist in 3 days")
    circle.say("carol", "task: renew the blue badge in 10 days")
    circle.say("dan", "the GP is Dr Levin, 020 7946 0000")
    shown = sections(the_plan(circle).text)
    assert shown["🤝 Decided"] == ["#1 we decided Mum moves downstairs"]
    assert shown["🔁 Routines"] == ["#1 Water the plants — every Mon/Thu · ✋ Bob"]
    assert shown["📅 Next 7 days"] == [
        "#2 Book the podiatrist — Thu 19 Nov · nobody yet",
        "#1 Water the plants — Thu 19 Nov · every Mon/Thu · ✋ Bob",
    ]
    assert shown["🙋 Nobody holds yet"] == [
        "#2 Book the podiatrist — Thu 19 Nov",
        "#3 Renew the blue badge — Thu 26 Nov",
    ]
    assert shown["📇 Contacts"] == ["GP: Dr Levin · +44 20 7946 0000"]


def test_what_is_done_or_claimed_leaves_the_plan_sections_it_no_longer_belongs_to(
    circle: Circle,
) -> None:
    circle.say("carol", "task: book the podiatrist in 3 days")
    assert "🙋 Nobody holds yet" in sections(the_plan(circle).text)
    circle.say("bob", "/claim 1")
    shown = sections(the_plan(circle).text)
    assert "🙋 Nobody holds yet" not in shown
    assert shown["📅 Next 7 days"] == ["#1 Book the podiatrist — Thu 19 Nov · ✋ Bob"]
    circle.say("bob", "/done 1")
    assert "📅 Next 7 days" not in sections(the_plan(circle).text)


def test_the_demo_circles_plan_fits_one_telegram_message(
    core, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    run_demo(core)
    capsys.readouterr()
    demo = Circle(core, chat_id="demo", now=DEMO_END, _ids=itertools.count(1000))
    message = the_plan(demo)
    fits_one_message(message)
    shown = sections(message.text)
    assert shown["🔁 Routines"] == ["#6 Sit with Mum — every Sat · ✋ Carol"]
    assert shown["🤝 Decided"] == ["#1 we decided Mum moves into the downstairs room next week"]
    assert set(shown) >= {"👥 In the circle", "🙋 Nobody holds yet"}


def test_a_big_circles_plan_fits_one_message_and_says_how_many_more(circle: Circle) -> None:
    count = 30
    for index in range(count):
        circle.say(f"member{index}", f"/role {'family friend and neighbour from number 12 ' * 2}")
        circle.say(f"member{index}", f"decision: {'Mum keeps her own routine at home ' * 30}")
        circle.say(f"member{index}", f"task: water the plants every Monday, plant {index}")
        circle.say(f"member{index}", f"/claim {2 * index + 1}")
        circle.say(f"member{index}", f"task: ring the council tomorrow about form {index}")
        circle.say(
            f"member{index}",
            f"/contact helper{index} Alexandra Montgomery-Fitzwilliam +44 20 7946 {index:04}",
        )
    message = the_plan(circle)
    fits_one_message(message)
    assert len(message.text) < MESSAGE_MAX_UNITS
    shown = sections(message.text)
    assert set(shown) == set(HEADS)
    # Every section shows a few and counts the rest: nothing is silently dropped.
    totals = {head: count for head in HEADS}
    totals |= {"👥 In the circle": count + 1, "📅 Next 7 days": 2 * count}  # + Alice, who asks
    for head, lines in shown.items():
        more = re.fullmatch(r"…and (\d+) more(?:: (/\w+))?", lines[-1])
        assert more is not None, (head, lines[-1])
        assert 1 <= len(lines) - 1 <= 8
        assert len(lines) - 1 + int(more.group(1)) == totals[head], head
    assert shown["🤝 Decided"][-1].endswith(": /decisions")
    assert shown["📇 Contacts"][-1].endswith(": /contacts")


@pytest.mark.parametrize(
    ("language", "asked", "head"),
    [
        ("en", "where are we with Mum's care?", "🗂 The plan — Mum"),
        ("es", "¿cómo vamos con el cuidado de mamá?", "🗂 El plan — Mum"),
        ("fr", "où en est-on pour maman ?", "🗂 Le plan — Mum"),
        ("de", "wie steht es um Mamas Pflege?", "🗂 Der Plan — Mum"),
        ("pt", "como estamos com os cuidados da mãe?", "🗂 O plano — Mum"),
        ("it", "a che punto siamo con la mamma?", "🗂 Il piano — Mum"),
    ],
)
def test_the_plan_asked_in_plain_words_comes_in_the_circles_language(
    circle: Circle, language: str, asked: str, head: str
) -> None:
    circle.say("alice", f"/language {language}")
    message = the_plan(circle, "bob", asked)
    assert message.text.split("\n")[0] == head


def test_a_question_that_is_not_about_the_plan_stays_chat(circle: Circle) -> None:
    circle.say("alice", "where are you? we're at the café")
    assert circle.texts() == []
