"""The lift game as the engine and the shell see it."""

from __future__ import annotations

from pathlib import Path

from engine.input.placement import FINGERS
from engine.spec import GameShot, GameSpec, Metric, Shows, Variant
from games.lift.model import LiftModel
from games.lift.params import PARAMS
from games.lift.policy import LiftPolicy
from games.lift.skills import SKILLS

RESULTS, TRENDS, TRIALS = Shows.RESULTS, Shows.TRENDS, Shows.TRIALS

ALONE = tuple(
    Metric(f"alone_rate_{f}", f"lift.results.label.{f}", "", RESULTS,
           text=f"lift.results.alone.{f}", count=f"alone_{f}") for f in FINGERS)
""""Ring finger alone: 7 of 10" (lifted on its own 7 times of the 10 it was asked), for
each finger cued."""
BY_FINGER = tuple(
    Metric(f"individuation_index_{f}", f"lift.trend.index.{f}", "", TRENDS, decimals=2,
           group="lift.trend.by_finger") for f in FINGERS)

METRICS = (
    *ALONE,
    Metric("reaction_ms", "lift.results.reaction", "s", RESULTS, False, 0.001,
           text="results.seconds_value"),
    Metric("individuation_index", "lift.trend.index", "", TRENDS, decimals=2),
    *BY_FINGER,
    Metric("reaction_ms", "lift.trend.reaction", "s", TRENDS, False, 0.001, decimals=2),
    Metric("success_rate", "lift.trend.alone", "%", TRENDS, scale=100.0),
    Metric("reaction_ms", "lift.trial.reaction", "ms", TRIALS, False),
    Metric("movement_ms", "lift.trial.movement", "ms", TRIALS, False),
    Metric("individuation", "lift.trial.individuation", "", TRIALS, decimals=2),
    Metric("others_slide_mm", "lift.trial.others_slide", "mm", TRIALS, False),
    Metric("others_lifted", "lift.trial.others_lifted", "", TRIALS, False),
)

SPEC = GameSpec(
    id="lift",
    params=PARAMS,
    make_model=LiftModel,
    make_policy=LiftPolicy,
    view="games.lift.view:LiftView",
    metrics=METRICS,
    skills=SKILLS,
    variants=(Variant("", "lift.variant", fingers=5),),
    minutes_per_round=1.2,
    order=40,
    strings=Path(__file__).parent / "strings",
    shots=(GameShot("", "one-up", 3, seed=3), GameShot("place", "quick", 0),
           GameShot("results", "one-up", results=True, days=2),
           GameShot("trends", "one-up", trends=True)),
)
