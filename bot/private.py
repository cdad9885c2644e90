"""Answering a member in their private chat with the bot, the same way on every transport.

``/mine`` lists what the member holds in the circles they are in at this moment: the core names
the circles it has known them in, the transport asks the platform about each (a member who left
a group sees nothing more of it, whatever the bot missed), and the core words the answer over
the ones confirmed. The platform's calls run on the event loop, the core's on its worker.

A private answer belongs to no circle and records nothing, so it is sent at once rather than
through a circle's outbox lane; lost in an outage, it is asked for again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from bot.async_core import AsyncCore
from bot.delivery import DeliveryDeferred, Send, Undeliverable
from handlers.messages import Outgoing, PrivateMessage
from handlers.private import NewCircle, OwnTasks, read_private, welcome

log = logging.getLogger(__name__)

StartCircle = Callable[[PrivateMessage, NewCircle], Awaitable[Outgoing]]


class MembershipCheck(Protocol):
    """Whether the platform says ``user_id`` is in the chat ``chat_id`` right now."""

    async def __call__(self, chat_id: str, user_id: str) -> bool: ...


async def answer_privately(
    acts: AsyncCore,
    message: PrivateMessage,
    is_member: MembershipCheck,
    send: Send,
    start_circle: StartCircle | None = None,
) -> None:
    """Answer ``message``; ``start_circle`` is the platform's way to make a circle for
    ``/newcircle``, where it has one (elsewhere the member learns how to start one)."""
    request = read_private(message.text)
    if isinstance(request, OwnTasks):
        present = await _present(acts, message, is_member)
        answer = await acts.until_stored(acts.core.own_tasks, message, present)
    elif isinstance(request, NewCircle) and start_circle is not None:
        answer = await start_circle(message, request)
    else:
        answer = welcome(message)
    try:
        await send(answer)
    except (DeliveryDeferred, Undeliverable) as failure:
        log.warning("a private answer in %s was not delivered: %s", message.chat_id, failure)


async def _present(
    acts: AsyncCore, message: PrivateMessage, is_member: MembershipCheck
) -> set[str]:
    """The chats of the member's circles the platform confirms they are in now."""
    known = await acts.until_stored(acts.core.circles_of, message.platform, message.sender_id)
    answers = await asyncio.gather(*(is_member(chat_id, message.sender_id) for chat_id in known))
    return {chat_id for chat_id, is_in in zip(known, answers, strict=True) if is_in}
