"""Tapping speed and rhythm: counts, frequency, inter-tap intervals, fatigue, dwell, dysmetria."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.result import Metrics
from engine.scoring.stats import NAN, Spread, finite, mean, ratio


@dataclass(frozen=True, slots=True)
class Tapping(Metrics):
    """A tapping test. Distances are in the input's unit (`_mm` when given in mm)."""

    tap_count: int
    duration_ms: float
    frequency_per_s: float
    interval_ms: Spread
    fatigue_ms: float
    dwell_ms: Spread
    dysmetria_mm: float


def tapping(down_ms: ArrayLike, up_ms: ArrayLike | None = None,
            down_xy: ArrayLike | None = None, target_xy: ArrayLike | None = None,
            start_ms: float | None = None, end_ms: float | None = None, *,
            count_lifts: bool = False) -> Tapping:
    """Metrics of a tapping test.

    A tap is a touch-down; with `count_lifts`, a tap is a lift (as pdkit counts them).
    Duration runs from `start_ms` (default: the first event) to `end_ms` (default: the
    last event). Intervals are between successive touch-downs; fatigue is the mean
    interval of the last quarter minus that of the first quarter; dysmetria is the mean
    distance from each touch-down to its target.
    """
    downs = finite(down_ms)
    ups = finite(up_ms) if up_ms is not None else np.empty(0)
    events = np.concatenate([downs, ups])
    count = int(ups.size if count_lifts else downs.size)
    if not events.size:
        return Tapping(0, NAN, NAN, Spread.of([]), NAN, Spread.of([]), NAN)
    first = float(events.min()) if start_ms is None else float(start_ms)
    last = float(events.max()) if end_ms is None else float(end_ms)
    duration = last - first
    downs_sorted = np.sort(downs)
    intervals = np.diff(downs_sorted)
    fatigue = NAN
    if intervals.size >= 4:
        quarter = intervals.size // 4
        fatigue = mean(intervals[-quarter:]) - mean(intervals[:quarter])
    dwell = np.empty(0)
    if ups.size and downs.size:
        pairs = min(downs.size, ups.size)
        raw_down = np.asarray(down_ms, dtype=float).ravel()[:pairs]
        raw_up = np.asarray(up_ms, dtype=float).ravel()[:pairs]
        dwell = raw_up - raw_down
        dwell = dwell[np.isfinite(dwell) & (dwell >= 0)]
    dysmetria = NAN
    if down_xy is not None and target_xy is not None:
        d = np.asarray(down_xy, dtype=float).reshape(-1, 2)
        g = np.asarray(target_xy, dtype=float).reshape(-1, 2)
        k = min(len(d), len(g))
        dysmetria = mean(np.hypot(*(d[:k] - g[:k]).T)) if k else NAN
    frequency = ratio(count, duration / 1000.0) if duration > 0 else math.nan
    return Tapping(count, duration, frequency, Spread.of(intervals), fatigue,
                   Spread.of(dwell), dysmetria)
