"""The core's errors: each names what went wrong; adapters turn them into a kind answer."""

from __future__ import annotations


class CareCircleError(Exception):
    """Base of every error the core raises on purpose."""


class StorageUnavailable(CareCircleError):
    """The database could not be reached, was locked for too long, or is full."""


class NotUnderstood(CareCircleError):
    """A command whose words the core cannot read (a bad time zone, a time like 25:00)."""
