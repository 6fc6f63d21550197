"""A fast line chart for trends: dots, lines, diamonds, change markers and guides.

The x axis is any number (the shell uses day ordinals) with labels the caller supplies;
the y axis gets "nice" ticks, upside down if asked (where smaller is the better way). A
named series has its name at the right of the plot, level with its last point, never over
the data or another name. Everything is drawn with plain pygame primitives, so a year of
daily points draws in a few milliseconds.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from engine.display import RectMM
from engine.ui import draw
from engine.ui.theme import Color, Theme

XY = tuple[float, float]


@dataclass(frozen=True)
class Layer:
    """Points drawn one way: "dots" (small), "line" (joined), "diamonds" (large, edged),
    "dashed" (joined by a dashed line), "squares" (filled, edged) or "rings" (hollow)."""

    kind: str
    points: Sequence[XY]
    color: Color
    label: str = ""
    """A series' name: layers of one name are one series, named once at the right of the
    plot after a swatch of their marks."""


@dataclass(frozen=True)
class Flag:
    """A mark at x: a change beyond the noise (an arrow) or a guide (a dashed line)."""

    x: float
    label: str
    color: Color
    up: bool | None = None      # None: a guide line, not a change
    filled: bool = True         # a hollow arrow reads differently without colour


@dataclass
class ChartData:
    layers: list[Layer] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    x_range: tuple[float, float] = (0.0, 1.0)
    x_labels: list[tuple[float, str]] = field(default_factory=list)
    unit: str = ""
    y_format: str = "{:g}"
    x_labels_shown: bool = True    # False: ticks only (charts stacked over one date axis)
    y_range: tuple[float, float] | None = None   # the y axis covers at least this (a scale)
    y_inverted: bool = False       # smaller values up
    names_mm: float | None = None
    """The room at the right for the series' names (None: what they need; charts stacked
    over one date axis share the widest)."""


def nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    """Round tick values covering [lo, hi] (steps of 1, 2, 2.5 or 5 times a power of 10)."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return []
    if hi - lo <= 1e-9 * max(1.0, abs(lo), abs(hi)):    # one value: a range around it
        hi = max(hi, lo + (max(abs(lo), abs(hi)) * 0.1 or 1.0))   # still covering hi
    raw = (hi - lo) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(lo / step)
    last = math.ceil(hi / step)
    # i * step, not a running sum, and 12 significant digits: no 0.30000000000000004
    return [float(f"{i * step:.12g}") for i in range(first, last + 1)]


def y_ticks(data: ChartData, count: int = 4) -> list[float]:
    """Tick values covering every layer's values; the first and last bound the plot."""
    values = [y for layer in data.layers for _, y in layer.points if math.isfinite(y)]
    values += list(data.y_range or ())
    if not values:
        return [0.0, 1.0]
    return nice_ticks(min(values), max(values), count)


class Plot:
    """Maps data to pixels inside a pixel rectangle (`inverted`: smaller y up)."""

    def __init__(self, box: pygame.Rect, x_range: tuple[float, float],
                 y_range: tuple[float, float], inverted: bool = False) -> None:
        self.box = box
        self.x0, x1 = x_range
        self.y0, y1 = y_range
        self.sx = box.w / ((x1 - self.x0) or 1.0)
        self.sy = box.h / ((y1 - self.y0) or 1.0)
        self.inverted = inverted

    def px(self, x: float, y: float) -> tuple[int, int]:
        dy = (y - self.y0) * self.sy
        return (round(self.box.x + (x - self.x0) * self.sx),
                round(self.box.y + dy if self.inverted else self.box.bottom - dy))


NAME_GAP_MM = 1.5
SWATCH_MM = 5.0
NAMES_SHARE = 0.4      # the names take at most this share of the chart's width


def _series(data: ChartData) -> dict[str, list[Layer]]:
    """The named series' layers, by name, in order."""
    named: dict[str, list[Layer]] = {}
    for layer in data.layers:
        if layer.label and any(math.isfinite(y) for _, y in layer.points):
            named.setdefault(layer.label, []).append(layer)
    return named


def names_mm(theme: Theme, data: ChartData) -> float:
    """The room the series' names need at the right of the plot, in mm (0: none)."""
    return max((NAME_GAP_MM + SWATCH_MM + 1.0 + draw.text_width(theme, name)
                for name in _series(data)), default=0.0)


