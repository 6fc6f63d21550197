"""Drawing the trace game, and the results preview of the ink coloured by deviation."""

from __future__ import annotations

from typing import Any

import numpy as np
import pygame

from engine.display import RectMM
from engine.i18n import t
from engine.scoring.geometry import Polyline, project
from engine.ui import draw
from engine.ui.theme import Color, Theme
from games.trace.model import TraceModel, TraceTrial
from games.trace.shapes import load_shape

INK_MM = 1.1
START_MM = 4.0
FEEDBACK_MS = 1200.0
REPLAY_MS = 2500.0


def _px(theme: Theme, board: RectMM, pts: np.ndarray) -> list[tuple[int, int]]:
    ppm = theme.profile.px_per_mm
    return [(round((board.x + x) * ppm), round((board.y + y) * ppm)) for x, y in pts]


def _band(surface: pygame.Surface, theme: Theme, board: RectMM, pts: np.ndarray,
          width_mm: float, color: Color | tuple[int, int, int, int]) -> None:
    """A thick line with round ends and joins (the corridor)."""
    points = _px(theme, board, pts)
    width = max(2, theme.px(width_mm))
    if len(points) >= 2:
        pygame.draw.lines(surface, color, False, points, width)
    radius = width // 2
    for point in [*points[::max(1, len(points) // 400)], points[-1]]:
        pygame.draw.circle(surface, color, point, radius)


def _arrow(surface: pygame.Surface, theme: Theme, board: RectMM, trial: TraceTrial,
           stroke: int, color: Color) -> None:
    """Two chevrons showing which way to go from the start of a stroke."""
    for arc in (7.0, 12.0):
        tip = np.array(trial.point_at(stroke, arc + 2.5))
        back = np.array(trial.point_at(stroke, arc - 2.5))
        direction = tip - back
        norm = float(np.hypot(*direction))
        if norm < 1e-6:
            return
        direction /= norm
        side = np.array([-direction[1], direction[0]])
        wing = 2.2
        pts = [back + side * wing, tip, back - side * wing]
        pygame.draw.lines(surface, color, False, _px(theme, board, np.array(pts)),
                          max(2, theme.px(0.8)))


class TraceView:
    """Draws from an opaque canvas per shape: the corridor is painted once, the ink is
    added as it arrives, and each frame blits the canvas and the few moving parts."""

    def __init__(self) -> None:
        self._key: Any = None
        self._canvas: pygame.Surface | None = None
        self._inked = 0
        self._pulse = draw.Pulse()

    def signature(self, model: TraceModel, now_ms: float) -> object:
        trial = model.trial
        fb = model.feedback
        moving = model.pace_mm_per_s > 0 and trial is not None and trial.started_ms
        return (model.done, trial.onset_ms if trial else None,
                trial.stroke if trial else None, len(trial.samples) if trial else None,
                trial.finger if trial else None, fb.t_ms if fb else None,
                int(now_ms // 16) if moving else None,
                fb is not None and now_ms - fb.t_ms < FEEDBACK_MS,
                self._pulse.frame(now_ms, trial is not None and trial.finger is None))

    def _canvas_for(self, surface: pygame.Surface, theme: Theme, trial: TraceTrial,
                    board: RectMM) -> pygame.Surface:
        key = (id(trial), trial.stroke, theme.palette, theme.profile, board,
               surface.get_size())
        if self._canvas is None or key != self._key:
            pal = theme.palette
            canvas = pygame.Surface(surface.get_size())
            canvas.fill(pal.background)
            layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            soft = (*pal.highlight, 110 if not theme.high_contrast else 170)
            for index, stroke in enumerate(trial.strokes):
                color = (*pal.good, 70) if index < trial.stroke else soft \
                    if index == trial.stroke else (*pal.line, 90)
                _band(layer, theme, board, stroke, trial.corridor_mm, color)
                pygame.draw.lines(layer, (*pal.muted, 160), False,
                                  _px(theme, board, stroke), max(1, theme.px(0.35)))
            canvas.blit(layer, (0, 0))
            self._key, self._canvas, self._inked = key, canvas, 0
        samples = trial.samples
        if len(samples) > self._inked:
            first = max(0, self._inked - 1)
            self._ink(self._canvas, theme, samples[first:], board, theme.palette.ink)
            self._inked = len(samples)
        return self._canvas

    def draw(self, surface: pygame.Surface, theme: Theme, model: TraceModel, board: RectMM,
             now_ms: float) -> None:
        pal = theme.palette
        self._pulse.seen(theme)
        trial = model.trial
        if trial is not None:
            area = pygame.Rect(theme.profile.rect_px(board))
            surface.blit(self._canvas_for(surface, theme, trial, board), area, area)
            if trial.finger is None:
                x, y = trial.resume_point
                draw.target(surface, theme, board.x + x, board.y + y, START_MM, active=True,
                            now_ms=now_ms, fill=pal.good)
                if trial.progress_mm < 1.0:
                    _arrow(surface, theme, board, trial, trial.stroke, pal.ink)
            guide = model.guide_point(now_ms)
            if guide is not None:
                draw.circle(surface, theme, board.x + guide[0], board.y + guide[1], 3.0,
                            pal.target)
                draw.circle(surface, theme, board.x + guide[0], board.y + guide[1], 3.0,
                            pal.target_edge, width_mm=0.5)
        self._hint(surface, theme, model, board, now_ms)

    @staticmethod
    def _ink(surface: pygame.Surface, theme: Theme,
             samples: list[tuple[float, float, float, int, int]], board: RectMM,
             color: Color) -> None:
        """Ink lines, broken where the finger lifted."""
        width = max(2, theme.px(INK_MM))
        start = 0
        for i in range(1, len(samples) + 1):
            if i == len(samples) or samples[i][4] != samples[start][4]:
                pts = np.array([(s[1], s[2]) for s in samples[start:i]])
                if len(pts) >= 2:
                    pygame.draw.lines(surface, color, False, _px(theme, board, pts), width)
                start = i

    def _hint(self, surface: pygame.Surface, theme: Theme, model: TraceModel, board: RectMM,
              now_ms: float) -> None:
        trial = model.trial
        fb = model.feedback
        text = ""
        if fb is not None and now_ms - fb.t_ms < FEEDBACK_MS and fb.kind in ("done", "missed"):
            text = t("trace.done") if fb.kind == "done" else t("trace.missed")
        elif trial is not None and trial.finger is None:
            if trial.started_ms is None:
                text = t("trace.follow") if model.pace_mm_per_s > 0 else t("trace.start")
            elif trial.progress_mm < 0.5 and trial.stroke > 0:
                text = t("trace.next_stroke")
            else:
                text = t("trace.resume")
        if text:
            draw.board_hint(surface, theme, board, text)


def draw_preview(surface: pygame.Surface, theme: Theme, rect: RectMM, result: Any,
                 now_ms: float) -> None:
    """The last traced shape with the ink coloured by how far it strayed, drawn as if
    being traced again (all at once with calm motion)."""
    trials = [tr for tr in result.trials if tr.get("kind") == "trace" and tr.get("path")]
    if not trials:
        return
    trial = trials[-1]
    setup = result.setup
    shape = load_shape(trial["shape"])
    board = (setup.board_w_mm, setup.board_h_mm)
    size = min(float(result.level.values().get("size_mm", 60.0)), board[0] - 12.0,
               board[1] - 12.0)
    strokes = shape.placed(size, board, setup.mirrored)
    everything = np.vstack(strokes)
    lo, hi = everything.min(axis=0), everything.max(axis=0)
    span = max(float((hi - lo).max()), 1.0) + trial["corridor_mm"]
    scale = min(rect.w, rect.h) / span
    offset = np.array(rect.center) - (lo + hi) / 2 * scale
    pal = theme.palette
    corridor = trial["corridor_mm"]
    placed_board = RectMM(0, 0, 0, 0)
    for stroke in strokes:
        _band(surface, theme, placed_board, stroke * scale + offset, corridor * scale,
              (*pal.highlight,) if not theme.high_contrast else pal.panel)
    path = np.array([[p[1], p[2]] for p in trial["path"]])
    segments = np.array([p[3] for p in trial["path"]])
    lines = [Polyline.of(s) for s in strokes]
    distance = np.min([project(path, line).distance for line in lines], axis=0)
    shown = len(path) if theme.reduced_motion else max(2, int(len(path) * min(
        1.0, now_ms / REPLAY_MS)))
    width = max(2, theme.px(INK_MM * 1.4))
    for i in range(1, shown):
        if segments[i] != segments[i - 1]:
            continue
        d = distance[i]
        color = pal.good if d <= corridor / 2 else pal.target if d <= corridor else pal.miss
        a, b = path[i - 1] * scale + offset, path[i] * scale + offset
        pygame.draw.line(surface, color, theme.profile.point_px(*a),
                         theme.profile.point_px(*b), width)
