"""Tremor: how much of a deviation signal's power lies in the 4-12 Hz band, and where."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.path import increasing, pieces, resample, timed, weighted_by_duration
from engine.scoring.result import Metrics

RATE_HZ = 100.0
BAND_HZ = (4.0, 12.0)
MIN_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Tremor(Metrics):
    band_power_share: float
    dominant_hz: float


def tremor(t_ms: ArrayLike, deviation: ArrayLike, band_hz: tuple[float, float] = BAND_HZ,
           rate_hz: float = RATE_HZ) -> Tremor:
    """Share of the (detrended, Hann-windowed) deviation power in `band_hz`, and its peak.

    The signal is resampled to a uniform `rate_hz` first. Less than a second of data,
    or a signal with no variation, gives NaN. A signal with pauses longer than
    `MAX_GAP_MS` is measured piece by piece: the share is the mean weighted by duration,
    the peak that of the longest piece.
    """
    t, v = increasing(*timed(t_ms, deviation, width=1))
    parts = pieces(t)
    if len(parts) == 1:
        return _tremor(t, v, band_hz, rate_hz)
    each = [_tremor(t[p], v[p], band_hz, rate_hz) for p in parts]
    longest = max(range(len(parts)), key=lambda i: t[parts[i]][-1] - t[parts[i]][0])
    return Tremor(weighted_by_duration(t, parts, [e.band_power_share for e in each]),
                  each[longest].dominant_hz)


@functools.lru_cache(maxsize=8)
def _hann(size: int) -> np.ndarray:
    """`np.hanning(size)`, kept: a game's rounds have a few lengths, and it costs more
    than the FFT."""
    window = np.hanning(size)
    window.flags.writeable = False
    return window


def _tremor(t_ms: np.ndarray, deviation: np.ndarray, band_hz: tuple[float, float],
            rate_hz: float) -> Tremor:
    signal = resample(t_ms, deviation, rate_hz)
    if signal.size < MIN_SECONDS * rate_hz:
        return Tremor(math.nan, math.nan)
    x = np.arange(signal.size)
    slope, intercept = np.polyfit(x, signal, 1)
    detrended = signal - (slope * x + intercept)
    windowed = detrended * _hann(signal.size)
    power = np.abs(np.fft.rfft(windowed)) ** 2
    freq = np.fft.rfftfreq(signal.size, 1.0 / rate_hz)
    total = power[1:].sum()
    if not total > 1e-18:
        return Tremor(math.nan, math.nan)
    in_band = (freq >= band_hz[0]) & (freq <= band_hz[1])
    share = float(power[in_band].sum() / total)
    dominant = float(freq[in_band][np.argmax(power[in_band])]) if in_band.any() else math.nan
    return Tremor(share, dominant)
