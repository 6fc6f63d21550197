"""Finger identification and a placed hand watched over time, on exact scripted hands."""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.input.placement import (
    FINGERS,
    HandLimits,
    HandWatch,
    Placement,
    PlacementProblem,
    WatchEvent,
    identify,
)
from engine.input.script import finger, merge
from engine.touch import Phase, Touch

LIMITS = HandLimits()
ARC_DEG = {"thumb": -70.0, "index": -22.5, "middle": -7.5, "ring": 7.5, "little": 22.5}
"""Where each fingertip sits on the arc, in degrees from the hand's axis, little side
positive: four fingers 15 degrees apart and the thumb set apart by 47.5 degrees."""
REAL_RIGHT = {"thumb": (-71.0, 12.0), "index": (-31.0, 84.0), "middle": (1.0, 96.0),
              "ring": (24.0, 87.0), "little": (47.0, 66.0)}
"""A measured-looking right hand (mm from the palm's centre, y up): not on one circle."""


def on_arc(degrees, radius_mm=90.0, centre=(150.0, 160.0)):
    """Points on a circle around the palm's centre, at angles clockwise from straight up."""
    return [(centre[0] + radius_mm * math.sin(math.radians(d)),
             centre[1] - radius_mm * math.cos(math.radians(d))) for d in degrees]


def arc_hand(side="right", radius_mm=90.0, turn_deg=0.0, centre=(150.0, 160.0)):
    """Fingertips on an arc of radius R, turned clockwise on the screen by `turn_deg`; a
    left hand is the mirror image of a right one."""
    sign = 1 if side == "right" else -1
    degrees = [sign * d + turn_deg for d in ARC_DEG.values()]
    return dict(zip(ARC_DEG, on_arc(degrees, radius_mm, centre), strict=True))


def real_hand(side="right", turn_deg=0.0, centre=(150.0, 160.0)):
    sign = 1 if side == "right" else -1
    c, s = math.cos(math.radians(turn_deg)), math.sin(math.radians(turn_deg))
    return {name: (centre[0] + c * sign * x + s * y, centre[1] + s * sign * x - c * y)
            for name, (x, y) in REAL_RIGHT.items()}


def names(result, points):
    """Which finger identify gave each point."""
    assert isinstance(result, Placement), result
    assert sorted(p.point for p in result.pads) == list(range(len(points)))
    assert all(points[p.point] == (p.x_mm, p.y_mm) for p in result.pads)
    return {points[p.point]: p.finger for p in result.pads}


def expect(hand, fingers=FINGERS):
    return {hand[f]: f for f in fingers}


def mirrored(points):
    return [(300.0 - x, y) for x, y in points]


# identify -------------------------------------------------------------------------------

@pytest.mark.parametrize("side", ["right", "left"])
@pytest.mark.parametrize("radius_mm", [55.0, 90.0, 130.0])
@pytest.mark.parametrize("turn_deg", [-45.0, -20.0, 0.0, 20.0, 45.0])
def test_five_fingertips_on_an_arc_are_named_for_every_size_and_turn(side, radius_mm,
                                                                     turn_deg):
    hand = arc_hand(side, radius_mm, turn_deg)
    points = list(hand.values())
    assert names(identify(points, side, LIMITS), points) == expect(hand)


@pytest.mark.parametrize("side", ["right", "left"])
@pytest.mark.parametrize("turn_deg", [-45.0, 0.0, 45.0])
def test_a_hand_not_on_one_circle_is_named_too(side, turn_deg):
    hand = real_hand(side, turn_deg)
    points = list(hand.values())
    assert names(identify(points, side, LIMITS), points) == expect(hand)


def test_the_order_of_the_contacts_changes_nothing():
    hand = real_hand("right", 30.0)
    labels = expect(hand)
    for perm in itertools.permutations(hand.values()):
        points = list(perm)
        assert names(identify(points, "right", LIMITS), points) == labels


