"""Export a player's sessions and trials as CSV or JSON, one row per session or trial, and
their check-ins (if they answered any), one row per day."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from deftly import checkins
from engine.store.atomic import write_atomic
from engine.store.store import Profile, Store

SESSION_FIRST = ["id", "seq", "game", "level", "hand", "mode", "status", "started_at",
                 "ended_at", "duration_ms"]
TRIAL_FIRST = ["session", "game", "index"]
CHECKIN_COLUMNS = ["date", "pain_0_10", "fatigue_0_10", "feeling_after"]


def flatten(doc: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts become prefixed columns; lists become JSON text."""
    out: dict[str, Any] = {}
    for key, value in doc.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            out[name] = json.dumps(value, separators=(",", ":"))
        else:
            out[name] = value
    return out


def session_rows(store: Store, profile: Profile) -> list[dict[str, Any]]:
    rows = []
    for doc in store.sessions(profile.id):
        rows.append(flatten({k: v for k, v in doc.items()
                             if k not in ("profile", "trials_file")}))
    return rows


def trial_rows(store: Store, profile: Profile) -> list[dict[str, Any]]:
    rows = [flatten({k: v for k, v in doc.items() if k not in ("profile", "id")})
            for doc in store.all_trials(profile.id)]
    return sorted(rows, key=lambda r: (r.get("session", ""), r.get("index", 0)))


def checkin_rows(store: Store, profile: Profile) -> list[dict[str, Any]]:
    """A row per day with a check-in, oldest first (an answer skipped: empty)."""
    return [{"date": d.isoformat(), "pain_0_10": day.pain, "fatigue_0_10": day.fatigue,
             "feeling_after": day.feeling}
            for d, day in sorted(checkins.days_of(store, profile.id).items())]


def checkins_header() -> str:
    """The first line of checkins.csv: the scale the scores are on (no commas, so a
    spreadsheet shows it in one cell; `#`, so readers told of comments skip it)."""
    scale = checkins.SCALE_NAME.replace(", ", "/").replace(",", ";")
    return (f"# pain_0_10 and fatigue_0_10: {scale} before the day's first round; "
            f"feeling_after: {'/'.join(checkins.FEELINGS)} after the last\n")


def _columns(rows: Iterable[dict[str, Any]], first: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    if not seen:
        return list(first)
    return [c for c in first if c in seen] + sorted(c for c in seen if c not in first)


def _csv_bytes(rows: list[dict[str, Any]], first: list[str]) -> bytes:
    columns = _columns(rows, first)
    lines: list[str] = []

    class _Sink:
        def write(self, text: str) -> None:
            lines.append(text)

    writer = csv.DictWriter(_Sink(), fieldnames=columns, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return "".join(lines).encode("utf-8")


def export(store: Store, profile: Profile, fmt: str, out: Path) -> list[Path]:
    """Write `sessions.<fmt>` and `trials.<fmt>` into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    tables = {"sessions": (session_rows(store, profile), SESSION_FIRST),
              "trials": (trial_rows(store, profile), TRIAL_FIRST)}
    written = []
    for name, (rows, first) in tables.items():
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            data = _csv_bytes(rows, first)
        else:
            data = json.dumps({"player": profile.name, name: rows}, indent=1,
                              ensure_ascii=False).encode("utf-8")
        write_atomic(path, data)
        written.append(path)
    days = checkin_rows(store, profile)
    if days:    # a player who never answered one gets no file
        path = out / f"checkins.{fmt}"
        if fmt == "csv":
            data = checkins_header().encode("utf-8") + _csv_bytes(days, CHECKIN_COLUMNS)
        else:
            data = json.dumps({"player": profile.name, "scale": checkins.SCALE_NAME,
                               "checkins": days}, indent=1,
                              ensure_ascii=False).encode("utf-8")
        write_atomic(path, data)
        written.append(path)
    return written


def export_everything(store: Store, profile: Profile, parent: Path, today: date) -> Path:
    """The therapist's export: report.pdf, sessions.csv and trials.csv (and checkins.csv),
    and the rounds as FHIR Bundles in `fhir/` (the patient pseudonymous), in a new folder
    under `parent` (named for the player and the day; never one that exists)."""
    from deftly.export_folders import new_export_dir
    from deftly.fhir.export import export_fhir
    from deftly.report import ReportError, write_report

    folder = new_export_dir(parent, profile.name, today)
    export(store, profile, "csv", folder)
    export_fhir(store, profile, folder / "fhir")
    with suppress(ReportError):   # no finished rounds yet: the tables alone still help
        write_report(store, profile, folder / "report.pdf")
    return folder


CARD_FILES = ("progress-card.png", "progress-card.pdf")


def export_card(store: Store, profile: Profile, parent: Path, today: date) -> Path:
    """The weekly progress card for the 7 days ending `today`, as a PNG and a PDF, in a new
    folder under `parent` (never one that exists); a file that cannot be written raises
    CardError."""
    from deftly.card import card_of
    from deftly.card_draw import write_card
    from deftly.export_folders import new_export_dir

    folder = new_export_dir(parent, f"{profile.name}-card", today)
    card = card_of(store, profile, today)
    for name in CARD_FILES:
        write_card(card, folder / name)
    return folder
