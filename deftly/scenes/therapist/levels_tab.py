"""Level history: when each level was first unlocked, per game, and where each
level stands now (open, locked, capped by the therapist)."""

from __future__ import annotations

from datetime import date
from typing import Any

from deftly import trends
from deftly.scenes.therapist.area import Tab
from engine.display import RectMM
from engine.i18n import t
from engine.levels.progression import LevelState, level_states
from engine.progress import game_overrides
from engine.ui.table import Column, Table, paged_table
from engine.ui.widgets import Widget


class LevelsTab(Tab):
    """Every game's levels in one table, page by page."""

    key = "levels"

    def __init__(self, area) -> None:  # noqa: ANN001
        super().__init__(area)
        self.page = 0

    def build(self, content: RectMM) -> list[Widget]:
        columns = [Column(t("rounds.game"), 0.8), Column(t("levels.level"), 1.3),
                   Column(t("levels.since"), 1.0)]
        table = Table(content, columns, self.rows())
        widgets, self.page = paged_table(self.app.theme, content, table, self.page, self.turn)
        return widgets

    def rows(self) -> list[list[str]]:
        """A row per level of every game: the game, the level, since when it is open."""
        overrides = self.area.shell.store.overrides(self.area.profile.id)
        rows = []
        for game in self.area.shell.with_levels():
            assert game.levels is not None
            first_day = first_unlocks(self.area.events, game.spec.id)
            states = level_states(game.levels, set(first_day),
                                  game_overrides(overrides, game.spec.id))
            rows += [[game.spec.short_name, s.level.name, _since(s, first_day)] for s in states]
        return rows

    def turn(self, step: int) -> None:
        self.page += step
        self.area.refresh()


def _since(state: LevelState, first_day: dict[str, date]) -> str:
    """"12 May 2026" for a level unlocked by playing, "Open", or why it is closed."""
    if not state.open:
        return closed_text(state)
    day = first_day.get(state.level.id)
    return f"{day:%d %b %Y}" if day else t("levels.open")


def first_unlocks(events: list[dict[str, Any]], game: str) -> dict[str, date]:
    """The first day each level of `game` was unlocked (with any hand)."""
    days: dict[str, date] = {}
    for u in trends.unlocks(events, game):
        days.setdefault(u.level, u.day)
    return days


def closed_text(state: LevelState) -> str:
    """Why a level is closed, from the therapist's side."""
    if "capped" in state.reason:
        return t("levels.capped")
    if "therapist" in state.reason:
        return t("levels.locked_by_you")
    return t("levels.locked")
