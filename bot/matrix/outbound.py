"""Writing the bot's ``Outgoing`` as Matrix event content: plain body, escaped HTML, relations.

Member-supplied words reach the HTML only through ``html.escape``, so ``<b>`` in a task title
arrives as text. Matrix has no buttons under messages, so their labels become a hint line
telling members which reaction does what.
"""

from __future__ import annotations

import html
from typing import Any

from handlers.messages import Attachment, ButtonAct, Outgoing

MATRIX_TO = "https://matrix.to/#/"


def reaction_content(message: Outgoing) -> dict[str, Any]:
    """An ``m.reaction`` annotation of ``message.reply_to_id`` with ``message.reaction``."""
    return {
        "m.relates_to": {
            "rel_type": "m.annotation",
            "event_id": message.reply_to_id,
            "key": message.reaction,
        }
    }


def button_hint(message: Outgoing) -> str | None:
    """``✋ I'll take it · ✅ Done`` as reactions to use, unless the text already says how to claim.

    The text says how when it quotes the claim button's words ('reply "I'll take it" to claim').
    """
    if not message.buttons:
        return None
    text = message.text.casefold()
    for button in message.buttons:
        words = button.label.split(maxsplit=1)[-1].casefold()
        if button.act is ButtonAct.CLAIM and words in text:
            return None
    return "↳ " + " · ".join(button.label for button in message.buttons)


def _body_and_html(message: Outgoing) -> tuple[str, str]:
    lines = [message.text]
    html_lines = [html.escape(message.text)]
    hint = button_hint(message)
    if hint is not None:
        lines.append(hint)
        html_lines.append(html.escape(hint))
    if message.mentions:
        lines.append(" ".join(mention.name for mention in message.mentions))
        html_lines.append(
            " ".join(
                f'<a href="{html.escape(MATRIX_TO + mention.user_id)}">'
                f"{html.escape(mention.name)}</a>"
                for mention in message.mentions
            )
        )
    return "\n".join(lines), "<br>".join(html_lines).replace("\n", "<br>")


def text_content(message: Outgoing, msgtype: str = "m.text") -> dict[str, Any]:
    """An ``m.room.message`` for ``message``: a reply, a thread message, or an edit."""
    body, formatted = _body_and_html(message)
    content: dict[str, Any] = {
        "msgtype": msgtype,
        "body": body,
        "format": "org.matrix.custom.html",
        "formatted_body": formatted,
        "m.mentions": {"user_ids": [mention.user_id for mention in message.mentions]},
    }
    if message.edit_of:
        return {
            **content,
            "body": f"* {body}",
            "formatted_body": f"* {formatted}",
            # Whoever was mentioned heard it the first time; an edit notifies nobody again.
            "m.mentions": {},
            "m.new_content": content,
            "m.relates_to": {"rel_type": "m.replace", "event_id": message.edit_of},
        }
    if message.thread_id:
        content["m.relates_to"] = {
            "rel_type": "m.thread",
            "event_id": message.thread_id,
            "is_falling_back": message.reply_to_id is None,
            "m.in_reply_to": {"event_id": message.reply_to_id or message.thread_id},
        }
    elif message.reply_to_id:
        content["m.relates_to"] = {"m.in_reply_to": {"event_id": message.reply_to_id}}
    return content


def file_content(
    message: Outgoing, attachment: Attachment, url_or_file: dict[str, Any], size_bytes: int
) -> dict[str, Any]:
    """An ``m.file`` with ``message.text`` as its caption, once the file is uploaded.

    ``url_or_file`` is ``{"url": mxc}`` in a plain room or ``{"file": {...keys}}`` in an
    encrypted one.
    """
    content = text_content(message, msgtype="m.file")
    content.update(url_or_file)
    content["filename"] = attachment.filename
    content["info"] = {"mimetype": attachment.media_type, "size": size_bytes}
    return content
