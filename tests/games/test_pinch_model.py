"""The pinch game: peg board and pinch-to-size, driven by scripted two-finger stories."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.input.script import finger, merge
from engine.touch import Phase, Touch
from games.pinch.model import make_model
from games.pinch.params import PARAMS
from tests.games.fixed import fixed_round


def pinch_round(layout="pegs", variant="", hand="right", **params):
    return fixed_round("pinch", PARAMS, make_model, {"layout": layout, **params}, hand=hand,
                       variant=variant)


def feed(model, touches):
    for touch in touches:
        model.on_touch(touch)
    return model.take_trials()


def pinch_move(peg_xy, goal, t, *, aperture=20.0, drop_at=None, lift_index_first=True,
               extra=None):
    """Thumb and index land around a peg (index 60 ms later), carry it to `goal`."""
    (px, py), (gx, gy) = peg_xy, goal
    half = aperture / 2
    thumb = finger(1, at=t).down(px - half, py)
    index = finger(2, at=t + 60).down(px + half, py)
    end = goal if drop_at is None else (px + (gx - px) * drop_at, py + (gy - py) * drop_at)
    thumb.at(t + 100).move_to(end[0] - half, end[1], ms=400)
    index.at(t + 100).move_to(end[0] + half, end[1], ms=400)
    first, second = (index, thumb) if lift_index_first else (thumb, index)
    first.wait(20).up()
    second.wait(60).up()
    return merge(thumb, index, *(extra or []))


def test_a_clean_pinch_carry_and_release_places_the_peg():
    model = pinch_round(pegs=3, peg_mm=14.0, tolerance_mm=4.0)
    peg = model.movable()[0]
    hole = model.layout.holes[0]
    (trial,) = feed(model, pinch_move((peg.x_mm, peg.y_mm), hole, 1000))
    assert trial["success"] and trial["outcome"] == "placed" and trial["drops"] == 0
    assert trial["aperture_at_grab_mm"] == pytest.approx(20.0)
    assert trial["placement_error_mm"] == pytest.approx(0.0, abs=1e-6)
    assert trial["pickup_ms"] == 1060 and trial["mode"] == "pinch"
    assert peg.hole == 0 and len(trial["carry_path"]) > 10
    assert math.isfinite(trial["carry_sparc"])


def test_a_drop_mid_carry_sends_the_peg_back_and_counts():
    model = pinch_round(pegs=2)
    peg = model.movable()[0]
    home = (peg.home_x_mm, peg.home_y_mm)
    hole = model.layout.holes[0]
    assert feed(model, pinch_move(home, hole, 1000, drop_at=0.5)) == []
    assert (peg.x_mm, peg.y_mm) == home and model.trial.drops == 1
    assert model.hint.text == "closer_hole"
    (trial,) = feed(model, pinch_move(home, hole, 3000))
    assert trial["drops"] == 1 and not trial["success"] and trial["outcome"] == "placed"


def test_a_release_just_outside_the_hole_is_a_miss_with_a_plain_hint():
    model = pinch_round(pegs=2, tolerance_mm=3.0)
    peg = model.movable()[0]
    hx, hy = model.layout.holes[0]
    feed(model, pinch_move((peg.x_mm, peg.y_mm), (hx + 4.5, hy), 1000))
    assert peg.hole is None and model.trial.drops == 1 and model.hint.text == "closer_hole"


def test_a_third_finger_arriving_does_not_disturb_the_pinch():
    model = pinch_round(pegs=2)
    peg = model.movable()[0]
    hole = model.layout.holes[1]
    palm = finger(3, at=1200).down(5, 110).move_to(60, 110, ms=200).up()
    (trial,) = feed(model, pinch_move((peg.x_mm, peg.y_mm), hole, 1000, extra=[palm]))
    assert trial["success"] and peg.hole == 1


def test_one_finger_lifting_first_releases_where_the_peg_is():
    model = pinch_round(pegs=2)
    peg = model.movable()[0]
    hole = model.layout.holes[0]
    (trial,) = feed(model, pinch_move((peg.x_mm, peg.y_mm), hole, 1000,
                                      lift_index_first=False))
    assert trial["success"]


def test_one_finger_on_a_peg_is_told_to_use_two_and_pinching_air_to_come_closer():
    model = pinch_round(pegs=2)
    peg = model.movable()[0]
    feed(model, finger(1, at=1000).down(peg.x_mm, peg.y_mm).hold(1000).up().touches)
    assert model.hint.text == "two_fingers" and peg.hole is None
    feed(model, merge(finger(1, at=3000).down(5, 5).hold(100).up(),
                      finger(2, at=3020).down(20, 5).hold(80).up()))
    assert model.hint.text == "closer" and model.trial.misses == 1


def test_one_finger_mode_drags_and_is_marked():
    model = pinch_round(pegs=1, variant="one-finger", keyed=True)
    peg = model.movable()[0]
    hole = model.layout.holes[0]
    story = finger(1, at=500).down(peg.x_mm + 2, peg.y_mm).move_to(hole[0] + 2, hole[1],
                                                                  ms=500).up()
    (trial,) = feed(model, story.touches)
    assert trial["success"] and trial["mode"] == "one-finger" and not trial["keyed"]
    assert model.summary()["mode"] == "one-finger"


def test_keyed_pegs_must_be_turned_with_two_fingers():
    model = pinch_round(pegs=1, keyed=True, turn_tolerance_deg=15.0)
    peg = model.movable()[0]
    hole = model.layout.holes[0]
    feed(model, pinch_move((peg.x_mm, peg.y_mm), hole, 1000))
    assert model.hint.text == "turn" and model.trial.drops == 1
    need = -peg.angle_deg
    px, py = peg.x_mm, peg.y_mm
    a0 = 0.0
    a1 = math.radians(need)
    steps = 40
    thumb = finger(1, at=3000).down(px - 10, py)
    index = finger(2, at=3050).down(px + 10, py)
    for k in range(1, steps + 1):
        f = k / steps
        a = a0 + (a1 - a0) * f
        cx, cy = px + (hole[0] - px) * f, py + (hole[1] - py) * f
        t = 3100 + k * 10
        thumb.samples([(cx - 10 * math.cos(a), cy - 10 * math.sin(a), t)])
        index.samples([(cx + 10 * math.cos(a), cy + 10 * math.sin(a), t)])
    index.wait(20).up()
    thumb.wait(40).up()
    (trial,) = feed(model, merge(thumb, index))
    assert trial["outcome"] == "placed" and trial["rotation_error_deg"] < 15


def test_the_board_empties_out_and_the_total_time_runs_like_the_clinical_test():
    model = pinch_round(pegs=2)
    t = 1000.0
    while not model.finished:
        peg = model.movable()[0]
        if model.phase == "in":
            goal = model.layout.holes[model.empty_holes()[0]]
        else:
            goal = model.layout.tray.center
        start_xy = model.peg_position(peg)
        feed(model, pinch_move(start_xy, goal, t))
        t += 1500
    phases = [tr["phase"] for tr in model.results]
    assert phases == ["in", "in", "out", "out"]
    assert [tr["counts_for_staircase"] for tr in model.results] == [True, True, False, False]
    summary = model.summary()
    assert summary["total_time_ms"] == pytest.approx(model.results[-1]["release_ms"] - 1060)
    assert summary["drops"] == 0 and summary["success_rate"] == 1.0


def test_pegs_in_moving_holes_move_with_them():
    model = pinch_round(pegs=1, hole_motion_mm=8.0, tolerance_mm=4.0)
    peg = model.movable()[0]
    release_t = 1000 + 100 + 400 + 20
    target = model.hole_at(0, release_t)
    feed(model, pinch_move((peg.x_mm, peg.y_mm), target, 1000))
    assert peg.hole == 0
    assert model.peg_position(peg, 3000) == pytest.approx(model.hole_at(0, 3000))
    assert model.peg_position(peg, 3000) != pytest.approx(model.peg_position(peg, 4500))


def test_mirrored_for_the_left_hand():
    left, right = pinch_round(hand="left"), pinch_round()
    assert left.layout.tray.x < 100 < right.layout.tray.x


def spread(model, factor, t, hold_ms=900.0):
    s = model.sizing
    cx, cy = model.centre
    a0 = 30.0
    a1 = a0 * s.target_mm * factor / s.size_mm
    thumb = finger(1, at=t).down(cx - a0 / 2, cy).move_to(cx - a1 / 2, cy, ms=300)
    index = finger(2, at=t + 10).down(cx + a0 / 2, cy).move_to(cx + a1 / 2, cy, ms=290)
    thumb.hold(hold_ms).up()
    index.hold(hold_ms).up()
    return feed(model, merge(thumb, index))


def test_pinch_to_size_held_on_target_succeeds():
    model = pinch_round(layout="size", trials=2, size_tolerance_mm=3.0, hold_ms=600.0)
    model.tick(model.next_change_ms())
    (trial,) = spread(model, 1.0, model.sizing.onset_ms + 300)
    assert trial["success"] and trial["aperture_error_mm"] < 0.5
    assert trial["time_to_match_ms"] is not None and trial["grips"] == 1


def test_pinch_to_size_off_target_or_let_go_early_does_not():
    model = pinch_round(layout="size", trials=1, size_tolerance_mm=2.0, hold_ms=800.0,
                        time_limit_ms=5000.0)
    model.tick(model.next_change_ms())
    onset = model.sizing.onset_ms
    assert spread(model, 1.2, onset + 300) == []          # too big: nothing to hold
    assert spread(model, 1.0, onset + 1500, hold_ms=300) == []   # let go too soon
    model.tick(onset + 6000)
    (trial,) = model.take_trials()
    assert not trial["success"] and trial["grips"] == 2


touch_events = st.tuples(st.integers(0, 5), st.sampled_from(list(Phase)),
                         st.floats(-50, 300), st.floats(-50, 200), st.floats(0, 4000))


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["pegs", "size"]), st.sampled_from(["", "one-finger"]),
       st.booleans(), st.lists(touch_events, max_size=150), st.floats(0, 3e5))
def test_any_touch_stream_keeps_the_model_sane(layout, variant, keyed, events, end):
    model = pinch_round(layout=layout, variant=variant, keyed=keyed, pegs=3, trials=3,
                        hole_motion_mm=5.0, peg_time_ms=20000.0)
    t = 0.0
    for fid, phase, x, y, gap in events:
        t += gap
        model.on_touch(Touch(fid, phase, x, y, t))
    model.tick(t + end)
    done, total = model.progress()
    assert done == len(model.results) <= total
    for trial in model.results:
        assert isinstance(trial["success"], bool)
        for key, value in trial.items():
            if isinstance(value, float):
                assert not math.isinf(value), key
    if layout == "pegs":
        holes = [p.hole for p in model.pegs if p.hole is not None]
        assert len(holes) == len(set(holes))          # never two pegs in one hole