@pytest.mark.parametrize("hand", [real_hand("right", 25.0), arc_hand("right", 70.0, -40.0)])
def test_a_mirrored_right_hand_gets_the_left_hands_labels(hand):
    points = list(hand.values())
    right = names(identify(points, "right", LIMITS), points)
    left = names(identify(mirrored(points), "left", LIMITS), mirrored(points))
    assert [left[m] for m in mirrored(points)] == [right[p] for p in points] == list(FINGERS)


@pytest.mark.parametrize("side", ["right", "left"])
@pytest.mark.parametrize("turn_deg", [-45.0, 0.0, 45.0])
@pytest.mark.parametrize("fingers", [
    ("index", "middle", "ring", "little"), ("index", "middle", "ring"), ("middle", "ring"),
    ("index", "ring"), ("thumb", "index", "middle"), ("thumb", "index"), ("thumb", "little"),
    ("thumb", "middle", "little")])
def test_fewer_fingers_are_named_in_arc_order(side, turn_deg, fingers):
    hand = real_hand(side, turn_deg)
    points = [hand[f] for f in reversed(fingers)]
    assert names(identify(points, side, LIMITS, expected=fingers), points) == \
        expect(hand, fingers)


def test_the_expected_fingers_may_be_given_in_any_order():
    hand = arc_hand()
    points = [hand[f] for f in ("ring", "index", "middle")]
    result = identify(points, "right", LIMITS, expected=("ring", "middle", "index"))
    assert names(result, points) == expect(hand, ("index", "middle", "ring"))
    assert isinstance(result, Placement) and result.fingers == ("index", "middle", "ring")
    assert result.pad("ring").point == 0


@pytest.mark.parametrize("turn_deg", [-45.0, 0.0, 45.0])
def test_the_other_hand_is_told_apart(turn_deg):
    assert identify(list(real_hand("right", turn_deg).values()), "left", LIMITS) == \
        PlacementProblem("wrong_hand")
    assert identify(list(arc_hand("left", 90, turn_deg).values()), "right", LIMITS) == \
        PlacementProblem("wrong_hand")


def _moved(hand, name, dx, dy):
    x, y = hand[name]
    return {**hand, name: (x + dx, y + dy)}


@pytest.mark.parametrize(("points", "limits", "reason"), [
    (list(arc_hand().values())[:4], LIMITS, "wrong_count"),
    ([*arc_hand().values(), (10.0, 10.0)], LIMITS, "wrong_count"),
    ([*list(arc_hand().values())[:4], (math.nan, 3.0)], LIMITS, "bad_point"),
    (list(arc_hand(radius_mm=28).values()), LIMITS, "too_close"),
    # 34 mm between neighbouring fingers, allowed 30
    (list(arc_hand(radius_mm=130).values()), HandLimits(max_spacing_mm=30), "too_far"),
    # thumb to little 188 mm, allowed 150
    (list(arc_hand(radius_mm=130).values()), HandLimits(max_span_mm=150), "too_far"),
    # the ring finger 12 mm on the palm side of its neighbours' line
    (list(_moved(arc_hand(), "ring", 0, 12).values()), LIMITS, "not_an_arc"),
    # five contacts 15 degrees apart: no gap sets a thumb apart
    (on_arc([-37.5, -22.5, -7.5, 7.5, 22.5]), LIMITS, "thumb_not_apart"),
    # the widest gap at the thumb's end, but the thumb as high as the index
    (list(_moved(arc_hand(), "thumb", 0, -56).values()), LIMITS, "thumb_not_apart"),
])
def test_implausible_contacts_give_their_reason(points, limits, reason):
    assert identify(points, "right", limits) == PlacementProblem(reason)


def test_the_arc_tolerance_is_in_millimetres():
    # four fingers in a row, the ring finger 3 mm below the middle-little line
    dented = [(100.0, 100.0), (120.0, 100.0), (140.0, 103.0), (160.0, 100.0)]
    fingers = FINGERS[1:]
    assert isinstance(identify(dented, "right", HandLimits(max_off_arc_mm=3.01), fingers),
                      Placement)
    assert identify(dented, "right", HandLimits(max_off_arc_mm=2.99), fingers) == \
        PlacementProblem("not_an_arc")


