"""Today's plan: each game's daily dose in sets of repetitions, the affected hand first."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from engine.levels.schema import Dose


@dataclass(frozen=True)
class PlanItem:
    """Sets of one game with one hand: `rounds` sets of `reps` repetitions."""

    game: str
    hand: str
    rounds: int
    reps: int = 0


@dataclass(frozen=True)
class Plan:
    items: tuple[PlanItem, ...]
    minutes: float

    def rounds_total(self) -> int:
        return sum(item.rounds for item in self.items)


def other_hand_sets(sets: int) -> int:
    """Sets for the hand that is not affected: about a third of the affected hand's."""
    return max(1, round(sets / 3))


def make_plan(doses: Mapping[str, Dose], affected_hand: str,
              minutes_per_set: Mapping[str, float] | None = None) -> Plan:
    """Today's sets: every game's dose (in the plan's order) for the affected hand first,
    then about a third as many sets for the other hand (when one hand is affected).
    `minutes_per_set` (game id: minutes a set takes, results screen included) gives the
    plan's length."""
    hands = [affected_hand] if affected_hand in ("both", "none") else \
        [affected_hand, "right" if affected_hand == "left" else "left"]
    hands = ["right" if h == "none" else h for h in hands]
    items = [PlanItem(game, hand, dose.sets if k == 0 else other_hand_sets(dose.sets),
                      dose.reps)
             for k, hand in enumerate(hands) for game, dose in doses.items()]
    per_set = minutes_per_set or {}
    minutes = sum(item.rounds * per_set.get(item.game, 1.0) for item in items)
    return Plan(tuple(items), minutes)


def cut_to(plan: Plan, share: float) -> Plan:
    """`plan` with `share` of its rounds, rounded up (at least one): every item keeps a
    round first, in order (the affected hand's come first, so where there are more
    items than rounds the other hand's are left out), then the rest goes to the items
    with more rounds, in proportion."""
    if share >= 1.0 or not plan.items:
        return plan
    keep = max(1, math.ceil(plan.rounds_total() * share))
    items = list(plan.items[:keep])
    rounds = [1] * len(items)
    spare = keep - len(items)
    extra = [item.rounds - 1 for item in items]
    if spare > 0 and sum(extra):
        wanted = [e * spare / sum(extra) for e in extra]
        rounds = [1 + math.floor(w) for w in wanted]
        by_remainder = sorted(range(len(items)), key=lambda k: wanted[k] - math.floor(wanted[k]),
                              reverse=True)
        for k in by_remainder[:keep - sum(rounds)]:
            rounds[k] += 1
    return Plan(tuple(replace(item, rounds=n) for item, n in zip(items, rounds, strict=True)),
                plan.minutes * share)


@dataclass(frozen=True)
class PlanProgress:
    plan: Plan
    done: dict[tuple[str, str], int]
    minutes_done: float

    @property
    def fraction(self) -> float:
        total = self.plan.rounds_total()
        if not total:
            return 0.0
        done = sum(min(self.done.get((i.game, i.hand), 0), i.rounds) for i in self.plan.items)
        return done / total

    @property
    def complete(self) -> bool:
        return self.fraction >= 1.0

    def next_item(self) -> PlanItem | None:
        for item in self.plan.items:
            if self.done.get((item.game, item.hand), 0) < item.rounds:
                return item
        return None


def progress(plan: Plan, today_sessions: Sequence[dict[str, Any]]) -> PlanProgress:
    """How much of `plan` today's finished training rounds cover."""
    done: dict[tuple[str, str], int] = {}
    minutes = 0.0
    for session in today_sessions:
        if session.get("status") not in ("complete", "quit"):
            continue
        minutes += float(session.get("duration_ms") or 0.0) / 60_000.0
        if session.get("mode") == "training" and session.get("status") == "complete":
            key = (str(session.get("game")), str(session.get("hand")))
            done[key] = done.get(key, 0) + 1
    return PlanProgress(plan, done, minutes)
