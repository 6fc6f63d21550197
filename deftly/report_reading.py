"""A game's page in plain words: each check-up measure's change from the first check-up to
the last, against its minimal detectable change (deftly.detectable)."""

from __future__ import annotations

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
    """The metric's change over the check-ups, and the days from the first to the last."""
    points = checkup_points(sessions, metric, left_out)
    change = checkup_change([p.value for p in points], metric.higher_is_better)
    return change, (points[-1].day - points[0].day).days if points else 0


def shown(metric: Metric, value: float) -> float:
    """The value as the page prints it (rounded as `metric.format` rounds it)."""
    return float(metric.format(value).rsplit(" ", 1)[0])


def sentence(metric: Metric, change: CheckupChange, days: int, hand: str = "") -> str:
    """"Reaction time (median), check-ups: improved by 120 ms from 640 ms to 520 ms over
    8 weeks, beyond the day-to-day noise (MDC95 45 ms)." The amount is the difference of
    the values printed (so it never reads "by 0"); a percentage's is in points."""
    moved = shown(metric, change.last) - shown(metric, change.first)
    if moved == 0:
        direction = t("report.read.unchanged")
    else:
        amount = metric.format(abs(moved))
        if metric.unit == "%":
            amount = t("report.read.points", amount=amount.rsplit(" ", 1)[0])
        better = (moved > 0) == metric.higher_is_better
        direction = t("report.read.improved" if better else "report.read.worsened",
                      amount=amount)
    if change.beyond is None:
        verdict = t("report.read.too_few", count=change.count, needed=MIN_CHECKUPS)
    else:
        verdict = t("report.read.beyond" if change.beyond else "report.read.within",
                    mdc=metric.format(change.mdc))
    over = t("report.read.weeks", count=round(days / 7)) if days >= 7 else \
        t("report.read.days", count=days)
    label = t(metric.label) + (f" ({hand})" if hand else "")
    return t("report.read.change", metric=label, direction=direction,
             first=metric.format(change.first), last=metric.format(change.last),
             weeks=over, verdict=verdict)


def reading(sessions: list[dict[str, Any]], game: str,
            left_out: Collection[date] = (), hand: str = "") -> list[str]:
    """The game's check-up measures in plain words, one sentence each (or why not yet);
    `hand` names the hand they are of, where the player practises more than one."""
    said = []
    counts = []
    for metric in trends.metrics_of(game):
        if metric.group:
            continue
        change, days = measured(sessions, metric, left_out)
        counts.append(len(trends.daily(sessions, metric, "checkup")))
        if change is not None:
            said.append(sentence(metric, change, days, hand))
    if not said:
        said.append(t("report.read.one_checkup" if any(counts) else "report.read.no_checkup"))
    return said


def hands_said(sessions: list[dict[str, Any]], game: str, affected: str,
               left_out: Collection[date] = ()) -> list[str]:
    """"Reaction time (median), hands compared: Left hand (needs practice) 612 ms, Right
    hand 420 ms, ratio 1.46 (the last two weeks)." for each main measure of a one-sided
    condition whose player practises both hands (`trends.hand_comparison`: the same two
    weeks for both); no ratio where it would mislead (a value at or below zero)."""
    said = []
    for metric in trends.metrics_of(game):
        found = None if metric.group else trends.hand_comparison(sessions, game, metric,
                                                                 affected, left_out=left_out)
        if found is None:
            continue
        a, b = found.affected_mean, found.other_mean
        words = {"metric": t(metric.label), "affected": t(f"hand.{found.affected}"),
                 "other": t(f"hand.{found.other}"), "affected_value": metric.format(a),
                 "other_value": metric.format(b)}
        said.append(t("report.read.hands", ratio=a / b, **words) if a > 0 and b > 0
                    else t("report.read.hands_no_ratio", **words))
    return said
