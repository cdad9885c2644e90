"""A family's Telegram group with the real python-telegram-bot stack, against a Bot API on loopback.

Each test plays the members on ``tests/telegram_server.py`` and asserts on what the group sees:
the messages the server received, their replies, buttons, edits and reactions. The bot is quiet
by default: a request is marked ✍ and a decision 🤝, and words come only where they must.
"""

from __future__ import annotations

import pytest

from tests.telegram_chats import user
from tests.telegram_family import (
    ALICE,
    BOB,
    CAROL,
    GROUP,
    VERA,
    Family,
    circle_members,
    family_test,
)

pytestmark = pytest.mark.telegram


@family_test
async def test_a_family_and_a_volunteer_share_tasks_claims_and_decisions(family: Family) -> None:
    server = family.server
    intro = await family.joined(GROUP, "Mum's care")
    assert "carecircle" in intro.text
    menus = {
        m.get("language_code"): m["commands"]
        for m in server.received("setMyCommands")
        if "scope" not in m  # the menu of groups, not that of private chats
    }
    assert {"tasks", "claim", "done", "decide", "export", "help"} <= {
        c["command"] for c in menus[None]
    }
    spanish = {c["command"]: c["description"] for c in menus["es"]}
    assert spanish["tasks"] == "Tareas abiertas y quién las tiene"  # each member's own language

    request = await family.asks(GROUP, ALICE, "task: pick up prescriptions Friday 15:00")
    taken = await family.says(GROUP, VERA, "I'll take it", reply_to=request)
    assert await family.reaction_on(GROUP, taken) == "👌"

    # An urgent request is announced to the others in words, and the announcement keeps up.
    urgent = "URGENT: can someone drive Dad to dialysis Tuesday 9:00"
    alert = await family.answer_to(GROUP, await family.says(GROUP, CAROL, urgent))
    assert alert.text.startswith("📝 🚨 #2 Drive Dad to dialysis")
    assert 'href="tg://user?id=11"' in alert.html and 'href="tg://user?id=14"' in alert.html
    assert [label for label, _ in alert.buttons] == ["✋ I'll take it", "✅ Done"]
    server.presses(GROUP, BOB, alert.message_id, "✋ I'll take it")
    await server.wait_until(lambda: alert.was_edited)
    assert alert.text.endswith("✋ Bob")
    assert len(server.received("answerCallbackQuery")) == 1

    done = await family.says(GROUP, VERA, "/done 1")
    # ✅ is no reaction a bot may use, so the group sees 🎉 on the message instead.
    assert await family.reaction_on(GROUP, done) == "🎉"

    decision = await family.says(GROUP, ALICE, "decision: physio on Tuesdays")
    assert await family.reaction_on(GROUP, decision) == "🤝"

    listing = await family.answer_to(GROUP, await family.says(GROUP, CAROL, "/tasks"))
    assert "#2 Drive Dad to dialysis" in listing.text and "Bob" in listing.text
    assert "#1" not in listing.text
    # The rest was marks: the bot's only words were the introduction, the alert and the list.
    assert [m.message_id for m in server.bot_messages(GROUP)] == [
        intro.message_id,
        alert.message_id,
        listing.message_id,
    ]
    assert "dialysis" not in family.logs.text and "physio" not in family.logs.text


