"""Level history: when each level was unlocked, per game and hand, and where each
level stands now (open, locked, capped by the therapist)."""

from __future__ import annotations

from deftly import trends
from deftly.scenes.therapist.area import Tab
from engine.display import RectMM
from engine.i18n import t
from engine.levels.progression import LevelState, level_states
from engine.ui.table import Column, Table
from engine.ui.widgets import Label, Widget


class LevelsTab(Tab):
    key = "levels"

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        games = self.area.shell.playable()
        widgets: list[Widget] = []
        overrides = self.area.shell.store.overrides(self.area.profile.id)
        for box, game in zip(content.columns(len(games), sizes.gap), games, strict=True):
            title, body = box.take_top(sizes.body * 1.6)
            widgets.append(Label(title, game.spec.name, bold=True, align="left"))
            assert game.levels is not None
            prefix = f"{game.spec.id}:"
            states = level_states(game.levels, self._unlocked(game.spec.id),
                                  {k[len(prefix):]: v for k, v in overrides.items()
                                   if k.startswith(prefix)})
            rows = []
            for state in states:
                when = self._when(game.spec.id, state.level.id)
                rows.append([state.level.name, (when or t("levels.open")) if state.open
                             else closed_text(state)])
            row_h = min(max(sizes.small * 1.8, 8.0), (body.h - 9.0) / max(len(rows), 1))
            widgets.append(Table(body, [Column(t("levels.level"), 1.3),
                                        Column(t("levels.since"), 1.0)], rows, row_h=row_h))
        return widgets

    def _unlocked(self, game: str) -> set[str]:
        return {u.level for u in trends.unlocks(self.area.events, game)}

    def _when(self, game: str, level: str) -> str:
        """The first day the level was unlocked (any hand), as "12 May"."""
        found = [u for u in trends.unlocks(self.area.events, game) if u.level == level]
        if not found:
            return ""
        day = found[0].day
        return f"{day.day} {day:%b %Y}"


def closed_text(state: LevelState) -> str:
    """Why a level is closed, from the therapist's side."""
    if "capped" in state.reason:
        return t("levels.capped")
    if "therapist" in state.reason:
        return t("levels.locked_by_you")
    return t("levels.locked")
