"""The turn game's numbers, from the samples of a trial. Pure functions of arrays.

Every signal is resampled linearly at `RATE_HZ` (touch panels report irregularly); a trial
the finger left and came back to is a list of pieces, each resampled on its own.

- circles: `turned_deg` (unwrapped, in the asked direction), angular speed (`speed_deg_s`:
  the mean of the resampled angular velocity in the asked direction; `speed_cv_percent`:
  its sample SD over that mean), `radial_rms_mm` (the RMS distance of the samples from the
  ring), `inside_percent` (the share of resampled time within the band), `sparc` (SPARC of
  the angular speed, `engine.scoring.smoothness`) and `reversals` (turns back of at least
  `REVERSAL_DEG`);
- side to side: `amplitude_mm` (the mean travel between turning points, the first leg from
  rest left out) and `rhythm_cv_percent` (the CV of the times between turning points);
- wringing: per cycle, each contact's amplitude, peak to peak (the mean of its two legs'
  turns; the leg from rest is left out).

Only legs that ended in a turn back are measured: the last, cut short when the goal is
reached or the time is up, is counted but not measured.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engine.scoring.path import resample, weighted_by_duration
from engine.scoring.result import Metrics
from engine.scoring.smoothness import sparc
from engine.scoring.stats import NAN, Spread, mean, ratio
from games.turn.angles import Swing, Turnarounds

RATE_HZ = 100.0
REVERSAL_DEG = 15.0
"""A circle that turns back this far changed direction (a smaller shake did not)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """Samples of one stretch of contact: times (ms), unwrapped angles (deg), positions."""

    t_ms: np.ndarray
    angle_deg: np.ndarray
    xy: np.ndarray

    @classmethod
    def of(cls, rows: Sequence[tuple[float, float, float, float]]) -> Piece:
        """From rows of (t_ms, angle_deg, x_mm, y_mm)."""
        data = np.asarray(rows, dtype=float).reshape(-1, 4)
        return cls(data[:, 0], data[:, 1], data[:, 2:4])


def angular_velocity(t_ms: np.ndarray, angle_deg: np.ndarray, rate_hz: float = RATE_HZ
                     ) -> np.ndarray:
    """The angular velocity (deg/s) resampled at `rate_hz`; empty below three samples."""
    angle = resample(t_ms, angle_deg, rate_hz)
    if angle.size < 3:
        return np.empty(0)
    return np.asarray(np.gradient(angle, 1.0 / rate_hz))


def roll_smoothness(pieces: Sequence[Piece]) -> float:
    """SPARC of the angular speed, piece by piece, weighted by each piece's duration."""
    usable = [p for p in pieces if p.t_ms.size >= 3]
    if not usable:
        return NAN
    t = np.concatenate([p.t_ms for p in usable])
    bounds = np.cumsum([0] + [p.t_ms.size for p in usable])
    parts = [slice(int(a), int(b)) for a, b in itertools.pairwise(bounds)]
    values = [sparc(np.abs(angular_velocity(p.t_ms, p.angle_deg)), RATE_HZ) for p in usable]
    return weighted_by_duration(t, parts, values)


@dataclass(frozen=True, slots=True)
class Circles(Metrics):
    turned_deg: float
    speed_deg_s: float
    speed_cv_percent: float
    radial_rms_mm: float
    inside_percent: float
    sparc: float
    reversals: int


def circles(pieces: Sequence[Piece], centre: tuple[float, float], radius_mm: float,
            band_mm: float, sign: int) -> Circles:
    """The circles a finger rolled around `centre` on a ring of `radius_mm`, asked to turn
    clockwise (`sign` +1) or counter-clockwise (-1)."""
    pieces = [p for p in pieces if p.t_ms.size]
    if not pieces:
        return Circles(NAN, NAN, NAN, NAN, NAN, NAN, 0)
    turned = sum(float(p.angle_deg[-1] - p.angle_deg[0]) for p in pieces) * sign
    velocity = np.concatenate([angular_velocity(p.t_ms, p.angle_deg) for p in pieces]) * sign
    speed = Spread.of(velocity)
    xy = np.concatenate([p.xy for p in pieces])
    radial = np.hypot(xy[:, 0] - centre[0], xy[:, 1] - centre[1]) - radius_mm
    inside = [resample(p.t_ms, np.abs(np.hypot(p.xy[:, 0] - centre[0], p.xy[:, 1] - centre[1])
                                      - radius_mm) <= band_mm, RATE_HZ) for p in pieces]
    shares = np.concatenate(inside) if inside else np.empty(0)
    turns = 0
    for p in pieces:
        finder = Turnarounds(REVERSAL_DEG)
        for t, a in zip(p.t_ms.tolist(), p.angle_deg.tolist(), strict=True):
            finder.feed(t, a)
        turns += finder.turns
    return Circles(turned, speed.mean, speed.cv_percent if velocity.size >= 2 else NAN,
                   float(np.sqrt(np.mean(radial ** 2))),
                   100.0 * float(np.mean(shares >= 0.5)) if shares.size else NAN,
                   roll_smoothness(pieces), turns)


@dataclass(frozen=True, slots=True)
class Rhythm(Metrics):
    amplitude_mm: float
    rhythm_cv_percent: float
    half_cycle_ms: float


def rhythm(legs: Sequence[Swing]) -> Rhythm:
    """Side to side: travel and regularity of the legs between turning points (the first
    leg, from rest, is left out)."""
    between = list(legs[1:])
    if not between:
        return Rhythm(NAN, NAN, NAN)
    times = Spread.of([leg.t1_ms - leg.t0_ms for leg in between])
    return Rhythm(mean([leg.size for leg in between]),
                  times.cv_percent if len(between) >= 2 else NAN, times.mean)


@dataclass(frozen=True, slots=True)
class Wringing(Metrics):
    amplitude_left_deg: float
    amplitude_right_deg: float
    symmetry_ratio: float


def cycle_amplitudes(legs: Sequence[Swing]) -> list[tuple[float, float]]:
    """Each whole cycle's (first, second) contact amplitude: the mean of the two legs'
    turns; `start_tag` and `end_tag` of a leg are the two contacts' angles."""
    def turned(leg: Swing, contact: int) -> float:
        return abs(leg.end_tag[contact] - leg.start_tag[contact])

    return [((turned(a, 0) + turned(b, 0)) / 2, (turned(a, 1) + turned(b, 1)) / 2)
            for a, b in zip(legs[0::2], legs[1::2], strict=False)]


def wringing(legs: Sequence[Swing]) -> Wringing:
    cycles = cycle_amplitudes(legs)
    if not cycles:
        return Wringing(NAN, NAN, NAN)
    first, second = mean([c[0] for c in cycles]), mean([c[1] for c in cycles])
    return Wringing(first, second, ratio(min(first, second), max(first, second)))


def per_minute(count: float, ms: float) -> float:
    return ratio(count * 60_000.0, ms) if ms > 0 else NAN


def rms_about_mean(values: Sequence[float]) -> float:
    """How far values wander about their own mean (RMS); NaN with none."""
    data = np.asarray(values, dtype=float)
    return float(np.sqrt(np.mean((data - data.mean()) ** 2))) if data.size else math.nan
