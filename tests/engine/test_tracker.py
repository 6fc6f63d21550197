"""The finger tracker keeps the set of fingers down consistent whatever the device sends."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.input.tracker import MOUSE_KEY, FingerTracker
from engine.touch import MOUSE_FINGER, Phase


def test_fingers_get_small_ids_that_are_reused_after_lifting():
    tracker = FingerTracker(200, 120)
    a = tracker.report(("dev", 9_000_000_001), Phase.DOWN, 10, 10, 0)
    b = tracker.report(("dev", 9_000_000_002), Phase.DOWN, 20, 10, 1)
    assert [a[0].finger, b[0].finger] == [1, 2]
    tracker.report(("dev", 9_000_000_001), Phase.UP, 10, 10, 2)
    c = tracker.report(("dev", 9_000_000_003), Phase.DOWN, 30, 10, 3)
    assert c[0].finger == 1
    assert tracker.fingers_down == {1, 2}


def test_up_without_down_is_dropped():
    tracker = FingerTracker(200, 120)
    assert tracker.report("ghost", Phase.UP, 5, 5, 0) == []
    assert tracker.report("ghost", Phase.MOVE, 5, 5, 0) == []


def test_reused_id_lifts_the_old_finger_first():
    tracker = FingerTracker(200, 120)
    tracker.report("k", Phase.DOWN, 10, 10, 0)
    out = tracker.report("k", Phase.DOWN, 50, 50, 5)
    assert [t.phase for t in out] == [Phase.UP, Phase.DOWN]
    assert (out[0].x_mm, out[0].y_mm) == (10, 10)
    assert tracker.fingers_down == {1}


def test_positions_outside_the_window_are_clamped():
    tracker = FingerTracker(200, 120)
    (touch,) = tracker.report("k", Phase.DOWN, -30, 500, 0)
    assert (touch.x_mm, touch.y_mm) == (0, 120)


def test_nan_positions_fall_back_to_the_last_known_one_and_a_nan_down_is_dropped():
    tracker = FingerTracker(200, 120)
    assert tracker.report("a", Phase.DOWN, math.nan, 5, 0) == []
    tracker.report("b", Phase.DOWN, 40, 30, 0)
    (up,) = tracker.report("b", Phase.UP, math.nan, math.inf, 10)
    assert (up.x_mm, up.y_mm) == (40, 30)


def test_time_never_runs_backwards():
    tracker = FingerTracker(200, 120)
    tracker.report("a", Phase.DOWN, 1, 1, 100)
    (move,) = tracker.report("a", Phase.MOVE, 2, 2, 50)
    assert move.t_ms == 100


def test_the_mouse_is_finger_zero_and_lift_all_lifts_everyone():
    tracker = FingerTracker(200, 120)
    (m,) = tracker.report(MOUSE_KEY, Phase.DOWN, 1, 1, 0)
    assert m.finger == MOUSE_FINGER and not tracker.touching
    tracker.report("f", Phase.DOWN, 2, 2, 0)
    assert tracker.touching
    ups = tracker.lift_all(10)
    assert {t.phase for t in ups} == {Phase.UP} and tracker.fingers_down == frozenset()


raw_report = st.tuples(
    st.integers(0, 12),
    st.sampled_from(list(Phase)),
    st.floats(allow_nan=True, allow_infinity=True, width=32),
    st.floats(allow_nan=True, allow_infinity=True, width=32),
    st.floats(-1e9, 1e12) | st.just(math.nan),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(raw_report, max_size=200))
def test_any_report_stream_gives_a_consistent_touch_stream(reports):
    tracker = FingerTracker(150, 90)
    down: set[int] = set()
    last_t = -math.inf
    for key, phase, x, y, t in reports:
        for touch in tracker.report(key, phase, x, y, t):
            assert 0 <= touch.x_mm <= 150 and 0 <= touch.y_mm <= 90
            assert math.isfinite(touch.t_ms) and touch.t_ms >= last_t
            last_t = touch.t_ms
            if touch.phase is Phase.DOWN:
                assert touch.finger not in down
                down.add(touch.finger)
            else:
                assert touch.finger in down
                if touch.phase is Phase.UP:
                    down.remove(touch.finger)
        assert tracker.fingers_down == down


def test_the_most_fingers_down_at_once_is_kept_and_the_mouse_is_not_a_finger():
    tracker = FingerTracker(200, 120)
    tracker.report(MOUSE_KEY, Phase.DOWN, 5, 5, 0)
    assert tracker.most_fingers == 0
    tracker.report(MOUSE_KEY, Phase.UP, 5, 5, 1)
    for k in range(4):
        tracker.report(("dev", k), Phase.DOWN, 10 + 20 * k, 10, 2 + k)
    tracker.report(("dev", 0), Phase.UP, 10, 10, 10)
    tracker.report(("dev", 9), Phase.DOWN, 100, 10, 11)
    assert tracker.most_fingers == 4
