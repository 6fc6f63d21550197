"""The therapist's report: for each game played, the trend charts and a table of the main
metrics per week, as one PDF page (or one PNG image) per game.

matplotlib is imported only here, only when a report is made, with its file-only Agg
backend (no display needed). The charts mirror the in-app ones: training days as dots
with their 7-day mean, check-ups as diamonds, changes beyond the noise as triangles,
and dashed lines where a level was unlocked; then the difficulty reached (the staircase's
value at the end of the training rounds, a line per level, harder up: the honest training
trend, as training success is held near 80 %). When the player answered check-ins, the
weekly table has the week's pain (mean and highest), a line names the scale, and days
of high pain do not count for the triangles.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from deftly import checkins, detectable, report_reading, report_weeks, trends
from deftly import days as days_module
from deftly.progress import Bar, Quiet
from engine import __version__
from engine.i18n import t
from engine.resources import resource_path
from engine.spec import GameSpec, Metric
from engine.store.atomic import write_atomic
from engine.store.store import Profile, Store
from games.registry import all_specs
from games.registry import spec as game_spec

PAGE_IN = (11.69, 8.27)          # A4 landscape
COLORS = {"training": "#56B4E9", "mean": "#0072B2", "checkup": "#E69F00",
          "better": "#009E73", "worse": "#D55E00", "guide": "#5A6270"}
HAND_STYLES = ("-", "--", ":")


class ReportError(Exception):
    """A report that cannot be made, in one line (no rounds in the range, bad path)."""


@dataclass(frozen=True)
class Period:
    first: date | None = None
    last: date | None = None

    def holds(self, day: date | None) -> bool:
        return day is not None and (self.first is None or day >= self.first) and \
            (self.last is None or day <= self.last)


def sessions_in(store: Store, profile: Profile, period: Period) -> list[dict[str, Any]]:
    return [s for s in store.sessions(profile.id)
            if s.get("status") == "complete" and period.holds(days_module.session_day(s))]


def games_played(sessions: list[dict[str, Any]]) -> list[str]:
    """Games with rounds in the period, in the order the home screen shows them."""
    played = {s.get("game") for s in sessions}
    return [spec.id for spec in all_specs() if spec.id in played]


@dataclass(frozen=True)
class Document:
    """What every page says: who, who for, when written, the period, page n of m."""

    profile: Profile
    written: datetime
    first: date
    last: date

    def stamp(self, figure, page: int, pages: int) -> None:  # noqa: ANN001
        """The header band (patient, record number, clinician) and the footer (when
        written, the version, the period, the page)."""
        p = self.profile
        who = [t("report.patient", name=p.name)]
        who += [t("report.record", number=p.record_number)] if p.record_number else []
        who.append(t("report.clinician", name=p.clinician) if p.clinician
                   else t("report.no_clinician"))
        figure.text(0.07, 0.985, "   ·   ".join(who), fontsize=8.5, va="top")
        figure.text(0.98, 0.985, t("report.kind"), fontsize=8.5, va="top", ha="right",
                    color=COLORS["guide"])
        figure.add_artist(_rule(0.972))
        figure.text(0.07, 0.012, t("report.footer", written=self.written, version=__version__,
                                   first=self.first, last=self.last),
                    fontsize=7.5, color=COLORS["guide"])
        figure.text(0.98, 0.012, t("report.page", page=page, pages=pages), fontsize=8,
                    ha="right", fontweight="bold")


def _rule(y: float):
    from matplotlib.lines import Line2D

    return Line2D([0.07, 0.98], [y, y], linewidth=0.6, color="#BBBBBB")


def write_report(store: Store, profile: Profile, out: Path, period: Period = Period(),
                 written: datetime | None = None, bar: Bar | None = None) -> list[Path]:
    """Write the report: for each game played its charts with a plain reading, then its
    weeks, then the notes on the methods. A .pdf gets every page; a .png one image per page
    (`<stem>-<game>.png`, `<stem>-<game>-weeks.png`, ..., `<stem>-notes.png`). Returns
    the files written. `bar` is told of each game drawn and each page written."""
    bar = bar or Quiet()
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise ReportError(f"{out}: the report is written as .pdf or .png")
    sessions = sessions_in(store, profile, period)
    games = games_played(sessions)
    if not games:
        raise ReportError(f"{profile.name} has no finished rounds "
                          f"{_period_words(period)}; nothing to report")
    events = store.events(profile.id, "unlock")
    pain = Pain.of(store, profile, period)
    old = trends.last_level_values(store.all_trials(profile.id)) \
        if trends.lacks_reached(sessions) else {}    # records older than the difficulty reached
    played = sorted({d for s in sessions if (d := days_module.session_day(s))})
    document = Document(profile, written or store.clock(), played[0], played[-1])
    summary = _summary_pages(document, [GameData.of(profile, game_spec(game), sessions, pain)
                                        for game in games])
    pages: list[tuple[str, Any]] = [("summary" if k == 0 else f"summary-{k + 1}", figure)
                                    for k, figure in enumerate(summary)]
    bar.reset(len(games))        # each game drawn, then (below) each page written
    for game in games:
        bar.update(1)
        charts = _chart_pages(profile, game, sessions, events, pain, last_values=old)
        pages += [(game if k == 0 else f"{game}-charts-{k + 1}", figure)
                  for k, figure in enumerate(charts)]
        pages += [(f"{game}-{name}", figure)
                  for name, figure in _week_pages(profile, game, sessions, pain,
                                                  (document.first, document.last))]
    pages.append(("notes", _notes_page(pain)))
    bar.reset(len(pages))
    for n, (_, figure) in enumerate(pages, 1):
        document.stamp(figure, n, len(pages))
    if suffix == ".pdf":
        from matplotlib.backends.backend_pdf import PdfPages

        names = ", ".join(game_spec(g).name for g in games)
        buffer = io.BytesIO()
        metadata = {"Title": f"Deftly report: {profile.name}",
                    "Author": profile.clinician or "Deftly",
                    "Subject": t("report.subject", first=document.first, last=document.last,
                                 games=names),
                    "Keywords": ", ".join(filter(None, [profile.name, profile.record_number,
                                                        "hand therapy"])),
                    "Creator": f"Deftly {__version__}"}
        with PdfPages(buffer, metadata=metadata) as pdf:
            for _, figure in pages:
                pdf.savefig(figure)
                bar.update(1)
        _write(out, buffer.getvalue())
        return [out]
    written_paths = []
    for name, figure in pages:
        path = out.with_name(f"{out.stem}-{name}.png")
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=110)
        _write(path, buffer.getvalue())
        written_paths.append(path)
        bar.update(1)
    return written_paths


def _summary_pages(document: Document, games: list[GameData]) -> list[Any]:
    """The first page, to read alone: who, the period, the days played, and each game's
    plain reading (carried on to a second page if it is long)."""
    figure = _figure()
    profile, first, last = document.profile, document.first, document.last
    figure.text(0.07, 0.955, t("report.summary_title", name=profile.name, first=first,
                               last=last), fontsize=15, fontweight="bold", va="top")
    played = len({d for g in games for d in g.days})
    figure.text(0.07, 0.905, t("report.summary_line", hand=t(f"hand.{profile.affected_hand}"),
                               played=played, span=(last - first).days + 1,
                               count=len(games)), fontsize=10, va="top")
    figures = [figure]
    y = 0.86
    for data in games:
        text = "\n".join(textwrap.fill(line, 165) for line in _said(data))
        height = 0.026 + LINE_H * (text.count("\n") + 1) + 0.02
        if y - height < CHARTS_BOTTOM:         # on to a page of its own
            figures.append(_figure())
            figures[-1].text(0.07, 0.945, t("report.summary_more", name=profile.name),
                             fontsize=14, fontweight="bold", va="top")
            y = 0.89
        figures[-1].text(0.07, y, data.spec.name, fontsize=10.5, fontweight="bold", va="top")
        figures[-1].text(0.07, y - 0.026, text, fontsize=8.5, va="top", linespacing=1.3)
        y -= height
    return figures


LINE_H = 0.0225   # a line of 8.5 pt text at 1.3 line spacing, as a share of the page height


def _said(data: GameData) -> list[str]:
    """The game in plain words: the check-ups of the hand that needs practice (of each
    hand, where both need it), each naming its hand where more than one is played; then
    the hands compared."""
    read = [data.trained] if data.profile.affected_hand in data.hands else data.hands
    said = [line for hand in read for line in report_reading.reading(
        data.of_hand(hand), data.spec.id, data.pain.high,
        t(f"hand.{hand}") if len(data.hands) > 1 else "")]
    if len(data.hands) > 1:
        said += report_reading.hands_said(data.mine, data.spec.id, data.profile.affected_hand,
                                          data.pain.high)
    return said


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError as error:
        raise ReportError(f"cannot write {path}: {error.strerror or error}") from error


def _period_words(period: Period) -> str:
    if period.first and period.last:
        return f"from {period.first} to {period.last}"
    if period.first:
        return f"since {period.first}"
    if period.last:
        return f"up to {period.last}"
    return "yet"


@dataclass(frozen=True)
class Pain:
    """The player's check-ins in the period and their pain threshold."""

    days: dict[date, checkins.Day]
    threshold: int = checkins.PAIN_THRESHOLD

    @classmethod
    def of(cls, store: Store, profile: Profile, period: Period) -> Pain:
        from deftly.context import prefs_of

        found = {d: day for d, day in checkins.days_of(store, profile.id).items()
                 if period.holds(d) and day.pain is not None}
        return cls(found, prefs_of(profile).pain_threshold)

    @property
    def high(self) -> set[date]:
        return checkins.high_pain_days(self.days, self.threshold)

    def between(self, first: date, last: date) -> str:
        """The days' mean pain and its highest, "3.5 / 7" ("–": none answered)."""
        scores = [day.pain for d, day in self.days.items()
                  if day.pain is not None and first <= d <= last]
        if not scores:
            return "–"
        return f"{sum(scores) / len(scores):.1f} / {max(scores)}"


