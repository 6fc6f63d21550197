"""My days: the streak and a calendar of the last weeks, days practised filled in."""

from __future__ import annotations

from datetime import date

import pygame

from deftly import days
from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.icons import draw_icon
from engine.ui.theme import Color, Theme
from engine.ui.widgets import Label, Widget

WEEKS = 5


class CalendarScene(Screen[None]):
    def heading(self) -> str:
        return t("calendar.title")

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        minutes = days.minutes_by_day(self.shell.sessions())
        today = self.shell.today().date()
        theme = self.app.theme
        size = "body" if content.w >= 180 else "small"
        longest = self._summary(days.calendar(minutes, today, WEEKS), minutes, today)
        lines = 1 if draw.text_width(theme, longest, True, getattr(sizes, size)) <= content.w else 2
        summary, grid = content.take_top(theme.line_mm(getattr(sizes, size), lines) + 1.0)
        self.rows = days.calendar(minutes, today, weeks_fitting(theme, grid.h, sizes.gap / 2))
        return [Label(summary, self._summary(self.rows, minutes, today), bold=True,
                      align="left", size=size),
                CalendarGrid(grid, self.rows, sizes.gap / 2)]

    @staticmethod
    def _summary(rows: list[list[days.CalendarDay]], minutes: dict[date, float],
                 today: date) -> str:
        """"3 days in a row · best 11 · 95 minutes in 5 weeks" (the weeks of `rows`)."""
        streak = days.streak(minutes, today)
        best = days.best_streak(minutes)
        total = sum(d.minutes for row in rows for d in row)
        parts = []
        if streak >= 1:
            parts.append(t("calendar.streak", count=streak))
        if best > streak:
            parts.append(t("calendar.best", count=best))
        if total > 0:
            parts.append(t("calendar.total", minutes=total, weeks=len(rows)))
        return " · ".join(parts) or t("calendar.none")


def weeks_fitting(theme: Theme, h: float, gap: float, most: int = WEEKS) -> int:
    """How many weeks (1 to `most`) fit in `h` mm with their minutes showing (large text
    on a small panel: this week alone)."""
    fit = int((h - header_height(theme) + gap) // (week_height(theme) + gap))
    return max(1, min(most, fit))


def names_months(theme: Theme, h: float, weeks: int, gap: float) -> bool:
    """Whether `weeks` of the calendar leave room over them for the months' line."""
    return h - header_height(theme) >= weeks * week_height(theme) + (weeks - 1) * gap


def week_height(theme: Theme) -> float:
    """The least height of a week of the calendar whose days show their minutes: two lines
    of small text and the cell's edges."""
    return theme.line_mm(theme.sizes.small, 2) + CELL_PAD_MM * 2 + 0.6


CELL_PAD_MM = 0.8   # above and below the text of a day


def header_height(theme: Theme, months: bool = True) -> float:
    """The months shown (if `months`), then the row of weekday names, over the calendar."""
    return (2 if months else 1) * (theme.line_mm(theme.sizes.small) + 0.6)


def months_shown(rows: list[list[days.CalendarDay]]) -> str:
    """"October – November 2026" (or "December 2026 – January 2027") for the days shown."""
    first, last = rows[0][0].day, rows[-1][-1].day
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%B %Y}"
    return f"{first:%B} – {last:%B %Y}" if first.year == last.year else \
        f"{first:%B %Y} – {last:%B %Y}"


class CalendarGrid(Widget):
    """Weeks of days under the weekday names: days played filled, with their minutes (or a
    tick where the cell has no room for them)."""

    def __init__(self, rect: RectMM, rows: list[list[days.CalendarDay]], gap: float) -> None:
        super().__init__(rect)
        self.rows = rows
        self.gap = gap

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        pal = theme.palette
        sizes = theme.sizes
        months = bool(self.rows) and names_months(theme, self.rect.h, len(self.rows), self.gap)
        header, grid = self.rect.take_top(header_height(theme, months))
        if months:      # a small screen with large text keeps its room for the days
            line, header = header.take_top(header.h / 2)
            draw.text_in(surface, theme, months_shown(self.rows), line, sizes.small, pal.ink,
                         bold=True, align="left", wrap=False)
        cells = header.columns(7, self.gap)
        names = t("calendar.weekdays").split(",")
        if max(draw.text_width(theme, n) for n in names) > cells[0].w:   # narrow: M T W...
            names = t("calendar.weekdays_short").split(",")
        for cell, name in zip(cells, names, strict=False):
            draw.text_in(surface, theme, name, cell, sizes.small, pal.muted, wrap=False)
        first = True
        for band, week in zip(grid.rows(len(self.rows), self.gap), self.rows, strict=True):
            for cell, day in zip(band.columns(7, self.gap), week, strict=True):
                _day(surface, theme, cell, day, month=first or day.day.day == 1)
                first = False


