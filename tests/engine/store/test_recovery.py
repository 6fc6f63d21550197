"""Damage, locking and versions: recovered or refused in plain words, nothing overwritten."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.store import store as store_module
from engine.store.errors import DataFolderLockedError, NewerSchemaError
from engine.store.store import Store
from tests.engine.store.helpers import play_round

ROOT = Path(__file__).resolve().parents[3]


def populated(folder):
    with Store.open(folder) as s:
        ann = s.add_profile("Ann")
        first = play_round(s, ann.id, trials=3)
        second = play_round(s, ann.id, trials=4)
    return ann.id, first, second


def damage(path: Path, kind: str, rng: random.Random) -> None:
    raw = path.read_bytes()
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(raw[: rng.randrange(1, len(raw) - 1)])
    elif kind == "garbage":
        path.write_bytes(bytes(rng.randrange(256) for _ in range(300)))
    elif kind == "wrong shape":
        path.write_bytes(b'{"trials": [1, 2, 3]}')


KINDS = ["empty", "truncated", "garbage", "wrong shape"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("which", ["core", "trials", "sessions"])
def test_a_damaged_file_is_put_aside_and_everything_comes_back(tmp_path, kind, which):
    folder = tmp_path / "data"
    ann, first, second = populated(folder)
    month = next((folder / "db" / "sessions" / ann).glob("*.json")).name
    target = {"core": folder / "db" / "core.json",
              "trials": folder / "db" / "trials" / ann / month,
              "sessions": folder / "db" / "sessions" / ann / month}[which]
    damage(target, kind, random.Random(f"{kind}{which}"))
    broken = target.read_bytes()
    with Store.open(folder) as s:
        assert s.find_profile("Ann") is not None
        assert [d["id"] for d in s.sessions(ann)] == [first, second]
        assert len(s.trials(second)) == 4 and len(s.trials(first)) == 3
        s.sessions(ann), s.trials(first)
        (problem,) = s.problems
        assert "damaged" in problem and problem.count(".") >= 1 and "\n" not in problem
    (aside,) = (folder / "damaged").iterdir()
    assert aside.read_bytes() == broken  # kept untouched


def test_a_damaged_file_without_a_backup_is_rebuilt_from_the_journals(tmp_path):
    folder = tmp_path / "data"
    ann, first, _ = populated(folder)
    trials = next((folder / "db" / "trials" / ann).glob("*.json"))
    Path(str(trials) + ".bak").unlink(missing_ok=True)
    trials.write_bytes(b"")
    with Store.open(folder) as s:
        assert len(s.trials(first)) == 3
        assert "rebuilt from the journal" in s.problems[0]


def test_a_newer_schema_is_refused_and_nothing_is_changed(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    populated(folder)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 0)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and
              p.name != "deftly.lock"}
    with pytest.raises(NewerSchemaError, match="newer Deftly"):
        Store.open(folder)
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and
             p.name != "deftly.lock"}
    assert after == before
    monkeypatch.undo()
    Store.open(folder).close()  # and the folder is not left locked


def test_migrations_run_in_order_after_a_backup(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    populated(folder)
    seen = []
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(store_module, "MIGRATIONS", {1: lambda s: seen.append(1),
                                                     2: lambda s: seen.append(2)})
    with Store.open(folder) as s:
        assert seen == [1, 2]
        assert s._get_core("meta", "schema")["version"] == 3
    assert any((folder / "backups").iterdir())


def test_a_second_copy_is_refused_and_a_crashed_one_does_not_block(tmp_path):
    folder = tmp_path / "data"
    with Store.open(folder), pytest.raises(DataFolderLockedError, match="already open"):
        Store.open(folder)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from engine.store.store import Store; "
         f"s = Store.open({str(folder)!r}); print('open', flush=True); time.sleep(60)"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    with pytest.raises(DataFolderLockedError, match=f"process {holder.pid}"):
        Store.open(folder)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    Store.open(folder).close()


def test_stale_temporary_files_are_removed(tmp_path):
    folder = tmp_path / "data"
    populated(folder)
    stale = folder / "db" / "core.json.999.deftly-tmp"
    stale.write_bytes(b"half")
    Store.open(folder).close()
    assert not stale.exists()


CHILD = """
import sys
from engine.store.store import Store
store = Store.open(sys.argv[1])
profile = store.find_profile("Crash") or store.add_profile("Crash")
n = 0
while True:
    session = store.begin_session(profile.id, "tap", "easy", hand="right")
    for i in range(7):
        store.add_trial(session, i, {"success": True, "n": n, "note": "x" * 200})
        print(session, i, flush=True)
        n += 1
    store.end_session(session, summary={"n": n}, duration_ms=1.0)
"""


@pytest.mark.slow
def test_killed_at_random_moments_every_saved_trial_is_there(tmp_path):
    folder = tmp_path / "data"
    rng = random.Random(7)
    saved: dict[str, set[int]] = {}
    kills = 60
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)], cwd=ROOT,
                                 stdout=subprocess.PIPE)
        os.set_blocking(child.stdout.fileno(), False)
        deadline = time.monotonic() + rng.uniform(0.2, 0.6)
        buffer = b""
        while time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.005)
            buffer += child.stdout.read() or b""
        child.send_signal(signal.SIGKILL)
        child.wait()
        buffer += child.stdout.read() or b""
        text = buffer.decode()
        whole = text.splitlines() if text.endswith("\n") else text.splitlines()[:-1]
        for line in whole:
            session, index = line.split()
            saved.setdefault(session, set()).add(int(index))
        with Store.open(folder) as s:
            profile = s.find_profile("Crash")
            stored = {doc["id"]: {t["index"] for t in s.trials(doc["id"], doc)}
                      for doc in s.sessions(profile.id)} if profile else {}
            for session, indexes in saved.items():
                assert indexes <= stored.get(session, set()), session
            assert not s.problems
    assert sum(len(v) for v in saved.values()) > kills  # the children did real work
