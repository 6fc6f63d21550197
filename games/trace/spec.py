"""The trace game as the engine and the shell see it."""

from __future__ import annotations

from pathlib import Path

from engine.spec import GameShot, GameSpec, Metric, Shows
from games.trace.model import TraceModel
from games.trace.params import PARAMS
from games.trace.policy import TracePolicy
from games.trace.skills import SKILLS

RESULTS, TRENDS, TRIALS = Shows.RESULTS, Shows.TRENDS, Shows.TRIALS

METRICS = (
    Metric("success_rate", "results.rate", "%", RESULTS, scale=100.0, text="results.rate_value"),
    Metric("time_inside_share", "results.time_inside_share", "%", RESULTS, scale=100.0,
           text="results.rate_value"),
    Metric("deviation_mean_mm", "results.deviation_mean_mm", "mm", RESULTS, False,
           text="results.deviation_value"),
    Metric("mean_speed_mm_per_s", "results.mean_speed_mm_per_s", "mm/s", RESULTS,
           text="results.speed_value"),
    Metric("time_inside_share", "trend.inside", "%", TRENDS, scale=100.0),
    Metric("deviation_mean_mm", "trend.deviation", "mm", TRENDS, False),
    Metric("reaction_ms", "trial.reaction", "ms", TRIALS, False),
    Metric("deviation_mean_mm", "trend.deviation", "mm", TRIALS, False, column="deviation_mm"),
    Metric("time_inside_share", "trend.inside", "%", TRIALS, scale=100.0,
           column="inside_share"),
    Metric("completion", "trial.completion", "%", TRIALS, scale=100.0,
           column="completion_share"),
)

SPEC = GameSpec(
    id="trace",
    params=PARAMS,
    make_model=TraceModel,
    make_policy=TracePolicy,
    view="games.trace.view:TraceView",
    preview="games.trace.view:draw_preview",
    metrics=METRICS,
    skills=SKILLS,
    minutes_per_round=1.2,
    order=20,
    strings=Path(__file__).parent / "strings",
    shots=(GameShot("", "letters", 1, seed=9, lifted=True),
           GameShot("results", "spiral", results=True, days=2)),
)
