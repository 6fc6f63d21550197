"""Rounds: every round played, newest first; open one to see its trials and replay it."""

from __future__ import annotations

from typing import Any

from deftly.days import session_day
from deftly.scenes.therapist.area import Tab
from deftly.scenes.therapist.session import SessionScene, headline_value
from engine.display import RectMM
from engine.i18n import t
from engine.spec import GameSpec
from engine.ui.table import Column, Table, one_line, paged_table
from engine.ui.widgets import Label, Widget

FULL, SHORT, SHORTEST = 0, 1, 2
"""How much of a round a row says: everything; the day, the hand in a word and no minutes;
that without the level (a narrow screen: the round's own page names it)."""


def round_row(session: dict[str, Any], spec: GameSpec | None, detail: int = FULL
              ) -> list[str]:
    """A round in one table row: when, what, hand, kind, minutes, headline result (less
    with less `detail`)."""
    label = str(session.get("started_at") or "")
    day = session_day(session)
    when = "?" if not day else f"{day:%d %b %Y} {label[11:16]}" if detail == FULL \
        else f"{day:%d %b}"
    game = str(session.get("game"))
    name = game if spec is None else spec.name if detail == FULL else spec.short_name
    level = session.get("level_name") or session.get("level") or ""
    what = name if detail == SHORTEST else f"{name} · {level}"
    kind = t("rounds.checkup") if session.get("mode") == "checkup" else t("rounds.training")
    if session.get("status") != "complete":
        kind += f" · {t('rounds.stopped')}"
    hand = f"hand.{session.get('hand')}"
    minutes = float(session.get("duration_ms") or 0) / 60_000.0
    return [when, what, t(hand if detail == FULL else f"{hand}.short"), kind] + \
        ([f"{minutes:.1f}"] if detail == FULL else []) + [headline_value(session)]


def round_columns(detail: int) -> list[Column]:
    """The columns of `round_row`'s cells."""
    what = t("rounds.game") if detail == SHORTEST else t("rounds.what")
    minutes = [Column(t("rounds.minutes"), 0.6, "right")] if detail == FULL else []
    return [Column(t("rounds.when"), 1.3), Column(what, 1.8), Column(t("rounds.hand"), 0.6),
            Column(t("rounds.kind"), 0.9), *minutes, Column(t("rounds.result"), 1.0, "right")]


class RoundsTab(Tab):
    key = "rounds"

    def __init__(self, area) -> None:  # noqa: ANN001
        super().__init__(area)
        self.page = 0

    def build(self, content: RectMM) -> list[Widget]:
        sessions = list(reversed(self.area.sessions))
        if not sessions:
            return [Label(content, t("rounds.none"), muted=True)]
        table = self._table(content, sessions)
        widgets, self.page = paged_table(self.app.theme, content, table, self.page, self.turn)
        self.shown = sessions[table.first:table.first + table.count]
        self.sessions = sessions
        return widgets

    def _table(self, content: RectMM, sessions: list[dict[str, Any]]) -> Table:
        """The rounds with as much detail as lets every row fit on one line."""
        games = {g.spec.id: g.spec for g in self.area.shell.games}
        for detail in (FULL, SHORT, SHORTEST):
            rows = [round_row(s, games.get(str(s.get("game"))), detail) for s in sessions]
            columns = round_columns(detail)
            if one_line(self.app.theme, content.w - 5.0, columns, rows):
                break
        return Table(content, columns, rows, on_row=self.open)

    def turn(self, step: int) -> None:
        self.page += step
        self.area.refresh()

    def open(self, index: int) -> None:
        session = self.sessions[index]
        self.app.scenes.push(SessionScene(self.area.shell, session))

