"""The pinch game as the engine and the shell see it."""

from __future__ import annotations

from engine.i18n import t
from engine.spec import GameSpec, Headline
from games.pinch.model import make_model
from games.pinch.params import PARAMS
from games.pinch.policy import PinchPolicy, sim_variant

SPEC = GameSpec(
    id="pinch",
    name=t("pinch.name"),
    blurb=t("pinch.blurb"),
    params=PARAMS,
    make_model=make_model,
    make_policy=PinchPolicy,
    headline=Headline("time_per_peg_ms", "Time per peg", "s", higher_is_better=False),
    extra={"view": "games.pinch.view:PinchView",
           "sim_variant": sim_variant,
           "variants": ("", "one-finger"),
           "results": {"pegs": ["total_time_ms", "time_per_peg_ms", "drops",
                                "placement_error_mm"],
                       "size": ["success_rate", "aperture_error_mm", "time_to_match_ms"]}},
    order=30,
)
