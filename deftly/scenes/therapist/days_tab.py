"""Adherence: a calendar of the days played with minutes, and how often in recent weeks;
days whose check-in's pain reached the player's threshold carry a "!"."""

from __future__ import annotations

from datetime import date, timedelta

from deftly import days
from deftly.scenes.calendar import CalendarGrid, weeks_fitting
from deftly.scenes.therapist.area import Tab
from engine.display import RectMM
from engine.i18n import t
from engine.ui.draw import lines_of, text_width
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
        lines = self._lines(minutes, today)
        theme = self.app.theme
        rows = days.calendar(minutes, today, weeks_fitting(theme, content.h, sizes.gap / 3, 8),
                             self.area.high_pain_days())
        keyed = any(d.high_pain for row in rows for d in row)
        if keyed:                                 # what the "!" means, first: always seen
            lines.insert(0, t("days.pain_mark", threshold=self.area.prefs.pain_threshold))
        side_w = min(max(text_width(theme, line, True) for line in lines), content.w * 0.4)
        grid = RectMM(content.x, content.y, content.w - side_w - sizes.gap * 2, content.h)
        side = RectMM(grid.right + sizes.gap * 2, content.y, side_w, content.h)
        widgets: list[Widget] = [CalendarGrid(grid, rows, sizes.gap / 3)]
        y = side.y
        for i, line in enumerate(lines):
            h = theme.line_mm(sizes.small, lines_of(theme, line, side.w, True)) + 1.0
            widgets.append(Label(RectMM(side.x, y, side.w, h), line, size="small",
                                 align="left", bold=(i - keyed) % 2 == 0 and 0 <= i - keyed < 4))
            y += h
        return widgets

    def _lines(self, minutes: dict[date, float], today: date) -> list[str]:
        """Days played in the last week and four, the mean minutes, the streak, the plan."""
        lines = []
        for span in (7, 28):
            played, mean = adherence(minutes, today, span)
            lines.append(t("days.played", played=played, span=span))
            if played:
                lines.append(t("days.mean", minutes=mean))
        lines.append(t("days.streak", count=days.streak(minutes, today),
                       best=days.best_streak(minutes)))
        plan = self.area.shell.for_player(self.area.profile).usual_plan()
        lines.append(t("days.plan", count=plan.rounds_total(), minutes=round(plan.minutes)))
        last = max(minutes, default=None)
        if last is not None and (today - last) > timedelta(days=2):
            lines.append(t("days.last", day=f"{last.day} {last:%b}"))
        return lines
