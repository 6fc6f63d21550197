"""Hold steadiness on exact signals: a still hold, a steady drift, a 6 Hz wobble."""

import math

import numpy as np
import pytest

from engine.scoring.steadiness import steadiness

T = np.arange(0.0, 3000.0, 10.0)     # 3 s at 100 Hz


def two_contacts(aperture, centre=(100.0, 60.0)):
    """Thumb and index either side of `centre`, `aperture` apart, along x."""
    a = np.asarray(aperture, dtype=float)
    thumb = np.stack([centre[0] - a / 2, np.full_like(a, centre[1])], axis=1)
    index = np.stack([centre[0] + a / 2, np.full_like(a, centre[1])], axis=1)
    return np.stack([thumb, index], axis=1)


def test_a_perfectly_still_hold_has_no_jitter_drift_or_variation():
    size = np.full(T.size, 30.0)
    s = steadiness(T, size, two_contacts(size), target_mm=30.0, band_mm=2.0)
    assert s.jitter_mm == pytest.approx(0.0, abs=1e-9)
    assert s.drift_mm_s == pytest.approx(0.0, abs=1e-9)
    assert s.inside_percent == 100.0
    assert s.aperture_cv_percent == pytest.approx(0.0, abs=1e-9)
    assert math.isnan(s.tremor_share)               # nothing moves: no spectrum


def test_a_steady_opening_is_all_drift_and_no_jitter():
    size = 30.0 + 2.0 * T / 1000.0                  # 2 mm/s wider
    s = steadiness(T, size, two_contacts(size), target_mm=31.0, band_mm=1.0)
    assert s.drift_mm_s == pytest.approx(2.0, rel=1e-9)
    assert s.jitter_mm == pytest.approx(0.0, abs=1e-9)
    assert s.inside_percent == pytest.approx(100.0 * 1.0 / 3.0, abs=0.5)   # 30..32 mm of 30..36


def test_a_6_hz_wobble_is_tremor_with_the_expected_variation():
    size = 30.0 + 1.0 * np.sin(2 * math.pi * 6.0 * T / 1000.0)
    s = steadiness(T, size, two_contacts(size), target_mm=30.0, band_mm=0.5)
    assert s.tremor_share > 0.99
    assert s.aperture_cv_percent == pytest.approx(100.0 / math.sqrt(2) / 30.0, rel=0.01)
    assert s.jitter_mm == pytest.approx(0.5 / math.sqrt(2), rel=0.01)   # each tip moves ±0.5
    assert s.drift_mm_s == pytest.approx(0.0, abs=0.05)
    # |sin| <= 0.5 a third of the time; 100 Hz samples of a 6 Hz wave land within 3 %
    assert s.inside_percent == pytest.approx(100.0 / 3.0, abs=3.0)


def test_too_few_samples_give_nan():
    s = steadiness([0.0], [30.0], two_contacts([30.0]), 30.0, 1.0)
    assert all(v is None for v in s.to_dict().values())      # NaN is stored as null
