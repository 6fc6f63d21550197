"""Trends: each metric of a game over days, for one hand and way of playing.

First the difficulty reached (training success is held near 80 % by design, so this is
the honest training trend): the staircase's value at the end of the rounds, a line per
level named at its end, one chart per adapted parameter, harder up. Then training days
are small dots with their 7-day mean as a line; check-ups are large diamonds (the fixed,
comparable task); triangles on the top edge mark changes larger than the day-to-day
noise (as the legend shows them: filled and pointing up, better; hollow and pointing
down, worse); dashed lines mark the days new levels were unlocked, named in a band over
the page's first chart; for a player who practises both hands, a line under each chart
sets the affected hand's recent mean beside the other's. After a game's charts, on the
same days, the player's check-ins: pain (squares on a solid line) and tiredness (rings on
a dashed line), 0 to 10; days of high pain do not count for the triangles.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, timedelta

import pygame

from deftly import checkins, trends
from deftly.detectable import mdc95
from deftly.scenes.therapist.area import Tab
from engine.display import RectMM
from engine.i18n import t
from engine.spec import Metric
from engine.ui import chart, draw
from engine.ui.chart import ChartData, Flag, Layer, draw_arrow, draw_chart, names_mm
from engine.ui.grid import least_width
from engine.ui.theme import Color, Theme
from engine.ui.widgets import Button, Label, Widget

RANGES = {"3m": 91, "1y": 365, "all": None}
CHART_MIN_H = 24.0


def date_ticks(first: date, last: date, max_labels: int = 7) -> list[tuple[date, str]]:
    """Axis labels: days or Mondays for short spans, months for long ones (see
    engine.ui.chart.date_ticks), at most `max_labels`."""
    return chart.date_ticks(first, last, max_labels)


def x_ticks(first: date, last: date) -> Callable[[int, bool], list[tuple[float, str]]]:
    """The date labels for a chart of day ordinals, as many as it asks for (`short`:
    without the year)."""
    return lambda most, short: [(d.toordinal(), label) for d, label in
                                chart.date_ticks(first, last, most, years=not short)]


MARKS = {"up": (True, True), "down": (False, False)}
"""What the legend shows for "better" ("up") and "worse" ("down"), (pointing up, filled);
the charts draw the same, whichever way the metric's value moved."""


@dataclass(frozen=True)
class Colors:
    training: Color
    mean: Color
    checkup: Color
    better: Color
    worse: Color
    guide: Color
    pain: Color
    fatigue: Color
    levels: tuple[Color, ...]    # the difficulty reached: a colour per level, in turn

    @classmethod
    def of(cls, theme: Theme) -> Colors:
        pal = theme.palette
        return cls(pal.highlight, pal.primary, pal.target, pal.good, pal.miss, pal.muted,
                   pal.miss, pal.primary,
                   (pal.primary, pal.target, pal.good, pal.miss, pal.highlight))


def _days_chart(layers: list[Layer], flags: list[Flag], unlocked: list[trends.Unlocked],
                first: date, last: date, colors: Colors, *, level_names: bool,
                unit: str = "", y_range: tuple[float, float] | None = None,
                y_inverted: bool = False) -> ChartData:
    """Layers over the days from `first` to `last` (x = day ordinal), with the level
    guides (named if `level_names`) and `flags`."""
    guides = [Flag(u.day.toordinal(), u.name if level_names else "", colors.guide)
              for u in unlocked if first <= u.day <= last]
    return ChartData(layers, guides + flags, (first.toordinal() - 0.5, last.toordinal() + 0.5),
                     [], unit, y_range=y_range, y_inverted=y_inverted,
                     x_ticks=x_ticks(first, last))


def _inside(points: list[trends.Point], first: date, last: date) -> list[tuple[float, float]]:
    return [(p.day.toordinal(), p.value) for p in points if first <= p.day <= last]


def _arrows(markers: list[trends.Change], first: date, last: date, colors: Colors
            ) -> list[Flag]:
    """The change markers as the legend shows them: better up and filled, worse down and
    hollow (for a metric where smaller is better too)."""
    return [Flag(m.day.toordinal(), "", colors.better if m.better else colors.worse,
                 up=MARKS[kind][0], filled=MARKS[kind][1])
            for m in markers if first <= m.day <= last
            for kind in ["up" if m.better else "down"]]


