"""Stars and encouraging words tied to real numbers. Never shaming: on a bad day we say
something true and kind, or suggest a rest."""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from engine.i18n import t
from engine.spec import GameSpec, Metric, Praise, Shows

RECENT = 5


def stars(summary: dict[str, Any]) -> int:
    """1 to 3 stars for a round: effort always earns one, a round with nothing done none."""
    if summary.get("trials") == 0:
        return 0
    rate = summary.get("success_rate")
    if rate is None or (isinstance(rate, float) and math.isnan(rate)):
        return 1
    return 3 if rate >= 0.75 else 2 if rate >= 0.5 else 1


RATE = Metric("success_rate", "results.rate")


def _reference(metric: Metric, praise: Praise, previous: Sequence[Mapping[str, Any]],
               trials: Any = None) -> float | None:
    """What this round is compared with: the last round of as many trials (a count such as
    hits means nothing against a longer set), the recent median or the best."""
    if praise.against == "last":
        alike = [s for s in previous if s.get("trials") == trials]
        return metric.value(alike[-1]) if alike else None
    values = [v for s in (previous[-RECENT:] if praise.against == "recent" else previous)
              if (v := metric.value(s)) is not None]
    if not values:
        return None
    if praise.against == "recent":
        return statistics.median(values)
    return max(values) if metric.higher_is_better else min(values)


def _better(metric: Metric, praise: Praise, now: float, before: float) -> bool:
    if abs(now - before) < praise.least:
        return False
    if metric.higher_is_better:
        return now > before * (1 + praise.margin)
    return now < before * (1 - praise.margin)


def messages(spec: GameSpec, summary: Mapping[str, Any],
             previous: Sequence[Mapping[str, Any]]) -> list[str]:
    """Up to two true, encouraging sentences comparing this round with the recent ones, from
    the metrics the game's spec marks for praise."""
    if not previous:
        return [t("praise.first")]
    found: list[str] = []
    for metric in spec.shown(Shows.PRAISE):
        assert metric.praise is not None, f"{spec.id}: {metric.key} shows praise but has none"
        now = metric.value(summary)
        before = _reference(metric, metric.praise, previous, summary.get("trials"))
        if now is not None and before is not None and _better(metric, metric.praise, now,
                                                               before):
            change = abs(now - before)
            found.append(t(metric.praise.text, change=change, count=change))
    return found[:2] or [t("praise.steady")]


def dropping(session_summaries: Sequence[dict[str, Any]]) -> bool:
    """Performance fell over today's last rounds: time to suggest a short rest."""
    rates = [v for s in session_summaries if (v := RATE.value(s)) is not None]
    return len(rates) >= 3 and rates[-1] < rates[-2] < rates[-3] and \
        rates[-1] < rates[-3] - 0.15
