"""A gallery of the UI kit, for looking at the theme on any screen size."""

from __future__ import annotations

import pygame

from deftly.strings import t
from engine.scene import Scene
from engine.ui.widgets import Button, Label, ProgressBar, Stars


class GalleryScene(Scene[None]):
    def layout(self) -> None:
        sizes = self.app.theme.sizes
        board = self.app.board.inset(sizes.margin)
        title, rest = board.take_top(sizes.title + 2)
        rest = rest.inset(0, sizes.gap / 2)
        band_h = min(sizes.button_h * 1.25, (rest.h - 3 * sizes.gap) / 4)
        rows = []
        for _ in range(3):
            row, rest = rest.take_top(band_h)
            rows.append(row)
            _, rest = rest.take_top(sizes.gap)
        first = rows[0].columns(3, sizes.gap)
        second = rows[1].columns(3, sizes.gap)
        label, third = rows[2].columns(2, sizes.gap)
        stars, progress = third.rows(2)
        self.widgets = [
            Label(title, t("gallery.title"), size="title", bold=True, align="left"),
            Button(first[0], t("gallery.primary"), style="primary", icon="play"),
            Button(first[1], t("gallery.secondary"), icon="gear"),
            Button(first[2], t("gallery.quiet"), style="quiet", icon="back"),
            Button(second[0], t("gallery.selected"), selected=True),
            Button(second[1], t("gallery.disabled"), enabled=False),
            Button(second[2], t("gallery.with_detail"), detail=t("gallery.detail")),
            Label(label, t("gallery.label"), align="left"),
            Stars(stars, 2),
            ProgressBar(progress, 12 / 20, t("gallery.progress", done=12, total=20)),
        ]

    def enter(self) -> None:
        self.app.show_toast(t("gallery.toast"), ms=60_000)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.theme.palette.background)
        super().draw(surface)
