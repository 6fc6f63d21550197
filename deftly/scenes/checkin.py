"""How does your hand feel? Before the day's first round: pain, then tiredness, each on six
big faces (0, 2, 4, 6, 8, 10); after the day's last: better, the same or worse. One tap
each, and Skip, a big button in the corner, on every question. Finishes with None."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

import pygame

from deftly import checkins
from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.ui import draw
from engine.ui.theme import Color, Theme
from engine.ui.widgets import Button, Widget

STEPS = {"before": ("pain", "fatigue"), "after": ("feeling",)}
FEELING_FACE = {"better": 0, "same": 4, "worse": 8}
"""The face each answer after the day shows (how much it hurts, on the faces' scale)."""


def draw_face(surface: pygame.Surface, theme: Theme, box: RectMM, level: int, ink: Color
              ) -> None:
    """A plain face for `level` on 0 to 10: a smile at 0, a straight mouth at 4 to 6,
    a frown and pained brows at 8 and 10 (drawn, not a picture: any size, any contrast)."""
    r = min(box.w, box.h) / 2
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    width = max(0.6, r * 0.09)
    draw.circle(surface, theme, cx, cy, r, ink, width_mm=width)
    for side in (-1, 1):
        draw.circle(surface, theme, cx + side * r * 0.36, cy - r * 0.22, max(0.6, r * 0.1), ink)
        if level >= 8:                             # brows raised in the middle: it hurts
            draw.line(surface, theme, (cx + side * r * 0.16, cy - r * 0.56),
                      (cx + side * r * 0.56, cy - r * 0.44), ink, width_mm=width)
    bend = (5 - level) / 5                         # +1 a smile, -1 a frown
    across = [k / 12 * 2 - 1 for k in range(13)]   # -1 .. 1 across the mouth
    draw.polyline(surface, theme, [(cx + s * r * 0.45, cy + r * 0.35 + bend * r * 0.2 * (1 - s * s))
                                   for s in across], ink, width_mm=width)


FACE_MIN_MM = 12.0
"""A face beside its words is at least this big (it is read at a glance); where it would
be smaller, the answers show their faces and numbers only, faces at least `SMALL_FACE_MM`."""
SMALL_FACE_MM = 7.5
EDGES_MM = 8.0


class FaceButton(Button):
    """A big answer: a face above its words, or beside them on a short button."""

    def __init__(self, rect: RectMM, label: str, level: int, on_press: Callable[[], None],
                 *, beside: bool = False, lines: int = 1) -> None:
        """`lines`: the words' room under the face (alike on every answer: the faces are
        all one size)."""
        super().__init__(rect, label, on_press)
        self.level = level
        self.beside = beside
        self.lines = lines

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        if not self.visible:
            return
        inner = self._frame(surface, theme)
        _, ink, _ = self._colors(theme)
        if self.beside:
            face = RectMM(inner.x, inner.y, inner.h, inner.h)
            words = RectMM(face.right + 2.0, inner.y, inner.w - inner.h - 2.0, inner.h)
        else:
            face, words = inner.take_bottom(theme.line_mm(theme.sizes.label, self.lines))
        draw_face(surface, theme, face.inset(1.0), self.level, ink)
        draw.text_in(surface, theme, self.label, words, theme.sizes.label, ink,
                     bold=True, min_mm=theme.sizes.label)


def face_layout(theme: Theme, area: RectMM, labels: list[str], gap: float,
                face_min: float = FACE_MIN_MM) -> tuple[list[RectMM], bool, int] | None:
    """Cells for the answers, as many across as keep every face and its words whole: a
    face over its words (two lines at most), or, on short cells, beside one line; with
    whether they are beside and the lines the words take. None if they cannot be."""
    size = theme.sizes.label
    line = theme.line_mm(size)
    for cols in sorted({len(labels), math.ceil(len(labels) / 2), 2}, reverse=True):
        rows = math.ceil(len(labels) / cols)
        cells = [c for r in area.rows(rows, gap) for c in r.columns(cols, gap)]
        w, h = cells[0].w - EDGES_MM, cells[0].h - 4.0
        lines = max(draw.lines_of(theme, label, w, True, size) for label in labels)
        if lines <= 2 and h - lines * line >= face_min:
            return cells, False, lines
        if h >= max(face_min, line) and all(
                draw.text_width(theme, label, True, size) <= w - h - 2.0 for label in labels):
            return cells, True, 1
    return None


class CheckInScene(Screen[None]):
    """One question at a time; each answer (or Skip) goes on to the next."""

    def __init__(self, shell, when: str, day: date) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.when = when
        self.day = day
        self.step = 0
        self.answers: dict[str, object] = {}

    @property
    def question(self) -> str:
        return STEPS[self.when][self.step]

    def heading(self) -> str:
        return t(f"checkin.{self.question}.title")

    def headings(self) -> list[str]:
        return [self.heading(), t(f"checkin.{self.question}.short")]

    show_back = False       # Skip, in the corner where Back would be, says the same

    def corner_buttons(self) -> list[Widget]:
        """Skip: as big as a button gets, top right, on every question."""
        sizes = self.app.theme.sizes
        board = self.app.board.inset(sizes.margin * 0.75, sizes.margin * 0.5)
        w = min(max(44.0, draw.text_width(self.app.theme, t("checkin.skip"), True,
                                          sizes.label) + 16.0), board.w * 0.4)
        box = RectMM(board.right - w, board.y, w, self.header_height())
        return [Button(box, t("checkin.skip"), lambda: self.answer(None), icon="next")]

    def go_back(self) -> None:
        self.answer(None)

    def on_command(self, command: Command) -> None:
        """Back (Escape, a tablet's back key) skips this question, like Skip: the answers
        already given are kept."""
        if command is Command.BACK:
            self.answer(None)
        else:
            super().on_command(command)

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        answers = content
        choices = self._choices()
        theme = self.app.theme
        labels = [c[0] for c in choices]
        found = face_layout(theme, answers, labels, sizes.gap)
        if found is None:    # a small screen (or large text): the faces and their numbers
            labels = [c[1] for c in choices]
            found = face_layout(theme, answers, labels, sizes.gap, SMALL_FACE_MM)
        cells, beside, lines = found or ([c for r in answers.rows(2, sizes.gap)
                                          for c in r.columns(3, sizes.gap)], False, 1)
        return [FaceButton(cell, label, level, lambda v=value: self.answer(v), beside=beside,
                           lines=lines)
                for cell, label, (_, _, level, value) in zip(cells, labels, choices,
                                                              strict=False)]

    def _choices(self) -> list[tuple[str, str, int, object]]:
        """(words, short words, face, answer) for each button."""
        if self.question == "feeling":
            return [(t(f"checkin.feeling.{f}"), t(f"checkin.feeling.{f}"), FEELING_FACE[f], f)
                    for f in checkins.FEELINGS]
        return [(t(f"checkin.{self.question}.{level}"), str(level), level, level)
                for level in checkins.FACES]

    def answer(self, value: object) -> None:
        """An answer (None: skipped) to this question; after the last, the check-in is
        stored (nothing if every one was skipped) and the screen closes."""
        self.answers[self.question] = value
        if self.step + 1 < len(STEPS[self.when]):
            self.step += 1
            self.refresh()
            return
        profile = self.shell.profile
        if profile is not None:
            checkins.record(self.shell.store, profile.id, self.shell.today().date(),
                            self.when, **self.answers)     # the day it is answered
        self.finish(None)
