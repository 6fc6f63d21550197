"""Drawing the turn game: the ring and its ball with an arrow the way to roll; the line
with its two marks; the dial with its pointer and the target's window; the towel with a
grip at each end; the pencil seen end on, turning between the fingers. The contacts are
dots; the instruction is one line across the top."""

from __future__ import annotations

import pygame

from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.theme import Theme
from games.turn.angles import Point
from games.turn.model import HINT_MS, TurnModel
from games.turn.tasks.base import BALL_MM, Task, on_circle
from games.turn.tasks.circles import CirclesTask
from games.turn.tasks.dial import DialTask
from games.turn.tasks.pencil import PencilTask
from games.turn.tasks.side import SideTask
from games.turn.tasks.wring import GRIP_MM, WringTask

DOT_MM = 4.0


def prompt(model: TurnModel, now_ms: float) -> str:
    """The board's one line: what to do now."""
    hint, task = model.hint, model.task
    if hint is not None and now_ms - hint.t_ms < HINT_MS and task is not None:
        return t(hint.key)
    if task is None:
        return t("turn.clear") if model.contacts else t("turn.wait")
    kind = task.kind
    if model.phase == "dropped":
        return t("turn.pencil.dropped")
    if model.phase == "place":
        return t(f"turn.{kind}.place")
    if isinstance(task, CirclesTask):
        return t(f"turn.circles.{task.direction}")
    if isinstance(task, SideTask):
        return t("turn.side.off_line") if task.off_line else \
            t("turn.side.turn", count=task.cycles, goal=task.goal)
    if isinstance(task, DialTask):
        return t("turn.dial.hold") if task.hold_start_ms is not None else \
            t(f"turn.dial.{task.direction}")
    if isinstance(task, WringTask):
        return t("turn.wring.turn", count=task.cycles, goal=task.goal)
    assert isinstance(task, PencilTask)
    return t("turn.pencil.turn", count=task.rolls, goal=task.goal)


def _on(board: RectMM, point: Point) -> Point:
    """A point of the model's (mm from the board's corner) on the screen (mm)."""
    return board.x + point[0], board.y + point[1]


def _arrowhead(surface: pygame.Surface, theme: Theme, board: RectMM, centre: Point, *,
               radius: float, at_deg: float, sign: int, size_mm: float) -> None:
    """A filled arrowhead on a circle at `at_deg`, pointing the way round `sign`."""
    tip = on_circle(centre, radius, at_deg + sign * size_mm / radius * 57.3)
    back = [on_circle(centre, radius + k * size_mm * 0.6, at_deg) for k in (-1, 1)]
    draw.polygon(surface, theme, [_on(board, p) for p in (tip, *back)], theme.palette.ink)


