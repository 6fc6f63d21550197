"""Path metrics for tracing: offsets from a task axis, deviation from a reference curve,
time in a corridor, completion in order, and speed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.geometry import Polyline, Projection, project
from engine.scoring.result import Metrics
from engine.scoring.stats import NAN, mean, ratio, sample_sd

ORDER_WINDOW = 3
"""Stretches this close together may be reached in any order (jitter at their borders)."""


def timed(t_ms: ArrayLike, values: ArrayLike, width: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Times and values (rows of `width`, or 1-D for width 1) where both are finite."""
    t = np.asarray(t_ms, dtype=float).ravel()
    v = np.asarray(values, dtype=float)
    v = v.ravel() if width == 1 else v.reshape(-1, width)
    n = min(len(t), len(v))
    t, v = t[:n], v[:n]
    keep = np.isfinite(t) & finite_rows(v)
    return (t, v) if keep.all() else (t[keep], v[keep])


def finite_rows(v: np.ndarray) -> np.ndarray:
    """Which rows (or values, for 1-D) are finite throughout: a column at a time, which is
    several times faster than `isfinite(v).all(axis=1)` on a long (N, 2) array."""
    if v.ndim == 1:
        return cast(np.ndarray, np.isfinite(v))
    keep = np.ones(len(v), dtype=bool)
    for column in v.T:
        keep &= np.isfinite(column)
    return keep


