"""Summaries that never warn: empty input gives NaN, one value gives NaN spread."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.result import Metrics

NAN = math.nan


def finite(values: ArrayLike) -> np.ndarray:
    """The finite values of `values` as a 1-D float array."""
    data = np.asarray(values, dtype=float).ravel()
    return cast(np.ndarray, data[np.isfinite(data)])


def mean(values: ArrayLike) -> float:
    data = finite(values)
    return float(data.mean()) if data.size else NAN


def median(values: ArrayLike) -> float:
    data = finite(values)
    return float(np.median(data)) if data.size else NAN


def sample_sd(values: ArrayLike) -> float:
    """Standard deviation with n - 1 in the denominator; NaN below two values."""
    data = finite(values)
    return float(data.std(ddof=1)) if data.size >= 2 else NAN


def iqr(values: ArrayLike) -> float:
    data = finite(values)
    if not data.size:
        return NAN
    q1, q3 = np.percentile(data, [25, 75])
    return float(q3 - q1)


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, NaN when the denominator is zero or not finite."""
    numerator, denominator = float(numerator), float(denominator)
    if not (math.isfinite(numerator) and math.isfinite(denominator)) or denominator == 0:
        return NAN
    try:
        value = numerator / denominator
    except (OverflowError, ZeroDivisionError):
        return NAN
    return value if math.isfinite(value) else NAN


@dataclass(frozen=True, slots=True)
class Spread(Metrics):
    """A robust summary of one quantity (the unit is in the name it is stored under)."""

    n: int
    mean: float
    median: float
    iqr: float
    sd: float
    cv_percent: float

    @classmethod
    def of(cls, values: ArrayLike) -> Spread:
        data = finite(values)
        m = mean(data)
        sd = sample_sd(data)
        return cls(int(data.size), m, median(data), iqr(data), sd, 100.0 * ratio(sd, m))
