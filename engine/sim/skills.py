"""A game's own simulated-patient abilities: one set per severity preset, moved toward the
healthy set as the simulated hand recovers.

The engine's `HandModel` holds what every game shares (reaction, Fitts' law, scatter,
tremor, fatigue); a game's `Skills` maps the hand's severity to what only that game needs
(how fast a line is traced, whether two-finger pinching works...).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any, Generic, TypeVar

from engine.sim.hand import HandModel

A = TypeVar("A")


def toward(start: A, target: A, fraction: float) -> A:
    """A dataclass of abilities `fraction` (0..1) of the way from `start` to `target`: numbers
    move in proportion, a yes/no ability comes back past half-way."""
    assert is_dataclass(start) and not isinstance(start, type)
    f = min(max(fraction, 0.0), 1.0)
    changes: dict[str, Any] = {}
    for spec in fields(start):
        a, b = getattr(start, spec.name), getattr(target, spec.name)
        if isinstance(a, bool):
            changes[spec.name] = a or (b and f > 0.5)
        elif isinstance(a, (int, float)):
            changes[spec.name] = a + (b - a) * f
    return replace(start, **changes)


class Skills(Generic[A]):
    """Abilities for each severity ("healthy", "mild", "moderate", "severe")."""

    def __init__(self, by_severity: Mapping[str, A],
                 choose_variant: Callable[[A], str] | None = None) -> None:
        if "healthy" not in by_severity:
            raise ValueError("a game's skills need a 'healthy' set to recover toward")
        self.by_severity = dict(by_severity)
        self._choose_variant = choose_variant

    def of(self, hand: HandModel) -> A:
        """The abilities of this hand: its severity's, as far recovered as the hand is."""
        start = self.by_severity.get(hand.severity, self.by_severity["healthy"])
        if not hand.recovered:
            return start
        return toward(start, self.by_severity["healthy"], hand.recovered)

    def variant_for(self, hand: HandModel) -> str:
        """The way this hand plays the game ("" unless the game says otherwise)."""
        return self._choose_variant(self.of(hand)) if self._choose_variant else ""
