"""Rounds: every round played, newest first; open one to see its trials and replay it."""

from __future__ import annotations

from typing import Any

from deftly.days import session_day
from deftly.scenes.therapist.area import Tab
from deftly.scenes.therapist.session import SessionScene, headline_value
from engine.display import RectMM
from engine.i18n import t
from engine.ui.table import Column, Table, pager
from engine.ui.widgets import Label, Widget


def round_row(session: dict[str, Any], game_name: str) -> list[str]:
    """A round in one table row: when, what, hand, kind, minutes, headline result."""
    label = str(session.get("started_at") or "")
    day = session_day(session)
    when = f"{day:%d %b %Y} {label[11:16]}" if day else "?"
    level = session.get("level_name") or session.get("level") or ""
    kind = t("rounds.checkup") if session.get("mode") == "checkup" else t("rounds.training")
    if session.get("status") != "complete":
        kind += f" · {t('rounds.stopped')}"
    minutes = float(session.get("duration_ms") or 0) / 60_000.0
    return [when, f"{game_name} · {level}", t(f"hand.{session.get('hand')}"), kind,
            f"{minutes:.1f}", headline_value(session)]


class RoundsTab(Tab):
    key = "rounds"

    def __init__(self, area) -> None:  # noqa: ANN001
        super().__init__(area)
        self.page = 0

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        sessions = list(reversed(self.area.sessions))
        if not sessions:
            return [Label(content, t("rounds.none"), muted=True)]
        nav_h = max(sizes.touch_min, sizes.button_h * 0.7)
        table_box, nav = content.take_bottom(nav_h)
        names = {g.spec.id: g.spec.name for g in self.area.shell.games}
        rows = [round_row(s, names.get(str(s.get("game")), str(s.get("game"))))
                for s in sessions]
        columns = [Column(t("rounds.when"), 1.3), Column(t("rounds.what"), 1.8),
                   Column(t("rounds.hand"), 0.6), Column(t("rounds.kind"), 0.9),
                   Column(t("rounds.minutes"), 0.6, "right"),
                   Column(t("rounds.result"), 1.0, "right")]
        table = Table(table_box.take_top(table_box.h - sizes.gap)[0], columns, rows,
                      on_row=self.open)
        self.page, pages = table.show_page(self.app.theme, self.page)
        self.shown = sessions[table.first:table.first + table.count]
        self.sessions = sessions
        widgets: list[Widget] = [table]
        if pages > 1:
            widgets += pager(nav.centered(min(nav.w, 120.0), nav.h), self.page, pages,
                             self.turn, sizes.gap)
        return widgets

    def turn(self, step: int) -> None:
        self.page += step
        self.area.refresh()

    def open(self, index: int) -> None:
        session = self.sessions[index]
        self.app.scenes.push(SessionScene(self.area.shell, session))
