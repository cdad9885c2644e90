"""Plain ``Outgoing`` text as Telegram HTML: escaped, with mention links, cut to the size limit."""

from __future__ import annotations

import html

from handlers.messages import Mention

# Telegram refuses a message longer than this, counted in UTF-16 code units after parsing.
MESSAGE_MAX_UNITS = 4096
# The same for the caption of a document.
CAPTION_MAX_UNITS = 1024


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def mention_links(mentions: tuple[Mention, ...]) -> str:
    """Each member as a link Telegram turns into a notification for them."""
    return " ".join(
        f'<a href="tg://user?id={html.escape(m.user_id)}">{html.escape(m.name, quote=False)}</a>'
        for m in mentions
    )


def html_parts(
    text: str, mentions: tuple[Mention, ...] = (), limit: int = MESSAGE_MAX_UNITS
) -> list[str]:
    """The text escaped for HTML parse mode, split at line breaks into parts Telegram accepts.

    Telegram limits the visible length, so the plain text is measured; escaping happens per
    line so an entity such as ``&amp;`` is never cut in half. Mentions end the last part.
    """
    lines = [(line, html.escape(line, quote=False)) for line in _short_lines(text, limit)]
    if mentions:
        lines.append((" ".join(m.name for m in mentions), mention_links(mentions)))
    parts: list[list[str]] = [[]]
    used = 0
    for visible, rendered in lines:
        cost = utf16_units(visible) + (1 if parts[-1] else 0)
        if parts[-1] and used + cost > limit:
            parts.append([])
            used, cost = 0, utf16_units(visible)
        parts[-1].append(rendered)
        used += cost
    return ["\n".join(part) for part in parts]


def _short_lines(text: str, limit: int) -> list[str]:
    """The text's lines; one longer than a whole message is cut, at a space where there is one."""
    short: list[str] = []
    for line in text.split("\n"):
        while utf16_units(line) > limit:
            cut = _cut_point(line, limit)
            short.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        short.append(line)
    return short


def _cut_point(line: str, limit: int) -> int:
    end = limit
    while utf16_units(line[:end]) > limit:
        end -= 1
    space = line.rfind(" ", 0, end)
    return space if space > end // 2 else end
