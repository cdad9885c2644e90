"""How the bot's plain text reads in Telegram: escaped, mentions that notify, parts that fit."""

from __future__ import annotations

import html

from bot.telegram.formatting import MESSAGE_MAX_UNITS, html_parts, utf16_units
from handlers.messages import Mention


def test_mentions_notify_by_user_id_and_names_are_escaped() -> None:
    [part] = html_parts("🚨 #3 Insulin from the pharmacy", (Mention("42", "Ana <Nurse>"),))
    assert part == (
        '🚨 #3 Insulin from the pharmacy\n<a href="tg://user?id=42">Ana &lt;Nurse&gt;</a>'
    )


def test_a_line_longer_than_a_message_is_cut_between_words() -> None:
    parts = html_parts("word " * 2000)
    assert len(parts) == 3
    assert all(utf16_units(part) <= MESSAGE_MAX_UNITS for part in parts)
    assert all(not part.endswith("wor") for part in parts)


def test_emoji_count_double_towards_the_limit() -> None:
    parts = html_parts("🙂" * 3000)
    assert [utf16_units(part) for part in parts] == [4096, 1904]


def test_parts_are_whole_lines_that_read_back_as_the_text() -> None:
    text = "\n".join(f"{n} & <b>not bold</b> " * 30 for n in range(20))
    parts = html_parts(text)
    assert len(parts) > 1
    assert html.unescape("\n".join(parts)) == text
