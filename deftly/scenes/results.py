"""After a round: stars, the main numbers in plain words, praise, and what comes next."""

from __future__ import annotations

import pygame

from deftly import praise
from deftly.results_format import result_lines
from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.rounds import RoundResult
from engine.ui import draw
from engine.ui.widgets import Button, Label, Stars, Widget


class ResultsScene(Screen[str]):
    """Finishes with "again" or "home"."""

    show_back = False

    def __init__(self, shell, result: RoundResult, previous: list[dict]) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.result = result
        self.previous = previous
        self.spec = shell.game(result.setup.game).spec

    def heading(self) -> str:
        return t("results.title") if self.result.status == "complete" else \
            t("results.title_quit")

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        summary = self.result.summary
        body, buttons = content.take_bottom(sizes.button_h + sizes.gap)
        again, home = buttons.rows(1)[0].columns(2, sizes.gap * 2)
        widgets: list[Widget] = [
            Button(again, t("results.again"), lambda: self.finish("again"), style="primary",
                   icon="play"),
            Button(home, t("results.home"), lambda: self.finish("home"), icon="home")]
        left, right = body.columns(2, sizes.gap * 2)
        star_band, left = left.take_top(min(22.0, left.h * 0.32))
        widgets.append(Stars(star_band.inset(2, 1), praise.stars(summary)))
        row_h = min(left.h / 4, sizes.body * 2.2)
        for i, (label, value) in enumerate(result_lines(self.spec, summary)):
            row = RectMM(left.x, left.y + i * row_h, left.w, row_h)
            name = RectMM(row.x, row.y, row.w * 0.62, row.h)
            number = RectMM(row.x + row.w * 0.62, row.y, row.w * 0.38, row.h)
            widgets += [Label(name, label, align="left", muted=True),
                        Label(number, value, align="right", bold=True)]
        notes: list[tuple[str, bool]] = []
        verdict = self.result.verdict
        if verdict.unlocked is not None:
            notes.append((t("results.unlocked", level=verdict.unlocked.name), True))
        notes += [(text, False) for text in praise.messages(summary, self.previous)]
        if verdict.suggest_easier is not None:
            notes.append((t("results.suggest", level=verdict.suggest_easier.name), False))
        self.banner = right if verdict.unlocked is not None else None
        for row, (note, bold) in zip(right.rows(max(len(notes), 2), sizes.gap), notes,
                                     strict=False):
            widgets.append(Label(row.inset(3, 1), note, align="left", bold=bold))
        return widgets

    def on_command(self, command: Command) -> None:
        if command is Command.BACK:
            self.finish("home")

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.theme.palette.background)
        if self.banner is not None:
            pal = self.app.theme.palette
            draw.panel(surface, self.app.theme, self.banner, pal.panel, pal.star, border_mm=1.2)
        for widget in self.widgets:
            widget.draw(surface, self.app.theme)
