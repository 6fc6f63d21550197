"""Scoring speed: all path, spiral and tremor metrics of one trace, its costly parts, and
the live measures per sample, each beside a plain numpy baseline of the same
computation (the ratio shows on any machine)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np

from bench.common import heading, row, time_ms
from engine.scoring.geometry import Polyline, project
from engine.scoring.live import LiveAperture, LivePath, LiveRing, RunningSpeed
from engine.scoring.path import speed_profile
from engine.scoring.smoothness import PAD_LEVEL, sparc
from engine.scoring.trace import score_trace

CORRIDOR_MM = 6.0
RING = ((100.0, 100.0), 20.0, 4.0)   # centre, radius and band width, mm
SPEED_WINDOW_MS = 250.0


def spiral_trace(samples: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, Polyline]:
    """A 3-turn, 10 mm-spacing spiral traced at 125 Hz with a 6 Hz, 0.8 mm tremor."""
    rng = np.random.default_rng(seed)
    theta = np.linspace(0, 6 * np.pi, 600)
    reference = np.column_stack([np.cos(theta), np.sin(theta)]) * (theta * 10 / (2 * np.pi)
                                                                   )[:, None] + 100
    s = np.linspace(0, 6 * np.pi, samples)
    r = s * 10 / (2 * np.pi)
    t = np.arange(samples) * 8.0
    xy = np.column_stack([r * np.cos(s), r * np.sin(s)]) + 100
    xy += rng.normal(0, 0.15, xy.shape) + 0.8 * np.sin(2 * np.pi * 6 * t / 1000)[:, None]
    return t, xy, Polyline.of(reference)


def brute_distance(xy: np.ndarray, line: Polyline) -> np.ndarray:
    """Baseline: the distance from every sample to every segment, the least kept."""
    rel = xy[:, None, :] - line.seg_start[None]
    t = np.clip((rel * line.seg_vec).sum(-1) / np.maximum(line.seg_len ** 2, 1e-12), 0, 1)
    gap = rel - t[..., None] * line.seg_vec
    return np.asarray(np.sqrt((gap * gap).sum(-1)).min(axis=1))


def brute_project(xy: np.ndarray, line: Polyline, block: int = 500) -> np.ndarray:
    return np.concatenate([brute_distance(xy[i:i + block], line)
                           for i in range(0, len(xy), block)])


def plain_sparc(speed: np.ndarray, rate_hz: float) -> float:
    """Baseline: SPARC straight from its definition, on the whole padded spectrum."""
    nfft = 2 ** (math.ceil(math.log2(speed.size)) + PAD_LEVEL)
    magnitude = np.abs(np.fft.rfft(speed, nfft))
    magnitude /= magnitude.max()
    freq = np.arange(magnitude.size) * rate_hz / nfft
    band = np.flatnonzero((freq <= 10.0) & (magnitude >= 0.05))
    freq, magnitude = freq[band[0]:band[-1] + 1], magnitude[band[0]:band[-1] + 1]
    return -float(np.hypot(np.diff(freq) / (freq[-1] - freq[0]), np.diff(magnitude)).sum())


def compared(label: str, ours: float, baseline: float, unit: str) -> None:
    row(label, f"{ours:8.2f} {unit}   numpy {baseline:8.2f} {unit}   x{baseline / ours:5.1f}")


def per_sample_us(add: Callable[[int], object], samples: range) -> float:
    """Mean wall-clock time of `add(k)` over `samples`, in microseconds."""
    start = time.perf_counter()
    for k in samples:
        add(k)
    return (time.perf_counter() - start) / len(samples) * 1e6


def batch_rows() -> None:
    for samples in (10_000, 2_500):
        t, xy, line = spiral_trace(samples)
        score_trace(t, xy, reference=line, corridor_mm=CORRIDOR_MM, spiral_center=(100, 100))
        ms = time_ms(lambda t=t, xy=xy, line=line: score_trace(
            t, xy, reference=line, corridor_mm=CORRIDOR_MM, spiral_center=(100, 100)),
            repeat=7)
        row(f"{samples:,}-sample spiral trace, all metrics (aim < 5 ms at 10,000)",
            f"{ms:.1f} ms")
        fresh = time_ms(lambda t=t, xy=xy, line=line: score_trace(
            t, xy, reference=Polyline.of(line.points), corridor_mm=CORRIDOR_MM,
            spiral_center=(100, 100)), repeat=3)
        row("  same, reference grid not yet built", f"{fresh:.1f} ms")
    t, xy, line = spiral_trace(10_000)
    compared("  of which: nearest points, 10,000 samples, 600 segments",
             time_ms(lambda: project(xy, line), repeat=7),
             time_ms(lambda: brute_project(xy, line), repeat=2), "ms")
    speed, rate = speed_profile(xy, t)
    compared("  of which: SPARC of its 100 Hz speed profile",
             time_ms(lambda: sparc(speed, rate), repeat=7),
             time_ms(lambda: plain_sparc(speed, rate), repeat=7), "ms")


def live_rows() -> None:
    heading("Live scoring, one sample (aim < 50 us; numpy: the same result recomputed)")
    t, xy, line = spiral_trace(10_000)
    every = range(len(t))
    some = range(0, len(t), 20)
    path = LivePath(line, CORRIDOR_MM)
    compared("distance from a 600-segment path, time in corridor",
             per_sample_us(lambda k: path.add(t[k], *xy[k]), every),
             per_sample_us(lambda k: brute_distance(xy[k:k + 1], line), some), "us")
    centre, radius, band = RING
    ring = LiveRing(centre, radius, band)
    compared("distance from a ring, time in band (numpy: on the prefix)",
             per_sample_us(lambda k: ring.add(t[k], *xy[k]), every),
             per_sample_us(lambda k: _ring_prefix(t[:k + 1], xy[:k + 1]), some), "us")
    other = xy[::-1] + 30.0
    aperture = LiveAperture()
    compared("aperture, its mean and SD (numpy: on the prefix)",
             per_sample_us(lambda k: aperture.add(*xy[k], *other[k]), every),
             per_sample_us(lambda k: _aperture_prefix(xy[:k + 1], other[:k + 1]), some),
             "us")
    running = RunningSpeed(SPEED_WINDOW_MS)
    compared(f"speed over the last {SPEED_WINDOW_MS:.0f} ms (numpy: on the window)",
             per_sample_us(lambda k: running.add(t[k], *xy[k]), every),
             per_sample_us(lambda k: _speed_window(t[:k + 1], xy[:k + 1]), some), "us")


def _ring_prefix(t: np.ndarray, xy: np.ndarray) -> float:
    centre, radius, band = RING
    distance = np.abs(np.hypot(xy[:, 0] - centre[0], xy[:, 1] - centre[1]) - radius)
    weights = np.clip(np.diff(t, append=t[-1]), 0.0, None)
    return float((weights * (distance <= band / 2)).sum() / max(weights.sum(), 1e-12))


def _aperture_prefix(a: np.ndarray, b: np.ndarray) -> float:
    size = np.hypot(*(b - a).T)
    return float(size.std(ddof=1) / size.mean()) if len(size) > 1 else math.nan


def _speed_window(t: np.ndarray, xy: np.ndarray) -> float:
    first = int(np.searchsorted(t, t[-1] - SPEED_WINDOW_MS))
    length = np.hypot(*np.diff(xy[first:], axis=0).T).sum()
    elapsed = t[-1] - t[first]
    return float(length / elapsed * 1000.0) if elapsed > 0 else math.nan


def main() -> None:
    heading("Scoring (path + spiral + tremor + SPARC, one trace)")
    batch_rows()
    live_rows()


if __name__ == "__main__":
    main()
