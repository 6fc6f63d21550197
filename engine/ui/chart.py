"""A fast line chart for trends: dots, lines, diamonds, change markers and guides.

The x axis is any number (the shell uses day ordinals) with labels the caller supplies
(or, for dates, as many as the width holds: `date_ticks`); guides' names go in a band
over the plot, stacked in rows where they would touch;
the y axis gets "nice" ticks, upside down if asked (where smaller is the better way). A
named series has its name at the right of the plot, level with its last point, never over
the data or another name. Everything is drawn with plain pygame primitives, so a year of
daily points draws in a few milliseconds.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

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
    x_ticks: Callable[[int, bool], list[tuple[float, str]]] | None = None
    """Labels for at most so many ticks (dates, say), shortened if asked (no year, say): the
    chart asks for as many as its width holds without two touching, in place of
    `x_labels` (shortened where the full ones would be fewer than two)."""


@dataclass(frozen=True)
class Drawn:
    """Where a chart drew its plot and its guides' names, in pixels (for tests)."""

    plot: pygame.Rect
    names: list[tuple[str, pygame.Rect]]
    x_labels: list[tuple[str, pygame.Rect]]


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY_STEPS = (1, 2, 7, 14)          # days; 7 and 14 fall on Mondays
MONTH_STEPS = (1, 2, 3, 6, 12)     # months, from the first month in range


def date_ticks(first: date, last: date, max_labels: int = 7,
               months: Sequence[str] = MONTHS, *, years: bool = True
               ) -> list[tuple[date, str]]:
    """Axis labels from `first` to `last`, at most `max_labels` of them (at least one), at
    the finest step that keeps within it: every day or second day, Mondays, every other
    Monday ("5 Oct", "12 Oct"), then the first of every month, 2, 3, 6 or 12 months ("Oct",
    "Nov"; the year on the first month and wherever it changes, unless not `years`).
    `months`: the months' short names."""
    if last < first:
        first, last = last, first
    limit = max(1, max_labels)
    span = (last - first).days
    for step in DAY_STEPS:
        start = first if step < 7 else first + timedelta(days=(7 - first.weekday()) % 7)
        days = [start + timedelta(days=i) for i in range(0, span + 1 - (start - first).days,
                                                          step)]
        if days and len(days) <= limit:
            return [(d, f"{d.day} {months[d.month - 1]}") for d in days]
    firsts = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        if date(year, month, 1) >= first:
            firsts.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    shown: list[date] = []
    for step in MONTH_STEPS:
        shown = firsts[::step]
        if len(shown) <= limit:
            break
    shown = shown[:limit]
    if not shown:      # a short span inside one month with room for one label
        return [(first, f"{first.day} {months[first.month - 1]}")]
    return [(m, f"{months[m.month - 1]} {m.year}" if years and (
        i == 0 or m.year != shown[i - 1].year) else months[m.month - 1])
        for i, m in enumerate(shown)]


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


LABEL_GAP_MM = 2.0      # between two date labels, and two level names on a row
PLOT_MIN_MM = 10.0      # the level names' band leaves the plot at least this high


