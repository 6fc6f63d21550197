"""Storage problems, each told in one plain sentence."""

from __future__ import annotations

import errno

FULL = (errno.ENOSPC, errno.EDQUOT)
UNWRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


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


class CannotSaveError(StoreError):
    """The disk is full or cannot be written: nothing already saved is lost, but this change
    could not be saved. Reading and exporting still work."""


def cannot_save(error: OSError) -> CannotSaveError:
    """The plain sentence for a write that failed (a full or read-only disk, or another
    fault of the disk)."""
    if error.errno in FULL:
        return CannotSaveError("The disk is full: nothing already saved was lost, but new "
                               "results cannot be saved until some space is freed.")
    if error.errno in UNWRITABLE:
        return CannotSaveError("The data folder cannot be written (read-only or not "
                               "allowed): nothing already saved was lost, but new results "
                               "cannot be saved.")
    return CannotSaveError(f"The data could not be saved ({error.strerror or error}): nothing "
                           f"already saved was lost, but new results cannot be saved.")
