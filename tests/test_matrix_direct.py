"""A member's direct room with the bot on Matrix: /mine across their rooms, /newcircle.

Real nio clients against a real Synapse on loopback; whether someone is in a circle's room is
what the homeserver lists as its joined members at that moment.
"""

from __future__ import annotations

import asyncio

import pytest
from nio import RoomGetStateEventResponse, RoomMemberEvent

from storage import circles
from tests.matrix_family import Member, shown_text
from tests.matrix_scene import READY_TIMEOUT_SECONDS, Scene, circle_with_bot, relation_of, started

pytestmark = pytest.mark.matrix


async def direct_room(member: Member, bot_id: str) -> str:
    """The member's direct room with the bot, once the bot is in it."""
    room = await member.create_direct_room(bot_id)
    await member.wait_for(
        bot_id, lambda e: isinstance(e, RoomMemberEvent) and member.room_of[e.event_id] == room
    )
    return room


async def ask(member: Member, room: str, bot_id: str, text: str) -> str:
    """``text`` said in ``room``; returns the bot's answer to it."""
    asked = await member.say(room, text)
    answer = await member.wait_for(
        bot_id, lambda e: relation_of(e).get("m.in_reply_to") == {"event_id": asked}
    )
    assert answer.decrypted  # the direct room is encrypted, as Element makes it
    return shown_text(answer)


async def noted(member: Member, room: str, bot_id: str, text: str) -> None:
    """``text`` said in a circle's room, once the bot has marked it (✍ a task, 👌 a claim)."""
    said = await member.say(room, text)
    await member.wait_for_reaction(bot_id, said, "👌" if text.startswith("/claim") else "✍")


async def joined_room_named(member: Member, name: str) -> str:
    """The room called ``name``, once the member has been invited to it and joined it."""
    deadline = asyncio.get_running_loop().time() + READY_TIMEOUT_SECONDS
    while True:
        named = [room_id for room_id, room in member.client.rooms.items() if room.name == name]
        if named:
            return named[0]
        assert asyncio.get_running_loop().time() < deadline, f"{member.user_id} never got in"
        await member.sync(timeout_ms=500)


def is_a_circle(scene: Scene, room: str) -> bool:
    [bot] = scene.bots
    return bot.core.database.run(circles.find_circle, "matrix", room) is not None


def test_mine_in_a_direct_room_lists_what_one_holds_in_the_rooms_one_is_still_in(
    scene: Scene,
) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        [ann, bob], mum, _bot = await circle_with_bot(scene, "ann", "bob")
        dad = await ann.create_encrypted_room("Dad", [])
        await ann.invite(dad, bot_id)
        await ann.wait_for(
            bot_id, lambda e: ann.room_of[e.event_id] == dad and "carecircle" in shown_text(e)
        )
        await noted(ann, mum, bot_id, "task: book the GP Friday 10:00")
        await noted(ann, mum, bot_id, "/claim 1")
        await noted(bob, mum, bot_id, "task: water the plants")
        await noted(bob, mum, bot_id, "/claim 2")
        await noted(ann, dad, bot_id, "task: drive Dad to dialysis Tuesday 9:00")
        await noted(ann, dad, bot_id, "/claim 1")

        private = await direct_room(ann, bot_id)
        mine = await ask(ann, private, bot_id, "/mine")
        assert mine.startswith("What you hold in your circles:\n")
        assert "Mum · #1 Book the GP — " in mine and "Dad · #1 Drive Dad to dialysis — " in mine
        assert "plants" not in mine

        await ann.client.room_leave(dad)
        mine = await ask(ann, private, bot_id, "/mine")
        assert "Mum · #1 Book the GP — " in mine and "dialysis" not in mine

        cat = scene.member("cat")
        await cat.log_in()
        stranger = await direct_room(cat, bot_id)
        for said in ("/mine", "hello"):
            answer = await ask(cat, stranger, bot_id, said)
            assert answer.startswith("👋 I keep a care circle's shared memory")
            assert f"Invite me ({bot_id})" in answer and "/newcircle" in answer
            assert "GP" not in answer and "plants" not in answer and "Dad ·" not in answer
        assert not is_a_circle(scene, private) and not is_a_circle(scene, stranger)

    scene.play(story)


def test_newcircle_makes_an_encrypted_room_that_works_as_a_circle(scene: Scene) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        ann, bob = scene.member("ann"), scene.member("bob")
        for member in (ann, bob):
            await member.log_in()
        await started(scene.transport())
        private = await direct_room(ann, bot_id)

        refused = await ask(ann, private, bot_id, "/newcircle Mum's care @bob nobody")
        assert refused.startswith("These are not user ids: @bob, nobody.")
        assert (await ask(ann, private, bot_id, "/newcircle")).startswith("Name the circle")

        made = await ask(ann, private, bot_id, f"/newcircle Mum's care {bob.user_id}")
        assert made == (
            f"🔒 I made the encrypted room “Mum's care” and invited {ann.user_id}, "
            f"{bob.user_id}. Once you join, it works as any circle."
        )
        room = await joined_room_named(bob, "Mum's care")
        assert await joined_room_named(ann, "Mum's care") == room
        for event_type, content in (
            ("m.room.encryption", {"algorithm": "m.megolm.v1.aes-sha2"}),
            ("m.room.name", {"name": "Mum's care"}),
        ):
            state = await bob.client.room_get_state_event(room, event_type)
            assert isinstance(state, RoomGetStateEventResponse), state
            assert state.content == content
        assert {ann.user_id, bob.user_id, bot_id} <= set(bob.client.rooms[room].users)

        await noted(ann, room, bot_id, "task: pick up prescriptions Friday 15:00")
        await noted(bob, room, bot_id, "/claim 1")
        await ann.say(room, "/tasks")
        listing = await ann.wait_for_text(bot_id, "Open tasks", "#1 Pick up prescriptions")
        assert listing.decrypted and shown_text(listing).endswith("✋ Bob")
        mine = await ask(bob, await direct_room(bob, bot_id), bot_id, "/mine")
        assert "Mum's care · #1 Pick up prescriptions — " in mine

    scene.play(story)
