"""`deftly export --format fhir`: one transaction Bundle per round as JSON, the code
system beside them, and (if asked) one Bundle for the whole period."""

from __future__ import annotations

import json
import platform
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from deftly.fhir.bundle import (
    BundleError,
    Resource,
    code_system_entry,
    session_entries,
    transaction,
    who,
)
from deftly.fhir.codes import code_system
from deftly.progress import Bar, Quiet
from engine.store.atomic import write_atomic
from engine.store.store import Profile, Store
from games.registry import all_specs

INSTALL_SETTING = "fhir_install"


@dataclass(frozen=True)
class Written:
    """A Bundle written: its file and the rounds it holds."""

    path: Path
    sessions: tuple[str, ...]


@dataclass
class Export:
    """The Bundles written (the code system's first) and the rounds left out, each with
    why, in one line."""

    bundles: list[Written] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def pseudonym(store: Store, profile: Profile) -> str:
    """The player's stable random identifier, made (and kept) on the first export."""
    if profile.pseudonym:
        return profile.pseudonym
    made = uuid.uuid4().hex
    store.update_profile(replace(profile, pseudonym=made))
    return made


def install_id(store: Store) -> str:
    """This data folder's stable random identifier: the Device's."""
    known = store.get_setting(INSTALL_SETTING)
    if isinstance(known, str) and known:
        return known
    made = uuid.uuid4().hex
    store.put_setting(INSTALL_SETTING, made)
    return made


def screen(store: Store) -> dict[str, Any] | None:
    """The calibration of this machine's screen (the newest one saved), if any."""
    host = platform.node() or "device"
    found = [v for v in store.settings(f"calibration:{host}:").values() if isinstance(v, dict)]
    return found[-1] if found else None


def _dump(resource: Resource) -> bytes:
    return json.dumps(resource, ensure_ascii=False, allow_nan=False,
                      separators=(",", ":")).encode("utf-8")   # the C encoder: no indent


def export_fhir(store: Store, profile: Profile, out: Path, *, identify: bool = False,
                whole_period: bool = False, bar: Bar | None = None) -> Export:
    """Write `codesystem.json` (a Bundle creating the code system), a
    `round-<date>-<game>-<id>.json` Bundle per finished round and, if `whole_period`,
    `period.json`. A round whose record cannot be exported (no time zone, a field
    missing) is left out and said."""
    specs = {spec.id: spec for spec in all_specs()}
    person = who(profile, pseudonym(store, profile), identify)
    install, shown = install_id(store), screen(store)
    out.mkdir(parents=True, exist_ok=True)
    codes = code_system(list(specs.values()))
    done = Export([Written(out / "codesystem.json", ())])
    write_atomic(done.bundles[0].path, _dump(transaction([code_system_entry(codes)])))
    period: dict[str, Resource] = {}
    sessions = store.sessions(profile.id)
    bar = bar or Quiet()
    bar.reset(len(sessions))
    for session in sessions:
        bar.update(1)
        spec = specs.get(session.get("game", ""))
        if spec is None or session.get("status") != "complete":
            continue
        try:
            entries = session_entries(session, spec, person, install, shown)
        except BundleError as error:
            done.skipped.append(f"round {session.get('id')}: {error}")
            continue
        name = f"round-{session['started_at'][:10]}-{spec.id}-{session['id'][:8]}.json"
        write_atomic(out / name, _dump(transaction(entries)))
        done.bundles.append(Written(out / name, (session["id"],)))
        period.update({e["fullUrl"]: e for e in entries})
    if whole_period and period:
        path = out / "period.json"
        write_atomic(path, _dump(transaction(list(period.values()))))
        done.bundles.append(Written(path, tuple(s for w in done.bundles[1:]
                                                for s in w.sessions)))
    return done
