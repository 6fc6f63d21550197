"""Tremor: how much of a deviation signal's power lies in the 4-12 Hz band, and where."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.path import resample
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
    or a signal with no variation, gives NaN.
    """
    signal = resample(t_ms, deviation, rate_hz)
    if signal.size < MIN_SECONDS * rate_hz:
        return Tremor(math.nan, math.nan)
    x = np.arange(signal.size)
    slope, intercept = np.polyfit(x, signal, 1)
    detrended = signal - (slope * x + intercept)
    windowed = detrended * np.hanning(signal.size)
    power = np.abs(np.fft.rfft(windowed)) ** 2
    freq = np.fft.rfftfreq(signal.size, 1.0 / rate_hz)
    total = power[1:].sum()
    if not total > 1e-18:
        return Tremor(math.nan, math.nan)
    in_band = (freq >= band_hz[0]) & (freq <= band_hz[1])
    share = float(power[in_band].sum() / total)
    dominant = float(freq[in_band][np.argmax(power[in_band])]) if in_band.any() else math.nan
    return Tremor(share, dominant)
