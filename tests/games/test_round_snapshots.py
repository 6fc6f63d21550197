"""Every game's model makes of a stored stream of touches exactly what it made when the
snapshots were written (see tests/games/round_snapshots.py)."""

import json

import pytest

from tests.games.round_snapshots import Case, load, replay

SNAPSHOTS = load()


@pytest.mark.parametrize("name", sorted(SNAPSHOTS))
def test_a_stored_round_replays_to_the_same_trials_and_summary(name):
    stored = SNAPSHOTS[name]
    result = replay(Case.from_dict(stored["case"]), stored["events"])
    assert json.loads(result["summary"]) == pytest.approx(json.loads(stored["summary"]),
                                                          nan_ok=True)
    assert result["summary"] == stored["summary"]
    assert (result["trials"], result["digest"]) == (stored["trials"], stored["digest"])
