"""The turn game, driven by scripted hands of exact geometry: a perfect circle has radial
error 0 and the angular speed it was drawn at; a dial turned exactly 90 degrees at 45
degrees a second gives those numbers back; wringing, side to side and the pencil count
what they should; every rule (a stray, a lift, a slip, the time limit) does what it says;
and any touch stream keeps the model sane."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.touch import Phase, Touch
from games.turn.angles import Turnarounds, Unwrapped
from games.turn.params import fingers_needed
from games.turn.tasks.circles import START_DEG
from tests.games.turn_script import (
    at,
    circle,
    dial_turn,
    feed,
    frames,
    lift_all,
    roll,
    turn_round,
    wring,
)


# -- thumb circles ----------------------------------------------------------------------
def test_a_perfect_circle_has_no_radial_error_and_the_speed_it_was_drawn_at():
    model = turn_round("circles", turns=2.0, band_mm=5.0)
    (trial,) = feed(model, circle(model, 1000.0, 2.0, 90.0))
    assert trial["outcome"] == "done" and trial["success"]
    assert trial["direction"] == "cw"
    assert trial["radial_rms_mm"] == pytest.approx(0.0, abs=1e-9)
    assert trial["speed_deg_s"] == pytest.approx(90.0, rel=1e-9)
    assert trial["speed_cv_percent"] == pytest.approx(0.0, abs=1e-6)
    assert trial["turned_deg"] == pytest.approx(720.0, abs=1e-6)
    assert trial["inside_percent"] == 100.0 and trial["reversals"] == 0
    assert trial["end_ms"] - trial["start_ms"] == pytest.approx(8000.0)


def test_the_second_circle_goes_the_other_way_and_is_measured_that_way():
    model = turn_round("circles", turns=1.0)
    feed(model, circle(model, 1000.0, 1.0, 120.0))
    model.tick(5000.0)
    assert model.task is None and model.phase == "clear"   # a finger still down
    feed(model, lift_all(model, 5000.0))
    model.tick(8000.0)
    assert model.task is not None and model.task.direction == "ccw"
    (trial,) = feed(model, circle(model, 9000.0, 1.0, 60.0, sign=-1))
    assert trial["direction"] == "ccw" and trial["success"]
    assert trial["speed_deg_s"] == pytest.approx(60.0, rel=1e-9)
    summary = model.summary()
    assert summary["speed_deg_s_cw"] == pytest.approx(120.0)
    assert summary["speed_deg_s_ccw"] == pytest.approx(60.0)
    assert summary["turned_deg"] == pytest.approx(720.0)


def test_a_circle_a_set_distance_off_the_ring_has_that_radial_error():
    model = turn_round("circles", turns=1.0, band_mm=2.0)
    (trial,) = feed(model, circle(model, 1000.0, 1.0, 90.0, offset_mm=3.0))
    assert trial["radial_rms_mm"] == pytest.approx(3.0, abs=1e-9)
    assert trial["inside_percent"] == 0.0
    assert trial["outcome"] == "done" and not trial["success"]   # off the ring all along


def test_circling_the_wrong_way_never_finishes_and_counts_no_turn():
    model = turn_round("circles", turns=1.0, time_limit_ms=12000.0)
    feed(model, circle(model, 1000.0, 1.0, 90.0, sign=-1))
    model.tick(13000.0)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "time" and not trial["success"]
    assert trial["turned_deg"] == pytest.approx(-360.0, abs=1e-6)


def test_a_turn_back_is_a_reversal_and_a_shake_is_not():
    model = turn_round("circles", turns=1.0)
    task = model.task
    angles = [START_DEG + a for a in range(0, 91, 3)] + \
        [START_DEG + a for a in range(87, 59, -3)] + \
        [START_DEG + a + 2.0 * (k % 2) for k, a in enumerate(range(60, 371, 3))]
    touches = [Touch(1, Phase.DOWN, *at(task.centre, task.radius, angles[0]), 1000.0)]
    touches += [Touch(1, Phase.MOVE, *at(task.centre, task.radius, a), 1016.0 + 16.0 * k)
                for k, a in enumerate(angles[1:])]
    (trial,) = feed(model, touches)
    assert trial["reversals"] == 2      # back 30 degrees, then forward again; 2-degree shakes: no


def test_a_touch_off_the_ball_is_a_stray_and_a_lifted_thumb_picks_it_up_again():
    model = turn_round("circles", turns=1.0)
    task = model.task
    feed(model, [Touch(3, Phase.DOWN, *task.centre, 900.0), Touch(3, Phase.UP, *task.centre,
                                                                 950.0)])
    assert task.strays == 1 and model.hint is not None
    half = circle(model, 1000.0, 0.5, 90.0)
    feed(model, half)
    last = half[-1]
    feed(model, [Touch(1, Phase.UP, last.x_mm, last.y_mm, last.t_ms + 10.0)])
    assert model.task is task and task.ball_deg == pytest.approx(START_DEG + 180.0)   # kept
    (trial,) = feed(model, circle(model, 4000.0, 0.5, 90.0, start_deg=START_DEG + 180.0))
    assert trial["outcome"] == "done" and trial["lifts"] == 1
    assert trial["turned_deg"] == pytest.approx(360.0, abs=1e-6)
    assert trial["radial_rms_mm"] == pytest.approx(0.0, abs=1e-9)


# -- side to side -----------------------------------------------------------------------
def test_side_to_side_counts_there_and_back_and_measures_travel_and_rhythm():
    model = turn_round("side", cycles=3, span_mm=60.0, mark_mm=2.0)
    task = model.task
    touches = [Touch(1, Phase.DOWN, *task.along(0.0), 1000.0)]
    t, place = 1000.0, 0.0
    for target in (30.0, -30.0, 30.0, -30.0, 30.0, -30.0):
        for ms in frames(600.0):
            touches.append(Touch(1, Phase.MOVE, *task.along(place + (target - place) * ms
                                                            / 600.0), t + ms))
        t, place = t + 600.0, target
    (trial,) = feed(model, touches)
    assert trial["outcome"] == "done" and trial["success"] and trial["cycles"] == 3
    assert trial["amplitude_mm"] == pytest.approx(60.0)        # mark to mark, the first leg out
    assert trial["rhythm_cv_percent"] == pytest.approx(0.0, abs=1e-6)
    assert trial["half_cycle_ms"] == pytest.approx(600.0)


def test_a_thumb_that_falls_short_of_the_mark_does_not_count():
    model = turn_round("side", cycles=1, span_mm=60.0, mark_mm=2.0, time_limit_ms=8000.0)
    task = model.task
    touches = [Touch(1, Phase.DOWN, *task.along(0.0), 1000.0)]
    for k, ms in enumerate(frames(4000.0)):
        touches.append(Touch(1, Phase.MOVE, *task.along(20.0 * math.sin(ms / 300.0)),
                             1000.0 + ms + 0 * k))
    feed(model, touches)
    model.tick(9100.0)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "time" and trial["cycles"] == 0 and not trial["success"]
    assert trial["amplitude_mm"] == pytest.approx(40.0, abs=0.5)


# -- the dial ---------------------------------------------------------------------------
def test_a_dial_turned_exactly_90_degrees_at_45_a_second_gives_them_back():
    model = turn_round("dial", angles="90", tolerance_deg=5.0, hold_ms=1000.0)
    feed(model, dial_turn(model.task.centre, 90.0, 45.0, 1000.0))
    model.tick(4000.0)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "done" and trial["success"]
    assert trial["reached_deg"] == pytest.approx(90.0, abs=1e-9)
    assert trial["turn_speed_deg_s"] == pytest.approx(45.0, rel=1e-9)
    assert trial["time_to_target_ms"] == pytest.approx(85.0 / 45.0 * 1000.0, abs=STEP)
    assert trial["overshoot_deg"] == pytest.approx(0.0, abs=1e-9)
    assert trial["hold_rms_deg"] == pytest.approx(0.0, abs=1e-9)   # held still at 90


STEP = 16.0


def test_the_second_dial_turns_the_other_way_and_an_overshoot_is_measured():
    model = turn_round("dial", angles="45", tolerance_deg=5.0, hold_ms=500.0)
    feed(model, dial_turn(model.task.centre, 45.0, 90.0, 1000.0))
    model.tick(3000.0)
    feed(model, lift_all(model, 3000.0))
    model.tick(6000.0)
    task = model.task
    assert task is not None and task.direction == "ccw" and task.target == -45.0
    there = dial_turn(task.centre, -60.0, 60.0, 6000.0)
    back = [Touch(x.finger, Phase.MOVE, *_turned(task.centre, x, 15.0 * k / 20), 7000.0 + 16 * k)
            for k in range(1, 21) for x in there[-2:]]
    feed(model, there + back)
    model.tick(9000.0)
    (trial,) = model.take_trials()
    assert trial["direction"] == "ccw" and trial["success"]
    assert trial["reached_deg"] == pytest.approx(60.0, abs=1e-6)
    assert trial["overshoot_deg"] == pytest.approx(15.0, abs=1e-6)
    assert model.summary()["range_ccw_deg"] == pytest.approx(60.0, abs=1e-6)
    assert model.summary()["range_cw_deg"] == pytest.approx(45.0, abs=1e-6)


def _turned(centre, touch, deg):
    """`touch`'s point turned `deg` about `centre` (clockwise positive)."""
    a = math.radians(deg)
    dx, dy = touch.x_mm - centre[0], touch.y_mm - centre[1]
    return (centre[0] + dx * math.cos(a) - dy * math.sin(a),
            centre[1] + dx * math.sin(a) + dy * math.cos(a))


