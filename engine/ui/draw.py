"""Drawing helpers in mm: rounded panels, text in boxes, circles, targets, shading."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import pygame

from engine.display import RectMM
from engine.ui.theme import Color, Theme, font_at

ALIGN = {"left": pygame.FONT_LEFT, "center": pygame.FONT_CENTER, "right": pygame.FONT_RIGHT}


@dataclass(frozen=True, order=True)
class DrawnText:
    """A string as drawn: its anchor (left, centre or right edge by its alignment, and its
    vertical middle) in mm, rounded to 0.5 mm so font-rendering versions do not matter."""

    y_mm: float
    x_mm: float
    text: str

    def line(self) -> str:
        return f"{self.x_mm:7.1f} {self.y_mm:6.1f}  {self.text!r}"


_text_log: list[DrawnText] | None = None


@contextmanager
def recording_text() -> Iterator[list[DrawnText]]:
    """Collect every string drawn inside the block (golden tests compare the values)."""
    global _text_log
    outer, _text_log = _text_log, []
    try:
        yield _text_log
    finally:
        _text_log = outer


def blit_text(surface: pygame.Surface, theme: Theme, text: str, image: pygame.Surface,
              dest: pygame.Rect | tuple[int, int], *, align: str = "left",
              area: pygame.Rect | None = None, full: pygame.Rect | None = None) -> None:
    """Put rendered `text` on `surface` at `dest` (and note it while text is recorded);
    `area`, the part of the image shown, and `full`, where the whole would be."""
    surface.blit(image, dest, area=area)
    if _text_log is None or not text.strip():
        return
    box = full or image.get_rect(topleft=(dest[0], dest[1]))
    offset = surface.get_abs_offset()
    x = {"left": box.left, "center": box.centerx, "right": box.right}[align] + offset[0]
    y = box.centery + offset[1]
    mm = theme.profile.mm
    _text_log.append(DrawnText(round(mm(y) * 2) / 2, round(mm(x) * 2) / 2, text))


def panel(surface: pygame.Surface, theme: Theme, rect: RectMM, fill: Color,
          border: Color | None = None, *, border_mm: float = 0.6,
          radius_mm: float | None = None) -> None:
    """A rounded rectangle, optionally outlined."""
    r = pygame.Rect(theme.profile.rect_px(rect))
    radius = theme.px(theme.sizes.radius if radius_mm is None else radius_mm)
    pygame.draw.rect(surface, fill, r, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, r, width=max(1, theme.px(border_mm)),
                         border_radius=radius)


def shade(surface: pygame.Surface, theme: Theme) -> None:
    """Dim everything already drawn (under a dialog)."""
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill(theme.palette.shade)
    surface.blit(veil, (0, 0))


def render_text(theme: Theme, text: str, size_mm: float, color: Color, *, bold: bool = False,
                wrap_px: int = 0, align: str = "left") -> pygame.Surface:
    """Rendered text (cached: the same words in the same style are drawn once)."""
    size_px = max(6, theme.px(size_mm * theme.text_scale))
    return _rendered(text, size_px, tuple(color), bold, wrap_px, align)


@lru_cache(maxsize=1024)
def _rendered(text: str, size_px: int, color: Color, bold: bool, wrap_px: int,
              align: str) -> pygame.Surface:
    font = font_at(size_px, bold)
    font.align = ALIGN[align]
    return font.render(text, True, color, None, wrap_px)


def text_width(theme: Theme, text: str, bold: bool = False, size_mm: float | None = None
               ) -> float:
    """How wide `text` is on one line at `size_mm` (the small size by default), in mm."""
    font = theme.font(theme.sizes.small if size_mm is None else size_mm, bold)
    return theme.profile.mm(font.size(text)[0])


def first_fitting(theme: Theme, texts: Sequence[str], width_mm: float, *,
                  bold: bool = False, size_mm: float | None = None) -> str | None:
    """The first of `texts` (longest first, say) that fits `width_mm` on one line at
    `size_mm` (the small size by default), or None if none does."""
    return next((text for text in texts if text_width(theme, text, bold, size_mm) <= width_mm),
                None)


def ellipsize(theme: Theme, text: str, width_mm: float, *, bold: bool = False,
              size_mm: float | None = None) -> str:
    """`text` whole if it fits `width_mm` on one line at `size_mm` (the small size by
    default), else its longest start that fits with "…" after it ("" if not even "…")."""
    if text_width(theme, text, bold, size_mm) <= width_mm:
        return text
    low, high = 0, len(text)           # the longest start that fits: a binary search
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(theme, text[:mid].rstrip() + "…", bold, size_mm) <= width_mm:
            low = mid
        else:
            high = mid - 1
    if low == 0:
        return "…" if text_width(theme, "…", bold, size_mm) <= width_mm else ""
    return text[:low].rstrip() + "…"


def lines_of(theme: Theme, text: str, width_mm: float, bold: bool = False,
             size_mm: float | None = None) -> int:
    """How many lines `text` takes wrapped between words in `width_mm` (at `size_mm`, the
    small size by default)."""
    size = theme.sizes.small if size_mm is None else size_mm
    if not text.strip() or text_width(theme, text, bold, size) <= width_mm:
        return 1
    image = render_text(theme, text, size, (0, 0, 0), bold=bold,
                        wrap_px=max(1, theme.px(width_mm)))
    return max(1, round(image.get_height() / theme.font(size, bold).get_linesize()))


def fit_text(theme: Theme, text: str, rect: RectMM, size_mm: float, color: Color, *,
             bold: bool = False, align: str = "center", min_mm: float | None = None,
             wrap: bool = True) -> pygame.Surface:
    """Render `text` as large as `size_mm` but small enough to fit `rect`.

    Lines wrap between words only: the text shrinks before a word would be split, but never
    under `min_mm` (the theme's small size, 4 mm capitals, by default; never less). With
    larger text it may shrink back to what the default text size shows. What does not fit
    at that size is drawn at it all the same, for the box to cut (the layout check reports
    it): the layout must make room, the text does not become unreadable.
    """
    floor = max(theme.sizes.small, min_mm or 0.0) / max(1.0, theme.text_scale)
    width_px = max(1, theme.px(rect.w))
    height_px = max(1, theme.px(rect.h))
    longest = max(text.split(), key=len, default="")
    size = max(size_mm, floor)
    while True:
        image = render_text(theme, text, size, color, bold=bold, align=align)
        if image.get_width() <= width_px and image.get_height() <= height_px:
            return image
        if wrap and theme.font(size, bold).size(longest)[0] <= width_px:
            wrapped = render_text(theme, text, size, color, bold=bold, wrap_px=width_px,
                                  align=align)
            if wrapped.get_height() <= height_px or size <= floor:
                return wrapped
        if size <= floor:
            return image
        size = max(floor, size * 0.92)


def text_in(surface: pygame.Surface, theme: Theme, text: str, rect: RectMM, size_mm: float,
            color: Color, *, bold: bool = False, align: str = "center", valign: str = "center",
            wrap: bool = True, min_mm: float | None = None) -> pygame.Rect:
    """Draw `text` inside `rect`, shrunk or wrapped to fit; returns the pixel area used."""
    image = fit_text(theme, text, rect, size_mm, color, bold=bold, align=align, min_mm=min_mm,
                     wrap=wrap)
    box = pygame.Rect(theme.profile.rect_px(rect))
    dest = image.get_rect()
    if align == "center":
        dest.centerx = box.centerx
    elif align == "right":
        dest.right = box.right
    else:
        dest.left = box.left
    if valign == "center":
        dest.centery = box.centery
    elif valign == "bottom":
        dest.bottom = box.bottom
    else:
        dest.top = box.top
    shown = dest.clip(box.left, dest.top, box.width, box.bottom - dest.top)  # never spill
    blit_text(surface, theme, text, image, shown.topleft, align=align,
              area=shown.move(-dest.x, -dest.y), full=dest)
    return dest


def board_hint(surface: pygame.Surface, theme: Theme, board: RectMM, text: str, *,
               at_bottom: bool = False) -> None:
    """A game's instruction, bold, across the top (or the bottom) of its board, on one
    line or, when it needs them, two."""
    h = hint_height(theme, board, text) - HINT_EDGE_MM
    band = RectMM(board.x + 4, board.bottom - 2 - h if at_bottom else board.y + 2,
                  board.w - 8, h)
    text_in(surface, theme, text, band, theme.sizes.body, theme.palette.ink, bold=True)


HINT_EDGE_MM = 2.0
"""The gap between a board's edge and its instruction."""


def hint_height(theme: Theme, board: RectMM, text: str) -> float:
    """How much of the board's edge `board_hint` takes for `text` (one line, or two when
    it needs them), in mm."""
    lines = min(2, lines_of(theme, text, board.w - 8, True, theme.sizes.body))
    return theme.line_mm(theme.sizes.body, lines) + 0.5 + HINT_EDGE_MM


def circle(surface: pygame.Surface, theme: Theme, x_mm: float, y_mm: float, r_mm: float,
           color: Color, *, width_mm: float = 0.0) -> None:
    """A filled (or outlined, if width_mm > 0) circle."""
    width = 0 if width_mm <= 0 else max(1, theme.px(width_mm))
    pygame.draw.circle(surface, color, theme.profile.point_px(x_mm, y_mm),
                       max(1, theme.px(r_mm)), width)


PointMM = tuple[float, float]


def line(surface: pygame.Surface, theme: Theme, a: PointMM, b: PointMM, color: Color, *,
         width_mm: float) -> None:
    """A straight line from a to b (mm), at least 1 px wide."""
    pygame.draw.line(surface, color, theme.profile.point_px(*a), theme.profile.point_px(*b),
                     max(1, theme.px(width_mm)))


def polyline(surface: pygame.Surface, theme: Theme, points: Sequence[PointMM], color: Color,
             *, width_mm: float) -> None:
    """Connected straight lines through `points` (mm), open."""
    pygame.draw.lines(surface, color, False, [theme.profile.point_px(*p) for p in points],
                      max(1, theme.px(width_mm)))


def polygon(surface: pygame.Surface, theme: Theme, points: Sequence[PointMM], color: Color,
            *, width_mm: float = 0.0) -> None:
    """A filled (or outlined, if width_mm > 0) polygon through `points` (mm)."""
    width = 0 if width_mm <= 0 else max(1, theme.px(width_mm))
    pygame.draw.polygon(surface, color, [theme.profile.point_px(*p) for p in points], width)


def progress_ring(surface: pygame.Surface, theme: Theme, x_mm: float, y_mm: float,
                  r_mm: float, *, share: float, color: Color, width_mm: float = 1.6) -> None:
    """An arc round (x, y) from the top, `share` (0 to 1) of the way round: a hold filling."""
    left, top = theme.profile.point_px(x_mm - r_mm, y_mm - r_mm)
    size = theme.px(2 * r_mm)
    share = min(1.0, max(0.0, share))
    pygame.draw.arc(surface, color, pygame.Rect(left, top, size, size), math.pi / 2,
                    math.pi / 2 + 2 * math.pi * share, max(2, theme.px(width_mm)))


PULSE_MS = 1600.0   # one breath of an active target's halo
PULSE_STEPS = 32    # drawn in this many steps (20 a second)


class Pulse:
    """The breathing of active targets, for a view's `signature`: the step while one is
    shown and motion is on (as the theme the view last drew with says), else None."""

    def __init__(self) -> None:
        self.moving = True

    def seen(self, theme: Theme) -> None:
        self.moving = not theme.reduced_motion

    def frame(self, now_ms: float, active: bool = True) -> int | None:
        return _pulse_step(now_ms) if active and self.moving else None


def _pulse_step(now_ms: float) -> int:
    return int(now_ms * PULSE_STEPS // PULSE_MS) % PULSE_STEPS


def _clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def target(surface: pygame.Surface, theme: Theme, x_mm: float, y_mm: float, r_mm: float, *,
           active: bool, now_ms: float | None = None, fill: Color | None = None,
           outline_mm: float | None = None) -> None:
    """A touch target, drawn alike in every game and told apart by more than colour.

    Active (touch this now): filled (`fill`, by default the palette's `active`), edged,
    with a bullseye (a ring, on targets 7 mm or more across, and a dot) and a halo that
    breathes with `now_ms` (still when it is None or motion is calm). Inactive: hollow,
    an outline in the palette's `idle` (`outline_mm` wide, thin by default)."""
    pal = theme.palette
    if not active:
        circle(surface, theme, x_mm, y_mm, r_mm, pal.idle,
               width_mm=_clamp(r_mm * 0.1, 0.5, 1.2) if outline_mm is None else outline_mm)
        return
    color = pal.active if fill is None else fill
    breath = 0.5 if now_ms is None or theme.reduced_motion else \
        (1 - math.cos(2 * math.pi * _pulse_step(now_ms) / PULSE_STEPS)) / 2
    circle(surface, theme, x_mm, y_mm, r_mm + 1.2 + 1.8 * breath, color, width_mm=0.6)
    circle(surface, theme, x_mm, y_mm, r_mm, color)
    circle(surface, theme, x_mm, y_mm, r_mm, pal.active_edge,
           width_mm=_clamp(r_mm * 0.12, 0.6, 1.2))
    if r_mm >= 3.5:
        circle(surface, theme, x_mm, y_mm, r_mm * 0.55, pal.active_mark,
               width_mm=_clamp(r_mm * 0.1, 0.5, 1.2))
    circle(surface, theme, x_mm, y_mm, _clamp(r_mm * 0.18, 0.6, 2.0), pal.active_mark)
