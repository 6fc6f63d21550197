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
from engine.ui.table import Column, Table
from engine.ui.widgets import Label, Widget


class LevelsTab(Tab):
    key = "levels"

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        games = self.area.shell.with_levels()
        widgets: list[Widget] = []
        overrides = self.area.shell.store.overrides(self.area.profile.id)
        for box, game in zip(content.columns(len(games), sizes.gap), games, strict=True):
            title, body = box.take_top(sizes.body * 1.6)
            widgets.append(Label(title, game.spec.name, bold=True, align="left"))
            assert game.levels is not None
            first_day = first_unlocks(self.area.events, game.spec.id)
            states = level_states(game.levels, set(first_day),
                                  game_overrides(overrides, game.spec.id))
            rows = [[s.level.name, _since(s, first_day)] for s in states]
            widgets.append(Table(body, [Column(t("levels.level"), 1.3),
                                        Column(t("levels.since"), 1.0)], rows))
        return widgets


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