# -- one page ------------------------------------------------------------------------------
@cache
def _setup_matplotlib() -> None:
    """File-only backend and Deftly's font, once per process."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import font_manager

    fonts = resource_path("assets/fonts")
    for name in ("AtkinsonHyperlegible_400Regular.ttf", "AtkinsonHyperlegible_700Bold.ttf"):
        font_manager.fontManager.addfont(str(fonts / name))
    matplotlib.rcParams["font.family"] = "Atkinson Hyperlegible"
    matplotlib.rcParams["font.size"] = 9


def _figure():
    _setup_matplotlib()
    from matplotlib.figure import Figure

    return Figure(figsize=PAGE_IN)


CHART_H = 0.115        # a chart's height on the page, with its title and date labels
CHART_GAP = 0.05       # between two charts: the date labels of one, the title of the next
CHARTS_TOP, CHARTS_BOTTOM = 0.86, 0.07


def _chart_pages(profile: Profile, game: str, sessions: list[dict[str, Any]],
                 events: list[dict[str, Any]], pain: Pain | None = None, *,
                 last_values: Mapping[str, float] | None = None) -> list[Any]:
    """The game's charts, as many pages as they take at one height: the first page has
    the title, what the marks mean and the plain reading; the difficulty reached comes
    last."""
    spec = game_spec(game)
    data = GameData.of(profile, spec, sessions, pain or Pain({}))
    first, last = data.days[0], data.days[-1]    # the data's period, not the asked one
    reached = trends.difficulty_reached(data.mine, spec.levels, data.trained,
                                        left_out=data.pain.high, last_values=last_values)
    items: list[tuple[float, Any]] = [(1.0, row) for row in chart_rows(trends.metrics_of(game))]
    if reached:      # a gap for its title and note, then a row per two parameters
        rows = math.ceil(len(reached) / REACHED_COLUMNS)
        items.append((REACHED_GAP + REACHED_ROW * rows, None))
    figure = _figure()
    top = _first_chart_page(figure, data)
    pages: list[tuple[Any, float, list[tuple[float, Any]]]] = [(figure, top, [])]
    for units, item in items:
        figure, top, placed = pages[-1]
        used = sum(u for u, _ in placed)
        if top - (used + units) * CHART_H < CHARTS_BOTTOM and (placed or top < CHARTS_TOP / 2):
            figure = _figure()
            figure.text(0.07, 0.945, t("report.charts_more", game=spec.name), fontsize=14,
                        fontweight="bold", va="top")
            pages.append((figure, CHARTS_TOP, []))
        pages[-1][2].append((units, item))
    unlocked = trends.unlocks(events, game)
    hand_words = t(f"hand.{data.trained}") if len(data.hands) > 1 else ""
    for n, (figure, top, placed) in enumerate(pages):
        heights = [u for u, _ in placed]
        tall = sum(heights) * CHART_H
        mean_axes = (tall - CHART_GAP * (len(placed) - 1)) / len(placed)
        grid = figure.add_gridspec(len(placed), 1, height_ratios=heights, left=0.07,
                                   right=0.98, top=top, hspace=CHART_GAP / mean_axes,
                                   bottom=top - tall)
        for k, (_, item) in enumerate(placed):
            if item is None:
                _reached_row(figure, grid[k], reached, (first, last), unlocked, hand_words)
            else:
                _chart(figure.add_subplot(grid[k]), item, data, unlocked,
                       names=k == 0 and n == 0)
    return [figure for figure, _, _ in pages]


@dataclass(frozen=True)
class GameData:
    """One game's rounds in the report: the days played, the hands, the hand trained (the
    affected one, if played) and the pain check-ins."""

    profile: Profile
    spec: GameSpec
    mine: list[dict[str, Any]]
    days: list[date]
    hands: list[str]
    trained: str
    pain: Pain

    @classmethod
    def of(cls, profile: Profile, spec: GameSpec, sessions: list[dict[str, Any]],
           pain: Pain) -> GameData:
        mine = [s for s in sessions if s.get("game") == spec.id]
        days = sorted({d for s in mine if (d := days_module.session_day(s))})
        hands = trends.hands_played(mine, spec.id)
        trained = profile.affected_hand if profile.affected_hand in hands else hands[0]
        return cls(profile, spec, mine, days, hands, trained, pain)

    def of_hand(self, hand: str) -> list[dict[str, Any]]:
        return [s for s in self.mine if s.get("hand") == hand]


def _first_chart_page(figure, data: GameData) -> float:  # noqa: ANN001
    """The title, the subtitle, how to read the marks and the plain reading; returns where
    the charts may start."""
    profile, spec, days_played = data.profile, data.spec, data.days
    first, last = days_played[0], days_played[-1]
    minutes = days_module.minutes_by_day(data.mine)
    figure.text(0.07, 0.955, f"{profile.name} · {spec.name} · {first:%d %b %Y} – "
                             f"{last:%d %b %Y}", fontsize=15, fontweight="bold", va="top")
    figure.text(0.07, 0.905, t("report.subtitle", hand=t(f"hand.{profile.affected_hand}"),
                               played=len(days_played), span=(last - first).days + 1,
                               minutes=sum(minutes.values()) / max(len(days_played), 1)),
                fontsize=9.5, va="top")
    how_to_read = t("report.how_to_read") + (f" {t(spec.note)}" if spec.note else "")
    figure.text(0.07, 0.88, textwrap.fill(how_to_read, 170), fontsize=8,
                color=COLORS["guide"], va="top")
    text = "\n".join(textwrap.fill(line, 175) for line in _said(data))
    figure.text(0.07, 0.835, t("report.reading_title"), fontsize=9.5, fontweight="bold",
                va="top")
    figure.text(0.07, 0.812, text, fontsize=8.5, va="top", linespacing=1.3)
    return 0.79 - LINE_H * (text.count("\n") + 1) - 0.065    # room for the level names


def _chart(axes, row: tuple[str, list[Metric]], data: GameData,  # noqa: ANN001
           unlocked: list[trends.Unlocked], *, names: bool) -> None:
    """One metric's chart (a line per hand), or a group's (a line per member)."""
    title, members = row
    metric, hands, left_out = members[0], data.hands, data.pain.high
    if len(members) > 1:
        _plot_group(axes, data.of_hand(hands[0]), members, left_out)
    for style, hand in zip(HAND_STYLES, hands if len(members) == 1 else (), strict=False):
        series = trends.series(data.of_hand(hand), metric, left_out)
        _plot(axes, series, style, t(f"hand.{hand}") if len(hands) > 1 else "")
    _days_axes(axes, (data.days[0], data.days[-1]), unlocked, title + (
        f" · {t('report.checkups_only')}" if metric.checkup_only else ""), metric.unit,
        level_names=names)
    if len(members) > 1 and axes.get_legend_handles_labels()[0]:
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(members),
                    fontsize=7, frameon=False, borderaxespad=0.2)   # over it: off the data
    elif len(hands) > 1 and names:
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False,
                    ncol=3, borderaxespad=0.2)            # over the chart, off the data


def _days_axes(axes, days: tuple[date, date], unlocked: list[trends.Unlocked],  # noqa: ANN001
               title: str, unit: str, *, level_names: bool = False, pad: float = 6.0) -> None:
    """A chart over the days: the level guides (their names staggered so neighbours do not
    overlap), date ticks, its title and unit, light rules."""

    first, last = days
    shown = [u for u in unlocked if first <= u.day <= last]
    for u in shown:
        axes.axvline(u.day, color=COLORS["guide"], linestyle=(0, (3, 3)), linewidth=0.8)
    axes.set_xlim(first - timedelta(days=1), last + timedelta(days=1))
    if level_names and shown:
        span = (last - first).days + 2
        width_pt = axes.get_position().width * PAGE_IN[0] * 72
        starts = [((u.day - first).days + 1) / span * width_pt for u in shown]
        for u, row in zip(shown, name_rows(starts, [len(u.name) * NAME_PT for u in shown]),
                          strict=True):
            axes.annotate(u.name, (u.day, 1.0), xycoords=("data", "axes fraction"),
                          fontsize=7, color=COLORS["guide"], annotation_clip=False,
                          xytext=(2, NAMES_ABOVE_PT + 9 * row), textcoords="offset points")
    inches = axes.get_position().width * PAGE_IN[0]
    locator, formatter = date_ticks(first, last, max(2, min(MAX_TICKS, int(inches / 0.8))))
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(formatter)
    axes.set_ylabel(unit)
    axes.set_title(title, loc="left", fontsize=10, fontweight="bold", pad=pad)
    axes.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


MAX_TICKS = 10
NAME_PT = 3.9          # a character of a level's name at 7 pt, in points (a generous mean)
NAMES_ABOVE_PT = 16    # the level names' lowest row, over the chart's title


def name_rows(starts: list[float], widths: list[float], gap: float = 4.0) -> list[int]:
    """A row for each name (its start and width along the chart, in points): the lowest
    row where it does not run into a name before it, so no two names overlap."""
    ends: list[float] = []        # where each row's last name ends
    rows = []
    for start, width in zip(starts, widths, strict=True):
        row = next((r for r, end in enumerate(ends) if start >= end + gap), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = start + width
        rows.append(row)
    return rows


def date_ticks(first: date, last: date, most: int = MAX_TICKS):  # noqa: ANN201
    """Ticks at sensible steps with month names: Mondays ("05 Oct", "04 Jan 2027" where a
    year starts) every 1, 2, 4 or 8 weeks up to about four months, then the first of every
    1, 2, 3, 6 or 12 months ("Oct", and "Jan 2027" where a year starts); never more than
    `most`."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import FuncFormatter

    days = (last - first).days + 1
    if days <= 7 * 4 * MAX_TICKS // 2:
        step = next((n for n in (1, 2, 4, 8) if days / (7 * n) <= most), 8)
        def monday(value: float, position: int | None = None) -> str:
            day = mdates.num2date(value)
            new_year = day.month == 1 and day.day <= 7 * step
            return f"{day:%d %b %Y}" if new_year and position != 0 else f"{day:%d %b}"

        return (mdates.WeekdayLocator(byweekday=mdates.MO, interval=step),
                FuncFormatter(monday))
    months = days / 30.4
    step = next((n for n in (1, 2, 3, 6, 12, 24) if months / n <= most), 24)

    def month(value: float, position: int | None = None) -> str:
        day = mdates.num2date(value)
        return f"{day:%b %Y}" if day.month == 1 or position == 0 else f"{day:%b}"

    return mdates.MonthLocator(interval=step), FuncFormatter(month)


