"""The recovery paths lose nothing: a missing core file, a core file and backup both
damaged, a damaged file of an idle player, and a crash in the middle of a recovery."""

import subprocess
import sys
from pathlib import Path

import pytest

from deftly.cli import main
from engine.store import store as store_module
from engine.store.errors import DataFolderLockedError, NewerSchemaError
from engine.store.store import KEEP_ARCHIVES, Store
from tests.engine.store.helpers import play_round

ROOT = Path(__file__).resolve().parents[3]


def names(folder):
    with Store.open(folder) as s:
        return sorted(p.name for p in s.profiles()), list(s.problems)


def test_a_missing_core_file_beside_used_data_is_damage_not_a_new_folder(tmp_path):
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        s.add_profile("Ann")
        s.add_profile("Bo")
    (folder / "db" / "core.json").unlink()
    players, problems = names(folder)
    assert players == ["Ann", "Bo"]
    (problem,) = problems
    assert "is missing" in problem and "\n" not in problem
    with Store.open(folder) as s:
        s.add_profile("Cy")
        s.add_profile("Dee")
    assert b"Ann" in (folder / "db" / "core.json.bak").read_bytes()
    assert names(folder)[0] == ["Ann", "Bo", "Cy", "Dee"]


def test_a_new_folder_is_still_a_new_folder(tmp_path):
    assert names(tmp_path / "data") == ([], [])


def test_core_file_and_backup_both_damaged_come_back_whole_from_the_history(tmp_path):
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        ann = s.add_profile("Ann")
        s.put_setting("volume", 0.3)
        rounds = [play_round(s, ann.id, trials=2) for _ in range(KEEP_ARCHIVES + 2)]
    for path in (folder / "db" / "core.json", folder / "db" / "core.json.bak"):
        path.write_bytes(b"")
    with Store.open(folder) as s:
        (again,) = s.profiles()
        assert again.id == ann.id            # the same player, so her rounds are hers
        assert [d["id"] for d in s.sessions(ann.id)] == rounds
        assert s.get_setting("volume") == 0.3
        (problem,) = s.problems
        assert "history of every change" in problem


def test_a_damaged_file_of_an_idle_player_loses_no_round_and_says_so(tmp_path, capsys):
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        bo = s.add_profile("Bo")
        bo_rounds = [play_round(s, bo.id, trials=20) for _ in range(2)]
        ann = s.add_profile("Ann")
        for _ in range(KEEP_ARCHIVES + 1):
            play_round(s, ann.id, trials=2)
    (trials,) = (folder / "db" / "trials" / bo.id).glob("*.json")
    trials.write_bytes(trials.read_bytes()[:50])
    code = main(["export", "--profile", "Bo", "--out", str(tmp_path / "out"),
                 "--data-dir", str(folder)])
    assert code == 0
    err = capsys.readouterr().err
    assert f"db/trials/{bo.id}/{trials.name}" in err and "last good copy" in err
    with Store.open(folder) as s:
        assert [len(s.trials(r)) for r in bo_rounds] == [20, 20]


CRASHING = """
import os, sys
from engine.store import atomic, journal, storage, store
calls = {"n": 0}
crash_at, when = int(sys.argv[2]), sys.argv[3]
def dying(real):
    def call(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == crash_at and when == "before":
            os._exit(9)
        result = real(*args, **kwargs)
        if calls["n"] == crash_at:
            os._exit(9)
        return result
    return call
store.write_atomic = dying(atomic.write_atomic)
storage.write_atomic = store.write_atomic
journal.Journal.extend = dying(journal.Journal.extend)   # journal and history appends
from deftly.cli import main
main([*sys.argv[4:], "--data-dir", sys.argv[1]])
print("finished", calls["n"])
"""


