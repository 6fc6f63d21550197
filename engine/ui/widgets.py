"""Widgets: button, label, progress bar, stars, toast. Positions and sizes in mm.

Buttons are forgiving for shaky hands: a press counts when a finger lifts
within the button or a few millimetres around it, wherever it wandered before.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from engine.display import RectMM
from engine.touch import Phase, Touch
from engine.ui import draw
from engine.ui.icons import draw_icon, draw_star
from engine.ui.presses import press_allowed
from engine.ui.theme import Color, Theme


class Widget:
    """Something drawn in a rectangle that may react to touches."""

    def __init__(self, rect: RectMM) -> None:
        self.rect = rect
        self.visible = True

    def on_touch(self, touch: Touch) -> bool:
        """Handle a touch; True if the widget's look changed."""
        return False

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        raise NotImplementedError


STYLES = ("primary", "secondary", "quiet", "good")


class Button(Widget):
    """A big labelled button that fires `on_press` when a finger lifts on it."""

    def __init__(self, rect: RectMM, label: str, on_press: Callable[[], None] | None = None,
                 *, style: str = "secondary", icon: str | None = None,
                 detail: str | None = None, enabled: bool = True,
                 selected: bool = False, slop_mm: float = 4.0, color: Color | None = None,
                 why_not: Callable[[], None] | None = None, key: bool = False) -> None:
        """`why_not`: what a press on the button while it is disabled does (say why);
        `key`: a keyboard's key, which only its own quick repeat cannot press."""
        super().__init__(rect)
        if style not in STYLES:
            raise ValueError(f"unknown button style {style!r}")
        self.label = label
        self.on_press = on_press
        self.style = style
        self.icon = icon
        self.detail = detail
        self.enabled = enabled
        self.selected = selected
        self.slop_mm = slop_mm
        self.color = color
        self.why_not = why_not
        self.key = key
        self._finger: int | None = None

    @property
    def pressed(self) -> bool:
        return self._finger is not None

    def on_touch(self, touch: Touch) -> bool:
        if not self.visible or not (self.enabled or self.why_not):
            return False
        inside = self.rect.contains(touch.x_mm, touch.y_mm, self.slop_mm)
        if touch.phase is Phase.DOWN:
            if self._finger is None and self.rect.contains(touch.x_mm, touch.y_mm,
                                                           self.slop_mm / 2):
                self._finger = touch.finger
                return True
            return False
        if touch.finger != self._finger:
            return False
        if touch.phase is Phase.UP:
            self._finger = None
            action = self.on_press if self.enabled else self.why_not
            if inside and action is not None and \
                    press_allowed(touch.t_ms, self if self.key else None):
                action()
            return True
        return False

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        if not self.visible:
            return
        self._content(surface, theme, self._frame(surface, theme))

    def _frame(self, surface: pygame.Surface, theme: Theme) -> RectMM:
        """Draw the button's body; returns the area left for its content."""
        fill, _, border = self._colors(theme)
        rect = self.rect.inset(0.6) if self.pressed else self.rect
        draw.panel(surface, theme, rect, fill, border, border_mm=0.5)
        return rect.inset(min(4.0, rect.w * 0.08), min(2.0, rect.h * 0.1))

    def _content(self, surface: pygame.Surface, theme: Theme, inner: RectMM) -> None:
        """Icon, label and detail inside `inner`."""
        _, ink, _ = self._colors(theme)
        if self.selected and not self.icon and inner.w > 30.0:
            size = min(inner.h * 0.5, 7.0)
            draw_icon(surface, theme, "check", RectMM(inner.x, inner.y + (inner.h - size) / 2,
                                                      size, size), ink)
            inner = RectMM(inner.x + size + 1.5, inner.y, inner.w - size - 1.5, inner.h)
        if self.icon:
            words = self._icon(surface, theme, inner, ink, self.icon)
            if words is None:
                return
            inner = words
        sizes = theme.sizes
        label = sizes.label   # a main label: never shrunk under 5 mm capitals
        if self.detail and inner.h < theme.line_mm(label) + theme.line_mm(sizes.small):
            joined = f"{self.label} · {self.detail}"   # one line; the detail only if it fits
            fits = draw.text_width(theme, joined, True, label) <= inner.w
            draw.text_in(surface, theme, joined if fits else self.label, inner, label,
                         ink, bold=True, min_mm=label)
        elif self.detail:
            top, bottom = inner.take_top(inner.h * 0.55)
            draw.text_in(surface, theme, self.label, top, label, ink, bold=True,
                         valign="bottom", min_mm=label)
            draw.text_in(surface, theme, self.detail, bottom, sizes.small, ink, valign="top")
        else:
            draw.text_in(surface, theme, self.label, inner, label, ink, bold=True,
                         min_mm=label)

    def _icon(self, surface: pygame.Surface, theme: Theme, inner: RectMM, ink: Color,
              icon: str) -> RectMM | None:
        """Draw the icon beside the words (wide buttons, when the words still fit), above
        them (tall ones), alone when the words do not fit at all (a keypad's Erase), or not
        at all (the words matter more); returns the words' box (None: no words)."""
        size = min(inner.h * 0.55, 9.0, max(4.0, inner.w * 0.16))
        stacked_h = size + 1.0 + theme.line_mm(theme.sizes.label)
        words = draw.text_width(theme, self.label, bold=True, size_mm=theme.sizes.label)
        beside = words <= inner.w - size - 2.0
        if beside and (inner.w > inner.h * 2.2 or inner.h < stacked_h):
            draw_icon(surface, theme, icon, RectMM(inner.x, inner.y + (inner.h - size) / 2,
                                                   size, size), ink)
            return RectMM(inner.x + size + 2.0, inner.y, inner.w - size - 2.0, inner.h)
        if inner.h >= stacked_h:
            draw_icon(surface, theme, icon,
                      RectMM(inner.x + (inner.w - size) / 2, inner.y, size, size), ink)
            return RectMM(inner.x, inner.y + size + 1.0, inner.w, inner.h - size - 1.0)
        if words > inner.w and not self.detail:
            alone = min(inner.h * 0.7, inner.w * 0.5, 10.0)
            draw_icon(surface, theme, icon, inner.centered(alone, alone), ink)
            return None
        return inner

    def _colors(self, theme: Theme) -> tuple[Color, Color, Color | None]:
        pal = theme.palette
        if not self.enabled:
            return (pal.background, pal.muted, pal.line)
        if self.selected:
            return (pal.primary, pal.on_primary, None)
        if self.color is not None:
            return (self.color, pal.on_primary if not theme.high_contrast else (0, 0, 0),
                    pal.ink if theme.high_contrast else None)
        if self.style == "primary":
            return (pal.primary, pal.on_primary, None)
        if self.style == "good":
            return (pal.good, (255, 255, 255), None)
        if self.style == "quiet":
            return (pal.background, pal.ink, pal.line)
        return (pal.panel, pal.ink, pal.ink if theme.high_contrast else pal.line)


