"""`deftly sim` and `deftly replay`: deterministic, durable, and replays equal stored trials."""

import contextlib
import json

import pytest

from deftly.cli import main
from deftly.demo import DEMO_TODAY
from deftly.simulate import fill_days
from engine.clock import SetWallClock
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


def _simulated_days(folder, days):
    """Everything stored by `days` simulated days, without the random ids."""
    with Store.open(folder, clock=SetWallClock(DEMO_TODAY)) as store:
        profile = store.add_profile("Ann")
        for _ in fill_days(store, profile.id, "moderate", days, seed=3, hand="left"):
            pass
    with Store.open(folder) as store:
        random_ids = ("id", "session", "profile", "recording", "trials_file")
        out = []
        for session in store.sessions(profile.id):
            trials = store.trials(session["id"], session)
            out.append([{k: v for k, v in doc.items() if k not in random_ids}
                        for doc in (session, *trials)])
        return out


def test_a_day_saved_as_one_batch_stores_what_saving_round_by_round_stores(
        tmp_path, monkeypatch):
    batched = _simulated_days(tmp_path / "batched", 3)
    monkeypatch.setattr(Store, "batch", lambda self: contextlib.nullcontext())
    one_by_one = _simulated_days(tmp_path / "one-by-one", 3)
    assert len(batched) >= 9
    assert batched == one_by_one
