"""The bot's introduction and its help, in each language a circle may write in."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.phrases import phrase

# The commands the help lists: the same words in every language, so kept out of the catalogs.
_SETTINGS = (
    "/timezone London · /language en es · /quiet 21:00-08:00 · /digest 08:30 | off · "
    "/mute /unmute · /urgent off | on · /snooze N … · /role GP · /forget · /forgetme"
)
_LISTS = "/tasks (/tasks 2 …) /mine /decisions /done /plan /contacts · /export (json, ics, fhir)"


def help_text(languages: Sequence[str]) -> str:
    return phrase("help", languages, lists=_LISTS, settings=_SETTINGS)


def intro_text(languages: Sequence[str]) -> str:
    return phrase("intro", languages)