def draw_chart(surface: pygame.Surface, theme: Theme, rect: RectMM, data: ChartData) -> None:
    """Axes, ticks and labels, then the layers and flags, inside `rect`."""
    pal = theme.palette
    sizes = theme.sizes
    small = sizes.small
    tick_mm = small
    half = theme.profile.mm(draw.render_text(theme, "0", tick_mm, pal.muted).get_height()) / 2
    top = max(half + 0.5, 3.0)      # room for the top tick label and the change arrows
    bottom = theme.line_mm(small) + 1.5 if data.x_labels_shown else half + 0.5
    plot_h = rect.h - top - bottom
    count = max(2, min(5, int(plot_h // (half * 2.6))))
    ticks = y_ticks(data, count)
    lo, hi = ticks[0], ticks[-1]
    labels = [data.y_format.format(v) for v in ticks]
    label_w = max((draw.render_text(theme, s, tick_mm, pal.muted).get_width() for s in labels),
                  default=0)
    label_mm = max(theme.profile.mm(label_w) + 2.0, 14.0)   # stacked charts line up
    names = min(names_mm(theme, data) if data.names_mm is None else data.names_mm,
                rect.w * NAMES_SHARE)
    plot_mm = RectMM(rect.x + label_mm, rect.y + top, rect.w - label_mm - 1.0 - names, plot_h)
    box = pygame.Rect(theme.profile.rect_px(plot_mm))
    plot = Plot(box, data.x_range, (lo, hi), data.y_inverted)
    thin = max(1, theme.px(0.25))
    spacing = box.h / max(len(ticks) - 1, 1)
    stride = max(1, math.ceil(theme.px(half * 2.2) / max(spacing, 1.0)))
    for i, (value, text) in enumerate(zip(ticks, labels, strict=True)):
        _, y = plot.px(data.x_range[0], value)
        pygame.draw.line(surface, pal.line, (box.x, y), (box.right, y), thin)
        if i % stride:
            continue   # too close to the label below: the grid line alone
        image = draw.render_text(theme, text, tick_mm, pal.muted)
        draw.blit_text(surface, theme, text, image,
                       (box.x - image.get_width() - theme.px(1.5), y - image.get_height() // 2),
                       align="right")
    free_from = box.x - theme.px(100)      # labels never overlap: a crowded one is left out
    for x, text in data.x_labels:
        px, _ = plot.px(x, lo)
        pygame.draw.line(surface, pal.line, (px, box.bottom), (px, box.bottom + theme.px(1)),
                         thin)
        if not data.x_labels_shown:
            continue
        image = draw.render_text(theme, text, small, pal.muted)
        left = min(max(px - image.get_width() // 2, box.x), box.right - image.get_width())
        if left >= free_from:
            draw.blit_text(surface, theme, text, image, (left, box.bottom + theme.px(1.2)),
                           align="center")
            free_from = left + image.get_width() + theme.px(2)
    pygame.draw.line(surface, pal.muted, (box.x, box.bottom), (box.right, box.bottom), thin)
    clip = surface.get_clip()
    surface.set_clip(box.inflate(theme.px(3), theme.px(3)))
    for layer in data.layers:
        _layer(surface, theme, plot, layer)
    surface.set_clip(clip)
    _names(surface, theme, plot, _series(data), pygame.Rect(theme.profile.rect_px(rect)))
    free_from = box.x - theme.px(100)
    for flag in sorted((f for f in data.flags if f.up is None), key=lambda f: f.x):
        free_from = _guide(surface, theme, plot, flag, free_from)
    for flag in data.flags:
        if flag.up is not None:
            _arrow(surface, theme, plot, flag)


def _layer(surface: pygame.Surface, theme: Theme, plot: Plot, layer: Layer) -> None:
    points = [plot.px(x, y) for x, y in layer.points if math.isfinite(y)]
    if points:
        _marks(surface, theme, layer.kind, layer.color, points)


def _marks(surface: pygame.Surface, theme: Theme, kind: str, color: Color,
           points: Sequence[tuple[int, int]]) -> None:
    """Pixel points drawn as a layer of `kind`."""
    if kind == "line":
        if len(points) > 1:
            pygame.draw.lines(surface, color, False, points, max(2, theme.px(0.7)))
        return
    if kind == "dashed":
        _dashed(surface, color, points, max(2, theme.px(0.7)), max(4, theme.px(1.6)))
        return
    if kind == "dots":
        r = max(2, theme.px(0.6))
        for p in points:
            pygame.draw.circle(surface, color, p, r)
        return
    if kind in ("squares", "rings"):
        r = max(3, theme.px(1.1))
        for x, y in points:
            if kind == "rings":
                pygame.draw.circle(surface, theme.palette.background, (x, y), r)
                pygame.draw.circle(surface, color, (x, y), r, max(2, theme.px(0.45)))
            else:
                square = pygame.Rect(x - r, y - r, r * 2, r * 2)
                pygame.draw.rect(surface, color, square)
                pygame.draw.rect(surface, theme.palette.ink, square, max(1, theme.px(0.25)))
        return
    r = max(4, theme.px(1.5))
    edge = theme.palette.ink
    for x, y in points:
        diamond = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        pygame.draw.polygon(surface, color, diamond)
        pygame.draw.polygon(surface, edge, diamond, max(1, theme.px(0.3)))


def spread(wanted: Sequence[float], sizes: Sequence[float], low: float, high: float
           ) -> list[float | None]:
    """Centres as near `wanted` as keep things of `sizes` from touching within [low, high],
    in the same order; None for those that do not fit."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    half = [sizes[i] / 2 for i in order]
    placed = [min(max(wanted[i], low + h), high - h) for i, h in zip(order, half, strict=True)]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + half[k - 1] + half[k])
    if placed:
        placed[-1] = min(placed[-1], high - half[-1])
    for k in range(len(placed) - 2, -1, -1):
        placed[k] = min(placed[k], placed[k + 1] - half[k + 1] - half[k])
    out: list[float | None] = [None] * len(wanted)
    for k, i in enumerate(order):
        fits = low - 1e-6 <= placed[k] - half[k] and placed[k] + half[k] <= high + 1e-6
        out[i] = placed[k] if fits else None
    return out


def _name_image(theme: Theme, name: str, room_mm: float, wrap: bool
                ) -> tuple[str, pygame.Surface]:
    """A series' name in `room_mm`: on one line, else (`wrap`) on two between words, else
    cut."""
    small, ink = theme.sizes.small, theme.palette.ink
    longest = max(name.split(), key=len, default="")
    if wrap and draw.text_width(theme, name) > room_mm and \
            draw.text_width(theme, longest) <= room_mm and draw.lines_of(theme, name, room_mm) <= 2:
        return name, draw.render_text(theme, name, small, ink, wrap_px=theme.px(room_mm))
    shown = draw.first_fitting(theme, [name] + [name[:n].rstrip() + "…"
                                                for n in range(len(name) - 1, 0, -1)],
                               room_mm) or ""
    return shown, draw.render_text(theme, shown, small, ink)


def _names(surface: pygame.Surface, theme: Theme, plot: Plot,
           named: dict[str, list[Layer]], rect: pygame.Rect) -> None:
    """Each series' swatch and name right of the plot, level with its last point, moved
    apart so that no two names touch (a name too long wraps, or is cut where the wrapped
    names do not all fit)."""
    if not named:
        return
    ends = [plot.px(*max(((x, y) for layer in layers for x, y in layer.points
                          if math.isfinite(y)), key=lambda p: p[0]))[1]
            for layers in named.values()]
    left = plot.box.right + theme.px(NAME_GAP_MM)
    swatch = theme.px(SWATCH_MM)
    room = theme.profile.mm(rect.right - left - swatch) - 1.0
    for wrap in (True, False):
        images = [_name_image(theme, name, room, wrap) for name in named]
        ys = spread(ends, [image.get_height() for _, image in images], rect.y, rect.bottom)
        if None not in ys:
            break
    for layers, (shown, image), y in zip(named.values(), images, ys, strict=True):
        if y is None or not shown:
            continue
        cy = round(y)
        for layer in layers:
            ends_px = [(left, cy), (left + swatch, cy)] if layer.kind in ("line", "dashed") \
                else [(left + swatch // 2, cy)]
            _marks(surface, theme, layer.kind, layer.color, ends_px)
        draw.blit_text(surface, theme, shown, image,
                       (left + swatch + theme.px(1.0), cy - image.get_height() // 2))


def _dashed(surface: pygame.Surface, color: Color, points: Sequence[tuple[int, int]],
            width: int, dash: int) -> None:
    """A polyline drawn in dashes of `dash` px with gaps as long, the pattern running on
    across its corners."""
    on, left = True, float(dash)
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            if on:
                a, b = done / length, (done + step) / length
                pygame.draw.line(surface, color, (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                                 (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b), width)
            done += step
            left -= step
            if left <= 0:
                on, left = not on, float(dash)


def _guide(surface: pygame.Surface, theme: Theme, plot: Plot, flag: Flag,
           free_from: int) -> int:
    """A dashed line, labelled if the label has room after the last one; returns where
    the next label may start."""
    x, _ = plot.px(flag.x, plot.y0)
    dash = max(3, theme.px(1.2))
    for y in range(plot.box.y, plot.box.bottom, dash * 2):
        pygame.draw.line(surface, flag.color, (x, y), (x, min(y + dash, plot.box.bottom)),
                         max(1, theme.px(0.3)))
    if not flag.label:
        return free_from
    image = draw.render_text(theme, flag.label, theme.sizes.small, flag.color)
    left = min(x + theme.px(0.8), plot.box.right - image.get_width())
    if left < free_from:
        return free_from
    draw.blit_text(surface, theme, flag.label, image, (left, plot.box.y))
    return left + image.get_width() + theme.px(2)


def _arrow(surface: pygame.Surface, theme: Theme, plot: Plot, flag: Flag) -> None:
    """A triangle on the top edge pointing up (value rose) or down (value fell)."""
    x, _ = plot.px(flag.x, plot.y0)
    size = max(5, theme.px(2.0))
    top = plot.box.y - size
    if flag.up:
        points = [(x, top), (x + size, top + size), (x - size, top + size)]
    else:
        points = [(x - size, top), (x + size, top), (x, top + size)]
    if flag.filled:
        pygame.draw.polygon(surface, flag.color, points)
        pygame.draw.polygon(surface, theme.palette.ink, points, max(1, theme.px(0.25)))
    else:
        pygame.draw.polygon(surface, flag.color, points, max(2, theme.px(0.6)))
