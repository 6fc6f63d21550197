"""Storage problems, each told in one plain sentence."""

from __future__ import annotations


class StoreError(Exception):
    """A storage problem the user must know about; the message is one plain sentence."""


class DataFolderLockedError(StoreError):
    """Another Deftly is using the same data folder."""


class NewerSchemaError(StoreError):
    """The data was written by a newer Deftly; nothing is changed."""


class DamagedFileError(Exception):
    """A data file that cannot be read as what it should be (internal; triggers recovery)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
