"""The daily dose in the therapists' terms: sets of repetitions per game, which may grow
by a step each week while the player keeps up, up to twice the starting repetitions.

A therapist sets each game's starting dose (the level file gives the first one) and may
let it grow: at the end of every full week since the dose was set, a week in which the
player practised on at least `days_asked` days adds DOSE_STEP repetitions to every set.
A week with fewer days adds nothing: the dose never grows while days are being missed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, timedelta
from typing import Any

from engine.levels.schema import DOSE_LIMITS, Dose

DOSE_STEP = 2
"""Repetitions a set gains in a week the player kept up."""
DAYS_ASKED = 5
"""Days a week the programme asks for, unless the therapist says otherwise."""
GROWTH_LIMIT = 2.0
"""Growth stops at this many times the starting repetitions (the therapist sets more)."""


def clamp(dose: Dose) -> Dose:
    """`dose` within the limits a level file may give (1 to 10 sets, 1 to 40 reps)."""
    (s_low, s_high), (r_low, r_high) = DOSE_LIMITS["sets"], DOSE_LIMITS["reps"]
    return Dose(min(max(dose.sets, s_low), s_high), min(max(dose.reps, r_low), r_high))


def parse_doses(raw: Any) -> dict[str, Dose]:
    """Stored doses ({game: [sets, reps]}); anything hand-edited out of shape is left out."""
    out: dict[str, Dose] = {}
    if not isinstance(raw, Mapping):
        return out
    for game, value in raw.items():
        if isinstance(value, (list, tuple)) and len(value) == 2 and all(
                isinstance(v, int) and not isinstance(v, bool) for v in value):
            out[str(game)] = clamp(Dose(int(value[0]), int(value[1])))
    return out


def weeks_kept_up(since: date, today: date, played: Collection[date], days_asked: int
                  ) -> int:
    """Full weeks from `since` up to today in which the player practised on at least
    `days_asked` days (the week in progress does not count yet)."""
    kept = 0
    for week in range((today - since).days // 7):
        start = since + timedelta(days=7 * week)
        days = sum(1 for d in played if start <= d < start + timedelta(days=7))
        kept += days >= days_asked
    return kept


def grown(start: Dose, *, since: date | None, today: date, played: Collection[date],
          days_asked: int = DAYS_ASKED) -> Dose:
    """The dose for today: `start`, plus a step for every week kept up since `since`
    (None: growth is off)."""
    if since is None or today <= since:
        return start
    steps = weeks_kept_up(since, today, played, days_asked)
    most = round(start.reps * GROWTH_LIMIT)
    return clamp(Dose(start.sets, min(start.reps + steps * DOSE_STEP, most)))