def fitted_x_labels(theme: Theme, plot: Plot, data: ChartData
                    ) -> list[tuple[float, str, pygame.Rect]]:
    """The x labels with their rectangles under the plot: from `x_ticks` as many as the
    plot's width holds with none touching (else `x_labels`, a crowded one left out)."""
    small = theme.sizes.small
    gap = theme.px(LABEL_GAP_MM)
    top = plot.box.bottom + theme.px(1.2)

    def placed(labels: list[tuple[float, str]]) -> list[tuple[float, str, pygame.Rect]]:
        out = []
        for x, text in labels:
            px, _ = plot.px(x, plot.y0)
            w, h = draw.render_text(theme, text, small, theme.palette.muted).get_size()
            left = min(max(px - w // 2, plot.box.x), plot.box.right - w)
            out.append((x, text, pygame.Rect(left, top, w, h)))
        return out

    def apart(found: list[tuple[float, str, pygame.Rect]]) -> bool:
        return all(b[2].x >= a[2].right + gap for a, b in itertools.pairwise(found))

    if data.x_ticks is not None:
        narrowest = draw.text_width(theme, "1 Jan") + LABEL_GAP_MM
        most = max(1, int(theme.profile.mm(plot.box.w) // max(narrowest, 1.0)) + 1)
        for short, least in ((False, 2), (True, 1)):
            for n in range(most, 0, -1):
                found = placed(data.x_ticks(n, short))
                if apart(found) and len(found) >= least:
                    return found
        return placed(data.x_ticks(1, True))[:1]
    shown, free_from = [], plot.box.x - theme.px(100)
    for item in placed(data.x_labels):
        if item[2].x >= free_from:
            shown.append(item)
            free_from = item[2].right + gap
    return shown


def stack_names(xs: Sequence[float], widths: Sequence[float], low: float, high: float,
                gap: float) -> list[tuple[float, int]]:
    """Where names of `widths` go in a band over [low, high], each beside its x: starting
    there (ending there instead where it would reach the next x), moved in to keep within
    [low, high], on the first row (0 next to the plot) where it keeps `gap` from the name
    before it; (left, row), in the order given."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    ends: list[float] = []          # each row's right end so far
    out: list[tuple[float, int]] = [(0.0, 0)] * len(xs)
    for k, i in enumerate(order):
        w = widths[i]
        after = xs[order[k + 1]] if k + 1 < len(order) else math.inf
        sides = [max(min(x, high - w), low) for x in (xs[i], xs[i] - w)]
        if sides[0] + w + gap > after:
            sides.reverse()
        row, left = next(((r, side) for r, end in enumerate(ends) for side in sides
                          if side >= end + gap), (len(ends), sides[0]))
        if row == len(ends):
            ends.append(left + w)
        else:
            ends[row] = left + w
        out[i] = (left, row)
    return out


def _cut(theme: Theme, name: str, room_mm: float) -> str:
    """`name`, cut with an ellipsis to fit `room_mm` (at least its first letter and …)."""
    shown = draw.ellipsize(theme, name, room_mm)
    return shown if shown not in ("", "…") else name[:1] + "…"


def _joined(flags: Sequence[Flag], within: float) -> list[Flag]:
    """The flags in order of x, those closer than `within` px to the one before joined
    into one ("Far apart · Quick dots", at the first's x)."""
    out: list[Flag] = []
    for f in sorted(flags, key=lambda f: f.x):
        if out and f.x - out[-1].x < within:
            out[-1] = Flag(out[-1].x, f"{out[-1].label} · {f.label}", out[-1].color)
        else:
            out.append(f)
    return out


def guide_names(theme: Theme, flags: Sequence[Flag], low: int, high: int, rows: int
                ) -> list[tuple[Flag, str, float, int]]:
    """The guides' names placed in a band over the pixel columns [low, high] (each flag's
    x a pixel column), in at most `rows` rows: whole if they fit, else cut (with an
    ellipsis) only as far as it takes, else the names of guides close together joined
    ("Far apart · Quick dots") and cut: every name shown, none touching another; (flag,
    shown, left px, row) for the names placed."""
    named = [f for f in flags if f.up is None and f.label]
    if not named:
        return []
    gap = theme.px(LABEL_GAP_MM)
    room = theme.profile.mm(high - low)

    def attempt(group: list[Flag], texts: list[str]) -> list[tuple[float, int]]:
        widths = [float(theme.px(draw.text_width(theme, text))) for text in texts]
        return stack_names([float(f.x) for f in group], widths, low, high, gap)

    within = float(max(1, theme.px(1.0)))     # one day (or one mm): always one name
    while True:
        group = _joined(named, within)
        texts = [_cut(theme, f.label, room) for f in group]
        placed = attempt(group, texts)
        limit = max(draw.text_width(theme, text) for text in texts)
        while max(row for _, row in placed) >= rows and limit > 4.0:
            limit *= 0.9
            texts = [_cut(theme, f.label, limit) for f in group]
            placed = attempt(group, texts)
        if max(row for _, row in placed) < rows or len(group) == 1:
            return [(f, text, left, row) for f, text, (left, row) in
                    zip(group, texts, placed, strict=True)]
        within *= 2


def draw_chart(surface: pygame.Surface, theme: Theme, rect: RectMM, data: ChartData) -> Drawn:
    """Axes, ticks and labels, then the layers and flags, inside `rect`; the guides' names
    in a band over the plot (never over the data), stacked in rows where they would touch."""
    pal = theme.palette
    sizes = theme.sizes
    small = sizes.small
    tick_mm = small
    half = theme.profile.mm(draw.render_text(theme, "0", tick_mm, pal.muted).get_height()) / 2
    top = max(half + 0.5, 3.0)      # room for the top tick label and the change arrows
    bottom = theme.line_mm(small) + 1.5 if data.x_labels_shown else half + 0.5
    labels_y = [data.y_format.format(v) for v in y_ticks(data)]
    label_w = max((draw.render_text(theme, s, tick_mm, pal.muted).get_width()
                   for s in labels_y), default=0)
    label_mm = max(theme.profile.mm(label_w) + 2.0, 14.0)   # stacked charts line up
    names = min(names_mm(theme, data) if data.names_mm is None else data.names_mm,
                rect.w * NAMES_SHARE)
    plot_w = rect.w - label_mm - 1.0 - names
    # the level names' band: as many rows as they need, up to a share of the height
    line_px = draw.render_text(theme, "Ag", small, pal.muted).get_height()
    line = theme.profile.mm(line_px)
    x_px = pygame.Rect(theme.profile.rect_px(RectMM(rect.x + label_mm, rect.y, plot_w, 1.0)))
    guide_plot = Plot(pygame.Rect(x_px.x, 0, x_px.w, 1), data.x_range, (0.0, 1.0))
    as_px = [Flag(guide_plot.px(f.x, 0.0)[0], f.label, f.color, f.up, f.filled)
             for f in data.flags]
    most = max(1, int((rect.h - top - bottom - PLOT_MIN_MM) // line))
    whole = pygame.Rect(theme.profile.rect_px(rect))
    placed = guide_names(theme, as_px, whole.x, x_px.right, most)
    rows = 1 + max((row for *_, row in placed), default=-1)
    band = rows * line + (0.5 if rows else 0.0)
    plot_h = rect.h - top - bottom - band
    count = max(2, min(5, int(plot_h // (half * 2.6))))
    ticks = y_ticks(data, count)
    lo, hi = ticks[0], ticks[-1]
    labels = [data.y_format.format(v) for v in ticks]
    plot_mm = RectMM(rect.x + label_mm, rect.y + band + top, plot_w, plot_h)
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
    x_labels = fitted_x_labels(theme, plot, data)
    for x, text, where in x_labels:
        px, _ = plot.px(x, lo)
        pygame.draw.line(surface, pal.line, (px, box.bottom), (px, box.bottom + theme.px(1)),
                         thin)
        if data.x_labels_shown:
            image = draw.render_text(theme, text, small, pal.muted)
            draw.blit_text(surface, theme, text, image, where.topleft, align="center")
    pygame.draw.line(surface, pal.muted, (box.x, box.bottom), (box.right, box.bottom), thin)
    clip = surface.get_clip()
    surface.set_clip(box.inflate(theme.px(3), theme.px(3)))
    for layer in data.layers:
        _layer(surface, theme, plot, layer)
    surface.set_clip(clip)
    band_bottom = box.y - theme.px(top)
    _names(surface, theme, plot, _series(data), whole)   # beside the band, never in it
    for flag in data.flags:
        if flag.up is None:
            _guide(surface, theme, plot, flag)
    drawn_names = []
    for flag, text, left, row in placed:
        image = draw.render_text(theme, text, small, flag.color)
        where = pygame.Rect(round(left), band_bottom - (row + 1) * line_px,
                            image.get_width(), image.get_height())
        draw.blit_text(surface, theme, text, image, where.topleft)
        drawn_names.append((text, where))
    for flag in data.flags:
        if flag.up is not None:
            _arrow(surface, theme, plot, flag)
    return Drawn(box, drawn_names, [(text, where) for _, text, where in x_labels]
                 if data.x_labels_shown else [])


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
    shown = draw.ellipsize(theme, name, room_mm)
    shown = "" if shown == "…" else shown
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


def _guide(surface: pygame.Surface, theme: Theme, plot: Plot, flag: Flag) -> None:
    """A dashed line down the plot (its name is drawn in the band over the plot)."""
    x, _ = plot.px(flag.x, plot.y0)
    dash = max(3, theme.px(1.2))
    for y in range(plot.box.y, plot.box.bottom, dash * 2):
        pygame.draw.line(surface, flag.color, (x, y), (x, min(y + dash, plot.box.bottom)),
                         max(1, theme.px(0.3)))


def _arrow(surface: pygame.Surface, theme: Theme, plot: Plot, flag: Flag) -> None:
    """A triangle on the top edge: pointing up and filled, or down and hollow, as the
    flag says (the legend draws the same with `draw_arrow`)."""
    x, _ = plot.px(flag.x, plot.y0)
    size = max(5, theme.px(2.0))
    draw_arrow(surface, theme, (x, plot.box.y - size // 2 - 1), size,
               flag.color, up=bool(flag.up), filled=flag.filled)


def arrow_points(centre: tuple[int, int], size: int, up: bool) -> list[tuple[int, int]]:
    """A triangle `size` px high and twice as wide about `centre`, pointing up or down."""
    x, y = centre
    top, bottom = y - size // 2, y - size // 2 + size
    if up:
        return [(x, top), (x + size, bottom), (x - size, bottom)]
    return [(x - size, top), (x + size, top), (x, bottom)]


def draw_arrow(surface: pygame.Surface, theme: Theme, centre: tuple[int, int], size: int,
               color: Color, *, up: bool, filled: bool) -> None:
    """A change marker: filled with an ink edge, or a hollow outline."""
    points = arrow_points(centre, size, up)
    if filled:
        pygame.draw.polygon(surface, color, points)
        pygame.draw.polygon(surface, theme.palette.ink, points, max(1, theme.px(0.25)))
    else:
        pygame.draw.polygon(surface, color, points, max(2, theme.px(0.6)))
