"""What a simulated hand can do in the squeeze game, by severity: how far it closes, how
quickly and completely it lets go (after a stroke the extensors are weakest: release is
slow, and one finger lags), and how still it holds a pinch."""

from __future__ import annotations

from dataclasses import dataclass

from engine.sim.skills import Skills
from games.squeeze.params import ONE_FINGER


@dataclass(frozen=True)
class SqueezeSkills:
    can_grip: bool              # several fingertips on a ball at once
    close_percent: float        # how far the hand closes, at most (mean)
    close_sd: float
    close_ms: float             # how long closing takes
    release_delay_ms: float     # letting go starts later than a tap
    release_spread_ms: float    # the fingers come up this far apart (SD)
    lag_chance: float           # one finger (ring or little) lags well behind
    lag_ms: float
    stuck_chance: float         # a finger does not let go at all in time
    early_chance: float         # lets go before the cue
    jitter_mm: float            # wobble of a held pinch
    drift_mm_s: float           # slow opening or closing of a held pinch
    cycle_pause_ms: float       # between a release and the next grip in a bout


def _variant(skills: SqueezeSkills) -> str:
    return "" if skills.can_grip else ONE_FINGER


SKILLS = Skills({
    "healthy": SqueezeSkills(True, 70.0, 8.0, 200.0, 0.0, 12.0, 0.0, 0.0, 0.0, 0.01, 0.25,
                             0.2, 150.0),
    "mild": SqueezeSkills(True, 58.0, 9.0, 260.0, 60.0, 30.0, 0.1, 150.0, 0.01, 0.03, 0.5,
                          0.5, 220.0),
    "moderate": SqueezeSkills(True, 46.0, 10.0, 350.0, 150.0, 60.0, 0.3, 300.0, 0.02, 0.03,
                              0.9, 1.0, 320.0),
    "severe": SqueezeSkills(True, 34.0, 11.0, 480.0, 300.0, 110.0, 0.6, 600.0, 0.04, 0.04, 1.5,
                            1.8, 450.0),
}, _variant)
