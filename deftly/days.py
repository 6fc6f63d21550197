"""Days practised: minutes per day, the streak, and the calendar of the last weeks.

Dates come from the sessions' wall-clock labels (their local date); durations come from
the monotonic clock. A clock set wrongly can only mislabel a day, never corrupt a total.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any


def session_day(session: dict[str, Any]) -> date | None:
    """The local date a session started on (from its ISO label)."""
    label = session.get("started_at")
    if not isinstance(label, str) or len(label) < 10:
        return None
    try:
        return date.fromisoformat(label[:10])
    except ValueError:
        return None


def minutes_by_day(sessions: Iterable[dict[str, Any]]) -> dict[date, float]:
    out: dict[date, float] = {}
    for session in sessions:
        day = session_day(session)
        duration = session.get("duration_ms")
        if day is None:
            continue
        minutes = float(duration) / 60_000.0 if isinstance(duration, (int, float)) else 0.0
        out[day] = out.get(day, 0.0) + max(minutes, 0.0)
    return out


def streak(days: Iterable[date], today: date) -> int:
    """Days in a row with practice, ending today (or yesterday, if today is still to come)."""
    practised = set(days)
    day = today if today in practised else today - timedelta(days=1)
    count = 0
    while day in practised:
        count += 1
        day -= timedelta(days=1)
    return count


def best_streak(days: Iterable[date]) -> int:
    best = run = 0
    previous: date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


@dataclass(frozen=True)
class CalendarDay:
    day: date
    minutes: float
    is_today: bool
    in_future: bool
    high_pain: bool = False     # the day's check-in reached the pain threshold (therapist)


def calendar(minutes: dict[date, float], today: date, weeks: int = 5,
             high_pain: Collection[date] = ()) -> list[list[CalendarDay]]:
    """`weeks` rows of Monday..Sunday, the last row holding today; the days of
    `high_pain` marked."""
    monday = today - timedelta(days=today.weekday())
    start = monday - timedelta(weeks=weeks - 1)
    rows = []
    for w in range(weeks):
        row = []
        for d in range(7):
            day = start + timedelta(days=w * 7 + d)
            row.append(CalendarDay(day, minutes.get(day, 0.0), day == today, day > today,
                                   day in high_pain))
        rows.append(row)
    return rows


def local_today(now: datetime) -> date:
    return now.date()
