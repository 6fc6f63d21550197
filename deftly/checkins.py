"""How the hand feels: the day's check-ins (pain and tiredness before the first round, how
the hand feels after the last) and what the plan makes of them.

A check-in is a store event of kind "checkin" with its local day ("YYYY-MM-DD"), `when`
("before" or "after") and the answers: `pain` and `fatigue` on 0 to 10 (before), or
`feeling` ("better", "same", "worse"; after). An answer skipped is simply absent, and a
check-in skipped altogether stores nothing. Check-ins never move a staircase or a level.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from engine.store.store import Store

KIND = "checkin"
SCALE = (0, 10)
"""Both questions are answered on 0 (none) to 10 (the worst imaginable)."""
SCALE_NAME = "0-10 numeric rating scale, answered on six faces (0, 2, 4, 6, 8, 10)"
FACES = (0, 2, 4, 6, 8, 10)
FEELINGS = ("better", "same", "worse")
PAIN_THRESHOLD = 7
"""Pain at or above this (the therapist may change it) halves the day's plan."""
RISING_DAYS = 3


@dataclass(frozen=True)
class Day:
    """One day's answers (None: not asked or skipped)."""

    day: date
    pain: int | None = None
    fatigue: int | None = None
    feeling: str | None = None


def _score(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value) if SCALE[0] <= value <= SCALE[1] else None


def by_day(events: Iterable[Mapping[str, Any]]) -> dict[date, Day]:
    """Each day's check-in, from the store's events (a later answer of a day wins; a
    damaged one is left out)."""
    out: dict[date, Day] = {}
    for event in events:
        try:
            day = date.fromisoformat(str(event.get("day")))
        except ValueError:
            continue
        seen = out.get(day, Day(day))
        if event.get("when") == "after":
            feeling = event.get("feeling")
            out[day] = Day(day, seen.pain, seen.fatigue,
                           feeling if feeling in FEELINGS else seen.feeling)
        else:
            pain, fatigue = _score(event.get("pain")), _score(event.get("fatigue"))
            out[day] = Day(day, seen.pain if pain is None else pain,
                           seen.fatigue if fatigue is None else fatigue, seen.feeling)
    return out


def days_of(store: Store, profile_id: str) -> dict[date, Day]:
    return by_day(store.events(profile_id, KIND))


def record(store: Store, profile_id: str, day: date, when: str, **answers: Any) -> bool:
    """Store a check-in's answers (those not None); nothing at all if every one was
    skipped. Returns whether something was stored."""
    given = {k: v for k, v in answers.items() if v is not None}
    if not given:
        return False
    store.add_event(profile_id, KIND, {"day": day.isoformat(), "when": when, **given})
    return True


def high_pain(day: Day | None, threshold: int = PAIN_THRESHOLD) -> bool:
    return day is not None and day.pain is not None and day.pain >= threshold


def plan_share(today: Day | None, threshold: int = PAIN_THRESHOLD) -> float:
    """The share of the day's plan to offer: half on a day of high pain, else all of it.
    Nothing is ever made harder by an answer."""
    return 0.5 if high_pain(today, threshold) else 1.0


def pain_rising(days: Mapping[date, Day], today: date, count: int = RISING_DAYS) -> bool:
    """Pain higher each day than the day before, `count` days in a row up to today."""
    values: list[int] = []
    for k in range(count - 1, -1, -1):
        day = days.get(today - timedelta(days=k))
        if day is None or day.pain is None:
            return False
        values.append(day.pain)
    return all(b > a for a, b in itertools.pairwise(values))


def high_pain_days(days: Mapping[date, Day], threshold: int = PAIN_THRESHOLD) -> set[date]:
    """The days a change in the measures must not be read as a change in the hand."""
    return {d for d, day in days.items() if high_pain(day, threshold)}
