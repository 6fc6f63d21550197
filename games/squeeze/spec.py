"""The squeeze game as the engine and the shell see it."""

from __future__ import annotations

from pathlib import Path

from engine.spec import GameShot, GameSpec, Metric, Praise, Shows, Variant
from games.squeeze.model import SqueezeModel
from games.squeeze.params import ONE_FINGER, PAIRS, PARAMS
from games.squeeze.policy import SqueezePolicy
from games.squeeze.skills import SKILLS

RESULTS, TRENDS, TRIALS = Shows.RESULTS, Shows.TRENDS, Shows.TRIALS
GRIP, CYCLES, PINCH, PAIR = ("grip",), ("cycles",), ("pinch",), ("pair",)
RESULTS_PRAISE = RESULTS | Shows.PRAISE

BY_PAIR = tuple(
    Metric(f"release_reaction_ms_{pair.replace('-', '_')}", f"squeeze.results.pair.{pair}",
           "s", RESULTS | TRENDS, False, 0.001, PAIR, "results.seconds_value", decimals=2,
           group="squeeze.trend.by_pair") for pair in PAIRS)

METRICS = (
    Metric("release_reaction_ms", "squeeze.results.release", "s", RESULTS_PRAISE, False,
           0.001, GRIP, "results.seconds_value", praise=Praise("squeeze.praise.quicker",
                                                              "last", least=0.05)),
    Metric("closing_percent", "squeeze.results.closing", "%", RESULTS, kinds=GRIP + PAIR,
           text="results.rate_value"),
    Metric("cycles_10s", "squeeze.results.cycles", "", RESULTS_PRAISE, kinds=CYCLES,
           text="results.count_value", praise=Praise("squeeze.praise.more_cycles", "last",
                                                     least=1.0)),
    Metric("inside_percent", "squeeze.results.steady", "%", RESULTS, kinds=PINCH,
           text="results.rate_value"),
    *BY_PAIR,
    Metric("release_reaction_ms", "squeeze.trend.release", "s", TRENDS, False, 0.001,
           decimals=2),
    Metric("cycles_10s", "squeeze.trend.cycles", "", TRENDS, decimals=1),
    Metric("aperture_cv_percent", "squeeze.trend.cv", "%", TRENDS, False, decimals=1),
    Metric("jitter_mm", "squeeze.trend.jitter", "mm", TRENDS, False, decimals=2),
    Metric("release_reaction_ms", "squeeze.trial.release", "ms", TRIALS, False),
    Metric("release_spread_ms", "squeeze.trial.spread", "ms", TRIALS, False),
    Metric("closing_percent", "squeeze.trial.closing", "%", TRIALS),
    Metric("grip_initiation_ms", "squeeze.trial.initiation", "ms", TRIALS, False),
    Metric("cycles", "squeeze.trial.cycles", "", TRIALS),
    Metric("jitter_mm", "squeeze.trial.jitter", "mm", TRIALS, False, decimals=2),
)

SPEC = GameSpec(
    id="squeeze",
    params=PARAMS,
    make_model=SqueezeModel,
    make_policy=SqueezePolicy,
    view="games.squeeze.view:SqueezeView",
    metrics=METRICS,
    skills=SKILLS,
    variants=(Variant("", "squeeze.variant", fingers=5),
              Variant(ONE_FINGER, "start.one_finger")),
    minutes_per_round=1.2,
    order=50,
    strings=Path(__file__).parent / "strings",
    note="squeeze.note",
    shots=(GameShot("", "squeeze", 1, seed=2, partway=0.8),
           GameShot("pinch", "pinch", 1, seed=2, partway=0.5),
           GameShot("results", "squeeze", results=True, days=2),
           GameShot("trends", "squeeze", trends=True)),
)
