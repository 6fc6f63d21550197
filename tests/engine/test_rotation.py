"""The rotation signal against exact geometry: accumulated, unwrapped, with the aperture."""

import math

import pytest

from engine.input.gestures import two_finger_pose
from engine.input.rotation import Rotation, RotationTracker, track_rotation
from engine.touch import Phase, Touch


def pose(angle_deg, aperture_mm=30.0, centre=(100.0, 60.0)):
    """The exact pose of two fingers either side of `centre`, the line at `angle_deg`."""
    half = aperture_mm / 2
    dx, dy = half * math.cos(math.radians(angle_deg)), half * math.sin(math.radians(angle_deg))
    a = Touch(1, Phase.MOVE, centre[0] - dx, centre[1] - dy, 0.0)
    b = Touch(2, Phase.MOVE, centre[0] + dx, centre[1] + dy, 0.0)
    return two_finger_pose(a, b)


def turn(from_deg, to_deg, steps, aperture_mm=30.0):
    return track_rotation(pose(from_deg + (to_deg - from_deg) * k / steps, aperture_mm)
                          for k in range(steps + 1))


def test_a_perfect_quarter_turn_is_90_degrees():
    rotations = turn(0.0, 90.0, 90)
    assert rotations[0] == Rotation(0.0, pytest.approx(30.0), 0.0)
    assert rotations[-1].turned_deg == pytest.approx(90.0, abs=1e-9)
    assert rotations[-1].angle_deg == pytest.approx(90.0, abs=1e-9)


def test_three_quarter_turns_unwrap_to_270_not_minus_90():
    assert turn(0.0, 270.0, 75)[-1].turned_deg == pytest.approx(270.0, abs=1e-9)
    assert turn(0.0, -270.0, 75)[-1].turned_deg == pytest.approx(-270.0, abs=1e-9)
    assert turn(0.0, 270.0, 75)[-1].angle_deg == pytest.approx(-90.0, abs=1e-9)


def test_crossing_the_180_degree_seam_is_a_small_turn():
    rotations = track_rotation([pose(179.0), pose(-179.0), pose(-177.0)])
    assert [r.turned_deg for r in rotations] == pytest.approx([0.0, 2.0, 4.0], abs=1e-9)


def test_many_turns_in_fine_steps_do_not_drift():
    rotations = turn(10.0, 10.0 + 3600.0, 7200)
    assert rotations[-1].turned_deg == pytest.approx(3600.0, abs=1e-9)


def test_turning_back_and_forth_adds_up_with_signs():
    angles = [0.0, 60.0, 120.0, 170.0, 120.0, 60.0, 0.0, -60.0, -100.0]
    assert track_rotation(map(pose, angles))[-1].turned_deg == pytest.approx(-100.0, abs=1e-9)


def test_a_pinch_from_40_to_10_mm_gives_those_apertures_and_no_turn():
    closing = track_rotation(pose(30.0, 40.0 - 30.0 * k / 30) for k in range(31))
    assert closing[0].aperture_mm == pytest.approx(40.0, abs=1e-9)
    assert closing[-1].aperture_mm == pytest.approx(10.0, abs=1e-9)
    assert all(r.turned_deg == pytest.approx(0.0, abs=1e-9) for r in closing)


def test_fingers_too_close_to_have_a_direction_hold_the_angle():
    tracker = RotationTracker(min_aperture_mm=1.0)
    tracker.feed(pose(20.0, 10.0))
    tracker.feed(pose(40.0, 10.0))
    touching = tracker.feed(pose(-150.0, 0.2))            # the line's direction is noise
    assert (touching.turned_deg, touching.angle_deg) == pytest.approx((20.0, 40.0))
    assert touching.aperture_mm == pytest.approx(0.2)
    assert tracker.feed(pose(50.0, 10.0)).turned_deg == pytest.approx(30.0)


def test_reset_starts_again_from_zero():
    tracker = RotationTracker()
    for angle in (0.0, 45.0, 90.0):
        tracker.feed(pose(angle))
    assert tracker.rotation.turned_deg == pytest.approx(90.0)
    tracker.reset()
    assert tracker.rotation is None
    assert tracker.feed(pose(120.0)).turned_deg == 0.0
    assert tracker.feed(pose(100.0)).turned_deg == pytest.approx(-20.0)
