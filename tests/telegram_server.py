"""A small Telegram Bot API server on loopback for end-to-end tests of the Telegram transport.

It answers the methods the bot uses with the real JSON shapes, keeps each chat's messages the
way a member would see them (edits applied, reactions shown), lets a test play the members
(messages, replies, edits, button presses, reactions, joins, a supergroup upgrade) and can be
told to answer the next calls with 429 or 500. Every request is recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import itertools
import json
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientSession, web

from tests.telegram_chats import (
    BOT_ID,
    BOT_REACTIONS,
    Chat,
    ChatMessage,
    bot_membership,
    bot_user,
    buttons,
    user,
    visible,
)

# Parameters PTB sends JSON-encoded, and those that are numbers.
JSON_PARAMS = frozenset(
    {"reply_markup", "reply_parameters", "reaction", "commands", "allowed_updates", "scope"}
)
INT_PARAMS = frozenset(
    {"chat_id", "message_id", "message_thread_id", "offset", "timeout", "user_id", "limit"}
)


@dataclass
class ApiCall:
    """One request the bot made, with its parameters decoded."""

    method: str
    params: dict[str, Any]
    status: int = 200


@dataclass
class Failure:
    """Calls to refuse: ``count`` of ``methods``, once ``spared`` of them went through."""

    count: int
    status: int
    retry_after: int
    methods: frozenset[str]
    spared: int = 0


class BotApiServer:
    """The Bot API for one bot on 127.0.0.1, with the chats it is in."""

    def __init__(self, token: str, *, can_read_all_group_messages: bool = True) -> None:
        self.token = token
        self.can_read_all_group_messages = can_read_all_group_messages
        self.calls: list[ApiCall] = []
        self.chats: dict[int, Chat] = {}
        self._updates: list[dict[str, Any]] = []
        self._confirmed = 0
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(100)
        self._new_update = asyncio.Event()
        self._failures: list[Failure] = []
        self._runner: web.AppRunner | None = None
        self.url = ""
        self.webhook: dict[str, Any] | None = None
        self._webhook_queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._webhook_sender: asyncio.Task[None] | None = None

    # -- lifecycle --------------------------------------------------------------------------

    async def __aenter__(self) -> BotApiServer:
        app = web.Application()
        app.router.add_post(f"/bot{self.token}/{{method}}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._webhook_sender is not None:
            self._webhook_sender.cancel()
        assert self._runner is not None
        await self._runner.cleanup()

    # -- what the bot sent --------------------------------------------------------------------

    def received(self, method: str) -> list[dict[str, Any]]:
        """Parameters of every successful call of ``method``, in order."""
        return [c.params for c in self.calls if c.method == method and c.status == 200]

    def bot_messages(self, chat_id: int) -> list[ChatMessage]:
        return [m for m in self.chats[chat_id].messages if m.is_from_bot]

    def bot_texts(self, chat_id: int) -> list[str]:
        return [m.text for m in self.bot_messages(chat_id)]

    # -- members acting -----------------------------------------------------------------------

    def add_chat(self, chat_id: int, title: str, **options: Any) -> Chat:
        self.chats[chat_id] = Chat(chat_id, title, **options)
        return self.chats[chat_id]

    def private_chat(self, member: dict[str, Any]) -> int:
        """The member's private chat with the bot (its id is theirs, as on Telegram)."""
        if member["id"] not in self.chats:
            self.add_chat(member["id"], member["first_name"], type="private")
        return member["id"]

    def bot_added(self, chat_id: int, by: dict[str, Any], *, as_admin: bool = False) -> None:
        chat = self.chats[chat_id]
        chat.bot_is_admin = as_admin
        self._push(
            "my_chat_member",
            {
                "chat": chat.as_json(),
                "from": by,
                "date": int(time.time()),
                "old_chat_member": {"status": "left", "user": self.bot_user()},
                "new_chat_member": bot_membership(chat, self.bot_user()),
            },
        )

    def says(
        self,
        chat_id: int,
        sender: dict[str, Any],
        text: str,
        *,
        reply_to: int | None = None,
        thread_id: int | None = None,
    ) -> int:
        """A member sends a message; returns its id."""
        chat = self.chats[chat_id]
        message = ChatMessage(
            next(self._message_ids), sender["id"], text, text, thread_id, reply_to
        )
        if chat.type != "private":  # only someone in a group can write in it
            chat.statuses.setdefault(sender["id"], "member")
        chat.messages.append(message)
        self._push("message", chat.message_json(message, sender))
        return message.message_id

    def edits(self, chat_id: int, sender: dict[str, Any], message_id: int, text: str) -> None:
        chat = self.chats[chat_id]
        message = chat.message(message_id)
        assert message is not None
        message.text = message.html = text
        shape = chat.message_json(message, sender)
        shape["edit_date"] = int(time.time()) + len(self._updates)
        self._push("edited_message", shape)

    def presses(self, chat_id: int, sender: dict[str, Any], message_id: int, label: str) -> None:
        """A member taps the button labelled ``label`` under a bot message."""
        chat = self.chats[chat_id]
        message = chat.message(message_id)
        assert message is not None
        [action] = [data for text, data in message.buttons if text == label]
        self._push(
            "callback_query",
            {
                "id": str(next(self._update_ids) * 7919),
                "from": sender,
                "chat_instance": f"ci{chat_id}",
                "data": action,
                "message": chat.message_json(message, self.bot_user()),
            },
        )

    def reacts(self, chat_id: int, sender: dict[str, Any], message_id: int, emoji: str) -> None:
        self._push(
            "message_reaction",
            {
                "chat": self.chats[chat_id].as_json(),
                "message_id": message_id,
                "user": sender,
                "date": int(time.time()),
                "old_reaction": [],
                "new_reaction": [{"type": "emoji", "emoji": emoji}],
            },
        )

    def opens_topic(self, chat_id: int, by: dict[str, Any], name: str) -> int:
        """A member opens a forum topic; its first message's id is the topic's thread id."""
        chat = self.chats[chat_id]
        opening = ChatMessage(next(self._message_ids), by["id"], "")
        opening.thread_id = opening.message_id
        chat.messages.append(opening)
        topic = {"name": name, "icon_color": 7322096}
        shape = chat.message_json(opening, by)
        del shape["text"]
        self._push("message", shape | {"forum_topic_created": topic})
        return opening.message_id

    def member_joins(self, chat_id: int, member: dict[str, Any]) -> None:
        self.chats[chat_id].statuses[member["id"]] = "member"
        self._service_message(self.chats[chat_id], member, new_chat_members=[member])

    def member_leaves(self, chat_id: int, member: dict[str, Any]) -> None:
        self.chats[chat_id].statuses[member["id"]] = "left"
        self._service_message(self.chats[chat_id], member, left_chat_member=member)

    def member_leaves_unseen(self, chat_id: int, member: dict[str, Any]) -> None:
        """The member leaves a group where the bot, neither admin nor told, hears nothing of it
        (as when its service messages are hidden): only getChatMember knows."""
        self.chats[chat_id].statuses[member["id"]] = "left"

    def membership_changes(
        self, chat_id: int, member: dict[str, Any], old_status: str, new_status: str
    ) -> None:
        """A chat_member update, which Telegram sends to bots that are admins."""
        self.chats[chat_id].statuses[member["id"]] = new_status
        self._push(
            "chat_member",
            {
                "chat": self.chats[chat_id].as_json(),
                "from": member,
                "date": int(time.time()),
                "old_chat_member": _membership(old_status, member),
                "new_chat_member": _membership(new_status, member),
            },
        )

    def upgrades_to_supergroup(self, chat_id: int, new_chat_id: int, by: dict[str, Any]) -> None:
        """The group becomes a supergroup with a new id, announced in both chats."""
        old = self.chats[chat_id]
        new = self.add_chat(new_chat_id, old.title, bot_is_admin=old.bot_is_admin)
        old.migrated_to = new_chat_id
        old.type = "group"
        # The new chat's announcement first: the order a bot must not depend on.
        self._service_message(new, by, migrate_from_chat_id=chat_id)
        self._service_message(old, by, migrate_to_chat_id=new_chat_id)

    def redeliver_all(self) -> None:
        """Forget which updates were confirmed: Telegram sends them all again."""
        self._confirmed = 0
        self._new_update.set()

    def fail_next(
        self,
        count: int,
        status: int,
        *,
        retry_after: int = 1,
        methods: Iterable[str] = (),
        after: int = 0,
    ) -> None:
        """Answer ``count`` calls of ``methods`` (by default any but getUpdates) with ``status``,
        once the next ``after`` of them have gone through."""
        self._failures.append(Failure(count, status, retry_after, frozenset(methods), after))

    def served_all_failures(self) -> bool:
        """Every failure asked for with ``fail_next`` has been answered."""
        return all(failure.count == 0 for failure in self._failures)

    async def wait_until(
        self, condition: Callable[[], bool | Awaitable[bool]], timeout: float = 10.0
    ) -> None:
        """Wait for the bot's requests to make ``condition`` true (real network I/O)."""
        deadline = time.monotonic() + timeout
        while not await _holds(condition):
            if time.monotonic() > deadline:
                raise AssertionError("the bot did not get there in time")
            await asyncio.sleep(0.02)

    # -- the Bot API ------------------------------------------------------------------------------

    def bot_user(self) -> dict[str, Any]:
        return bot_user(self.can_read_all_group_messages)

    async def _dispatch(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await _params(request)
        call = ApiCall(method, params)
        self.calls.append(call)
        failure = self._failure_for(method)
        if failure is not None:
            call.status = failure.status
            if failure.status == 429:
                return _error(
                    429, "Too Many Requests: retry after", retry_after=failure.retry_after
                )
            return _error(failure.status, "Internal Server Error")
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            call.status = 404
            return _error(404, "Not Found: method not found")
        if method == "getUpdates":
            return await handler(params)
        result = handler(params)
        if isinstance(result, web.Response):
            call.status = result.status
            return result
        return web.json_response({"ok": True, "result": result})

    def _failure_for(self, method: str) -> Failure | None:
        for failure in self._failures:
            is_chosen = method in failure.methods if failure.methods else method != "getUpdates"
            if failure.count > 0 and is_chosen:
                if failure.spared > 0:
                    failure.spared -= 1
                    return None
                failure.count -= 1
                return failure
        return None

    def _api_getMe(self, _: dict[str, Any]) -> dict[str, Any]:
        return self.bot_user()

    def _api_deleteWebhook(self, _: dict[str, Any]) -> bool:
        return True

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = params
        if self._webhook_sender is None:
            self._webhook_sender = asyncio.create_task(self._send_to_webhook())
            for update in self._pending():
                self._webhook_queue.put_nowait(update)
        return True

    async def _send_to_webhook(self) -> None:
        """Post each update to the bot's webhook, in order, as Telegram does."""
        async with ClientSession() as session:
            while True:
                update = await self._webhook_queue.get()
                assert self.webhook is not None
                secret = self.webhook.get("secret_token", "")
                headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
                async with session.post(self.webhook["url"], json=update, headers=headers):
                    pass

    def _api_setMyCommands(self, _: dict[str, Any]) -> bool:
        return True

    def _api_answerCallbackQuery(self, _: dict[str, Any]) -> bool:
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> web.Response:
        offset = params.get("offset") or 0
        self._confirmed = max(self._confirmed, offset)
        if not self._pending():
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout=params.get("timeout", 0))
        return web.json_response({"ok": True, "result": self._pending()[:100]})

    def _api_getChatMember(self, params: dict[str, Any]) -> dict[str, Any] | web.Response:
        chat = self.chats.get(params["chat_id"])
        if chat is None:
            return _error(400, "Bad Request: chat not found")
        if params["user_id"] == BOT_ID:
            return bot_membership(chat, self.bot_user())
        status = chat.statuses.get(params["user_id"], "left")  # never there: "left", as Telegram
        return _membership(status, user(params["user_id"], "Member"))

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any] | web.Response:
        refusal = self._refusal(params)
        if refusal is not None:
            return refusal
        text, problem = visible(params["text"], params.get("parse_mode"))
        if problem:
            return _error(400, problem)
        return self._post(self.chats[params["chat_id"]], params, text)

    def _api_sendDocument(self, params: dict[str, Any]) -> dict[str, Any] | web.Response:
        refusal = self._refusal(params)
        if refusal is not None:
            return refusal
        text, problem = visible(params.get("caption", ""), params.get("parse_mode"))
        if problem:
            return _error(400, problem)
        return self._post(self.chats[params["chat_id"]], params, text, params["document"])

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any] | web.Response:
        chat = self.chats[params["chat_id"]]
        message = chat.message(params["message_id"])
        if message is None or not message.is_from_bot:
            return _error(400, "Bad Request: message to edit not found")
        text, problem = visible(params["text"], params.get("parse_mode"))
        if problem:
            return _error(400, problem)
        message.text, message.html, message.was_edited = text, params["text"], True
        message.buttons = buttons(params)
        return chat.message_json(message, self.bot_user())

    def _api_setMessageReaction(self, params: dict[str, Any]) -> bool | web.Response:
        refusal = self._refusal(params)
        if refusal is not None:
            return refusal
        chat = self.chats[params["chat_id"]]
        message = chat.message(params["message_id"])
        [reaction] = params["reaction"]
        if message is None:
            return _error(400, "Bad Request: message to react not found")
        if reaction["emoji"] not in BOT_REACTIONS or not chat.allows(reaction["emoji"]):
            return _error(400, "Bad Request: REACTION_INVALID")
        message.reaction = reaction["emoji"]
        return True

    # -- inside the server ----------------------------------------------------------------------

    def _pending(self) -> list[dict[str, Any]]:
        return [u for u in self._updates if u["update_id"] >= self._confirmed]

    def _push(self, kind: str, payload: dict[str, Any]) -> None:
        update = {"update_id": next(self._update_ids), kind: payload}
        self._updates.append(update)
        self._new_update.set()
        if self.webhook is not None:
            self._webhook_queue.put_nowait(update)

    def _service_message(self, chat: Chat, by: dict[str, Any], **event: Any) -> None:
        shape = chat.message_json(ChatMessage(next(self._message_ids), by["id"], ""), by)
        del shape["text"]
        self._push("message", shape | event)

    def _refusal(self, params: dict[str, Any]) -> web.Response | None:
        """Why Telegram would not post (or react) in this chat, if it would not."""
        chat = self.chats.get(params["chat_id"])
        if chat is None:
            return _error(400, "Bad Request: chat not found")
        if params.get("message_thread_id") in chat.deleted_topics:
            return _error(400, "Bad Request: message thread not found")
        if chat.migrated_to is not None:
            return _error(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=chat.migrated_to,
            )
        reply = params.get("reply_parameters") or {}
        is_missing = "message_id" in reply and chat.message(reply["message_id"]) is None
        if is_missing and not reply.get("allow_sending_without_reply"):
            return _error(400, "Bad Request: message to be replied not found")
        return None

    def _post(
        self, chat: Chat, params: dict[str, Any], text: str, document: Any = None
    ) -> dict[str, Any]:
        reply = params.get("reply_parameters") or {}
        # Replying to a message that is not in this chat: sent without the reply, if allowed.
        replied = chat.message(reply.get("message_id", 0))
        message = ChatMessage(
            next(self._message_ids),
            BOT_ID,
            text,
            html=params.get("text") or params.get("caption", ""),
            thread_id=params.get("message_thread_id"),
            reply_to=replied.message_id if replied is not None else None,
            buttons=buttons(params),
            document=document,
        )
        chat.messages.append(message)
        return chat.message_json(message, self.bot_user())