def chart_data(series: trends.Series, unlocked: list[trends.Unlocked], first: date,
               last: date, colors: Colors, level_names: bool = True) -> ChartData:
    """A series as chart layers (x = day ordinal) with its markers and level guides."""
    layers = [Layer("dots", _inside(series.training, first, last), colors.training),
              Layer("line", _inside(series.rolling, first, last), colors.mean),
              Layer("line", _inside(series.checkups, first, last), colors.checkup),
              Layer("diamonds", _inside(series.checkups, first, last), colors.checkup)]
    return _days_chart(layers, _arrows(series.markers, first, last, colors), unlocked, first,
                       last, colors, level_names=level_names, unit=series.metric.unit)


LEVEL_MARKS = ("squares", "squares", "rings", "rings")
"""A level's marks with its line (solid, dashed, solid...): never the legend's dots and
diamonds, which say training and check-up."""


def reached_data(reached: trends.Reached, unlocked: list[trends.Unlocked], first: date,
                 last: date, colors: Colors, level_names: bool = False) -> ChartData:
    """The difficulty reached: a line per level in its own colour, dash and marks (told
    apart without colour), named at its end (so the level guides need no names); the
    axis turned where smaller is harder."""
    layers, flags = [], []
    for i, level in enumerate(reached.levels):
        points, color = _inside(level.points, first, last), colors.levels[i % len(colors.levels)]
        layers += [Layer("dashed" if i % 2 else "line", points, color, level.name),
                   Layer(LEVEL_MARKS[i % len(LEVEL_MARKS)], points, color, level.name)]
        flags += _arrows(level.markers, first, last, colors)
    return _days_chart(layers, flags, unlocked, first, last, colors, level_names=level_names,
                       unit=reached.metric.unit, y_inverted=reached.smaller_is_harder)


def pain_data(shown: list[checkins.Day], unlocked: list[trends.Unlocked], first: date,
              last: date, colors: Colors, level_names: bool = False) -> ChartData:
    """The check-ins on the game's days: pain as squares on a solid line, tiredness as
    rings on a dashed one (told apart without colour), on the whole 0 to 10 scale."""
    pain = [(d.day.toordinal(), float(d.pain)) for d in shown if d.pain is not None]
    fatigue = [(d.day.toordinal(), float(d.fatigue)) for d in shown if d.fatigue is not None]
    layers = [Layer("dashed", fatigue, colors.fatigue), Layer("rings", fatigue, colors.fatigue),
              Layer("line", pain, colors.pain), Layer("squares", pain, colors.pain)]
    return _days_chart(layers, [], unlocked, first, last, colors, level_names=level_names,
                       y_range=(float(checkins.SCALE[0]), float(checkins.SCALE[1])))


def hands_text(c: trends.HandComparison, days: bool = True) -> str:
    """"Last 14 days: Left (affected) 612 ms · Right 420 ms · ratio 1.46" (without its
    first words unless `days`)."""
    ratio = "–" if c.ratio is None else f"{c.ratio:.2f}"
    return t("trend.hands" if days else "trend.hands.short", days=(c.last - c.first).days + 1,
             affected=t(f"hand.{c.affected}.short"), affected_value=c.metric.format(
                 c.affected_mean), other=t(f"hand.{c.other}.short"),
             other_value=c.metric.format(c.other_mean), ratio=ratio)


