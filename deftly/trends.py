"""Trends for the therapist: one series per game, hand, way of playing and metric.

Each day's value is the median of that day's rounds. Check-up rounds form their own
series: the same fixed task every week, so they are the comparable measure (training
rounds adapt their difficulty to keep success near 80 %). The rolling mean covers the
last 7 days. A change is marked only when it is larger than the metric's noise:

    noise  s = sqrt(sum(d_i^2) / (2 (n - 1)))     from successive differences d_i
    marker when |mean_now - mean_before| > 2.576 * s * sqrt(1/k_now + 1/k_before)

where "now" is a calendar week of training days (or one check-up) and "before" the two
weeks (or two check-ups) before it. Successive differences keep a slow trend out of the
noise. The first LEARNING_DAYS days of a game are learning the game, not recovery: no
markers there. Days of high pain (the day's check-in at or above the player's threshold)
are charted but left out of the markers and their noise: a bad day is not a change in
the hand.

The difficulty reached is the honest training trend (training success is held near 80 %
by design): per level, the staircase's value at the end of each training round, in the
adapted parameter's unit, with the same daily medians and markers ("better": harder).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from deftly.days import session_day
from engine.levels.schema import Adapt, LevelSet
from engine.spec import Metric, Shows

LEARNING_DAYS = 14
ROLLING_DAYS = 7
Z = 2.576     # 99 %: a year of weekly comparisons should not fill the chart with false alarms


def metrics_of(game: str) -> tuple[Metric, ...]:
    """The metrics the game's spec charts (none for a game that is not installed)."""
    from games.registry import all_specs

    for spec in all_specs():
        if spec.id == game:
            return tuple(spec.shown(Shows.TRENDS))
    return ()


@dataclass(frozen=True)
class Point:
    day: date
    value: float
    level: str = ""      # the level(s) played that day: a change of level is not recovery


@dataclass(frozen=True)
class Change:
    """A change beyond the noise: from `day` on, the mean moved by `change`."""

    day: date
    change: float
    checkup: bool
    better: bool


@dataclass
class Series:
    metric: Metric
    training: list[Point] = field(default_factory=list)
    checkups: list[Point] = field(default_factory=list)
    rolling: list[Point] = field(default_factory=list)
    markers: list[Change] = field(default_factory=list)
    noise: float = math.nan

    @property
    def empty(self) -> bool:
        return not self.training and not self.checkups


def daily(sessions: Iterable[dict[str, Any]], metric: Metric, mode: str
          ) -> list[Point]:
    return by_day((s, metric.value(s.get("summary") or {})) for s in sessions
                  if s.get("mode") == mode and s.get("status") == "complete")


def by_day(values: Iterable[tuple[dict[str, Any], float | None]]) -> list[Point]:
    """Each day's median of its rounds' values (None: left out), with the levels played."""
    found: dict[date, list[float]] = {}
    levels: dict[date, set[str]] = {}
    for s, value in values:
        day = session_day(s)
        if day is not None and value is not None:
            found.setdefault(day, []).append(value)
            levels.setdefault(day, set()).add(str(s.get("level")))
    return [Point(d, statistics.median(v), "+".join(sorted(levels[d])))
            for d, v in sorted(found.items())]


def rolling_mean(points: list[Point], days: int = ROLLING_DAYS) -> list[Point]:
    out = []
    for i, p in enumerate(points):
        window = [q.value for q in points[max(0, i - days + 1):i + 1]
                  if (p.day - q.day).days < days]
        out.append(Point(p.day, sum(window) / len(window)))
    return out


def day_to_day_noise(points: list[Point]) -> float:
    """Within-person noise from successive differences (robust to a slow trend)."""
    values = [p.value for p in points]
    if len(values) < 3:
        return math.nan
    diffs = [b - a for a, b in itertools.pairwise(values)]
    return math.sqrt(sum(d * d for d in diffs) / (2 * len(diffs)))


def _week(day: date) -> date:
    return day - timedelta(days=day.weekday())


