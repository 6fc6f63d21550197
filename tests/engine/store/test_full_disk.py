"""A real full disk and a read-only disk (a small tmpfs): one sentence, nothing lost, and
reading, listing and exporting still work. Skipped where this machine cannot mount."""

import os
import subprocess

import pytest

from deftly.cli import main
from engine.store.errors import CannotSaveError
from engine.store.store import Store


def _mount(*args) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)):
        pytest.skip("this machine does not allow mounting a small tmpfs")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def fill(disk):
    """Fill the disk to the last byte; returns the filler to remove."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for chunk in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * chunk)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def rounds_of(folder, name):
    with Store.open(folder) as s:
        profile = s.find_profile(name)
        return {d["id"]: len(s.trials(d["id"], d)) for d in s.sessions(profile.id)}


def test_a_full_disk_says_so_in_one_sentence_and_loses_nothing(small_disk, tmp_path, capsys):
    folder = small_disk / "data"
    assert cli(capsys, "sim", "--game", "tap", "--rounds", "2", "--save", "--profile", "Ann",
               "--data-dir", folder)[0] == 0
    before = rounds_of(folder, "Ann")
    filler = fill(small_disk)

    code, out, _ = cli(capsys, "profiles", "list", "--data-dir", folder)
    assert code == 0 and "Ann" in out
    code, out, _ = cli(capsys, "export", "--profile", "Ann", "--out", tmp_path / "out",
                       "--data-dir", folder)
    assert code == 0 and (tmp_path / "out").is_dir()
    assert cli(capsys, "doctor", "--data-dir", folder)[0] == 0
    for args in (["profiles", "add", "Bo"],
                 ["sim", "--game", "tap", "--rounds", "1", "--save", "--profile", "Ann"]):
        code, _, err = cli(capsys, *args, "--data-dir", folder)
        assert code == 1 and "disk is full" in err and len(err.strip().splitlines()) == 1
    assert not list(folder.rglob("*.deftly-tmp"))

    filler.unlink()
    assert rounds_of(folder, "Ann") == before
    assert cli(capsys, "sim", "--game", "tap", "--rounds", "1", "--save", "--profile", "Ann",
               "--data-dir", folder)[0] == 0
    after = rounds_of(folder, "Ann")
    assert len(after) == len(before) + 1 and all(after[k] == v for k, v in before.items())


def test_a_read_only_disk_can_be_read_and_exported(small_disk, tmp_path, capsys):
    folder = small_disk / "data"
    assert cli(capsys, "sim", "--game", "tap", "--rounds", "1", "--save", "--profile", "Ann",
               "--data-dir", folder)[0] == 0
    assert _mount("-o", "remount,ro", str(small_disk))
    code, out, _ = cli(capsys, "profiles", "list", "--data-dir", folder)
    assert code == 0 and "Ann" in out
    code, _, _ = cli(capsys, "export", "--profile", "Ann", "--out", tmp_path / "out",
                     "--data-dir", folder)
    assert code == 0
    code, _, err = cli(capsys, "profiles", "add", "Bo", "--data-dir", folder)
    assert code == 1 and "cannot be written" in err and len(err.strip().splitlines()) == 1


def test_a_round_on_a_full_disk_plays_to_the_end_and_tells_the_player(small_disk):
    from engine.game import RoundSetup
    from engine.progress import PlayerProgress
    from engine.rounds import RoundController
    from engine.sim.hand import PRESETS, SimPatient
    from engine.sim.runner import play_round
    from games.registry import spec

    tap = spec("tap")
    level = tap.levels.levels[0].id
    with Store.open(small_disk / "data") as store:
        ann = store.add_profile("Ann")
        progress = PlayerProgress(store, ann.id, "tap", "right", tap.levels)
        filler = fill(small_disk)
        controller = RoundController(tap, RoundSetup("tap", level, 3), progress, store=store)
        end = play_round(controller, tap.make_policy(SimPatient(PRESETS["mild"], 3)))
        result = controller.finish(end)
        assert result.trials and result.summary   # played to the end, results shown
        assert "disk is full" in (result.unsaved or "")
        filler.unlink()
    assert names_of(small_disk / "data") == ["Ann"]


def names_of(folder):
    with Store.open(folder) as s:
        return [p.name for p in s.profiles()]


def test_after_a_round_whose_end_could_not_be_saved_saving_goes_on(small_disk):
    from tests.engine.store.helpers import play_round

    folder = small_disk / "data"
    with Store.open(folder) as store:
        ann = store.add_profile("Ann")
        session = store.begin_session(ann.id, "tap", "easy", hand="right")
        store.add_trial(session, 0, {"success": True})
        filler = fill(small_disk)
        for i in range(1, 10_000):    # until the journal's last page is full too
            try:
                store.add_trial(session, i, {"success": True, "pad": "x" * 200})
            except CannotSaveError:
                break
        with pytest.raises(CannotSaveError, match="disk is full"):
            store.end_session(session, summary={"pad": "x" * 2000}, duration_ms=1.0)
        filler.unlink()
        rounds = [play_round(store, ann.id, trials=2) for _ in range(3)]
        on_disk = list((folder / "db" / "sessions" / ann.id).glob("*.json"))
        assert on_disk, "the files are written again once there is room"
    with Store.open(folder) as store:
        statuses = {d["id"]: d["status"] for d in store.sessions(ann.id)}
        assert statuses[session] == "interrupted" and all(statuses[r] == "complete"
                                                          for r in rounds)
