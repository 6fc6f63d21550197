"""Turn a loaded recording into one JSON-ready dict of metrics, with its units."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.analysis.formats import AxisPath, PointingSequence, Points, Taps
from engine.scoring.geometry import Polyline
from engine.scoring.pointing import mean_throughput, sequence_throughput
from engine.scoring.result import clean
from engine.scoring.stats import mean
from engine.scoring.tapping import tapping
from engine.scoring.trace import score_trace


@dataclass(frozen=True)
class Units:
    """Source units per millimetre; None keeps source units (and says so)."""

    per_mm: float | None = None

    def length(self, values: np.ndarray) -> np.ndarray:
        return values / self.per_mm if self.per_mm else values

    def names(self, result: dict[str, Any]) -> dict[str, Any]:
        """Rename `_mm` to `_units` in keys when lengths were not converted."""
        return result if self.per_mm else {_rename(k): v for k, v in result.items()}

    def label(self, result: dict[str, Any]) -> dict[str, Any]:
        """The result with its units stated first."""
        if self.per_mm:
            units = {"length": "mm", "time": "ms", "source_units_per_mm": self.per_mm}
        else:
            units = {"length": "source units (pass --units-per-mm to convert to mm)",
                     "time": "ms"}
        return {"units": units, **self.names(result)}


def _rename(key: str) -> str:
    return key.replace("_mm_", "_units_").removesuffix("_mm") + (
        "_units" if key.endswith("_mm") else "")


def analyze_path(points: Points, units: Units, start: tuple[float, float] | None = None,
                 end: tuple[float, float] | None = None,
                 reference: np.ndarray | None = None,
                 corridor: float | None = None) -> dict[str, Any]:
    """Path metrics of the pen-down samples: axis offsets and/or deviation from a reference."""
    down = points.down()
    xy = units.length(down.xy)
    axis = None
    if start is not None and end is not None:
        axis = (units.length(np.asarray(start, dtype=float)),
                units.length(np.asarray(end, dtype=float)))
    line = Polyline.of(units.length(reference)) if reference is not None else None
    width = units.length(np.asarray(corridor, dtype=float)) if corridor is not None else None
    score = score_trace(down.t_ms, xy, reference=line, axis=axis,
                        corridor_mm=float(width) if width is not None else None,
                        stroke_of=points.stroke_of())
    return units.label({"task": "path", **score.to_dict()})


def analyze_handwriting(points: Points, units: Units) -> dict[str, Any]:
    """Handwriting (letters, words): strokes, on-surface length, time and speed, the time
    in the air between strokes, and SPARC; no reference, no spiral fit."""
    down = points.down()
    score = score_trace(down.t_ms, units.length(down.xy), stroke_of=points.stroke_of())
    return units.label({"task": "handwriting", **score.to_dict()})


MIN_SPIRAL_TURNS = 1.0
"""A drawing that turns less than this around the fitted centre is not a spiral: its
spiral fit (spacing, RMSE) means nothing."""


def analyze_spiral(points: Points, units: Units,
                   center: tuple[float, float] | None = None) -> dict[str, Any]:
    """Spiral fit (centre estimated unless given) plus the path metrics."""
    down = points.down()
    xy = units.length(down.xy)
    c = units.length(np.asarray(center, dtype=float)) if center is not None else None
    score = score_trace(down.t_ms, xy, spiral=True, spiral_center=c,
                        stroke_of=points.stroke_of())
    result: dict[str, Any] = {"task": "spiral", **score.to_dict()}
    turns = score.spiral.turns if score.spiral is not None else float("nan")
    result["spiral_fit_meaningful"] = bool(np.isfinite(turns) and turns >= MIN_SPIRAL_TURNS)
    if not result["spiral_fit_meaningful"]:
        result["spiral_note"] = (f"the drawing turns {turns:.2f} times around its centre, "
                                 f"under {MIN_SPIRAL_TURNS:g}: it is not a spiral, and "
                                 "its spiral fit means nothing" if np.isfinite(turns) else
                                 "too few samples for a spiral fit")
    return units.label(result)


def analyze_taps(taps: Taps, units: Units, notes: dict[str, Any] | None = None
                 ) -> dict[str, Any]:
    """Tapping metrics; `notes` (how the file was read) go in the result as they are."""
    result = tapping(taps.down_ms, taps.up_ms, units.length(taps.down_xy),
                     units.length(taps.target_xy) if taps.target_xy is not None else None,
                     taps.start_ms, taps.end_ms, count_lifts=taps.count_lifts)
    return units.label({"task": "tapping", **(notes or {}), **result.to_dict()})


def taps_from_points(points: Points) -> Taps:
    """Each pen-down in a points recording is a tap; each pen-up its lift."""
    pen = points.pen > 0
    previous = np.r_[False, pen[:-1]]
    down = pen & ~previous
    up = ~pen & previous
    return Taps(points.t_ms[down], points.t_ms[up], points.xy[down], None,
                float(points.t_ms.min()), float(points.t_ms.max()))


def analyze_pointing(sequences: list[PointingSequence], units: Units) -> dict[str, Any]:
    """ISO 9241-9 throughput per sequence and their mean (never pooled)."""
    results = []
    for seq in sequences:
        tp = sequence_throughput(units.length(seq.start), units.length(seq.target),
                                 units.length(seq.select), seq.movement_ms, seq.serial)
        results.append((seq, tp))
    rows = [{"code": seq.code, "amplitude_mm": float(units.length(np.array(seq.amplitude))),
             "width_mm": float(units.length(np.array(seq.width))), "task": seq.task,
             "response": seq.response, **tp.to_dict()} for seq, tp in results]
    mean_tp = clean(mean_throughput([tp for _, tp in results]))
    return units.label({"task": "pointing", "throughput_bits_per_s": mean_tp,
                        "sequences": [units.names(row) for row in rows]})


def analyze_axis_paths(paths: list[AxisPath], units: Units) -> dict[str, Any]:
    """MacKenzie's accuracy measures (MO, ME, MV) for every AccuracyMeasures trial, each
    with its code, and their means over the file's trials."""
    rows = []
    for path in paths:
        score = score_trace(np.arange(len(path.xy)) * 10.0, units.length(path.xy),
                            axis=(units.length(path.start), units.length(path.end)))
        assert score.axis is not None
        rows.append({**path.code, **score.axis.to_dict()})
    means = {key: clean(mean([row[key] for row in rows]))
             for key in ("mo_mm", "me_mm", "mv_mm")}
    return units.label({"task": "axis", "trials": len(rows), "means_of": "trials", **means,
                        "per_trial": [units.names(row) for row in rows]})
