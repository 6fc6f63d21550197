"""Where the fingertips of a hand laid flat usually are: the simulated hand lays them
there, and the board shows them as a ghost hand while it waits for the real one."""

from __future__ import annotations

import math

from engine.input.placement import Finger

RIGHT_HAND: dict[Finger, tuple[float, float]] = {
    "thumb": (-72.0, 50.0), "index": (-26.0, 8.0), "middle": (0.0, 0.0),
    "ring": (23.0, 7.0), "little": (44.0, 26.0)}
"""A right hand's fingertips laid flat, in mm from the middle fingertip (y down)."""


def fingertips(fingers: tuple[Finger, ...], side: str, board_w_mm: float,
               board_h_mm: float, scale: float = 1.0, turn_rad: float = 0.0
               ) -> dict[Finger, tuple[float, float]]:
    """The fingertips of a hand of `scale` turned by `turn_rad`, in the board's middle (a
    left hand is the mirror image)."""
    sign = -1.0 if side == "left" else 1.0
    cx, cy = board_w_mm / 2 + sign * 14.0, max(10.0, board_h_mm / 2 - 20.0)
    c, s = math.cos(turn_rad), math.sin(turn_rad)
    out = {}
    for finger in fingers:
        x, y = RIGHT_HAND[finger]
        x, y = sign * x * scale, y * scale
        out[finger] = (cx + x * c - y * s, cy + x * s + y * c)
    return out
