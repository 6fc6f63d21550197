"""The trace game's rules. Pure: positions in mm, times in ms, no pygame, no wall clock.

A shape appears with its start marked. The player puts a finger on the start and
traces inside a corridor. Lifting is fine: the next touch near the point reached
carries on (lifts are counted). A shape of several strokes is traced stroke by stroke.
With a pace, a guide dot moves along the shape and the finger follows it.

The trial ends when the whole shape is traced, when the time limit (if any) runs out,
or when nobody touches for a while after starting. Success means completing most of
the shape with most of the time inside the corridor (per level).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine.game import RoundModel, RoundSetup, Trial
from engine.levels.difficulty import Difficulty
from engine.scoring.geometry import Polyline
from engine.scoring.stats import NAN, mean, median
from engine.scoring.trace import score_strokes
from engine.touch import Phase, Touch
from engine.trial import success_rate
from games.trace.shapes import Shape, load_shape

RESUME_SLOP_MM = 8.0          # a touch this close to the point reached carries on
PROGRESS_BACK_MM = 5.0        # the search for progress looks a little back ...
PROGRESS_AHEAD_MM = 20.0      # ... and not too far ahead (no jumping across the shape)
FOLLOW_SLACK_MM = 2.0         # progress counts a little outside the corridor
END_MM = 1.5                  # a stroke is done this close to its end
IDLE_MS = 8000.0              # after starting, this long without a touch ends the trial
START_WAIT_MS = 60_000.0      # a shape nobody starts is skipped after this long
FIRST_ONSET_MS = 600.0
MAX_STORED_POINTS = 300


@dataclass
class TraceTrial:
    """The shape being traced and everything drawn on it so far."""

    shape: Shape
    strokes: list[np.ndarray]
    lines: list[Polyline]
    corridor_mm: float
    onset_ms: float
    deadline_ms: float | None
    center: tuple[float, float] | None
    stroke: int = 0
    progress_mm: float = 0.0
    finger: int | None = None
    started_ms: float | None = None
    last_touch_ms: float | None = None
    segments: int = 0
    off_start: int = 0
    extra_fingers: int = 0
    samples: list[tuple[float, float, float, int, int]] = field(default_factory=list)

    @property
    def line(self) -> Polyline:
        return self.lines[self.stroke]

    def point_at(self, stroke: int, arc_mm: float) -> tuple[float, float]:
        """The point `arc_mm` along a stroke."""
        line = self.lines[stroke]
        if line.empty:
            return (float(line.points[0][0]), float(line.points[0][1]))
        arc = min(max(arc_mm, 0.0), line.length)
        i = int(np.searchsorted(line.arc_start, arc, side="right") - 1)
        i = min(max(i, 0), len(line.seg_len) - 1)
        f = (arc - line.arc_start[i]) / line.seg_len[i] if line.seg_len[i] > 0 else 0.0
        p = line.seg_start[i] + f * line.seg_vec[i]
        return (float(p[0]), float(p[1]))

    @property
    def resume_point(self) -> tuple[float, float]:
        return self.point_at(self.stroke, self.progress_mm)

    @property
    def total_mm(self) -> float:
        return sum(line.length for line in self.lines)

    def reached_mm(self) -> float:
        """How far along the whole shape the player has got."""
        return sum(line.length for line in self.lines[:self.stroke]) + self.progress_mm


@dataclass
class Feedback:
    kind: str          # "done", "missed" or "hint"
    t_ms: float
    text: str = ""


class TraceModel(RoundModel):
    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        params = difficulty.params()
        self.total = int(params["trials"])
        self.shape_ids = [s.strip() for s in str(params["shapes"]).split(",") if s.strip()]
        self.trial: TraceTrial | None = None
        self.feedback: Feedback | None = None
        self._early = 0
        self._params = params
        self._order = self._shuffled()
        self.schedule(FIRST_ONSET_MS, self._start_trial)

    def _shuffled(self) -> list[str]:
        """Shapes in the level's order, repeated; later rounds of the list are shuffled."""
        order = list(self.shape_ids)
        while len(order) < self.total:
            more = list(self.shape_ids)
            self.rng.shuffle(more)
            order += more
        return order[: self.total]

    @property
    def board(self) -> tuple[float, float]:
        return (self.setup.board_w_mm, self.setup.board_h_mm)

    # -- the engine's interface -------------------------------------------------------------
    def on_touch(self, touch: Touch) -> None:
        self._advance(touch.t_ms)
        trial = self.trial
        if self._finished:
            return
        if trial is None:
            if touch.phase is Phase.DOWN:
                self._early += 1
            return
        if touch.phase is Phase.DOWN:
            self._down(trial, touch)
        elif touch.finger == trial.finger:
            if touch.phase is Phase.MOVE:
                self._move(trial, touch)
            else:
                self._lift(trial, touch)
        if self.trial is trial:
            self._watch_idle(trial)

    # -- trials -------------------------------------------------------------------------------
    def _start_trial(self, t: float) -> None:
        self._params = self.difficulty.params()
        shape = load_shape(self._order[self.done % len(self._order)])
        size = min(float(self._params["size_mm"]), self.board[0] - 12.0, self.board[1] - 12.0)
        mirrored = self.setup.mirrored
        strokes, lines = placed_lines(shape, size, self.board, mirrored)
        limit = self.time_limit(self._params)
        deadline = None if limit is None else t + limit
        self.trial = TraceTrial(shape, strokes, lines,
                                float(self._params["corridor_mm"]), t, deadline,
                                shape.placed_center(size, self.board, mirrored))
        if deadline is not None:
            self.schedule(deadline, self._time_out, "deadline")
        self.schedule(t + START_WAIT_MS, self._time_out, "wait")

    def _watch_idle(self, trial: TraceTrial) -> None:
        """Once started, a trial with no finger on the shape ends IDLE_MS after the last
        touch; a shape nobody starts waits START_WAIT_MS."""
        if trial.started_ms is None:
            return
        self.cancel("wait")
        if trial.finger is None and trial.last_touch_ms is not None:
            self.schedule(trial.last_touch_ms + IDLE_MS, self._time_out, "wait")

    def _time_out(self, t_ms: float) -> None:
        trial = self.trial
        assert trial is not None
        timed_out = trial.deadline_ms is not None and t_ms >= trial.deadline_ms
        self._finish(t_ms, "too_slow" if timed_out else (
            "not_started" if trial.started_ms is None else "incomplete"))

    @property
    def pace_mm_per_s(self) -> float:
        return 0.0 if self.setup.self_paced else float(self._params.get("pace_mm_s", 0.0))

    def guide_point(self, t_ms: float) -> tuple[float, float] | None:
        """Where the guide dot is (paced levels), or None."""
        if self.trial is None or self.pace_mm_per_s <= 0:
            return None
        return guide_position(self.trial, self.pace_mm_per_s, t_ms)

    def _down(self, trial: TraceTrial, touch: Touch) -> None:
        if trial.finger is not None:
            trial.extra_fingers += 1
            return
        x, y = trial.resume_point
        if math.hypot(touch.x_mm - x, touch.y_mm - y) > trial.corridor_mm / 2 + RESUME_SLOP_MM:
            trial.off_start += 1
            self.feedback = Feedback("hint", touch.t_ms, "start" if trial.started_ms is None
                                     else "resume")
            return
        if trial.started_ms is None:
            trial.started_ms = touch.t_ms
        trial.finger = touch.finger
        trial.segments += 1
        trial.last_touch_ms = touch.t_ms
        self.feedback = None
        self._sample(trial, touch)

    def _move(self, trial: TraceTrial, touch: Touch) -> None:
        trial.last_touch_ms = touch.t_ms
        self._sample(trial, touch)

    def _lift(self, trial: TraceTrial, touch: Touch) -> None:
        self._sample(trial, touch)
        trial.finger = None
        trial.last_touch_ms = touch.t_ms

    def _sample(self, trial: TraceTrial, touch: Touch) -> None:
        trial.samples.append((touch.t_ms, touch.x_mm, touch.y_mm, trial.stroke,
                              trial.segments))
        line = trial.line
        lo = trial.progress_mm - PROGRESS_BACK_MM
        hi = trial.progress_mm + PROGRESS_AHEAD_MM
        # the segments that end at or after `lo` and start at or before `hi`: one run of
        # indices, as segment ends and starts both only grow along the line
        first = int(line.arc_end.searchsorted(lo, side="left"))
        stop = int(line.arc_start.searchsorted(hi, side="right"))
        if first < stop:
            window = slice(first, stop)
            start, vec, seg_len = line.seg_start[window], line.seg_vec[window], \
                line.seg_len[window]
            rx, ry = touch.x_mm - start[:, 0], touch.y_mm - start[:, 1]
            vx, vy = vec[:, 0], vec[:, 1]
            length2 = np.maximum(seg_len * seg_len, 1e-12)
            f = np.minimum(np.maximum((rx * vx + ry * vy) / length2, 0.0), 1.0)
            d = np.hypot(rx - f * vx, ry - f * vy)
            best = int(d.argmin())
            if d[best] <= trial.corridor_mm / 2 + FOLLOW_SLACK_MM:
                arc = float(line.arc_start[first + best] + f[best] * seg_len[best])
                trial.progress_mm = max(trial.progress_mm, min(arc, hi))
        if trial.progress_mm >= line.length - END_MM:
            if trial.stroke + 1 < len(trial.lines):
                trial.stroke += 1
                trial.progress_mm = 0.0
                trial.finger = None   # lift and start the next stroke at its start
            else:
                self._finish(touch.t_ms, "complete")

    def _finish(self, t: float, outcome: str) -> None:
        trial = self.trial
        assert trial is not None
        self.trial = None
        self.cancel("deadline")
        self.cancel("wait")
        samples = trial.samples
        times = [s[0] for s in samples]
        xy = [(s[1], s[2]) for s in samples]
        which = [s[3] for s in samples]
        score = score_strokes(times, xy, which, trial.lines, trial.corridor_mm, trial.center)
        metrics = score.to_dict()
        completion = _as_float(metrics.get("completion")) or 0.0
        inside = _as_float(metrics.get("time_inside_share"))
        needed_inside = float(self._params.get("inside_needed", 0.8))
        needed_done = float(self._params.get("completion_needed", 0.9))
        pursuit = self._pursuit_error(trial)
        success = completion >= needed_done and inside is not None and \
            inside >= needed_inside and (pursuit is None or pursuit <= max(trial.corridor_mm,
                                                                           6.0))
        record: Trial = {
            "kind": "trace", "index": self.done, "shape": trial.shape.id,
            "shape_kind": trial.shape.kind, "strokes": len(trial.lines),
            "outcome": outcome, "success": bool(success),
            "level_value": self.difficulty.adapted, "corridor_mm": trial.corridor_mm,
            "length_ref_mm": trial.total_mm, "onset_ms": trial.onset_ms,
            "start_ms": trial.started_ms, "end_ms": t,
            "reaction_ms": (trial.started_ms - trial.onset_ms) if trial.started_ms is not None
            else None,
            "lifts": max(0, trial.segments - len(trial.lines)) if trial.segments else 0,
            "off_start_touches": trial.off_start, "extra_fingers": trial.extra_fingers,
            "early_touches": self._early, "pace_mm_s": self.pace_mm_per_s or None,
            "pursuit_error_mm": pursuit, **metrics,
            "path": _thin(samples),
        }
        self._early = 0
        self.feedback = Feedback("done" if record["success"] else "missed", t, outcome)
        if self.record(record):
            self.schedule(t + float(self._params.get("pause_ms", 1200.0)), self._start_trial)

    def _pursuit_error(self, trial: TraceTrial) -> float | None:
        """Mean distance between the finger and the guide dot (paced levels)."""
        pace = self.pace_mm_per_s
        if pace <= 0 or not trial.samples:
            return None
        errors = [math.dist((x, y), guide_position(trial, pace, t))
                  for t, x, y, _, _ in trial.samples]
        return float(sum(errors) / len(errors))

    # -- the round's numbers ------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        trials = self.results

        def values(key: str) -> list[float]:
            return [t[key] for t in trials if isinstance(t.get(key), (int, float))]

        spirals = [t for t in trials if t.get("shape_kind") == "spiral"]
        return {
            "kind": "trace", "trials": len(trials),
            "success_rate": success_rate(trials),
            "final_value": self.difficulty.adapted,
            "completion": mean(values("completion")),
            "time_inside_share": mean(values("time_inside_share")),
            "deviation_mean_mm": mean(values("deviation_mean_mm")),
            "deviation_max_mm": max(values("deviation_max_mm"), default=NAN),
            "mean_speed_mm_per_s": median(values("mean_speed_mm_per_s")),
            "sparc": median(values("sparc")),
            "tremor_band_power_share": median(values("tremor_band_power_share")),
            "lifts": sum(values("lifts")),
            "spiral_rmse_mm": mean([t["spiral_rmse_mm"] for t in spirals
                                    if t.get("spiral_rmse_mm") is not None]),
        }