def test_leaving_the_window_starts_the_hold_again_and_never_reaching_it_is_not_reached():
    model = turn_round("dial", angles="90", tolerance_deg=5.0, hold_ms=1000.0,
                       time_limit_ms=6000.0)
    there = dial_turn(model.task.centre, 90.0, 90.0, 1000.0)
    out = [Touch(x.finger, Phase.MOVE, *_turned(model.task.centre, x, -20.0), 2500.0)
           for x in there[-2:]]
    feed(model, there + out)
    model.tick(6700.0)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "not_held" and trial["slips"] == 1 and not trial["success"]
    model = turn_round("dial", angles="90", tolerance_deg=5.0, time_limit_ms=4000.0)
    feed(model, dial_turn(model.task.centre, 50.0, 90.0, 1000.0))
    model.tick(4700.0)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "not_reached" and trial["time_to_target_ms"] is None


def test_two_fingers_reported_one_after_the_other_make_one_frame():
    """A panel reports both fingers of a frame at the same time, one event each: the
    first alone must not be judged (half a turn of the line)."""
    model = turn_round("dial", angles="90", tolerance_deg=1.0, hold_ms=0.0)
    (trial,) = feed(model, dial_turn(model.task.centre, 90.0, 90.0, 1000.0))
    assert trial["turn_speed_deg_s"] == pytest.approx(90.0, rel=1e-9)


