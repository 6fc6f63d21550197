"""The pinch game's level parameters."""

from engine.levels.schema import ParamSpec

PARAMS = {
    # pegs: the 9-hole peg board; size: spread or pinch a shape to match an outline
    "layout": ParamSpec(str, choices=("pegs", "size")),
    "pegs": ParamSpec(int, 1, 9, default=5),
    "peg_mm": ParamSpec(float, 6, 40, default=16.0, harder="smaller"),
    "tolerance_mm": ParamSpec(float, 0.5, 20, default=6.0, harder="smaller"),
    "grab_slop_mm": ParamSpec(float, 0, 20, default=8.0, harder="smaller"),
    "keyed": ParamSpec(bool, default=False),
    "turn_tolerance_deg": ParamSpec(float, 3, 90, default=25.0, harder="smaller"),
    "hole_motion_mm": ParamSpec(float, 0, 30, default=0.0, harder="larger"),
    "peg_time_ms": ParamSpec(float, 0, 120000, default=0.0, harder="smaller"),
    "trials": ParamSpec(int, 1, 40, default=8),            # pinch-to-size: shapes per round
    "size_tolerance_mm": ParamSpec(float, 0.5, 20, default=4.0, harder="smaller"),
    "hold_ms": ParamSpec(float, 100, 5000, default=700.0, harder="larger"),
    "time_limit_ms": ParamSpec(float, 0, 120000, default=20000.0, harder="smaller"),
}

ONE_FINGER = "one-finger"
"""The variant for a hand that cannot pinch yet: one finger drags the peg or the handle."""