_PLACED: dict[tuple[object, ...], tuple[list[np.ndarray], list[Polyline]]] = {}
PLACED_KEPT = 64


def placed_lines(shape: Shape, size_mm: float, board: tuple[float, float], mirrored: bool
                 ) -> tuple[list[np.ndarray], list[Polyline]]:
    """A shape's strokes placed on the board, and their reference lines: made once for the
    same shape, size and board (read-only), so the scoring's search grids are built once."""
    strokes = shape.placed(size_mm, board, mirrored)
    key = (shape.id, *((s.shape, s.tobytes()) for s in strokes))
    cached = _PLACED.get(key)
    if cached is None:
        for stroke in strokes:
            stroke.flags.writeable = False
        cached = (strokes, [Polyline.of(s) for s in strokes])
        for line in cached[1]:
            for array in (line.points, line.seg_start, line.seg_vec, line.seg_len,
                          line.arc_start, line.arc_end):
                array.flags.writeable = False
        if len(_PLACED) >= PLACED_KEPT:
            del _PLACED[next(iter(_PLACED))]
        _PLACED[key] = cached
    return list(cached[0]), list(cached[1])


def guide_position(trial: TraceTrial, pace_mm_per_s: float, t_ms: float
                   ) -> tuple[float, float]:
    """The guide dot moves along the shape at the pace from the player's first touch."""
    start = trial.started_ms
    travelled = 0.0 if start is None else pace_mm_per_s * max(0.0, t_ms - start) / 1000.0
    for index, line in enumerate(trial.lines):
        if travelled <= line.length or index == len(trial.lines) - 1:
            return trial.point_at(index, travelled)
        travelled -= line.length
    return trial.point_at(len(trial.lines) - 1, travelled)


def _thin(samples: list[tuple[float, float, float, int, int]]) -> list[list[float]]:
    """At most MAX_STORED_POINTS samples [t, x, y, touch-down number] for drawing the ink
    later (the round's recording keeps every sample)."""
    if not samples:
        return []
    step = max(1, math.ceil(len(samples) / MAX_STORED_POINTS))
    kept = samples[::step]
    if kept[-1] is not samples[-1]:
        kept.append(samples[-1])
    return [[round(t, 1), round(x, 2), round(y, 2), seg] for t, x, y, _, seg in kept]


def _as_float(value: object) -> float | None:
    """A metric as a number (None when it is missing)."""
    return float(value) if isinstance(value, (int, float)) else None
