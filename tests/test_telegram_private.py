"""A member's private chat with the bot on Telegram: /mine across their groups, /start for all.

The groups and the private chats live on the test Bot API server; which group someone is in
is what its getChatMember answers at that moment, as on Telegram.
"""

from __future__ import annotations

import pytest

from storage import circles
from tests.telegram_chats import user
from tests.telegram_family import ALICE, BOB, GROUP, Family, family_test

pytestmark = pytest.mark.telegram

OTHER_GROUP = -1005678
START_LINK = "https://t.me/carecircle_test_bot?startgroup=carecircle"


async def ask_privately(family: Family, who: dict[str, object], text: str) -> str:
    """``who`` writes ``text`` to the bot in private; returns the bot's answer there."""
    chat = family.server.private_chat(who)
    return (await family.answer_to(chat, await family.says(chat, who, text))).text


def is_a_circle(family: Family, chat_id: int) -> bool:
    assert family.bot is not None
    find = circles.find_circle
    return family.bot.core.database.run(find, "telegram", str(chat_id)) is not None


@family_test
async def test_a_member_sees_what_they_hold_in_each_group_they_are_still_in(
    family: Family,
) -> None:
    await family.joined(GROUP, "Mum's <care>")
    await family.joined(OTHER_GROUP, "Dad's care")
    await family.asks(GROUP, ALICE, "task: book the GP Friday 10:00")
    await family.asks(GROUP, BOB, "task: water the plants")
    await family.asks(OTHER_GROUP, ALICE, "task: drive Dad to dialysis Tuesday 9:00")
    await family.asks(OTHER_GROUP, BOB, "task: renew the blue badge")
    for group, who in ((GROUP, ALICE), (GROUP, BOB), (OTHER_GROUP, ALICE)):
        assert await family.reaction_on(group, await family.says(group, who, "/claim 1")) == "👌"
    await family.says(GROUP, ALICE, "/claim 2")

    mine = await ask_privately(family, ALICE, "/mine")
    assert mine.splitlines() == [
        "What you hold in your circles:",  # the soonest first, whichever circle it is in
        "Dad's care · #1 Drive Dad to dialysis — Tue 17 Nov 09:00",
        "Mum's <care> · #1 Book the GP — Fri 20 Nov 10:00",  # escaped on the way, shown as is
        "Mum's <care> · #2 Water the plants",
    ]
    assert "blue badge" not in mine
    asked = {(call["chat_id"], call["user_id"]) for call in family.server.received("getChatMember")}
    assert {(GROUP, ALICE["id"]), (OTHER_GROUP, ALICE["id"])} <= asked

    family.server.member_leaves(OTHER_GROUP, ALICE)
    mine = await ask_privately(family, ALICE, "/mine")
    assert "Dad" not in mine and "#1 Book the GP" in mine

    # Gone from the other group too, though nobody told the bot: only Telegram knows.
    family.server.member_leaves_unseen(GROUP, ALICE)
    mine = await ask_privately(family, ALICE, "/mine")
    assert START_LINK in mine
    assert "<care>" not in mine and "Dad" not in mine
    assert "GP" not in mine and "plants" not in mine
    assert not is_a_circle(family, ALICE["id"])


@family_test
async def test_a_stranger_learns_only_how_to_start_a_circle_in_their_language(
    family: Family,
) -> None:
    await family.joined(GROUP, "Mum's care")
    await family.asks(GROUP, ALICE, "task: book the GP")
    await family.says(GROUP, ALICE, "/claim 1")
    lucia = user(20, "Lucía") | {"language_code": "es"}
    stranger = user(21, "Sam") | {"language_code": "nl"}  # a language the bot does not speak

    start = await ask_privately(family, lucia, "/start")
    assert start.startswith("👋 Guardo la memoria compartida")
    assert f"Añádeme al grupo de la familia: {START_LINK}" in start
    assert "¿alguien puede recoger la receta" in start
    for said in ("/mine", "hello?"):
        answer = await ask_privately(family, stranger, said)
        assert answer.startswith("👋 I keep a care circle's shared memory")
        assert f"1. Add me to your family group: {START_LINK}" in answer
        assert "2. Everyone writes there as usual." in answer
        assert "can someone pick up Mum's prescription Friday 3pm?\"" in answer
    for text in family.server.bot_texts(lucia["id"]) + family.server.bot_texts(stranger["id"]):
        assert "Mum's care" not in text and "GP" not in text
    assert not is_a_circle(family, lucia["id"]) and not is_a_circle(family, stranger["id"])
    menus = [call for call in family.server.received("setMyCommands") if "scope" in call]
    assert {call["scope"]["type"] for call in menus} == {"all_private_chats"}
    assert "mine" in {command["command"] for command in menus[0]["commands"]}
