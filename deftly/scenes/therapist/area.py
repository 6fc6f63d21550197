"""One player's page in the therapist area: one section (tab) at a time, chosen with the
button in the header's corner, which names the section shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pygame

from deftly import checkins
from deftly.context import Preferences, prefs_of, save_prefs
from deftly.scenes.base import Screen
from engine.app import App
from engine.display import RectMM
from engine.i18n import t
from engine.scene import Scene
from engine.store.store import Profile
from engine.ui.widgets import Button, Widget, button_width


class Tab:
    """A part of the area. Subclasses build widgets into `content` and may draw more."""

    key = ""

    def __init__(self, area: TherapistArea) -> None:
        self.area = area

    @property
    def app(self) -> App:
        return self.area.app

    def build(self, content: RectMM) -> list[Widget]:
        return []

    def draw(self, surface: pygame.Surface) -> None:
        """Drawn after the widgets."""

    def on_result(self, child: Scene[Any], result: Any) -> None:
        """A scene this tab opened has finished."""


class TherapistArea(Screen[None]):
    """Sessions and events are read once when the area opens (and after changes)."""

    def __init__(self, shell, profile: Profile, tab: str = "trends") -> None:  # noqa: ANN001
        super().__init__(shell)
        self.profile = profile
        self.reload()
        from deftly.scenes.therapist.tabs import TABS  # the tabs import Tab from here

        self.tabs = {cls.key: cls(self) for cls in TABS}
        self.tab = self.tabs[tab]
        self._later: list[Callable[[], None]] = []

    @property
    def prefs(self) -> Preferences:
        return prefs_of(self.profile)

    def save_prefs(self, prefs: Preferences) -> None:
        self.kept(save_prefs(self.shell.store, self.profile, prefs))

    def save_profile(self, profile: Profile) -> None:
        """Store the player's changed profile (their report details, say)."""
        self.shell.store.update_profile(profile)
        self.kept(profile)

    def kept(self, profile: Profile) -> None:
        """The stored profile becomes the area's (and the shell's, if it is the player's)."""
        self.profile = profile
        if self.shell.profile is not None and self.shell.profile.id == self.profile.id:
            self.shell.profile = self.profile

    def reload(self) -> None:
        store = self.shell.store
        self.sessions = store.sessions(self.profile.id)
        self.events = store.events(self.profile.id)
        self.checkins = checkins.days_of(store, self.profile.id)

    def high_pain_days(self) -> set[date]:
        """The days whose check-in's pain reached the player's threshold."""
        return checkins.high_pain_days(self.checkins, self.prefs.pain_threshold)

    def heading(self) -> str:
        return self.profile.name

    def build(self, content: RectMM) -> list[Widget]:
        return self.tab.build(content)

    def section_names(self) -> dict[str, str]:
        return {key: t(f"therapist.tab.{key}") for key in self.tabs}

    def corner_buttons(self) -> list[Widget]:
        """The section shown, as a button that opens the list of sections."""
        sizes = self.app.theme.sizes
        board = self.app.board
        label = self.section_names()[self.tab.key]
        w = min(max(button_width(self.app.theme, label, icon=True), 40.0), board.w * 0.42)
        box = RectMM(board.right - sizes.margin * 0.75 - w, board.y + sizes.margin * 0.5, w,
                     self.header_height())
        return [Button(box, label, self.choose_section, icon="menu", style="quiet")]

    def choose_section(self) -> None:
        from deftly.scenes.therapist.sections import ChoicesScene

        scene = ChoicesScene(self.shell, t("therapist.player", name=self.profile.name),
                             self.section_names(), lambda: {self.tab.key})
        self.app.scenes.push(scene, lambda key: self.show(key) if key else None)

    def show(self, key: str) -> None:
        self.tab = self.tabs[key]
        self.refresh()

    def later(self, job: Callable[[], None]) -> None:
        """Run `job` after the next frame is drawn (slow work behind a "working" note)."""
        self._later.append(job)

    def update(self, t_ms: float) -> None:
        if self._later and not self.dirty:
            jobs, self._later = self._later, []
            for job in jobs:
                job()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        self.tab.draw(surface)

    def on_result(self, child: Scene[Any], result: Any) -> None:
        self.tab.on_result(child, result)
        self.refresh()
