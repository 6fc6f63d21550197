"""What every game's trial has, checked where a trial leaves its model.

A trial is a dict so that each game can put its own measures beside the base (their unit
in their name: `reaction_ms`, `drift_mm`); stored records may gain keys, never lose one.
"""

from __future__ import annotations

import math
from typing import Any, NotRequired, TypedDict


class TrialBase(TypedDict):
    """The keys the engine relies on: the staircase, the progress and the trial table."""

    success: bool
    level_value: float                       # the adapted parameter's value; NaN: none adapts
    counts_for_staircase: NotRequired[bool]  # False: recorded but does not move the staircase
    label: NotRequired[str]                  # what it asked for, in a word ("ring"): the
                                             # trial table shows it beside the outcome


class TrialError(TypeError):
    """A game's model made a trial without the base every trial has (a programming error)."""


def trial_problems(trial: dict[str, Any]) -> list[str]:
    """What a trial lacks of the base, in words (empty: it is sound)."""
    problems = []
    if not isinstance(trial.get("success"), bool):
        problems.append(f"'success' must be true or false, not {trial.get('success')!r}")
    value = trial.get("level_value")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isinf(value):
        problems.append(f"'level_value' must be a number (NaN if nothing adapts), not {value!r}")
    if not isinstance(trial.get("counts_for_staircase", True), bool):
        problems.append("'counts_for_staircase' must be true or false")
    return problems


def numbers(trials: list[dict[str, Any]], key: str) -> list[float]:
    """The values of `key` in the trials that have a number there (not a missing value,
    None or a yes/no)."""
    return [float(tr[key]) for tr in trials
            if isinstance(tr.get(key), (int, float)) and not isinstance(tr.get(key), bool)]


def success_rate(trials: list[dict[str, Any]]) -> float:
    """The share of successful trials (NaN with none)."""
    return sum(1.0 for t in trials if t["success"]) / len(trials) if trials else math.nan


def checked(trial: dict[str, Any], game: str) -> dict[str, Any]:
    """The trial, if it has the base; else TrialError naming the game and what is wrong."""
    problems = trial_problems(trial)
    if problems:
        raise TrialError(f"game {game!r} made a trial without the base: {'; '.join(problems)}")
    return trial
