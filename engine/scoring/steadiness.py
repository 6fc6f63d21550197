"""How steadily fingers hold a size: jitter, drift, time in the band, the coefficient of
variation of the aperture and its tremor share.

The aperture is the size the fingers hold (the distance between thumb and index in a
pinch); the contacts are the fingertips' positions. Touch panels report irregularly, so
every signal is first resampled linearly at `rate_hz`. Definitions:

- jitter_mm: the root mean square distance of the contacts from their own straight-line
  path over the hold (each coordinate detrended by a least-squares line), pooled over
  contacts: the wobble, without the slow drift;
- drift_mm_s: the absolute slope of the least-squares line through the aperture;
- inside_percent: the share of the hold's time with the aperture within target ± band;
- aperture_cv_percent: SD over mean of the aperture (sample SD), in per cent, as in
  pinch-steadiness studies (for example Blomkvist et al. 2018);
- tremor_share: the share of the aperture's power in the 4-12 Hz band
  (`engine.scoring.tremor`).

A hold of fewer than two samples gives NaN everywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.path import resample
from engine.scoring.result import Metrics
from engine.scoring.tremor import RATE_HZ, tremor


@dataclass(frozen=True, slots=True)
class Steadiness(Metrics):
    jitter_mm: float
    drift_mm_s: float
    inside_percent: float
    aperture_cv_percent: float
    tremor_share: float


NOTHING = Steadiness(math.nan, math.nan, math.nan, math.nan, math.nan)


def steadiness(t_ms: ArrayLike, aperture_mm: ArrayLike, contacts_xy: ArrayLike,
               target_mm: float, band_mm: float, rate_hz: float = RATE_HZ) -> Steadiness:
    """The hold's steadiness. `contacts_xy` has one row per sample of `t_ms`: the (x, y)
    of each contact, shape (samples, contacts, 2)."""
    t = np.asarray(t_ms, dtype=float)
    size = resample(t, aperture_mm, rate_hz)
    if size.size < 2:
        return NOTHING
    seconds = np.arange(size.size) / rate_hz
    slope = float(np.polyfit(seconds, size, 1)[0])
    inside = float(np.mean(np.abs(size - target_mm) <= band_mm + 1e-9) * 100.0)
    mean = float(np.mean(size))
    cv = float(np.std(size, ddof=1) / mean * 100.0) if mean > 0 else math.nan
    return Steadiness(_jitter(t, np.asarray(contacts_xy, dtype=float), rate_hz), abs(slope),
                      inside, cv, tremor(t, aperture_mm, rate_hz=rate_hz).band_power_share)


def _jitter(t: np.ndarray, xy: np.ndarray, rate_hz: float) -> float:
    """RMS distance of every contact from its own least-squares straight path."""
    if xy.ndim != 3 or xy.shape[0] != t.size or xy.shape[2] != 2:
        return math.nan
    squared: list[np.ndarray] = []
    for contact in range(xy.shape[1]):
        off = [_detrended(resample(t, xy[:, contact, axis], rate_hz)) for axis in (0, 1)]
        if off[0].size < 2:
            return math.nan
        squared.append(off[0] ** 2 + off[1] ** 2)
    return float(math.sqrt(np.mean(np.concatenate(squared)))) if squared else math.nan


def _detrended(values: np.ndarray) -> np.ndarray:
    if values.size < 2:
        return values
    x = np.arange(values.size, dtype=float)
    slope, intercept = np.polyfit(x, values, 1)
    detrended: np.ndarray = values - (slope * x + intercept)
    return detrended
