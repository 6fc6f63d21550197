"""The pinch game as the engine and the shell see it."""

from __future__ import annotations

from pathlib import Path

from engine.spec import GameShot, GameSpec, Metric, Shows, Variant
from games.pinch.model import make_model
from games.pinch.params import ONE_FINGER, PARAMS
from games.pinch.policy import PinchPolicy
from games.pinch.skills import SKILLS

RESULTS, TRENDS, TRIALS = Shows.RESULTS, Shows.TRENDS, Shows.TRIALS
PEGS, SIZE = ("pegs",), ("size",)

METRICS = (
    Metric("total_time_ms", "results.total_time_ms", "s", RESULTS, False, 0.001, PEGS,
           "results.seconds_value"),
    Metric("time_per_peg_ms", "results.time_per_peg_ms", "s", RESULTS, False, 0.001, PEGS,
           "results.seconds_value"),
    Metric("drops", "results.drops", "", RESULTS, False, kinds=PEGS, text="results.count_value"),
    Metric("placement_error_mm", "results.placement_error_mm", "mm", RESULTS, False,
           kinds=PEGS, text="results.spread_value"),
    Metric("success_rate", "results.rate", "%", RESULTS, scale=100.0, kinds=SIZE,
           text="results.rate_value"),
    Metric("aperture_error_mm", "results.aperture_error_mm", "mm", RESULTS, False, kinds=SIZE,
           text="results.spread_value"),
    Metric("time_to_match_ms", "results.time_to_match_ms", "s", RESULTS, False, 0.001, SIZE,
           "results.seconds_value"),
    Metric("success_rate", "trend.placed", "%", TRENDS, scale=100.0),
    Metric("time_per_peg_ms", "trend.peg_time", "s", TRENDS, False, 0.001),
    Metric("total_time_ms", "trend.board_time", "s", TRENDS, False, 0.001, checkup_only=True),
    Metric("time_ms", "trial.time", "ms", TRIALS, False),
    Metric("placement_error_mm", "results.placement_error_mm", "mm", TRIALS, False,
           column="error_mm"),
    Metric("aperture_error_mm", "results.aperture_error_mm", "mm", TRIALS, False,
           column="error_mm"),
    Metric("time_to_match_ms", "results.time_to_match_ms", "ms", TRIALS, False,
           column="match_ms"),
    Metric("drops", "results.drops", shows=TRIALS, higher_is_better=False),
)

SPEC = GameSpec(
    id="pinch",
    params=PARAMS,
    make_model=make_model,
    make_policy=PinchPolicy,
    view="games.pinch.view:PinchView",
    metrics=METRICS,
    skills=SKILLS,
    variants=(Variant("", "start.pinch", fingers=2), Variant(ONE_FINGER, "start.one_finger")),
    minutes_per_round=1.6,
    reps_param=lambda params: "pegs" if params.get("layout") == "pegs" else "trials",
    order=30,
    strings=Path(__file__).parent / "strings",
    shots=(GameShot("", "big-pegs", 3, seed=2), GameShot("size", "size", 2),
           GameShot("results", "big-pegs", results=True, days=2)),
)
