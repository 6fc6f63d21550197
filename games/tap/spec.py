"""The tap game as the engine and the shell see it."""

from __future__ import annotations

from engine.i18n import t
from engine.spec import GameSpec, Headline
from games.tap.model import TapModel
from games.tap.params import PARAMS
from games.tap.policy import TapPolicy

POINTING = ["hits", "reaction_ms_median", "throughput_bits_per_s", "endpoint_spread_mm"]

SPEC = GameSpec(
    id="tap",
    name=t("tap.name"),
    blurb=t("tap.blurb"),
    params=PARAMS,
    make_model=TapModel,
    make_policy=TapPolicy,
    headline=Headline("hit_rate", "Hits", percent=True),
    extra={"view": "games.tap.view:TapView",
           "results": {"ring": POINTING, "random": POINTING,
                       "sequence": ["success_rate", "longest_correct", "reaction_ms_median"],
                       "rhythm": ["frequency_per_s", "success_rate"]}},
    order=10,
)