def crash_runs(tmp_path, template, prepare, command, check):
    """Run `command` on a copy of `template`, dying before and after each file write in
    turn (the k-th write for k = 1, 2, ... until the command finishes), then `check` the
    folder. Returns how many deaths were tried."""
    crash_at, finished, deaths = 1, False, 0
    while not finished:
        assert crash_at < 60, "the command never finished"
        for when in ("before", "after"):
            folder = tmp_path / f"run-{crash_at}-{when}"
            subprocess.run(["cp", "-a", str(template), str(folder)], check=True)
            prepare(folder)
            run = subprocess.run([sys.executable, "-c", CRASHING, str(folder), str(crash_at),
                                  when, *command], cwd=ROOT, capture_output=True, text=True)
            assert "Traceback" not in run.stderr or run.returncode == 9, run.stderr
            finished = finished or "finished" in run.stdout
            deaths += "finished" not in run.stdout
            check(folder, (crash_at, when, run.stderr))
        crash_at += 1
    return deaths


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["missing", "empty", "both-empty"])
def test_a_crash_at_any_write_of_a_recovery_loses_no_player(tmp_path, damage):
    """Dies before and after every file write of the recovery in turn, then opens again."""
    template = tmp_path / "template"
    with Store.open(template) as s:
        for name in ("Ann", "Bo"):
            s.add_profile(name)
    core = Path("db") / "core.json"

    def prepare(folder):
        if damage == "missing":
            (folder / core).unlink()
        else:
            (folder / core).write_bytes(b"")
            if damage == "both-empty":
                (folder / "db" / "core.json.bak").write_bytes(b"")

    def check(folder, where):
        assert names(folder)[0] == ["Ann", "Bo"], where
        with Store.open(folder) as s:
            s.add_profile("Cy")
        assert names(folder)[0] == ["Ann", "Bo", "Cy"]

    assert crash_runs(tmp_path, template, prepare, ["profiles", "list"], check) >= 3


@pytest.mark.slow
def test_a_crash_at_any_write_of_a_fold_or_a_deletion_loses_nothing_else(tmp_path):
    """A journal to fold at opening, then a player deleted: dying at any write keeps every
    trial of the other player, and the deleted one is either whole or gone without trace."""
    from tests.engine.store.test_erasure import mentions

    template = tmp_path / "template"
    with Store.open(template) as s:
        ann, bo = s.add_profile("Ann").id, s.add_profile("Bo Zwickmaier").id
        for _ in range(3):
            play_round(s, ann, trials=4)
            play_round(s, bo, trials=4)
        unfinished = s.begin_session(ann, "tap", "easy", hand="right")
        s.add_trial(unfinished, 0, {"success": True})
        s._journal.close()
        s._lock.release()     # as if killed: the journal holds a round to fold

    def check(folder, where):
        with Store.open(folder) as s:
            assert [len(s.trials(d["id"])) for d in s.sessions(ann)] == [4, 4, 4, 1], where
            kept = s.profile(bo)
            if kept is not None:
                assert [len(s.trials(d["id"])) for d in s.sessions(bo)] == [4, 4, 4], where
        if kept is None:
            assert mentions(folder, bo, "Zwickmaier") == [], where

    deaths = crash_runs(tmp_path, template, lambda folder: None,
                        ["profiles", "delete", "Bo Zwickmaier", "--yes"], check)
    assert deaths >= 10
def test_deleting_the_lock_file_lets_no_second_writer_in(tmp_path):
    folder = tmp_path / "data"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from engine.store.store import Store; "
         f"s = Store.open({str(folder)!r}); print('open', flush=True); time.sleep(60)"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        (folder / "deftly.lock").unlink()
        with pytest.raises(DataFolderLockedError, match="already open"):
            Store.open(folder)
    finally:
        holder.kill()
        holder.wait()
    Store.open(folder).close()


def test_a_folder_where_the_lock_file_should_be_is_moved_aside(tmp_path):
    folder = tmp_path / "data"
    (folder / "deftly.lock").mkdir(parents=True)
    (folder / "deftly.lock" / "inside").write_text("kept")
    with Store.open(folder) as s:
        s.add_profile("Ann")
    assert (folder / "damaged" / "deftly.lock.1" / "inside").read_text() == "kept"
    assert names(folder)[0] == ["Ann"]