NAMES_IN = 1.3      # the room for the levels' names beside a difficulty chart
REACHED_GAP = 0.12  # the height of the gap over it (a chart's is 1)
REACHED_COLUMNS = 2
REACHED_ROW = 1.4   # a row of them, with its titles (a chart's height is 1)
MARKS = ("s", "o", "D", "^", "v")


def _reached_row(figure, cell, reached: list[trends.Reached],  # noqa: ANN001
                 days: tuple[date, date], unlocked: list[trends.Unlocked], hand: str) -> None:
    """The difficulty reached, a chart per adapted parameter side by side: a line per
    level (its colour, dash and marks), harder up, its levels named beside it in the order
    their lines end, top to bottom, under which way is harder; and a line saying what it
    shows."""
    columns = min(len(reached), REACHED_COLUMNS)
    rows = math.ceil(len(reached) / columns)
    width = PAGE_IN[0] * 0.91 / columns
    grid = cell.subgridspec(rows + 1, 2 * columns, wspace=0.05, hspace=1.0,
                            height_ratios=[REACHED_GAP] + [1.0] * rows,
                            width_ratios=[width - NAMES_IN, NAMES_IN] * columns)
    for k, chart in enumerate(reached):
        axes = figure.add_subplot(grid[1 + k // columns, 2 * (k % columns)])
        ends = []
        for i, level in enumerate(chart.levels):
            line, = axes.plot([p.day for p in level.points], [p.value for p in level.points],
                              linestyle=GROUP_STYLES[i % len(GROUP_STYLES)],
                              color=GROUP_COLORS[i % len(GROUP_COLORS)], linewidth=1.3,
                              marker=MARKS[i % len(MARKS)], markersize=3, label=level.name)
            ends.append((level.points[-1].value, line))
            _markers(axes, level.markers, harder_up=True)
        if chart.smaller_is_harder:
            axes.invert_yaxis()
        top_first = sorted(ends, key=lambda end: end[0], reverse=not chart.smaller_is_harder)
        direction = t("trend.reached.smaller" if chart.smaller_is_harder
                      else "trend.reached.larger")
        axes.legend(handles=[line for _, line in top_first], loc="upper left", fontsize=7,
                    bbox_to_anchor=(1.01, 1.0), frameon=False, handlelength=2.6,
                    title=direction, title_fontsize=7, alignment="left")
        words = t("trend.reached", param=chart.title) if k == 0 else chart.title
        _days_axes(axes, days, unlocked, f"{words} ({hand})" if hand and k == 0 else words,
                   chart.metric.unit, pad=20 if k < columns else 6)
        if k == 0:   # under the titles, over the change markers
            axes.annotate(t("report.reached_note"), (0.0, 1.0), xycoords="axes fraction",
                          xytext=(0, 10), textcoords="offset points", fontsize=7.5,
                          color=COLORS["guide"], annotation_clip=False)


def chart_rows(metrics: list[Metric]) -> list[tuple[str, list[Metric]]]:
    """The report's charts: each metric alone, or a group's members together (in the order
    the group first appears), with the chart's title."""
    rows: list[tuple[str, list[Metric]]] = []
    seen: dict[str, list[Metric]] = {}
    for metric in metrics:
        if not metric.group:
            rows.append((t(metric.label), [metric]))
        elif metric.group in seen:
            seen[metric.group].append(metric)
        else:
            seen[metric.group] = [metric]
            rows.append((t(metric.group), seen[metric.group]))
    return rows


GROUP_STYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)))
GROUP_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9")


