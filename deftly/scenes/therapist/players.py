"""The therapist area's first screen: choose a player (or change the PIN)."""

from __future__ import annotations

from typing import Any

from deftly.pin import PinGuard
from deftly.scenes.pin import PinScene
from deftly.scenes.profiles import ProfilesScene
from deftly.scenes.therapist.area import TherapistArea
from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.scene import Scene
from engine.store.store import Profile
from engine.ui.widgets import Button, Label, Widget


class TherapistPlayers(ProfilesScene):
    show_back = True

    def __init__(self, shell) -> None:  # noqa: ANN001
        super().__init__(shell, self.open)

    def heading(self) -> str:
        return t("therapist.players")

    def build(self, content: RectMM) -> list[Widget]:
        if not self.shell.store.profiles():
            return [Label(content, t("therapist.no_players"), muted=True)]
        return super().build(content)

    def last_tile(self, cell: RectMM) -> Widget:
        return Button(cell, t("therapist.change_pin"), self.change_pin, icon="lock",
                      detail=t("therapist.change_pin_detail"))

    def corner_buttons(self) -> list[Widget]:
        return []   # the therapist's list of players has no door and no Close

    def open(self, profile: Profile) -> None:
        self.app.scenes.push(TherapistArea(self.shell, profile))

    def change_pin(self) -> None:
        guard = PinGuard(self.shell.store)
        scene = PinScene(self.shell, guard)
        scene.step = "choose"
        self.app.scenes.push(scene)

    def on_result(self, child: Scene[Any], result: Any) -> None:
        self.refresh()

    def on_command(self, command: Command) -> None:
        if command is Command.BACK:
            self.finish(None)
