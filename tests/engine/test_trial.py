"""The trial base is checked where a trial leaves its model."""

import math

import pytest

from engine.trial import TrialError, checked, trial_problems


def test_a_sound_trial_passes_and_nan_means_nothing_adapts():
    trial = {"success": True, "level_value": 12.5, "reaction_ms": 300.0}
    assert checked(trial, "tap") is trial
    assert trial_problems({"success": False, "level_value": math.nan}) == []


@pytest.mark.parametrize(("trial", "words"), [
    ({"level_value": 1.0}, "'success'"),
    ({"success": 1, "level_value": 1.0}, "'success'"),
    ({"success": True}, "'level_value'"),
    ({"success": True, "level_value": True}, "'level_value'"),
    ({"success": True, "level_value": math.inf}, "'level_value'"),
    ({"success": True, "level_value": "3"}, "'level_value'"),
    ({"success": True, "level_value": 2.0, "counts_for_staircase": 0}, "counts_for"),
])
def test_a_trial_without_the_base_is_a_clear_error_naming_the_game(trial, words):
    with pytest.raises(TrialError, match=f"game 'lift'.*{words}"):
        checked(trial, "lift")
