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
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from deftly import checkins, trends
from deftly import days as days_module
from engine import __version__
from engine.i18n import t
from engine.resources import resource_path
from engine.spec import Metric
from engine.store.atomic import write_atomic
from engine.store.store import Profile, Store
from games.registry import all_specs

PAGE_IN = (11.69, 8.27)          # A4 landscape
TABLE_WEEKS = 8
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


def write_report(store: Store, profile: Profile, out: Path,
                 period: Period = Period()) -> list[Path]:
    """Write the report; a .pdf gets one page per game, a .png one image per game
    (named `<stem>-<game>.png`). Returns the files written."""
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
    figures = [_page(profile, game, sessions, events, period, pain, last_values=old)
               for game in games]
    if suffix == ".pdf":
        from matplotlib.backends.backend_pdf import PdfPages

        buffer = io.BytesIO()
        with PdfPages(buffer, metadata={"Title": f"Deftly report: {profile.name}",
                                        "Creator": f"Deftly {__version__}"}) as pdf:
            for figure in figures:
                pdf.savefig(figure)
        _write(out, buffer.getvalue())
        return [out]
    written = []
    for game, figure in zip(games, figures, strict=True):
        path = out.with_name(f"{out.stem}-{game}.png")
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=110)
        _write(path, buffer.getvalue())
        written.append(path)
    return written


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

    def week(self, monday: date) -> str:
        """The week's mean pain and its highest, "3.5 / 7" ("–": none answered)."""
        scores = [day.pain for d, day in self.days.items()
                  if day.pain is not None and 0 <= (d - monday).days < 7]
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


def _page(profile: Profile, game: str, sessions: list[dict[str, Any]],
          events: list[dict[str, Any]], period: Period, pain: Pain | None = None, *,
          last_values: Mapping[str, float] | None = None):
    from games.registry import spec as game_spec

    spec = game_spec(game)
    pain = pain or Pain({})
    mine = [s for s in sessions if s.get("game") == game]
    days_played = sorted({d for s in mine if (d := days_module.session_day(s))})
    first = period.first or days_played[0]
    last = period.last or days_played[-1]
    figure = _figure()
    charts = chart_rows(trends.metrics_of(game))
    groups = [members for _, members in charts if len(members) > 1]
    tables = [1.2] + [0.25 + 0.16 * len(members) for members in groups]
    hands = trends.hands_played(mine, game)
    trained = profile.affected_hand if profile.affected_hand in hands else hands[0]
    reached = trends.difficulty_reached(mine, spec.levels, trained, left_out=pain.high,
                                        last_values=last_values)
    below = [REACHED_GAP, 1.0] if reached else []   # room for its title and its note
    rows = len(charts) + len(below)
    grid = figure.add_gridspec(rows + len(tables), 1,
                               height_ratios=[1.0] * len(charts) + below + tables,
                               left=0.07, right=0.98, top=0.84, bottom=0.03, hspace=0.55)
    minutes = days_module.minutes_by_day(mine)
    span = (last - first).days + 1
    figure.suptitle(f"{profile.name} · {spec.name} · {first:%d %b %Y} – {last:%d %b %Y}",
                    x=0.07, y=0.97, ha="left", fontsize=15, fontweight="bold")
    figure.text(0.07, 0.925, t("report.subtitle", hand=t(f"hand.{profile.affected_hand}"),
                               played=len(days_played), span=span,
                               minutes=sum(minutes.values()) / max(len(days_played), 1)),
                fontsize=9.5)
    how_to_read = t("report.how_to_read") + (f" {t(spec.note)}" if spec.note else "")
    figure.text(0.07, 0.905, textwrap.fill(how_to_read, 170), fontsize=8,
                color=COLORS["guide"], va="top")
    unlocked = trends.unlocks(events, game)
    for row, (title, members) in enumerate(charts):
        axes = figure.add_subplot(grid[row])
        metric = members[0]
        if len(members) > 1:
            _plot_group(axes, [s for s in mine if s.get("hand") == hands[0]], members,
                        pain.high)
        for style, hand in zip(HAND_STYLES, hands if len(members) == 1 else (), strict=False):
            series = trends.series([s for s in mine if s.get("hand") == hand], metric,
                                   pain.high)
            _plot(axes, series, style, t(f"hand.{hand}") if len(hands) > 1 else "")
        _days_axes(axes, (first, last), unlocked, title + (
            f" · {t('report.checkups_only')}" if metric.checkup_only else ""), metric.unit,
            level_names=row == 0)
        if len(members) > 1:
            axes.legend(loc="lower right", ncol=len(members), fontsize=7, frameon=False)
        elif len(hands) > 1 and row == 0:
            axes.legend(loc="upper right", fontsize=7, frameon=False)
    if reached:
        _reached_row(figure, grid[len(charts) + 1], reached, (first, last), unlocked,
                     t(f"hand.{trained}") if len(hands) > 1 else "")
    weekly = trends.weekly_table(mine, game, hands[0])[-TABLE_WEEKS:]
    _table(figure.add_subplot(grid[rows]), game, mine, hands, pain)
    for k, members in enumerate(groups):
        _group_table(figure.add_subplot(grid[rows + 1 + k]), members, weekly)
    if pain.days:
        figure.text(0.07, 0.008, t("report.pain_scale", scale=checkins.SCALE_NAME,
                                   threshold=pain.threshold), fontsize=7.5,
                    color=COLORS["guide"])
    return figure


