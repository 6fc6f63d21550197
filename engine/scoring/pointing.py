"""Pointing metrics for tap games: hit rate, times, endpoint error, ISO 9241-9 throughput.

Throughput follows MacKenzie's effective method (Throughput.java): per trial
a = |to - from|, b = |select - to|, c = |select - from|, dx = (c² - b² - a²) / 2a;
in serial tasks the previous trial's dx is added to this trial's amplitude;
Ae = mean(a + dx), We = 4.133 × SD(dx), IDe = log2(Ae / We + 1), TP = IDe / MT.
One throughput per sequence (one A-W condition); sequences are averaged, never pooled.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import ArrayLike

from engine.scoring.result import Metrics
from engine.scoring.stats import NAN, Spread, finite, mean, ratio, sample_sd

WE_FACTOR = 4.133
"""The effective width We = WE_FACTOR x SD(dx): the width holding 96 % of a normal
distribution of selections. Exactly it is sqrt(2 pi e) = 4.13273; ISO 9241-9 and
MacKenzie's Throughput.java use 4.133, and so does Deftly, so that its throughputs are
the published ones. The rounded constant makes We larger by 6.5e-5 relative, and TP
smaller by less than that (about 2e-5 to 3.5e-5 for an effective ID of 2 to 6 bits)."""
WE_FACTOR_EXACT = math.sqrt(2.0 * math.pi * math.e)


def hit_rate(hits: ArrayLike) -> float:
    """Share of trials that hit (NaN when there are none)."""
    data = np.asarray(hits, dtype=float).ravel()
    return float(data.mean()) if data.size else NAN


def selection_offsets(start: ArrayLike, target: ArrayLike, select: ArrayLike) -> np.ndarray:
    """dx per trial: the selection's offset along the task axis, positive past the target."""
    p1, p2, p = (np.asarray(v, dtype=float).reshape(-1, 2) for v in (start, target, select))
    n = min(len(p1), len(p2), len(p))
    p1, p2, p = p1[:n], p2[:n], p[:n]
    out = np.full(n, NAN)
    ok = np.isfinite(p1).all(axis=1) & np.isfinite(p2).all(axis=1) & np.isfinite(p).all(axis=1)
    p1, p2, p = p1[ok], p2[ok], p[ok]
    a = np.hypot(*(p2 - p1).T)
    b = np.hypot(*(p - p2).T)
    c = np.hypot(*(p - p1).T)
    dx = np.full(a.shape, NAN)
    valid = a > 0
    dx[valid] = (c[valid] ** 2 - b[valid] ** 2 - a[valid] ** 2) / (2 * a[valid])
    out[ok] = dx
    return out


@dataclass(frozen=True, slots=True)
class Throughput(Metrics):
    """Effective throughput of one sequence. Lengths are in the input's unit."""

    n: int
    ae_mm: float
    we_mm: float
    ide_bits: float
    mt_ms: float
    throughput_bits_per_s: float


def sequence_throughput(start: ArrayLike, target: ArrayLike, select: ArrayLike,
                        movement_ms: ArrayLike, serial: bool = True) -> Throughput:
    """ISO 9241-9 effective throughput for one sequence of trials."""
    p1 = np.asarray(start, dtype=float).reshape(-1, 2)
    p2 = np.asarray(target, dtype=float).reshape(-1, 2)
    p = np.asarray(select, dtype=float).reshape(-1, 2)
    mt = np.asarray(movement_ms, dtype=float).ravel()
    n = min(len(p1), len(p2), len(p), len(mt))
    p1, p2, p, mt = p1[:n], p2[:n], p[:n], mt[:n]
    dx = selection_offsets(p1, p2, p)
    amplitude = np.full(n, NAN)
    ok = np.isfinite(dx)
    amplitude[ok] = np.hypot(*(p2[ok] - p1[ok]).T) + dx[ok]
    if serial and n > 1:
        carried = np.where(np.isfinite(dx[:-1]), dx[:-1], 0.0)
        amplitude[1:] = amplitude[1:] + carried
    ae = mean(amplitude)
    we = WE_FACTOR * sample_sd(dx)
    valid = math.isfinite(ae) and math.isfinite(we) and we > 0 and ae / we > -1
    ide = math.log2(ae / we + 1) if valid else NAN
    mt_ms = mean(mt)
    return Throughput(int(ok.sum()), ae, we, ide, mt_ms, ratio(ide, mt_ms / 1000.0))


def mean_throughput(sequences: Sequence[Throughput]) -> float:
    """Mean of the sequences' throughputs (bits/s), ignoring sequences without one."""
    return mean([s.throughput_bits_per_s for s in sequences])


@dataclass(frozen=True, slots=True)
class Endpoints(Metrics):
    """How far touches landed from target centres."""

    n: int
    error_mean_mm: float
    error_sd_mm: float
    spread_mm: float
    bias_x_mm: float
    bias_y_mm: float


def endpoint_error(select: ArrayLike, target: ArrayLike) -> Endpoints:
    """Distance of each selection from its target centre, and the 2-D spread of the offsets.

    spread_mm is the root of the summed sample variances of the x and y offsets.
    """
    s = np.asarray(select, dtype=float).reshape(-1, 2)
    t = np.asarray(target, dtype=float).reshape(-1, 2)
    n = min(len(s), len(t))
    s, t = s[:n], t[:n]
    keep = np.isfinite(s).all(axis=1) & np.isfinite(t).all(axis=1)
    offsets = s[keep] - t[keep]
    distance = np.hypot(*offsets.T) if offsets.size else np.empty(0)
    spread = NAN
    if len(offsets) >= 2:
        spread = float(math.sqrt(offsets[:, 0].var(ddof=1) + offsets[:, 1].var(ddof=1)))
    return Endpoints(len(offsets), mean(distance), sample_sd(distance), spread,
                     mean(offsets[:, 0]) if len(offsets) else NAN,
                     mean(offsets[:, 1]) if len(offsets) else NAN)


@dataclass(frozen=True, slots=True)
class PointingSummary(Metrics):
    """The main numbers of a round of tapping at targets."""

    trials: int
    hit_rate: float
    reaction_ms: Spread
    movement_ms: Spread
    endpoints: Endpoints
    throughput_bits_per_s: float


def pointing_summary(hits: ArrayLike, reaction_ms: ArrayLike, movement_ms: ArrayLike,
                     select: ArrayLike, target: ArrayLike,
                     sequences: Sequence[Throughput] = ()) -> PointingSummary:
    """Summarise a round: robust reaction and movement times, endpoints, throughput."""
    return PointingSummary(int(np.asarray(hits).size), hit_rate(hits),
                           Spread.of(reaction_ms), Spread.of(movement_ms),
                           endpoint_error(select, target), mean_throughput(sequences))


def reaction_times(onsets_ms: ArrayLike, first_contact_ms: ArrayLike) -> np.ndarray:
    """Stimulus onset to first contact, per trial (NaN where there was no contact)."""
    onset = np.asarray(onsets_ms, dtype=float).ravel()
    contact = np.asarray(first_contact_ms, dtype=float).ravel()
    n = min(onset.size, contact.size)
    return cast(np.ndarray, contact[:n] - onset[:n])


__all__ = ["Endpoints", "PointingSummary", "Throughput", "endpoint_error", "finite",
           "hit_rate", "mean_throughput", "pointing_summary", "reaction_times",
           "selection_offsets", "sequence_throughput"]