def test_an_unreadable_data_version_is_damage_and_the_backup_is_restored(tmp_path):
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        s.add_profile("Ann")
    core = folder / "db" / "core.json"
    core.write_text(core.read_text("utf-8").replace('"version":1', '"version":"one"'))
    players, problems = names(folder)
    assert players == ["Ann"] and "data version" in problems[0]
    assert names(folder) == (["Ann"], [])


# -- found in review ------------------------------------------------------------------------
def _killed(store):
    """Leave the store as a killed process would: journal and lock let go, nothing saved."""
    store._journal.close()
    store._lock.release()


def _ann_killed(folder):
    """A folder where Ann was added and Deftly was then killed (she is in the journal)."""
    s = Store.open(folder)
    s.add_profile("Ann")
    _killed(s)


def _append_to_journal(folder, raw: bytes):
    with open(folder / "journal.jsonl", "ab") as journal:
        journal.write(raw)


def test_a_drop_record_without_a_player_id_deletes_nothing(tmp_path):
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        ann = s.add_profile("Ann").id
        play_round(s, ann, trials=2)
    _append_to_journal(folder, b'{"op":"drop","profile":""}\n{"op":"drop","profile":"../db"}\n')
    with Store.open(folder) as s:
        assert len(s.sessions(ann)) == 1 and "cannot read" in s.problems[0]


def test_a_torn_last_journal_line_does_not_swallow_the_next_change(tmp_path):
    folder = tmp_path / "data"
    _ann_killed(folder)
    _append_to_journal(folder, b'{"op":"put","table":"settings","key":"vol')     # torn by a crash
    s = Store.open(folder)
    s.put_setting("note", "keep me")
    _killed(s)
    with Store.open(folder) as s:
        assert s.get_setting("note") == "keep me"


def test_a_refused_folder_keeps_its_journal_as_it_was(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    _ann_killed(folder)
    before = (folder / "journal.jsonl").read_bytes()
    archives = sorted(folder.glob("journal-archive/*.jsonl"))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 0)
    with pytest.raises(NewerSchemaError):
        Store.open(folder)
    assert (folder / "journal.jsonl").read_bytes() == before
    assert sorted(folder.glob("journal-archive/*.jsonl")) == archives   # none archived


def test_deleting_a_player_named_like_text_elsewhere_touches_no_one_else(tmp_path):
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        odd = s.add_profile("id")
        bo = s.add_profile("Bo").id
        session = s.begin_session(bo, "tap", "easy", hand="right")
        s.add_trial(session, 0, {"success": True})
        s.delete_profile(odd.id)
        _killed(s)
    with Store.open(folder) as s:
        (only,) = s.sessions(bo)
        assert only["status"] == "interrupted" and len(s.trials(only["id"])) == 1


def test_an_interrupted_round_survives_a_rebuild_from_the_archives(tmp_path):
    folder = tmp_path / "data"
    s = Store.open(folder)
    ann = s.add_profile("Ann").id
    session = s.begin_session(ann, "tap", "easy", hand="right")
    for i in range(3):
        s.add_trial(session, i, {"success": True})
    _killed(s)
    Store.open(folder).close()                         # folded as interrupted
    (sessions,) = (folder / "db" / "sessions" / ann).glob("*.json")
    for path in (sessions, Path(str(sessions) + ".bak")):
        path.write_bytes(b"")
    with Store.open(folder) as s:
        (again,) = s.sessions(ann)
        assert again["status"] == "interrupted" and len(s.trials(again["id"])) == 3


def test_a_bad_record_is_reported_once_not_at_every_opening(tmp_path):
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        s.add_profile("Ann")
    _append_to_journal(folder, b'{"op":"session","doc":{}}\n')
    problems = [names(folder)[1] for _ in range(3)]
    assert len(problems[0]) == 1 and problems[1:] == [[], []]


