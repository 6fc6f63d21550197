"""The store: everything persists; ids are UUIDs; sessions are ordered by sequence."""

import json
import math
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.clock import SetWallClock
from engine.store import store as store_module
from engine.store.errors import StoreError
from engine.store.journal import Journal, read_records
from engine.store.store import Store
from tests.engine.store.helpers import play_round


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "data"


def test_everything_survives_closing_and_reopening(folder):
    with Store.open(folder) as s:
        ann = s.add_profile("Ann", "left", "right", notes="stroke, 2026")
        s.put_setting("sound", {"on": True, "volume": 0.5})
        s.put_state("staircase", f"{ann.id}|tap|left|easy", {"value": 20.0})
        session = play_round(s, ann.id, trials=4)
    with Store.open(folder) as s:
        (profile,) = s.profiles()
        assert (profile.name, profile.affected_hand, profile.notes) == ("Ann", "left",
                                                                       "stroke, 2026")
        assert s.get_setting("sound") == {"on": True, "volume": 0.5}
        assert s.get_state("staircase", f"{ann.id}|tap|left|easy") == {"value": 20.0}
        (doc,) = s.sessions(ann.id)
        assert doc["id"] == session and len(doc["id"]) == 32 and doc["status"] == "complete"
        assert doc["started_at"][-6] in "+-"  # ISO-8601 with a UTC offset
        assert [t["index"] for t in s.trials(session)] == [0, 1, 2, 3]


def test_names_are_unique_and_hands_are_checked(folder):
    with Store.open(folder) as s:
        s.add_profile("Ann")
        with pytest.raises(StoreError, match="already a player"):
            s.add_profile(" ann ")
        with pytest.raises(StoreError, match="A hand is one of"):
            s.add_profile("Bo", affected_hand="middle")


def test_sessions_are_ordered_by_sequence_not_by_the_clock(folder, monkeypatch):
    clock = SetWallClock(datetime.fromisoformat("2026-11-21T10:00:00+01:00"))
    with Store.open(folder, clock=clock) as s:
        profile = s.add_profile("Ann")
        first = play_round(s, profile.id, trials=1)
        clock.set(datetime.fromisoformat("2026-11-20T09:00:00+01:00"))  # set back a day
        second = play_round(s, profile.id, trials=1)
        assert [d["id"] for d in s.sessions(profile.id)] == [first, second]


def test_trials_roll_over_to_a_new_file_when_one_is_full(folder, monkeypatch):
    monkeypatch.setattr(store_module, "TRIALS_PER_FILE", 6)
    with Store.open(folder) as s:
        profile = s.add_profile("Ann")
        sessions = [play_round(s, profile.id, trials=4) for _ in range(3)]
        files = sorted(p.name for p in (folder / "db" / "trials" / profile.id).glob("*.json"))
        assert len(files) == 2
        assert all(len(s.trials(sid)) == 4 for sid in sessions)


def test_deleting_a_player_removes_their_data_and_only_theirs(folder):
    with Store.open(folder) as s:
        ann, bo = s.add_profile("Ann"), s.add_profile("Bo")
        play_round(s, ann.id)
        keep = play_round(s, bo.id)
        s.put_state("staircase", f"{ann.id}|tap|right|easy", 1)
        s.put_override(ann.id, "tap:hard", "locked")
        rec, _ = s.new_recording_path(ann.id, "x")
        rec.parent.mkdir(parents=True)
        rec.write_bytes(b"x")
        s.delete_profile(ann.id)
        assert [p.name for p in s.profiles()] == ["Bo"]
        assert s.states("staircase") == {} and s.overrides(ann.id) == {}
        assert not (folder / "db" / "trials" / ann.id).exists() and not rec.exists()
        assert len(s.trials(keep)) == 5
    with Store.open(folder) as s:
        assert [p.name for p in s.profiles()] == ["Bo"]


def test_a_torn_last_journal_line_is_ignored(tmp_path):
    journal = Journal(tmp_path / "j.jsonl")
    journal.append({"op": "trial", "n": 1})
    journal.close()
    with open(tmp_path / "j.jsonl", "ab") as f:
        f.write(b'{"op":"trial","n":2,"x":[1,2')
    assert [r["n"] for r in read_records(tmp_path / "j.jsonl")] == [1]


def test_a_trial_of_an_ended_round_is_refused(folder):
    with Store.open(folder) as s:
        profile = s.add_profile("Ann")
        session = play_round(s, profile.id)
        with pytest.raises(StoreError):
            s.add_trial(session, 9, {})


names = st.text(min_size=1, max_size=30).filter(lambda t: t.strip())
values = (st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(2**53), 2**53)
          | st.text(max_size=20) | st.booleans() | st.none())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names, st.dictionaries(st.text(min_size=1, max_size=12), values, max_size=8))
def test_trial_documents_round_trip(tmp_path_factory, name, metrics):
    folder = tmp_path_factory.mktemp("rt")
    with Store.open(folder) as s:
        profile = s.add_profile(name)
        session = s.begin_session(profile.id, "tap", "easy", hand="left")
        s.add_trial(session, 0, metrics)
        s.end_session(session, summary={"n": 1}, duration_ms=1.0)
    with Store.open(folder) as s:
        assert s.find_profile(name).name == name.strip()
        (stored,) = s.trials(session)
    for key, value in metrics.items():
        if key in ("id", "session", "profile", "game", "index"):
            continue
        if isinstance(value, float) and not math.isfinite(value):
            assert stored[key] is None  # NaN and infinities are stored as null
        else:
            assert stored[key] == value
    raw = next((folder / "db" / "trials").rglob("*.json")).read_text("utf-8")
    json.loads(raw)  # strict JSON: no NaN tokens
