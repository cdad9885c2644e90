"""Everything the bot says, per language, read from gettext catalogs.

Each language has one catalog, ``locales/<lang>/LC_MESSAGES/carecircle.po`` beside this file:
a symbolic ``msgid`` (``ack.unclaimed``) and its text as ``msgstr``, with ``str.format`` fields
(``{line}``) filled in when said. English is the source text (a monolingual catalog, as
Weblate calls it); a message missing or marked fuzzy in a language falls back to it, as
gettext does. The fields are not flagged ``python-brace-format``: tools compare such a flag
against the msgid, here a key without fields, so a test compares each translation's fields
with the English instead. Platform help (Telegram's menu, its privacy mode, Element's settings)
lives in catalogs of the same layout beside its adapter, under ``bot/``.

The ``.po`` files are read as they are, with Babel's ``read_po``, rather than compiled to
``.mo`` for the standard library's ``gettext``: the catalogs in the repository are then the
only copy, with no build step and no binary files to keep in step with them. Reading costs
little and is paid once per language, on its first message: Babel is imported only then
(about 40 ms), each catalog parses in a few milliseconds, and ``carecircle parse`` never
imports this package at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The languages the bot speaks, the first one also the fallback for any other.
LANGUAGES = ("en", "es", "fr", "de", "pt", "it")
SOURCE_LANGUAGE = LANGUAGES[0]
LOCALES = Path(__file__).parent / "locales"


def spoken_language(languages: Sequence[str]) -> str:
    """The first of ``languages`` the bot speaks; else English."""
    return next((code for code in languages if code in LANGUAGES), SOURCE_LANGUAGE)


@dataclass(frozen=True, slots=True)
class Catalogs:
    """One domain's catalogs: ``<directory>/<lang>/LC_MESSAGES/<domain>.po`` per language."""

    directory: Path
    domain: str

    def path(self, language: str) -> Path:
        return self.directory / language / "LC_MESSAGES" / f"{self.domain}.po"

    def messages(self, language: str) -> Mapping[str, str]:
        """Every message translated in ``language``, by key, in the catalog's order."""
        return _read_catalog(self, language)

    def knows(self, key: str) -> bool:
        return key in self.messages(SOURCE_LANGUAGE)

    def text(self, key: str, languages: Sequence[str]) -> str:
        """The unfilled text of ``key`` in the circle's language (English if untranslated).

        Raises:
            KeyError: no catalog of this domain has ``key``.
        """
        said = self.messages(spoken_language(languages)).get(key)
        return said if said is not None else self.messages(SOURCE_LANGUAGE)[key]

    def phrase(self, key: str, languages: Sequence[str], **values: object) -> str:
        """The message ``key`` in the circle's language, with ``values`` filled in."""
        return self.text(key, languages).format(**values)


@cache
def _read_catalog(catalogs: Catalogs, language: str) -> Mapping[str, str]:
    """The translated messages of one ``.po`` file; fuzzy ones are left out, as gettext does.

    Cached by catalogs and language, not by path: building and hashing a path for every
    phrase said cost more than the rest of saying it.
    """
    from babel.messages.pofile import read_po  # only once something is said: a cold start

    with catalogs.path(language).open("rb") as file:
        catalog = read_po(file, abort_invalid=True)
    return {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


SPEECH = Catalogs(LOCALES, "carecircle")


@cache
def language_names(speaking: str) -> Mapping[str, str]:
    """Each language the bot speaks, named as ``speaking`` writes it (``de`` → "Deutsch" in
    German, "German" in English), from Babel's copy of the Unicode CLDR."""
    from babel import Locale

    named = Locale.parse(spoken_language((speaking,))).languages
    return {code: named[code] for code in LANGUAGES}
