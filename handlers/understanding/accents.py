"""Text with its accents dropped, as people type on phones ("alguem", "tache", "ubernehme").

Every message the reader sees is stripped once or twice, so the per-character work is kept:
each character's bare form is worked out by Unicode decomposition the first time it is met and
then looked up by ``str.translate`` in C. Dropping the combining marks of each character's
decomposition is the same as dropping them from the decomposition of the whole text.
"""

from __future__ import annotations

import unicodedata

# Characters of the scripts families write in (Latin, Greek, Cyrillic and their marks) are
# remembered; any other is worked out each time, so odd input cannot grow the table without end.
_REMEMBERED_BELOW = 0x3000


class _BareForms(dict[int, str]):
    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        bare = "".join(char for char in decomposed if not unicodedata.combining(char))
        if code < _REMEMBERED_BELOW:
            self[code] = bare
        return bare


_BARE = _BareForms()


def without_accents(text: str) -> str:
    """``"übernehm ich, já está"`` → ``"ubernehm ich, ja esta"``."""
    return text if text.isascii() else text.translate(_BARE)