def change_markers(points: list[Point], noise: float, metric: Metric, *,
                   checkup: bool = False, first_day: date | None = None,
                   left_out: Collection[date] = ()) -> list[Change]:
    """Where the mean moved beyond the noise: each training week (or each check-up)
    against the two weeks (or check-ups) before it, all at the same level. The days of
    `left_out` (high pain) do not count."""
    points = without(points, left_out)
    if not points or not math.isfinite(noise) or noise <= 0:
        return []
    first = first_day or points[0].day
    groups: dict[date, list[Point]] = {}
    for p in points:
        groups.setdefault(p.day if checkup else _week(p.day), []).append(p)
    starts = sorted(groups)
    markers = []
    for i, start in enumerate(starts):
        if (start - first).days < LEARNING_DAYS or i < 2:
            continue
        window = groups[starts[i - 2]] + groups[starts[i - 1]] + groups[start]
        if len({p.level for p in window}) > 1:
            continue   # a new level changes the numbers; that is not a change in the hand
        before = [p.value for p in groups[starts[i - 2]] + groups[starts[i - 1]]]
        now = [p.value for p in groups[start]]
        change = statistics.mean(now) - statistics.mean(before)
        threshold = Z * noise * math.sqrt(1 / len(now) + 1 / len(before))
        if abs(change) > threshold:
            markers.append(Change(start, change, checkup,
                                  (change > 0) == metric.higher_is_better))
    return markers


def without(points: list[Point], days: Collection[date]) -> list[Point]:
    """The points not on `days`."""
    return [p for p in points if p.day not in days] if days else points


def series(sessions: list[dict[str, Any]], metric: Metric,
           left_out: Collection[date] = ()) -> Series:
    """One metric's training and check-up series, rolling mean and change markers (the
    days of `left_out`, high pain, charted but not counted as a change or as noise)."""
    days = [d for s in sessions if (d := session_day(s)) is not None]
    first = min(days) if days else None
    training = [] if metric.checkup_only else daily(sessions, metric, "training")
    checkups = daily(sessions, metric, "checkup")
    noise = day_to_day_noise(without(training, left_out))
    markers = change_markers(training, noise, metric, first_day=first, left_out=left_out) + \
        change_markers(checkups, day_to_day_noise(without(checkups, left_out)), metric,
                       checkup=True, first_day=first, left_out=left_out)
    return Series(metric, training, checkups, rolling_mean(training),
                  sorted(markers, key=lambda m: m.day), noise)


def game_trends(sessions: list[dict[str, Any]], game: str, hand: str | None = None,
                variant: str | None = None, left_out: Collection[date] = ()) -> list[Series]:
    """Every metric's series for one game (one hand and way of playing, if given; the
    days of `left_out` not counted for the change markers)."""
    chosen = _chosen(sessions, game, hand, variant)
    return [series(chosen, metric, left_out) for metric in metrics_of(game)]


def _chosen(sessions: list[dict[str, Any]], game: str, hand: str | None,
            variant: str | None) -> list[dict[str, Any]]:
    return [s for s in sessions if s.get("game") == game
            and (hand is None or s.get("hand") == hand)
            and (variant is None or (s.get("variant") or "") == variant)]


# -- difficulty reached --------------------------------------------------------------------
UNITS = {"mm": ("mm", 1.0), "ms": ("s", 0.001), "deg": ("°", 1.0), "percent": ("%", 1.0)}
"""A parameter's unit from the end of its name, and the scale it is shown at (ms as s)."""


@dataclass(frozen=True)
class LevelReached:
    level: str
    name: str
    points: list[Point]
    markers: list[Change]     # "better": harder


@dataclass(frozen=True)
class Reached:
    """The difficulty reached on the levels that adapt one parameter: per level, each day's
    median of the staircase's value at the end of its training rounds. Training success is
    held near 80 % by design, so this is the honest training trend."""

    metric: Metric            # the parameter: its unit, scale and format; "better" is harder
    levels: list[LevelReached] = field(default_factory=list)

    @property
    def smaller_is_harder(self) -> bool:
        return not self.metric.higher_is_better

    @property
    def title(self) -> str:
        """The parameter in words with its unit: "width (mm)", "time limit (s)"."""
        key, unit = self.metric.key, self.metric.unit
        words = (key.rpartition("_")[0] if unit else key).replace("_", " ")
        return f"{words} ({unit})" if unit else words


