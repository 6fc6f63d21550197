"""The hold game's level parameters."""

from engine.levels.schema import ParamSpec

PARAMS = {
    "trials": ParamSpec(int, 1, 40, default=6),
    "size_mm": ParamSpec(float, 8, 80, default=30.0, harder="smaller"),
    "hold_ms": ParamSpec(float, 200, 5000, default=800.0, harder="larger"),
    "limit_ms": ParamSpec(float, 1000, 20000, default=6000.0),
    "pause_ms": ParamSpec(float, 0, 5000, default=700.0),
}
