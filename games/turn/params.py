"""The turn game's level parameters."""

from __future__ import annotations

from collections.abc import Mapping

from engine.levels.schema import ParamSpec, Value

TASKS = ("circles", "side", "dial", "wring", "pencil")
"""circles: roll the ball around the ring with one finger (the thumb), `turns` times, each
way in turn; side: roll it from one mark to the other and back, `cycles` times; dial: two
fingers turn a dial to a target angle and hold it there; wring: two contacts on the towel
turn about its centre in opposite directions, back and forth; pencil: two fingers on
either side of a pencil slide opposite ways and roll it."""
TWO_CONTACTS = frozenset({"dial", "wring", "pencil"})
DIRECTIONS = ("both", "cw", "ccw")
AXES = ("across", "up-down")


def _tasks(value: str) -> None:
    if not value or any(part not in TASKS for part in value.split("+")):
        raise ValueError(f"expected tasks from {', '.join(TASKS)} joined by '+'")


def _angles(value: str) -> None:
    try:
        angles = [float(part) for part in value.split(",")]
    except ValueError:
        raise ValueError("expected angles in degrees joined by ','") from None
    if not angles or any(not 10.0 <= a <= 720.0 for a in angles):
        raise ValueError("expected angles from 10 to 720 degrees joined by ','")


def fingers_needed(params: Mapping[str, Value]) -> int:
    """Contacts at once a level needs: two for a dial, a towel or a pencil."""
    return 2 if TWO_CONTACTS & set(str(params["tasks"]).split("+")) else 1


PARAMS = {
    "tasks": ParamSpec(str, validate=_tasks),       # "circles", or "circles+dial": in turn
    "trials": ParamSpec(int, 1, 40, default=4),
    "direction": ParamSpec(str, choices=DIRECTIONS, default="both"),  # both: each in turn
    "time_limit_ms": ParamSpec(float, 0, 120000, default=30000.0, harder="smaller"),
    "pause_ms": ParamSpec(float, 0, 10000, default=1200.0),
    # circles
    "ring_mm": ParamSpec(float, 15, 60, default=32.0),            # the ring's radius
    "band_mm": ParamSpec(float, 0.5, 25, default=10.0, harder="smaller"),  # half its width
    "turns": ParamSpec(float, 0.5, 10, default=2.0, harder="larger"),
    "turn_ms": ParamSpec(float, 0, 30000, default=0.0, harder="smaller"),  # per turn; 0: none
    "inside_needed": ParamSpec(float, 0, 1.0, default=0.6, harder="larger"),
    # side to side
    "axis": ParamSpec(str, choices=AXES, default="across"),
    "span_mm": ParamSpec(float, 10, 160, default=40.0, harder="larger"),
    "cycles": ParamSpec(int, 1, 40, default=5, harder="larger"),
    "mark_mm": ParamSpec(float, 1, 20, default=5.0, harder="smaller"),
    # the dial
    "dial_mm": ParamSpec(float, 20, 70, default=36.0),            # its radius
    "angles": ParamSpec(str, default="45,90", validate=_angles),
    "tolerance_deg": ParamSpec(float, 1, 45, default=15.0, harder="smaller"),
    "hold_ms": ParamSpec(float, 0, 10000, default=1500.0, harder="larger"),
    # wringing
    "amplitude_deg": ParamSpec(float, 5, 120, default=20.0, harder="larger"),
    # the pencil
    "pencil_mm": ParamSpec(float, 10, 50, default=32.0),          # across, seen end on
    "rolls": ParamSpec(int, 1, 60, default=6, harder="larger"),
    "roll_deg": ParamSpec(float, 20, 360, default=90.0, harder="larger"),
}
