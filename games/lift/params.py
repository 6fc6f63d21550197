"""The lift game's level parameters."""

from engine.levels.schema import ParamSpec

TASKS = ("lift", "hold", "order", "pair")
"""lift: one lit pad, lift that finger and put it back; hold: lift it and keep it up for
`hold_ms`; order: the pads light one after another, thumb to little finger and back;
pair: two pads light at once, lift both."""

PARAMS = {
    "task": ParamSpec(str, choices=TASKS),
    "pads": ParamSpec(int, 2, 5, default=5),              # 5: thumb to little; 4: no thumb
    "trials": ParamSpec(int, 1, 40, default=10),
    "time_limit_ms": ParamSpec(float, 0, 20000, default=4000.0, harder="smaller"),
    "cue_gap_ms": ParamSpec(float, 200, 10000, default=1500.0, harder="smaller"),
    "hold_ms": ParamSpec(float, 0, 10000, default=0.0, harder="larger"),
    "return_limit_ms": ParamSpec(float, 500, 30000, default=6000.0),
    "alone_needed": ParamSpec(bool, default=False),        # success needs the others still
    "slide_allowed_mm": ParamSpec(float, 0.5, 40, default=10.0, harder="smaller"),
    "reference_slide_mm": ParamSpec(float, 1, 40, default=10.0),
    # a plausible hand, in mm (engine.input.placement.HandLimits)
    "min_spacing_mm": ParamSpec(float, 3, 40, default=8.0),
    "max_spacing_mm": ParamSpec(float, 10, 80, default=45.0),
    "max_span_mm": ParamSpec(float, 40, 300, default=200.0),
    "max_off_arc_mm": ParamSpec(float, 0.5, 30, default=6.0),
    "hand_moved_mm": ParamSpec(float, 3, 60, default=15.0),
}
