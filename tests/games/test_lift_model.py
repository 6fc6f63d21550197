"""The lift game, driven by scripted hands: laying the hand down, a cue, the cued finger
lifting (alone or with others), the whole hand lifting or sliding, stray touches, and the
individuation index on exact co-movement."""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.input.placement import FINGERS
from engine.touch import Phase, Touch
from games.lift.cues import cue_list, fingers_for, there_and_back
from games.lift.hand_shape import fingertips
from games.lift.individuation import CoMovement, hand_index, individuation
from games.lift.model import READY_MS, SETTLE_MS, LiftModel
from games.lift.params import PARAMS
from tests.games.fixed import fixed_round

ID = {f: k + 1 for k, f in enumerate(FINGERS)}


def lift_round(hand="right", **params):
    return fixed_round("lift", PARAMS, LiftModel, {"task": "lift", **params}, hand=hand)


def tips(model):
    return fingertips(model.fingers, model.side, 200.0, 120.0)


def feed(model, touches):
    for touch in touches:
        model.on_touch(touch)
    return model.take_trials()


def lay_down(model, t=0.0):
    """Every fingertip lands (20 ms apart) where a hand laid flat puts them; then the
    model reads the hand and waits for the first cue."""
    for k, (finger, (x, y)) in enumerate(tips(model).items()):
        model.on_touch(Touch(ID[finger], Phase.DOWN, x, y, t + 20 * k))
    model.tick(t + 20 * len(model.fingers) + SETTLE_MS)


def to_cue(model):
    """Let time pass until the next cue lights; its onset."""
    model.tick(model.next_change_ms())
    assert model.phase == "cue", model.phase
    return model.cue.onset_ms


def pad(model, finger):
    p = model.placement.pad(finger)
    return p.x_mm, p.y_mm


def up(model, finger, t):
    return Touch(ID[finger], Phase.UP, *pad(model, finger), t)


def down(model, finger, t, dx=0.0, dy=0.0):
    x, y = pad(model, finger)
    return Touch(ID[finger], Phase.DOWN, x + dx, y + dy, t)


def slide(model, finger, dx, dy, t0, *, ms=200.0, steps=10):
    x, y = pad(model, finger)
    return [Touch(ID[finger], Phase.MOVE, x + dx * k / steps, y + dy * k / steps,
                  t0 + ms * k / steps) for k in range(1, steps + 1)]


def lift_and_return(model, finger, t_up, t_down):
    return [up(model, finger, t_up), down(model, finger, t_down)]


# -- laying the hand down ----------------------------------------------------------------------
def test_a_hand_laid_flat_is_read_and_each_pad_is_under_its_finger():
    model = lift_round()
    lay_down(model)
    assert model.phase == "wait" and model.problem is None
    assert model.placement.fingers == FINGERS
    for finger, (x, y) in tips(model).items():
        assert pad(model, finger) == (x, y)


def test_the_left_hand_is_read_as_the_mirror_image():
    model = lift_round(hand="left")
    lay_down(model)
    assert model.placement.hand == "left" and model.placement.fingers == FINGERS
    assert pad(model, "thumb")[0] > pad(model, "little")[0]


def test_fewer_pads_for_a_weak_hand():
    model = lift_round(pads=2)
    assert model.fingers == ("index", "middle")
    lay_down(model)
    assert model.placement.fingers == ("index", "middle")


def test_the_hand_is_read_only_once_the_fingertips_have_settled():
    model = lift_round()
    lay_down_touches = [Touch(ID[f], Phase.DOWN, x, y, 10.0 * k)
                        for k, (f, (x, y)) in enumerate(tips(model).items())]
    feed(model, lay_down_touches)
    model.tick(40 + SETTLE_MS - 1)
    assert model.placement is None
    model.tick(40 + SETTLE_MS)
    assert model.placement is not None


def _two_on_one_spot(points):
    points["index"] = (points["middle"][0] - 5.0, points["middle"][1])


def _little_far_out(points):
    points["little"] = (points["little"][0] + 25.0, points["little"][1])   # 50 mm off


def _middle_tucked_in(points):
    points["middle"] = (points["middle"][0], points["middle"][1] + 14.0)


@pytest.mark.parametrize(("change", "reason"), [
    (_two_on_one_spot, "placement.too_close"), (_little_far_out, "placement.too_far"),
    (_middle_tucked_in, "placement.not_an_arc")])
def test_an_implausible_hand_is_asked_for_again_with_the_reason(change, reason):
    model = lift_round()
    points = tips(model)
    change(points)
    feed(model, [Touch(ID[f], Phase.DOWN, x, y, 0.0) for f, (x, y) in points.items()])
    model.tick(SETTLE_MS)
    assert model.placement is None and model.problem == reason and model.attempts == 1


