"""The report's week-by-week tables: every week of the period with a played day, per hand,
the first and last weeks cut to the period (and saying so), as many pages as it takes."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from deftly import trends
from deftly.days import session_day
from engine.i18n import t
from engine.spec import Metric

ROWS_PER_PAGE = 28
PAGE_CHARS = 175       # characters of 7.5 pt type across a landscape A4 table, less padding
HEADER_LINES = 4       # a column's title wraps onto at most this many lines
PAD_CHARS = 2


@dataclass(frozen=True)
class WeekLine:
    """One week of one hand: its days inside the period, the days played, its numbers."""

    first: date
    last: date
    hand: str
    days_played: int
    row: trends.WeekRow

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def partial(self) -> bool:
        return self.days < 7

    def span(self) -> str:
        """"28 Sep 2026 – 04 Oct 2026": both ends with their year, so a row is read alone."""
        return f"{self.first:%d %b %Y} – {self.last:%d %b %Y}"

    def played(self) -> str:
        """"5 of 7", or "3 of 4, part week" for a week the period cuts."""
        words = t("report.days_of", played=self.days_played, days=self.days)
        return f"{words}, {t('report.part_week')}" if self.partial else words


def week_lines(sessions: list[dict[str, Any]], game: str, hands: Sequence[str],
               period: tuple[date, date]) -> list[WeekLine]:
    """Every week with a round of the game, by week then hand, cut to `period`."""
    first, last = period
    lines = []
    for hand in hands:
        mine = [s for s in sessions if s.get("game") == game and s.get("hand") == hand]
        played = {d for s in mine if (d := session_day(s)) is not None}
        for row in trends.weekly_table(mine, game, hand):
            start, end = max(row.week, first), min(row.week + timedelta(days=6), last)
            count = sum(1 for d in played if start <= d <= end)
            lines.append(WeekLine(start, end, hand, count, row))
    return sorted(lines, key=lambda line: (line.first, hands.index(line.hand)))


Column = tuple[str, Callable[[WeekLine], str]]


def key_columns(hands: Sequence[str], *, days: bool = True) -> list[Column]:
    """What names a row: the week, the days played in it, the hand (if both played)."""
    columns: list[Column] = [(t("report.week"), WeekLine.span)]
    if days:
        columns.append((t("report.days_played"), WeekLine.played))
    if len(hands) > 1:
        columns.append((t("report.hand"), lambda line: t(f"hand.{line.hand}")))
    return columns


def main_columns(game: str, hands: Sequence[str],
                 pain: Callable[[date, date], str] | None,
                 mdc: Callable[[Metric], float | None], mdc_hand: str = "") -> list[Column]:
    """The week, days played, hand, rounds, minutes, each training mean, each check-up
    (its header giving the MDC95 once there are enough check-ups) and the week's pain."""
    columns = [*key_columns(hands),
               (t("report.rounds"), lambda line: str(line.row.rounds)),
               (t("report.minutes"), lambda line: f"{line.row.minutes:.0f}")]
    metrics = [m for m in trends.metrics_of(game) if not m.group]
    columns += [(m.title, _value(m, "values")) for m in metrics if not m.checkup_only]
    for m in metrics:
        found = mdc(m)
        of = f", {mdc_hand}" if mdc_hand else ""
        extra = f" ({t('report.mdc_short')} {number(m, found)}{of})" if found is not None else ""
        columns.append((f"{t('report.checkup_short')}: {m.title}{extra}", _value(m, "checkups")))
    if pain is not None:
        columns.append((t("report.pain"), lambda line: pain(line.first, line.last)))
    return columns


def group_columns(game: str, hands: Sequence[str]) -> list[Column]:
    """The week, the hand, and each member of the game's groups (per finger, per way)."""
    columns = key_columns(hands, days=False)
    members = [m for m in trends.metrics_of(game) if m.group]
    return columns + [(m.title, _value(m, "values")) for m in members] if members else []


def _value(metric: Metric, which: str) -> Callable[[WeekLine], str]:
    return lambda line: number(metric, getattr(line.row, which)[metric.key])


def number(metric: Metric, value: float | None) -> str:
    """The value without its unit (the column's title has it)."""
    return "–" if value is None else metric.format(value).rsplit(" ", 1)[0]


def width(column: Column, lines: Sequence[WeekLine]) -> int:
    """A column's width in characters: its longest cell, or its title wrapped onto at
    most HEADER_LINES lines (never narrower than the title's longest word)."""
    title, show = column
    wrap = next(w for w in range(max(len(word) for word in title.split()), len(title) + 1)
                if len(textwrap.wrap(title, w)) <= HEADER_LINES)
    return max(wrap, *(len(show(x)) for x in lines)) + PAD_CHARS


def fit_columns(columns: list[Column], lines: Sequence[WeekLine], keys: int,
                room: int = PAGE_CHARS) -> list[list[Column]]:
    """The columns in tables that fit across a page, each starting with the first `keys`
    (the week, the days, the hand) so every table reads alone."""
    head, rest = columns[:keys], columns[keys:]
    used = sum(width(c, lines) for c in head)
    tables: list[list[Column]] = []
    current: list[Column] = []
    for column in rest:
        w = width(column, lines)
        if current and used + sum(width(c, lines) for c in current) + w > room:
            tables.append(head + current)
            current = []
        current.append(column)
    return [*tables, head + current] if current or not tables else tables


def pages_of(lines: list[WeekLine], rows: int = ROWS_PER_PAGE) -> list[list[WeekLine]]:
    """The lines in pages of at most `rows`, a week's hands kept on one page."""
    pages: list[list[WeekLine]] = []
    current: list[WeekLine] = []
    for i, line in enumerate(lines):
        week = [x for x in lines[i:] if x.first == line.first]
        if current and current[-1].first != line.first and len(current) + len(week) > rows:
            pages.append(current)
            current = []
        current.append(line)
    return [*pages, current] if current else pages