def _day(surface: pygame.Surface, theme: Theme, cell: RectMM, day: days.CalendarDay,
         month: bool = False) -> None:
    """A day: its number (with the month's name on the first day shown and on each 1st,
    where the cell has room for it at the same size), the minutes or a tick if played,
    a "!" for high pain."""
    pal = theme.palette
    sizes = theme.sizes
    played = day.minutes > 0
    fill = pal.good if played else pal.panel
    ink = (255, 255, 255) if played else (pal.muted if day.in_future else pal.ink)
    if day.in_future:
        fill = pal.background
    draw.panel(surface, theme, cell, fill, pal.ink if day.is_today else pal.line,
               border_mm=1.0 if day.is_today else 0.4)
    inner = cell.inset(1.2, CELL_PAD_MM)
    line = theme.line_mm(sizes.small)
    number = str(day.day.day)
    minutes = t("calendar.minutes", minutes=day.minutes)
    two_lines = inner.h >= line * 2 - 0.1
    top, bottom = inner.take_top(line) if two_lines else (inner, inner)
    named = t("calendar.day_month", day=day.day.day, month=f"{day.day:%b}")
    badge_room = line + 0.6 if day.high_pain else 0.0
    if month and draw.text_width(theme, named, bold=day.is_today) + badge_room <= top.w:
        number = named      # never shrunk: the plain number where the name does not fit
    draw.text_in(surface, theme, number, top, sizes.small, ink, bold=day.is_today,
                 align="left", valign="top", wrap=False)
    badge = _pain_badge(surface, theme, top, number, line) if day.high_pain else 0.0
    if not played:
        return
    tick = min(line * 0.7, 5.0)
    room = bottom.w - (0.0 if two_lines else draw.text_width(theme, number) + 1.0 + badge)
    minutes_w = draw.text_width(theme, minutes)
    if two_lines and minutes_w <= bottom.w:   # the minutes say it was played
        draw.text_in(surface, theme, minutes, bottom.take_bottom(line)[1], sizes.small, ink,
                     align="right", valign="bottom", wrap=False)
        room = bottom.w - minutes_w - 1.0
    if room >= tick:   # and a tick, where there is room for it
        draw_icon(surface, theme, "check", RectMM(bottom.x if two_lines else
                                                  bottom.right - tick,
                                                  bottom.bottom - tick, tick, tick), ink)


def _pain_badge(surface: pygame.Surface, theme: Theme, top: RectMM, number: str,
                line: float) -> float:
    """A "!" in a disc after the day's number (pain at or above the threshold; the
    therapist's calendar only); returns the width it takes."""
    pal = theme.palette
    size = min(line * 0.9, top.h)
    x = top.x + draw.text_width(theme, number, True) + 0.8
    if x + size > top.right:          # no room after the number: its own corner, lower
        x, y = top.right - size, top.y + min(line, top.h)
    else:
        y = top.y + (min(line, top.h) - size) / 2
    disc = RectMM(x, y, size, size)
    centre, radius = theme.profile.point_px(disc.x + size / 2, disc.y + size / 2), \
        max(3, theme.px(size / 2))
    pygame.draw.circle(surface, pal.miss, centre, radius)
    pygame.draw.circle(surface, pal.ink, centre, radius, max(1, theme.px(0.25)))
    _exclamation(surface, theme, disc, (255, 255, 255))
    return size + 0.8


def _exclamation(surface: pygame.Surface, theme: Theme, disc: RectMM, color: Color) -> None:
    """A "!" drawn as a bar and a dot (a symbol: it keeps inside the smallest disc, where
    text would stay at its least readable size and spill)."""
    cx, top = disc.center[0], disc.y + disc.h * 0.2
    bar = theme.profile.rect_px(RectMM(cx - disc.w * 0.08, top, disc.w * 0.16, disc.h * 0.4))
    pygame.draw.rect(surface, color, bar)
    dot = theme.profile.point_px(cx, disc.y + disc.h * 0.76)
    pygame.draw.circle(surface, color, dot, max(1, theme.px(disc.w * 0.09)))
