"""The programme: the daily dose of each game and its growth, the games in the plan, time
limits, check-ins and level control; and the report's record number and clinician."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from deftly.dose import DOSE_STEP
from deftly.scenes.rows import Row, RowPages, toggle
from deftly.scenes.therapist.area import Tab
from deftly.scenes.therapist.game_dose import GameDoseScene
from deftly.scenes.therapist.game_levels import GameLevelsScene
from deftly.scenes.therapist.record_entry import FIELDS, RecordEntryScene
from deftly.scenes.therapist.sections import ChoicesScene
from engine.display import RectMM
from engine.i18n import t
from engine.ui.widgets import Button, Widget
from games.registry import Available


class ProgrammeTab(Tab):
    key = "programme"

    def __init__(self, area) -> None:  # noqa: ANN001
        super().__init__(area)
        self.pages = RowPages()

    def rows(self) -> list[Row | Button]:
        prefs = self.area.prefs
        games = self.area.shell.with_levels()
        chosen = prefs.planned([g.spec.id for g in games])
        names = ", ".join(g.spec.short_name for g in games if g.spec.id in chosen)
        sets = self.area.shell.for_player(self.area.profile).usual_plan().rounds_total()
        rows: list[Row | Button] = [
            Button(RectMM(0, 0, 1, 1), t("programme.dose"), self._choose_dose,
                   detail=t("programme.dose_detail", count=sets)),
            Button(RectMM(0, 0, 1, 1), t("programme.games"), self._choose_games, detail=names),
            Button(RectMM(0, 0, 1, 1), t("programme.levels"), self._choose_levels,
                   detail=t("programme.levels_detail")),
            toggle(t("programme.grows", step=DOSE_STEP), prefs.dose_grows, self._grows),
            Row(t("programme.days_asked"), t("programme.days_value", count=prefs.days_asked),
                [("−", False, lambda: self._days(-1)), ("+", False, lambda: self._days(1))]),
            toggle(t("programme.self_paced"), prefs.self_paced,
                   lambda on: self._set(self_paced=on)),
            toggle(t("programme.checkins"), prefs.checkins,
                   lambda on: self._set(checkins=on)),
            Row(t("programme.pain_threshold"),
                t("programme.pain_value", value=prefs.pain_threshold),
                [("−", False, lambda: self._pain(-1)), ("+", False, lambda: self._pain(1))]),
        ]
        profile = self.area.profile
        rows += [Button(RectMM(0, 0, 1, 1), t(f"record.{field}"),
                        lambda field=field: self._record(field),
                        detail=getattr(profile, field) or t("record.not_set"))
                 for field in FIELDS]
        return rows

    def _record(self, field: str) -> None:
        """The report's record number or clinician, typed on the screen's keyboard."""
        self.app.scenes.push(RecordEntryScene(self.area, field), lambda _: self.area.refresh())

    def _games(self) -> dict[str, str]:
        return {g.spec.id: g.spec.short_name for g in self.area.shell.with_levels()}

    def _planned(self) -> list[str]:
        return self.area.prefs.planned(list(self._games()))

    def _choose_games(self) -> None:
        """The games, each turned on (in the plan) or off with a press."""
        self.app.scenes.push(ChoicesScene(self.area.shell, t("programme.games"),
                                          self._games(), self._planned, self._game))

    def _choose_levels(self) -> None:
        scene = ChoicesScene(self.area.shell, t("programme.levels"), self._games(), list)
        self.app.scenes.push(scene, lambda game: self._levels(self.area.shell.game(game))
                             if game else None)

    def _levels(self, game: Available) -> None:
        self.app.scenes.push(GameLevelsScene(self.area.shell, self.area.profile, game,
                                             self.area.events))

    def build(self, content: RectMM) -> list[Widget]:
        return self.pages.layout(content, self.rows(), self.app.theme.sizes, self._turn,
                                 columns=1)

    def _turn(self) -> None:
        self.pages.turn()
        self.area.refresh()

    def _set(self, **changes: Any) -> None:
        self.area.save_prefs(replace(self.area.prefs, **changes))
        self.area.refresh()

    def _pain(self, direction: int) -> None:
        """The pain (1 to 10) from which the day's plan is halved."""
        self._set(pain_threshold=min(10, max(1, self.area.prefs.pain_threshold + direction)))

    def _choose_dose(self) -> None:
        player = self.area.shell.for_player(self.area.profile)
        games = {g.spec.id: t("programme.dose_short", game=g.spec.short_name,
                              sets=(d := player.dose(g)).sets, reps=d.reps)
                 for g in self.area.shell.with_levels() if g.spec.id in self._planned()}
        scene = ChoicesScene(self.area.shell, t("programme.dose"), games, list)
        self.app.scenes.push(scene, lambda game: self._dose(self.area.shell.game(game))
                             if game else None)

    def _dose(self, game: Available) -> None:
        self.app.scenes.push(GameDoseScene(self.area, game), lambda _: self.area.refresh())

    def _grows(self, on: bool) -> None:
        """Growth on: it counts from today. Off: the doses grown so far are kept."""
        if on != self.area.prefs.dose_grows:
            self._settle(dose_grows=on)

    def _days(self, direction: int) -> None:
        """The days a week asked; the weeks already kept up keep what they added."""
        self._settle(days_asked=min(7, max(1, self.area.prefs.days_asked + direction)))

    def _settle(self, **changes: Any) -> None:
        self.area.save_prefs(self.area.shell.for_player(self.area.profile).dose_settled(
            **changes))
        self.area.refresh()

    def _game(self, game: str) -> None:
        """Add a game to the plan or take it out (the plan keeps at least one game)."""
        every = [g.spec.id for g in self.area.shell.with_levels()]
        chosen = self.area.prefs.planned(every)
        chosen = [g for g in every if (g in chosen) != (g == game)]   # flip this one game
        if not chosen:
            self.app.show_toast(t("programme.one_game"))
            return
        self._set(plan_games=tuple(chosen) if len(chosen) < len(every) else ())