def test_a_sixth_fingertip_while_laying_down_is_too_many():
    model = lift_round()
    touches = [Touch(ID[f], Phase.DOWN, x, y, 0.0) for f, (x, y) in tips(model).items()]
    feed(model, [*touches, Touch(9, Phase.DOWN, 20.0, 100.0, 5.0)])
    model.tick(SETTLE_MS + 5)
    assert model.placement is None and model.problem == "placement.wrong_count"
    feed(model, [Touch(9, Phase.UP, 20.0, 100.0, 700.0)])        # the extra one lifts
    model.tick(700 + SETTLE_MS)
    assert model.placement is not None and model.problem is None


# -- a cue ------------------------------------------------------------------------------------
def test_the_cued_finger_lifting_alone_is_a_success_with_its_times():
    model = lift_round()
    lay_down(model)
    onset = to_cue(model)
    cued = model.cue.fingers[0]
    (trial,) = feed(model, lift_and_return(model, cued, onset + 420, onset + 900))
    assert trial["success"] and trial["outcome"] == "alone" and trial["finger"] == cued
    assert trial["reaction_ms"] == pytest.approx(420.0)
    assert trial["movement_ms"] == pytest.approx(480.0)
    assert trial["individuation"] == 1.0 and trial["others_lifted"] == 0
    assert set(trial["co_movement"]) == set(FINGERS) - {cued}


def test_a_neighbour_sliding_2_mm_is_measured_and_lowers_the_index():
    model = lift_round(reference_slide_mm=10.0, slide_allowed_mm=5.0, alone_needed=True)
    lay_down(model)
    onset = to_cue(model)
    cued = model.cue.fingers[0]
    neighbour = next(f for f in FINGERS if f != cued)
    touches = [*slide(model, neighbour, 2.0, 0.0, onset + 300),
               *lift_and_return(model, cued, onset + 400, onset + 800)]
    (trial,) = feed(model, sorted(touches, key=lambda x: x.t_ms))
    assert trial["co_movement"][neighbour] == {"slide_mm": pytest.approx(2.0), "lifted": False}
    assert trial["others_slide_mm"] == pytest.approx(2.0)
    # four other fingers, one slid 2 mm of the 10 mm reference: 1 - 0.2 / 4
    assert trial["individuation"] == pytest.approx(0.95)
    assert trial["success"] and trial["outcome"] == "alone"     # within the 5 mm allowed


def test_a_slide_past_the_allowance_fails_a_level_that_needs_the_finger_alone():
    model = lift_round(slide_allowed_mm=5.0, alone_needed=True)
    lay_down(model)
    onset = to_cue(model)
    cued = model.cue.fingers[0]
    neighbour = next(f for f in FINGERS if f != cued)
    touches = [*slide(model, neighbour, 0.0, -6.0, onset + 300),
               *lift_and_return(model, cued, onset + 400, onset + 800)]
    (trial,) = feed(model, sorted(touches, key=lambda x: x.t_ms))
    assert trial["outcome"] == "not_alone" and not trial["success"]


def test_neighbours_lifting_with_it_count_with_their_co_movement():
    model = lift_round()
    lay_down(model)
    onset = to_cue(model)
    cued = model.cue.fingers[0]
    along = [f for f in FINGERS if f != cued][:2]
    touches = [*lift_and_return(model, cued, onset + 400, onset + 900)]
    for k, other in enumerate(along):
        touches += lift_and_return(model, other, onset + 430 + k, onset + 700)
    (trial,) = feed(model, sorted(touches, key=lambda x: x.t_ms))
    assert trial["outcome"] == "not_alone" and trial["others_lifted"] == 2
    assert trial["success"]                 # this level does not need the finger alone
    assert trial["individuation"] == pytest.approx(1 - 2 / 4)
    assert all(trial["co_movement"][f]["lifted"] for f in along)


def test_another_finger_lifting_first_is_a_wrong_finger():
    model = lift_round()
    lay_down(model)
    onset = to_cue(model)
    cued = model.cue.fingers[0]
    wrong = next(f for f in FINGERS if f != cued)
    touches = [*lift_and_return(model, wrong, onset + 300, onset + 500),
               *lift_and_return(model, cued, onset + 700, onset + 1100)]
    (trial,) = feed(model, sorted(touches, key=lambda x: x.t_ms))
    assert trial["outcome"] == "wrong_finger" and trial["wrong_finger"] == wrong
    assert not trial["success"] and trial["reaction_ms"] == pytest.approx(700.0)


