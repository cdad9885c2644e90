"""Understanding: what one plain message means, read from its text alone.

Text, the moment it was sent (aware, in the circle's zone) and the circle's languages go in; an
``Intent`` comes out. Nothing here imports the rest of the project, so the reading can be
tested, measured and replaced on its own.
"""

from handlers.understanding.intent import NOTHING, Intent, Kind, due_as_text
from handlers.understanding.reading import understand

__all__ = ["NOTHING", "Intent", "Kind", "due_as_text", "understand"]
