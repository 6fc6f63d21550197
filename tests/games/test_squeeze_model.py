"""The squeeze game, driven by scripted hands: a grip closed to the mark and let go on the
cue, a finger lifting early, one finger never letting go, a touch off the ball, cycles in
ten seconds, a pinch held at a size, the one-finger way; and any stream never raises."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.sim.hand import PRESETS, SimPatient
from engine.sim.runner import play_round
from engine.touch import Phase, Touch
from games.squeeze.model import SqueezeModel
from games.squeeze.params import ONE_FINGER, PARAMS
from games.squeeze.policy import SqueezePolicy
from tests.games.fixed import fixed_round

ANGLES = (-150.0, -45.0, -15.0, 15.0, 45.0)


def squeeze_round(variant="", hand="right", **params):
    values = {"tasks": "grip", "hold_ms": 1000.0, "squeeze_percent": 30.0, **params}
    model = fixed_round("squeeze", PARAMS, SqueezeModel, values, hand=hand, variant=variant)
    model.tick(model.next_change_ms())          # the first ball appears
    return model


def feed(model, touches):
    for touch in sorted(touches, key=lambda x: x.t_ms):
        model.on_touch(touch)
    return model.take_trials()


def around(model, radius, count=5):
    cx, cy = model.centre
    return [(cx + radius * math.sin(math.radians(a)), cy - radius * math.cos(math.radians(a)))
            for a in ANGLES[:count]]


def land(model, t, radius=38.0, count=5):
    return [Touch(k + 1, Phase.DOWN, x, y, t + 10 * k)
            for k, (x, y) in enumerate(around(model, radius, count))]


def close(model, t, share, radius=38.0, count=5, *, ms=200.0, steps=10):
    """Every fingertip slides in towards the centre by `share` of its distance."""
    out = []
    for s in range(1, steps + 1):
        r = radius * (1 - share * s / steps)
        out += [Touch(k + 1, Phase.MOVE, x, y, t + ms * s / steps)
                for k, (x, y) in enumerate(around(model, r, count))]
    return out


def release(model, times, radius):
    points = around(model, radius, len(times))
    return [Touch(k + 1, Phase.UP, *points[k], t) for k, t in enumerate(times)]


def gripped(model, share=0.4, t0=None):
    """Land five fingertips, close by `share`; returns (time closed, radius now)."""
    t = model.now if t0 is None else t0
    feed(model, [*land(model, t), *close(model, t + 100, share)])
    return t + 300, 38.0 * (1 - share)


def test_a_grip_closed_to_the_mark_and_let_go_on_the_cue_is_a_success():
    model = squeeze_round()
    onset = model.attempt.onset_ms
    _, r = gripped(model, 0.4, onset + 500)
    assert model.phase == "hold" and model.attempt.names == \
        ("thumb", "index", "middle", "ring", "little")
    model.tick(model.next_change_ms())
    cue = model.attempt.cue_ms
    assert model.phase == "release" and cue == pytest.approx(model.attempt.closed_ms + 1000)
    (trial,) = feed(model, release(model, [cue + 300, cue + 310, cue + 320, cue + 330,
                                           cue + 420], r))
    assert trial["success"] and trial["outcome"] == "released"
    assert trial["grip_initiation_ms"] == pytest.approx(540.0)     # the fifth lands 40 ms on
    assert trial["closing_percent"] == pytest.approx(40.0)
    assert trial["release_reaction_ms"] == pytest.approx(420.0)
    assert trial["release_spread_ms"] == pytest.approx(120.0)
    assert trial["last_up"] == "little"


def test_not_closing_to_the_mark_in_time_is_not_closed():
    model = squeeze_round(time_limit_ms=3000.0, squeeze_percent=50.0)
    onset = model.attempt.onset_ms
    gripped(model, 0.3, onset + 200)
    model.tick(onset + 3000)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "not_closed" and not trial["success"]
    assert trial["closing_percent"] == pytest.approx(30.0)


def test_a_finger_lifting_during_the_hold_is_letting_go_too_soon():
    model = squeeze_round()
    done, r = gripped(model, 0.4)
    (trial,) = feed(model, [release(model, [done + 200], r)[0]])
    assert trial["outcome"] == "early" and not trial["success"]


def test_the_ball_released_before_the_cue_is_too_soon_too():
    model = squeeze_round()
    done, r = gripped(model, 0.4)
    (trial,) = feed(model, release(model, [done + 100 + k for k in range(5)], r))
    assert trial["outcome"] == "early" and trial["release_reaction_ms"] is None


def test_one_finger_never_letting_go_is_not_released_and_named():
    model = squeeze_round(release_limit_ms=2000.0)
    _, r = gripped(model, 0.4)
    model.tick(model.next_change_ms())
    cue = model.attempt.cue_ms
    feed(model, release(model, [cue + 300] * 4, r))
    model.tick(cue + 2000)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "not_released" and trial["still_down"] == ["little"]
    assert not trial["success"]


def test_a_touch_off_the_ball_is_ignored_and_hinted():
    model = squeeze_round()
    t = model.now + 100
    assert feed(model, [Touch(9, Phase.DOWN, 10.0, 10.0, t)]) == []
    assert model.attempt.ids == [] and model.attempt.strays == 1
    assert model.hint.key == "squeeze.hint.on_ball"
    gripped(model, 0.4, t + 100)
    assert model.phase == "hold"          # the stray neither counted nor blocked the grip


def test_the_next_ball_waits_until_every_finger_is_off():
    model = squeeze_round(trials=2, release_limit_ms=1000.0)
    _, r = gripped(model, 0.4)
    model.tick(model.next_change_ms())
    cue = model.attempt.cue_ms
    feed(model, release(model, [cue + 300] * 4, r))
    model.tick(cue + 1000)                              # not released: one still down
    model.tick(cue + 10_000)
    assert model.attempt is None and model.phase == "clear"
    feed(model, [Touch(5, Phase.UP, 0, 0, cue + 10_500)])
    model.tick(cue + 10_800)
    assert model.attempt is not None and model.phase == "reach"


def test_a_bout_counts_the_full_cycles_in_its_time():
    model = squeeze_round(tasks="cycles", cycle_ms=10_000.0, cycle_goal=5.0, trials=1)
    t = model.now + 200
    touches = []
    for cycle in range(8):                 # 7 full cycles, then one not closed far enough
        start = t + cycle * 1200
        share = 0.4 if cycle < 7 else 0.1
        touches += [*land(model, start), *close(model, start + 60, share),
                    *release(model, [start + 400] * 5, 38.0 * (1 - share))]
    feed(model, touches)
    model.tick(t + 10_100)                 # ten seconds from the first full landing
    (trial,) = model.take_trials()
    assert trial["outcome"] == "counted" and trial["cycles"] == 7
    assert trial["cycles_10s"] == 7.0 and trial["success"]


def test_a_pinch_held_still_inside_the_band_is_steady():
    model = squeeze_round(tasks="pinch", target_mm=40.0, band_mm=4.0, hold_ms=2000.0)
    cx, cy = model.centre
    t = model.now + 100
    touches = [Touch(1, Phase.DOWN, cx - 20, cy, t), Touch(2, Phase.DOWN, cx + 20, cy, t + 1)]
    touches += [Touch(2, Phase.MOVE, cx + 20 + (0.01 if k % 2 else 0.0), cy, t + 1 + 16 * k)
                for k in range(1, 150)]
    (trial,) = feed(model, touches)
    assert trial["outcome"] == "held" and trial["success"]
    assert trial["inside_percent"] == 100.0 and trial["drift_mm_s"] < 0.01
    assert trial["jitter_mm"] < 0.01 and trial["aperture_cv_percent"] < 0.1


def test_a_pinch_held_without_a_single_move_is_perfectly_steady():
    model = squeeze_round(tasks="pinch", target_mm=40.0, band_mm=4.0, hold_ms=2000.0)
    cx, cy = model.centre
    t = model.now + 100
    feed(model, [Touch(1, Phase.DOWN, cx - 20, cy, t), Touch(2, Phase.DOWN, cx + 20, cy, t)])
    model.tick(t + 2000)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "held" and trial["success"]
    assert trial["inside_percent"] == 100.0 and trial["jitter_mm"] == pytest.approx(0.0)
    assert trial["aperture_cv_percent"] == pytest.approx(0.0)


def test_a_pinch_let_go_during_the_hold_is_dropped():
    model = squeeze_round(tasks="pinch", target_mm=40.0, band_mm=4.0, hold_ms=2000.0)
    cx, cy = model.centre
    t = model.now + 100
    (trial,) = feed(model, [Touch(1, Phase.DOWN, cx - 20, cy, t),
                            Touch(2, Phase.DOWN, cx + 20, cy, t + 1),
                            Touch(2, Phase.UP, cx + 20, cy, t + 900)])
    assert trial["outcome"] == "dropped" and not trial["success"]


def test_one_finger_presses_the_edge_in():
    model = squeeze_round(variant=ONE_FINGER)
    cx, cy = model.centre
    t = model.now + 100
    feed(model, [Touch(1, Phase.DOWN, cx + 40, cy, t), Touch(1, Phase.MOVE, cx + 20, cy, t + 300)])
    assert model.phase == "hold" and model.attempt.depth == pytest.approx(0.5)
    model.tick(model.next_change_ms())
    (trial,) = feed(model, [Touch(1, Phase.UP, cx + 20, cy, model.attempt.cue_ms + 250)])
    assert trial["success"] and trial["release_reaction_ms"] == pytest.approx(250.0)


class Driver:
    """The two calls of a round controller that the simulation runner makes."""

    def __init__(self, model):
        self.model = model
        self.on_touch, self.tick = model.on_touch, model.tick


def _cycles(preset, seed):
    model = squeeze_round(tasks="cycles", trials=1, squeeze_percent=25.0)
    play_round(Driver(model), SqueezePolicy(SimPatient(PRESETS[preset], seed)))
    return model.results[0]["cycles_10s"]


def test_a_healthy_hand_makes_about_twenty_cycles_in_ten_seconds_and_a_severe_one_far_fewer():
    healthy = [_cycles("healthy", s) for s in range(4)]
    severe = [_cycles("severe", s) for s in range(4)]
    assert all(17 <= c <= 26 for c in healthy), healthy
    assert max(severe) <= 11 and min(healthy) - max(severe) >= 6, (healthy, severe)


touch_events = st.tuples(st.integers(0, 7), st.sampled_from(list(Phase)),
                         st.one_of(st.floats(-50, 300), st.just(math.nan)),
                         st.floats(-50, 200), st.floats(0, 3000))


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["grip", "cycles", "pinch", "pair", "cycles+pinch"]),
       st.sampled_from(["", ONE_FINGER]), st.lists(touch_events, max_size=150),
       st.floats(0, 1e5))
def test_any_touch_stream_keeps_the_model_sane(tasks, variant, events, end):
    model = squeeze_round(variant=variant, tasks=tasks, trials=3, cycle_ms=3000.0)
    t = model.now
    for fid, phase, x, y, gap in events:
        t += gap
        model.on_touch(Touch(fid, phase, x, y, t))
    model.tick(t + end)
    done, total = model.progress()
    assert done == len(model.results) <= total
    for trial in model.results:
        assert isinstance(trial["success"], bool)
        assert all(math.isfinite(v) for k, v in trial.items()
                   if isinstance(v, float) and k != "level_value"), trial   # NaN: none adapts
    model.summary()