def _days_axes(axes, days: tuple[date, date], unlocked: list[trends.Unlocked],  # noqa: ANN001
               title: str, unit: str, *, level_names: bool = False, pad: float = 6.0) -> None:
    """A chart over the days: the level guides (their names staggered so neighbours do not
    overlap), date ticks, its title and unit, light rules."""
    from matplotlib import dates as mdates

    first, last = days
    for i, u in enumerate(u for u in unlocked if first <= u.day <= last):
        axes.axvline(u.day, color=COLORS["guide"], linestyle=(0, (3, 3)), linewidth=0.8)
        if level_names:
            axes.annotate(u.name, (u.day, 1.0), xycoords=("data", "axes fraction"),
                          fontsize=7, color=COLORS["guide"],
                          xytext=(2, 2 + 8 * (i % 2)), textcoords="offset points")
    axes.set_xlim(first - timedelta(days=1), last + timedelta(days=1))
    locator = mdates.AutoDateLocator(maxticks=9)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.set_ylabel(unit)
    axes.set_title(title, loc="left", fontsize=10, fontweight="bold", pad=pad)
    axes.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


NAMES_IN = 1.3      # the room for the levels' names beside a difficulty chart
REACHED_GAP = 0.12  # the height of the gap over it (a chart's is 1)
MARKS = ("s", "o", "D", "^", "v")


def _reached_row(figure, cell, reached: list[trends.Reached],  # noqa: ANN001
                 days: tuple[date, date], unlocked: list[trends.Unlocked], hand: str) -> None:
    """The difficulty reached, a chart per adapted parameter side by side: a line per
    level (its colour, dash and marks), harder up, its levels named beside it in the order
    their lines end, top to bottom, under which way is harder; and a line saying what it
    shows."""
    width = PAGE_IN[0] * 0.91 / len(reached)
    grid = cell.subgridspec(1, 2 * len(reached), wspace=0.05,
                            width_ratios=[width - NAMES_IN, NAMES_IN] * len(reached))
    for k, chart in enumerate(reached):
        axes = figure.add_subplot(grid[2 * k])
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
                   chart.metric.unit, pad=20)
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


def _group_table(axes, members: list[Metric], weeks: list[trends.WeekRow]) -> None:  # noqa: ANN001
    """A group's own table: a row per member (per finger), its training mean week by week."""
    axes.axis("off")
    if not weeks:
        return
    header = [""] + [f"{week.week:%d %b}" for week in weeks]
    rows = [[t(m.label)] + [_number(m, week.values[m.key]) for week in weeks]
            for m in members]
    _styled(axes.table(cellText=rows, colLabels=header, cellLoc="center",
                       bbox=[0.0, 0.0, 1.0, 1.0]), len(rows), header_lines=1.0)


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


def _table(axes, game: str, sessions: list[dict[str, Any]], hands: list[str],  # noqa: ANN001
           pain: Pain | None = None) -> None:
    """The last weeks' main numbers: training means and the week's check-up (and the
    week's pain, if the player answered check-ins)."""
    axes.axis("off")
    metrics = trends.metrics_of(game)
    header = [t("report.week")] + ([t("report.hand")] if len(hands) > 1 else []) + [
        t("report.rounds"), t("report.minutes")]
    metrics = [m for m in metrics if not m.group]     # a group has its own table
    header += [m.title for m in metrics if not m.checkup_only]
    header += [f"{t('report.checkup_short')}: {m.title}" for m in metrics]
    header += [t("report.pain")] if pain is not None and pain.days else []
    header = [textwrap.fill(h, 18) for h in header]
    dated = []
    for hand in hands:
        for week in trends.weekly_table(sessions, game, hand)[-TABLE_WEEKS:]:
            row = [f"{week.week:%d %b %Y}"] + ([t(f"hand.{hand}")] if len(hands) > 1 else [])
            row += [str(week.rounds), f"{week.minutes:.0f}"]
            row += [_number(m, week.values[m.key]) for m in metrics if not m.checkup_only]
            row += [_number(m, week.checkups[m.key]) for m in metrics]
            row += [pain.week(week.week)] if pain is not None and pain.days else []
            dated.append((week.week, hand, row))
    rows = [row for _, _, row in sorted(dated)][-TABLE_WEEKS * max(1, len(hands)):]
    if not rows:
        return
    _styled(axes.table(cellText=rows, colLabels=header, cellLoc="center",
                       bbox=[0.0, 0.0, 1.0, 1.0]), len(rows), header_lines=2.2)


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


def _number(metric: Metric, value: float | None) -> str:
    return "–" if value is None else metric.format(value).rsplit(" ", 1)[0]
