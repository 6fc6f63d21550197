"""Everything measured on one trace, in one call (used by the trace game and `deftly analyze`)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.geometry import Polyline, project
from engine.scoring.path import (
    AxisOffsets,
    Deviation,
    axis_offsets,
    completion,
    deviation,
    mean_speed,
    path_length,
    runs,
    surface,
    timed,
    weighted_by_duration,
)
from engine.scoring.result import Metrics
from engine.scoring.smoothness import path_sparc
from engine.scoring.spiral import SpiralFit, spiral_fit
from engine.scoring.stats import ratio
from engine.scoring.tremor import Tremor, tremor


@dataclass(frozen=True, slots=True)
class TraceScore(Metrics):
    """Path metrics of one trace. Lengths in mm (or the input's unit), times in ms."""

    samples: int
    duration_ms: float
    length_mm: float
    mean_speed_mm_per_s: float
    sparc: float
    tremor: Tremor
    deviation: Deviation | None = None
    completion: float | None = None
    axis: AxisOffsets | None = None
    spiral: SpiralFit | None = None
    strokes: int | None = None
    """Given strokes (pen-down runs): how many; then length and speed are on the surface."""
    on_surface_ms: float | None = None
    in_air_ms: float | None = None
    """Between strokes, from one's end to the next one's start."""

    def to_dict(self, prefix: str = "") -> dict[str, object]:
        out = Metrics.to_dict(self, prefix)
        return {k: v for k, v in out.items() if v is not None or not _optional(k, prefix)}


_OPTIONAL = ("deviation", "completion", "axis", "spiral", "strokes", "on_surface_ms",
             "in_air_ms")


def _optional(key: str, prefix: str) -> bool:
    return key[len(prefix):] in _OPTIONAL


def score_trace(t_ms: ArrayLike, xy: ArrayLike, *, reference: Polyline | None = None,
                corridor_mm: float | None = None, axis: tuple[ArrayLike, ArrayLike] | None = None,
                spiral_center: ArrayLike | None = None, spiral: bool = False,
                stroke_of: ArrayLike | None = None) -> TraceScore:
    """Score a trace: speed, SPARC and tremor always; deviation and completion against a
    reference curve; MO/ME/MV against a straight task axis; the radius fit for spirals.

    The tremor signal is the signed deviation from the reference, else the offset from
    the axis, else the spiral's radius residual. `stroke_of` labels each sample with its
    stroke (a pen-down run): then length and speed are on the surface (no jump between
    strokes is drawn, no time in the air counts), SPARC is each stroke's, weighted by
    its duration, and the time in the air is given apart.
    """
    if stroke_of is not None:
        given = np.asarray(xy, dtype=float).reshape(-1, 2)
        labels = np.asarray(stroke_of, dtype=float).ravel()
        n = min(len(given), len(labels))
        t, rows = timed(t_ms, np.column_stack([given[:n], labels[:n]]), 3)
        pts, which = rows[:, :2], rows[:, 2]
    else:
        t, pts = timed(t_ms, xy)
        which = None
    duration = float(t.max() - t.min()) if t.size >= 2 else math.nan
    dev = comp = offsets = fit = None
    signal = np.empty(0)
    if reference is not None:
        width = corridor_mm if corridor_mm is not None else math.inf
        projection = project(pts, reference)
        dev, signal = deviation(pts, reference, width, t, projection)
        comp = completion(pts, t, reference, width / 2.0 if math.isfinite(width) else 10.0,
                          projection=projection)
    if axis is not None:
        offsets = axis_offsets(pts, axis[0], axis[1])
        if not signal.size and len(pts):
            a, b = (np.asarray(p, dtype=float) for p in axis)
            direction = (b - a) / max(float(np.hypot(*(b - a))), 1e-12)
            rel = pts - a
            signal = direction[0] * rel[:, 1] - direction[1] * rel[:, 0]
    if spiral or spiral_center is not None:
        fit = spiral_fit(pts, spiral_center)
        if not signal.size and len(pts) >= 3 and math.isfinite(fit.spacing_mm_per_turn):
            signal = _radius_residual(pts, fit)
    shake = tremor(t, signal) if signal.size else Tremor(math.nan, math.nan)
    if which is None:
        length = path_length(pts)   # mean_speed's value, without measuring the path twice
        speed = ratio(length, duration / 1000.0) if t.size >= 2 else math.nan
        return TraceScore(len(pts), duration, length, speed, path_sparc(pts, t), shake, dev,
                          comp, offsets, fit)
    parts = runs(which)
    pen = surface(pts, t, parts)
    smooth = weighted_by_duration(t, parts, [path_sparc(pts[p], t[p]) for p in parts])
    return TraceScore(len(pts), duration, pen.length_mm, pen.speed_mm_per_s, smooth, shake,
                      dev, comp, offsets, fit, pen.strokes, pen.on_surface_ms, pen.in_air_ms)


def _radius_residual(pts: np.ndarray, fit: SpiralFit) -> np.ndarray:
    rel = pts - np.array([fit.center_x_mm, fit.center_y_mm])
    radius = np.hypot(rel[:, 0], rel[:, 1])
    theta = np.unwrap(np.arctan2(rel[:, 1], rel[:, 0]))
    if theta[-1] < theta[0]:
        theta = -theta
    design = np.column_stack([theta, np.ones_like(theta)])
    coef, *_ = np.linalg.lstsq(design, radius, rcond=None)
    return cast(np.ndarray, radius - design @ coef)


@dataclass(frozen=True, slots=True)
class StrokesScore(Metrics):
    """A drawing of several strokes, each traced against its own reference."""

    samples: int
    duration_ms: float
    length_mm: float
    mean_speed_mm_per_s: float
    sparc: float
    tremor: Tremor
    deviation_mean_mm: float
    deviation_max_mm: float
    inside_share: float
    time_inside_share: float
    completion: float
    spiral: SpiralFit | None = None

    def to_dict(self, prefix: str = "") -> dict[str, object]:
        out = Metrics.to_dict(self, prefix)
        return {k: v for k, v in out.items() if v is not None or k != f"{prefix}spiral"}


def score_strokes(t_ms: ArrayLike, xy: ArrayLike, stroke_of: ArrayLike,
                  references: list[Polyline], corridor_mm: float,
                  spiral_center: ArrayLike | None = None) -> StrokesScore:
    """Score samples drawn stroke by stroke: `stroke_of[i]` says which reference sample i
    belongs to. Deviation and completion are per stroke (completion weighted by length);
    speed, smoothness and tremor use the whole drawing in time order."""
    t = np.asarray(t_ms, dtype=float).ravel()
    pts = np.asarray(xy, dtype=float).reshape(-1, 2)
    which = np.asarray(stroke_of, dtype=int).ravel()
    n = min(len(t), len(pts), len(which))
    t, pts, which = t[:n], pts[:n], which[:n]
    keep = np.isfinite(t) & np.isfinite(pts).all(axis=1)
    t, pts, which = t[keep], pts[keep], which[keep]
    signed = np.full(len(t), np.nan)
    distance = np.full(len(t), np.nan)
    weights = np.clip(np.diff(t, append=t[-1] if len(t) else 0.0), 0.0, None)
    covered = 0.0
    total = sum(r.length for r in references) or math.nan
    for index, reference in enumerate(references):
        mine = which == index
        if not mine.any() or reference.empty:
            continue
        projection = project(pts[mine], reference)
        signed[mine] = projection.signed
        distance[mine] = projection.distance
        covered += reference.length * completion(pts[mine], t[mine], reference,
                                                 corridor_mm / 2.0, projection=projection)
    scored = np.isfinite(distance)
    inside = scored & (distance <= corridor_mm / 2.0)
    fit = spiral_fit(pts, spiral_center) if spiral_center is not None else None
    time_total = float(weights[scored].sum())
    return StrokesScore(
        len(t), float(t.max() - t.min()) if len(t) >= 2 else math.nan,
        path_length(pts), mean_speed(pts, t), path_sparc(pts, t),
        tremor(t[scored], signed[scored]) if scored.sum() > 2 else Tremor(math.nan, math.nan),
        float(distance[scored].mean()) if scored.any() else math.nan,
        float(distance[scored].max()) if scored.any() else math.nan,
        float(inside[scored].mean()) if scored.any() else math.nan,
        float(weights[inside].sum() / time_total) if time_total > 0 else (
            float(inside[scored].mean()) if scored.any() else math.nan),
        covered / total if math.isfinite(total) and total > 0 else math.nan, fit)