# -- wringing ---------------------------------------------------------------------------
def test_wringing_counts_cycles_with_each_ends_amplitude_and_their_symmetry():
    model = turn_round("wring", cycles=3, amplitude_deg=20.0)
    (trial,) = feed(model, wring(model.task, 1000.0, 30.0, 1200.0, 4))
    assert trial["outcome"] == "done" and trial["success"] and trial["cycles"] == 3
    # legs: 0 -> 30 from rest (neither counted nor measured), then 30 -> -30 -> 30 ...:
    # 60 peak to peak; the sixth leg, cut short by the goal, and the fifth without it are
    # counted but not measured
    assert trial["amplitudes_right"] == pytest.approx([60.0, 60.0], abs=0.5)
    assert trial["amplitudes_left"] == pytest.approx([60.0, 60.0], abs=0.5)
    assert trial["symmetry_ratio"] == pytest.approx(1.0, abs=1e-3)
    assert trial["cycles_per_min"] == pytest.approx(50.0, rel=0.01)   # a 1.2 s period
    # over once the last leg has turned 20 degrees: after a quarter from rest and 5 legs
    assert 300.0 + 5 * 600.0 < trial["end_ms"] - trial["start_ms"] < 300.0 + 6 * 600.0


def test_an_end_picked_up_again_after_twisting_past_the_vertical_is_still_that_end():
    model = turn_round("wring", cycles=5, amplitude_deg=20.0)
    task = model.task
    touches = wring(task, 1000.0, 98.0, 4000.0, 1)[:2 + 2 * 62]   # a quarter: both at 98
    feed(model, touches)
    assert task.angles["right"] == pytest.approx(98.0, abs=1.0)
    left = [t for t in touches if t.finger == 1][-1]
    feed(model, [Touch(1, Phase.UP, left.x_mm, left.y_mm, 3000.0)])
    assert task.phase == "place"
    feed(model, [Touch(3, Phase.DOWN, *task.grip("left"), 3100.0)])
    assert task.ends == {"right": 2, "left": 3} and task.phase == "turn" and task.strays == 0


def test_a_weaker_end_shows_in_the_symmetry_ratio():
    model = turn_round("wring", cycles=2, amplitude_deg=10.0)
    (trial,) = feed(model, wring(model.task, 1000.0, 40.0, 1200.0, 3, weaker=0.5))
    assert trial["symmetry_ratio"] == pytest.approx(0.5, abs=0.02)
    assert trial["amplitude_left_deg"] == pytest.approx(trial["amplitude_right_deg"] / 2,
                                                        rel=0.03)


