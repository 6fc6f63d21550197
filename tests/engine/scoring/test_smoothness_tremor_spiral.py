"""SPARC, tremor and spiral metrics on signals whose answers are known."""

import math

import numpy as np
import pytest

from engine.scoring.smoothness import sparc
from engine.scoring.spiral import spiral_fit
from engine.scoring.tremor import tremor

RATE = 100.0


def min_jerk(duration_s, start_s=0.0, total_s=None, peak=1.0):
    t = np.arange(0, total_s or duration_s, 1 / RATE)
    tau = np.clip((t - start_s) / duration_s, 0, 1)
    inside = (t >= start_s) & (t <= start_s + duration_s)
    return peak * 16 * tau**2 * (1 - tau) ** 2 * inside


def test_a_minimum_jerk_movement_scores_about_minus_1_41():
    assert sparc(min_jerk(1.0), RATE) == pytest.approx(-1.41, abs=0.01)


def test_sparc_ignores_amplitude_and_duration():
    base = sparc(min_jerk(1.0), RATE)
    assert sparc(min_jerk(1.0, peak=37.0), RATE) == pytest.approx(base, abs=1e-9)
    assert sparc(min_jerk(2.5), RATE) == pytest.approx(base, abs=0.01)


def test_one_movement_is_smoother_than_two_superposed_and_more_apart_is_rougher():
    one = sparc(min_jerk(1.0), RATE)
    close = sparc(min_jerk(1.0, 0, 1.6) + min_jerk(1.0, 0.6, 1.6), RATE)
    apart = sparc(min_jerk(1.0, 0, 2.2) + min_jerk(1.0, 1.2, 2.2), RATE)
    assert one > close > apart


def test_a_steady_trace_is_smoother_than_one_with_tremor_or_stops():
    t = np.arange(0, 6, 1 / RATE)
    ramp = np.clip(np.minimum(t, 6 - t) / 0.5, 0, 1)
    steady = 40 * (3 * ramp**2 - 2 * ramp**3)          # smooth start and stop
    shaky = steady * (1 + 0.3 * np.sin(2 * np.pi * 6 * t))
    stop_go = steady * (0.6 + 0.4 * np.cos(2 * np.pi * 1.0 * t))
    assert sparc(steady, RATE) > sparc(stop_go, RATE) > sparc(shaky, RATE)


def test_a_constant_speed_with_abrupt_start_is_not_smoother_than_minimum_jerk():
    # Zero-padding turns it into a rectangle: its sinc spectrum has many side lobes.
    assert -2.5 < sparc(np.ones(300), RATE) < -2.3
    assert sparc(np.ones(300), RATE) < sparc(min_jerk(3.0), RATE)


def test_sparc_of_degenerate_profiles_is_nan():
    for profile in ([], [1.0], np.zeros(50)):
        assert math.isnan(sparc(profile, RATE))


def test_tremor_finds_a_6_hz_oscillation_and_not_a_slow_drift():
    t = np.arange(0, 5000, 8.0)
    shake = tremor(t, 0.8 * np.sin(2 * np.pi * 6.0 * t / 1000) + 0.002 * t)
    assert shake.band_power_share > 0.9 and shake.dominant_hz == pytest.approx(6.0, abs=0.25)
    drift = tremor(t, 3 * np.sin(2 * np.pi * 0.5 * t / 1000))
    assert drift.band_power_share < 0.05


def test_tremor_needs_a_second_of_signal():
    assert math.isnan(tremor([0, 8, 16], [0, 1, 0]).band_power_share)
    assert math.isnan(tremor(np.arange(0, 3000, 10.0), np.zeros(300)).dominant_hz)


def archimedes(turns=3.0, spacing=10.0, n=3000, center=(50.0, 60.0)):
    theta = np.linspace(0, 2 * np.pi * turns, n)
    r = spacing * theta / (2 * np.pi)
    return np.column_stack([center[0] + r * np.cos(theta), center[1] + r * np.sin(theta)])


def test_a_perfect_spiral_fits_exactly():
    fit = spiral_fit(archimedes(), center=(50, 60))
    assert fit.rmse_mm == pytest.approx(0, abs=1e-9)
    assert fit.spacing_mm_per_turn == pytest.approx(10.0)
    assert fit.turns == pytest.approx(3.0 * 0.95, abs=0.02)  # the innermost 5 % carry no angle


def test_the_centre_is_found_when_not_given():
    fit = spiral_fit(archimedes())
    assert (fit.center_x_mm, fit.center_y_mm) == pytest.approx((50, 60), abs=0.3)
    assert fit.spacing_mm_per_turn == pytest.approx(10.0, abs=0.1)


def test_a_clockwise_spiral_counts_positive_turns_and_a_wobbly_one_fits_worse():
    cw = archimedes() * [1, -1]
    assert spiral_fit(cw, center=(50, -60)).turns > 2.5
    wobbly = archimedes() + np.random.default_rng(1).normal(0, 0.8, (3000, 2))
    assert spiral_fit(wobbly, center=(50, 60)).rmse_mm > 0.5
