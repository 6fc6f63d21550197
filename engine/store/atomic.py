"""Crash-safe file writes: temporary file, flush, fsync, rename, fsync of the folder."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

TEMP_SUFFIX = ".deftly-tmp"
_REPLACE_RETRIES = 20
_REPLACE_PAUSE_S = 0.05


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_with_retry(src: Path, dst: Path) -> None:
    """`os.replace`, retried briefly: on Windows a virus scanner may hold `dst` for a moment."""
    for attempt in range(_REPLACE_RETRIES):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == _REPLACE_RETRIES - 1:
                raise
            time.sleep(_REPLACE_PAUSE_S)


def write_atomic(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write `data` to `path` so that a crash leaves either the old or the new file, whole.

    Without `sync`, a killed process still leaves a whole file, but a power cut may not.
    """
    path = Path(path)
    tmp = path.with_name(f"{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        replace_with_retry(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()   # a half-written copy must not eat what space is left
        raise
    if sync:
        fsync_dir(path.parent)


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete temporary files a crash left behind; returns what was removed."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for stale in folder.rglob(f"*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale)
    return removed