def headline(series: trends.Series, left_out: Collection[date] = ()) -> str:
    """The latest 7-day mean, the last check-up (with the check-ups' MDC95 once there are
    enough of them; high-pain days left out, as in the report) and the noise, in words."""
    metric = series.metric
    parts = []
    if series.rolling:
        parts.append(t("trend.now", value=metric.format(series.rolling[-1].value)))
    if series.checkups:
        last = metric.format(series.checkups[-1].value)
        mdc = mdc95([p.value for p in trends.without(series.checkups, left_out)])
        parts.append(t("trend.last_checkup", value=last) if mdc is None else
                     t("trend.last_checkup_mdc", value=last, mdc=metric.format(mdc)))
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
        self.reached_charts: list[tuple[RectMM, trends.Reached]] = []   # before the others
        self.pain_chart: RectMM | None = None    # the check-ins' chart, after the last
        self.all_series: list[trends.Series] = []
        self.hands: dict[str, trends.HandComparison] = {}
        self.reached: list[trends.Reached] = []
        self._last_values: dict[str, float] | None = None
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
        theme = self.app.theme
        sizes = theme.sizes
        self.charts, self.reached_charts = [], []
        self.pain_chart = None
        if not self.game:
            return [Label(content, t("trend.none"), muted=True)]
        sessions = self.area.sessions
        self.all_series = [s for s in trends.game_trends(
            sessions, self.game, self.hand, self.variant, self.area.high_pain_days())
            if not s.empty]
        self.reached = trends.difficulty_reached(
            sessions, self.area.shell.game(self.game).spec.levels, self.hand, self.variant,
            self.area.high_pain_days(), self.last_values())
        count = len(self.reached) + len(self.all_series) + (1 if self.checkins_shown() else 0)
        gap = sizes.gap / 2
        button_h = max(sizes.touch_min, sizes.button_h * 0.75)
        fit = max(1, int((content.h + gap) // (button_h + gap)))
        options = self._options(sessions, compact=len(self._options(sessions)) + 1 > fit)
        cols = 1 if len(options) + 1 <= fit else 2    # chips never under touch_min
        widest = max(least_width(theme, label, selected=chosen)
                     for label, chosen, _ in [*options, self._more(*[count] * 2)])
        side_w = min(widest * cols + gap * (cols - 1), content.w * 0.45)
        side = RectMM(content.x, content.y, side_w, content.h)
        rest = RectMM(side.right + sizes.gap * 1.5, content.y,
                      content.w - side_w - sizes.gap * 1.5, content.h)
        self.chart_theme = theme
        rest = self._chart_area(rest)
        if rest.h < CHART_MIN_H and theme.text_scale > 1.0:   # the charts' words at 100 %
            self.chart_theme = theme.with_preferences(text_scale=1.0)
            rest = self._chart_area(RectMM(rest.x, content.y, rest.w, content.h))
        self.hands = self._hand_comparisons(sessions)
        hand_lines = max((draw.lines_of(self.chart_theme, hands_text(c, days=False), rest.w)
                          for c in self.hands.values()), default=0)
        room = CHART_MIN_H + self.chart_theme.line_mm(sizes.small, 1 + hand_lines)
        first, last = self.span()
        named = any(first <= u.day <= last
                    for u in trends.unlocks(self.area.events, self.game, self.hand))
        band = self.chart_theme.line_mm(sizes.small) if named else 0.0  # the level names
        per_view = max(1, min(count, int((rest.h - band) // room)))
        pages = max(1, -(-count // per_view))
        self.page %= pages
        if pages > 1:
            options.append(self._more(self.page + 1, pages))
        rows = -(-len(options) // cols)
        button_h = min(button_h, (side.h - gap * (rows - 1)) / rows)
        col_w = (side.w - gap * (cols - 1)) / cols
        widgets: list[Widget] = []
        for i, (label, chosen, action) in enumerate(options):
            row, col = divmod(i, cols)
            box = RectMM(side.x + col * (col_w + gap), side.y + row * (button_h + gap), col_w,
                         button_h)
            widgets.append(Button(box, label, action, selected=chosen,
                                  icon="menu" if action == self._choose_game else None))
        items: list[trends.Reached | trends.Series | None] = [
            *self.reached, *self.all_series] + (
            [None] if count > len(self.all_series) + len(self.reached) else [])  # check-ins
        shown = items[self.page * per_view:(self.page + 1) * per_view]
        if not self.all_series:
            return [*widgets, Label(rest, t("trend.none_here"), muted=True)]
        top, others = rest.take_top(band)   # the first chart names the levels over it
        boxes = others.rows(len(shown), sizes.gap / 2)
        boxes[0] = RectMM(boxes[0].x, top.y, boxes[0].w, boxes[0].bottom - top.y)
        for box, item in zip(boxes, shown, strict=True):
            if item is None:
                self.pain_chart = box
            elif isinstance(item, trends.Reached):
                self.reached_charts.append((box, item))
            else:
                self.charts.append((box, item))
        return widgets

    def _hand_comparisons(self, sessions: list[dict]) -> dict[str, trends.HandComparison]:
        """Each metric's affected hand beside the other, for a player who plays both."""
        affected = self.area.profile.affected_hand
        if set(trends.hands_played(sessions, self.game)) != {"left", "right"}:
            return {}
        found = {s.metric.key: trends.hand_comparison(
            sessions, self.game, s.metric, affected, variant=self.variant,
            left_out=self.area.high_pain_days()) for s in self.all_series}
        return {key: c for key, c in found.items() if c is not None}

    def _hands_line(self, surface: pygame.Surface, theme: Theme, box: RectMM,
                    metric: Metric) -> RectMM:
        """The affected hand beside the other under a chart's title (on one line if it
        fits, with or without its days, else wrapped where the chart keeps its least
        height); the box left."""
        comparison = self.hands.get(metric.key)
        if comparison is None:
            return box
        small = theme.sizes.small
        texts = [hands_text(comparison), hands_text(comparison, days=False)]
        text = draw.first_fitting(theme, texts, box.w) or texts[-1]
        h = theme.line_mm(small, draw.lines_of(theme, text, box.w))
        if box.h - h < CHART_MIN_H * 0.6:
            return box     # no room: the chart first
        line, box = box.take_top(h)
        draw.text_in(surface, theme, text, line, small, theme.palette.muted, align="left")
        return box

    def last_values(self) -> dict[str, float]:
        """The last trial's adapted value of rounds whose record is older than their
        difficulty reached (the player's trials read once, only if there are such rounds)."""
        if self._last_values is None:
            old = trends.lacks_reached(self.area.sessions)
            self._last_values = trends.last_level_values(
                self.area.shell.store.all_trials(self.area.profile.id)) if old else {}
        return self._last_values

    def checkins_shown(self) -> list[checkins.Day]:
        """The check-ins with a pain or tiredness score on the days the charts show."""
        first, last = self.span()
        return [day for d, day in sorted(self.area.checkins.items())
                if first <= d <= last and (day.pain is not None or day.fatigue is not None)]

    def _chart_area(self, rest: RectMM) -> RectMM:
        """Place the legend and the date axis at the bottom of `rest`; returns the room
        left for the charts."""
        theme = self.chart_theme
        self.legend_rows = legend_rows(theme, rest.w, self._legend_items())
        small = theme.sizes.small
        rest, self.legend = rest.take_bottom(theme.line_mm(small, len(self.legend_rows)))
        rest, self.axis = rest.take_bottom(theme.line_mm(small) + 1.5)
        return rest

    def _more(self, page: int, pages: int) -> tuple[str, bool, Callable[[], None]]:
        return (t("trend.more_charts", page=page, pages=pages), False, self._next_page)

    def _legend_items(self) -> list[str]:
        """The kinds of mark the charts of this choice show, for the legend."""
        first, last = self.span()
        kinds = ["dots", "line", "diamonds"]
        markers = [m for s in self.all_series for m in s.markers if first <= m.day <= last] + [
            m for r in self.reached for level in r.levels for m in level.markers
            if first <= m.day <= last]
        kinds += ["up"] if any(m.better for m in markers) else []
        kinds += ["down"] if any(not m.better for m in markers) else []
        unlocked = trends.unlocks(self.area.events, self.game, self.hand)
        kinds += ["guide"] if any(first <= u.day <= last for u in unlocked) else []
        return kinds

    def _options(self, sessions: list[dict], compact: bool = False
                 ) -> list[tuple[str, bool, Callable[[], None]]]:
        """The choices beside the charts: a button per game (`compact`: one button naming
        the game shown, which opens the list of games), hands, ways of playing, the range."""
        options: list[tuple[str, bool, Callable[[], None]]] = [
            (self.area.shell.game(g).spec.short_name, g == self.game,
             lambda g=g: self._game(g)) for g in self.games]
        if compact:
            options = [(self.area.shell.game(self.game).spec.short_name, False,
                        self._choose_game)]
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
        next_range = keys[(keys.index(self.range) + 1) % len(keys)]
        options.append((t(f"trend.range.{self.range}"), False,
                        lambda: self._set(range=next_range)))
        return options

    def select(self, game: str) -> None:
        """Show `game`'s trends, its hand and way of playing chosen afresh."""
        self.game = game
        self._choose_defaults()

    def _choose_game(self) -> None:
        from deftly.scenes.therapist.sections import ChoicesScene

        names = {g: self.area.shell.game(g).spec.short_name for g in self.games}
        scene = ChoicesScene(self.area.shell, t("trend.games"), names, lambda: {self.game})
        self.app.scenes.push(scene, lambda game: self._game(game) if game else None)

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
        days = [p.day for s in self.all_series for p in s.training + s.checkups] + [
            p.day for r in self.reached for level in r.levels for p in level.points]
        last = max(days, default=self.area.shell.today().date())
        length = RANGES[self.range]
        first = min(days, default=last) if length is None else last - timedelta(days=length)
        return max(first, min(days, default=first)), last

    def draw(self, surface: pygame.Surface) -> None:
        if not self.charts and not self.reached_charts and self.pain_chart is None:
            return
        theme = self.chart_theme
        colors = Colors.of(theme)
        first, last = self.span()
        unlocked = trends.unlocks(self.area.events, self.game, self.hand)
        charts: list[tuple[RectMM, ChartData]] = []
        for whole, reached in self.reached_charts:
            box = _title(surface, theme, whole, [t(f"trend.reached{how}", param=reached.title)
                                                 for how in ("", ".short")] + [reached.title],
                         t("trend.reached.smaller" if reached.smaller_is_harder
                           else "trend.reached.larger"))
            charts.append((box, reached_data(reached, unlocked, first, last, colors,
                                             level_names=not charts)))
        for whole, item in self.charts:
            box = _title(surface, theme, whole, [item.metric.title],
                         headline(item, self.area.high_pain_days()))
            box = self._hands_line(surface, theme, box, item.metric)
            charts.append((box, chart_data(item, unlocked, first, last, colors,
                                           level_names=not charts)))
        if self.pain_chart is not None:
            shown = self.checkins_shown()
            box = _pain_title(surface, theme, self.pain_chart, shown, colors)
            charts.append((box, pain_data(shown, unlocked, first, last, colors,
                                          level_names=not charts)))
        names = max(names_mm(theme, data) for _, data in charts)   # one date axis for all
        for i, (box, data) in enumerate(charts):
            last_chart = i == len(charts) - 1   # the dates once, under the last chart
            data.x_labels_shown = last_chart
            data.names_mm = names
            draw_chart(surface, theme, RectMM(box.x, box.y, box.w, self.axis.bottom - box.y)
                       if last_chart else box, data)
        draw_legend(surface, theme, self.legend, self.legend_rows, colors)


def _title(surface: pygame.Surface, theme: Theme, whole: RectMM, names: list[str],
           numbers: str) -> RectMM:
    """A chart's name (the first of `names` that fits, longest first) on the left and its
    latest numbers (or a note) on the right, or under it when they do not fit beside it;
    returns the box left for the chart."""
    small = theme.sizes.small
    line = theme.line_mm(small)
    pal = theme.palette
    title, box = whole.take_top(line)
    name = draw.first_fitting(theme, names, title.w, bold=True) or names[-1]
    draw.text_in(surface, theme, name, title, small, pal.ink, bold=True, align="left",
                 wrap=False)
    beside = draw.text_width(theme, name, True) + 3.0 + draw.text_width(theme, numbers)
    if beside <= title.w:
        draw.text_in(surface, theme, numbers, title, small, pal.muted, align="right",
                     wrap=False)
    else:   # wrapped between its parts if need be
        lines = draw.lines_of(theme, numbers, title.w)
        under, box = box.take_top(theme.line_mm(small, lines))
        draw.text_in(surface, theme, numbers, under, small, pal.muted, align="left")
    return box


def _pain_title(surface: pygame.Surface, theme: Theme, whole: RectMM,
                shown: list[checkins.Day], colors: Colors) -> RectMM:
    """"Pain and tiredness (0-10)", and each line's mark with its latest score: beside
    the name, or on a line under it where they do not fit (the numbers left out if need
    be, never the marks, which tell the two lines apart); returns the chart's box."""
    small = theme.sizes.small
    pal = theme.palette
    title, box = whole.take_top(theme.line_mm(small))
    name = t("trend.checkins")
    draw.text_in(surface, theme, name, title, small, pal.ink, bold=True, align="left",
                 wrap=False)
    latest = {"pain": next((d.pain for d in reversed(shown) if d.pain is not None), None),
              "tired": next((d.fatigue for d in reversed(shown) if d.fatigue is not None),
                            None)}
    size = small * 0.8

    def key(numbers: bool) -> dict[str, tuple[str, float]]:
        words = {k: t(f"legend.{k}") + ("" if v is None or not numbers else f" {v}")
                 for k, v in latest.items()}
        return {k: (w, size + 1.0 + draw.text_width(theme, w)) for k, w in words.items()}

    def width(marks: dict[str, tuple[str, float]]) -> float:
        return sum(w for _, w in marks.values()) + LEGEND_GAP_MM

    marks = key(numbers=True)
    room = title.w - draw.text_width(theme, name, True) - 3.0
    if width(marks) <= room:
        row, x = title, title.right - width(marks)
    else:
        row, box = box.take_top(theme.line_mm(small))
        marks = marks if width(marks) <= row.w else key(numbers=False)
        x = row.x
    for kind, (words, w) in marks.items():
        color = colors.pain if kind == "pain" else colors.fatigue
        _symbol(surface, theme, kind, color, (x + size / 2, row.y + row.h / 2), size)
        draw.text_in(surface, theme, words, RectMM(x + size + 1.0, row.y, w - size - 1.0,
                                                   row.h),
                     small, pal.muted, align="left", wrap=False)
        x += w + LEGEND_GAP_MM
    return box


LEGEND_GAP_MM = 4.0


def _legend_text(kind: str) -> str:
    return t({"dots": "legend.training", "line": "legend.mean", "diamonds": "legend.checkup",
              "up": "legend.better", "down": "legend.worse", "guide": "legend.level"}[kind])


def legend_rows(theme: Theme, width: float, kinds: list[str]) -> list[list[str]]:
    """The legend's marks in as few lines of `width` mm as hold them, in order."""
    rows: list[list[str]] = [[]]
    used = 0.0
    for kind in kinds:
        w = _legend_width(theme, kind)
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0.0
        rows[-1].append(kind)
        used += w + LEGEND_GAP_MM
    return rows


def _legend_width(theme: Theme, kind: str) -> float:
    """A mark and its word."""
    return theme.sizes.small * 0.8 + 1.0 + draw.text_width(theme, _legend_text(kind))


def draw_legend(surface: pygame.Surface, theme: Theme, box: RectMM, rows: list[list[str]],
                colors: Colors) -> None:
    """What the marks mean, in `rows` under the charts."""
    color = {"dots": colors.training, "line": colors.mean, "diamonds": colors.checkup,
             "up": colors.better, "down": colors.worse, "guide": colors.guide}
    size = theme.sizes.small * 0.8
    line = theme.line_mm(theme.sizes.small)
    for r, kinds in enumerate(rows):
        x, y = box.x, box.y + r * line
        for kind in kinds:
            _symbol(surface, theme, kind, color[kind], (x + size / 2, y + line / 2), size)
            text = RectMM(x + size + 1.0, y, _legend_width(theme, kind) - size - 1.0, line)
            draw.text_in(surface, theme, _legend_text(kind), text, theme.sizes.small,
                         theme.palette.muted, align="left", wrap=False)
            x += _legend_width(theme, kind) + LEGEND_GAP_MM


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
    elif kind == "pain":     # a square on a solid line
        pygame.draw.line(surface, color, (px - r, py), (px + r, py), max(2, theme.px(0.5)))
        side = max(4, r)
        square = pygame.Rect(px - side // 2, py - side // 2, side, side)
        pygame.draw.rect(surface, color, square)
        pygame.draw.rect(surface, ink, square, 1)
    elif kind == "tired":    # a ring on a dashed line
        dash = max(2, r // 3)
        for x in range(px - r, px + r, dash * 2):
            pygame.draw.line(surface, color, (x, py), (min(x + dash, px + r), py),
                             max(2, theme.px(0.5)))
        ring = max(3, r * 2 // 3)
        pygame.draw.circle(surface, theme.palette.background, (px, py), ring)
        pygame.draw.circle(surface, color, (px, py), ring, max(2, theme.px(0.4)))
    elif kind in MARKS:     # as the charts draw them
        up, filled = MARKS[kind]
        draw_arrow(surface, theme, (px, py), max(5, r), color, up=up, filled=filled)
    else:
        for y in range(py - r, py + r, max(2, r // 2) * 2):
            pygame.draw.line(surface, color, (px, y), (px, y + max(2, r // 2)), 1)