def test_a_problem_names_its_message():
    assert PlacementProblem("too_close").message_key == "placement.too_close"


def test_caller_errors_raise():
    points = list(arc_hand().values())
    with pytest.raises(ValueError, match="hand"):
        identify(points, "both", LIMITS)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="distinct"):
        identify(points[:2], "right", LIMITS, expected=("index", "index"))
    with pytest.raises(ValueError, match="2 to 5"):
        identify(points[:1], "right", LIMITS, expected=("index",))
    with pytest.raises(ValueError, match="positive"):
        HandLimits(min_spacing_mm=0)
    with pytest.raises(ValueError, match="min_spacing"):
        HandLimits(min_spacing_mm=50, max_spacing_mm=40)


coords = st.floats(-500, 500) | st.sampled_from([math.nan, math.inf, 0.0, 1e12])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(coords, coords), min_size=0, max_size=7),
       st.sampled_from(["left", "right"]),
       st.lists(st.sampled_from(FINGERS), min_size=2, max_size=5, unique=True))
def test_any_contacts_give_a_placement_or_a_problem(points, side, fingers):
    result = identify(points, side, LIMITS, expected=fingers)
    if isinstance(result, PlacementProblem):
        assert result.message_key.startswith("placement.")
        return
    assert sorted(result.fingers, key=FINGERS.index) == list(result.fingers)
    assert set(result.fingers) == set(fingers)
    assert sorted(p.point for p in result.pads) == list(range(len(points)))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["left", "right"]), st.floats(50, 135), st.floats(-45, 45),
       st.floats(0, 300), st.floats(0, 300), st.permutations(range(5)))
def test_any_size_turn_and_place_of_an_arc_hand_is_named(side, radius_mm, turn_deg, x, y,
                                                         order):
    hand = arc_hand(side, radius_mm, turn_deg, (x, y))
    points = [list(hand.values())[i] for i in order]
    assert names(identify(points, side, LIMITS), points) == expect(hand)


# HandWatch ------------------------------------------------------------------------------

def placed(hand=None, side="right"):
    """A right hand placed with touch ids 1 (thumb) to 5 (little); its watch."""
    hand = hand or real_hand(side, 20.0)
    placement = identify(list(hand.values()), side, LIMITS)
    assert isinstance(placement, Placement)
    return placement, HandWatch(placement, LIMITS, touch_ids=[1, 2, 3, 4, 5])


ID = dict(zip(FINGERS, range(1, 6), strict=True))


def slide(placement, name, dx, dy, at=0.0, ms=200.0):
    """The finger `name`, down on its pad, slides by (dx, dy)."""
    pad = placement.pad(name)
    return finger(ID[name], at).samples([(pad.x_mm, pad.y_mm, at)]).move_to(
        pad.x_mm + dx, pad.y_mm + dy, ms)


def up(name, at):
    pad = PLACED.pad(name)
    return Touch(ID[name], Phase.UP, pad.x_mm, pad.y_mm, at)


PLACED = placed()[0]


def feed(watch, touches):
    return [e for t in touches for e in watch.feed(t)]


def kinds(events):
    return [(e.kind, e.finger) for e in events]


def test_the_watch_starts_with_every_finger_down_and_still():
    placement, watch = placed()
    assert watch.down == FINGERS
    assert all(s.down and s.max_slide_mm == 0 and s.lifted_ms == () for s in watch.states)
    assert watch.state("ring").pad == placement.pad("ring")


@pytest.mark.parametrize(("dx", "dy"),
                         [(2.0, 0.0), (0.0, -2.0), (2 * math.cos(1), 2 * math.sin(1))])
