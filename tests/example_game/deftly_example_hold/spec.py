"""The hold game as the engine and the shell see it: everything Deftly needs to know."""

from __future__ import annotations

from pathlib import Path

from deftly_example_hold.model import HoldModel
from deftly_example_hold.params import PARAMS
from deftly_example_hold.policy import HoldPolicy
from deftly_example_hold.skills import SKILLS
from engine.spec import GameShot, GameSpec, Metric, Shows

HERE = Path(__file__).parent
RESULTS, TRENDS, TRIALS = Shows.RESULTS, Shows.TRENDS, Shows.TRIALS

SPEC = GameSpec(
    id="hold",
    params=PARAMS,
    make_model=HoldModel,
    make_policy=HoldPolicy,
    view="deftly_example_hold.view:HoldView",
    metrics=(
        Metric("success_rate", "results.rate", "%", RESULTS, scale=100.0,
               text="results.rate_value"),
        Metric("held_ms_median", "hold.results.held", "s", RESULTS, scale=0.001,
               text="hold.results.held_value"),
        Metric("success_rate", "hold.trend.success", "%", TRENDS, scale=100.0),
        Metric("held_ms_median", "hold.trend.held", "s", TRENDS, scale=0.001),
        Metric("held_ms", "hold.trial.held", "ms", TRIALS),
        Metric("drift_mm", "hold.trial.drift", "mm", TRIALS, False),
    ),
    skills=SKILLS,
    minutes_per_round=1.0,
    order=90,
    strings=HERE / "strings",
    level_file=HERE / "hold.toml",
    shots=(GameShot("", "steady", 2), GameShot("results", "steady", results=True, days=1)),
)
