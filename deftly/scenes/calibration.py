"""Calibration: the player resizes an on-screen card until it matches a real bank card."""

from __future__ import annotations

import pygame

from deftly.strings import t
from engine.display import BANK_CARD_MM, DisplayProfile, RectMM, profile_from_card
from engine.scene import Scene
from engine.touch import Phase, Touch
from engine.ui import draw
from engine.ui.overlay import confirm
from engine.ui.stack import text_height
from engine.ui.widgets import Button, Label

STEP = 0.01  # each press changes the card by 1 %


class CalibrationScene(Scene[DisplayProfile]):
    """Finishes with the new `DisplayProfile`, or None if the player went back."""

    def __init__(self, start: DisplayProfile | None = None) -> None:
        super().__init__()
        self._start = start
        self.card_w_px = 0.0
        self._drag: tuple[int, float, float] | None = None
        self._card_area = RectMM(0, 0, 1, 1)

    def enter(self) -> None:
        profile = self._start or self.app.profile
        self.card_w_px = BANK_CARD_MM[0] * profile.px_per_mm
        self._clamp()

    def layout(self) -> None:
        sizes = self.app.theme.sizes
        board = self.app.board.inset(sizes.margin / 2)
        side_w = min(max(board.w * 0.34, 50.0), 80.0)
        self._card_area = RectMM(board.x, board.y, board.w - side_w - sizes.gap, board.h)
        side = RectMM(self._card_area.right + sizes.gap, board.y, side_w, board.h)
        buttons_h = min(3 * sizes.button_h + 2 * sizes.gap, side.h * 0.58)
        text, buttons = side.take_bottom(buttons_h)
        theme = self.app.theme
        heading = t("calibration.title")
        title_h = text_height(theme, heading, text.w, sizes.heading, bold=True)
        helping = t("calibration.help")
        title, help_text = text.take_top(min(title_h, text.h))
        if text_height(theme, helping, help_text.w, sizes.small) > help_text.h:
            below = text_height(theme, helping, self._card_area.w, sizes.small)
            self._card_area, help_text = self._card_area.take_bottom(below)   # under the card
            title = text        # the side column is the title's alone
        rows = buttons.rows(3, sizes.gap)
        self.widgets = [
            Label(title, heading, size="heading", bold=True, align="left"),
            Label(help_text, helping, size="small", align="left", valign="top",
                  muted=True),
            Button(rows[0], t("calibration.bigger"), lambda: self.resize(1 + STEP), icon="plus"),
            Button(rows[1], t("calibration.smaller"), lambda: self.resize(1 - STEP),
                   icon="minus"),
            Button(rows[2], t("button.done"), self.done, style="primary", icon="check"),
        ]
        if self.card_w_px:
            self._clamp()

    def resize(self, factor: float) -> None:
        self.card_w_px *= factor
        self._clamp()
        self.dirty = True

    def done(self) -> None:
        """Saving a screen size is a step of its own: every size in mm rests on it."""
        profile = profile_from_card(self.card_w_px)
        confirm(self.app, t("calibration.confirm_title"), t("calibration.confirm_note"),
                t("calibration.confirm_yes"), t("calibration.confirm_no"),
                lambda: self.finish(profile))

    def on_touch(self, touch: Touch) -> None:
        super().on_touch(touch)
        if self._card_rect_mm().contains(touch.x_mm, touch.y_mm, 4.0) and \
                touch.phase is Phase.DOWN and self._drag is None:
            self._drag = (touch.finger, touch.x_mm, self.card_w_px)
        elif self._drag and touch.finger == self._drag[0]:
            _, x0, w0 = self._drag
            cx = self._card_rect_mm().center[0]
            # dragging away from the centre grows the card symmetrically
            side = 1.0 if x0 >= cx else -1.0
            self.card_w_px = w0 + side * 2 * self.app.profile.px(touch.x_mm - x0)
            self._clamp()
            self.dirty = True
            if touch.phase is Phase.UP:
                self._drag = None

    def _clamp(self) -> None:
        profile = self.app.profile
        max_w = min(profile.px(self._card_area.w),
                    profile.px(self._card_area.h) * BANK_CARD_MM[0] / BANK_CARD_MM[1])
        self.card_w_px = min(max(self.card_w_px, 1.5 * BANK_CARD_MM[0]), max(max_w, 60))

    def _card_rect_mm(self) -> RectMM:
        profile = self.app.profile
        w_mm = profile.mm(self.card_w_px)
        h_mm = w_mm * BANK_CARD_MM[1] / BANK_CARD_MM[0]
        return self._card_area.centered(w_mm, h_mm)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        pal = theme.palette
        surface.fill(pal.background)
        card = self._card_rect_mm()
        draw.panel(surface, theme, card, pal.highlight, pal.ink, border_mm=0.5,
                   radius_mm=card.w * 3.18 / BANK_CARD_MM[0])
        chip = RectMM(card.x + card.w * 0.1, card.y + card.h * 0.35, card.w * 0.14,
                      card.h * 0.22)
        draw.panel(surface, theme, chip, pal.star, pal.ink, border_mm=0.3, radius_mm=1.0)
        super().draw(surface)


def keep_calibration(shell, app, profile: DisplayProfile | None) -> None:  # noqa: ANN001
    """Use and remember a finished calibration for this screen (nothing if cancelled)."""
    if profile is None:
        return
    width, height = app.screen.get_size()
    shell.store.put_setting(f"calibration:{shell.device}",
                            {**profile.to_dict(), "screen_px": [width, height]})
    app.set_theme(app.theme.with_profile(profile))
    app.show_toast(t("calibration.saved"))
