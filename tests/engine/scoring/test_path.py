"""Path metrics: offsets, exact nearest-point deviation, corridor share, completion, speed."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.scoring.geometry import Polyline, project
from engine.scoring.path import axis_offsets, completion, deviation, mean_speed, path_length


def brute_force(samples, line):
    a, v, length = line.seg_start, line.seg_vec, line.seg_len
    rel = samples[:, None] - a[None]
    t = np.clip((rel * v).sum(-1) / np.maximum(length**2, 1e-12), 0, 1)
    closest = a + t[..., None] * v
    return np.hypot(*np.moveaxis(samples[:, None] - closest, -1, 0)).min(axis=1)


def spiral(turns=3, spacing=10.0, n=400):
    theta = np.linspace(0, 2 * np.pi * turns, n)
    r = theta * spacing / (2 * np.pi)
    return np.column_stack([r * np.cos(theta), r * np.sin(theta)]) + 100


def test_offsets_on_a_horizontal_axis_are_the_y_values():
    result = axis_offsets([[10, 2], [20, -4], [30, 2]], [0, 0], [100, 0])
    assert result.mo_mm == pytest.approx(0) and result.me_mm == pytest.approx(8 / 3)
    assert result.mv_mm == pytest.approx(np.std([2, -4, 2], ddof=1))


def test_projection_is_exact_against_brute_force_on_a_spiral():
    rng = np.random.default_rng(3)
    ref = spiral()
    line = Polyline.of(ref)
    samples = ref[rng.integers(0, len(ref), 3000)] + rng.normal(0, 4, (3000, 2))
    samples[:30] += 300  # far away from everything
    assert project(samples, line).distance == pytest.approx(brute_force(samples, line),
                                                           abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(-100, 100), st.floats(-100, 100)), min_size=2,
                max_size=30),
       st.lists(st.tuples(st.floats(-300, 300), st.floats(-300, 300)), min_size=1,
                max_size=60))
def test_projection_matches_brute_force_on_any_polyline(vertices, points):
    line = Polyline.of(np.array(vertices))
    samples = np.array(points)
    assert project(samples, line).distance == pytest.approx(brute_force(samples, line),
                                                           abs=1e-6)


def test_signed_deviation_tells_the_sides_apart():
    line = Polyline.of(np.array([[0, 0], [100, 0]]))
    proj = project(np.array([[50, 3], [50, -3]]), line)
    assert proj.signed[0] == -proj.signed[1] and abs(proj.signed[0]) == 3
    assert proj.arc == pytest.approx([50, 50])


def test_deviation_and_time_inside_the_corridor():
    line = Polyline.of(np.array([[0, 0], [100, 0]]))
    xy = np.array([[0, 1], [25, 1], [50, 6], [75, 1], [100, 1]])
    t = np.array([0, 100, 200, 500, 600])
    result, _ = deviation(xy, line, corridor_mm=4.0, t_ms=t)
    assert result.mean_mm == pytest.approx(2.0) and result.max_mm == 6
    assert result.inside_share == pytest.approx(0.8)
    assert result.time_inside_share == pytest.approx(300 / 600)


def test_completion_forward_half_and_backward():
    ref = np.array([[0, 0], [100, 0]])
    line = Polyline.of(ref)
    xs = np.linspace(0, 100, 200)
    t = np.arange(200) * 10.0
    forward = np.column_stack([xs, np.zeros(200)])
    assert completion(forward, t, line, 3.0) == pytest.approx(1.0)
    assert completion(forward[:100], t[:100], line, 3.0) == pytest.approx(0.5, abs=0.03)
    assert completion(forward[::-1], t, line, 3.0) <= 0.1
    far = forward + np.array([0, 20])
    assert completion(far, t, line, 3.0) == 0.0


def test_completion_survives_a_lift_and_resume():
    line = Polyline.of(np.array([[0, 0], [100, 0]]))
    xs = np.r_[np.linspace(0, 40, 50), np.linspace(40, 100, 60)]
    t = np.r_[np.arange(50) * 10.0, 3000 + np.arange(60) * 10.0]
    assert completion(np.column_stack([xs, np.zeros(110)]), t, line, 3.0) == pytest.approx(1.0)


def test_speed_and_length():
    xy = [[0, 0], [30, 40], [30, 40]]
    assert path_length(xy) == 50
    assert mean_speed(xy, [0, 500, 1000]) == pytest.approx(50.0)