def _membership(status: str, member: dict[str, Any]) -> dict[str, Any]:
    shape = {"status": status, "user": member}
    if status == "kicked":
        return shape | {"until_date": 0}  # removed for good
    if status == "restricted":  # muted, still in the group
        rights = (
            "can_send_messages can_send_audios can_send_documents can_send_photos "
            "can_send_videos can_send_video_notes can_send_voice_notes can_send_polls "
            "can_send_other_messages can_add_web_page_previews can_change_info "
            "can_invite_users can_pin_messages can_manage_topics can_edit_tag can_react_to_messages"
        )
        return shape | {"is_member": True, "until_date": 0} | dict.fromkeys(rights.split(), False)
    return shape


async def _holds(condition: Callable[[], bool | Awaitable[bool]]) -> bool:
    answer = condition()
    return await answer if inspect.isawaitable(answer) else answer


async def _params(request: web.Request) -> dict[str, Any]:
    form = await request.post()
    params: dict[str, Any] = {}
    for key, value in form.items():
        if isinstance(value, web.FileField):
            params[key] = {"filename": value.filename, "content": value.file.read().decode()}
        elif key in JSON_PARAMS:
            params[key] = json.loads(value)
        elif key in INT_PARAMS:
            params[key] = int(value)
        else:
            params[key] = value
    return params


def _error(status: int, description: str, **parameters: Any) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)