def param_metric(adapt: Adapt) -> Metric:
    """The adapted parameter as a metric in its unit, higher being better where it is
    harder (the level file's bounds agree with the game's `harder`: they are checked)."""
    unit, scale = UNITS.get(adapt.param.rpartition("_")[2], ("", 1.0))
    return Metric(adapt.param, adapt.param, unit, scale=scale,
                  higher_is_better=adapt.hard > adapt.easy)


def reached_value(session: dict[str, Any], metric: Metric,
                  last_values: Mapping[str, float]) -> float | None:
    """A round's difficulty reached, shown scaled: its record's (if it adapted the metric's
    parameter), else, for a record from before it was kept, its last trial's value."""
    if "reached" in session:
        raw = session["reached"] if session.get("reached_param") == metric.key else None
    else:
        raw = last_values.get(str(session.get("id")))
    return metric.value({metric.key: raw})


def lacks_reached(sessions: Iterable[dict[str, Any]]) -> bool:
    """Whether a finished training round's record is older than the difficulty reached."""
    return any(s.get("mode") == "training" and s.get("status") == "complete"
               and "reached" not in s for s in sessions)


def last_level_values(trials: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Each round's last trial's adapted value, by session id (for older records)."""
    last: dict[str, tuple[float, float]] = {}
    for trial in trials:
        value, index, session = trial.get("level_value"), trial.get("index"), trial.get("session")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and \
                math.isfinite(value) and isinstance(index, (int, float)) and \
                index >= last.get(str(session), (-math.inf, 0.0))[0]:
            last[str(session)] = (float(index), float(value))
    return {session: value for session, (_, value) in last.items()}


def difficulty_reached(sessions: list[dict[str, Any]], levels: LevelSet,
                       hand: str | None = None, variant: str | None = None,
                       left_out: Collection[date] = (),
                       last_values: Mapping[str, float] | None = None) -> list[Reached]:
    """The game's difficulty reached, one chart per adapted parameter in the order of its
    levels, with each level's change markers (the days of `left_out` not counted)."""
    chosen = _chosen(sessions, levels.game, hand, variant)
    first = min((d for s in chosen if (d := session_day(s)) is not None), default=None)
    charts: dict[str, Reached] = {}
    for level in levels.levels:
        if level.adapt is None:
            continue
        metric = param_metric(level.adapt)
        points = by_day((s, reached_value(s, metric, last_values or {})) for s in chosen
                        if s.get("level") == level.id and s.get("mode") == "training"
                        and s.get("status") == "complete")
        if points:
            noise = day_to_day_noise(without(points, left_out))
            markers = change_markers(points, noise, metric, first_day=first, left_out=left_out)
            chart = charts.setdefault(metric.key, Reached(metric))
            chart.levels.append(LevelReached(level.id, level.name, points, markers))
    return list(charts.values())


@dataclass(frozen=True)
class Unlocked:
    day: date
    game: str
    hand: str
    level: str
    name: str


def unlocks(events: Iterable[dict[str, Any]], game: str | None = None,
            hand: str | None = None) -> list[Unlocked]:
    """Level unlock events, oldest first (from the store's `unlock` events)."""
    out = []
    for e in events:
        day = session_day({"started_at": e.get("at")})
        if e.get("kind", "unlock") != "unlock" or day is None:
            continue
        if (game is None or e.get("game") == game) and (hand is None or e.get("hand") == hand):
            out.append(Unlocked(day, str(e.get("game")), str(e.get("hand")),
                                str(e.get("level")), str(e.get("level_name") or e.get("level"))))
    return out


def hands_played(sessions: list[dict[str, Any]], game: str) -> list[str]:
    return sorted({str(s.get("hand")) for s in sessions if s.get("game") == game})


def variants_played(sessions: list[dict[str, Any]], game: str) -> list[str]:
    return sorted({str(s.get("variant") or "") for s in sessions if s.get("game") == game})


@dataclass(frozen=True)
class WeekRow:
    week: date
    rounds: int
    minutes: float
    values: dict[str, float | None]     # training mean (check-up mean for check-up metrics)
    checkups: dict[str, float | None]   # the week's check-up mean, if one was played


def _mean_of(sessions: list[dict[str, Any]], metric: Metric) -> float | None:
    found = [v for s in sessions if (v := metric.value(s.get("summary") or {})) is not None]
    return statistics.mean(found) if found else None


def weekly_table(sessions: list[dict[str, Any]], game: str, hand: str | None = None,
                 variant: str | None = None) -> list[WeekRow]:
    """Per week (Monday to Sunday): rounds, minutes, and each metric's mean."""
    weeks: dict[date, list[dict[str, Any]]] = {}
    for s in _chosen(sessions, game, hand, variant):
        day = session_day(s)
        if day is not None and s.get("status") == "complete":
            weeks.setdefault(_week(day), []).append(s)
    rows = []
    for week, items in sorted(weeks.items()):
        training = [s for s in items if s.get("mode") == "training"]
        checkups = [s for s in items if s.get("mode") == "checkup"]
        metrics = metrics_of(game)
        values = {m.key: _mean_of(checkups if m.checkup_only else training, m)
                  for m in metrics}
        minutes = sum(float(s.get("duration_ms") or 0) for s in items) / 60_000.0
        rows.append(WeekRow(week, len(items), minutes, values,
                            {m.key: _mean_of(checkups, m) for m in metrics}))
    return rows


# -- the affected hand beside the other ----------------------------------------------------
HAND_DAYS = 14
OTHER_HAND = {"left": "right", "right": "left"}


@dataclass(frozen=True)
class HandComparison:
    """A metric's recent mean on the affected hand beside the other hand's, over the same
    days: the mean of each hand's daily values (each day's median, as charted) from
    `first` to `last` (the game's last day of such rounds, either hand)."""

    metric: Metric
    affected: str             # "left" or "right"
    other: str
    affected_mean: float      # shown scaled, as metric.value gives it
    other_mean: float
    affected_days: int        # the days with a value, in the window
    other_days: int
    first: date
    last: date

    @property
    def ratio(self) -> float | None:
        """Affected over other (None where the other hand's mean is 0)."""
        return self.affected_mean / self.other_mean if self.other_mean else None


def hand_comparison(sessions: Iterable[dict[str, Any]], game: str, metric: Metric,
                    affected: str, *, variant: str | None = None, days: int = HAND_DAYS,
                    left_out: Collection[date] = ()) -> HandComparison | None:
    """The mean of each hand's daily values of `metric` (each day's median of its finished
    rounds: training, or check-ups for a check-up-only metric) of `game` (and way of
    playing `variant`, if given) in the last `days` days up to the last day either hand
    played such a round, the days of `left_out` (high pain) not counted; None unless
    `affected` is "left" or "right" and both hands have a value there."""
    other = OTHER_HAND.get(affected)
    if other is None:
        return None
    mode = "checkup" if metric.checkup_only else "training"
    chosen = [s for s in _chosen(list(sessions), game, None, variant)
              if s.get("mode") == mode and s.get("status") == "complete"]
    days_of = {h: without(by_day((s, metric.value(s.get("summary") or {})) for s in chosen
                                 if s.get("hand") == h), left_out) for h in (affected, other)}
    if not days_of[affected] and not days_of[other]:
        return None
    last = max(p.day for points in days_of.values() for p in points)
    first = last - timedelta(days=max(1, days) - 1)
    recent = {h: [p.value for p in points if p.day >= first] for h, points in days_of.items()}
    if not recent[affected] or not recent[other]:
        return None
    return HandComparison(metric, affected, other, statistics.mean(recent[affected]),
                          statistics.mean(recent[other]), len(recent[affected]),
                          len(recent[other]), first, last)
