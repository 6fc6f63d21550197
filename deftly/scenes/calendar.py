"""My days: the streak and a calendar of the last weeks, days practised filled in."""

from __future__ import annotations

import pygame

from deftly import days
from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.icons import draw_icon
from engine.ui.theme import Theme
from engine.ui.widgets import Label, Widget

WEEKS = 5


class CalendarScene(Screen[None]):
    def heading(self) -> str:
        return t("calendar.title")

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        minutes = days.minutes_by_day(self.shell.sessions())
        today = self.shell.today().date()
        weeks = WEEKS if content.h >= 90 else WEEKS - 1
        self.rows = days.calendar(minutes, today, weeks)
        summary, grid = content.take_top(sizes.body * 1.8)
        streak = days.streak(minutes, today)
        best = days.best_streak(minutes)
        shown = [d for row in self.rows for d in row]
        total = sum(d.minutes for d in shown)
        parts = []
        if streak >= 1:
            parts.append(t("calendar.streak", count=streak))
        if best > streak:
            parts.append(t("calendar.best", count=best))
        if total > 0:
            parts.append(t("calendar.total", minutes=total, weeks=weeks))
        text = " · ".join(parts) or t("calendar.none")
        return [Label(summary, text, bold=True, align="left",
                      size="body" if content.w >= 180 else "small"),
                CalendarGrid(grid, self.rows, sizes.gap / 2, sizes.small * 1.6)]


class CalendarGrid(Widget):
    """Weeks of days under the weekday names: days played filled, with their minutes."""

    def __init__(self, rect: RectMM, rows: list[list[days.CalendarDay]], gap: float,
                 header_h: float) -> None:
        super().__init__(rect)
        self.rows = rows
        self.gap = gap
        self.header_h = header_h

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        pal = theme.palette
        sizes = theme.sizes
        header, grid = self.rect.take_top(self.header_h)
        for cell, name in zip(header.columns(7, self.gap), t("calendar.weekdays").split(","),
                              strict=False):
            draw.text_in(surface, theme, name, cell, sizes.small, pal.muted, wrap=False)
        for band, week in zip(grid.rows(len(self.rows), self.gap), self.rows, strict=True):
            for cell, day in zip(band.columns(7, self.gap), week, strict=True):
                _day(surface, theme, cell, day)


def _day(surface: pygame.Surface, theme: Theme, cell: RectMM, day: days.CalendarDay) -> None:
    pal = theme.palette
    sizes = theme.sizes
    played = day.minutes > 0
    fill = pal.good if played else pal.panel
    ink = (255, 255, 255) if played else (pal.muted if day.in_future else pal.ink)
    if day.in_future:
        fill = pal.background
    draw.panel(surface, theme, cell, fill, pal.ink if day.is_today else pal.line,
               border_mm=1.0 if day.is_today else 0.4)
    inner = cell.inset(1.5, 0.8)
    if inner.h < 11.0:   # short cells: the day's number, and a tick if played
        draw.text_in(surface, theme, str(day.day.day), inner, sizes.small, ink,
                     bold=day.is_today, align="left", wrap=False)
        if played and inner.w > 12:
            size = min(inner.h, 5.0)
            draw_icon(surface, theme, "check", RectMM(
                inner.right - size, inner.y + (inner.h - size) / 2, size, size), ink)
        return
    top, bottom = inner.take_top(cell.h * 0.5)
    draw.text_in(surface, theme, str(day.day.day), top, sizes.small, ink,
                 bold=day.is_today, align="left", valign="top", wrap=False)
    if played:
        size = min(bottom.h, 5.0)
        icon = RectMM(bottom.x, bottom.bottom - size, size, size)
        draw_icon(surface, theme, "check", icon, ink)
        if bottom.w > 16:
            label = RectMM(icon.right + 1, bottom.y, bottom.w - size - 1, bottom.h)
            draw.text_in(surface, theme, t("calendar.minutes", minutes=day.minutes), label,
                         sizes.small, ink, align="right", valign="bottom", wrap=False)

