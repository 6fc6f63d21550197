"""The trace game's level parameters."""

from engine.levels.schema import ParamSpec
from games.trace.shapes import check_shape_list

PARAMS = {
    "shapes": ParamSpec(str, validate=check_shape_list),     # comma-separated shape ids
    "trials": ParamSpec(int, 1, 40, default=6),
    "size_mm": ParamSpec(float, 20, 160, default=60.0, harder="larger"),
    "corridor_mm": ParamSpec(float, 1.5, 40, default=12.0, harder="smaller"),
    "pace_mm_s": ParamSpec(float, 0, 120, default=0.0, harder="larger"),   # 0: no guide dot
    "inside_needed": ParamSpec(float, 0.3, 1.0, default=0.8),
    "completion_needed": ParamSpec(float, 0.3, 1.0, default=0.9),
    "time_limit_ms": ParamSpec(float, 0, 120000, default=0.0, harder="smaller"),
    "pause_ms": ParamSpec(float, 0, 5000, default=1200.0),
}
