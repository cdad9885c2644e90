"""Keeping the database bounded: the retention windows applied, a little at a time, hourly.

``Pruner.prune_if_due`` runs in the nudge scheduler's tick. It works at most once an hour and
otherwise costs one comparison, so a tick with nothing due stays one indexed query. A run goes
through the tables in batches of ``BATCH_ROWS`` rows, each its own short transaction, and stops
a table after ``MOST_BATCHES``: a backlog (the first run on an old database) is worked off over
the following hours instead of in one long run, and no batch holds a lock for long.

When it last ran is kept in memory only: a restart prunes at once, which does no harm, and two
bot processes on one database both pruning skip each other's rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.config import RetentionSettings
from bot.nudging import CIRCLE_NUDGE_MEMORY
from storage import retention
from storage.database import Database

log = logging.getLogger(__name__)

PRUNE_EVERY = timedelta(hours=1)
# Circle-wide nudges (digests, look-backs) are needed only as far back as the nudge decisions
# read them back, so they follow no setting; one day more to spare.
CIRCLE_NUDGES_KEPT = CIRCLE_NUDGE_MEMORY + timedelta(days=1)
# Rows one batch (one transaction) changes, and batches per table in one run.
BATCH_ROWS = 500
MOST_BATCHES = 40


def prune(
    database: Database,
    windows: RetentionSettings,
    now: datetime,
    stopping: Callable[[], bool] = lambda: False,
) -> dict[str, int]:
    """Apply each retention window once, in bounded batches; rows changed per step.

    Task nudges go after events (a nudge waits for its task's last event to go) and delivered
    messages after nudges (a digest's message waits for its nudge).
    """
    days = timedelta(days=1)
    steps = (
        ("texts emptied", retention.empty_delivered_texts, windows.outbox_text_days * days),
        ("seen forgotten", retention.forget_seen, windows.seen_days * days),
        ("events deleted", retention.delete_events, windows.history_days * days),
        ("task nudges deleted", retention.delete_spent_task_nudges, windows.history_days * days),
        ("circle nudges deleted", retention.delete_old_circle_nudges, CIRCLE_NUDGES_KEPT),
        ("messages deleted", retention.delete_delivered_messages, windows.outbox_row_days * days),
    )
    changed: dict[str, int] = {}
    for name, step, window in steps:
        changed[name] = 0
        for _ in range(MOST_BATCHES):
            if stopping():
                return changed
            rows = database.run(step, now - window, BATCH_ROWS)
            changed[name] += rows
            if rows < BATCH_ROWS:
                break
    return changed


class Pruner:
    """Prunes at most once per ``PRUNE_EVERY``; the scheduler's tick asks it every time."""

    def __init__(self, database: Database, windows: RetentionSettings) -> None:
        self.database = database
        self.windows = windows
        self._pruned_at: datetime | None = None

    def prune_if_due(self, now: datetime, stopping: Callable[[], bool]) -> dict[str, int]:
        """Prune when an hour has passed since the last run (or none ran); rows changed."""
        if self._pruned_at is not None and now - self._pruned_at < PRUNE_EVERY:
            return {}
        self._pruned_at = now
        changed = prune(self.database, self.windows, now, stopping)
        if any(changed.values()):
            log.info("pruned: %s", ", ".join(f"{n} {what}" for what, n in changed.items() if n))
        return changed
