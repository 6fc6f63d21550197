"""A round of the turn game in numbers: each exercise's measures over its trials, and the
circles' and the dial's apart for each direction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engine.scoring.stats import NAN, mean, median
from engine.trial import numbers, success_rate

CIRCLE_KEYS = ("speed_deg_s", "speed_cv_percent", "radial_rms_mm", "inside_percent", "sparc",
               "reversals")
DIAL_MEDIANS = ("time_to_target_ms", "overshoot_deg", "turn_speed_deg_s")
WAYS = ("cw", "ccw")


def summarise(results: Sequence[dict[str, Any]], kinds: Sequence[str]) -> dict[str, Any]:
    done = list(results)
    by_kind = {k: [tr for tr in done if tr["kind"] == k] for k in set(kinds)}
    out: dict[str, Any] = {"kind": "+".join(kinds), "tasks": "+".join(kinds),
                           "trials": len(done), "success_rate": success_rate(done)}
    if "circles" in by_kind:
        out.update(_circles(by_kind["circles"]))
    if "side" in by_kind:
        side = by_kind["side"]
        out.update(side_cycles=sum(numbers(side, "cycles")),
                   amplitude_mm=mean(numbers(side, "amplitude_mm")),
                   rhythm_cv_percent=mean(numbers(side, "rhythm_cv_percent")))
    if "dial" in by_kind:
        out.update(_dial(by_kind["dial"]))
    if "wring" in by_kind:
        wring = by_kind["wring"]
        out.update({"wring_cycles": sum(numbers(wring, "cycles")),
                    **{key: mean(numbers(wring, key)) for key in (
                        "cycles_per_min", "amplitude_left_deg", "amplitude_right_deg",
                        "symmetry_ratio")}})
    if "pencil" in by_kind:
        pencil = by_kind["pencil"]
        out.update(rolls=sum(numbers(pencil, "rolls")), drops=sum(numbers(pencil, "drops")),
                   roll_sparc=mean(numbers(pencil, "roll_sparc")),
                   rolls_per_min=mean(numbers(pencil, "rolls_per_min")))
    return out


def _circles(trials: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {key: mean(numbers(trials, key)) for key in CIRCLE_KEYS}
    out["turned_deg"] = sum(numbers(trials, "turned_deg"))
    for way in WAYS:
        mine = [tr for tr in trials if tr.get("direction") == way]
        for key in CIRCLE_KEYS:
            out[f"{key}_{way}"] = mean(numbers(mine, key))
        out[f"turned_deg_{way}"] = sum(numbers(mine, "turned_deg")) if mine else NAN
    return out


def _dial(trials: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {key: median(numbers(trials, key)) for key in DIAL_MEDIANS}
    out["hold_rms_deg"] = mean(numbers(trials, "hold_rms_deg"))
    for way in WAYS:
        reached = numbers([tr for tr in trials if tr.get("direction") == way], "reached_deg")
        out[f"range_{way}_deg"] = max(reached) if reached else NAN
    return out