@family_test
async def test_a_raised_hand_claims_and_a_tick_completes(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    request = await family.asks(GROUP, ALICE, "task: water the plants")
    marked = server.chats[GROUP].message(request)
    assert marked is not None
    server.reacts(GROUP, BOB, request, "✋")
    await server.wait_until(lambda: marked.reaction == "👌")  # the bot's one mark: now claimed
    server.reacts(GROUP, BOB, request, "✅")
    await server.wait_until(lambda: marked.reaction == "🎉")  # ✅ is not a bot's to use
    await family.answer_to(GROUP, await family.says(GROUP, CAROL, "/done"))
    assert "✅ #1 Water the plants — Bob" in server.bot_texts(GROUP)[-1]
    assert len(server.bot_messages(GROUP)) == 2  # the introduction and the list: no chatter

    # On an urgent task's announcement the same marks work, and the announcement keeps up.
    urgent = "URGENT: can someone bring Mum's inhaler"
    alert = await family.answer_to(GROUP, await family.says(GROUP, CAROL, urgent))
    server.reacts(GROUP, BOB, alert.message_id, "✋")
    await server.wait_until(lambda: alert.text.endswith("✋ Bob"))
    server.reacts(GROUP, BOB, alert.message_id, "✅")
    await server.wait_until(lambda: alert.buttons == [])
    assert alert.text.startswith("✅ #2 Bring Mum's inhaler") and "done by Bob" in alert.text


@family_test
async def test_where_reactions_are_off_the_bot_answers_in_words(family: Family) -> None:
    await family.joined(GROUP, "Mum's care", allows_reactions=False)
    ack = await family.answer_to(GROUP, await family.says(GROUP, ALICE, "task: water the plants"))
    claim = await family.says(GROUP, BOB, "/claim 1", reply_to=ack.message_id)
    assert (await family.answer_to(GROUP, claim)).text.startswith("✋ Bob has #1")
    assert family.server.chats[GROUP].message(claim).reaction is None  # type: ignore[union-attr]


@family_test
async def test_privacy_mode_is_explained_once(family: Family) -> None:
    server = family.server
    server.can_read_all_group_messages = False
    await family.joined(GROUP, "Mum's care")
    await server.wait_until(lambda: len(server.bot_messages(GROUP)) == 2)
    notice = server.bot_texts(GROUP)[1]
    assert "/setprivacy" in notice and "admin" in notice
    server.bot_added(GROUP, BOB)  # removed and added again
    await family.answer_to(GROUP, await family.says(GROUP, BOB, "/tasks"))
    assert sum("/setprivacy" in text for text in server.bot_texts(GROUP)) == 1

    admin_group = -1009999
    server.add_chat(admin_group, "Dad's care", bot_is_admin=True)
    server.bot_added(admin_group, CAROL, as_admin=True)
    await family.answer_to(admin_group, await family.says(admin_group, CAROL, "/tasks"))
    assert not any("/setprivacy" in text for text in server.bot_texts(admin_group))


@family_test
async def test_a_group_upgraded_to_a_supergroup_keeps_its_circle(family: Family) -> None:
    server = family.server
    old_id, new_id = -4321, -1004321
    await family.joined(old_id, "Mum's care", type="group")
    await family.asks(old_id, ALICE, "task: book the GP")
    server.fail_next(1, 500, methods=["setMessageReaction"])
    waiting = await family.says(old_id, BOB, "task: order the wheelchair")
    await server.wait_until(server.served_all_failures)
    server.upgrades_to_supergroup(old_id, new_id, ALICE)

    listing = await family.answer_to(new_id, await family.says(new_id, CAROL, "/tasks"))
    assert "#1 Book the GP" in listing.text and "#2 Order the wheelchair" in listing.text
    family.clock.advance(minutes=5)
    assert family.bot is not None
    family.bot.delivery.poke()
    # Queued before the upgrade, the acknowledgement follows the group to its new id; the
    # request it would have marked stayed in the old chat, so it comes in words.
    await server.wait_until(lambda: any("#2 Order" in t for t in server.bot_texts(new_id)))
    assert not family.replies_to(old_id, waiting)
    assert server.chats[old_id].message(waiting).reaction is None  # type: ignore[union-attr]
    assert not any("carecircle" in text for text in server.bot_texts(new_id))  # no new intro


@family_test
async def test_answers_stay_in_the_forum_topic_they_were_asked_in(family: Family) -> None:
    server = family.server
    forum = -1007777
    await family.joined(forum, "Family", is_forum=True)
    topic = server.opens_topic(forum, ALICE, "Appointments")
    request = await family.asks(forum, ALICE, "task: book the GP", thread_id=topic)
    claim = await family.says(forum, BOB, "/claim", reply_to=request, thread_id=topic)
    assert await family.reaction_on(forum, claim) == "👌"
    listing = await family.answer_to(
        forum, await family.says(forum, CAROL, "/tasks@carecircle_test_bot", thread_id=topic)
    )
    assert listing.thread_id == topic and "✋ Bob" in listing.text


@family_test
async def test_an_answer_for_a_deleted_topic_goes_to_the_general_chat(family: Family) -> None:
    server = family.server
    forum = -1007777
    await family.joined(forum, "Family", is_forum=True)
    topic = server.opens_topic(forum, ALICE, "Appointments")
    await family.asks(forum, ALICE, "task: book the GP", thread_id=topic)
    server.fail_next(1, 500, methods=["sendMessage"])
    await family.says(forum, BOB, "/tasks", thread_id=topic)
    await server.wait_until(server.served_all_failures)
    server.chats[forum].deleted_topics.add(topic)

    async def answered() -> bool:
        # The failed send waits its chat's backoff on the bot's clock, from whenever the loop
        # got to record it: move the clock on at each look rather than once.
        family.clock.advance(minutes=5)
        assert family.bot is not None
        family.bot.delivery.poke()
        return len(server.bot_messages(forum)) == 2

    await server.wait_until(answered)
    listing = server.bot_messages(forum)[1]
    assert "#1 Book the GP" in listing.text and listing.thread_id is None


@family_test
async def test_members_text_arrives_as_they_typed_it(family: Family) -> None:
    typed = "<b>book</b> GP & dentist"
    await family.joined(GROUP, "Mum's care")
    await family.asks(GROUP, ALICE, f"task: {typed}")
    listing = await family.answer_to(GROUP, await family.says(GROUP, BOB, "/tasks"))
    # Where reactions are off the task is acknowledged in words, which quote it the same way.
    quiet = -1005555
    await family.joined(quiet, "Dad's care", allows_reactions=False)
    ack = await family.answer_to(quiet, await family.says(quiet, ALICE, f"task: {typed}"))
    for said in (listing, ack):
        assert typed in said.text
        assert "&lt;b&gt;book&lt;/b&gt; GP &amp; dentist" in said.html


@family_test
async def test_an_export_arrives_as_a_file(family: Family) -> None:
    await family.joined(GROUP, "Mum's care")
    await family.asks(GROUP, ALICE, "task: book the GP")
    export = await family.answer_to(GROUP, await family.says(GROUP, BOB, "/export json"))
    assert export.document is not None
    assert export.document["filename"].endswith(".json")
    assert "Book the GP" in export.document["content"]


@family_test
async def test_a_long_answer_arrives_in_parts_cut_at_line_breaks(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    for number in range(10):
        await family.says(GROUP, ALICE, f"decision: {number} " + "keep the diary up to date " * 38)
    asked = await family.says(GROUP, BOB, "/decisions")
    await family.answer_to(GROUP, asked)
    await server.wait_until(lambda: len(server.bot_messages(GROUP)) == 4)
    parts = server.bot_texts(GROUP)[1:]
    assert sum(len(part) for part in parts) > 10_000
    assert all(len(part) <= 4096 for part in parts)
    assert all(part.endswith("(Alice, Mon 16 Nov)") for part in parts)  # whole lines only
    assert [m.reply_to for m in server.bot_messages(GROUP)[1:]] == [asked, None, None]


@family_test
async def test_an_edited_request_corrects_its_task(family: Family) -> None:
    server = family.server
    await family.joined(GROUP, "Mum's care")
    request = await family.asks(GROUP, ALICE, "task: book the GP")
    server.edits(GROUP, ALICE, request, "task: book the dentist Friday 10:00")
    # Only marked, the request has no words of the bot's to correct: it says the new reading.
    await server.wait_until(lambda: len(server.bot_messages(GROUP)) == 2)
    correction = server.bot_messages(GROUP)[1]
    assert correction.text.startswith("📝 #1 Book the dentist — Fri 20 Nov 10:00")
    listing = await family.answer_to(GROUP, await family.says(GROUP, BOB, "/tasks"))
    assert "#1 Book the dentist — Fri 20 Nov 10:00" in listing.text
    assert "GP" not in listing.text


@family_test
async def test_an_edited_request_corrects_its_acknowledgement_in_place(family: Family) -> None:
    server = family.server
    # The group's admins allow a few reactions, not ✍: the task is acknowledged in words.
    await family.joined(GROUP, "Mum's care", available_reactions=frozenset({"👍", "👌"}))
    request = await family.says(GROUP, ALICE, "task: book the GP")
    ack = await family.answer_to(GROUP, request)
    assert ack.text.startswith("📝 #1 Book the GP")
    server.edits(GROUP, ALICE, request, "task: book the dentist")
    await server.wait_until(lambda: ack.was_edited)
    assert ack.text.startswith("📝 #1 Book the dentist")
    assert [label for label, _ in ack.buttons] == ["✋ I'll take it", "✅ Done"]
    claim = await family.says(GROUP, BOB, "I'll take it", reply_to=ack.message_id)
    assert await family.reaction_on(GROUP, claim) == "👌"  # allowed here
    await server.wait_until(lambda: ack.text.endswith("✋ Bob"))
    assert len(server.bot_messages(GROUP)) == 2  # the introduction and the acknowledgement


@family_test
async def test_someone_who_leaves_the_group_leaves_the_circle(family: Family) -> None:
    server = family.server
    dan, eve = user(15, "Dan"), user(16, "Eve")
    await family.joined(GROUP, "Mum's care")
    await family.answer_to(GROUP, await family.says(GROUP, BOB, "/tasks"))
    server.member_joins(GROUP, dan)
    server.member_leaves(GROUP, BOB)
    server.membership_changes(GROUP, eve, "left", "member")
    server.membership_changes(GROUP, dan, "member", "kicked")
    server.membership_changes(GROUP, CAROL, "member", "restricted")  # muted, still there
    await family.answer_to(GROUP, await family.says(GROUP, CAROL, "/tasks"))
    assert family.bot is not None
    assert circle_members(family.bot.core, str(GROUP)) == ["Carol", "Eve"]
