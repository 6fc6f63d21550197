"""`deftly sim` and `deftly replay`: deterministic, durable, and replays equal stored trials."""

import json

import pytest

from deftly.cli import main
from engine.store.store import Store
from games.registry import all_specs


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_sim_json_is_one_line_per_trial_then_the_rounds(capsys):
    code, out, _ = run(capsys, "sim", "--game", "tap", "--patient", "mild", "--rounds", "2",
                       "--json", "--seed", "4")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    trials, final = lines[:-1], lines[-1]
    assert len(trials) == 40 and all("success" in t and "trial" in t for t in trials)
    assert all("width_mm" in t for t in trials)
    assert len(final["rounds"]) == 2 and final["rounds"][0]["staircase"]
    again = run(capsys, "sim", "--game", "tap", "--patient", "mild", "--rounds", "2",
                "--json", "--seed", "4")[1]
    assert again == out


def test_sim_save_stores_each_trial_before_printing_it(tmp_path, capsys):
    code, out, _ = run(capsys, "sim", "--game", "tap", "--rounds", "1", "--json", "--save",
                       "--profile", "Sim", "--data-dir", tmp_path)
    assert code == 0
    with Store.open(tmp_path) as store:
        (session,) = store.sessions(store.find_profile("Sim").id)
        assert session["status"] == "complete" and session["recording"]
        assert len(store.trials(session["id"])) == len(out.splitlines()) - 1


def test_sim_argument_mistakes(capsys):
    for args in (["sim"], ["sim", "--game", "nope"], ["sim", "--game", "tap", "--save"],
                 ["sim", "--days", "3"]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 2


@pytest.mark.parametrize("game", [g.id for g in all_specs()])
def test_replay_gives_exactly_the_stored_trials_for_every_game(tmp_path, capsys, game):
    run(capsys, "sim", "--game", game, "--rounds", "2", "--patient", "moderate", "--save",
        "--profile", "R", "--data-dir", tmp_path)
    with Store.open(tmp_path) as store:
        sessions = store.sessions(store.find_profile("R").id)
        stored = {s["id"]: (store.trials(s["id"]), store.folder / s["recording"],
                            s["summary"]) for s in sessions}
    for trials, recording, summary in stored.values():
        code, out, _ = run(capsys, "replay", recording, "--json")
        replayed = json.loads(out)
        strip = [{k: v for k, v in t.items() if k not in ("id", "session", "profile", "game")}
                 for t in trials]
        assert code == 0 and replayed["trials"] == strip
        assert replayed["summary"] == summary


def test_a_broken_recording_is_one_line(tmp_path, capsys):
    bad = tmp_path / "x.jsonl.gz"
    bad.write_bytes(b"nope")
    code, _, err = run(capsys, "replay", bad, "--json")
    assert code == 1 and err.count("\n") == 1 and "gzip" in err
