"""`deftly profiles` and `deftly export`."""

import csv
import json

import pytest

from deftly.cli import main
from engine.store.store import Store
from tests.engine.store.helpers import play_round


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_rename_delete(tmp_path, capsys):
    d = ("--data-dir", tmp_path)
    assert run(capsys, "profiles", "add", "Ann", "--affected-hand", "left", *d)[0] == 0
    code, _, err = run(capsys, "profiles", "add", "ANN", *d)
    assert code == 1 and "already a player" in err and err.count("\n") == 1
    assert run(capsys, "profiles", "rename", "Ann", "Anna", *d)[0] == 0
    code, out, _ = run(capsys, "profiles", "list", *d)
    assert "Anna" in out and "affected hand: left" in out
    code, _, err = run(capsys, "profiles", "delete", "Anna", *d)
    assert code == 1 and "--yes" in err  # no terminal to ask on: refuse
    assert run(capsys, "profiles", "delete", "Anna", "--yes", *d)[0] == 0
    assert "No players yet" in run(capsys, "profiles", "list", *d)[1]


def test_unknown_player_is_one_line(tmp_path, capsys):
    code, _, err = run(capsys, "profiles", "rename", "Zed", "Z", "--data-dir", tmp_path)
    assert code == 1 and "no player called 'Zed'" in err


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_has_one_row_per_trial_and_session_with_units(tmp_path, capsys, fmt):
    with Store.open(tmp_path / "d") as s:
        ann = s.add_profile("Ann")
        play_round(s, ann.id, trials=3, metrics=lambda i: {"reaction_ms": 300 + i,
                                                            "endpoint_error_mm": 1.5,
                                                            "success": True})
        play_round(s, ann.id, trials=2)
    code, _, _ = run(capsys, "export", "--profile", "ann", "--format", fmt, "--out",
                       tmp_path / "x", "--data-dir", tmp_path / "d")
    assert code == 0
    if fmt == "csv":
        with open(tmp_path / "x" / "trials.csv", newline="") as f:
            trials = list(csv.DictReader(f))
        with open(tmp_path / "x" / "sessions.csv", newline="") as f:
            sessions = list(csv.DictReader(f))
    else:
        trials = json.loads((tmp_path / "x" / "trials.json").read_text())["trials"]
        sessions = json.loads((tmp_path / "x" / "sessions.json").read_text())["sessions"]
    assert len(trials) == 5 and len(sessions) == 2
    assert all("reaction_ms" in t for t in trials)
    assert sum("endpoint_error_mm" in t and t["endpoint_error_mm"] not in ("", None)
               for t in trials) == 3
    assert "summary_hit_rate" in sessions[0] and "duration_ms" in sessions[0]