def test_a_round_whose_end_fails_with_any_disk_error_comes_back_interrupted(tmp_path,
                                                                             monkeypatch):
    import errno

    from engine.store.errors import CannotSaveError
    from engine.store.journal import Journal

    folder = tmp_path / "data"
    with Store.open(folder) as s:
        ann = s.add_profile("Ann").id
        session = s.begin_session(ann, "tap", "easy", hand="right")
        for i in range(3):
            s.add_trial(session, i, {"success": True})
        real = Journal.append

        def failing(self, record):
            if record.get("op") == "end":
                raise OSError(errno.EIO, "Input/output error")
            return real(self, record)

        monkeypatch.setattr(Journal, "append", failing)
        with pytest.raises(CannotSaveError, match="could not be saved"):
            s.end_session(session, summary={}, duration_ms=1.0)
        monkeypatch.undo()
        play_round(s, ann, trials=2)
    with Store.open(folder) as s:
        first, second = s.sessions(ann)
        assert first["status"] == "interrupted" and len(s.trials(first["id"])) == 3
        assert second["status"] == "complete"


def test_a_round_whose_trials_stopped_saving_is_stored_as_interrupted(tmp_path, monkeypatch):
    from engine.game import RoundSetup
    from engine.progress import PlayerProgress
    from engine.rounds import RoundController
    from engine.sim.hand import PRESETS, SimPatient
    from engine.sim.runner import play_round as simulate
    from engine.store.errors import CannotSaveError
    from games.registry import spec

    tap = spec("tap")
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        ann = s.add_profile("Ann").id
        progress = PlayerProgress(s, ann, "tap", "right", tap.levels)
        controller = RoundController(tap, RoundSetup("tap", tap.levels.levels[0].id, 2),
                                     progress, store=s)
        real, calls = Store.add_trial, {"n": 0}

        def flaky(self, *args, **kwargs):
            calls["n"] += 1
            if calls["n"] > 1:
                raise CannotSaveError("The disk is full: ...")
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Store, "add_trial", flaky)
        end = simulate(controller, tap.make_policy(SimPatient(PRESETS["mild"], 2)))
        monkeypatch.undo()
        result = controller.finish(end)
        assert len(result.trials) > 1 and result.unsaved
        (stored,) = s.sessions(ann)
        assert stored["status"] == "interrupted" and stored["trial_count"] == 1
        assert len(s.trials(stored["id"])) == 1


def test_a_drop_record_with_a_short_id_wipes_nothing(tmp_path):
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        ann = s.add_profile("Ann").id
        for _ in range(3):
            play_round(s, ann, trials=2)
    archive = folder / "journal-archive"
    archived = {p.name: p.read_bytes() for p in archive.iterdir()}
    _append_to_journal(folder, b'{"op":"drop","profile":"a"}\n')
    with Store.open(folder) as s:
        assert len(s.sessions(ann)) == 3
    after = {p.name: p.read_bytes() for p in archive.iterdir()}
    assert archived and all(after.get(name) == data for name, data in archived.items())


def test_a_refused_folder_with_a_strange_record_is_left_as_it_was(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    with Store.open(folder) as s:
        s.add_profile("Ann")
    s = Store.open(folder)
    s.add_profile("Bo")
    _killed(s)
    _append_to_journal(folder, b'{"op":"something-newer","x":1}\n')
    (folder / "db" / "core.json").write_bytes(b"")     # so opening reads the journal first
    before = (folder / "journal.jsonl").read_bytes()
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 0)
    with pytest.raises(NewerSchemaError):
        Store.open(folder)
    assert (folder / "journal.jsonl").read_bytes() == before


def test_a_nan_in_a_journal_line_is_skipped_not_a_crash(tmp_path):
    folder = tmp_path / "data"
    _ann_killed(folder)
    _append_to_journal(folder, b'{"op":"put","table":"settings","key":"v","doc":{"value":NaN}}\n')
    assert names(folder)[0] == ["Ann"]
