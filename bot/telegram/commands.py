"""The command menu Telegram shows, described in each language the bot speaks.

Telegram picks the list matching each member's app language, so a Spanish-speaking aunt and
an English-speaking nurse in the same group each read the menu in their own language. The
descriptions are Telegram's own catalogs (``bot/telegram/locales``), keys ``menu.<command>``
and ``private_menu.<command>``.
"""

from __future__ import annotations

from telegram import BotCommand

from bot.platform_speech import TELEGRAM

# The menu of a circle's group, in the order Telegram shows it.
COMMANDS = (
    "tasks",
    "mine",
    "decisions",
    "plan",
    "contacts",
    "contact",
    "done",
    "help",
    "undo",
    "export",
    "timezone",
    "quiet",
    "digest",
    "mute",
    "unmute",
    "urgent",
    "snooze",
    "claim",
    "unclaim",
    "task",
    "decide",
)
# The menu of a private chat with the bot, which is no circle.
PRIVATE_COMMANDS = ("mine", "start")


def command_menu(language: str) -> list[BotCommand]:
    """The menu in one of the bot's languages (English for any other)."""
    return [BotCommand(name, TELEGRAM.text(f"menu.{name}", (language,))) for name in COMMANDS]


def private_menu(language: str) -> list[BotCommand]:
    """The menu of a private chat with the bot, in one of its languages."""
    return [
        BotCommand(name, TELEGRAM.text(f"private_menu.{name}", (language,)))
        for name in PRIVATE_COMMANDS
    ]