def test_both_ends_turning_the_same_way_is_no_wringing():
    model = turn_round("wring", cycles=2, amplitude_deg=10.0, time_limit_ms=8000.0)
    feed(model, wring(model.task, 1000.0, 40.0, 1200.0, 4, same_way=True))
    model.tick(9000.0)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "time" and trial["cycles"] == 0 and not trial["success"]


# -- the pencil -------------------------------------------------------------------------
def test_opposite_slides_roll_the_pencil_stroke_by_stroke():
    model = turn_round("pencil", rolls=4, roll_deg=50.0)
    task = model.task
    (trial,) = feed(model, roll(task, 1000.0, 8.0, 1000.0, 4))
    assert trial["outcome"] == "done" and trial["success"]
    assert trial["rolls"] == 4 and trial["drops"] == 0
    # each stroke: both fingers 16 mm opposite ways over a 32 mm pencil: 1 radian; the
    # trial is over once the fourth has turned it the 50 degrees of a roll
    stroke = math.degrees(2 * 16.0 / 32.0)
    assert 3 * stroke + 50.0 <= trial["rolled_deg"] <= 3 * stroke + 50.0 + 2.0


def test_fingers_sliding_together_drop_the_pencil_and_it_is_picked_up_again():
    model = turn_round("pencil", rolls=2, roll_deg=40.0)
    task = model.task
    slid = roll(task, 1000.0, 8.0, 1000.0, 2, together=True)
    feed(model, slid)
    assert task.dropped == "slid" and model.phase == "dropped" and task.drops == 1
    feed(model, [Touch(t.finger, Phase.UP, t.x_mm, t.y_mm, 2100.0 + t.finger)
                 for t in slid[-2:]])
    assert model.phase == "place" and not task.dropped
    (trial,) = feed(model, roll(task, 3000.0, 8.0, 1000.0, 2))
    assert trial["outcome"] == "done" and trial["drops"] == 1 and trial["rolls"] == 2


def test_fingers_parting_or_letting_go_drop_the_pencil():
    model = turn_round("pencil", rolls=3, roll_deg=40.0)
    task = model.task
    feed(model, roll(task, 1000.0, 8.0, 1000.0, 2, part_mm=30.0))
    assert task.dropped == "parted"
    model = turn_round("pencil", rolls=3, roll_deg=40.0)
    task = model.task
    rolled = roll(task, 1000.0, 8.0, 1000.0, 1)
    top = rolled[-2]
    feed(model, [*rolled, Touch(top.finger, Phase.UP, top.x_mm, top.y_mm, 1600.0)])
    assert task.dropped == "let_go" and task.drops == 1


# -- the flow ---------------------------------------------------------------------------
def test_two_contact_exercises_need_a_touchscreen_and_one_finger_ones_do_not():
    assert fingers_needed({"tasks": "circles"}) == 1
    assert fingers_needed({"tasks": "side"}) == 1
    assert fingers_needed({"tasks": "circles+dial"}) == 2
    for kind in ("dial", "wring", "pencil"):
        assert fingers_needed({"tasks": kind}) == 2


def test_a_check_up_alternates_circles_and_dials_each_way():
    model = turn_round("circles+dial", trials=4, turns=1.0, angles="90", hold_ms=0.0,
                       tolerance_deg=5.0)
    seen, t = [], 1000.0
    while not model.finished:
        task = model.task
        seen.append((task.kind, task.direction))
        if task.kind == "circles":
            feed(model, circle(model, t, 1.0, 180.0, sign=task.sign))
        else:
            feed(model, dial_turn(task.centre, 90.0 * task.sign, 180.0, t))
        t = model.now + 50.0
        model.tick(t)
        feed(model, lift_all(model, t))
        t += 2000.0
        model.tick(t)
    assert seen == [("circles", "cw"), ("dial", "cw"), ("circles", "ccw"), ("dial", "ccw")]
    summary = model.summary()
    assert summary["success_rate"] == 1.0 and summary["trials"] == 4
    assert 85.0 <= summary["range_cw_deg"] <= 90.0     # held (for 0 ms) on entering the window


def test_angles_unwrap_through_whole_turns_and_turnarounds_ignore_shakes():
    angle = Unwrapped(170.0)
    for a in (-170.0, -90.0, 0.0, 90.0, 180.0, -90.0):
        angle.feed(a)
    assert angle.turned == pytest.approx(460.0)
    finder = Turnarounds(5.0)
    legs = [finder.feed(t, v) for t, v in enumerate([0, 3, 10, 20, 18, 21, 14, 0, -10, -4, 2])]
    found = [leg for leg in legs if leg is not None]
    assert [(leg.start, leg.end) for leg in found] == [(0, 21), (21, -10)]
    assert finder.finish().end == 2


