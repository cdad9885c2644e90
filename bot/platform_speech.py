"""What the bot says about a platform itself — Telegram's command menu and privacy mode,
Element's encryption settings, Matrix's /newcircle — from catalogs kept beside each adapter.

They share the core's layout (``<adapter>/locales/<lang>/LC_MESSAGES/<domain>.po``, see
``handlers.speech``) and are found here by path, so the core can say an adapter's notice
without importing the adapter or its platform library.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from handlers.speech import Catalogs

HERE = Path(__file__).parent
TELEGRAM = Catalogs(HERE / "telegram" / "locales", "telegram")
MATRIX = Catalogs(HERE / "matrix" / "locales", "matrix")
PLATFORMS = (TELEGRAM, MATRIX)


def platform_phrase(key: str, languages: Sequence[str], **values: object) -> str:
    """The adapter's message ``key`` in the circle's language, with ``values`` filled in.

    Raises:
        KeyError: no adapter has a message ``key``.
    """
    for catalogs in PLATFORMS:
        if catalogs.knows(key):
            return catalogs.phrase(key, languages, **values)
    raise KeyError(key)
