"""The trace game as the engine and the shell see it."""

from __future__ import annotations

from engine.i18n import t
from engine.spec import GameSpec, Headline
from games.trace.model import TraceModel
from games.trace.params import PARAMS
from games.trace.policy import TracePolicy

SPEC = GameSpec(
    id="trace",
    name=t("trace.name"),
    blurb=t("trace.blurb"),
    params=PARAMS,
    make_model=TraceModel,
    make_policy=TracePolicy,
    headline=Headline("time_inside_share", "Inside the lines", percent=True),
    extra={"view": "games.trace.view:TraceView",
           "preview": "games.trace.view:draw_preview",
           "results": {"trace": ["success_rate", "time_inside_share", "deviation_mean_mm",
                                 "mean_speed_mm_per_s"]}},
    order=20,
)