def test_a_neighbour_sliding_2_mm_is_measured_as_2_mm(dx, dy):
    placement, watch = placed()
    events = feed(watch, slide(placement, "middle", dx, dy).touches)
    assert events == []
    assert watch.state("middle").max_slide_mm == pytest.approx(2.0, abs=1e-9)
    assert watch.state("middle").slide_mm == pytest.approx(2.0, abs=1e-9)
    assert [s.max_slide_mm for s in watch.states if s.finger != "middle"] == [0.0] * 4
    assert watch.hand_moved_ms is None


def test_the_largest_slide_is_kept_when_the_finger_comes_back():
    placement, watch = placed()
    feed(watch, slide(placement, "index", 6, 0).move_to(*_pad_xy(placement, "index"), 100)
         .touches)
    assert watch.state("index").max_slide_mm == pytest.approx(6.0, abs=1e-9)
    assert watch.state("index").slide_mm == pytest.approx(0.0, abs=1e-9)


def _pad_xy(placement, name):
    return placement.pad(name).x_mm, placement.pad(name).y_mm


def test_a_finger_that_lifts_and_comes_back_is_the_same_finger():
    placement, watch = placed()
    x, y = _pad_xy(placement, "ring")
    assert kinds(watch.feed(up("ring", 100))) == [(WatchEvent.LIFTED, "ring")]
    assert "ring" not in watch.down
    back = watch.feed(Touch(9, Phase.DOWN, x + 3, y - 4, 400))   # a new id, 5 mm off its pad
    assert kinds(back) == [(WatchEvent.RETURNED, "ring")] and back[0].touch == 9
    ring = watch.state("ring")
    assert (ring.down, ring.lifted_ms, ring.returned_ms) == (True, (100.0,), (400.0,))
    assert ring.slide_mm == pytest.approx(5.0, abs=1e-9)
    assert kinds(watch.feed(Touch(9, Phase.UP, x, y, 500))) == [(WatchEvent.LIFTED, "ring")]


def test_a_sixth_touch_is_a_stray_even_on_a_pad():
    placement, watch = placed()
    x, y = _pad_xy(placement, "index")
    events = watch.feed(Touch(6, Phase.DOWN, x, y, 50))
    assert kinds(events) == [(WatchEvent.STRAY, None)] and events[0].touch == 6
    assert watch.strays_down == 1
    assert feed(watch, [Touch(6, Phase.MOVE, x + 30, y, 60), Touch(6, Phase.UP, x, y, 70)]) \
        == []
    assert watch.strays_down == 0
    assert watch.down == FINGERS and watch.state("index").max_slide_mm == 0


def test_a_touch_landing_between_pads_or_far_from_them_is_a_stray():
    placement, watch = placed()
    feed(watch, [up("index", 10), up("middle", 20)])
    (ix, iy), (mx, my) = _pad_xy(placement, "index"), _pad_xy(placement, "middle")
    between = Touch(7, Phase.DOWN, (ix + mx) / 2, (iy + my) / 2, 30)
    far = Touch(8, Phase.DOWN, ix, iy - 13, 40)          # beyond the 12 mm return radius
    assert kinds(feed(watch, [between, far])) == [(WatchEvent.STRAY, None)] * 2
    assert watch.state("index").returned_ms == () and watch.strays_down == 2


def test_a_pad_reaches_a_third_of_the_way_to_its_neighbour():
    placement, watch = placed()
    feed(watch, [up("index", 10)])
    (ix, iy), (mx, my) = _pad_xy(placement, "index"), _pad_xy(placement, "middle")
    gap = math.dist((ix, iy), (mx, my))
    assert gap < 36                                   # a third of it is under 12 mm
    at = lambda f: (ix + f * (mx - ix), iy + f * (my - iy))   # noqa: E731
    assert kinds(watch.feed(Touch(7, Phase.DOWN, *at(0.34), 20))) == [(WatchEvent.STRAY, None)]
    assert kinds(watch.feed(Touch(8, Phase.DOWN, *at(0.32), 30))) == \
        [(WatchEvent.RETURNED, "index")]


