"""Shared helpers for benchmarks."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence

import numpy as np

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def heading(title: str) -> None:
    print(f"\n== {title}")


def row(label: str, value: str) -> None:
    print(f"  {label:<58} {value}")


def percentiles(samples_ms: Sequence[float]) -> str:
    data = np.asarray(samples_ms, dtype=float)
    if data.size == 0:
        return "no samples"
    p50, p99 = np.percentile(data, [50, 99])
    return f"p50 {p50:.3f} ms  p99 {p99:.3f} ms  (n={data.size})"


def time_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    """Best of `repeat` wall-clock runs, in ms."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best
