"""The names storage keeps in text columns, as enums: what a task's status, an event's action and
a settled nudge's kind may be. Each member equals its stored string, so queries and rows read
the same; code names the member, never the string."""

from __future__ import annotations

from enum import StrEnum


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"  # called off by a member ("no need any more")
    MISSED = "missed"  # an occurrence of a series whose moment passed undone
    REMOVED = "removed"  # taken back by undo or /remove: shown nowhere


class EventAction(StrEnum):
    TASK_ADDED = "task_added"
    TASK_EDITED = "task_edited"
    TASK_REMOVED = "task_removed"
    OCCURRENCE = "occurrence"  # the next task of a series, opened by the bot
    MISSED = "missed"
    CLAIMED = "claimed"
    UNCLAIMED = "unclaimed"
    DONE = "done"
    CANCELLED = "cancelled"
    DECIDED = "decided"
    DECISION_EDITED = "decision_edited"
    SETTING = "setting"
    UNDO = "undo"
    FORGET_REQUESTED = "forget_requested"
    FORGOTTEN = "forgotten"
    FORGOT_MEMBER = "forgot_member"


class NudgeKind(StrEnum):
    REMIND = "remind"
    DUE_NOW = "due"
    UNCLAIMED = "unclaimed"
    OVERDUE = "overdue"
    URGENT = "urgent"
    DIGEST = "digest"
    LOOKBACK = "lookback"
    RECUR = "recur"  # a series' next occurrence opened: settled once, like a nudge