def _plot_group(axes, sessions: list[dict[str, Any]], members: list[Metric],  # noqa: ANN001
                left_out: set[date] | None = None) -> None:
    """A group's members in one chart: each one's 7-day mean as its own line, and its
    check-ups as small diamonds on that line's colour (the first hand played)."""
    for k, metric in enumerate(members):
        series = trends.series(sessions, metric, left_out or ())
        color, style = GROUP_COLORS[k % len(GROUP_COLORS)], GROUP_STYLES[k % len(GROUP_STYLES)]
        if series.rolling:
            axes.plot([p.day for p in series.rolling], [p.value for p in series.rolling],
                      linestyle=style, color=color, linewidth=1.5, label=t(metric.label))
        if series.checkups:
            axes.plot([p.day for p in series.checkups], [p.value for p in series.checkups],
                      "D", color=color, markeredgecolor="#1B2230", markersize=3.5)


def _plot(axes, series: trends.Series, style: str, hand: str) -> None:  # noqa: ANN001
    label = f" ({hand})" if hand else ""
    if series.training:
        axes.plot([p.day for p in series.training], [p.value for p in series.training], "o",
                  color=COLORS["training"], markersize=2.5, label=t("legend.training") + label)
        axes.plot([p.day for p in series.rolling], [p.value for p in series.rolling], style,
                  color=COLORS["mean"], linewidth=1.6, label=t("legend.mean") + label)
    if series.checkups:
        axes.plot([p.day for p in series.checkups], [p.value for p in series.checkups],
                  "D" + style, color=COLORS["checkup"], markeredgecolor="#1B2230",
                  markersize=5, linewidth=0.8, label=t("legend.checkup") + label)
    _markers(axes, series.markers)


