"""One writer per data folder: an OS file lock, released by the OS if the process dies."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

from engine.store.errors import UNWRITABLE, DataFolderLockedError

HELD = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)
"""What a lock attempt fails with when another process holds the lock."""


class DataLock:
    """Holds the data folder exclusively while the store is open.

    The lock is taken on the folder itself (where the system allows), so deleting
    `deftly.lock` cannot let a second writer in; `deftly.lock` holds the process id for
    the message a second Deftly gets."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "deftly.lock"
        self._fd: int | None = None
        self._folder_fd: int | None = None

    def acquire(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        folder_fd = _open_folder(self.folder)
        try:
            if folder_fd is not None and not self._take(folder_fd, self._pid_in_file):
                os.close(folder_fd)   # a file system that cannot lock folders (NFS, some
                folder_fd = None      # FUSE): deftly.lock alone guards the folder
            fd = self._open_lock_file()
            if fd is not None:
                try:
                    self._take(fd, lambda: _read_pid(fd))
                except BaseException:
                    os.close(fd)
                    raise
        except BaseException:
            if folder_fd is not None:
                os.close(folder_fd)
            raise
        if fd is not None:
            with contextlib.suppress(OSError):   # a full disk: the lock holds without the id
                os.ftruncate(fd, 0)
                os.write(fd, str(os.getpid()).encode())
        self._fd, self._folder_fd = fd, folder_fd

    def _take(self, fd: int, holder: Callable[[], str]) -> bool:
        """Lock `fd`: True once held, False where the file system cannot lock it at all;
        held by another process: DataFolderLockedError naming it."""
        try:
            _lock(fd)
        except OSError as error:
            if error.errno not in HELD:
                return False
            other = holder()
            who = f" (process {other})" if other else ""
            raise DataFolderLockedError(
                f"Deftly is already open on this data folder{who}; close it first, "
                f"or use another --data-dir ({self.folder}).") from error
        return True

    def _open_lock_file(self) -> int | None:
        """`deftly.lock`, opened; anything else in its place is moved to damaged/. None on
        a read-only disk without one (nobody can write there; the folder lock holds)."""
        if self.path.exists() and not self.path.is_file():
            damaged = self.folder / "damaged"
            damaged.mkdir(exist_ok=True)
            n = 1
            while (damaged / f"deftly.lock.{n}").exists():
                n += 1
            os.replace(self.path, damaged / f"deftly.lock.{n}")
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            if error.errno not in UNWRITABLE:
                raise
            return os.open(self.path, os.O_RDONLY) if self.path.exists() else None

    def _pid_in_file(self) -> str:
        try:
            return self.path.read_text(errors="replace").strip()[:32]
        except OSError:
            return ""

    def release(self) -> None:
        for fd in (self._fd, self._folder_fd):
            if fd is None:
                continue
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)
        self._fd = self._folder_fd = None


def _read_pid(fd: int) -> str:
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 32).decode(errors="replace").strip()
    return ""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _open_folder(folder: Path) -> int | None:
        return None   # an open file cannot be deleted on Windows: deftly.lock is enough

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _open_folder(folder: Path) -> int | None:
        return os.open(folder, os.O_RDONLY)

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
