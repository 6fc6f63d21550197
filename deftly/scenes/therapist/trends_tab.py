"""Trends: each metric of a game over days, for one hand and way of playing.

Training days are small dots with their 7-day mean as a line; check-ups are large
diamonds (the fixed, comparable task); triangles on the top edge mark changes larger
than the day-to-day noise (filled: better, hollow outline: worse); dashed lines mark
the days new levels were unlocked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pygame

from deftly import trends
from deftly.scenes.therapist.area import Tab
from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.chart import ChartData, Flag, Layer, draw_chart
from engine.ui.theme import Color, Theme
from engine.ui.widgets import Button, Label, Widget

RANGES = {"3m": 91, "1y": 365, "all": None}
CHART_MIN_H = 24.0


def date_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Axis labels: weekly (Mondays) for short spans, else the first of each month."""
    span = (last - first).days
    if span <= 56:
        day = first + timedelta(days=(7 - first.weekday()) % 7)
        step = 7 if span <= 28 else 14
        out = []
        while day <= last:
            out.append((day, f"{day.day} {day:%b}"))
            day += timedelta(days=step)
        return out
    months = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    months = [m for m in months if m >= first]
    every = max(1, -(-len(months) // 7))
    shown = months[::every]
    # the year on the first label and wherever it changes
    return [(m, f"{m:%b %Y}" if i == 0 or m.year != shown[i - 1].year else f"{m:%b}")
            for i, m in enumerate(shown)]


@dataclass(frozen=True)
class Colors:
    training: Color
    mean: Color
    checkup: Color
    better: Color
    worse: Color
    guide: Color

    @classmethod
    def of(cls, theme: Theme) -> Colors:
        pal = theme.palette
        return cls(pal.highlight, pal.primary, pal.target, pal.good, pal.miss, pal.muted)


def chart_data(series: trends.Series, unlocked: list[trends.Unlocked], first: date,
               last: date, colors: Colors, level_names: bool = True) -> ChartData:
    """A series as chart layers (x = day ordinal) with its markers and level guides."""
    def inside(points: list[trends.Point]) -> list[tuple[float, float]]:
        return [(p.day.toordinal(), p.value) for p in points if first <= p.day <= last]

    layers = [Layer("dots", inside(series.training), colors.training),
              Layer("line", inside(series.rolling), colors.mean),
              Layer("line", inside(series.checkups), colors.checkup),
              Layer("diamonds", inside(series.checkups), colors.checkup)]
    flags = [Flag(u.day.toordinal(), u.name if level_names else "", colors.guide)
             for u in unlocked if first <= u.day <= last]
    for m in series.markers:
        if first <= m.day <= last:
            flags.append(Flag(m.day.toordinal(), "", colors.better if m.better else colors.worse,
                              up=m.change > 0, filled=m.better))
    unit = series.metric.unit
    return ChartData(layers, flags, (first.toordinal() - 0.5, last.toordinal() + 0.5),
                     [(d.toordinal(), label) for d, label in date_ticks(first, last)], unit,
                     "{:g}")


def headline(series: trends.Series) -> str:
    """The latest 7-day mean, the last check-up and the noise, in words."""
    metric = series.metric
    parts = []
    if series.rolling:
        parts.append(t("trend.now", value=metric.format(series.rolling[-1].value)))
    if series.checkups:
        parts.append(t("trend.last_checkup", value=metric.format(series.checkups[-1].value)))
    if series.training and series.noise == series.noise:
        parts.append(t("trend.noise", value=metric.format(series.noise)))
    return " · ".join(parts)


class TrendsTab(Tab):
    key = "trends"

    def __init__(self, area) -> None:  # noqa: ANN001
        super().__init__(area)
        played = [g.spec.id for g in area.shell.games
                  if any(s.get("game") == g.spec.id for s in area.sessions)]
        self.games = played
        self.game = played[0] if played else ""
        self.hand: str | None = None
        self.variant: str | None = None
        self.range = "3m"
        self.page = 0
        self.charts: list[tuple[RectMM, trends.Series]] = []
        self.all_series: list[trends.Series] = []
        self._choose_defaults()

    def _choose_defaults(self) -> None:
        sessions = self.area.sessions
        hands = trends.hands_played(sessions, self.game)
        affected = self.area.profile.affected_hand
        self.hand = affected if affected in hands else (hands[0] if hands else None)
        variants = trends.variants_played(sessions, self.game)
        self.variant = "" if "" in variants else (variants[0] if variants else None)
        self.page = 0

    # -- widgets ---------------------------------------------------------------------------
    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        self.charts = []
        if not self.game:
            return [Label(content, t("trend.none"), muted=True)]
        sessions = self.area.sessions
        all_series = [s for s in trends.game_trends(sessions, self.game, self.hand,
                                                    self.variant) if not s.empty]
        self.all_series = all_series
        options = self._options(sessions)
        gap = sizes.gap / 2
        fit = max(1, int((content.h + gap) // (sizes.touch_min + gap)))
        cols = 1 if len(options) + 1 <= fit else 2    # chips never under touch_min
        side_w = min(40.0, content.w * 0.22) * cols
        side = RectMM(content.x, content.y, side_w, content.h)
        rest = RectMM(side.right + sizes.gap * 1.5, content.y,
                      content.w - side_w - sizes.gap * 1.5, content.h)
        rest, legend = rest.take_bottom(sizes.small * 1.8)
        rest, self.axis = rest.take_bottom(sizes.small * 1.6)
        per_view = max(1, min(len(all_series), int(rest.h // CHART_MIN_H)))
        pages = max(1, -(-len(all_series) // per_view))
        self.page %= pages
        if pages > 1:
            options.append((t("trend.more_charts", page=self.page + 1, pages=pages), False,
                            self._next_page))
        rows = -(-len(options) // cols)
        button_h = min(max(sizes.touch_min, sizes.button_h * 0.75),
                       (side.h - gap * (rows - 1)) / rows)
        col_w = (side.w - gap * (cols - 1)) / cols
        widgets: list[Widget] = []
        for i, (label, chosen, action) in enumerate(options):
            row, col = divmod(i, cols)
            box = RectMM(side.x + col * (col_w + gap), side.y + row * (button_h + gap), col_w,
                         button_h)
            widgets.append(Button(box, label, action, selected=chosen))
        shown = all_series[self.page * per_view:(self.page + 1) * per_view]
        self.legend = legend
        if not shown:
            return [*widgets, Label(rest, t("trend.none_here"), muted=True)]
        for box, item in zip(rest.rows(len(shown), sizes.gap / 2), shown, strict=True):
            self.charts.append((box, item))
        return widgets

    def _options(self, sessions: list[dict]) -> list[tuple[str, bool, object]]:
        options: list[tuple[str, bool, object]] = [
            (self.area.shell.game(g).spec.short_name, g == self.game,
             lambda g=g: self._game(g)) for g in self.games]
        hands = trends.hands_played(sessions, self.game)
        if len(hands) > 1:
            options += [(t(f"hand.{h}"), h == self.hand, lambda h=h: self._set(hand=h))
                        for h in hands]
        variants = trends.variants_played(sessions, self.game)
        if len(variants) > 1:
            spec = self.area.shell.game(self.game).spec
            options += [(t(spec.variant(v).label), v == self.variant,
                         lambda v=v: self._set(variant=v)) for v in variants]
        keys = list(RANGES)
        following = keys[(keys.index(self.range) + 1) % len(keys)]
        options.append((t(f"trend.range.{self.range}"), False,
                        lambda: self._set(range=following)))
        return options

    def select(self, game: str) -> None:
        """Show `game`'s trends, its hand and way of playing chosen afresh."""
        self.game = game
        self._choose_defaults()

    def _game(self, game: str) -> None:
        self.select(game)
        self.area.refresh()

    def _set(self, **changes: object) -> None:
        for key, value in changes.items():
            setattr(self, key, value)
        self.page = 0
        self.area.refresh()

    def _next_page(self) -> None:
        self.page += 1
        self.area.refresh()

    # -- drawing ---------------------------------------------------------------------------
    def span(self) -> tuple[date, date]:
        """The days shown: the chosen range, ending on the last day played (or today);
        the same for every page of charts."""
        days = [p.day for s in self.all_series for p in s.training + s.checkups]
        last = max(days, default=self.area.shell.today().date())
        length = RANGES[self.range]
        first = min(days, default=last) if length is None else last - timedelta(days=length)
        return max(first, min(days, default=first)), last

    def draw(self, surface: pygame.Surface) -> None:
        if not self.charts:
            return
        theme = self.app.theme
        colors = Colors.of(theme)
        first, last = self.span()
        unlocked = trends.unlocks(self.area.events, self.game, self.hand)
        for i, (whole, item) in enumerate(self.charts):
            title, box = whole.take_top(theme.sizes.small * 1.5)
            _title(surface, theme, title, item)
            data = chart_data(item, unlocked, first, last, colors, level_names=i == 0)
            last_chart = i == len(self.charts) - 1   # the dates once, under the last chart
            data.x_labels_shown = last_chart
            draw_chart(surface, theme, RectMM(box.x, box.y, box.w, self.axis.bottom - box.y)
                       if last_chart else box, data)
        draw_legend(surface, theme, self.legend, colors)


def _title(surface: pygame.Surface, theme: Theme, box: RectMM, item: trends.Series) -> None:
    """The metric's name on the left, its latest numbers on the right (smaller if need be)."""
    small = theme.sizes.small
    name = item.metric.title
    used = draw.text_in(surface, theme, name, box, small, theme.palette.ink, bold=True,
                        align="left", wrap=False)
    rest_x = theme.profile.mm(used.right) + 3.0
    rest = RectMM(rest_x, box.y, box.right - rest_x, box.h)
    if rest.w > 10:
        draw.text_in(surface, theme, headline(item), rest, small * 0.9, theme.palette.muted,
                     align="right", wrap=False, min_mm=small * 0.6)


def draw_legend(surface: pygame.Surface, theme: Theme, box: RectMM, colors: Colors) -> None:
    """What the marks mean, in one line under the charts (smaller text if need be)."""
    items = [("dots", colors.training, t("legend.training")),
             ("line", colors.mean, t("legend.mean")),
             ("diamonds", colors.checkup, t("legend.checkup")),
             ("up", colors.better, t("legend.better")),
             ("down", colors.worse, t("legend.worse")),
             ("guide", colors.guide, t("legend.level"))]
    text_mm = theme.sizes.small * 0.9
    size = theme.sizes.small * 0.8

    def width(text_size: float) -> float:
        return sum(size + 5.0 + theme.profile.mm(draw.render_text(
            theme, text, text_size, theme.palette.muted).get_width()) for *_, text in items)

    text_mm *= max(0.65, min(1.0, box.w / width(text_mm)))
    x = box.x
    cy = box.y + box.h / 2
    for kind, color, text in items:
        image = draw.render_text(theme, text, text_mm, theme.palette.muted)
        if x + size + 1.0 + theme.profile.mm(image.get_width()) > box.right:
            break
        _symbol(surface, theme, kind, color, (x + size / 2, cy), size)
        draw.blit_text(surface, theme, text, image,
                       (theme.px(x + size + 1.0), theme.px(cy) - image.get_height() // 2))
        x += size + 1.0 + theme.profile.mm(image.get_width()) + 4.0


def _symbol(surface: pygame.Surface, theme: Theme, kind: str, color: Color,
            centre: tuple[float, float], size: float) -> None:
    (px, py), r = theme.profile.point_px(*centre), max(3, theme.px(size / 2))
    ink = theme.palette.ink
    if kind == "dots":
        pygame.draw.circle(surface, color, (px, py), max(2, r // 2))
    elif kind == "line":
        pygame.draw.line(surface, color, (px - r, py), (px + r, py), max(2, theme.px(0.7)))
    elif kind == "diamonds":
        shape = [(px, py - r), (px + r, py), (px, py + r), (px - r, py)]
        pygame.draw.polygon(surface, color, shape)
        pygame.draw.polygon(surface, ink, shape, 1)
    elif kind in ("up", "down"):
        shape = [(px, py - r), (px + r, py + r), (px - r, py + r)] if kind == "up" else \
            [(px - r, py - r), (px + r, py - r), (px, py + r)]
        pygame.draw.polygon(surface, color, shape, 0 if kind == "up" else max(2, r // 3))
    else:
        for y in range(py - r, py + r, max(2, r // 2) * 2):
            pygame.draw.line(surface, color, (px, y), (px, y + max(2, r // 2)), 1)