def _markers(axes, markers: list[trends.Change], harder_up: bool = False) -> None:  # noqa: ANN001
    """Changes beyond the noise as triangles over the chart: up where the value rose
    (`harder_up`: where it got harder), filled where better."""
    for m in markers:
        up = m.better if harder_up else m.change > 0
        axes.plot([m.day], [1.02], "^" if up else "v",
                  transform=axes.get_xaxis_transform(), clip_on=False, markersize=7,
                  color=COLORS["better" if m.better else "worse"],
                  markerfacecolor=COLORS["better"] if m.better else "none")


def _week_pages(profile: Profile, game: str, sessions: list[dict[str, Any]], pain: Pain,
                period: tuple[date, date]) -> list[tuple[str, Any]]:
    """The game's weeks, all of them, cut to the report's `period`: its main numbers, then
    its groups' (per finger, per way), as many pages as they take; each named for its PNG
    file. A check-up column names the MDC95 of the hand that needs practice."""
    data = GameData.of(profile, game_spec(game), sessions, pain)
    hands = data.hands
    lines = report_weeks.week_lines(data.mine, game, hands, period)
    checked = data.of_hand(data.trained)

    def mdc(metric: Metric) -> float | None:
        points = report_reading.checkup_points(checked, metric, pain.high)
        return detectable.mdc95([p.value for p in points])

    name = game_spec(game).name
    main = report_weeks.main_columns(game, hands, pain.between if pain.days else None, mdc,
                                     t(f"hand.{data.trained}") if len(hands) > 1 else "")
    keys = len(report_weeks.key_columns(hands))
    tables = [("", part) for part in report_weeks.fit_columns(main, lines, keys)]
    groups = report_weeks.group_columns(game, hands)
    if groups:
        titles = ", ".join(dict.fromkeys(t(m.group) for m in trends.metrics_of(game)
                                         if m.group))
        tables += [(titles, part)
                   for part in report_weeks.fit_columns(groups, lines, keys - 1)]
    headers = max(_header_rows(columns, lines) for _, columns in tables)
    room = (TABLES_TOP - TABLES_BOTTOM - 0.03) / ROW_H - headers
    figures: list[Any] = []
    top = 0.0
    for chunk in report_weeks.pages_of(lines, max(1, min(report_weeks.ROWS_PER_PAGE, int(room)))):
        for subtitle, columns in tables:
            height = ROW_H * (len(chunk) + _header_rows(columns, chunk)) + \
                (0.03 if subtitle else 0.0)
            if not figures or top - height < TABLES_BOTTOM:
                figures.append(_weeks_figure(t("report.weeks_title", game=name), pain))
                top = TABLES_TOP
            if subtitle:
                figures[-1].text(0.07, top, subtitle, fontsize=9.5, fontweight="bold",
                                 va="top")
            top -= height
            axes = figures[-1].add_axes((0.07, top, 0.91, height - (0.03 if subtitle else 0)))
            _week_table(axes, columns, chunk)
            top -= 0.03
    return [("weeks" if k == 0 else f"weeks-{k + 1}", f) for k, f in enumerate(figures)]