def test_no_lift_within_the_time_allowed_is_too_late():
    model = lift_round(time_limit_ms=1500.0)
    lay_down(model)
    onset = to_cue(model)
    model.tick(onset + 1500)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "late" and not trial["success"]
    assert trial["reaction_ms"] is None and trial["individuation"] is None


def test_a_held_finger_must_stay_up_for_the_hold_time():
    model = lift_round(task="hold", hold_ms=2000.0)
    lay_down(model)
    onset = to_cue(model)
    cued = model.cue.fingers[0]
    (short,) = feed(model, lift_and_return(model, cued, onset + 400, onset + 1900))
    assert short["outcome"] == "dropped" and not short["success"]
    onset = to_cue(model)
    cued = model.cue.fingers[0]
    (held,) = feed(model, lift_and_return(model, cued, onset + 400, onset + 2500))
    assert held["outcome"] == "alone" and held["up_ms"] == pytest.approx(2100.0)


def test_a_pair_needs_both_fingers_up():
    model = lift_round(task="pair")
    lay_down(model)
    onset = to_cue(model)
    a, b = model.cue.fingers
    touches = [up(model, a, onset + 400), up(model, b, onset + 460),
               down(model, a, onset + 900), down(model, b, onset + 950)]
    (trial,) = feed(model, touches)
    assert trial["cue"] == f"{a}+{b}" and trial["reaction_ms"] == pytest.approx(460.0)
    assert trial["movement_ms"] == pytest.approx(490.0)
    assert trial["up_ms"] == pytest.approx(440.0)           # both up from 460 to 900
    assert trial["outcome"] == "alone" and trial["success"]
    assert len(trial["co_movement"]) == 3


def test_a_pair_lifted_one_after_the_other_is_not_a_pair():
    model = lift_round(task="pair", time_limit_ms=3000.0)
    lay_down(model)
    onset = to_cue(model)
    a, b = model.cue.fingers
    feed(model, [up(model, a, onset + 300), down(model, a, onset + 900),
                 up(model, b, onset + 1000), down(model, b, onset + 1600)])
    model.tick(onset + 3000)
    (trial,) = model.take_trials()
    assert trial["outcome"] == "late" and not trial["success"]


# -- the hand lost, strays ------------------------------------------------------------------
def test_the_whole_hand_lifting_pauses_and_the_cue_is_asked_again_unscored():
    model = lift_round()
    lay_down(model)
    onset = to_cue(model)
    cue = model.cue.fingers
    touches = [up(model, f, onset + 300 + k) for k, f in enumerate(FINGERS)]
    assert feed(model, touches) == []
    assert model.phase == "place" and model.problem == "lift.again.hand_lifted"
    assert model.resets == 1 and model.done == 0
    lay_down(model, onset + 2000)
    assert to_cue(model) > onset and model.cue.fingers == cue


def test_the_whole_hand_sliding_pauses_and_is_read_again_where_it_lies():
    model = lift_round(hand_moved_mm=15.0)
    lay_down(model)
    onset = to_cue(model)
    touches = sorted((m for f in FINGERS for m in slide(model, f, 16.0, 0.0, onset + 200)),
                     key=lambda x: x.t_ms)
    assert feed(model, touches) == []
    assert model.phase == "place" and model.problem == "lift.again.hand_moved"
    model.tick(onset + 400 + SETTLE_MS)
    assert model.placement is not None
    assert model.placement.pad("index").x_mm == pytest.approx(tips(model)["index"][0] + 16.0)


def test_a_sixth_touch_or_one_between_pads_is_a_stray_and_scores_nothing():
    model = lift_round()
    lay_down(model)
    onset = to_cue(model)
    cued = model.cue.fingers[0]
    (ix, iy), (mx, my) = pad(model, "index"), pad(model, "middle")
    between = Touch(8, Phase.DOWN, (ix + mx) / 2, (iy + my) / 2, onset + 100)
    sixth = Touch(9, Phase.DOWN, 20.0, 110.0, onset + 150)
    (trial,) = feed(model, [between, sixth, *lift_and_return(model, cued, onset + 400,
                                                              onset + 800)])
    assert trial["strays"] == 2 and trial["outcome"] == "alone" and model.strays == 2
    assert model.hint.key == "lift.hint.stray"


