"""Opening the therapist area on a year of play and drawing its trends (aim: < 200 ms).

The year is made once with `deftly sim --days 365 --save` (about 6 minutes here) and
kept in bench/.cache/ for later runs; delete that folder to make it again.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pygame

from bench.common import heading, percentiles, row
from deftly.context import Shell
from deftly.launch import headless_app
from deftly.report import write_report
from deftly.scenes.therapist.area import TherapistArea
from engine import __version__
from engine.store.store import Store

CACHE = Path(__file__).parent / ".cache" / f"year365-{__version__}"
PLAYER = "Year"
SIZE = (1280, 800)


def year_folder() -> Path:
    if not (CACHE / "db").is_dir():
        print(f"  (filling a year of simulated play into {CACHE}; this takes minutes, once)",
              flush=True)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "deftly", "sim", "--days", "365", "--save",
                        "--profile", PLAYER, "--seed", "1", "--data-dir", str(CACHE)],
                       check=True, stdout=subprocess.DEVNULL)
    return CACHE


def open_and_draw(folder: Path, tab: str = "trends", span: str = "3m"
                  ) -> tuple[float, float, int]:
    """ms to open the store, ms to open the area and draw its first frame, rounds read."""
    start = time.perf_counter()
    store = Store.open(folder)
    opened = time.perf_counter()
    try:
        app = headless_app(SIZE)
        shell = Shell(store, "bench")
        profile = store.find_profile(PLAYER)
        assert profile is not None
        area = TherapistArea(shell, profile, tab)
        area.tabs["trends"].range = span
        app.scenes.push(area)
        app.render()
        drawn = time.perf_counter()
        return (opened - start) * 1000, (drawn - opened) * 1000, len(area.sessions)
    finally:
        store.close()


def main() -> None:
    heading("therapist area on a year of simulated play (1280x800)")
    folder = year_folder()
    pygame.font.init()
    open_and_draw(folder)   # warm the font and text caches as a running app would have
    store_ms, area_ms, rounds = [], [], 0
    for _ in range(7):
        a, b, rounds = open_and_draw(folder)
        store_ms.append(a)
        area_ms.append(b)
    row(f"open the data folder ({rounds} rounds stored)", percentiles(store_ms))
    row("open the area + trends drawn (aim < 200 ms)", percentiles(area_ms))
    times = [open_and_draw(folder, span="all")[1] for _ in range(5)]
    row("the same, the whole year on the charts", percentiles(times))
    for tab in ("days", "levels", "rounds", "programme"):
        times = [open_and_draw(folder, tab)[1] for _ in range(3)]
        row(f"open the area on {tab}", percentiles(times))
    store = Store.open(folder)
    try:
        profile = store.find_profile(PLAYER)
        assert profile is not None
        out = folder.parent / "report.pdf"
        start = time.perf_counter()
        write_report(store, profile, out)
        row("report PDF for the whole year (matplotlib)",
            f"{(time.perf_counter() - start) * 1000:.0f} ms, {out.stat().st_size // 1024} kB")
    finally:
        store.close()
