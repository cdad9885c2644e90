"""The circle in an encrypted Matrix room, end to end against a real Synapse on loopback.

The bot runs its real transport; the family are real nio clients with their own devices, and
every assertion is about what a member's client received and could decrypt.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import stat
from datetime import UTC, datetime, time, timedelta

import pytest
from nio import RoomMemberEvent

from bot.config import load_settings
from bot.core import CareCircleCore, open_core
from bot.delivery import utc_now
from bot.run import configured_transports, serve
from bot.scheduler import NudgeScheduler
from handlers.messages import Incoming, Outgoing
from tests.matrix_family import settle, shown_text
from tests.matrix_scene import READY_TIMEOUT_SECONDS, Scene, circle_with_bot, relation_of, started
from tests.synapse import Synapse

pytestmark = pytest.mark.matrix


def test_family_runs_its_circle_in_an_encrypted_room(scene: Scene) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        ann, bob, cat, doctor = (scene.member(name) for name in ("ann", "bob", "cat", "doc"))
        for member in (ann, bob, cat, doctor):
            await member.log_in()
        room = await ann.create_encrypted_room("Mum", [bob.user_id, cat.user_id])
        await settle(ann, bob, cat)
        await ann.say(room, "task: water the plants Saturday 10:00")  # before the bot came
        await started(scene.transport())
        await ann.invite(room, bot_id)
        intro = await bob.wait_for_text(bot_id, "carecircle")
        assert intro.decrypted

        request = await ann.say(room, "task: pick up prescriptions Friday 15:00")
        await bob.wait_for_reaction(bot_id, request, "✍")  # noted quietly, on the request

        claim = await bob.say(room, "/claim 1")
        await cat.wait_for_reaction(bot_id, claim, "👌")

        second = await ann.say(room, "task: book a blood test Monday 10:00")
        await cat.wait_for_reaction(bot_id, second, "✍")
        await cat.react(room, second, "✋")  # a hand up on the request claims it
        await ann.wait_for_reaction(bot_id, second, "👌")  # seen on the request itself
        await bob.react(room, second, "✋")  # Bob joins: the same mark again is no failure

        finished = await bob.say(room, "/done 1")  # "#1 done" waits for the parser work
        await ann.wait_for_reaction(bot_id, finished, "✅")

        decision = await cat.say(room, "decision: physio on Tuesdays")
        await cat.wait_for_reaction(bot_id, decision, "🤝")

        pills = await ann.say(room, "task: ask about <b>new</b> pills Friday 10:00")
        await ann.wait_for_reaction(bot_id, pills, "✍")

        await ann.invite(room, doctor.user_id)
        await settle(doctor)
        await ann.say(room, "/tasks")
        listing = await doctor.wait_for_text(bot_id, "Open tasks")
        assert listing.decrypted
        # #1 is done; the plants were asked for before the bot came.
        [_heading, blood_test, pills_line] = shown_text(listing).splitlines()
        assert blood_test.startswith("#2 Book a blood test — ")
        assert blood_test.endswith("✋ Cat, Bob")
        assert pills_line.startswith("#3 Ask about <b>new</b> pills — ")
        assert "&lt;b&gt;new&lt;/b&gt;" in listing.source["content"]["formatted_body"]

        await settle(ann, bob, cat)
        for member in (ann, bob, cat):
            assert member.undecryptable_from(bot_id) == []
        # Quiet by default: marks on the members' messages, no acknowledgement messages.
        assert [e for e in bob.from_bot(bot_id) if "📝" in shown_text(e)] == []

    scene.play(story)


def test_the_same_mark_twice_in_a_plain_room_is_no_failure(
    scene: Scene, caplog: pytest.LogCaptureFixture
) -> None:
    async def story() -> None:
        caplog.set_level(logging.WARNING, logger="bot")
        bot_id = scene.bot.user_id
        [ann, bob], room, _bot = await circle_with_bot(scene, "ann", "bob", encrypted=False)
        request = await ann.say(room, "task: pick up prescriptions Friday 15:00")
        await bob.wait_for_reaction(bot_id, request, "✍")
        await bob.react(room, request, "✋")
        await ann.wait_for_reaction(bot_id, request, "👌")
        await ann.react(room, request, "✋")  # the homeserver refuses a second 👌 from the bot
        await ann.say(room, "/tasks")
        listing = await ann.wait_for_text(bot_id, "Open tasks")
        assert shown_text(listing).endswith("✋ Bob, Ann")
        assert ann.marks_on(bot_id, request) == ["✍", "👌"]
        assert "not delivered" not in caplog.text  # no send left retrying for ever

    scene.play(story)


def test_a_restarted_bot_is_the_same_device_and_repeats_nothing(
    scene: Scene, caplog: pytest.LogCaptureFixture
) -> None:
    async def story() -> None:
        caplog.set_level(logging.DEBUG, logger="bot")
        bot_id = scene.bot.user_id
        [ann, bob], room, bot = await circle_with_bot(scene, "ann", "bob")
        first = await ann.say(room, "task: pick up prescriptions Friday 15:00")
        await bob.wait_for_reaction(bot_id, first, "✍")
        device_id = bot.client.device_id if bot.client else None
        await bot.stop()

        second = await ann.say(room, "task: book a blood test Monday 10:00")  # the bot is away
        bot = await started(scene.transport())
        assert bot.client is not None and bot.client.device_id == device_id
        await bob.wait_for_reaction(bot_id, second, "✍")
        claim = await bob.say(room, "/claim 2")
        await ann.wait_for_reaction(bot_id, claim, "👌")
        await ann.say(room, "/tasks")
        listing = await ann.wait_for_text(bot_id, "Open tasks", "#2 Book a blood test")
        await settle(ann, bob)

        # Each request was taken once: no third task, one mark each.
        assert [line[:3] for line in shown_text(listing).splitlines()[1:]] == ["#1 ", "#2 "]
        assert shown_text(listing).endswith("✋ Bob")
        assert bob.marks_on(bot_id, first) == ["✍"] and bob.marks_on(bot_id, second) == ["✍"]
        assert ann.undecryptable_from(bot_id) == []
        login_file = scene.folder / "bot-store" / "login.json"
        assert stat.S_IMODE(login_file.stat().st_mode) == 0o600
        token = bot.client.access_token
        assert token and token not in caplog.text

    scene.play(story)


def test_an_upgraded_room_keeps_its_circle(scene: Scene) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        [ann], room, _bot = await circle_with_bot(scene, "ann")
        request = await ann.say(room, "task: pick up prescriptions Friday 15:00")
        await ann.wait_for_reaction(bot_id, request, "✍")
        new_room = await ann.upgrade_room(room)
        await ann.invite(new_room, bot_id)  # Element's upgrade offers to invite everyone
        await ann.wait_for(
            bot_id, lambda e: isinstance(e, RoomMemberEvent) and ann.room_of[e.event_id] == new_room
        )
        await ann.say(new_room, "/tasks")
        listing = await ann.wait_for_text(bot_id, "Open tasks", "#1 Pick up prescriptions")
        assert ann.room_of[listing.event_id] == new_room
        intros = [e for e in ann.from_bot(bot_id) if "carecircle" in shown_text(e)]
        assert len(intros) == 1

    scene.play(story)


def test_a_message_that_came_while_the_database_was_locked_is_answered_once_free(
    scene: Scene, caplog: pytest.LogCaptureFixture
) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        [ann], room, _bot = await circle_with_bot(scene, "ann", busy_timeout_ms=20)
        # Another process (a backup, a second bot) holds the database's write lock.
        locker = sqlite3.connect(scene.folder / "circle.db", isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        request = await ann.say(room, "task: pick up prescriptions Friday 15:00")
        deadline = asyncio.get_running_loop().time() + READY_TIMEOUT_SECONDS
        while "waits for the database" not in caplog.text:
            assert asyncio.get_running_loop().time() < deadline, "the bot never hit the lock"
            await ann.sync(timeout_ms=200)
        locker.execute("ROLLBACK")
        locker.close()

        await ann.wait_for_reaction(bot_id, request, "✍")
        await ann.say(room, "/tasks")
        listing = await ann.wait_for_text(bot_id, "Open tasks")
        # One task: the message was handled once, not again for each try the lock refused.
        [_heading, line] = shown_text(listing).splitlines()
        assert line.startswith("#1 Pick up prescriptions — ")
        assert ann.marks_on(bot_id, request) == ["✍"]

    scene.play(story)


class CoreWithABug(CareCircleCore):
    """The real core, except that one message makes it fail the way a bug would."""

    def handle(self, incoming: Incoming, now: datetime) -> list[Outgoing]:
        if incoming.text == "trip the bug":
            raise KeyError("a bug")
        return super().handle(incoming, now)


def test_a_message_that_trips_a_bug_does_not_silence_the_room(
    scene: Scene, caplog: pytest.LogCaptureFixture
) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        [ann], room, _bot = await circle_with_bot(scene, "ann", core_class=CoreWithABug)
        poison = await ann.say(room, "trip the bug")
        request = await ann.say(room, "task: pick up prescriptions Friday 15:00")
        await ann.wait_for_reaction(bot_id, request, "✍")
        assert f"skipped event {poison}" in caplog.text

    scene.play(story)


def test_messages_queued_while_the_homeserver_is_down_arrive_once(
    scene: Scene, synapse: Synapse
) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        [ann], room, bot = await circle_with_bot(scene, "ann")
        await asyncio.to_thread(synapse.stop)
        # What a scheduled nudge does: the core queues, the transport delivers when it can.
        bot.core.notice_once("matrix", room, "notice.undecryptable", bot.clock())
        bot.delivery.poke()
        await asyncio.to_thread(synapse.start)

        await ann.wait_for_text(bot_id, "could not decrypt")
        request = await ann.say(room, "task: pick up prescriptions Friday 15:00")
        await ann.wait_for_reaction(bot_id, request, "✍")
        await settle(ann)
        reminders = [e for e in ann.from_bot(bot_id) if "could not decrypt" in shown_text(e)]
        assert len(reminders) == 1

    scene.play(story)


def test_a_first_start_while_the_homeserver_is_down_logs_in_once_it_is_back(
    scene: Scene, synapse: Synapse
) -> None:
    async def story() -> None:
        ann = scene.member("ann")
        await ann.log_in()
        room = await ann.create_encrypted_room("Mum", [])
        await asyncio.to_thread(synapse.stop)
        bot = scene.transport()
        await bot.start()
        await asyncio.to_thread(synapse.start)
        await asyncio.wait_for(bot.ready.wait(), READY_TIMEOUT_SECONDS)
        await ann.invite(room, scene.bot.user_id)
        await ann.wait_for_text(scene.bot.user_id, "carecircle")

    scene.play(story)


def test_an_invite_from_outside_the_allowed_inviters_is_declined(scene: Scene) -> None:
    async def story() -> None:
        ann = scene.member("ann")
        await ann.log_in()
        room = await ann.create_encrypted_room("Mum", [])
        await started(scene.transport(allowed_inviters=(":care.example.org",)))
        await ann.invite(room, scene.bot.user_id)
        deadline = asyncio.get_running_loop().time() + READY_TIMEOUT_SECONDS
        while scene.bot.user_id in ann.client.rooms[room].invited_users:
            assert asyncio.get_running_loop().time() < deadline, "the invite was never answered"
            await ann.sync(timeout_ms=500)
        assert scene.bot.user_id not in ann.client.rooms[room].users

    scene.play(story)


def test_replies_edits_threads_and_exports_work_as_in_the_console(scene: Scene) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        [ann, bob], room, _bot = await circle_with_bot(scene, "ann", "bob")
        request = await ann.say(room, "task: pick up prescriptions Friday 15:00")
        await bob.wait_for_reaction(bot_id, request, "✍")

        # A reply to the request itself ("I'll take it" awaits the parser work).
        claim = await bob.say(room, "/claim", reply_to=bob.seen(request))
        await ann.wait_for_reaction(bot_id, claim, "👌")

        # The request was only marked, so the corrected reading comes as a reply.
        await ann.edit(room, request, "task: pick up prescriptions Saturday 11:00")
        corrected = await ann.wait_for_text(bot_id, "📝 #1 Pick up prescriptions — Sat", "✋ Bob")
        assert relation_of(corrected)["m.in_reply_to"] == {"event_id": request}

        # An urgent request is announced with a message, which the bot edits in place.
        await ann.say(room, "URGENT: can someone bring Mum's inhaler")
        alert = await bob.wait_for_text(bot_id, "🚨 #2")
        assert alert.source["content"]["m.mentions"] == {"user_ids": [bob.user_id]}
        await bob.say(room, "/claim", reply_to=alert)
        held = await ann.wait_for(
            bot_id,
            lambda e: relation_of(e).get("event_id") == alert.event_id and "✋" in shown_text(e),
        )
        assert relation_of(held) == {"rel_type": "m.replace", "event_id": alert.event_id}
        assert "🚨 #2" in shown_text(held) and "✋ Bob" in shown_text(held)

        pads = await ann.say(room, "task: buy more pads Friday 12:00", thread=request)
        await bob.wait_for_reaction(bot_id, pads, "✍")
        await bob.say(room, "/tasks", thread=request)
        in_thread = await bob.wait_for_text(bot_id, "Open tasks", "#3 Buy more pads")
        assert relation_of(in_thread)["rel_type"] == "m.thread"
        assert relation_of(in_thread)["event_id"] == request

        await ann.client.room_put_state(room, "m.room.name", {"name": "Grandma's care"})
        await bob.say(room, "/export")
        markdown = await ann.wait_for_text(bot_id, "# Grandma's care")
        assert "#1 Pick up prescriptions — Sat" in shown_text(markdown)

        await bob.say(room, "/export json")
        exported = await ann.wait_for(bot_id, lambda e: "carecircle.json" in str(e.source))
        assert exported.source["content"]["msgtype"] == "m.file"
        assert b"Buy more pads" in await ann.download_file(exported)

    scene.play(story)


def test_a_message_the_bot_cannot_decrypt_gets_one_short_explanation(scene: Scene) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        # No grace: the bot asks for the key once and, as it never comes, explains at once.
        [ann], room, _bot = await circle_with_bot(scene, "ann", undecryptable_grace=timedelta(0))
        ann.stop_sharing_keys_with(bot_id)
        await ann.say(room, "task: pick up prescriptions Friday 15:00")
        await ann.say(room, "task: book a blood test Monday 10:00")
        await ann.say(room, "task: renew the blue badge Monday 10:00")
        await ann.wait_for_text(bot_id, "could not decrypt")
        await settle(ann)
        notices = [e for e in ann.from_bot(bot_id) if "could not decrypt" in shown_text(e)]
        assert len(notices) == 1
        assert not [e for e in ann.from_bot(bot_id) if "#1" in shown_text(e)]

    scene.play(story)


def test_carecircle_run_serves_a_room_with_an_access_token_from_the_environment(
    scene: Scene,
) -> None:
    async def story() -> None:
        ann = scene.member("ann")
        await ann.log_in()
        room = await ann.create_encrypted_room("Mum", [])
        settings = load_settings(
            {
                "CARECIRCLE_DATABASE_URL": scene.database_url,
                "CARECIRCLE_MATRIX_HOMESERVER": scene.synapse.url,
                "CARECIRCLE_MATRIX_USER": scene.bot.user_id,
                "CARECIRCLE_MATRIX_ACCESS_TOKEN": scene.bot.access_token,
                "CARECIRCLE_MATRIX_STORE": str(scene.folder / "bot-store"),
            }
        )
        core = open_core(settings=settings)
        stop = asyncio.Event()
        running = asyncio.create_task(serve(core, configured_transports(core, settings), stop))
        await ann.invite(room, scene.bot.user_id)
        await ann.wait_for_text(scene.bot.user_id, "carecircle")
        request = await ann.say(room, "task: pick up prescriptions Friday 15:00")
        await ann.wait_for_reaction(scene.bot.user_id, request, "✍")
        stop.set()
        await asyncio.wait_for(running, READY_TIMEOUT_SECONDS)

    scene.play(story)


def test_a_holder_is_reminded_in_the_encrypted_room_with_a_mention(scene: Scene) -> None:
    async def story() -> None:
        ahead = [timedelta(0)]  # how far the bot's clock has been moved on

        def clock() -> datetime:
            return utc_now() + ahead[0]

        bot_id = scene.bot.user_id
        [ann, bob], room, bot = await circle_with_bot(scene, "ann", "bob", clock=clock)
        await ann.say(room, "/digest off")
        await ann.wait_for_text(bot_id, "digest")
        request = await ann.say(room, "task: pick up prescriptions tomorrow 15:00")
        await bob.wait_for_reaction(bot_id, request, "✍")
        claim = await bob.say(room, "/claim 1")
        await ann.wait_for_reaction(bot_id, claim, "👌")

        tomorrow = (utc_now() + timedelta(days=1)).date()
        ahead[0] = datetime.combine(tomorrow, time(13, 1), tzinfo=UTC) - utc_now()
        nudges = NudgeScheduler(bot.core, clock=clock)
        await nudges.start()
        await nudges.stop()
        reminder = await bob.wait_for_text(bot_id, "⏰ Coming up: #1 Pick up prescriptions")
        content = reminder.source["content"]
        assert content["m.mentions"] == {"user_ids": [bob.user_id]}
        assert bob.user_id in content["formatted_body"]

    scene.play(story)


def test_a_holder_is_reminded_with_the_morning_digest_in_the_encrypted_room(
    scene: Scene,
) -> None:
    async def story() -> None:
        ahead = [timedelta(0)]  # how far the bot's clock has been moved on

        def clock() -> datetime:
            return utc_now() + ahead[0]

        bot_id = scene.bot.user_id
        [ann, bob], room, bot = await circle_with_bot(scene, "ann", "bob", clock=clock)
        request = await ann.say(room, "task: pick up prescriptions tomorrow 15:00")
        await bob.wait_for_reaction(bot_id, request, "✍")
        claim = await bob.say(room, "/claim 1")
        await ann.wait_for_reaction(bot_id, claim, "👌")

        tomorrow = (utc_now() + timedelta(days=1)).date()
        nudges = NudgeScheduler(bot.core, clock=clock)
        for moment in (time(8, 1), time(13, 1)):  # the digest, then two hours before the due
            ahead[0] = datetime.combine(tomorrow, moment, tzinfo=UTC) - utc_now()
            await nudges.tick()
        digest = await bob.wait_for_text(bot_id, "☀️", "#1 Pick up prescriptions")
        content = digest.source["content"]
        assert content["m.mentions"] == {"user_ids": [bob.user_id]}
        assert bob.user_id in content["formatted_body"] and "✋ Bob" in shown_text(digest)

        await ann.say(room, "/tasks")  # answered after anything the 13:01 look queued
        await bob.wait_for_text(bot_id, "Open tasks")
        assert [e for e in bob.from_bot(bot_id) if "⏰ Coming up" in shown_text(e)] == []

    scene.play(story)