def test_the_next_cue_waits_for_every_finger_to_be_back_on_its_pad():
    model = lift_round(time_limit_ms=1000.0)
    lay_down(model)
    onset = to_cue(model)
    cued = model.cue.fingers[0]
    model.tick(onset + 1000)
    assert [tr["outcome"] for tr in model.take_trials()] == ["late"]
    feed(model, [up(model, cued, onset + 1200)])                  # too late, and stays up
    model.tick(onset + 10_000)
    assert model.phase == "wait" and model.cue is None
    assert model.hint.key == "lift.hint.all_down"
    feed(model, [down(model, cued, onset + 11_000)])
    model.tick(onset + 11_000 + READY_MS)
    assert model.phase == "cue"


def test_the_round_ends_after_its_trials_with_the_numbers_per_finger():
    model = lift_round(trials=5)
    lay_down(model)
    for _ in range(5):
        onset = to_cue(model)
        feed(model, lift_and_return(model, model.cue.fingers[0], onset + 400, onset + 800))
    assert model.finished and model.done == 5
    summary = model.summary()
    assert summary["correct_lifts"] == summary["alone_lifts"] == 5
    assert summary["individuation_index"] == 1.0 and summary["reaction_ms"] == 400.0
    assert sorted(f for f in FINGERS if f"cued_{f}" in summary) == sorted(FINGERS)
    assert all(summary[f"alone_rate_{f}"] == 1.0 for f in FINGERS)


# -- cues and the index --------------------------------------------------------------------------
def test_drawn_cues_ask_every_finger_equally_and_never_twice_in_a_row():
    import random

    cues = cue_list("lift", FINGERS, 20, random.Random(1))
    assert all(cues.count((f,)) == 4 for f in FINGERS)
    assert all(a != b for a, b in itertools.pairwise(cues))


def test_in_order_runs_thumb_to_little_and_back():
    assert there_and_back(FINGERS) == [(f,) for f in
                                      ("thumb", "index", "middle", "ring", "little",
                                       "ring", "middle", "index")]
    assert fingers_for(4) == ("index", "middle", "ring", "little")


def test_the_individuation_index_on_exact_co_movement():
    assert individuation([CoMovement(0.0, False)] * 4, 10.0) == 1.0
    assert individuation([CoMovement(0.0, True)] * 4, 10.0) == 0.0
    assert individuation([CoMovement(5.0, False), CoMovement(25.0, False)], 10.0) == 0.25
    assert math.isnan(individuation([], 10.0))
    assert hand_index({"index": 0.5, "ring": 1.0, "little": math.nan}) == 0.75
    with pytest.raises(ValueError):
        individuation([CoMovement(1.0, False)], 0.0)


# -- any stream -----------------------------------------------------------------------------------
touch_events = st.tuples(st.integers(0, 8), st.sampled_from(list(Phase)),
                         st.one_of(st.floats(-50, 300), st.just(math.nan)), st.floats(-50, 200),
                         st.floats(0, 3000))


def _sane(model):
    done, total = model.progress()
    assert done == len(model.results) <= total
    for trial in model.results:
        assert isinstance(trial["success"], bool)
        assert trial["individuation"] is None or 0.0 <= trial["individuation"] <= 1.0
        assert all(math.isfinite(v) for k, v in trial.items()
                   if isinstance(v, float) and k != "level_value"), trial   # NaN: none adapts
    summary = model.summary()
    assert 0.0 <= summary["success_rate"] <= 1.0 or math.isnan(summary["success_rate"])


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["lift", "hold", "order", "pair"]), st.integers(2, 5),
       st.lists(touch_events, max_size=120), st.floats(0, 1e5))
def test_any_touch_stream_from_nothing_keeps_the_model_sane(task, pads, events, end):
    model = lift_round(task=task, pads=pads, trials=3, hold_ms=500.0)
    t = 0.0
    for fid, phase, x, y, gap in events:
        t += gap
        model.on_touch(Touch(fid, phase, x, y, t))
    model.tick(t + end)
    _sane(model)


jiggle = st.tuples(st.sampled_from((*FINGERS, "stray")), st.sampled_from(list(Phase)),
                   st.floats(-25, 25), st.floats(-25, 25), st.floats(0, 1500))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["lift", "hold", "order", "pair"]), st.lists(jiggle, max_size=150))
def test_any_touches_on_a_placed_hand_keep_the_model_sane(task, events):
    model = lift_round(task=task, trials=4, hold_ms=800.0, time_limit_ms=2000.0)
    lay_down(model)
    home = tips(model)
    t = model.now
    for name, phase, dx, dy, gap in events:
        t += gap
        x, y = home.get(name, (100.0, 100.0))
        model.on_touch(Touch(ID.get(name, 7), phase, x + dx, y + dy, t))
    model.tick(t + 60_000)
    _sane(model)