def test_the_whole_hand_lifting_is_reported_once_the_last_finger_is_up():
    _, watch = placed()
    events = feed(watch, [up(name, 100 + 10 * k) for k, name in enumerate(FINGERS)])
    assert kinds(events) == [*((WatchEvent.LIFTED, f) for f in FINGERS),
                             (WatchEvent.HAND_LIFTED, None)]
    assert watch.hand_lifted_ms == 140 and watch.down == ()


def test_a_stray_left_down_does_not_keep_the_hand_on_the_screen():
    _, watch = placed()
    watch.feed(Touch(6, Phase.DOWN, 10, 10, 5))
    feed(watch, [up(name, 100) for name in FINGERS])
    assert watch.hand_lifted_ms == 100 and watch.strays_down == 1


def test_all_contacts_sliding_20_mm_together_is_the_hand_moving():
    placement, watch = placed()
    events = feed(watch, merge(*(slide(placement, f, 14.0, -14.0, ms=240) for f in FINGERS)))
    assert kinds(events) == [(WatchEvent.HAND_MOVED, None)]
    assert watch.hand_moved_ms is not None and 0 < watch.hand_moved_ms < 240
    assert all(s.max_slide_mm == pytest.approx(math.hypot(14, 14), abs=1e-9)
               for s in watch.states)


def test_the_fingers_that_stayed_down_sliding_together_is_the_hand_moving():
    placement, watch = placed()
    feed(watch, [up("thumb", 10), up("little", 10)])
    events = feed(watch, merge(*(slide(placement, f, 0, 20, at=20) for f in
                                 ("index", "middle", "ring"))))
    assert kinds(events) == [(WatchEvent.HAND_MOVED, None)]


@pytest.mark.parametrize("story", ["one finger", "spread", "all but one"])
def test_slides_that_are_not_the_whole_hand_are_not_a_hand_move(story):
    placement, watch = placed()
    moves = {"one finger": {"ring": (20, 0)},
             "spread": {"thumb": (-20, 0), "index": (-20, 0), "ring": (20, 0),
                        "little": (20, 0), "middle": (0, -20)},
             "all but one": dict.fromkeys(FINGERS[:4], (20, 0))}[story]
    feed(watch, merge(*(slide(placement, f, dx, dy) for f, (dx, dy) in moves.items())))
    assert watch.hand_moved_ms is None
    assert max(s.max_slide_mm for s in watch.states) == pytest.approx(20.0, abs=1e-9)


def test_a_hand_move_just_over_the_distance_counts_and_just_under_does_not():
    for dx, moved in ((15.001, True), (14.999, False)):
        placement, watch = placed()
        feed(watch, merge(*(slide(placement, f, dx, 0) for f in FINGERS)))
        assert (watch.hand_moved_ms is not None) is moved


def test_a_window_forgets_lifts_and_slides_but_not_where_fingers_are():
    placement, watch = placed()
    feed(watch, [*slide(placement, "index", 5, 0).touches, up("ring", 300)])
    watch.start_window()
    index, ring = watch.state("index"), watch.state("ring")
    assert index.max_slide_mm == pytest.approx(5.0, abs=1e-9) and index.down
    assert (ring.down, ring.lifted_ms, ring.max_slide_mm) == (False, (), 0.0)


def test_a_window_measures_movement_from_where_each_finger_was_at_its_start():
    placement, watch = placed()
    feed(watch, slide(placement, "index", 5, 0).touches)
    watch.start_window()
    assert watch.state("index").moved_mm == 0.0
    x, y = _pad_xy(placement, "index")
    watch.feed(Touch(2, Phase.MOVE, x + 5, y + 2, 500))   # 2 mm more, 5.4 mm from the pad
    index = watch.state("index")
    assert index.moved_mm == pytest.approx(2.0, abs=1e-9)
    assert index.max_slide_mm == pytest.approx(math.hypot(5, 2), abs=1e-9)


