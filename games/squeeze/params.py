"""The squeeze game's level parameters."""

from __future__ import annotations

from engine.levels.schema import ParamSpec

TASKS = ("grip", "cycles", "pinch", "pair")
"""grip: all fingertips on the ball, squeeze to the mark, hold, let go on the cue;
cycles: as many full grip-and-release cycles as possible in `cycle_ms`; pinch: thumb and
index hold the ball at `target_mm`, steady, for `hold_ms`; pair: squeeze between two
named fingers, then let go on the cue."""
PAIRS = ("index-middle", "middle-ring", "ring-little")
ONE_FINGER = "one-finger"
"""The variant for a hand (or a screen) with one finger: it presses the ball's edge in."""


def _tasks(value: str) -> None:
    if not value or any(part not in TASKS for part in value.split("+")):
        raise ValueError(f"expected tasks from {', '.join(TASKS)} joined by '+'")


def _pairs(value: str) -> None:
    if not value or any(part not in PAIRS for part in value.split(",")):
        raise ValueError(f"expected pairs from {', '.join(PAIRS)} joined by ','")


PARAMS = {
    "tasks": ParamSpec(str, validate=_tasks),         # "grip", or "cycles+pinch": in turn
    "fingers": ParamSpec(int, 2, 5, default=5),       # grip and cycles: thumb first
    "trials": ParamSpec(int, 1, 40, default=6),
    "ball_mm": ParamSpec(float, 30, 160, default=90.0),
    "squeeze_percent": ParamSpec(float, 5, 80, default=30.0, harder="larger"),
    "hold_ms": ParamSpec(float, 0, 20000, default=1000.0, harder="larger"),
    "time_limit_ms": ParamSpec(float, 0, 60000, default=10000.0, harder="smaller"),
    "release_limit_ms": ParamSpec(float, 0, 10000, default=3000.0, harder="smaller"),
    "cycle_ms": ParamSpec(float, 3000, 60000, default=10000.0),
    "cycle_goal": ParamSpec(float, 1, 40, default=10.0, harder="larger"),
    "target_mm": ParamSpec(float, 10, 120, default=40.0),
    "band_mm": ParamSpec(float, 0.5, 20, default=5.0, harder="smaller"),
    "inside_needed": ParamSpec(float, 0.1, 1.0, default=0.8, harder="larger"),
    "pairs": ParamSpec(str, default=",".join(PAIRS), validate=_pairs),
    "pause_ms": ParamSpec(float, 0, 10000, default=1200.0),
}