def button_width(theme: Theme, label: str, *, icon: bool = False) -> float:
    """The width a button needs to show `label` at the label size (and its icon)."""
    text = draw.text_width(theme, label, True, theme.sizes.label)
    return text + 2 * 4.0 + 1.0 + (11.0 if icon else 0.0)


def flow(rect: RectMM, widths: list[float], row_h: float, gap: float, *,
         max_rows: int = 2) -> list[RectMM]:
    """Boxes for buttons `widths` wide at least, in as few rows of `row_h` as hold them
    side by side in equal columns (from the top of `rect`), but no more than `max_rows`
    (then the widest may be cut, and the layout check says so)."""
    count = max(1, len(widths))
    widest = max(widths, default=0.0)
    per_row = count
    least = -(-count // max(1, max_rows))
    while per_row > least and (rect.w - gap * (per_row - 1)) / per_row < widest:
        per_row -= 1
    rows = -(-count // per_row)
    band = RectMM(rect.x, rect.y, rect.w, row_h * rows + gap * (rows - 1))
    return [c for r in band.rows(rows, gap) for c in r.columns(per_row, gap)][:count]


SHORT_TILE_MM = 22.0
"""A tile under this height has room for its name only."""


class Tile(Button):
    """A big square-ish button for choosing (a game, a player): title, a line of detail,
    and optionally stars or a lock."""

    def __init__(self, rect: RectMM, label: str, on_press: Callable[[], None] | None = None,
                 *, detail: str | None = None, stars: int | None = None,
                 locked: bool = False, color: Color | None = None,
                 selected: bool = False, why_not: Callable[[], None] | None = None,
                 brief: bool = False) -> None:
        """A locked tile too short for its `detail` (or `brief`: its name only) shows a
        lock instead, and a press on it calls `why_not` (to say the detail)."""
        short = locked and detail is not None and (brief or rect.h < SHORT_TILE_MM)
        super().__init__(rect, label, on_press, detail=None if short else detail, color=color,
                         selected=selected, enabled=not locked,
                         icon="lock" if short and not brief else None, why_not=why_not)
        self.stars = stars
        self.corner_lock = short and brief
        """A name that may take two lines: the lock sits in the corner, out of its way."""

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        if not self.visible:
            return
        inner = self._frame(surface, theme)
        if self.corner_lock:
            size = min(6.0, inner.h * 0.3)
            draw_icon(surface, theme, "lock", RectMM(inner.right - size, inner.y, size, size),
                      self._colors(theme)[1])
            inner = RectMM(inner.x, inner.y, inner.w - size * 0.5, inner.h)
        if self.stars is None:
            self._content(surface, theme, inner)
            return
        body, band = inner.take_bottom(min(9.0, inner.h * 0.28))
        self._content(surface, theme, body)
        Stars(band, self.stars).draw(surface, theme)


TITLE_SIZES = ("heading", "title")
"""Labels at these sizes are titles: never shrunk under the main-label size."""


class Label(Widget):
    """Text in a box, shrunk or wrapped to fit."""

    def __init__(self, rect: RectMM, text: str, *, size: str = "body", bold: bool = False,
                 align: str = "center", valign: str = "center", color: Color | None = None,
                 muted: bool = False, wrap: bool = True) -> None:
        super().__init__(rect)
        self.wrap = wrap
        self.text = text
        self.size = size
        self.bold = bold
        self.align = align
        self.valign = valign
        self.color = color
        self.muted = muted

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        if not (self.visible and self.text):
            return
        color = self.color or (theme.palette.muted if self.muted else theme.palette.ink)
        floor = theme.sizes.label if self.size in TITLE_SIZES else None   # a main label
        draw.text_in(surface, theme, self.text, self.rect, getattr(theme.sizes, self.size),
                     color, bold=self.bold, align=self.align, valign=self.valign,
                     wrap=self.wrap, min_mm=floor)


class TextField(Widget):
    """A box showing typed text, or a hint (muted) or a problem (in the miss colour)."""

    def __init__(self, rect: RectMM, text: str = "", hint: str = "", problem: str = "") -> None:
        super().__init__(rect)
        self.text = text
        self.hint = hint
        self.problem = problem

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        if not self.visible:
            return
        pal = theme.palette
        draw.panel(surface, theme, self.rect, pal.panel, pal.ink, border_mm=0.5)
        inner = self.rect.inset(3.0, 1.0)
        if self.text and not self.problem:
            used = draw.text_in(surface, theme, self.text, inner, theme.sizes.heading, pal.ink,
                                bold=True, align="left", wrap=False)
            caret_x = used.right + theme.px(1.0)
            pygame.draw.line(surface, pal.primary, (caret_x, used.top),
                             (caret_x, used.bottom), max(2, theme.px(0.5)))
        else:
            color = pal.miss if self.problem else pal.muted
            draw.text_in(surface, theme, self.problem or self.hint, inner, theme.sizes.body,
                         color, align="left")


class ProgressBar(Widget):
    """A calm bar with a caption such as "12 of 20"."""

    def __init__(self, rect: RectMM, value: float = 0.0, caption: str = "") -> None:
        super().__init__(rect)
        self.value = value
        self.caption = caption

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        if not self.visible:
            return
        pal = theme.palette
        bar_h = min(self.rect.h, 5.0)
        caption_w = 0.0
        if self.caption:
            image = draw.render_text(theme, self.caption, theme.sizes.small, pal.ink, bold=True)
            caption_w = min(theme.profile.mm(image.get_width()) + 3.0, self.rect.w * 0.5)
        bar = RectMM(self.rect.x, self.rect.y + (self.rect.h - bar_h) / 2,
                     self.rect.w - caption_w, bar_h)
        draw.panel(surface, theme, bar, pal.panel, pal.line, radius_mm=bar_h / 2)
        fraction = min(max(self.value, 0.0), 1.0)
        if fraction > 0:
            filled = RectMM(bar.x, bar.y, max(bar_h, bar.w * fraction), bar.h)
            draw.panel(surface, theme, filled, pal.good, radius_mm=bar_h / 2)
        if self.caption:
            caption = RectMM(bar.right, self.rect.y, caption_w, self.rect.h)
            draw.text_in(surface, theme, self.caption, caption, theme.sizes.small, pal.ink,
                         bold=True, align="right", wrap=False)


class ProgressRing(Widget):
    """A ring that fills clockwise from the top, with a caption in the middle."""

    def __init__(self, rect: RectMM, value: float = 0.0, caption: str = "",
                 detail: str = "", segments: int = 0) -> None:
        super().__init__(rect)
        self.value = value
        self.caption = caption
        self.detail = detail
        self.segments = segments
        """Things to do (a day's sets): the ring is cut into this many pieces, one each."""

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        if not self.visible:
            return
        pal = theme.palette
        size = min(self.rect.w, self.rect.h)
        box = self.rect.centered(size, size)
        cx, cy = box.center
        outer = size / 2
        thickness = max(2.5, size * 0.11)
        _ring(surface, theme, (cx, cy), outer, thickness, fraction=1.0, color=pal.line)
        fraction = min(max(self.value, 0.0), 1.0)
        if fraction > 0:
            _ring(surface, theme, (cx, cy), outer, thickness, fraction=fraction,
                  color=pal.good)
        if 1 < self.segments <= MAX_SEGMENTS:
            _cuts(surface, theme, (cx, cy), outer, thickness, count=self.segments,
                  color=pal.background)
        inner = box.inset(thickness + size * 0.08)
        if not self.caption:
            return
        if self.detail:
            top, bottom = inner.take_top(inner.h * 0.6)
            draw.text_in(surface, theme, self.caption, top, theme.sizes.heading, pal.ink,
                         bold=True, valign="bottom", wrap=False)
            draw.text_in(surface, theme, self.detail, bottom, theme.sizes.small, pal.muted,
                         valign="top")
        else:
            draw.text_in(surface, theme, self.caption, inner, theme.sizes.heading, pal.ink,
                         bold=True, wrap=False)


def _ring(surface: pygame.Surface, theme: Theme, centre: tuple[float, float], outer: float,
          thickness: float, *, fraction: float, color: Color) -> None:
    """A ring segment from 12 o'clock clockwise, as a filled polygon (smooth at any size)."""

    steps = max(8, int(96 * fraction))
    cx, cy = centre
    angles = [-math.pi / 2 + 2 * math.pi * fraction * i / steps for i in range(steps + 1)]
    inner = outer - thickness
    points = [(cx + outer * math.cos(a), cy + outer * math.sin(a)) for a in angles]
    points += [(cx + inner * math.cos(a), cy + inner * math.sin(a)) for a in reversed(angles)]
    pygame.draw.polygon(surface, color, [theme.profile.point_px(x, y) for x, y in points])


MAX_SEGMENTS = 40
"""More things to do than this and the ring stays whole (the cuts would be the ring)."""


def _cuts(surface: pygame.Surface, theme: Theme, centre: tuple[float, float], outer: float,
          thickness: float, *, count: int, color: Color) -> None:
    """Gaps across the ring between `count` equal pieces, from 12 o'clock."""
    cx, cy = centre
    width = max(2, theme.px(min(1.2, outer * math.pi / count * 0.25)))
    for k in range(count):
        a = -math.pi / 2 + 2 * math.pi * k / count
        start, end = (theme.profile.point_px(cx + r * math.cos(a), cy + r * math.sin(a))
                      for r in (outer + 0.3, outer - thickness - 0.3))
        pygame.draw.line(surface, color, start, end, width)


class Stars(Widget):
    """0 to `out_of` stars in a row."""

    def __init__(self, rect: RectMM, count: int, out_of: int = 3) -> None:
        super().__init__(rect)
        self.count = count
        self.out_of = out_of

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        if not self.visible:
            return
        size = min(self.rect.h, self.rect.w / self.out_of)
        left = self.rect.x + (self.rect.w - size * self.out_of) / 2
        for i in range(self.out_of):
            box = RectMM(left + i * size, self.rect.y + (self.rect.h - size) / 2, size, size)
            draw_star(surface, theme, box.inset(size * 0.08), theme.palette.star,
                      filled=i < self.count)


@dataclass
class Toast:
    """A short message at the bottom of the screen that goes away by itself."""

    message: str
    until_ms: float
    tone: str = "info"
    shown_at_ms: float = field(default=0.0)

    def draw(self, surface: pygame.Surface, theme: Theme, board: RectMM) -> None:
        pal = theme.palette
        width = min(board.w - 2 * theme.sizes.margin, 160.0)
        height = theme.sizes.button_h
        rect = RectMM(board.x + (board.w - width) / 2,
                      board.bottom - height - theme.sizes.margin, width, height)
        edge = pal.miss if self.tone == "warning" else pal.good
        draw.panel(surface, theme, rect, pal.ink if not theme.high_contrast else pal.panel,
                   edge, border_mm=1.0)
        draw.text_in(surface, theme, self.message, rect.inset(4.0, 1.5), theme.sizes.body,
                     pal.background if not theme.high_contrast else pal.ink)
