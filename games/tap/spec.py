"""The tap game as the engine and the shell see it."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from engine.spec import GameShot, GameSpec, Metric, Praise, Shows
from games.tap.model import make_model
from games.tap.params import PARAMS
from games.tap.policy import TapPolicy
from games.tap.skills import SKILLS

POINTING = ("ring", "random")
RESULTS, TRENDS, TRIALS, PRAISE = Shows.RESULTS, Shows.TRENDS, Shows.TRIALS, Shows.PRAISE


def hits(summary: Mapping[str, Any]) -> float | None:
    """Targets hit: the hit rate times the trials."""
    rate, trials = summary.get("hit_rate"), summary.get("trials")
    if isinstance(rate, (int, float)) and isinstance(trials, (int, float)) \
            and math.isfinite(rate) and math.isfinite(trials):
        return round(float(rate) * float(trials))
    return None


METRICS = (
    Metric("hits", "results.hits", shows=RESULTS, kinds=POINTING, text="results.hits_value",
           derive=hits),
    Metric("success_rate", "results.rate", "%", RESULTS, scale=100.0, kinds=("sequence",),
           text="results.rate_value"),
    Metric("longest_correct", "results.longest", shows=RESULTS, kinds=("sequence",),
           text="results.longest_value"),
    Metric("reaction_ms_median", "results.reaction", "s", RESULTS, False, 0.001,
           kinds=(*POINTING, "sequence"), text="results.reaction_value"),
    Metric("endpoint_spread_mm", "results.spread", "mm", RESULTS, False, kinds=POINTING,
           text="results.spread_value"),
    Metric("frequency_per_s", "results.taps", "", RESULTS, kinds=("rhythm",),   # "per second"
           text="results.taps_value"),
    Metric("success_rate", "results.rate", "%", RESULTS, scale=100.0, kinds=("rhythm",),
           text="results.rate_value"),
    # the therapist's trends
    Metric("hit_rate", "trend.hit_rate", "%", TRENDS, scale=100.0),
    Metric("reaction_ms_median", "trend.reaction", "ms", TRENDS, False),
    Metric("throughput_bits_per_s", "trend.throughput", "bits/s", TRENDS),
    # kind words after a round (the player sees seconds; the therapist's trends keep ms and
    # the throughput in bits/s)
    Metric("hits", "results.hits", shows=PRAISE, derive=hits,
           praise=Praise("praise.more_hits", "last", 0.0)),
    Metric("reaction_ms_median", "results.reaction", "s", PRAISE, False, 0.001,
           praise=Praise("praise.faster", least=0.05)),
    Metric("endpoint_spread_mm", "results.spread", "mm", PRAISE, False,
           praise=Praise("praise.steadier")),
    Metric("throughput_bits_per_s", "results.throughput", "bits/s", PRAISE,
           praise=Praise("praise.throughput", "best")),
    # each trial
    Metric("reaction_ms", "trial.reaction", "ms", TRIALS, False),
    Metric("movement_ms", "trial.movement", "ms", TRIALS, False, column="move_ms"),
    Metric("endpoint_error_mm", "trial.error", "mm", TRIALS, False, column="error_mm"),
    Metric("frequency_per_s", "results.taps", "/s", TRIALS),
    Metric("interval_ms_cv_percent", "trial.rhythm_cv", "%", TRIALS, False,
           column="rhythm_cv_percent"),
    Metric("correct_taps", "trial.correct_taps", shows=TRIALS),
)

SPEC = GameSpec(
    id="tap",
    params=PARAMS,
    make_model=make_model,
    make_policy=TapPolicy,
    view="games.tap.view:TapView",
    metrics=METRICS,
    skills=SKILLS,
    minutes_per_round=0.8,
    order=10,
    strings=Path(__file__).parent / "strings",
    shots=(GameShot("", "big", 6), GameShot("results", "big", results=True, days=4)),
)
