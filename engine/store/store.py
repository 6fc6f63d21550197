"""The store: profiles, settings, state, sessions and trials, durable through any crash.

Layout of the data folder:

    deftly.lock                 held while a Deftly has the folder open
    journal.jsonl               write-ahead log: every change is appended and fsynced first
    journal-archive/*.jsonl     the last folded journals (replayed when a file is restored)
    db/core.json                profiles, settings, state, overrides, events, schema version
    db/core-history.jsonl       every change to core.json (compacted now and then)
    db/sessions/<profile>/<YYYY-MM>.json      sessions, one file per profile and month
    db/trials/<profile>/<YYYY-MM>[.<n>].json  trials, at most TRIALS_PER_FILE per file
    recordings/<profile>/<session>.jsonl.gz   round recordings
    damaged/                    damaged files, moved aside and never overwritten

The tinydb files are views of the journal, written at checkpoints (the end of a round or
of a batch): each atomically, then again as a whole second copy, `<file>.bak`; only then
is the journal archived. A damaged file is copied aside, rebuilt from its backup (or, for
core.json with no good backup, from core-history.jsonl) with the journal replayed over
it, and put back in one step. A missing core.json in a folder that was used before is
damage, never a new folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.table import Table

from engine import __version__
from engine.clock import WallClock, system_time
from engine.hands import HANDS
from engine.store.atomic import fsync_dir, remove_stale_temps, write_atomic
from engine.store.errors import (
    DamagedFileError,
    NewerSchemaError,
    StoreError,
    cannot_save,
)
from engine.store.journal import Journal, read_records
from engine.store.jsonfile import Tables, dump_tables, json_safe, load_tables
from engine.store.lock import DataLock
from engine.store.records import (
    CORE_OPS,
    CORE_TABLES,
    FIXED_SESSION_KEYS,
    is_player_id,
    jsonl,
    mentions,
    snapshot,
    valid_record,
)
from engine.store.storage import AtomicJSONStorage, backup_of

SCHEMA_VERSION = 1
TRIALS_PER_FILE = 5000
KEEP_ARCHIVES = 20
HISTORY_COMPACT_LINES = 20_000
MIN_MARK = 16   # what `forget` removes: ids (32 hex) and hashes, never anything as short as a word

Migration = Callable[["Store"], None]
MIGRATIONS: dict[int, Migration] = {}
"""MIGRATIONS[v] upgrades a folder from schema v to v + 1."""

Doc = dict[str, Any]


def new_id() -> str:
    return uuid.uuid4().hex




@dataclass(frozen=True)
class Profile:
    """A player."""

    id: str
    name: str
    affected_hand: str = "right"
    dominant_hand: str = "right"
    notes: str = ""
    color: str | None = None
    created: str = ""
    prefs: dict[str, Any] = field(default_factory=dict)
    record_number: str = ""
    """The patient's record number in the clinic's files (the report prints it)."""
    clinician: str = ""
    """The therapist responsible (the report prints it and signs as its author)."""
    pseudonym: str = ""
    """A random identifier given on the first FHIR export: the patient's name in the
    clinic's record unless the therapist chooses to send the name."""

    def to_doc(self) -> Doc:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: Doc) -> Profile:
        known = {f: doc[f] for f in cls.__dataclass_fields__ if f in doc}
        return cls(**known)


