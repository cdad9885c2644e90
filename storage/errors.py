"""Storage's own failure, which every caller of the database may meet."""

from __future__ import annotations


class StorageUnavailable(Exception):
    """The database could not be reached, was locked for too long, or is full."""
