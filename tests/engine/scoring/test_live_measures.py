"""Live measures: after every sample they equal the batch measure on the samples so far."""

import math

import numpy as np
import pytest

from engine.scoring.geometry import Polyline, project
from engine.scoring.live import LiveAperture, LivePath, LiveRing, RunningSpeed
from engine.scoring.path import deviation, mean_speed
from engine.scoring.stats import mean, sample_sd


def spiral_points(n=600):
    theta = np.linspace(0, 6 * np.pi, n)
    return np.column_stack([np.cos(theta), np.sin(theta)]) * (theta * 10 / (2 * np.pi)
                                                               )[:, None] + 100


def wobbly_trace(n=400, seed=0):
    """A spiral traced with noise, irregular time steps, repeated times and a far excursion."""
    rng = np.random.default_rng(seed)
    s = np.linspace(0, 6 * np.pi, n)
    xy = np.column_stack([np.cos(s), np.sin(s)]) * (s * 10 / (2 * np.pi))[:, None] + 100
    xy += rng.normal(0, 2.0, xy.shape)
    xy[n // 2: n // 2 + 5] += 200
    t = np.cumsum(rng.choice([0.0, 4.0, 8.0, 30.0], n, p=[0.1, 0.4, 0.4, 0.1]))
    return t, xy


def time_share(t, inside):
    """`path.deviation`'s weighting, for the ring (no batch function measures a ring)."""
    weights = np.clip(np.diff(t, append=t[-1]), 0.0, None) if len(t) > 1 else np.ones(1)
    total = weights.sum()
    return float((weights * inside).sum() / total) if total > 0 else float(inside.mean())


def test_live_path_equals_batch_deviation_on_every_prefix():
    line = Polyline.of(spiral_points())
    t, xy = wobbly_trace()
    live = LivePath(line, corridor_mm=6.0)
    for k in range(len(t)):
        distance = live.add(t[k], *xy[k])
        batch, _ = deviation(xy[:k + 1], line, 6.0, t[:k + 1])
        assert distance == project(xy[k:k + 1], line).distance[0]   # the same, exactly
        assert live.time_inside_share == pytest.approx(batch.time_inside_share, rel=1e-12)


def test_live_path_on_a_short_line_and_far_away():
    line = Polyline.of(np.array([[0.0, 0.0], [10.0, 0.0]]))
    live = LivePath(line, corridor_mm=2.0)
    assert live.add(0, 5, 0) == 0.0 and live.time_inside_share == 1.0
    assert live.add(10, 1e5, 0) == 1e5 - 10
    assert live.add(30, 5, 0.5) == 0.5
    assert live.time_inside_share == pytest.approx(10 / 30)


def test_a_non_finite_sample_is_skipped():
    live = LivePath(Polyline.of(spiral_points()), corridor_mm=6.0)
    live.add(0, 100, 100)
    live.add(8, math.nan, 100)
    assert live.time_inside_share == deviation([[100, 100]], live.reference, 6.0,
                                               [0])[0].time_inside_share


def test_live_ring_distance_and_band_time_match_the_prefix():
    t, xy = wobbly_trace(seed=1)
    ring = LiveRing((100.0, 100.0), 15.0, band_mm=4.0)
    radius = np.hypot(xy[:, 0] - 100, xy[:, 1] - 100)
    for k in range(len(t)):
        assert ring.add(t[k], *xy[k]) == abs(radius[k] - 15.0)
        inside = np.abs(radius[:k + 1] - 15.0) <= 2.0
        assert ring.time_inside_share == pytest.approx(time_share(t[:k + 1], inside),
                                                       rel=1e-12)


def test_a_sample_on_the_ring_is_at_distance_zero_and_a_scripted_circle_has_no_error():
    ring = LiveRing((50.0, 20.0), 30.0, band_mm=1.0)
    for x, y in [(80, 20), (20, 20), (50, 50), (50, -10)]:
        assert ring.add(0, x, y) == 0.0
    theta = np.linspace(0, 2 * np.pi, 500)
    for k, a in enumerate(theta):
        assert ring.add(8 * k, 50 + 30 * math.cos(a), 20 + 30 * math.sin(a)) < 1e-12
    assert ring.time_inside_share == 1.0


def test_live_aperture_equals_mean_and_sample_sd_of_the_prefix():
    rng = np.random.default_rng(2)
    a = rng.normal(0, 1, (300, 2)) + np.array([50, 50])
    b = rng.normal(0, 1, (300, 2)) + np.array([80, 50])
    aperture = np.hypot(*(b - a).T)
    live = LiveAperture()
    assert math.isnan(live.sd_mm) and math.isnan(live.mean_mm)
    for k in range(len(a)):
        assert live.add(*a[k], *b[k]) == pytest.approx(aperture[k], rel=1e-15)
        assert live.mean_mm == pytest.approx(mean(aperture[:k + 1]), rel=1e-12)
        if k == 0:
            assert math.isnan(live.sd_mm)
        else:
            assert live.sd_mm == pytest.approx(sample_sd(aperture[:k + 1]), rel=1e-9)
            assert live.cv == pytest.approx(live.sd_mm / live.mean_mm)


def test_a_constant_aperture_has_sd_zero():
    live = LiveAperture()
    for k in range(200):
        live.add(10.0 + k, 5.0, 10.0 + k + 25.0, 5.0)
    assert live.aperture_mm == 25.0 and live.mean_mm == 25.0
    assert live.sd_mm == 0.0 and live.cv == 0.0


@pytest.mark.parametrize("window_ms", [0.0, 50.0, 250.0, 1e9])
def test_running_speed_equals_mean_speed_over_the_window(window_ms):
    t, xy = wobbly_trace(seed=3)
    speed = RunningSpeed(window_ms)
    for k in range(len(t)):
        value = speed.add(t[k], *xy[k])
        recent = (t[:k + 1] >= t[k] - window_ms)
        batch = mean_speed(xy[:k + 1][recent], t[:k + 1][recent])
        if math.isnan(batch):
            assert math.isnan(value)
        else:
            assert value == pytest.approx(batch, rel=1e-9)
