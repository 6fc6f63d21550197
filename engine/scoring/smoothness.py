"""Smoothness as SPARC, the spectral arc length (Balasubramanian et al. 2012, 2015).

The speed profile's magnitude spectrum, zero-padded to 2^(ceil(log2 N) + 4)
points and normalised to its peak, is kept up to 10 Hz and between the first
and last frequencies where it reaches 0.05. SPARC is minus the arc length of
that curve with frequency scaled to [0, 1]: values nearer -1 are smoother.

Note: a constant speed that starts and stops abruptly is a rectangle after
zero-padding, and scores about -2.39, rougher than a minimum-jerk movement
(about -1.41): starting and stopping instantly is the least smooth way to move.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.path import increasing, pieces, speed_profile, timed, weighted_by_duration

PAD_LEVEL = 4
CUTOFF_HZ = 10.0
AMPLITUDE_THRESHOLD = 0.05


def sparc(speed: ArrayLike, rate_hz: float, pad_level: int = PAD_LEVEL,
          cutoff_hz: float = CUTOFF_HZ, threshold: float = AMPLITUDE_THRESHOLD) -> float:
    """SPARC of a uniformly sampled speed profile (NaN if it is too short or all zero)."""
    v = np.asarray(speed, dtype=float).ravel()
    v = v[np.isfinite(v)]
    if v.size < 3 or not np.any(v) or rate_hz <= 0:
        return math.nan
    nfft = int(2 ** (math.ceil(math.log2(v.size)) + pad_level))
    spectrum = np.fft.rfft(v, nfft)
    # |sum of v| is the highest bin of a signal >= 0 (a speed): no abs of the rest needed
    peak = abs(spectrum[0]) if v.min() >= 0 else np.abs(spectrum).max()
    if not peak > 0:
        return math.nan
    bins = spectrum.size   # those up to cutoff_hz, and one more against rounding
    if math.isfinite(cutoff_hz * nfft / rate_hz):
        bins = int(np.clip(math.floor(cutoff_hz * nfft / rate_hz) + 2, 0, spectrum.size))
    freq = np.arange(bins) * rate_hz / nfft
    band = freq <= cutoff_hz
    freq, magnitude = freq[band], np.abs(spectrum[:bins][band]) / peak
    above = np.flatnonzero(magnitude >= threshold)
    freq = freq[above[0]:above[-1] + 1]
    magnitude = magnitude[above[0]:above[-1] + 1]
    if freq.size < 2 or freq[-1] == freq[0]:
        return math.nan
    df = np.diff(freq) / (freq[-1] - freq[0])
    dm = np.diff(magnitude)
    return -float(np.sqrt(df * df + dm * dm).sum())


def path_sparc(xy: ArrayLike, t_ms: ArrayLike) -> float:
    """SPARC of a drawn path's speed (resampled at 100 Hz). A path with pauses longer
    than `MAX_GAP_MS` is scored piece by piece (the mean weighted by duration)."""
    t, pts = increasing(*timed(t_ms, xy))
    parts = pieces(t)
    if len(parts) == 1:
        return sparc(*speed_profile(pts, t))
    return weighted_by_duration(t, parts, [sparc(*speed_profile(pts[p], t[p]))
                                           for p in parts])
