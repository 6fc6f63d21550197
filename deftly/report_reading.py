"""A game's page in plain words: each check-up measure's change from the first check-up to
the last, against its minimal detectable change (deftly.detectable)."""

from __future__ import annotations

import math
from collections.abc import Collection
from datetime import date
from typing import Any

from deftly import trends
from deftly.detectable import MIN_CHECKUPS, CheckupChange, checkup_change
from engine.i18n import t
from engine.spec import Metric


def checkup_points(sessions: list[dict[str, Any]], metric: Metric,
                   left_out: Collection[date] = ()) -> list[trends.Point]:
    """Each check-up day's value, in order, the days of high pain left out."""
    return trends.without(trends.daily(sessions, metric, "checkup"), left_out)


def measured(sessions: list[dict[str, Any]], metric: Metric,
             left_out: Collection[date] = ()) -> tuple[CheckupChange | None, int]:
    """The metric's change over the check-ups, and the weeks from the first to the last."""
    points = checkup_points(sessions, metric, left_out)
    change = checkup_change([p.value for p in points], metric.higher_is_better)
    weeks = round((points[-1].day - points[0].day).days / 7) if points else 0
    return change, weeks


def sentence(metric: Metric, change: CheckupChange, weeks: int) -> str:
    """"Reaction time (median), check-ups: improved by 120 ms from 640 ms to 520 ms over
    8 weeks, beyond the day-to-day noise (MDC95 45 ms)."""
    amount = metric.format(abs(change.change))
    if metric.format(change.first) == metric.format(change.last):
        direction = t("report.read.unchanged")
    else:
        direction = t("report.read.improved" if change.better else "report.read.worsened",
                      amount=amount)
    if change.beyond is None:
        verdict = t("report.read.too_few", count=change.count, needed=MIN_CHECKUPS)
    else:
        verdict = t("report.read.beyond" if change.beyond else "report.read.within",
                    mdc=metric.format(change.mdc))
    return t("report.read.change", metric=t(metric.label), direction=direction,
             first=metric.format(change.first), last=metric.format(change.last),
             weeks=t("report.read.weeks", count=weeks), verdict=verdict)


def reading(sessions: list[dict[str, Any]], game: str,
            left_out: Collection[date] = ()) -> list[str]:
    """The game's check-up measures in plain words, one sentence each (or why not yet)."""
    said = []
    counts = []
    for metric in trends.metrics_of(game):
        if metric.group:
            continue
        change, weeks = measured(sessions, metric, left_out)
        counts.append(len(checkup_points(sessions, metric, left_out)))
        if change is not None:
            said.append(sentence(metric, change, weeks))
    if not said:
        said.append(t("report.read.one_checkup" if any(counts) else "report.read.no_checkup"))
    return said


RECENT_DAYS = 14
OTHER_HAND = {"left": "right", "right": "left"}


def recent_mean(sessions: list[dict[str, Any]], metric: Metric, hand: str,
                days: int = RECENT_DAYS) -> float | None:
    """The mean of a hand's daily values over its last `days` days played (training; the
    check-ups for a check-up-only measure)."""
    mode = "checkup" if metric.checkup_only else "training"
    points = trends.daily([s for s in sessions if s.get("hand") == hand], metric, mode)
    if not points:
        return None
    last = points[-1].day
    recent = [p.value for p in points if (last - p.day).days < days]
    return sum(recent) / len(recent)


def hands_compared(sessions: list[dict[str, Any]], game: str, affected: str
                   ) -> list[tuple[Metric, float, float]]:
    """For a one-sided condition whose player practises both hands: each main measure's
    recent mean for the affected hand and for the other (none if either is missing)."""
    other = OTHER_HAND.get(affected)
    if other is None:
        return []
    out = []
    for metric in trends.metrics_of(game):
        if metric.group:
            continue
        mine, theirs = (recent_mean(sessions, metric, h) for h in (affected, other))
        if mine is not None and theirs is not None:
            out.append((metric, mine, theirs))
    return out


def hands_said(sessions: list[dict[str, Any]], game: str, affected: str) -> list[str]:
    """"Reaction time (median): left hand (needs practice) 612 ms, right hand 420 ms,
    ratio 1.46 (the last two weeks)." for each main measure."""
    other = OTHER_HAND.get(affected, "")
    return [t("report.read.hands", metric=t(m.label), affected=t(f"hand.{affected}"),
              other=t(f"hand.{other}"), affected_value=m.format(a), other_value=m.format(b),
              ratio=a / b if b else math.nan)
            for m, a, b in hands_compared(sessions, game, affected)]
