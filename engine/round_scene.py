"""The scene that plays one round of any game: the board, a pause button and progress.

The round has its own clock that stops while paused, so a pause never counts as a slow
reaction. Touches that start on the top bar belong to the bar; touches that start on the
board go to the game, in board coordinates (mm from the board's top-left corner).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

import pygame

from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.rounds import RoundController, RoundResult
from engine.scene import Scene
from engine.touch import Phase, Touch
from engine.ui import draw
from engine.ui.overlay import ChoiceOverlay
from engine.ui.theme import Sizes, Theme
from engine.ui.widgets import Button, Label, ProgressBar


class GameView(Protocol):
    def draw(self, surface: pygame.Surface, theme: Theme, model: Any, board: RectMM,
             now_ms: float) -> None:
        """Draw the model onto the board area (mm rectangle on screen)."""

    def signature(self, model: Any, now_ms: float) -> object:
        """Changes whenever the picture would change (animations included)."""


BuildController = Callable[[float, float], RoundController]


def top_bar(screen: RectMM, sizes: Sizes) -> tuple[RectMM, RectMM]:
    """A round's bar across the top of the screen (its buttons' row) and the board under
    it; a level's demonstration is played on the same board."""
    bar_h = max(sizes.touch_min + 2, sizes.button_h * 0.9)
    bar, rest = screen.take_top(bar_h + sizes.gap / 2)
    return bar.inset(sizes.gap / 2, sizes.gap / 4), rest


def bar_columns(bar: RectMM, sizes: Sizes, button_w: float
                ) -> tuple[RectMM, RectMM, RectMM]:
    """The bar's button on the left (`button_w` wide), its middle, and the title's place on
    the right."""
    title_w = min(55.0, bar.w * 0.3)
    button = RectMM(bar.x, bar.y, button_w, bar.h)
    middle = RectMM(button.right + sizes.gap * 2, bar.y,
                    bar.w - button_w - title_w - sizes.gap * 4, bar.h)
    return button, middle, RectMM(bar.right - title_w, bar.y, title_w, bar.h)


