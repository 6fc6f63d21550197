"""Stars and encouraging words tied to real numbers. Never shaming: on a bad day we say
something true and kind, or suggest a rest."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

from engine.i18n import t

RECENT = 5
MEANINGFUL = 0.05   # a change smaller than 5 % is not mentioned


def stars(summary: dict[str, Any]) -> int:
    """1 to 3 stars for a round: effort always earns one."""
    rate = summary.get("success_rate")
    if rate is None or (isinstance(rate, float) and math.isnan(rate)):
        return 1
    return 3 if rate >= 0.75 else 2 if rate >= 0.5 else 1


def _value(summary: dict[str, Any], key: str) -> float | None:
    value = summary.get(key)
    return float(value) if isinstance(value, (int, float)) and math.isfinite(value) else None


def _recent(previous: Sequence[dict[str, Any]], key: str) -> float | None:
    values = [v for s in previous[-RECENT:] if (v := _value(s, key)) is not None]
    return statistics.median(values) if values else None


def messages(summary: dict[str, Any], previous: Sequence[dict[str, Any]]) -> list[str]:
    """Up to two true, encouraging sentences comparing this round with the recent ones."""
    if not previous:
        return [t("praise.first")]
    found: list[str] = []
    hits_now = _hits(summary)
    hits_before = _hits(previous[-1])
    if hits_now is not None and hits_before is not None and hits_now > hits_before:
        found.append(t("praise.more_hits", n=hits_now - hits_before))
    reaction, usual = _value(summary, "reaction_ms_median"), _recent(previous,
                                                                    "reaction_ms_median")
    if reaction is not None and usual is not None and reaction < usual * (1 - MEANINGFUL):
        found.append(t("praise.faster", ms=usual - reaction))
    spread, usual = _value(summary, "endpoint_spread_mm"), _recent(previous,
                                                                   "endpoint_spread_mm")
    if spread is not None and usual is not None and spread < usual * (1 - MEANINGFUL):
        found.append(t("praise.steadier"))
    best = max((v for s in previous if (v := _value(s, "throughput_bits_per_s")) is not None),
               default=None)
    throughput = _value(summary, "throughput_bits_per_s")
    if throughput is not None and best is not None and throughput > best * (1 + MEANINGFUL):
        found.append(t("praise.throughput"))
    return found[:2] or [t("praise.steady")]


def _hits(summary: dict[str, Any]) -> int | None:
    rate, trials = _value(summary, "hit_rate"), _value(summary, "trials")
    if rate is None or trials is None:
        return None
    return round(rate * trials)


def dropping(session_summaries: Sequence[dict[str, Any]]) -> bool:
    """Performance fell over today's last rounds: time to suggest a short rest."""
    rates = [v for s in session_summaries if (v := _value(s, "success_rate")) is not None]
    return len(rates) >= 3 and rates[-1] < rates[-2] < rates[-3] and \
        rates[-1] < rates[-3] - 0.15
