"""A message the homeserver refuses for good, end to end against a real Synapse on loopback:
given up with the reason, never retried, and the room's later messages still come."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from nio import RoomSendError, UploadError
from sqlmodel import col, select

from bot.delivery import Undeliverable
from bot.matrix.sending import MatrixRequestFailed, raise_for
from handlers.messages import Outgoing, outgoing_to_json
from storage import circles, outbox
from storage.models import OutboxMessage
from tests.matrix_scene import Scene, circle_with_bot

pytestmark = pytest.mark.matrix

# Long decisions, enough of them that one message listing them all is larger than an event may
# be (64 KiB). The bot's own lists keep within a message; an answer this large stands for
# anything a homeserver refuses for its size.
DECISION = "keep the medication diary up to date after every visit " * 17
DECISIONS = 100


def test_an_answer_too_large_for_the_homeserver_is_given_up_and_the_room_goes_on(
    scene: Scene, caplog: pytest.LogCaptureFixture
) -> None:
    async def story() -> None:
        bot_id = scene.bot.user_id
        [ann], room, bot = await circle_with_bot(scene, "ann", encrypted=False)
        listing = "Decisions:\n" + "\n".join(f"#{n} {DECISION}" for n in range(DECISIONS))
        too_large = Outgoing(platform="matrix", chat_id=room, text=listing)
        with bot.core.database.transaction() as session:  # about 90 KB of event, queued
            circle = circles.find_circle(session, "matrix", room)
            assert circle is not None and circle.id is not None
            outbox.queue_message(
                session, circle.id, "matrix", room, outgoing_to_json(too_large), bot.clock()
            )
        with caplog.at_level(logging.WARNING, logger="bot.delivery"):
            bot.delivery.poke()
            request = await ann.say(room, "task: pick up prescriptions Friday 15:00")
            await ann.wait_for_reaction(bot_id, request, "✍")  # not held up behind it

        with bot.core.database.transaction() as session:
            [refused] = session.exec(
                select(OutboxMessage).where(col(OutboxMessage.failure).is_not(None))
            ).all()
        assert refused.failure is not None and "M_TOO_LARGE" in refused.failure
        assert refused.attempts == 1 and refused.platform_message_id is None
        assert "given up" in caplog.text and DECISION not in caplog.text
        assert not any("Decisions" in str(event.source) for event in ann.from_bot(bot_id))

    scene.play(story)


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        (RoomSendError("event too large", "M_TOO_LARGE"), 413),
        (UploadError("Request Entity Too Large"), 413),  # a proxy's refusal, with no Matrix code
        (RoomSendError("not allowed", "M_FORBIDDEN"), 403),
    ],
)
def test_refusals_for_good_are_undeliverable(answer: object, status: int) -> None:
    answer.transport_response = SimpleNamespace(status=status)  # type: ignore[attr-defined]
    with pytest.raises(Undeliverable):
        raise_for(answer)


@pytest.mark.parametrize(
    ("answer", "status"),
    [(RoomSendError("try later", "M_UNKNOWN"), 500), (UploadError("Bad Gateway"), 502)],
)
def test_server_errors_are_tried_again(answer: object, status: int) -> None:
    answer.transport_response = SimpleNamespace(status=status)  # type: ignore[attr-defined]
    with pytest.raises(MatrixRequestFailed):
        raise_for(answer)
