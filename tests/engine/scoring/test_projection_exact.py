"""The grid projection is exact: the same nearest distance as checking every segment."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.scoring.geometry import Polyline, nearest_one, project


def brute_squared(samples, line):
    """Squared distance from every sample to every segment (plain numpy, same formula)."""
    ax, ay = line.seg_start[:, 0], line.seg_start[:, 1]
    vx, vy = line.seg_vec[:, 0], line.seg_vec[:, 1]
    inv = 1.0 / np.maximum(line.seg_len ** 2, 1e-12)
    rx = samples[:, 0, None] - ax
    ry = samples[:, 1, None] - ay
    t = np.clip((rx * vx + ry * vy) * inv, 0.0, 1.0)
    dx, dy = rx - t * vx, ry - t * vy
    return dx * dx + dy * dy


def assert_exact(samples, line):
    proj = project(samples, line)
    d2 = brute_squared(samples, line)
    nearest = d2.min(axis=1)
    assert np.array_equal(proj.distance, np.sqrt(nearest))
    assert np.array_equal(proj.segment, d2.argmin(axis=1))  # ties: the lowest index
    one = [nearest_one(float(x), float(y), line) for x, y in samples]
    assert [d for d, _ in one] == proj.distance.tolist()
    assert [s for _, s in one] == proj.segment.tolist()


coordinate = st.floats(-100, 100, allow_nan=False)
vertex = st.tuples(coordinate, coordinate)


@st.composite
def polylines(draw):
    """Random walks and scattered vertices, with repeated vertices (zero-length segments)."""
    vertices = draw(st.lists(vertex, min_size=1, max_size=80))
    repeats = draw(st.lists(st.integers(0, len(vertices) - 1), max_size=10))
    for index in sorted(repeats, reverse=True):
        vertices.insert(index, vertices[index])
    return np.array(vertices, dtype=float)


@st.composite
def samples_near(draw, points):
    """Points on, near and far from the vertices."""
    count = draw(st.integers(1, 60))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    near = points[rng.integers(0, len(points), count)] + rng.normal(0, 3, (count, 2))
    far = rng.uniform(-2000, 2000, (count // 3 + 1, 2))
    exact = points[rng.integers(0, len(points), 3)]
    return np.vstack([near, far, exact])


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_projection_equals_brute_force_on_random_polylines(data):
    points = data.draw(polylines())
    line = Polyline.of(points)
    assert_exact(data.draw(samples_near(points)), line)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(20, 700))
def test_projection_equals_brute_force_on_smooth_curves(seed, vertices):
    rng = np.random.default_rng(seed)
    theta = np.linspace(0, rng.uniform(1, 8) * np.pi, vertices)
    radius = rng.uniform(1, 30) + rng.uniform(0, 10) * theta
    points = np.column_stack([np.cos(theta), np.sin(theta)]) * radius[:, None]
    line = Polyline.of(points)
    samples = points[rng.integers(0, vertices, 500)] + rng.normal(0, rng.uniform(0.1, 20),
                                                                   (500, 2))
    assert_exact(np.vstack([samples, rng.uniform(-1e4, 1e4, (20, 2))]), line)


def test_a_single_point_line_gives_the_distance_to_that_point():
    line = Polyline.of(np.array([[3.0, 4.0]]))
    proj = project(np.array([[0.0, 0.0], [3.0, 4.0], [1e6, 0.0]]), line)
    assert proj.distance[:2].tolist() == [5.0, 0.0]
    assert proj.distance[2] == np.hypot(1e6 - 3, 4)


def test_a_line_of_one_repeated_point_with_many_segments_is_exact():
    line = Polyline.of(np.tile([[1.0, 1.0]], (50, 1)))
    assert_exact(np.array([[1.0, 1.0], [2.0, 1.0], [-500.0, 9.0]]), line)


def test_samples_on_the_curve_have_distance_zero():
    theta = np.linspace(0, 6 * np.pi, 600)
    points = np.column_stack([np.cos(theta), np.sin(theta)]) * theta[:, None] * 10 / 6.28
    proj = project(points, Polyline.of(points))
    assert np.all(proj.distance == 0)


def test_a_dense_spiral_is_exact_everywhere_in_its_box():
    """Near the centre of a tight spiral cells list many segments (searched all at once,
    or by brute force): still the brute-force answer."""
    theta = np.linspace(0, 6 * np.pi, 600)
    points = np.column_stack([np.cos(theta), np.sin(theta)]) * theta[:, None] * 10 / 6.28
    rng = np.random.default_rng(5)
    samples = np.vstack([rng.uniform(-35, 35, (4000, 2)),
                         points[rng.integers(0, 600, 2000)] + rng.normal(0, 1, (2000, 2))])
    assert_exact(samples, Polyline.of(points))
