"""When two of a model's timers fall due at the same instant, the outcome is the one the
games have always given (pinned before the models moved to the round's scheduler)."""

from engine.touch import Phase, Touch
from tests.games.test_pinch_model import pinch_round
from tests.games.test_trace_model import trace_round


def test_a_size_held_long_enough_just_as_time_runs_out_counts_as_held():
    model = pinch_round(layout="size", trials=2, hold_ms=700.0, time_limit_ms=5000.0)
    model.tick(model.next_change_ms())
    s = model.sizing
    assert s.onset_ms == 600.0
    cx, cy = model.centre
    aperture = 30.0 * s.target_mm / s.size_mm
    model.on_touch(Touch(1, Phase.DOWN, cx - 15.0, cy, 4000.0))
    model.on_touch(Touch(2, Phase.DOWN, cx + 15.0, cy, 4010.0))
    model.on_touch(Touch(2, Phase.MOVE, cx - 15.0 + aperture, cy, 4900.0))  # matched
    assert model.next_change_ms() == 5600.0       # held 700 ms = the time limit
    model.tick(6000.0)
    (trial,) = model.take_trials()
    assert trial["success"] and trial["outcome"] == "held" and trial["end_ms"] == 5600.0


def test_a_trace_idle_just_as_time_runs_out_is_too_slow():
    model = trace_round(trials=2, time_limit_ms=8500.0)
    model.tick(model.next_change_ms())
    trial = model.trial
    assert trial.onset_ms == 600.0
    x, y = trial.resume_point
    model.on_touch(Touch(1, Phase.DOWN, x, y, 1000.0))
    model.on_touch(Touch(1, Phase.UP, x + 1.0, y, 1100.0))   # idle from 1100 + 8000
    assert model.next_change_ms() == 9100.0
    model.tick(9500.0)
    (done,) = model.take_trials()
    assert done["outcome"] == "too_slow" and done["end_ms"] == 9100.0


def test_a_trace_not_started_just_as_time_runs_out_is_too_slow():
    model = trace_round(trials=2, time_limit_ms=60_000.0)
    model.tick(model.next_change_ms())
    model.tick(70_000.0)
    (done,) = model.take_trials()
    assert done["outcome"] == "too_slow" and done["end_ms"] == 60_600.0


def _lonely_finger(model, t_ms):
    """One finger on the first peg (a two-finger grab is suggested 700 ms later)."""
    x, y = model.peg_position(model.movable()[0])
    model.on_touch(Touch(1, Phase.DOWN, x, y, t_ms))


def test_a_two_finger_suggestion_due_as_a_peg_is_given_up_is_not_shown():
    model = pinch_round(pegs=3, peg_time_ms=2000.0)    # the first peg's time: 500-2500
    _lonely_finger(model, 1800.0)                     # suggestion due at 2500
    model.tick(2600.0)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "too_slow" and trial["release_ms"] == 2500.0
    assert model.hint is None


def test_a_two_finger_suggestion_due_after_a_peg_is_given_up_is_shown():
    model = pinch_round(pegs=3, peg_time_ms=2000.0)
    _lonely_finger(model, 1900.0)                     # suggestion due at 2600
    model.tick(2550.0)
    assert model.take_trials()[0]["outcome"] == "too_slow" and model.hint is None
    assert model.next_change_ms() == 2600.0
    model.tick(2700.0)
    assert model.hint is not None and model.hint.text == "two_fingers"
    assert model.hint.t_ms == 2600.0