def test_a_watch_without_touch_ids_waits_for_the_fingers_to_land():
    watch = HandWatch(PLACED, LIMITS)
    assert watch.down == ()
    events = feed(watch, [Touch(10 + k, Phase.DOWN, p.x_mm, p.y_mm, k) for k, p in
                          enumerate(PLACED.pads)])
    assert kinds(events) == [(WatchEvent.RETURNED, f) for f in FINGERS]
    assert watch.down == FINGERS


def test_a_repeated_down_lifts_the_old_contact_first():
    _, watch = placed()
    x, y = _pad_xy(PLACED, "middle")
    assert kinds(watch.feed(Touch(3, Phase.DOWN, x + 1, y, 50))) == \
        [(WatchEvent.LIFTED, "middle"), (WatchEvent.RETURNED, "middle")]


def test_touch_ids_must_match_the_placed_points():
    with pytest.raises(ValueError, match="touch_ids"):
        HandWatch(PLACED, LIMITS, touch_ids=[1, 2, 3])
    with pytest.raises(ValueError, match="touch_ids"):
        HandWatch(PLACED, LIMITS, touch_ids=[1, 1, 2, 3, 4])


wild = st.floats(-400, 400) | st.sampled_from([math.nan, math.inf, -math.inf])
touches = st.builds(Touch, st.integers(0, 8), st.sampled_from(list(Phase)), wild, wild,
                    st.floats(-1e3, 1e6) | st.sampled_from([math.nan, 0.0]))


@settings(max_examples=300, deadline=None)
@given(st.lists(touches, max_size=60))
def test_random_touch_streams_never_raise_and_stay_consistent(stream):
    placement, watch = placed()
    _, twin = placed()
    events = feed(watch, stream)
    assert events == feed(twin, stream)                     # deterministic
    assert watch.states == twin.states
    for e in events:
        assert (e.finger is None) == (e.kind in {WatchEvent.STRAY, WatchEvent.HAND_LIFTED,
                                                 WatchEvent.HAND_MOVED})
    assert set(watch.down) <= set(placement.fingers)
    for s in watch.states:
        assert math.isfinite(s.max_slide_mm) and s.max_slide_mm >= 0
        assert s.down is (s.finger in watch.down)
        assert len(s.lifted_ms) - len(s.returned_ms) == (0 if s.down else 1)
    if watch.hand_lifted_ms is not None:
        assert any(e.kind is WatchEvent.HAND_LIFTED for e in events)


def test_where_a_finger_lifts_counts_as_its_last_slide():
    placement, watch = placed()
    x, y = _pad_xy(placement, "thumb")
    watch.feed(Touch(ID["thumb"], Phase.UP, x, y + 4, 10))
    thumb = watch.state("thumb")
    assert not thumb.down
    assert thumb.slide_mm == thumb.max_slide_mm == pytest.approx(4.0, abs=1e-9)


def _around(degrees, radius=38.0, centre=(100.0, 60.0)):
    return [(centre[0] + radius * math.sin(math.radians(d)),
             centre[1] - radius * math.cos(math.radians(d))) for d in degrees]


@pytest.mark.parametrize("side", ["right", "left"])
def test_fingertips_around_a_ball_are_named_by_their_order_around_it(side):
    from engine.input.placement import identify_around

    sign = 1 if side == "right" else -1
    degrees = {"thumb": -150, "index": -45, "middle": -15, "ring": 15, "little": 45}
    points = _around([sign * d for d in degrees.values()])
    shuffled = [points[i] for i in (3, 0, 4, 1, 2)]
    names = identify_around(shuffled, (100.0, 60.0), side)
    assert names == tuple(list(degrees)[i] for i in (3, 0, 4, 1, 2))
    three = identify_around(points[:3], (100.0, 60.0), side, ("thumb", "index", "middle"))
    assert three == ("thumb", "index", "middle")
    assert identify_around(_around([0, 120, 240]), (100.0, 60.0), side,
                           ("thumb", "index", "middle")) is None      # no widest gap
    assert identify_around(points[:2], (100.0, 60.0), side, ("thumb", "index")) is None
