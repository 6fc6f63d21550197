"""A gallery of the UI kit, for looking at the theme on any screen size."""

from __future__ import annotations

import pygame

from deftly.strings import t
from engine.display import RectMM
from engine.scene import Scene
from engine.ui.widgets import Button, Label, ProgressBar, Stars


class GalleryScene(Scene[None]):
    def layout(self) -> None:
        theme = self.app.theme
        sizes = theme.sizes
        board = self.app.board.inset(sizes.margin)
        title, rest = board.take_top(theme.line_mm(sizes.title))
        rest = rest.inset(0, sizes.gap / 2)
        buttons = [Button(board, t("gallery.primary"), style="primary", icon="play"),
                   Button(board, t("gallery.secondary"), icon="gear"),
                   Button(board, t("gallery.quiet"), style="quiet", icon="back"),
                   Button(board, t("gallery.selected"), selected=True),
                   Button(board, t("gallery.disabled"), enabled=False),
                   Button(board, t("gallery.with_detail"), detail=t("gallery.detail"))]
        cols = 3 if rest.w >= 200 else 2
        rows = -(-len(buttons) // cols)
        last_h = max(theme.line_mm(sizes.body, 2), theme.line_mm(sizes.small) * 2 + 2)
        band_h = min(sizes.button_h * 1.25,
                     (rest.h - last_h - rows * sizes.gap) / rows)
        with_last = band_h >= sizes.touch_min + 2   # the label and stars row, if it fits
        if not with_last:
            band_h = min(sizes.button_h * 1.25, (rest.h - (rows - 1) * sizes.gap) / rows)
        self.widgets = [Label(title, t("gallery.title"), size="title", bold=True,
                              align="left")]
        for k, button in enumerate(buttons):
            row, col = divmod(k, cols)
            width = (rest.w - (cols - 1) * sizes.gap) / cols
            button.rect = RectMM(rest.x + col * (width + sizes.gap),
                                 rest.y + row * (band_h + sizes.gap), width, band_h)
            self.widgets.append(button)
        if with_last:
            bottom = RectMM(rest.x, rest.y + rows * (band_h + sizes.gap), rest.w, last_h)
            label, third = bottom.columns(2, sizes.gap)
            stars, progress = third.rows(2)
            self.widgets += [
                Label(label, t("gallery.label"), align="left"), Stars(stars, 2),
                ProgressBar(progress, 12 / 20, t("gallery.progress", done=12, total=20))]

    def enter(self) -> None:
        self.app.show_toast(t("gallery.toast"), ms=60_000)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.theme.palette.background)
        super().draw(surface)
