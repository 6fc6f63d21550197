"""Storage: Deftly's journal + sharded atomic tinydb files, side by side with stock tinydb.

Stock tinydb (JSONStorage) rewrites its whole file on every insert and never fsyncs,
so its figures are for less work than Deftly's durable saves.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from tinydb import Query, TinyDB
from tinydb.storages import JSONStorage

from bench.common import heading, row
from engine.clock import system_time
from engine.store.jsonfile import dump_tables
from engine.store.store import TRIALS_PER_FILE, Store

TRIALS_PER_ROUND = 20
GAMES = ("tap", "trace", "pinch")


def trial_doc(session: str, profile: str, game: str, index: int) -> dict[str, object]:
    return {"id": f"{session}#{index:05d}", "session": session, "profile": profile,
            "game": game, "index": index, "success": index % 5 != 0,
            "target_x_mm": 80.5, "target_y_mm": 42.25, "target_w_mm": 14.0,
            "down_x_mm": 81.2, "down_y_mm": 40.9, "reaction_ms": 412.0, "movement_ms": 388.0,
            "endpoint_error_mm": 1.52, "dwell_ms": 96.0, "fingers": 1, "level_value": 14.0}


def session_doc(sid: str, seq: int, profile: str, game: str, month: str, part: str
                ) -> dict[str, object]:
    return {"id": sid, "seq": seq, "profile": profile, "game": game, "level": "L2",
            "hand": "right", "mode": "training", "started_at": f"{month}-14T10:00:00+01:00",
            "ended_at": f"{month}-14T10:02:00+01:00", "duration_ms": 120000.0,
            "status": "complete", "app_version": "0.1.0", "recording": None,
            "trials_file": part, "summary": {"hit_rate": 0.8, "reaction_ms_median": 410.0,
                                             "throughput_bits_per_s": 3.1}}


def build(folder: Path, trials: int) -> str:
    """A data folder holding `trials` trials for one player, spread over months."""
    with Store.open(folder) as store:
        profile = store.add_profile("Bench").id
    sessions: dict[str, dict[str, dict]] = {}
    shards: dict[str, dict[str, dict]] = {}
    rounds = trials // TRIALS_PER_ROUND
    per_month = TRIALS_PER_FILE // TRIALS_PER_ROUND - 1  # the newest file is nearly full
    now = system_time()
    for r in range(rounds):
        back = (rounds - 1 - r) // per_month
        year, month0 = divmod(now.year * 12 + now.month - 1 - back, 12)
        month = f"{year}-{month0 + 1:02d}"
        game = GAMES[r % len(GAMES)]
        sid = f"s{r:07d}"
        part = f"{month}.json"
        sessions.setdefault(month, {})[str(len(sessions.get(month, {})) + 1)] = session_doc(
            sid, r + 10, profile, game, month, part)
        shard = shards.setdefault(part, {})
        for i in range(TRIALS_PER_ROUND):
            shard[str(len(shard) + 1)] = trial_doc(sid, profile, game, i)
    for month, docs in sessions.items():
        path = folder / "db" / "sessions" / profile / f"{month}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(dump_tables({"sessions": docs}))
    for part, docs in shards.items():
        path = folder / "db" / "trials" / profile / part
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(dump_tables({"trials": docs}))
    return profile


def build_stock(path: Path, trials: int) -> TinyDB:
    docs = {str(i + 1): trial_doc(f"s{i // TRIALS_PER_ROUND:07d}", "p", "tap",
                                  i % TRIALS_PER_ROUND) for i in range(trials)}
    sessions = {str(i + 1): session_doc(f"s{i:07d}", i, "p", GAMES[i % 3], "2026-01",
                                        "x") for i in range(trials // TRIALS_PER_ROUND)}
    path.write_text(json.dumps({"trials": docs, "sessions": sessions}))
    return TinyDB(path, storage=JSONStorage)


def deftly_figures(size: int, root: Path) -> dict[str, float]:
    folder = root / f"deftly-{size}"
    profile = build(folder, size) if size else None
    out: dict[str, float] = {}
    start = time.perf_counter()
    store = Store.open(folder)
    if profile is None:
        profile = store.add_profile("Bench").id
    store.sessions(profile, "tap")
    out["trend"] = (time.perf_counter() - start) * 1000
    session = store.begin_session(profile, "tap", "L2", hand="right")
    saves = []
    for i in range(TRIALS_PER_ROUND):
        start = time.perf_counter()
        store.add_trial(session, i, trial_doc(session, profile, "tap", i))
        saves.append((time.perf_counter() - start) * 1000)
    out["save"] = sorted(saves)[len(saves) // 2]
    start = time.perf_counter()
    store.end_session(session, summary={"hit_rate": 0.8}, duration_ms=1.0)
    out["fold"] = (time.perf_counter() - start) * 1000
    store.close()
    files = list((folder / "db" / "trials").rglob("*.json"))
    out["size"] = sum(f.stat().st_size for f in files) / max(size, 1) * 10_000
    return out


def stock_figures(size: int, root: Path) -> dict[str, float]:
    path = root / f"stock-{size}.json"
    build_stock(path, size).close()
    out: dict[str, float] = {}
    start = time.perf_counter()
    db = TinyDB(path, storage=JSONStorage)
    db.table("sessions").search(Query().game == "tap")
    out["trend"] = (time.perf_counter() - start) * 1000
    table = db.table("trials")
    saves = []
    for i in range(3 if size >= 100_000 else TRIALS_PER_ROUND):
        start = time.perf_counter()
        table.insert(trial_doc("new", "p", "tap", i))
        saves.append((time.perf_counter() - start) * 1000)
    out["save"] = sorted(saves)[len(saves) // 2]
    db.close()
    out["size"] = path.stat().st_size / max(size, 1) * 10_000
    return out


def main() -> None:
    heading("Storage: Deftly (journal + sharded atomic files) vs stock tinydb JSONStorage")
    print("  (stock tinydb rewrites the whole file per insert and never fsyncs)")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for size in (0, 10_000, 100_000):
            ours = deftly_figures(size, root)
            stock = stock_figures(size, root)
            label = f"{size:,} trials stored"
            row(f"durable save of one trial, {label} (aim < 5 ms)",
                f"deftly {ours['save']:.2f} ms | stock {stock['save']:.2f} ms")
            if size == 100_000:
                row(f"fold a finished round in, {label} (aim < 100 ms)",
                    f"deftly {ours['fold']:.1f} ms")
                row(f"open + load one player's trend for a game, {label} (aim < 200 ms)",
                    f"deftly {ours['trend']:.0f} ms | stock {stock['trend']:.0f} ms")
                row("file size per 10,000 trials",
                    f"deftly {ours['size'] / 1e6:.2f} MB | stock {stock['size'] / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