class TurnView:
    def __init__(self) -> None:
        self._pulse = draw.Pulse()
        self._rings: dict[object, pygame.Surface] = {}

    def signature(self, model: TurnModel, now_ms: float) -> object:
        task, hint = model.task, model.hint
        return (model.phase, model.done, tuple(model.contacts.values()),
                None if task is None else (task.phase, _state(task)),
                hint is not None and now_ms - hint.t_ms < HINT_MS,
                self._pulse.frame(now_ms, model.phase == "place"),
                int((now_ms - task.hold_start_ms) // 100) if isinstance(task, DialTask) and
                task.hold_start_ms is not None else None)   # the hold's ring filling

    def draw(self, surface: pygame.Surface, theme: Theme, model: TurnModel, board: RectMM,
             now_ms: float) -> None:
        self._pulse.seen(theme)
        task = model.task
        if isinstance(task, CirclesTask):
            self._circles(surface, theme, board, task, now_ms)
        elif isinstance(task, SideTask):
            self._side(surface, theme, board, task, now_ms)
        elif isinstance(task, DialTask):
            self._dial(surface, theme, board, task, now_ms)
        elif isinstance(task, WringTask):
            self._wring(surface, theme, board, task, now_ms)
        elif isinstance(task, PencilTask):
            self._pencil(surface, theme, board, task, now_ms)
        text = prompt(model, now_ms)
        if task is not None and _covers(theme, board, task, text):   # large text: a band
            draw.panel(surface, theme, RectMM(board.x + 1, board.y + 1, board.w - 2,
                                              draw.hint_height(theme, board, text)),
                       theme.palette.background)
        draw.board_hint(surface, theme, board, text)
        if isinstance(task, (CirclesTask, SideTask)):    # the ball never under the words
            self._ball(surface, theme, board, task.ball, bool(task.points), now_ms)
        self._contacts(surface, theme, board, model)

    def _contacts(self, surface: pygame.Surface, theme: Theme, board: RectMM,
                  model: TurnModel) -> None:
        pal = theme.palette
        for x, y in model.contacts.values():
            draw.circle(surface, theme, board.x + x, board.y + y, DOT_MM, pal.ink)
            draw.circle(surface, theme, board.x + x, board.y + y, DOT_MM * 0.5, pal.background)

    def _ring(self, theme: Theme, radius: float, band: float) -> pygame.Surface:
        """The ring and its band, drawn once for a theme and a size (a large fill)."""
        key = (theme.palette, theme.profile.px_per_mm, radius, band)
        if key not in self._rings:
            pal = theme.palette
            outer, inner = radius + band, max(0.5, radius - band)
            half = outer + 1.0
            image = pygame.Surface((theme.px(2 * half) + 2, theme.px(2 * half) + 2))
            image.fill(pal.background)      # the board's own colour: blitted opaque, fast
            c = image.get_width() / 2 / theme.profile.px_per_mm
            draw.circle(image, theme, c, c, outer, pal.highlight)
            draw.circle(image, theme, c, c, inner, pal.background)
            for r in (outer, inner):
                draw.circle(image, theme, c, c, r, pal.line, width_mm=0.5)
            draw.circle(image, theme, c, c, radius, pal.muted, width_mm=0.4)
            self._rings = {key: image}
        return self._rings[key]

    def _ball(self, surface: pygame.Surface, theme: Theme, board: RectMM, at: Point,
              held: bool, now_ms: float) -> None:
        draw.target(surface, theme, board.x + at[0], board.y + at[1], BALL_MM, active=True,
                    now_ms=None if held else now_ms)

    def _circles(self, surface: pygame.Surface, theme: Theme, board: RectMM, task: CirclesTask,
                 now_ms: float) -> None:
        cx, cy = board.x + task.centre[0], board.y + task.centre[1]
        ring = self._ring(theme, task.radius, task.band)
        x, y = theme.profile.point_px(cx, cy)
        surface.blit(ring, (x - ring.get_width() // 2, y - ring.get_height() // 2))
        _arrowhead(surface, theme, board, task.centre, radius=task.radius,
                   at_deg=task.ball_deg + task.sign * 35.0, sign=task.sign, size_mm=7.0)

    def _side(self, surface: pygame.Surface, theme: Theme, board: RectMM, task: SideTask,
              now_ms: float) -> None:
        pal = theme.palette
        ends = [task.along(-task.half), task.along(task.half)]
        draw.line(surface, theme, _on(board, ends[0]), _on(board, ends[1]), pal.line,
                  width_mm=3.0)
        for k, end in zip((-1, 1), ends, strict=True):
            next_mark = k == task.heading
            draw.circle(surface, theme, board.x + end[0], board.y + end[1], BALL_MM + 2.0,
                        pal.good if next_mark else pal.idle, width_mm=1.6 if next_mark else 0.8)

    def _dial(self, surface: pygame.Surface, theme: Theme, board: RectMM, task: DialTask,
              now_ms: float) -> None:
        pal = theme.palette
        c, r = task.centre, task.radius
        draw.circle(surface, theme, board.x + c[0], board.y + c[1], r, pal.panel)
        window = [c] + [on_circle(c, r, -90.0 + task.target + d)
                        for d in _steps(-task.tolerance, task.tolerance, 12)]
        draw.polygon(surface, theme, [_on(board, p) for p in window],
                     pal.good if task.inside else pal.highlight)
        draw.circle(surface, theme, board.x + c[0], board.y + c[1], r, pal.ink, width_mm=0.8)
        for k in range(12):                                   # the dial's ticks
            a = -90.0 + task.turned + 30.0 * k
            draw.line(surface, theme, _on(board, on_circle(c, r * 0.82, a)),
                      _on(board, on_circle(c, r * 0.95, a)), pal.muted, width_mm=0.5)
        draw.line(surface, theme, _on(board, c), _on(board, on_circle(c, r * 0.9,
                                                                      -90.0 + task.turned)),
                  pal.ink, width_mm=1.8)
        mark = -90.0 + task.target
        draw.line(surface, theme, _on(board, on_circle(c, r, mark)),
                  _on(board, on_circle(c, r + 6.0, mark)), pal.ink, width_mm=1.2)
        if task.hold_start_ms is not None:
            share = (now_ms - task.hold_start_ms) / max(1.0, task.param("hold_ms"))
            draw.progress_ring(surface, theme, *_on(board, c), r + 3.0, share=share,
                               color=pal.good)

    def _wring(self, surface: pygame.Surface, theme: Theme, board: RectMM, task: WringTask,
               now_ms: float) -> None:
        pal = theme.palette
        left, right = task.grip("left"), task.grip("right")
        draw.line(surface, theme, _on(board, left), _on(board, right), pal.highlight,
                  width_mm=12.0)
        for k in range(1, 6):                                 # the towel's twist lines
            s = k / 6
            mid = (left[0] + (right[0] - left[0]) * s, left[1] + (right[1] - left[1]) * s)
            tilt = (task.angles["right"] - task.angles["left"]) * (s - 0.5) / 30.0
            draw.line(surface, theme, _on(board, (mid[0] - 2.0 - tilt, mid[1] - 5.0)),
                      _on(board, (mid[0] + 2.0 + tilt, mid[1] + 5.0)), pal.line, width_mm=0.6)
        for end, at in (("left", left), ("right", right)):
            held = end in task.ends
            draw.target(surface, theme, board.x + at[0], board.y + at[1], GRIP_MM,
                        active=not held or task.phase == "turn",
                        now_ms=None if held else now_ms)

    def _pencil(self, surface: pygame.Surface, theme: Theme, board: RectMM, task: PencilTask,
                now_ms: float) -> None:
        pal = theme.palette
        c = (task.x, task.y + (task.r * 2.5 if task.dropped else 0.0))
        corners = [on_circle(c, task.r, task.roll_deg + 60.0 * k) for k in range(6)]
        outline = [_on(board, p) for p in corners]
        draw.polygon(surface, theme, outline, pal.star)
        draw.polygon(surface, theme, outline, pal.ink, width_mm=0.8)
        draw.circle(surface, theme, board.x + c[0], board.y + c[1], task.r * 0.55, pal.panel)
        draw.circle(surface, theme, board.x + c[0], board.y + c[1], task.r * 0.22, pal.ink)
        draw.line(surface, theme, _on(board, c), outline[0], pal.ink, width_mm=0.8)  # it turns
        if task.phase == "place":
            for side, finger in ((-1, task.top), (1, task.bottom)):
                if finger is None:
                    draw.target(surface, theme, board.x + c[0],
                                board.y + c[1] + side * (task.r + 4.0), 5.0, active=True,
                                now_ms=now_ms)


def _reach(task: Task) -> float:
    """How far the exercise's drawing reaches above and below its centre (mm)."""
    if isinstance(task, CirclesTask):
        return task.radius + max(task.band, BALL_MM) + 2.0
    if isinstance(task, SideTask):
        return (BALL_MM + 2.0) if task.across else task.half + BALL_MM + 2.0
    if isinstance(task, DialTask):
        return task.radius + 6.0
    if isinstance(task, WringTask):
        return task.radius + GRIP_MM + 2.0
    assert isinstance(task, PencilTask)
    return task.r * 3.5 + 2.0          # and where it falls


def _covers(theme: Theme, board: RectMM, task: Task, text: str) -> bool:
    """Whether the instruction, at this text size, runs into the exercise's drawing (it is
    then drawn on a band of its own, over the drawing's top)."""
    return draw.hint_height(theme, board, text) > task.centre[1] - _reach(task)


def _steps(lo: float, hi: float, n: int) -> list[float]:
    return [lo + (hi - lo) * k / n for k in range(n + 1)]


def _state(task: Task) -> object:
    """What of an exercise the picture shows."""
    if isinstance(task, CirclesTask):
        return round(task.ball_deg, 1)
    if isinstance(task, SideTask):
        return round(task.at, 1), task.heading, task.off_line
    if isinstance(task, DialTask):
        return round(task.turned, 1), task.hold_start_ms
    if isinstance(task, WringTask):
        return tuple(round(a, 1) for a in task.angles.values()), tuple(task.ends)
    assert isinstance(task, PencilTask)
    return round(task.roll_deg, 1), round(task.x, 1), task.dropped