class RoundScene(Scene[RoundResult]):
    def __init__(self, build: BuildController, view: GameView, title: str,
                 sounds: bool = True, short_title: str = "") -> None:
        super().__init__()
        self.build = build
        self.view = view
        self.title = title
        self.short_title = short_title or title
        self.sounds = sounds
        self.controller: RoundController | None = None
        self.board_rect = RectMM(0, 0, 1, 1)
        self._start_ms = 0.0
        self._paused_total = 0.0
        self._paused_at: float | None = None
        self._fingers_on_board: set[int] = set()
        self._told_unsaved = False
        self._signature: object = None
        self._result: RoundResult | None = None
        self._offered: str | None = None      # a variant the model suggested
        self._switch_to: str | None = None

    # -- layout ----------------------------------------------------------------------------
    def layout(self) -> None:
        sizes = self.app.theme.sizes
        bar, rest = top_bar(self.app.board, sizes)
        pause, progress, title = bar_columns(bar, sizes, min(36.0, bar.w * 0.28))
        self.pause_button = Button(pause, t("round.pause"), self.pause, icon="pause",
                                   style="quiet")
        self.progress = ProgressBar(progress, 0.0, "")
        self.widgets = [self.pause_button, self.progress, self._corner(title)]
        self.board_rect = rest
        self._update_progress()

    def _corner(self, box: RectMM) -> Button | Label:
        """The round's title, or the other way of playing when the model suggests it."""
        offered = self._offered
        if offered is not None and self.controller is not None:
            way = t(self.controller.spec.variant(offered).label)
            return Button(box, t("round.switch", way=way), lambda: self._switch(offered),
                          style="primary")
        return Label(box, self._title_for(box), size="small", align="right", muted=True,
                     wrap=False)

    def _switch(self, variant: str) -> None:
        """End this round (as quit) to play the suggested variant instead."""
        self._switch_to = variant
        self._end("quit")

    def _title_for(self, box: RectMM) -> str:
        """The full title if it fits its box at the small text size, else the short one,
        else the game's one word, else nothing (the start screen said it)."""
        word = self.controller.spec.short_name if self.controller is not None else ""
        return draw.first_fitting(self.app.theme, (self.title, self.short_title, word),
                                  box.w) or ""

    def enter(self) -> None:
        self.controller = self.build(self.board_rect.w, self.board_rect.h)
        self._start_ms = self.app.now_ms()
        self._update_progress()

    # -- time --------------------------------------------------------------------------------
    def round_ms(self, now_ms: float | None = None) -> float:
        """Time since the round started, not counting pauses."""
        now = self.app.now_ms() if now_ms is None else now_ms
        paused = self._paused_total + (now - self._paused_at if self._paused_at is not None
                                       else 0.0)
        return now - self._start_ms - paused

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    # -- input --------------------------------------------------------------------------------
    def on_touch(self, touch: Touch) -> None:
        if self.controller is None or self.paused:
            return
        on_board = touch.finger in self._fingers_on_board
        if touch.phase is Phase.DOWN:
            on_board = self.board_rect.contains(touch.x_mm, touch.y_mm)
            if on_board:
                self._fingers_on_board.add(touch.finger)
        if not on_board:
            super().on_touch(touch)
            return
        if touch.phase is Phase.UP:
            self._fingers_on_board.discard(touch.finger)
        local = Touch(touch.finger, touch.phase, touch.x_mm - self.board_rect.x,
                      touch.y_mm - self.board_rect.y, self.round_ms(touch.t_ms))
        self._after(self.controller.on_touch(local))
        self.dirty = True       # a touch always redraws; time passing only when it shows

    def on_command(self, command: Command) -> None:
        if command is Command.BACK:
            self.pause()

    def on_focus_lost(self) -> None:
        self.pause()

    def pause(self) -> None:
        if self.paused or self.app.scenes.top is not self:
            return
        self._paused_at = self.app.now_ms()
        self._fingers_on_board.clear()
        self.app.scenes.push(ChoiceOverlay(t("round.paused"), t("round.paused_note"), [
            ("resume", t("round.resume"), "primary"), ("show", t("demo.show_me"), "secondary"),
            ("quit", t("round.quit"), "secondary")]), self._resumed)

    def show_me(self) -> None:
        """The level's demonstration (the round stays paused), then the pause menu again."""
        from engine.demo import demonstrate
        from engine.demo_scene import DemoScene

        assert self.controller is not None
        spec, setup, level = self.controller.spec, self.controller.setup, self.controller.level
        hand = "left" if setup.hand == "left" else "right"
        scene = DemoScene(lambda board: demonstrate(spec, setup.level_id, board,
                                                    variant=setup.variant, hand=hand),
                          spec.make_view(), level.name, level.description)
        self.app.scenes.push(scene, lambda _: self._pause_again())

    def _pause_again(self) -> None:
        paused_at = self._paused_at
        self._paused_at = None
        self.pause()
        if paused_at is not None:       # the pause goes on from when it began
            self._paused_at = paused_at

    def _resumed(self, choice: str | None) -> None:
        if choice == "show":
            self.show_me()
            return
        if self._paused_at is not None:
            self._paused_total += self.app.now_ms() - self._paused_at
            self._paused_at = None
        if choice == "quit":
            self._end("quit")

    # -- frames --------------------------------------------------------------------------------
    def update(self, t_ms: float) -> None:
        if self.controller is None or self.paused or self._result is not None:
            return
        now = self.round_ms(t_ms)
        self._after(self.controller.tick(now))
        if self.controller.finished:
            self._end("complete")
            return
        suggested = self.controller.model.suggested_variant
        if suggested != self._offered:
            self._offered = suggested
            self.layout()
        signature = self.view.signature(self.controller.model, now)
        if signature != self._signature:
            self._signature = signature
            self.dirty = True

    def _after(self, trials: list[dict[str, Any]]) -> None:
        unsaved = self.controller.unsaved if self.controller is not None else None
        if unsaved and not self._told_unsaved:
            self._told_unsaved = True
            self.app.show_toast(unsaved, ms=12_000, tone="warning")
        for trial in trials:
            if self.sounds:
                self.app.audio.play("hit" if trial.get("success") else "miss")
        if trials:
            self._update_progress()
            self.dirty = True

    def _update_progress(self) -> None:
        if self.controller is None:
            return
        done, total = self.controller.model.progress()
        self.progress.value = done / total if total else 0.0
        self.progress.caption = t("round.progress", done=done, total=total)

    def _end(self, status: str) -> None:
        assert self.controller is not None
        self._result = self.controller.finish(self.round_ms(), status)
        if self._switch_to is not None:
            self._result = replace(self._result, switch_to=self._switch_to)
        if status == "complete" and self.sounds:
            self.app.audio.play("unlock" if self._result.verdict.unlocked else "done")
        self.finish(self._result)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        surface.fill(theme.palette.background)
        if self.controller is not None:
            self.view.draw(surface, theme, self.controller.model, self.board_rect,
                           self.round_ms())
        line_y = theme.px(self.board_rect.y) - 1
        pygame.draw.line(surface, theme.palette.line, (0, line_y), (surface.get_width(), line_y),
                         max(1, theme.px(0.3)))
        super().draw(surface)
