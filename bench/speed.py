"""Start-up, simulation and suite speed, each as a ratio against a baseline run here."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import heading, row

ROOT = Path(__file__).resolve().parent.parent
DEFTLY = [sys.executable, "-m", "deftly"]


def wall_s(command: Sequence[str], runs: int = 1) -> float:
    """Median wall-clock seconds of `command` as a whole process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired(a: Sequence[str], b: Sequence[str], runs: int) -> tuple[float, float, float]:
    """Medians of A and B run in turn, and the median of the ratios A/B pair by pair."""
    a_s, b_s = [], []
    for _ in range(runs):
        a_s.append(wall_s(a))
        b_s.append(wall_s(b))
    ratios = [x / y for x, y in zip(a_s, b_s, strict=True)]
    return statistics.median(a_s), statistics.median(b_s), statistics.median(ratios)


def simulate(days: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        return wall_s([*DEFTLY, "sim", "--days", str(days), "--save", "--profile", "Bench",
                       "--data-dir", folder])


def main() -> None:
    heading("Start-up (whole process, 15 pairs)")
    version, bare, ratio = paired([*DEFTLY, "--version"], [sys.executable, "-c", "pass"], 15)
    row("deftly --version", f"{version * 1000:.0f} ms")
    row("python -c pass", f"{bare * 1000:.0f} ms")
    row("ratio (aim: at most 10)", f"{ratio:.1f}")

    heading("Simulated practice (deftly sim --days N --save)")
    week = simulate(7)
    year = simulate(365)
    row("a week", f"{week:.1f} s")
    row("a year", f"{year:.1f} s")
    row("year / week (52 if a day costs the same all year)", f"{year / week:.1f}")

    heading("Test suite (whole process)")
    collect = wall_s([sys.executable, "-m", "pytest", "-q", "--collect-only"])
    check = wall_s([sys.executable, "-m", "pytest", "-q", "-n", "auto", "--dist", "loadfile",
                    "-m", "not slow"])
    full = wall_s([sys.executable, "-m", "pytest", "-q", "-n", "auto", "--dist", "loadfile"])
    row("collecting only (baseline)", f"{collect:.1f} s")
    row("make check's tests", f"{check:.1f} s  ({check / collect:.0f}x collecting)")
    row("make test's tests", f"{full:.1f} s  ({full / collect:.0f}x collecting)")
