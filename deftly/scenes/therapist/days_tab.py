"""Adherence: a calendar of the days played with minutes, and how often in recent weeks."""

from __future__ import annotations

from datetime import date, timedelta

from deftly import days
from deftly.scenes.calendar import CalendarGrid
from deftly.scenes.therapist.area import Tab
from engine.display import RectMM
from engine.i18n import t
from engine.ui.widgets import Label, Widget


def adherence(minutes: dict[date, float], today: date, span: int) -> tuple[int, float]:
    """Days played in the `span` days ending today, and the mean minutes on those days."""
    recent = [m for d, m in minutes.items() if 0 <= (today - d).days < span and m > 0]
    return len(recent), (sum(recent) / len(recent) if recent else 0.0)


class DaysTab(Tab):
    key = "days"

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        minutes = days.minutes_by_day(self.area.sessions)
        today = self.area.shell.today().date()
        side_w = min(52.0, content.w * 0.3)
        grid = RectMM(content.x, content.y, content.w - side_w - sizes.gap * 2, content.h)
        side = RectMM(grid.right + sizes.gap * 2, content.y, side_w, content.h)
        weeks = max(3, min(8, int(grid.h // 15.0)))   # cells tall enough to show minutes
        rows = days.calendar(minutes, today, weeks)
        widgets: list[Widget] = [CalendarGrid(grid, rows, sizes.gap / 3, sizes.small * 1.6)]
        lines = []
        for span in (7, 28):
            played, mean = adherence(minutes, today, span)
            lines.append(t("days.played", played=played, span=span))
            if played:
                lines.append(t("days.mean", minutes=mean))
        lines.append(t("days.streak", count=days.streak(minutes, today),
                       best=days.best_streak(minutes)))
        lines.append(t("days.plan", minutes=self.area.prefs.plan_minutes))
        last = max(minutes, default=None)
        if last is not None and (today - last) > timedelta(days=2):
            lines.append(t("days.last", day=f"{last.day} {last:%b}"))
        line_h = min(side.h / max(len(lines), 1), sizes.body * 2.4)
        for i, line in enumerate(lines):
            widgets.append(Label(RectMM(side.x, side.y + i * line_h, side.w, line_h), line,
                                 size="small", align="left", bold=i % 2 == 0 and i < 4))
        return widgets