ROW_H = 0.026           # a table row's height, as a share of the page
TABLES_TOP, TABLES_BOTTOM = 0.86, 0.09


def _weeks_figure(title: str, pain: Pain):
    """A page for weeks: its title, what the columns mean, and the pain scale."""
    figure = _figure()
    figure.text(0.07, 0.945, title, fontsize=14, fontweight="bold", va="top")
    figure.text(0.07, 0.905, textwrap.fill(t("report.weeks_note"), 190), fontsize=8,
                color=COLORS["guide"], va="top")
    if pain.days:
        figure.text(0.07, 0.045, textwrap.fill(t(
            "report.pain_scale", scale=checkins.SCALE_NAME, threshold=pain.threshold), 200),
            fontsize=7.5, color=COLORS["guide"])
    return figure


def _headers(columns: list[report_weeks.Column], lines: list[report_weeks.WeekLine]
             ) -> list[str]:
    """Each column's title wrapped to its width."""
    return [textwrap.fill(title, report_weeks.width((title, show), lines)
                          - report_weeks.PAD_CHARS) for title, show in columns]


def _header_rows(columns: list[report_weeks.Column],
                 lines: list[report_weeks.WeekLine]) -> float:
    """The header's height in rows: its most wrapped title's lines."""
    return max(h.count("\n") + 1 for h in _headers(columns, lines)) * 0.75 + 0.3