class Store:
    """Open with `Store.open(folder)`; close with `close()` (or use it as a context manager)."""

    def __init__(self, folder: Path, app_version: str = __version__,
                 clock: WallClock = system_time) -> None:
        self.folder = Path(folder)
        self.app_version = app_version
        self.clock = clock
        """The calendar time for labels, dates and file names (simulations pass their own)."""
        self.problems: list[str] = []
        self._listeners: list[Callable[[str], None]] = []
        self._reported: set[Path] = set()
        self._history_checked = False
        self._unsynced: list[Path] = []
        self._to_clean: dict[Path, list[Doc]] = {}
        self._opened = False
        self._lock = DataLock(self.folder)
        self._journal = Journal(self.folder / "journal.jsonl")
        self._dbs: dict[Path, TinyDB] = {}
        self._active: dict[str, Doc] = {}          # sessions begun and not yet ended
        self._active_trials: dict[str, list[Doc]] = {}
        self._batch_depth = 0
        self._journal_core: list[Doc] | None = None
        """The core records in the journal file, as written since it was last empty (so a
        checkpoint need not read the file back); None: unknown, read the file."""
        self._present: tuple[dict[str, Doc], int, set[Any]] | None = None
        """The trial ids in the trials table folded into last (the table, its size)."""

    # -- opening and closing -------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path | str, app_version: str = __version__,
             clock: WallClock = system_time) -> Store:
        """Lock the folder, recover from any crash or damage, and fold the journal in."""
        store = cls(Path(folder), app_version, clock)
        try:
            store.folder.mkdir(parents=True, exist_ok=True)
            store._lock.acquire()
        except OSError as error:
            raise StoreError(f"The data folder {store.folder} cannot be used "
                             f"({error.strerror or error}).") from error
        try:
            remove_stale_temps(store.folder)
            store._not_a_file_aside(store._journal.path)
            store._check_schema()
            store._may_not_save(store.fold)
            store._may_not_save(store._finish_erasures)
            store._opened = True
            store._may_not_save(store._clean_read)
        except BaseException:
            store.close(checkpoint=False)   # a refused folder is left exactly as it was
            raise
        return store

    def close(self, checkpoint: bool = True) -> None:
        """Put what changed on disk and let go of the folder. If the files cannot be
        written now, the journal still holds every change and the next open replays it."""
        if checkpoint:
            with contextlib.suppress(OSError):
                self._checkpoint()
        self._journal.close()
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------
    def _log(self, record: Doc, *, safe: bool = False) -> None:
        """Journal one change durably, or raise CannotSaveError in one sentence. `safe`:
        the record is `json_safe` already."""
        try:
            line = self._journal.append_safe(record) if safe else self._journal.append(record)
        except OSError as error:
            self._journal_core = None
            raise cannot_save(error) from error
        except BaseException:
            self._journal_core = None
            raise
        if self._journal_core is not None and record.get("op") in CORE_OPS:
            written = json.loads(line) if isinstance(line, bytes) else None   # as read back
            if isinstance(written, dict) and valid_record(written):
                self._journal_core.append(written)
            else:
                self._journal_core = None   # reading the file reports it

    def _may_not_save(self, write: Callable[[], None]) -> bool:
        """Run `write`, which only puts on disk what the journal already holds: if the disk
        is full or read-only, say so once and go on from memory (the journal replays it
        later). Returns whether it was written."""
        try:
            write()
            return True
        except OSError as error:
            plain = cannot_save(error)
            if str(plain) not in self.problems:
                self._note_problem(str(plain))
            return False

    # -- the clock -------------------------------------------------------------------------
    def label(self) -> str:
        """Now as an ISO-8601 label with its UTC offset (never used for arithmetic)."""
        return self.clock().isoformat(timespec="seconds")

    def _stamp(self) -> str:
        """Now for a file name (damaged copies, backups)."""
        return f"{self.clock():%Y%m%d-%H%M%S}"

    # -- paths -------------------------------------------------------------------------------
    @property
    def db_dir(self) -> Path:
        return self.folder / "db"

    @property
    def core_path(self) -> Path:
        return self.db_dir / "core.json"

    @property
    def core_history_path(self) -> Path:
        """Every change to the core file since the folder began (compacted now and then):
        what rebuilds it when the file and its backup are both damaged."""
        return self.db_dir / "core-history.jsonl"

    @property
    def archive_dir(self) -> Path:
        return self.folder / "journal-archive"

    def _archives(self) -> list[Path]:
        """The kept journal archives, oldest first (their names count up)."""
        return sorted(self.archive_dir.glob("*.jsonl")) if self.archive_dir.is_dir() else []

    @property
    def damaged_dir(self) -> Path:
        return self.folder / "damaged"

    def recordings_dir(self, profile_id: str) -> Path:
        return self.folder / "recordings" / profile_id

    def sessions_path(self, profile_id: str, month: str) -> Path:
        return self.db_dir / "sessions" / profile_id / f"{month}.json"

    # -- tinydb files with recovery --------------------------------------------------------
    def _db(self, path: Path) -> TinyDB:
        db = self._dbs.get(path)
        if db is None:
            tables = self._load_or_recover(path)
            db = TinyDB(storage=AtomicJSONStorage, path=path, preloaded=tables)
            self._dbs[path] = db
        return db

    def _has_file(self, path: Path) -> bool:
        """Whether a database file exists (on disk, or in memory and not yet written)."""
        return path in self._dbs or path.exists()

    def _files(self, folder: Path) -> list[Path]:
        """The database files in `folder` (on disk, or in memory and not yet written)."""
        on_disk = set(folder.glob("*.json")) if folder.is_dir() else set()
        return sorted(on_disk | {p for p in self._dbs if p.parent == folder})

    def _load_or_recover(self, path: Path) -> Tables:
        try:
            tables = self._load_checked(path)
        except DamagedFileError as damage:
            return self._recover(path, damage.reason)
        if tables is None and path == self.core_path and self._has_history():
            return self._recover(path, "is missing")
        return tables or {}

    def _load_checked(self, path: Path, role: Path | None = None) -> Tables | None:
        """A database file's tables (None if missing); a core file whose data version is
        not a whole number is damage too (raises DamagedFileError)."""
        tables = load_tables(path)
        if tables is not None and (role or path) == self.core_path:
            for doc in tables.get("meta", {}).values():
                version = doc.get("version")
                if doc.get("key") == "schema" and (not isinstance(version, int) or
                                                   isinstance(version, bool)):
                    raise DamagedFileError(f"has a data version this Deftly cannot read "
                                           f"({str(version)[:20]!r})")
        return tables

    def _has_history(self) -> bool:
        """Whether this folder was used before (a missing core file is then damage)."""
        return any(p.exists() for p in (backup_of(self.core_path), self.core_history_path,
                                        self.db_dir / "sessions", self.db_dir / "trials")) \
            or bool(self._archives())

    def _recover(self, path: Path, reason: str) -> Tables:
        """Keep a copy of the damaged file, rebuild it from its backup and the journals,
        then put the rebuilt file in its place in one step (a crash at any point leaves
        the damaged file or the rebuilt one, and the copy)."""
        rel = path.relative_to(self.folder)
        aside = None
        if path.is_dir():
            aside = self._keep_aside(path, rel)
        elif path.exists():
            with contextlib.suppress(OSError):   # a full disk: the damaged file stays put
                aside = self._keep_aside(path, rel)
        tables: Tables = {}
        restored = "no good copy was found, so it was rebuilt from the journal"
        try:
            backup = self._load_checked(backup_of(path), path)
        except DamagedFileError:
            backup = None
        if backup is not None:
            tables, restored = backup, "the last good copy was restored"
        elif path == self.core_path and self.core_history_path.exists():
            restored = "it was rebuilt from the history of every change"
        db = TinyDB(storage=AtomicJSONStorage, path=path, preloaded=tables)
        self._dbs[path] = db
        self._replay_into(path, from_history=backup is None)
        data = dump_tables(db.storage.read() or {})

        def put_back() -> None:
            write_atomic(backup_of(path), data)
            write_atomic(path, data)

        kept = f"a copy was kept as damaged/{aside.name} and " if aside else ""
        later = "" if self._may_not_save(put_back) else \
            " (in memory only: it is written when the disk has room again)"
        if later:
            _storage(db).dirty = True
        self._note_problem(f"A data file ({rel}) {reason}; {kept}{restored}{later}.")
        return db.storage.read() or {}

    def _not_a_file_aside(self, path: Path) -> None:
        """Move a folder (or anything but a file) found where a file should be."""
        if path.exists() and not path.is_file():
            rel = path.relative_to(self.folder)
            aside = self._keep_aside(path, rel)
            self._note_problem(f"Something that is not a file stood where {rel} should be; "
                               f"it was moved to damaged/{aside.name}.")

    def _keep_aside(self, path: Path, rel: Path) -> Path:
        """A copy of a damaged file in damaged/ (the same bytes are kept only once); a
        folder where a file should be is moved there."""
        self.damaged_dir.mkdir(parents=True, exist_ok=True)
        base = "__".join(rel.parts)
        aside = self.damaged_dir / f"{base}.{self._stamp()}"
        n = 1
        while aside.exists():
            aside = aside.with_name(f"{base}.{self._stamp()}-{n}")
            n += 1
        if path.is_dir():
            os.replace(path, aside)
            return aside
        raw = path.read_bytes()
        for earlier in self.damaged_dir.glob(f"{base}.*"):
            if earlier.is_file() and earlier.read_bytes() == raw:
                return earlier
        write_atomic(aside, raw)
        return aside

    def _replay_into(self, path: Path, from_history: bool = False) -> None:
        """Apply the journals to one file. The core file, rebuilt with no backup, takes
        the history of every core change; the others take the kept journal archives."""
        sources: list[Path] = []
        if from_history and path == self.core_path and self.core_history_path.exists():
            sources.append(self.core_history_path)
        else:
            sources.extend(self._archives())
        records: list[Doc] = []
        for source in [*sources, self._journal.path]:
            records.extend(self._read(source))
        self._apply(records, only=path, interrupted_ok=True)

    def _read(self, source: Path) -> list[Doc]:
        """The records of a journal file that this version understands. A file holding
        others (written by a newer Deftly, or damaged) is copied aside once and said so;
        its good records are used."""
        good, bad = [], 0
        try:
            for record in read_records(source):
                if valid_record(record):
                    good.append(record)
                else:
                    bad += 1
        except OSError:   # unreadable, or a folder in a journal file's place
            bad = 1
        if bad and source not in self._reported:
            self._reported.add(source)
            rel = source.relative_to(self.folder)
            try:
                aside = f"a copy was kept as damaged/{self._keep_aside(source, rel).name}"
                self._to_clean[source] = good   # said once, not at every opening
                if self._opened:
                    self._clean_read()
            except OSError:
                aside = "it was left as it is"
            self._note_problem(f"A journal file ({rel}) held {bad} record(s) or part(s) "
                               f"this Deftly cannot read; {aside}, and the rest was used.")
        return good

    def _clean_read(self) -> None:
        """Rewrite the journal files found holding bad records with only their good ones
        (their copies are in damaged/). Not before the folder is accepted: a folder
        refused as newer is left as it was."""
        for source, good in list(self._to_clean.items()):
            if source.is_file():
                if source == self._journal.path:
                    self._journal.close()
                    self._journal_core = None
                write_atomic(source, jsonl(good))
            del self._to_clean[source]

    def _note_problem(self, text: str) -> None:
        self.problems.append(text)
        for listener in self._listeners:
            listener(text)

    def watch_problems(self, listener: Callable[[str], None]) -> None:
        """Tell `listener` every problem found so far and every one found later (a file
        recovered when it is first read, long after opening)."""
        for problem in self.problems:
            listener(problem)
        self._listeners.append(listener)

    # -- schema --------------------------------------------------------------------------
    def _check_schema(self) -> None:
        meta = self._db(self.core_path).table("meta")
        doc = meta.get(Query().key == "schema")
        if doc is None:
            self._put_core("meta", "schema", {"version": SCHEMA_VERSION,
                                              "app_version": self.app_version})
            return
        version = doc.get("version", 0)
        if not isinstance(version, int) or isinstance(version, bool):
            raise StoreError(f"The data folder's version ({version!r}) is not one this "
                             f"Deftly can read; nothing was changed.")
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"This data was written by a newer Deftly (data version {version}, this "
                f"Deftly understands up to {SCHEMA_VERSION}); please update Deftly. "
                f"Nothing was changed.")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        backup_dir = self.folder / "backups" / f"before-schema-{version + 1}-{self._stamp()}"
        shutil.copytree(self.db_dir, backup_dir)
        while version < SCHEMA_VERSION:
            step = MIGRATIONS.get(version)
            if step is None:
                raise StoreError(f"No way to upgrade data version {version}; "
                                 f"a copy is kept in {backup_dir}.")
            step(self)
            version += 1
            self._put_core("meta", "schema", {"version": version,
                                              "app_version": self.app_version})

    # -- core tables (keyed documents) -------------------------------------------------------
    def _core_table(self, table: str) -> Table:
        if table not in CORE_TABLES:
            raise KeyError(table)
        return self._db(self.core_path).table(table)

    def _get_core(self, table: str, key: str) -> Doc | None:
        doc = self._core_table(table).get(Query().key == key)
        return dict(doc) if doc is not None else None

    def _put_core(self, table: str, key: str, doc: Doc) -> None:
        record = {"op": "put", "table": table, "key": key, "doc": json_safe(doc)}
        self._log(record)
        self._apply([record])

    def _delete_core(self, table: str, key: str) -> None:
        record = {"op": "del", "table": table, "key": key}
        self._log(record)
        self._apply([record])

    def _all_core(self, table: str) -> list[Doc]:
        return [dict(doc) for doc in self._core_table(table).all()]

    # -- settings and state -------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        doc = self._get_core("settings", key)
        return default if doc is None else doc.get("value", default)

    def put_setting(self, key: str, value: Any) -> None:
        self._put_core("settings", key, {"value": value})

    def settings(self, prefix: str = "") -> dict[str, Any]:
        """Every setting whose key starts with `prefix`, by key."""
        return {doc["key"]: doc.get("value") for doc in self._all_core("settings")
                if doc["key"].startswith(prefix)}

    def get_state(self, kind: str, key: str) -> Any:
        doc = self._get_core("state", f"{kind}|{key}")
        return None if doc is None else doc.get("value")

    def put_state(self, kind: str, key: str, value: Any) -> None:
        self._put_core("state", f"{kind}|{key}", {"value": value})

    def states(self, kind: str, prefix: str = "") -> dict[str, Any]:
        """Every state of `kind` whose key starts with `prefix`, by key."""
        start = f"{kind}|{prefix}"
        return {doc["key"][len(kind) + 1:]: doc.get("value") for doc in self._all_core("state")
                if doc["key"].startswith(start)}

    def get_override(self, profile_id: str, key: str) -> Any:
        doc = self._get_core("overrides", f"{profile_id}|{key}")
        return None if doc is None else doc.get("value")

    def put_override(self, profile_id: str, key: str, value: Any) -> None:
        if value is None:
            self._delete_core("overrides", f"{profile_id}|{key}")
        else:
            self._put_core("overrides", f"{profile_id}|{key}", {"value": value})

    def overrides(self, profile_id: str) -> dict[str, Any]:
        prefix = f"{profile_id}|"
        return {doc["key"][len(prefix):]: doc.get("value") for doc in self._all_core("overrides")
                if doc["key"].startswith(prefix)}

    def add_event(self, profile_id: str, kind: str, data: Doc) -> None:
        """Record something that happened (a level unlocked), with a wall-clock label."""
        self._put_core("events", new_id(), {"profile": profile_id, "kind": kind,
                                            "at": self.label(), "seq": self._next_seq(),
                                            **data})

    def events(self, profile_id: str, kind: str | None = None) -> list[Doc]:
        found = [doc for doc in self._all_core("events") if doc.get("profile") == profile_id
                 and (kind is None or doc.get("kind") == kind)]
        return sorted(found, key=lambda d: d.get("seq", 0))

    def _next_seq(self) -> int:
        """A counter that only goes up: orders sessions and events whatever the clock says."""
        doc = self._get_core("meta", "seq") or {"value": 0}
        value = int(doc["value"]) + 1
        self._put_core("meta", "seq", {"value": value})
        return value

    # -- profiles ------------------------------------------------------------------------
    def profiles(self) -> list[Profile]:
        docs = sorted(self._all_core("profiles"), key=lambda d: (d.get("created", ""),
                                                                 d.get("name", "")))
        return [Profile.from_doc(d) for d in docs]

    def profile(self, profile_id: str) -> Profile | None:
        doc = self._get_core("profiles", profile_id)
        return Profile.from_doc(doc) if doc else None

    def find_profile(self, name: str) -> Profile | None:
        wanted = name.strip().casefold()
        return next((p for p in self.profiles() if p.name.casefold() == wanted), None)

    def add_profile(self, name: str, affected_hand: str = "right", dominant_hand: str = "right",
                    notes: str = "", color: str | None = None) -> Profile:
        name = name.strip()
        if not name:
            raise StoreError("A player needs a name.")
        if self.find_profile(name):
            raise StoreError(f"There is already a player called {name}.")
        for hand in (affected_hand, dominant_hand):
            if hand not in HANDS:
                raise StoreError(f"A hand is one of {', '.join(HANDS)}, not {hand!r}.")
        profile = Profile(new_id(), name, affected_hand, dominant_hand, notes, color,
                          self.label())
        self._put_core("profiles", profile.id, profile.to_doc())
        return profile

    def update_profile(self, profile: Profile) -> None:
        if self.profile(profile.id) is None:
            raise StoreError(f"No player {profile.name} to update.")
        other = self.find_profile(profile.name)
        if other is not None and other.id != profile.id:
            raise StoreError(f"There is already a player called {profile.name}.")
        self._put_core("profiles", profile.id, profile.to_doc())

    def delete_profile(self, profile_id: str) -> None:
        """Remove a player with their sessions, trials, recordings, state and overrides,
        from every file of the folder at once (backups, journals, history, damaged copies)."""
        if not is_player_id(profile_id):
            raise StoreError("That is not a player of this folder.")
        record = {"op": "drop", "profile": profile_id}
        self._log(record)
        self._apply([record])
        self._may_not_save(lambda: self.forget(profile_id))

    def forget(self, *marks: str) -> None:
        """Rewrite every file of the folder that still holds one of `marks` (a deleted
        player's id: random hex that no other text holds, and every record naming a
        player holds it; an old PIN hash) without it, at once: the database files and
        their backups, the core history, the journal and its archives; damaged copies and
        schema backups that hold one are deleted. Only a deleted player's "drop" record
        keeps the id (nothing personal), so an erasure cut short is finished at the next
        opening."""
        ids = [m.encode("utf-8") for m in marks if len(m) >= MIN_MARK]   # never a word
        for path, db in list(self._dbs.items()):
            if not _storage(db).dirty and any(_holds(p, ids) for p in (path, backup_of(path))):
                _storage(db).dirty = True       # an earlier copy (its backup) still holds one
            if _storage(db).dirty:
                self._not_a_file_aside(path)
                self._not_a_file_aside(backup_of(path))
            _storage(db).flush()
        core = self._dbs.get(self.core_path)
        if core is not None:
            write_atomic(self.core_history_path, jsonl(snapshot(core.storage.read() or {})))
        self._journal.close()
        self._journal_core = None   # the journal may be rewritten
        sources = self._archives()
        for source in [*sources, self._journal.path]:
            if not source.is_file():
                continue
            raw = source.read_bytes()
            if not any(i in raw for i in ids):
                continue
            kept = [line for line in raw.split(b"\n") if line and not mentions(line, ids)]
            write_atomic(source, b"".join(line + b"\n" for line in kept))
        for folder in (self.damaged_dir, self.folder / "backups"):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
                with contextlib.suppress(OSError):
                    if path.is_file() and any(m in path.read_bytes() for m in ids):
                        path.unlink()

    def _finish_erasures(self) -> None:
        """Players dropped whose traces a crash left behind: erase them now."""
        sources = self._archives()
        dropped = {r["profile"] for source in [*sources, self._journal.path]
                   for r in self._read(source) if r.get("op") == "drop"}
        left = sorted(p for p in dropped if self._get_core("profiles", p) is None)
        if not left:
            return
        for player in left:   # a recording written after the drop, say
            for folder in (self.db_dir / "sessions" / player, self.db_dir / "trials" / player,
                           self.recordings_dir(player)):
                shutil.rmtree(folder, ignore_errors=True)
        marks = [p.encode() for p in left]
        kept = [*sources, self.core_history_path, backup_of(self.core_path)]
        for folder in (self.damaged_dir, self.folder / "backups"):
            kept += [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
        for source in kept:
            raw = source.read_bytes() if source.is_file() else b""
            if any(mentions(line, marks) for line in raw.split(b"\n")):
                self.forget(*left)
                return

    # -- sessions and trials ------------------------------------------------------------------
    def begin_session(self, profile_id: str, game: str, level: str, *, hand: str,
                      mode: str = "training", details: Doc | None = None) -> str:
        """Start a round; returns the session id. Durable at once."""
        if self.profile(profile_id) is None:
            raise StoreError("That player no longer exists.")
        started = self.label()
        session_id = new_id()
        doc = {"id": session_id, "seq": self._next_seq(), "profile": profile_id, "game": game,
               "level": level, "hand": hand, "mode": mode, "started_at": started,
               "ended_at": None, "duration_ms": None, "status": "playing", "summary": {},
               "app_version": self.app_version, "recording": None,
               "trials_file": self._trials_file(profile_id, started[:7]), **(details or {})}
        record = {"op": "session", "doc": json_safe(doc)}
        self._log(record)
        self._active[session_id] = record["doc"]
        self._active_trials[session_id] = []
        return session_id

    def add_trial(self, session_id: str, index: int, metrics: Doc) -> None:
        """Save one finished trial durably (journal append + fsync) before returning."""
        session = self._active.get(session_id)
        if session is None:
            raise StoreError("That round has already ended.")
        doc = json_safe({**metrics, "id": f"{session_id}#{index:05d}", "session": session_id,
                         "profile": session["profile"], "game": session["game"],
                         "index": index})
        self._log({"op": "trial", "session": session_id, "doc": doc}, safe=True)
        self._active_trials[session_id].append(doc)

    def end_session(self, session_id: str, *, summary: Doc, duration_ms: float,
                    status: str = "complete", recording: str | None = None,
                    details: Doc | None = None) -> None:
        """Finish a round: journal its summary, then fold it into the database files."""
        if session_id not in self._active:
            raise StoreError("That round has already ended.")
        extra = {k: v for k, v in (details or {}).items() if k not in FIXED_SESSION_KEYS}
        patch = {"ended_at": self.label(), "duration_ms": duration_ms, "status": status,
                 "summary": summary, "recording": recording, **extra}
        end = {"op": "end", "session": session_id, "patch": json_safe(patch)}
        begun = {"op": "session", "doc": self._active.pop(session_id)}
        trials = [{"op": "trial", "session": session_id, "doc": doc}
                  for doc in self._active_trials.pop(session_id)]
        try:
            self._log(end)
        except BaseException:
            # what was saved stays: the round goes into the files as interrupted
            self._apply([begun, *trials], interrupted_ok=True)
            raise
        self._apply([begun, *trials, end])
        if not self._batch_depth:
            self._may_not_save(self._checkpoint)

    def written_unsynced(self, path: Path) -> None:
        """A file written without fsync inside a batch (a recording): synced at its end."""
        self._unsynced.append(path)

    def _sync_written(self) -> None:
        folders = set()
        for path in self._unsynced:
            with contextlib.suppress(OSError):
                fd = os.open(path, os.O_RDWR)   # Windows syncs only files open for writing
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
                folders.add(path.parent)
        for folder in folders:
            fsync_dir(folder)
        self._unsynced.clear()

    @property
    def syncs_each_write(self) -> bool:
        """False inside a batch: what is written there is made durable when it ends."""
        return not self._batch_depth

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many rounds in a row (simulated days): every change is journalled and readable at
        once as always, but it is made durable (one fsync) and the files are written once,
        when the batch ends. Only for data that can be made again: a power cut during a
        batch may lose the batch (a killed process loses nothing)."""
        self._batch_depth += 1
        self._journal.sync_each = False
        try:
            yield
        finally:
            self._batch_depth -= 1
            if not self._batch_depth:
                self._journal.sync_each = True
                self._journal.sync()
                self._sync_written()
                self._may_not_save(self._checkpoint)

    def session(self, session_id: str) -> Doc | None:
        if session_id in self._active:
            return dict(self._active[session_id])
        for profile in self.profiles():
            for doc in self.sessions(profile.id):
                if doc["id"] == session_id:
                    return doc
        return None

    def sessions(self, profile_id: str, game: str | None = None) -> list[Doc]:
        """A player's finished rounds, oldest first (by sequence, not by clock)."""
        found: list[Doc] = []
        for path in self._files(self.db_dir / "sessions" / profile_id):
            table = self._db(path).storage.read() or {}
            for doc in table.get("sessions", {}).values():
                if game is None or doc.get("game") == game:
                    found.append(dict(doc))
        return sorted(found, key=lambda d: d.get("seq", 0))

    def trials(self, session_id: str, session: Doc | None = None) -> list[Doc]:
        """The trials of one round, in order (including a round still being played)."""
        if session_id in self._active_trials:
            return [dict(doc) for doc in self._active_trials[session_id]]
        session = session or self.session(session_id)
        if session is None:
            return []
        path = self._trials_path(session)
        table = (self._db(path).storage.read() or {}).get("trials", {}) \
            if self._has_file(path) else {}
        docs = [dict(doc) for doc in table.values() if doc.get("session") == session_id]
        return sorted(docs, key=lambda d: d.get("index", 0))

    def all_trials(self, profile_id: str) -> Iterable[Doc]:
        """Every stored trial of a player (for export)."""
        for path in self._files(self.db_dir / "trials" / profile_id):
            table = (self._db(path).storage.read() or {}).get("trials", {})
            yield from (dict(doc) for doc in table.values())

    def _trials_path(self, session: Doc) -> Path:
        return self.db_dir / "trials" / str(session["profile"]) / str(session["trials_file"])

    def _trials_file(self, profile_id: str, month: str) -> str:
        """The trials file for a new round: this month's newest, unless it is full."""
        folder = self.db_dir / "trials" / profile_id
        part = 1
        while self._has_file(folder / _part_name(month, part + 1)):
            part += 1
        current = folder / _part_name(month, part)
        if self._has_file(current):
            count = len((self._db(current).storage.read() or {}).get("trials", {}))
            if count >= TRIALS_PER_FILE:
                part += 1
        return _part_name(month, part)

    # -- folding the journal in ---------------------------------------------------------
    def fold(self) -> None:
        """Apply the journal to the database files (on opening: a round that never ended
        is folded as "interrupted"), then write them and archive the journal."""
        records = self._read(self._journal.path)
        if not records:
            return
        if self._active:
            return  # a round is in progress: its end checkpoints
        self._apply(records, interrupted_ok=True)
        self._checkpoint()

    def _checkpoint(self) -> None:
        """Write every changed file, then retire the journal (never while a round is
        being played: its records must stay in the journal until it ends)."""
        if self._active:
            return
        for path, db in list(self._dbs.items()):
            if _storage(db).dirty:
                self._not_a_file_aside(path)
                self._not_a_file_aside(backup_of(path))
            _storage(db).flush()
        if self._journal.path.exists() and self._journal.path.stat().st_size:
            self._keep_core_history()
            self._journal_core = None
            self._journal.rotate(self.archive_dir, self._archive_name(), KEEP_ARCHIVES)
        self._journal_core = []   # the journal is empty now

    def _keep_core_history(self) -> None:
        """Add the journal's core changes to the core history before the journal is
        archived (and later pruned); rewrite the history compactly when it grows long."""
        path = self.core_history_path
        core_db = self._dbs.get(self.core_path)
        known = self._journal_core
        changes = list(known) if known is not None else [
            r for r in self._read(self._journal.path) if r.get("op") in CORE_OPS]
        self._not_a_file_aside(path)
        lines = _history_lines(path)
        if not self._history_checked and path.exists():
            self._history_checked = True   # once a run: a damaged history is rewritten
            if len(self._read(path)) != lines:
                lines = HISTORY_COMPACT_LINES + 1
        if core_db is not None and (not path.exists() or
                                    lines + len(changes) > HISTORY_COMPACT_LINES):
            write_atomic(path, jsonl(snapshot(core_db.storage.read() or {})))
        elif changes:
            history = Journal(path)
            try:
                history.extend(changes)
            finally:
                history.close()

    def _archive_name(self) -> str:
        """The next journal archive's name. Archives replay in name order, so names count
        up whatever the clock says ("n" sorts after the older, time-stamped names)."""
        last = 0
        if self.archive_dir.is_dir():
            for path in self.archive_dir.glob("n*.jsonl"):
                number = path.name[1:].split("-", 1)[0].split(".", 1)[0]
                if number.isdigit():
                    last = max(last, int(number))
        return f"n{last + 1:09d}-{self._stamp()}.jsonl"

    def _apply(self, records: list[Doc], only: Path | None = None,
               interrupted_ok: bool = False) -> None:
        """Apply journal records (idempotent); with `only`, just those that touch that file."""
        sessions: dict[str, Doc] = {}
        trials: dict[str, list[Doc]] = {}
        ended: set[str] = set()
        core = only in (None, self.core_path)
        for record in records:
            op = record.get("op")
            if op in ("put", "del") and core:
                self._apply_core(record)
            elif op == "drop" and core:
                self._drop_profile(record["profile"])
            elif op == "session":
                sessions[record["doc"]["id"]] = dict(record["doc"])
                trials.setdefault(record["doc"]["id"], [])
            elif op == "trial" and record.get("session") in sessions:
                trials[record["session"]].append(record["doc"])
            elif op == "end" and record.get("session") in sessions:
                sessions[record["session"]].update(record["patch"])
                ended.add(record["session"])
        for session_id, doc in sessions.items():
            if session_id not in ended:
                if not interrupted_ok or session_id in self._active:
                    continue   # a round being played is folded when it ends
                doc["status"] = "interrupted"
            if self._get_core("profiles", doc["profile"]) is None:
                continue  # the player was deleted since
            self._fold_session(doc, trials[session_id], only)

    def _apply_core(self, record: Doc) -> None:
        table = self._core_table(record["table"])
        key = record["key"]
        existing = table.get(Query().key == key)
        if record["op"] == "del":
            if existing is not None:
                table.remove(doc_ids=[existing.doc_id])
            return
        doc = {**record["doc"], "key": key}
        if existing is None:
            table.insert(doc)
        elif dict(existing) != doc:
            table.update(doc, doc_ids=[existing.doc_id])

    def _fold_session(self, doc: Doc, trial_docs: list[Doc], only: Path | None) -> None:
        session_path = self.sessions_path(doc["profile"], doc["started_at"][:7])
        if only in (None, session_path):
            table = self._db(session_path).table("sessions")
            existing = table.get(Query().id == doc["id"])
            if existing is None:
                table.insert(doc)
            elif dict(existing) != doc:
                table.update(doc, doc_ids=[existing.doc_id])
        trials_path = self._trials_path(doc)
        if trial_docs and only in (None, trials_path):
            table = self._db(trials_path).table("trials")
            raw = (self._db(trials_path).storage.read() or {}).get("trials", {})
            present = self._present_ids(raw)
            new = [t for t in trial_docs if t["id"] not in present]
            if new:
                table.insert_multiple(new)
                after = (self._db(trials_path).storage.read() or {}).get("trials", {})
                self._present = None
                if len(after) == len(raw) + len(new):   # as tinydb inserts: the same, and these
                    present.update(t["id"] for t in new)
                    self._present = (after, len(after), present)

    def _present_ids(self, raw: dict[str, Doc]) -> set[Any]:
        """The trial ids in a trials table (kept for the table last folded into, while it
        is the very same table: tinydb makes a new one at every change)."""
        known = self._present
        if known is not None and known[0] is raw and known[1] == len(raw):
            return known[2]
        present = {t.get("id") for t in raw.values()}
        self._present = (raw, len(raw), present)
        return present

    def _drop_profile(self, profile_id: str) -> None:
        """State and override keys of a player start with the player's id."""
        if not is_player_id(profile_id):
            return   # never a folder above the player's own
        self._remove_core_where("profiles", lambda d: d.get("key") == profile_id)
        self._remove_core_where("state", lambda d: d.get("key", "").split("|")[1:2] ==
                                [profile_id])
        self._remove_core_where("overrides", lambda d: d.get("key", "").startswith(
            f"{profile_id}|"))
        self._remove_core_where("events", lambda d: d.get("profile") == profile_id)
        for folder in (self.db_dir / "sessions" / profile_id, self.db_dir / "trials" / profile_id,
                       self.recordings_dir(profile_id)):
            for path in [p for p in self._dbs if folder in p.parents]:
                self._dbs.pop(path).close()
            shutil.rmtree(folder, ignore_errors=True)

    def _remove_core_where(self, table: str, test: Callable[[Doc], bool]) -> None:
        t = self._core_table(table)
        ids = [doc.doc_id for doc in t.all() if test(doc)]
        if ids:
            t.remove(doc_ids=ids)

    # -- recordings --------------------------------------------------------------------
    def recording_path(self, session: Doc) -> Path | None:
        rel = session.get("recording")
        return self.folder / rel if rel else None

    def new_recording_path(self, profile_id: str, session_id: str) -> tuple[Path, str]:
        """Where a round's recording goes, and the relative name to store in the session."""
        path = self.recordings_dir(profile_id) / f"{session_id}.jsonl.gz"
        return path, str(path.relative_to(self.folder))


def _part_name(month: str, part: int) -> str:
    return f"{month}.json" if part == 1 else f"{month}.{part}.json"


def _storage(db: TinyDB) -> AtomicJSONStorage:
    """A database's storage, as the store made it."""
    storage = db.storage
    assert isinstance(storage, AtomicJSONStorage)
    return storage


def _holds(path: Path, marks: list[bytes]) -> bool:
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    return any(m in raw for m in marks)


def _history_lines(path: Path) -> int:
    try:
        with open(path, "rb") as handle:
            return sum(1 for _ in handle)
    except FileNotFoundError:
        return 0
