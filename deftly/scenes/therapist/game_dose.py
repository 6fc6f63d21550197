"""A game's daily dose for one player: how many sets, and how many repetitions in each.

What is shown and changed is today's dose (grown by any weeks kept up); a change makes it
the new starting dose, and growth counts again from today.
"""

from __future__ import annotations

from deftly.dose import clamp
from deftly.scenes.row_screen import RowsScreen
from deftly.scenes.rows import Row
from engine.i18n import t
from engine.levels.schema import Dose
from games.registry import Available

REPS_STEP = 2


class GameDoseScene(RowsScreen[None]):
    """Opened from the therapist area's Programme tab (`area`: its TherapistArea)."""

    def __init__(self, area, game: Available) -> None:  # noqa: ANN001
        super().__init__(area.shell)
        self.area = area
        self.game = game

    def heading(self) -> str:
        return t("programme.dose_title", game=self.game.spec.name, name=self.area.profile.name)

    def dose(self) -> Dose:
        return self.shell.for_player(self.area.profile).dose(self.game)

    def rows(self) -> list[Row]:
        dose = self.dose()
        return [Row(t("programme.sets"), t("programme.sets_value", count=dose.sets),
                    [("−", False, lambda: self._change(sets=-1)),
                     ("+", False, lambda: self._change(sets=1))]),
                Row(t("programme.reps"), self.game.spec.reps(dose.reps),
                    [("−", False, lambda: self._change(reps=-REPS_STEP)),
                     ("+", False, lambda: self._change(reps=REPS_STEP))])]

    def _change(self, sets: int = 0, reps: int = 0) -> None:
        """Today's dose changed becomes the starting dose; growth counts from today."""
        dose = self.dose()
        new = clamp(Dose(dose.sets + sets, dose.reps + reps))
        player = self.shell.for_player(self.area.profile)
        self.area.save_prefs(player.dose_settled(doses={self.game.spec.id: new}))
        self.refresh()
