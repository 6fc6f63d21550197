"""What a simulated hand can do in the trace game, by severity."""

from __future__ import annotations

from dataclasses import dataclass

from engine.sim.skills import Skills


@dataclass(frozen=True)
class TraceSkills:
    speed_mm_per_s: float    # preferred tracing speed
    wander_mm: float         # slow drift away from the line
    lift_chance: float       # lifting the finger mid-way


SKILLS = Skills({"healthy": TraceSkills(70, 0.9, 0.0), "mild": TraceSkills(45, 1.5, 0.05),
                 "moderate": TraceSkills(28, 2.3, 0.15), "severe": TraceSkills(16, 3.4, 0.3)})