def increasing(t: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted by time, keeping the first of samples that share a time (as they are when
    the times already increase)."""
    if len(t) < 2 or bool(np.all(t[1:] > t[:-1])):
        return t, values
    order = np.argsort(t, kind="stable")
    t, values = t[order], values[order]
    distinct = np.r_[True, np.diff(t) > 0] if len(t) else np.empty(0, dtype=bool)
    return t[distinct], values[distinct]


MAX_GAP_MS = 10_000.0
"""A pause longer than this inside one signal splits it in pieces, each resampled and
scored on its own: the work follows the samples, not the clock (a day-long gap would
otherwise be resampled at 100 Hz). Signals without such a pause score as one piece."""


def pieces(t_ms: np.ndarray, max_gap_ms: float = MAX_GAP_MS) -> list[slice]:
    """The runs of increasing times `t_ms` that no pause longer than `max_gap_ms` splits."""
    breaks = (np.flatnonzero(np.diff(t_ms) > max_gap_ms) + 1).tolist()
    bounds = [0, *breaks, len(t_ms)]
    return [slice(a, b) for a, b in itertools.pairwise(bounds)]


def weighted_by_duration(t_ms: np.ndarray, parts: list[slice], values: list[float]) -> float:
    """The mean of the pieces' finite values, each weighted by how long its piece lasts."""
    pairs = [(float(t_ms[p][-1] - t_ms[p][0]), v) for p, v in zip(parts, values, strict=True)
             if np.isfinite(v)]
    total = sum(w for w, _ in pairs)
    if not pairs:
        return NAN
    if total <= 0:
        return float(np.mean([v for _, v in pairs]))
    return sum(w * v for w, v in pairs) / total


def as_points(xy: ArrayLike) -> np.ndarray:
    """(N, 2) float array of the finite rows of `xy`."""
    pts = np.asarray(xy, dtype=float).reshape(-1, 2)
    keep = finite_rows(pts)
    return pts if keep.all() else cast(np.ndarray, pts[keep])


@dataclass(frozen=True, slots=True)
class AxisOffsets(Metrics):
    """MacKenzie's accuracy measures: perpendicular offsets from the task axis."""

    n: int
    mo_mm: float
    me_mm: float
    mv_mm: float


def axis_offsets(xy: ArrayLike, start: ArrayLike, end: ArrayLike) -> AxisOffsets:
    """Offsets of each sample from the line start -> end: MO (mean), ME (mean |y|), MV (SD).

    Positive offsets lie to the left of the direction of travel in y-up axes
    (to the right on a y-down screen).
    """
    pts = as_points(xy)
    a = np.asarray(start, dtype=float).ravel()
    b = np.asarray(end, dtype=float).ravel()
    axis = b - a
    length = float(np.hypot(*axis))
    if not pts.size or length == 0:
        return AxisOffsets(len(pts), NAN, NAN, NAN)
    rel = pts - a
    y = (axis[0] * rel[:, 1] - axis[1] * rel[:, 0]) / length
    return AxisOffsets(len(y), mean(y), mean(np.abs(y)), sample_sd(y))


@dataclass(frozen=True, slots=True)
class Deviation(Metrics):
    """How far a trace stayed from its reference curve (lengths in mm)."""

    n: int
    mean_mm: float
    max_mm: float
    sd_mm: float
    inside_share: float
    time_inside_share: float


def deviation(xy: ArrayLike, reference: Polyline, corridor_mm: float,
              t_ms: ArrayLike | None = None, projection: Projection | None = None
              ) -> tuple[Deviation, np.ndarray]:
    """Distance of each sample to the nearest point of `reference`; share inside the corridor.

    A sample is inside when its distance is at most half the corridor width. The time
    share weights each sample by the time until the next one (needs `t_ms`).
    Returns the summary and the signed per-sample distances. `projection` may pass in
    `project(xy, reference)` when the caller already has it (finite samples only).
    """
    pts = np.asarray(xy, dtype=float).reshape(-1, 2)
    keep = np.isfinite(pts).all(axis=1)
    pts = pts[keep]
    if not len(pts) or reference.empty:
        return Deviation(0, NAN, NAN, NAN, NAN, NAN), np.empty(0)
    proj = projection if projection is not None else project(pts, reference)
    inside = proj.distance <= corridor_mm / 2.0
    time_share = NAN
    if t_ms is not None:
        t = np.asarray(t_ms, dtype=float).ravel()[keep]
        weights = np.diff(t, append=t[-1]) if len(t) > 1 else np.ones(1)
        weights = np.clip(weights, 0.0, None)
        total = weights.sum()
        time_share = float((weights * inside).sum() / total) if total > 0 else float(
            inside.mean())
    return (Deviation(len(pts), float(proj.distance.mean()), float(proj.distance.max()),
                      sample_sd(proj.distance), float(inside.mean()), time_share), proj.signed)


def completion(xy: ArrayLike, t_ms: ArrayLike, reference: Polyline, tolerance_mm: float,
               bins: int | None = None, projection: Projection | None = None) -> float:
    """Share of the reference covered in order (0..1).

    The reference is cut into short stretches (about 2 mm). A stretch counts when a sample
    within `tolerance_mm` reached it no earlier than every stretch more than
    `ORDER_WINDOW` stretches before it: a trace drawn backwards covers almost nothing.
    """
    t, pts = timed(t_ms, xy)
    if not len(pts) or reference.empty or reference.length <= 0:
        return NAN if reference.empty or reference.length <= 0 else 0.0
    count = bins or int(np.clip(reference.length / 2.0, 20, 400))
    proj = projection if projection is not None and len(projection.distance) == len(pts) \
        else project(pts, reference)
    near = proj.distance <= tolerance_mm
    if not near.any():
        return 0.0
    stretch = np.minimum((proj.arc[near] / reference.length * count).astype(int), count - 1)
    first_hit = np.full(count, np.inf)
    np.minimum.at(first_hit, stretch, t[near])
    hit = np.isfinite(first_hit)
    reached = np.maximum.accumulate(np.where(hit, first_hit, -np.inf))
    before = np.r_[np.full(ORDER_WINDOW, -np.inf), reached[:-ORDER_WINDOW]][:count]
    in_order = hit & (first_hit >= before)
    return float(in_order.mean())


def path_length(xy: ArrayLike) -> float:
    pts = as_points(xy)
    return float(np.hypot(*np.diff(pts, axis=0).T).sum()) if len(pts) > 1 else 0.0


def mean_speed(xy: ArrayLike, t_ms: ArrayLike) -> float:
    """Path length over elapsed time, in units per second (NaN without elapsed time)."""
    t = np.asarray(t_ms, dtype=float).ravel()
    t = t[np.isfinite(t)]
    if t.size < 2:
        return NAN
    return ratio(path_length(xy), (t.max() - t.min()) / 1000.0)


def runs(labels: ArrayLike) -> list[slice]:
    """The runs of equal consecutive labels (a stroke's samples, in sample order)."""
    which = np.asarray(labels).ravel()
    if not which.size:
        return []
    bounds = [0, *(np.flatnonzero(which[1:] != which[:-1]) + 1).tolist(), len(which)]
    return [slice(a, b) for a, b in itertools.pairwise(bounds)]


def span_ms(t_ms: np.ndarray) -> float:
    """How long samples last: the last time less the first (0 for fewer than two)."""
    return float(t_ms.max() - t_ms.min()) if t_ms.size >= 2 else 0.0


@dataclass(frozen=True, slots=True)
class Surface(Metrics):
    """A drawing in strokes: what happened with the pen (finger) on the surface, and the
    time in the air between strokes, apart."""

    strokes: int
    on_surface_ms: float
    in_air_ms: float
    length_mm: float
    """Drawn on the surface: the jumps between strokes are not drawn."""
    speed_mm_per_s: float
    """On-surface speed: the length drawn over the time on the surface."""


def surface(xy: np.ndarray, t_ms: np.ndarray, strokes: list[slice]) -> Surface:
    """On-surface length, time and speed of `strokes` (runs of finite samples in time
    order), and the time in the air: from each stroke's end to the next one's start."""
    on_ms = sum((span_ms(t_ms[s]) for s in strokes), 0.0)
    length = sum((path_length(xy[s]) for s in strokes), 0.0)
    air = sum((max(float(t_ms[b][0] - t_ms[a][-1]), 0.0)
               for a, b in itertools.pairwise(strokes)), 0.0)
    return Surface(len(strokes), on_ms, air, length, ratio(length, on_ms / 1000.0))


def speed_profile(xy: ArrayLike, t_ms: ArrayLike, rate_hz: float = 100.0
                  ) -> tuple[np.ndarray, float]:
    """Speed (units/s) resampled uniformly at `rate_hz`; returns (speeds, rate)."""
    t, pts = increasing(*timed(t_ms, xy))
    t = t / 1000.0
    if len(t) < 3:
        return np.empty(0), rate_hz
    grid = np.arange(t[0], t[-1], 1.0 / rate_hz)
    if len(grid) < 3:
        return np.empty(0), rate_hz
    x = np.interp(grid, t, pts[:, 0])
    y = np.interp(grid, t, pts[:, 1])
    speed = np.hypot(np.gradient(x, 1.0 / rate_hz), np.gradient(y, 1.0 / rate_hz))
    return speed, rate_hz


def resample(t_ms: ArrayLike, values: ArrayLike, rate_hz: float = 100.0) -> np.ndarray:
    """`values` sampled at irregular times, linearly resampled at `rate_hz`."""
    t, v = increasing(*timed(t_ms, values, width=1))
    t = t / 1000.0
    if len(t) < 2:
        return np.empty(0)
    return cast(np.ndarray, np.interp(np.arange(t[0], t[-1], 1.0 / rate_hz), t, v))
