"""Gesture recognisers over scripted touch stories."""

import pytest

from engine.input.gestures import (
    DragRecognizer,
    PinchRecognizer,
    TapRecognizer,
    two_finger_pose,
    wrap_degrees,
)
from engine.input.script import finger, merge
from engine.touch import Phase


def feed(recognizer, touches):
    return [out for t in touches if (out := recognizer.feed(t)) is not None]


def test_a_short_still_touch_is_a_tap():
    taps = feed(TapRecognizer(), finger(1).down(40, 30).hold(120).up().touches)
    assert len(taps) == 1
    assert (taps[0].x_mm, taps[0].y_mm, taps[0].up_t_ms) == (40, 30, 120)


def test_a_touch_that_wanders_or_lingers_is_not_a_tap():
    assert feed(TapRecognizer(max_offset_mm=6), finger(1).down(40, 30).move_to(60, 30).up()
                .touches) == []
    assert feed(TapRecognizer(max_duration_ms=500), finger(1).down(40, 30).hold(900).up()
                .touches) == []


def test_a_small_tremor_still_counts_as_a_tap():
    story = finger(1).down(40, 30).move_to(42, 31, ms=40).move_to(39, 30, ms=40).up()
    assert len(feed(TapRecognizer(max_offset_mm=6), story.touches)) == 1


def test_drag_starts_after_the_slop_and_follows_the_first_finger_only():
    first = finger(1).down(10, 10).move_to(11, 10, ms=16).move_to(50, 10, ms=200).up()
    second = finger(2, at=50).down(100, 100).move_to(120, 100, ms=100).up()
    drags = feed(DragRecognizer(slop_mm=2), merge(first, second))
    assert {d.finger for d in drags} == {1}
    assert drags[0].dx_mm >= 2
    assert drags[-1].phase is Phase.UP and drags[-1].dx_mm == pytest.approx(40)


def test_pinch_reports_aperture_scale_and_centre():
    a = finger(1).down(50, 50).wait(10).move_to(40, 50, ms=200).up()
    b = finger(2, at=5).down(70, 50).move_to(80, 50, ms=200).wait(20).up()
    events = feed(PinchRecognizer(), merge(a, b))
    assert events[0].phase is Phase.DOWN and events[0].pose.aperture_mm == pytest.approx(20)
    moving = [e for e in events if e.phase is Phase.MOVE]
    assert moving[-1].scale == pytest.approx(2.0)
    assert moving[-1].pose.center_x_mm == pytest.approx(60)
    assert events[-1].phase is Phase.UP


def test_rotation_is_tracked_through_the_wrap_around():
    # finger 2 circles finger 1 by 270 degrees, passing +-180
    a = finger(1).down(50, 50).hold(400).up()
    points = [(50 + 20 * c, 50 + 20 * s) for c, s in
              [(1, 0), (0, 1), (-1, 0), (0, -1)]]
    b = finger(2, at=1).down(*points[0]).path(points[1:], ms=300).up()
    events = feed(PinchRecognizer(), merge(a, b))
    assert events[-2].rotation_deg == pytest.approx(270, abs=1)


def test_a_third_finger_does_not_disturb_the_pinch():
    a = finger(1).down(50, 50).hold(300).up()
    b = finger(2, at=5).down(70, 50).hold(295).up()
    c = finger(3, at=50).down(10, 10).move_to(100, 100, ms=100).up()
    events = feed(PinchRecognizer(), merge(a, b, c))
    assert all(e.pose.aperture_mm == pytest.approx(20) for e in events)


def test_pose_and_wrap_helpers():
    a = finger(1).down(0, 0).touches[0]
    b = finger(2).down(0, 10).touches[0]
    pose = two_finger_pose(a, b)
    assert pose.aperture_mm == 10 and pose.angle_deg == 90
    assert wrap_degrees(190) == -170 and wrap_degrees(-190) == 170