@settings(max_examples=60, deadline=None)
@given(tasks=st.sampled_from(["circles", "side", "dial", "wring", "pencil", "circles+dial"]),
       events=st.lists(st.tuples(st.integers(1, 4), st.sampled_from(list(Phase)),
                                 st.floats(-50, 300), st.floats(-50, 200),
                                 st.floats(0, 400)), max_size=120),
       end=st.floats(0, 120000))
def test_any_touch_stream_keeps_the_model_sane(tasks, events, end):
    model = turn_round(tasks, trials=3, time_limit_ms=5000.0, hold_ms=300.0)
    t = 700.0
    for finger, phase, x, y, dt in events:
        t += dt
        model.on_touch(Touch(finger, phase, x, y, t))
    model.tick(t + end)
    for trial in model.take_trials():
        assert isinstance(trial["success"], bool)
        assert not any(isinstance(v, float) and math.isnan(v) for k, v in trial.items()
                       if k != "level_value")
    summary = model.summary()
    assert 0 <= summary["trials"] <= 3


# -- found in review --------------------------------------------------------------------
def test_a_dial_held_still_on_its_last_frame_is_judged_without_another_touch():
    """A panel reports nothing while fingers are still: the last frame, inside a narrow
    window, must start the hold by itself."""
    model = turn_round("dial", angles="90", tolerance_deg=1.5, hold_ms=1500.0)
    turn = dial_turn(model.task.centre, 89.6, 200.0, 1000.0)
    feed(model, turn)
    model.tick(turn[-1].t_ms + 1600.0)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "done" and trial["success"] and trial["hold_rms_deg"] == 0.0


def test_a_finger_a_little_behind_the_other_still_rolls_the_pencil():
    model = turn_round("pencil", rolls=6, roll_deg=30.0)
    task = model.task
    strokes = roll(task, 1000.0, 8.0, 1000.0, 7)
    bottom = [t for t in strokes if t.finger == 1]
    lagged = [t for t in strokes if t.finger == 2] + [
        Touch(1, x.phase, x.x_mm, x.y_mm, x.t_ms + (200.0 if x.phase is Phase.MOVE else 0.0))
        for x in bottom]
    (trial,) = feed(model, lagged)
    assert trial["outcome"] == "done" and trial["rolls"] == 6 and trial["drops"] == 0


def test_side_to_side_on_a_tiny_board_still_needs_the_ball_to_reach_the_marks():
    model = turn_round("side", axis="up-down", span_mm=60.0, mark_mm=5.0, cycles=1,
                       board=(60.0, 40.0), time_limit_ms=3000.0)
    task = model.task
    feed(model, [Touch(1, Phase.DOWN, *task.along(0.0), 1000.0)] +
         [Touch(1, Phase.MOVE, *task.along(0.0), 1000.0 + 16.0 * k) for k in range(1, 60)])
    model.tick(4000.0)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "time" and trial["cycles"] == 0


def test_a_thumb_off_the_line_leaves_the_ball_where_it_was():
    model = turn_round("side", span_mm=60.0, cycles=1)
    task = model.task
    cx, cy = task.centre
    feed(model, [Touch(1, Phase.DOWN, cx, cy, 1000.0), Touch(1, Phase.MOVE, cx + 10, cy, 1016.0),
                 Touch(1, Phase.MOVE, cx + 30, cy + 40, 1032.0)])
    assert task.at == pytest.approx(10.0) and task.off_line


def test_with_no_time_limit_the_simulated_hand_keeps_going_until_the_round_ends():
    from engine.sim.hand import PRESETS, SimPatient
    from games.turn.policy import TurnPolicy

    model = turn_round("circles", trials=2, time_limit_ms=0.0, turns=1.0)
    policy = TurnPolicy(SimPatient(PRESETS["moderate"], 3))
    t = model.now
    while not model.finished and t < 600_000.0:
        gesture = policy.plan(model, t)
        for touch in gesture:
            t = max(t, touch.t_ms)
            model.on_touch(touch.at(t))
        if not gesture:
            upcoming = model.next_change_ms()
            t = max(t + 1.0, upcoming) if upcoming is not None else t + 50.0
            model.tick(t)
    assert model.finished and len(model.results) == 2
