"""The Archimedean spiral: radius against unwrapped angle should be a straight line."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.path import as_points
from engine.scoring.result import Metrics

TWO_PI = 2.0 * math.pi
MIN_RADIUS_SHARE = 0.05  # samples this close to the centre carry no reliable angle


@dataclass(frozen=True, slots=True)
class SpiralFit(Metrics):
    """A straight-line fit of radius r = r0 + b * theta (lengths in mm)."""

    n: int
    rmse_mm: float
    spacing_mm_per_turn: float
    turns: float
    center_x_mm: float
    center_y_mm: float


def _fit(pts: np.ndarray, center: np.ndarray) -> tuple[float, float, float, int]:
    rel = pts - center
    radius = np.hypot(rel[:, 0], rel[:, 1])
    keep = radius > MIN_RADIUS_SHARE * max(radius.max(initial=0.0), 1e-9)
    radius, rel = radius[keep], rel[keep]
    if radius.size < 3:
        return math.nan, math.nan, math.nan, int(radius.size)
    theta = np.unwrap(np.arctan2(rel[:, 1], rel[:, 0]))
    if theta[-1] < theta[0]:
        theta = -theta  # drawn clockwise on screen: measure the angle the other way
    design = np.column_stack([theta, np.ones_like(theta)])
    (slope, intercept), *_ = np.linalg.lstsq(design, radius, rcond=None)
    residual = radius - (slope * theta + intercept)
    rmse = float(np.sqrt(np.mean(residual * residual)))
    return rmse, float(slope * TWO_PI), float((theta[-1] - theta[0]) / TWO_PI), int(radius.size)


def estimate_center(xy: ArrayLike, iterations: int = 40) -> np.ndarray:
    """The centre that makes the radius-angle curve straightest (pattern search from the
    centroid, on at most 1,000 evenly spaced samples)."""
    pts = as_points(xy)
    if len(pts) == 0:
        return np.array([math.nan, math.nan])
    sample = pts[:: max(1, len(pts) // 1000)]
    best = sample.mean(axis=0)
    best_err = _fit(sample, best)[0]
    step = max(float(np.ptp(sample, axis=0).max()) / 8.0, 1e-6)
    directions = np.array([[1, 0], [-1, 0], [0, 1], [0, -1]], dtype=float)
    for _ in range(iterations):
        improved = False
        for d in directions:
            trial = best + d * step
            err = _fit(sample, trial)[0]
            if math.isfinite(err) and (not math.isfinite(best_err) or err < best_err):
                best, best_err, improved = trial, err, True
        if not improved:
            step /= 2.0
    return cast(np.ndarray, best)


def spiral_fit(xy: ArrayLike, center: ArrayLike | None = None) -> SpiralFit:
    """Fit radius against unwrapped angle around `center` (estimated if not given)."""
    pts = as_points(xy)
    c = estimate_center(pts) if center is None else np.asarray(center, dtype=float).ravel()
    if len(pts) < 3 or not np.isfinite(c).all():
        return SpiralFit(len(pts), math.nan, math.nan, math.nan, float(c[0]), float(c[1]))
    rmse, spacing, turns, n = _fit(pts, c)
    return SpiralFit(n, rmse, spacing, turns, float(c[0]), float(c[1]))
