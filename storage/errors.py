"""Storage's own failure, which every caller of the database may meet."""

from __future__ import annotations


class StorageUnavailable(Exception):
    """The database could not be reached, was locked for too long, or is full."""


class StaleSnapshot(StorageUnavailable):
    """A write an act decided on found the rows changed since they were read: the act's
    transaction is rolled back and tried again on fresh rows (``Database.run``)."""
