"""The journal: an append-only JSON-lines file, each record flushed and fsynced before the
caller goes on. A record cut short by a crash (the last line) is ignored."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from engine.store.atomic import fsync_dir
from engine.store.jsonfile import json_safe


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: BinaryIO | None = None
        self.sync_each = True
        """fsync every record (the app); a batch of simulated rounds syncs once at its end."""

    def append(self, record: dict[str, Any]) -> bytes:
        """Write one record durably (flush + fsync); cost does not grow with the data.
        Returns the line written."""
        return self.extend([record])

    def append_safe(self, record: dict[str, Any]) -> bytes:
        """`append` for a record that is `json_safe` already (a trial: it is not walked
        twice)."""
        return self.extend([record], safe=True)

    def extend(self, records: list[dict[str, Any]], *, safe: bool = False) -> bytes:
        """Write records durably, with one flush and fsync for them all; returns the lines
        written. `safe`: the records are `json_safe` already (it is not applied again)."""
        lines = b"".join(json.dumps(r if safe else json_safe(r), separators=(",", ":"),
                                    ensure_ascii=False, allow_nan=False).encode("utf-8")
                         + b"\n" for r in records)
        handle = self._open()
        start = handle.tell()
        try:
            handle.write(lines)
            handle.flush()
            if self.sync_each:
                os.fsync(handle.fileno())
        except OSError:
            self._cut_back(start)   # never leave half a record for the next one to join
            raise
        return lines

    def _end_the_last_line(self) -> None:
        """A record cut short by a crash must not join the next one: end a whole record
        that only lacks its newline, cut off a torn one."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if not size:
            return
        with open(self.path, "rb+") as handle:
            handle.seek(max(0, size - 65536))
            tail = handle.read()
            if tail.endswith(b"\n"):
                return
            if b"\n" not in tail:
                handle.seek(0)
                tail = handle.read()
            start = tail.rfind(b"\n") + 1
            last = tail[start:]
            try:
                whole = isinstance(json.loads(last), dict)
            except (UnicodeDecodeError, json.JSONDecodeError):
                whole = False
            if whole:
                handle.seek(0, os.SEEK_END)
                handle.write(b"\n")
            else:
                handle.truncate(size - len(last))
            handle.flush()
            os.fsync(handle.fileno())

    def _cut_back(self, size: int) -> None:
        """Drop whatever a failed append left after `size` bytes (freeing space works even
        on a full disk)."""
        handle, self._handle = self._handle, None
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.close()
        with contextlib.suppress(OSError):
            os.truncate(self.path, size)

    def sync(self) -> None:
        """Make every record written so far durable."""
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())

    def records(self) -> list[dict[str, Any]]:
        return list(read_records(self.path))

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def rotate(self, archive_dir: Path, name: str, keep: int) -> None:
        """Move the journal into `archive_dir` as `name` and start an empty one; keep the
        `keep` newest archives."""
        self.close()
        archive_dir.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and self.path.stat().st_size:
            os.replace(self.path, archive_dir / name)
            fsync_dir(archive_dir)
            fsync_dir(self.path.parent)
        for old in sorted(archive_dir.glob("*.jsonl"))[:-keep]:
            old.unlink(missing_ok=True)

    def _open(self) -> BinaryIO:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._end_the_last_line()
            fresh = not self.path.exists()
            self._handle = open(self.path, "ab")  # noqa: SIM115 - kept open for appends
            if fresh:
                fsync_dir(self.path.parent)
        return self._handle


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Every whole record in `path`; lines that do not parse (a torn write) are skipped."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_constant=_no_constant)
        except (UnicodeDecodeError, ValueError):   # torn, or NaN that was never written
            continue
        if isinstance(record, dict) and "op" in record:
            yield record


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not stored")