def _week_table(axes, columns: list[report_weeks.Column],  # noqa: ANN001
                lines: list[report_weeks.WeekLine]) -> None:
    """One page of weeks: a header that fits its column (wrapped, never cut) and a row
    per week and hand."""
    axes.axis("off")
    widths = [report_weeks.width(column, lines) for column in columns]
    cells = [[show(line) for _, show in columns] for line in lines]
    table = axes.table(cellText=cells, colLabels=_headers(columns, lines), cellLoc="center",
                       colWidths=[w / sum(widths) for w in widths], bbox=[0.0, 0.0, 1.0, 1.0])
    _styled(table, len(cells), header_lines=_header_rows(columns, lines))


def _notes_page(pain: Pain):
    """The methods: how the days, marks, MDC95, hands and pain are computed."""
    figure = _figure()
    figure.text(0.07, 0.945, t("report.notes_title"), fontsize=14, fontweight="bold",
                va="top")
    notes = [t(f"report.note.{k}") for k in range(1, 6)]
    if pain.days:
        notes.append(t("report.pain_scale", scale=checkins.SCALE_NAME,
                       threshold=pain.threshold))
    figure.text(0.07, 0.89, "\n\n".join(textwrap.fill(n, 150) for n in notes), fontsize=9.5,
                va="top", linespacing=1.4)
    return figure


def _styled(table, rows: int, header_lines: float) -> None:  # noqa: ANN001
    """Small type, light rules, a bold header `header_lines` rows tall."""
    table.auto_set_font_size(False)
    table.set_fontsize(7.5)
    header_h = header_lines / (rows + header_lines)
    for (r, _), cell in table.get_celld().items():
        cell.set_edgecolor("#DDDDDD")
        cell.set_height(header_h if r == 0 else (1.0 - header_h) / rows)
        if r == 0:
            cell.set_text_props(fontweight="bold")
