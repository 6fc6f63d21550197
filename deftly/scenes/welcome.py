"""First run: three short screens about what Deftly does, then calibration and a player."""

from __future__ import annotations

import pygame

from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.widgets import Button, Label, Widget

PAGES = 3


class WelcomeScene(Screen[bool]):
    """Finishes with True when the player reaches the end, None if they go back out."""

    show_back = False

    def __init__(self, shell) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.page = 1

    def heading(self) -> str:
        return t(f"welcome.{self.page}.title")

    def header_height(self) -> float:
        return self.app.theme.sizes.title * 1.5

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        body, nav = content.take_bottom(sizes.button_h + sizes.gap)
        text, self.picture = body.columns(2, sizes.gap * 3)
        back, step, forward = nav.columns(3, sizes.gap * 2)
        last = self.page == PAGES
        widgets: list[Widget] = [
            Label(text, t(f"welcome.{self.page}.text"), align="left", valign="top"),
            Label(step, t("welcome.step", n=self.page, total=PAGES), muted=True),
            Button(forward, t("welcome.start") if last else t("button.next"), self.forward,
                   style="primary", icon="play" if last else None)]
        if self.page > 1:
            widgets.append(Button(back, t("button.back"), self.go_back, icon="back",
                                  style="quiet"))
        return widgets

    def forward(self) -> None:
        if self.page == PAGES:
            self.finish(True)
        else:
            self.page += 1
            self.refresh()

    def go_back(self) -> None:
        if self.page > 1:
            self.page -= 1
            self.refresh()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        theme = self.app.theme
        pal = theme.palette
        box = self.picture
        size = min(box.w, box.h) * 0.8
        cx, cy = box.center
        if self.page == 1:   # a target and a fingertip landing on it
            for r, color in ((size / 2, pal.line), (size / 3, pal.target),
                             (size / 10, (255, 255, 255))):
                draw.circle(surface, theme, cx, cy, r, color)
            draw.circle(surface, theme, cx + size / 5, cy - size / 6, size / 9, pal.highlight)
        elif self.page == 2:  # a growing row of ticks: practice every day
            for i in range(5):
                cell = RectMM(cx - size / 2 + i * size / 5, cy - size / 10, size / 5.6,
                              size / 5.6)
                draw.panel(surface, theme, cell, pal.good if i < 4 else pal.panel, pal.line)
        else:                 # a rising trend line
            points = [(cx - size / 2 + i * size / 5, cy + size / 4 - (i ** 1.3) * size / 14)
                      for i in range(6)]
            pygame.draw.lines(surface, pal.primary, False,
                              [theme.profile.point_px(x, y) for x, y in points],
                              max(2, theme.px(1.4)))
            for x, y in points:
                draw.circle(surface, theme, x, y, 1.8, pal.primary)
