"""Tapping rhythm metrics."""

import math

import numpy as np
import pytest

from engine.scoring.tapping import tapping


def test_a_steady_slowing_rhythm():
    downs = np.cumsum([0] + [200] * 10 + [300] * 10)
    ups = downs + 80
    result = tapping(downs, ups)
    assert result.tap_count == 21
    assert result.interval_ms.median == 250 and result.interval_ms.iqr == 100
    assert result.fatigue_ms == pytest.approx(100)
    assert result.dwell_ms.mean == 80
    assert result.frequency_per_s == pytest.approx(21 / ((downs[-1] + 80) / 1000))
    assert result.interval_ms.cv_percent == pytest.approx(
        100 * np.std(np.diff(downs), ddof=1) / np.mean(np.diff(downs)))


def test_dysmetria_is_the_mean_distance_to_the_targets():
    result = tapping([0, 100], None, [[3, 4], [0, 0]], [[0, 0], [0, 1]])
    assert result.dysmetria_mm == pytest.approx(3.0)


def test_no_taps_is_not_an_error():
    result = tapping([], [])
    assert result.tap_count == 0 and math.isnan(result.frequency_per_s)
    assert result.interval_ms.n == 0
