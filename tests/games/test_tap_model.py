"""The tap model, driven by scripted touches (given / when / then)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.input.script import finger, merge
from engine.touch import Phase, Touch
from tests.games.tap_helpers import shown, tap_round


def feed(model, touches):
    for touch in touches:
        model.on_touch(touch)
    return model.take_trials()


def test_a_hit():
    model = tap_round(width_mm=20.0, trials=5)
    target = shown(model)
    (trial,) = feed(model, finger(1, at=target.onset_ms + 400)
                    .tap(target.x_mm + 2, target.y_mm - 1, hold_ms=90).touches)
    assert trial["success"] and trial["outcome"] == "hit"
    assert trial["reaction_ms"] == pytest.approx(400)
    assert trial["dwell_ms"] == pytest.approx(90)
    assert trial["endpoint_error_mm"] == pytest.approx(math.hypot(2, 1))
    assert trial["fingers"] == 1 and trial["target_w_mm"] == 20.0


def test_a_miss():
    model = tap_round(width_mm=10.0, trials=5)
    target = shown(model)
    (trial,) = feed(model, finger(1, at=target.onset_ms + 300)
                    .tap(target.x_mm + 8, target.y_mm).touches)
    assert not trial["success"] and trial["outcome"] == "miss"
    assert model.feedback.kind == "miss" and model.feedback.reason == "miss"


def test_a_touch_with_two_fingers_is_not_a_hit():
    model = tap_round(width_mm=30.0, trials=5)
    target = shown(model)
    t0 = target.onset_ms + 300
    both = merge(finger(1, at=t0).tap(target.x_mm, target.y_mm, hold_ms=120),
                 finger(2, at=t0 + 30).tap(target.x_mm + 20, target.y_mm + 20, hold_ms=60))
    (trial,) = feed(model, both)
    assert trial["outcome"] == "several_fingers" and not trial["success"]
    assert trial["fingers"] == 2


def test_a_palm_already_resting_when_the_target_appears_is_not_a_selection():
    model = tap_round(width_mm=30.0, trials=5)
    palm = finger(5, at=100).down(10, 100)
    feed(model, palm.touches)
    target = shown(model)
    (trial,) = feed(model, finger(1, at=target.onset_ms + 300)
                    .tap(target.x_mm, target.y_mm).touches)
    assert trial["outcome"] == "several_fingers" and trial["early_touches"] == 1


def test_a_lift_outside_the_target():
    model = tap_round(width_mm=16.0, trials=5)
    target = shown(model)
    slide = finger(1, at=target.onset_ms + 350).down(target.x_mm, target.y_mm) \
        .move_to(target.x_mm + 20, target.y_mm, ms=150).up()
    (trial,) = feed(model, slide.touches)
    assert trial["outcome"] == "slid_off" and not trial["success"]
    assert trial["up_x_mm"] == pytest.approx(target.x_mm + 20)


def test_a_touch_during_the_pause_between_trials_counts_as_early_and_changes_nothing():
    model = tap_round(width_mm=20.0, trials=5, pause_ms=1000.0)
    first = shown(model)
    feed(model, finger(1, at=first.onset_ms + 300).tap(first.x_mm, first.y_mm).touches)
    assert model.target is None
    assert feed(model, finger(2, at=first.onset_ms + 600).tap(50, 50).touches) == []
    second = shown(model)
    (trial,) = feed(model, finger(1, at=second.onset_ms + 300)
                    .tap(second.x_mm, second.y_mm).touches)
    assert trial["early_touches"] == 1 and trial["success"]


def test_too_slow_with_a_time_limit_but_not_when_self_paced():
    model = tap_round(width_mm=20.0, trials=3, time_limit_ms=1500.0)
    target = shown(model)
    model.tick(target.onset_ms + 1600)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "too_slow" and trial["time_limit_ms"] == 1500
    relaxed = tap_round(width_mm=20.0, trials=3, time_limit_ms=1500.0, self_paced=True)
    target = shown(relaxed)
    relaxed.tick(target.onset_ms + 60_000)
    assert relaxed.take_trials() == [] and relaxed.target is target


def test_the_ring_goes_across_and_left_hand_play_mirrors_it():
    right = tap_round(trials=9, ring_targets=9, distance_mm=80.0, width_mm=14.0)
    left = tap_round(trials=9, ring_targets=9, distance_mm=80.0, width_mm=14.0, hand="left")
    positions = []
    for model in (right, left):
        seen = []
        for _ in range(4):
            target = shown(model)
            seen.append((target.x_mm, target.y_mm))
            feed(model, finger(1, at=model.now + 200).tap(target.x_mm, target.y_mm).touches)
        positions.append(seen)
    for (xa, ya), (xb, yb) in zip(*positions, strict=True):
        assert xa + xb == pytest.approx(200.0) and ya == pytest.approx(yb)
    a, b = positions[0][0], positions[0][1]
    assert math.dist(a, b) > 0.9 * 80 - 14  # nearly across the circle


def test_serial_play_measures_selection_to_selection_and_throughput():
    model = tap_round(trials=12, ring_targets=9, distance_mm=80.0, width_mm=16.0)
    t = 0.0
    while not model.finished:
        target = shown(model)
        t = max(t, target.onset_ms) + 500
        feed(model, finger(1, at=t).tap(target.x_mm + 1, target.y_mm, hold_ms=80).touches)
        t += 80
    trials = model.results
    assert trials[3]["movement_ms"] == pytest.approx(580)
    summary = model.summary()
    assert summary["hit_rate"] == 1.0 and summary["throughput_bits_per_s"] > 0


def test_a_sequence_repeated_correctly_and_one_repeated_wrongly():
    model = tap_round(layout="sequence", trials=2, pads=5, sequence_length=3.0,
                      width_mm=20.0, show_ms=500.0)
    model.tick(model.next_change_ms())
    seq = model.sequence
    assert seq is not None and len(seq.order) == 3
    model.tick(seq.demo_end_ms)
    t = seq.demo_end_ms + 400
    for pad in seq.order:
        feed(model, finger(1, at=t).tap(*seq.pads[pad]).touches)
        t += 500
    model.tick(t + 1000)
    (good,) = model.take_trials()
    assert good["success"] and good["correct_taps"] == 3
    model.tick(model.next_change_ms())
    seq = model.sequence
    model.tick(seq.demo_end_ms)
    wrong = (seq.order[0] + 1) % 5
    feed(model, finger(1, at=seq.demo_end_ms + 300).tap(*seq.pads[wrong]).touches)
    model.tick(seq.demo_end_ms + 2000)
    (bad,) = model.take_trials()
    assert not bad["success"] and bad["correct_taps"] == 0 and model.finished


def test_rhythm_counts_alternating_taps_for_ten_seconds():
    model = tap_round(layout="rhythm", trials=1, width_mm=30.0, distance_mm=60.0,
                      duration_ms=10000.0)
    model.tick(model.next_change_ms())
    rh = model.rhythm
    t = rh.ready_ms + 500
    for i in range(40):
        pad = rh.pads[i % 2] if i != 10 else rh.pads[(i + 1) % 2]  # one wrong pad
        feed(model, finger(1, at=t).tap(*pad, hold_ms=60).touches)
        t += 250
    model.tick(t + 20000)
    (trial,) = model.take_trials()
    assert trial["tap_count"] == 40 and trial["correct_taps"] == 39
    assert trial["frequency_per_s"] == pytest.approx(4.0)
    assert trial["interval_ms_median"] == pytest.approx(250)


def test_the_same_touches_give_the_same_trials():
    def run():
        model = tap_round(layout="random", trials=6, width_mm=15.0, seed=7)
        while not model.finished:
            target = shown(model)
            feed(model, finger(1, at=model.now + 300).tap(target.x_mm + 3, target.y_mm)
                 .touches)
        return model.results
    assert run() == run()


touch_events = st.tuples(st.integers(0, 12), st.sampled_from(list(Phase)),
                         st.floats(-50, 300), st.floats(-50, 200),
                         st.floats(0, 20_000))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["ring", "random", "sequence", "rhythm"]),
       st.lists(touch_events, max_size=150), st.floats(0, 5e5))
def test_any_touch_stream_keeps_the_model_sane(layout, events, end):
    model = tap_round(layout=layout, trials=4, time_limit_ms=2000.0, duration_ms=3000.0)
    t = 0.0
    for fid, phase, x, y, gap in events:
        t += gap
        model.on_touch(Touch(fid, phase, x, y, t))
    model.tick(t + end)
    trials = model.results
    done, total = model.progress()
    assert done == len(trials) <= total
    for trial in trials:
        assert isinstance(trial["success"], bool)
        for key, value in trial.items():
            if isinstance(value, float):
                assert not math.isinf(value), key
        if trial["kind"] == "point" and math.isfinite(trial["reaction_ms"]):
            assert trial["reaction_ms"] >= 0
    summary = model.summary()
    for key in ("success_rate", "hit_rate"):
        value = summary.get(key)
        assert value is None or math.isnan(value) or 0 <= value <= 1
