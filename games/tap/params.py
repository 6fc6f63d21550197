"""The tap game's level parameters."""

from engine.levels.schema import ParamSpec

LAYOUTS = ("ring", "random", "sequence", "rhythm")

PARAMS = {
    # ring: ISO 9241-9 circle; random: anywhere; sequence: repeat lit pads in order;
    # rhythm: tap two pads in turn
    "layout": ParamSpec(str, choices=LAYOUTS),
    "trials": ParamSpec(int, 1, 100, default=20),
    "width_mm": ParamSpec(float, 3, 80, default=20.0, harder="smaller"),
    "distance_mm": ParamSpec(float, 10, 200, default=60.0, harder="larger"),
    "ring_targets": ParamSpec(int, 5, 25, default=9),
    "time_limit_ms": ParamSpec(float, 0, 20000, default=0.0, harder="smaller"),
    "pause_ms": ParamSpec(float, 0, 5000, default=0.0),
    "pads": ParamSpec(int, 2, 7, default=5),
    "sequence_length": ParamSpec(float, 2, 7, default=3.0, harder="larger"),
    "show_ms": ParamSpec(float, 150, 3000, default=700.0, harder="smaller"),
    "duration_ms": ParamSpec(float, 3000, 60000, default=10000.0),
}
