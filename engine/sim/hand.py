"""A model of a player's hand, with presets from healthy to severe.

Figures are plausible values from the touch-pointing and rehabilitation literature,
rounded; they are a test instrument, not a clinical model:
- reaction time: ex-Gaussian (mu, sigma, tau), healthy about 300-400 ms on a touchscreen;
- movement time: Fitts' law MT = a + b * log2(D / W + 1);
- endpoint scatter: SD of touch positions per axis, about 1.5 mm for a healthy fingertip;
- tremor: amplitude in mm at a frequency in Hz (4-6 Hz in Parkinson's, 8-12 physiological);
- fatigue: how much scatter and times grow per minute of play.

What only one game needs (tracing speed, pinching, sequence span...) lives in that game's
package as its `Skills` (engine/sim/skills.py), chosen by the preset's severity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

import numpy as np


@dataclass(frozen=True)
class HandModel:
    name: str
    rt_mu_ms: float
    rt_sigma_ms: float
    rt_tau_ms: float
    fitts_a_ms: float
    fitts_b_ms_per_bit: float
    scatter_mm: float
    tremor_mm: float
    tremor_hz: float
    fatigue_per_min: float
    recovered: float = 0.0
    """How far (0..1) this hand has come from its preset toward the healthy one."""

    @property
    def severity(self) -> str:
        """The preset it started from: games choose their own abilities by it."""
        return self.name

    def improved(self, fraction: float) -> HandModel:
        """A hand `fraction` (0..1) of the way towards the healthy preset (recovery)."""
        target = PRESETS["healthy"]
        f = min(max(fraction, 0.0), 1.0)
        changes = {}
        for spec in fields(self):
            a, b = getattr(self, spec.name), getattr(target, spec.name)
            if isinstance(a, (bool, str)) or spec.name == "recovered":
                continue
            changes[spec.name] = a + (b - a) * f
        return replace(self, **changes, recovered=self.recovered + (1 - self.recovered) * f)


PRESETS: dict[str, HandModel] = {
    "healthy": HandModel("healthy", 290, 30, 60, 80, 140, 1.4, 0.08, 9.0, 0.004),
    "mild": HandModel("mild", 350, 45, 90, 120, 200, 2.6, 0.5, 6.0, 0.01),
    "moderate": HandModel("moderate", 430, 60, 140, 170, 290, 4.2, 1.2, 5.5, 0.02),
    "severe": HandModel("severe", 540, 90, 220, 250, 420, 6.5, 2.4, 5.0, 0.03),
}


RECOVERY_PER_DAY = 0.01
"""The share of the way still to go to a healthy hand that a simulated hand recovers on
each day it practises (a rate: a longer run improves at the same pace each day)."""


def recovered_after(days_practised: int, rate: float = RECOVERY_PER_DAY) -> float:
    """How far (0..1) a hand has come toward healthy after `days_practised` days."""
    return 1.0 - (1.0 - rate) ** max(days_practised, 0)


class SimPatient:
    """A hand model with its own random numbers and a sense of how long it has played."""

    def __init__(self, hand: HandModel, seed: int = 0) -> None:
        self.hand = hand
        self.rng = np.random.default_rng(seed)
        self.minutes_played = 0.0
        self._tremor_phase = float(self.rng.uniform(0, 2 * math.pi))

    @property
    def fatigue(self) -> float:
        """1.0 when fresh, growing with minutes played."""
        return 1.0 + self.hand.fatigue_per_min * self.minutes_played

    def at_time(self, t_ms: float, start_minutes: float = 0.0) -> None:
        """Fatigue follows the time spent playing (`t_ms` into the round)."""
        self.minutes_played = start_minutes + max(t_ms, 0.0) / 60_000.0

    def dwell_ms(self) -> float:
        """How long a fingertip stays down on a tap."""
        return max(40.0, self.rng.normal(90.0, 20.0)) * self.fatigue

    def rest(self) -> None:
        self.minutes_played = 0.0

    def breather(self) -> None:
        """A short pause between rounds (the results screen): half the fatigue goes."""
        self.minutes_played *= 0.5

    def note_time(self, ms: float) -> None:
        self.minutes_played += max(ms, 0.0) / 60_000.0

    def reaction_ms(self) -> float:
        h = self.hand
        rt = self.rng.normal(h.rt_mu_ms, h.rt_sigma_ms) + self.rng.exponential(h.rt_tau_ms)
        return max(120.0, rt) * self.fatigue

    def movement_ms(self, distance_mm: float, width_mm: float) -> float:
        h = self.hand
        index = math.log2(max(distance_mm, 0.0) / max(width_mm, 0.5) + 1.0)
        noise = self.rng.normal(1.0, 0.08)
        return max(60.0, (h.fitts_a_ms + h.fitts_b_ms_per_bit * index) * noise * self.fatigue)

    def endpoint(self, x_mm: float, y_mm: float, t_ms: float = 0.0) -> tuple[float, float]:
        """Where a finger aimed at (x, y) lands."""
        sd = self.hand.scatter_mm * self.fatigue
        dx, dy = self.tremor(t_ms)
        return (x_mm + self.rng.normal(0, sd) + dx, y_mm + self.rng.normal(0, sd) + dy)

    def tremor(self, t_ms: float) -> tuple[float, float]:
        h = self.hand
        phase = 2 * math.pi * h.tremor_hz * t_ms / 1000.0 + self._tremor_phase
        amplitude = h.tremor_mm * self.fatigue
        return (amplitude * math.sin(phase), amplitude * 0.6 * math.cos(phase * 1.01))

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)


def preset(name: str) -> HandModel:
    try:
        return PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown patient {name!r}; choose from {', '.join(PRESETS)}") from None
