"""A tinydb Storage that writes atomically, keeps the previous file as a backup, caches
what it read, and treats an empty or malformed file as damage instead of an empty database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from engine.store.atomic import write_atomic
from engine.store.jsonfile import Tables, dump_tables, load_tables


def backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


class AtomicJSONStorage(Storage):
    """tinydb storage: `read` is served from memory after the first load; `write` keeps the
    new tables in memory, and `flush` replaces the file atomically (temp + fsync + rename +
    folder fsync), just after writing the same tables as `<file>.bak`: a whole second copy
    that a damaged file is restored from.

    Writing back later is safe because the store journals every change before it applies
    it, and only retires the journal after every file is flushed."""

    def __init__(self, path: str | Path, preloaded: Tables | None = None) -> None:
        self.path = Path(path)
        self._cache: Tables | None = preloaded
        self._loaded = preloaded is not None
        self.dirty = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self._loaded:
            self._cache = load_tables(self.path)
            self._loaded = True
        return self._cache

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._cache = data
        self._loaded = True
        self.dirty = True

    def flush(self) -> None:
        """Put the tables on disk (if they changed since the last flush)."""
        if not self.dirty or self._cache is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = dump_tables(self._cache)
        # the backup first: a crash between the two leaves the file behind, which the
        # journal brings up to date at the next opening (writing both again)
        write_atomic(backup_of(self.path), data)   # a whole second copy, never a link
        write_atomic(self.path, data)
        self.dirty = False
