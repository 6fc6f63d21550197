"""A game's levels for one player: open a level early, lock one, or cap the highest.

Overrides are stored per player and game as `<game>:level:<id>` ("unlocked" or
"locked") and `<game>:cap` (the highest level allowed); the player's own progress
(what they earned) is never changed, so removing an override restores it.
"""

from __future__ import annotations

from typing import Any

from deftly.scenes.row_screen import RowsScreen
from deftly.scenes.rows import Row
from deftly.scenes.therapist.levels_tab import closed_text, first_unlocks
from engine.i18n import t
from engine.levels.progression import level_states
from engine.progress import game_overrides
from engine.store.store import Profile
from games.registry import Available


class GameLevelsScene(RowsScreen[None]):
    def __init__(self, shell, profile: Profile, game: Available,  # noqa: ANN001
                 events: list[dict[str, Any]]) -> None:
        super().__init__(shell)
        assert game.levels is not None
        self.profile = profile
        self.game = game
        self.levels = game.levels
        self.events = events

    def heading(self) -> str:
        return t("programme.levels_title", game=self.game.spec.name, name=self.profile.name)

    def _key(self, name: str) -> str:
        return f"{self.game.spec.id}:{name}"

    def overrides(self) -> dict[str, Any]:
        return game_overrides(self.shell.store.overrides(self.profile.id), self.game.spec.id)

    def rows(self) -> list[Row]:
        overrides = self.overrides()
        earned = set(first_unlocks(self.events, self.game.spec.id))
        states = level_states(self.levels, earned, overrides)
        cap = overrides.get("cap")
        cap_name = next((lv.name for lv in self.levels.levels if lv.id == cap), None)
        rows = [Row(t("programme.cap"), cap_name or t("programme.no_cap"),
                    [("−", False, lambda: self._cap(-1)), ("+", False, lambda: self._cap(1))])]
        for index, state in enumerate(states):
            level = state.level
            forced = overrides.get(f"level:{level.id}")
            if index == 0:
                status = t("programme.always_open")
            elif state.open:
                status = t("programme.open_earned") if level.id in earned and not forced \
                    else t("programme.open")
            else:
                status = closed_text(state)
            options = [(t("programme.as_earned"), forced is None,
                        lambda lv=level.id: self._force(lv, None)),
                       (t("programme.unlock"), forced == "unlocked",
                        lambda lv=level.id: self._force(lv, "unlocked")),
                       (t("programme.lock"), forced == "locked",
                        lambda lv=level.id: self._force(lv, "locked"))]
            rows.append(Row(level.name, status, options if index else []))
        return rows

    def _force(self, level: str, value: str | None) -> None:
        self.shell.store.put_override(self.profile.id, self._key(f"level:{level}"), value)
        self.refresh()

    def _cap(self, direction: int) -> None:
        ids = [lv.id for lv in self.levels.levels]
        cap = self.overrides().get("cap")
        index = ids.index(cap) if cap in ids else len(ids)   # no cap = above the last level
        index = min(max(index + direction, 0), len(ids))
        self.shell.store.put_override(self.profile.id, self._key("cap"),
                                      ids[index] if index < len(ids) else None)
        self.refresh()
