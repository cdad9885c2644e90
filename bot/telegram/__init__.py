"""Telegram: a care circle in a Telegram group, through python-telegram-bot."""

from bot.telegram.transport import TelegramTransport

__all__ = ["TelegramTransport"]
