"""The turn game as the engine and the shell see it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from engine.spec import GameShot, GameSpec, Metric, Praise, Shows
from games.turn.model import TurnModel
from games.turn.params import PARAMS, fingers_needed
from games.turn.policy import TurnPolicy
from games.turn.skills import SKILLS

RESULTS, TRENDS, TRIALS = Shows.RESULTS, Shows.TRENDS, Shows.TRIALS
CIRCLES, SIDE, DIAL, WRING, PENCIL = ("circles",), ("side",), ("dial",), ("wring",), ("pencil",)
WAYS = ("cw", "ccw")


def seconds_per_turn(summary: Mapping[str, Any]) -> float | None:
    speed = summary.get("speed_deg_s")
    return 360.0 / speed if isinstance(speed, (int, float)) and speed > 0 else None


def _by_way(key: str, label: str, unit: str, higher: bool, group: str, decimals: int
            ) -> tuple[Metric, ...]:
    return tuple(Metric(f"{key}_{way}", f"turn.trend.{label}.{way}", unit, TRENDS, higher,
                        decimals=decimals, group=group) for way in WAYS)


METRICS = (
    # the results screen, in a patient's words
    Metric("inside_percent", "turn.results.on_ring", "%", RESULTS | Shows.PRAISE,
           kinds=CIRCLES, text="results.rate_value",
           praise=Praise("turn.praise.on_ring", "last", least=3.0)),
    Metric("seconds_per_turn", "turn.results.per_turn", "s", RESULTS, False, kinds=CIRCLES,
           text="results.seconds_value", derive=seconds_per_turn),
    Metric("side_cycles", "turn.results.side_cycles", "", RESULTS, kinds=SIDE,
           text="results.count_value"),
    Metric("amplitude_mm", "turn.results.how_far", "mm", RESULTS, kinds=SIDE,
           text="turn.results.mm_value"),
    Metric("time_to_target_ms", "turn.results.to_target", "s", RESULTS, False, 0.001,
           kinds=DIAL, text="results.seconds_value"),
    Metric("hold_rms_deg", "turn.results.held", "°", RESULTS, False, kinds=DIAL,
           text="turn.results.deg_value"),
    Metric("wring_cycles", "turn.results.wrings", "", RESULTS, kinds=WRING,
           text="results.count_value"),
    Metric("symmetry_ratio", "turn.results.alike", "%", RESULTS, scale=100.0, kinds=WRING,
           text="results.rate_value"),
    Metric("rolls", "turn.results.rolls", "", RESULTS | Shows.PRAISE, kinds=PENCIL,
           text="results.count_value", praise=Praise("turn.praise.rolls", "last", least=1.0)),
    Metric("drops", "turn.results.drops", "", RESULTS, False, kinds=PENCIL,
           text="results.count_value"),
    # the therapist's trends and report: each kind's main measure first
    Metric("radial_rms_mm", "turn.trend.radial", "mm", TRENDS, False, decimals=1),
    *_by_way("radial_rms_mm", "radial", "mm", False, "turn.trend.radial_by_way", 1),
    Metric("speed_deg_s", "turn.trend.speed", "°/s", TRENDS, decimals=0),
    *_by_way("speed_deg_s", "speed", "°/s", True, "turn.trend.speed_by_way", 0),
    Metric("sparc", "turn.trend.sparc", "", TRENDS, decimals=2),
    Metric("amplitude_mm", "turn.trend.amplitude", "mm", TRENDS, decimals=0),
    Metric("rhythm_cv_percent", "turn.trend.rhythm", "%", TRENDS, False),
    Metric("time_to_target_ms", "turn.trend.to_target", "s", TRENDS, False, 0.001,
           decimals=2),
    Metric("hold_rms_deg", "turn.trend.hold", "°", TRENDS, False, decimals=1),
    Metric("range_cw_deg", "turn.trend.range.cw", "°", TRENDS, decimals=0,
           group="turn.trend.range"),
    Metric("range_ccw_deg", "turn.trend.range.ccw", "°", TRENDS, decimals=0,
           group="turn.trend.range"),
    Metric("symmetry_ratio", "turn.trend.symmetry", "", TRENDS, decimals=2),
    Metric("cycles_per_min", "turn.trend.wring_rate", "/min", TRENDS, decimals=0),
    Metric("rolls_per_min", "turn.trend.roll_rate", "/min", TRENDS, decimals=0),
    Metric("drops", "turn.trend.drops", "", TRENDS, False, decimals=0),
    # the trial table
    Metric("turned_deg", "turn.trial.turned", "°", TRIALS, decimals=0),
    Metric("speed_deg_s", "turn.trial.speed", "°/s", TRIALS, decimals=0),
    Metric("radial_rms_mm", "turn.trial.radial", "mm", TRIALS, False),
    Metric("inside_percent", "turn.trial.inside", "%", TRIALS),
    Metric("reversals", "turn.trial.reversals", "", TRIALS, False, decimals=0),
    Metric("cycles", "turn.trial.cycles", "", TRIALS, decimals=0),
    Metric("amplitude_mm", "turn.trial.amplitude", "mm", TRIALS),
    Metric("time_to_target_ms", "turn.trial.to_target", "ms", TRIALS, False),
    Metric("overshoot_deg", "turn.trial.overshoot", "°", TRIALS, False),
    Metric("hold_rms_deg", "turn.trial.hold", "°", TRIALS, False),
    Metric("symmetry_ratio", "turn.trial.symmetry", "", TRIALS, decimals=2),
    Metric("rolls", "turn.trial.rolls", "", TRIALS, decimals=0),
    Metric("drops", "turn.trial.drops", "", TRIALS, False, decimals=0),
)

SPEC = GameSpec(
    id="turn",
    params=PARAMS,
    make_model=TurnModel,
    make_policy=TurnPolicy,
    view="games.turn.view:TurnView",
    metrics=METRICS,
    skills=SKILLS,
    level_fingers=fingers_needed,
    minutes_per_round=1.5,
    order=60,
    strings=Path(__file__).parent / "strings",
    shots=(GameShot("", "circles", 1, seed=2, partway=0.4),
           GameShot("dial", "dial", 1, seed=2, partway=0.3),
           GameShot("wring", "wring", 0, seed=2, partway=0.4),
           GameShot("pencil", "pencil", 0, seed=2, partway=0.3),
           GameShot("side", "side", 0, seed=2, partway=0.5),
           GameShot("results", "circles", results=True, days=2),
           GameShot("trends", "circles", trends=True)),
)
