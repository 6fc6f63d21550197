"""Where the holes, the tray and the pegs are. Pure geometry in mm.

The hole grid sits on the side of the board away from the hand's tray side: the tray
is on the side of the playing hand (right for the right hand, mirrored for the left).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from engine.display import RectMM

MARGIN_MM = 6.0
TEXT_BAND_MM = 12.0     # room at the top for the instruction
HOLE_PERIOD_MS = 7000.0


@dataclass
class Peg:
    index: int
    x_mm: float
    y_mm: float
    angle_deg: float = 0.0
    hole: int | None = None            # the hole it sits in, or None (in the tray)
    home_x_mm: float = 0.0
    home_y_mm: float = 0.0


@dataclass(frozen=True)
class Layout:
    """Fixed for a round: where the holes and the tray are, and the pegs' size."""

    holes: tuple[tuple[float, float], ...]
    tray: RectMM
    grid: RectMM
    peg_mm: float

    def hole_at(self, index: int, t_ms: float, motion_mm: float = 0.0) -> tuple[float, float]:
        """A hole's centre at time t (holes that move drift slowly left and right)."""
        x, y = self.holes[index]
        if motion_mm <= 0:
            return (x, y)
        phase = 2 * math.pi * t_ms / HOLE_PERIOD_MS + index * 0.7
        return (x + motion_mm * math.sin(phase), y)


def make_layout(board: tuple[float, float], count: int, peg_mm: float, motion_mm: float,
                mirrored: bool) -> Layout:
    """A grid of `count` holes (3 per row) and a tray beside it, within the board.

    Spacing follows the pegs' size (and how far holes drift), not the tolerance: a
    generous tolerance shows as a halo around a snug hole."""
    w, h = board
    top = TEXT_BAND_MM
    spacing = max(peg_mm * 1.9, 18.0) + 2 * motion_mm
    cols = min(3, count)
    rows = math.ceil(count / cols)
    grid_w = min(cols * spacing, w * 0.55 - MARGIN_MM)
    grid_h = min(rows * spacing, h - top - MARGIN_MM)
    spacing = min(grid_w / cols, grid_h / rows)
    grid_w, grid_h = cols * spacing, rows * spacing
    grid = RectMM(MARGIN_MM + (w * 0.55 - MARGIN_MM - grid_w) / 2,
                  top + (h - top - MARGIN_MM - grid_h) / 2, grid_w, grid_h)
    tray = RectMM(w * 0.6, top, w * 0.4 - MARGIN_MM, h - top - MARGIN_MM)
    holes = []
    for i in range(count):
        r, c = divmod(i, cols)
        holes.append((grid.x + (c + 0.5) * spacing, grid.y + (r + 0.5) * spacing))
    if mirrored:
        holes = [(w - x, y) for x, y in holes]
        grid = grid.mirrored(w)
        tray = tray.mirrored(w)
    return Layout(tuple(holes), tray, grid, peg_mm)


def tray_spots(layout: Layout, count: int, rng: random.Random) -> list[tuple[float, float]]:
    """Places for pegs in the tray, not overlapping, a little untidy like a real tray."""
    tray = layout.tray.inset(layout.peg_mm * 0.7)
    cols = max(1, int(tray.w // (layout.peg_mm * 1.5)))
    rows = max(1, math.ceil(count / cols))
    cell_w, cell_h = tray.w / cols, tray.h / max(rows, 1)
    spots = []
    for i in range(count):
        r, c = divmod(i, cols)
        jitter = min(cell_w, cell_h) * 0.15
        spots.append((tray.x + (c + 0.5) * cell_w + rng.uniform(-jitter, jitter),
                      tray.y + (r + 0.5) * cell_h + rng.uniform(-jitter, jitter)))
    return spots
