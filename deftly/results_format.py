"""Which numbers a results screen shows, in plain words, for each kind of round."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from engine.i18n import t
from engine.spec import GameSpec

Formatter = Callable[[dict[str, Any]], str | None]


def _finite(summary: dict[str, Any], key: str) -> float | None:
    value = summary.get(key)
    return float(value) if isinstance(value, (int, float)) and math.isfinite(value) else None


def _hits(s: dict[str, Any]) -> str | None:
    rate, trials = _finite(s, "hit_rate"), _finite(s, "trials")
    if rate is None or trials is None:
        return None
    return t("results.hits_value", hits=round(rate * trials), total=int(trials))


def _number(key: str, text: str, field: str) -> Formatter:
    def format_(s: dict[str, Any]) -> str | None:
        value = _finite(s, key)
        return None if value is None else t(text, **{field: value})
    return format_


def _percent(key: str) -> Formatter:
    def format_(s: dict[str, Any]) -> str | None:
        value = _finite(s, key)
        return None if value is None else t("results.rate_value", percent=100 * value)
    return format_


def _seconds(key: str) -> Formatter:
    def format_(s: dict[str, Any]) -> str | None:
        value = _finite(s, key)
        return None if value is None else t("results.seconds_value", s=value / 1000.0)
    return format_


LINES: dict[str, tuple[str, Formatter]] = {
    "hits": ("results.hits", _hits),
    "success_rate": ("results.rate", _percent("success_rate")),
    "reaction_ms_median": ("results.reaction", _number("reaction_ms_median",
                                                       "results.reaction_value", "ms")),
    "throughput_bits_per_s": ("results.throughput", _number("throughput_bits_per_s",
                                                            "results.throughput_value",
                                                            "value")),
    "endpoint_spread_mm": ("results.spread", _number("endpoint_spread_mm",
                                                     "results.spread_value", "mm")),
    "frequency_per_s": ("results.taps", _number("frequency_per_s", "results.taps_value",
                                                "value")),
    "longest_correct": ("results.longest", _number("longest_correct",
                                                   "results.longest_value", "value")),
    "time_inside_share": ("results.time_inside_share", _percent("time_inside_share")),
    "total_time_ms": ("results.total_time_ms", _seconds("total_time_ms")),
    "time_per_peg_ms": ("results.time_per_peg_ms", _seconds("time_per_peg_ms")),
    "time_to_match_ms": ("results.time_to_match_ms", _seconds("time_to_match_ms")),
    "drops": ("results.drops", _number("drops", "results.count_value", "value")),
    "placement_error_mm": ("results.placement_error_mm", _number(
        "placement_error_mm", "results.spread_value", "mm")),
    "aperture_error_mm": ("results.aperture_error_mm", _number(
        "aperture_error_mm", "results.spread_value", "mm")),
    "deviation_mean_mm": ("results.deviation_mean_mm", _number(
        "deviation_mean_mm", "results.deviation_value", "mm")),
    "mean_speed_mm_per_s": ("results.mean_speed_mm_per_s", _number(
        "mean_speed_mm_per_s", "results.speed_value", "value")),
}


def result_lines(spec: GameSpec, summary: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs for the results screen, skipping numbers that are missing."""
    by_kind = spec.extra.get("results", {})
    keys = by_kind.get(summary.get("layout") or summary.get("kind") or "", by_kind.get("", []))
    lines = []
    for key in keys:
        label, fmt = LINES[key]
        value = fmt(summary)
        if value is not None:
            lines.append((t(label), value))
    return lines
