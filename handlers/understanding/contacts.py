"""Contacts said in plain words: "the GP is Dr Levin, 020 7946 0000" → a role, a name, a number.

A message is read as a contact only in one shape: it opens with a role word of one of the
circle's languages ("the GP", "la pharmacie", "der Hausarzt"), then "is" (or a colon), then who
it is: a phone number, a name and a number, or a name opening with a title ("Dr Levin"), on
one line and not asked. So "the pharmacy is closed today", "the GP said 3 out of 10" and "the
GP: can someone ring 020 7946 0000?" stay what they were. The words live in each
language's locale file, section ``[contacts]``; numbers are read by ``phones``.

``/contact GP Dr Levin 020 7946 0000`` is read the same way, but a role of the member's own
("/contact podiatrist …") is taken as it is and a name needs no title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from handlers.understanding import locales
from handlers.understanding.phones import phone_in, read_phone

# Longer than this, what follows the role is a sentence about them, not who they are.
NAME_MAX_CHARS = 80
NAME_MAX_WORDS = 6
_EDGES = " \t,;:.–—-·()"


@dataclass(frozen=True, slots=True)
class ContactReading:
    """Who the circle can call for one role: ``role`` is a key shared by every language
    (``"gp"``) or, from ``/contact``, the member's own word, lower case (``"podiatrist"``)."""

    role: str
    name: str
    phone: str | None  # E.164


def read_contact(text: str, languages: Sequence[str], zone: str) -> ContactReading | None:
    """``"the GP is Dr Levin, 020 7946 0000"`` in a circle on ``Europe/London`` →
    ``ContactReading("gp", "Dr Levin", "+442079460000")``; None for anything else.

    One anchored pattern decides first, so a message that opens with no role word costs a
    failed match and nothing more."""
    codes = _known(languages)
    match = _shape(codes).match(text)
    if match is None:
        return None
    role = _role_key(codes, match.group("role"))
    return _who(codes, role, match.group("rest"), zone, needs_title=True)


def read_contact_command(
    argument: str, languages: Sequence[str], zone: str
) -> ContactReading | None:
    """``/contact GP Dr Levin 020 7946 0000`` (the command's argument) → the contact; None
    when it says no role, or neither a name nor a valid number."""
    codes = _known(languages)
    match = _command_role(codes).match(argument)
    if match is not None:
        role, rest = _role_key(codes, match.group("role")), match.group("rest")
    else:
        word, _, rest = argument.strip().partition(" ")
        role = word.strip(_EDGES).casefold()
    if not role:
        return None
    return _who(codes, role, rest, zone, needs_title=False)


def _who(
    codes: tuple[str, ...], role: str, rest: str, zone: str, *, needs_title: bool
) -> ContactReading | None:
    """The name and number in what follows the role: a number-shaped run must be a valid
    number ("10.12.2026" is a date, not a contact), and without one the name must look like
    someone's (opening with a title, when ``needs_title``)."""
    found = phone_in(rest)
    phone = read_phone(found.group(), zone) if found else None
    if found is not None and phone is None:
        return None
    words = rest[: found.start()] + " " + rest[found.end() :] if found else rest
    name = _name(codes, words)
    if len(name) > NAME_MAX_CHARS or len(name.split()) > NAME_MAX_WORDS:
        return None
    if phone is None and not (name and (not needs_title or _titles(codes).match(name))):
        return None
    return ContactReading(role, name, phone)


def _name(codes: tuple[str, ...], words: str) -> str:
    """The name alone: no leading article, no "tel." before where the number stood."""
    name = " ".join(words.split()).strip(_EDGES)
    name = _phone_words(codes).sub("", name).strip(_EDGES)
    return _before(codes).sub("", name, count=1).strip(_EDGES)


def _known(languages: Sequence[str]) -> tuple[str, ...]:
    return tuple(code for code in languages if code in locales.codes()) or ("en",)


def _role_key(codes: tuple[str, ...], said: str) -> str:
    roles = {
        word.casefold(): key for word, key in locales.merged(codes, "contacts", "roles").items()
    }
    said = " ".join(said.split()).casefold()
    return roles.get(said, said)


@cache
def _roles(codes: tuple[str, ...]) -> str:
    """The role words of ``codes``, longest first ("district nurse" before "nurse")."""
    words = sorted(locales.merged(codes, "contacts", "roles"), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words) or locales.NEVER


def _words(codes: tuple[str, ...], key: str) -> str:
    return (
        "|".join(
            re.escape(word)
            for word in sorted(locales.listed(codes, "contacts", key), key=len)[::-1]
        )
        or locales.NEVER
    )


@cache
def _shape(codes: tuple[str, ...]) -> re.Pattern[str]:
    before = _words(codes, "before")
    return re.compile(
        rf"^\s*(?:(?:{before})\s*)?(?P<role>{_roles(codes)})"
        rf"(?:\s+(?:{_words(codes, 'is')})\s+|\s*[:=–—-]\s*)(?P<rest>[^\n?]+?)[\s.!]*$",
        re.IGNORECASE,
    )


@cache
def _command_role(codes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?P<role>{_roles(codes)})(?![\w'’])\s*:?(?P<rest>.*)$", re.IGNORECASE)


@cache
def _titles(codes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:{_words(codes, 'titles')})(?:\.|\b)", re.IGNORECASE)


@cache
def _phone_words(codes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:^|\s)(?:{_words(codes, 'phone_words')})\.?\s*:?$", re.IGNORECASE)


@cache
def _before(codes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"^(?:{_words(codes, 'before')})(?:\s+|(?<=['’]))", re.IGNORECASE)
