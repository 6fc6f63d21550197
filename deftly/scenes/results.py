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
from engine.ui.stack import stack, text_height
from engine.ui.widgets import Button, Label, Stars, Widget

PREVIEW_MS = 2500.0


class ResultsScene(Screen[str]):
    """Finishes with "next" (the plan's next round), "again" or "home"."""

    show_back = False

    def __init__(self, shell, result: RoundResult, previous: list[dict],  # noqa: ANN001
                 next_in_plan: bool = False, animate: bool = True) -> None:
        super().__init__(shell)
        self.result = result
        self.previous = previous
        self.next_in_plan = next_in_plan
        self.spec = shell.game(result.setup.game).spec
        self.preview = self.spec.preview_painter()
        self.preview_rect: RectMM | None = None
        self.animate = animate
        self.shown_at = 0.0

    def enter(self) -> None:
        self.shown_at = self.app.now_ms() - (0.0 if self.animate else PREVIEW_MS)

    def update(self, t_ms: float) -> None:
        if self.preview is not None and t_ms - self.shown_at < PREVIEW_MS + 100:
            self.dirty = True

    def heading(self) -> str:
        return t("results.title") if self.result.status == "complete" else \
            t("results.title_quit")

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        summary = self.result.summary
        body, buttons = content.take_bottom(sizes.button_h + sizes.gap)
        again, home = buttons.rows(1)[0].columns(2, sizes.gap * 2)
        first = ("next", t("results.next_in_plan")) if self.next_in_plan else \
            ("again", t("results.again"))
        widgets: list[Widget] = [
            Button(again, first[1], lambda: self.finish(first[0]), style="primary",
                   icon="play"),
            Button(home, t("results.home"), lambda: self.finish("home"), icon="home")]
        left, right = body.columns(2, sizes.gap * 2)
        board = self.app.board
        stars_w = min(70.0, board.w * 0.4)
        star_band = RectMM(board.right - sizes.margin * 0.75 - stars_w,
                           board.y + sizes.margin * 0.5, stars_w, self.header_height())
        widgets.append(Stars(star_band.inset(1, 1.5), praise.stars(summary)))
        theme = self.app.theme
        lines = result_lines(self.spec, summary)
        name_w, number_w = left.w * 0.62, left.w * 0.38
        heights = [max(text_height(theme, label, name_w - 1, sizes.body),
                       text_height(theme, value, number_w - 1, sizes.body, bold=True)) + 1.5
                   for label, value in lines]
        for row, (label, value) in zip(stack(left, heights), lines, strict=False):
            name = RectMM(row.x, row.y, name_w, row.h)        # the first that fit: the
            number = RectMM(row.x + name_w, row.y, number_w, row.h)   # rest are the
            widgets += [Label(name, label, align="left", muted=True),    # therapist's
                        Label(number, value, align="right", bold=True)]
        notes: list[tuple[str, bool]] = []
        verdict = self.result.verdict
        if verdict.unlocked is not None:
            notes.append((t("results.unlocked", level=verdict.unlocked.name), True))
        opening, closing = self._day_notes()
        notes += [(text, False) for text in opening]
        notes += [(text, False) for text in praise.messages(self.spec, summary, self.previous)]
        notes += [(text, False) for text in closing]
        if verdict.suggest_easier is not None:
            notes.append((t("results.suggest", level=verdict.suggest_easier.name), False))
        notes = notes[:3]
        if self.preview is not None:
            self.preview_rect, right = right.take_top(right.h * 0.6)
            notes = notes[:2] if right.h > 30 else notes[:1]
        self.banner = right if verdict.unlocked is not None else None
        heights = [text_height(theme, note, right.w - 6, sizes.body, bold) + 2
                   for note, bold in notes]
        for row, (note, bold) in zip(stack(right, heights, sizes.gap), notes, strict=False):
            widgets.append(Label(row.inset(3, 1), note, align="left", bold=bold))
        return widgets

    def _day_notes(self) -> tuple[list[str], list[str]]:
        """What to say first (a set done, with a moment's rest before the next; or a rest
        suggestion when tiring) and last (the streak on the first round of a day)."""
        today = self.shell.today_sessions()
        streak = self.shell.streak()
        last = [t("praise.streak", count=streak)] if len(today) == 1 and streak >= 2 else []
        minutes = sum(float(s.get("duration_ms") or 0) for s in today) / 60_000
        tired = praise.dropping([s.get("summary") or {} for s in today])
        if tired or minutes > self.shell.plan().minutes * 1.5:
            return [t("praise.rest")], last
        return (self._set_done() if self.next_in_plan else []), last

    def _set_done(self) -> list[str]:
        """A set of this game and hand done, another to come: a moment's rest first."""
        setup = self.result.setup
        progress = self.shell.plan_progress()
        item = next((i for i in progress.plan.items
                     if (i.game, i.hand) == (setup.game, setup.hand)), None)
        done = progress.done.get((setup.game, setup.hand), 0)
        if item is None or setup.mode != "training" or not 0 < done < item.rounds:
            return []
        return [t("praise.set_done", done=done, total=item.rounds)]

    def on_command(self, command: Command) -> None:
        if command is Command.BACK:
            self.finish("home")

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.theme.palette.background)
        if self.banner is not None:
            pal = self.app.theme.palette
            draw.panel(surface, self.app.theme, self.banner, pal.panel, pal.star, border_mm=1.2)
        if self.preview is not None and self.preview_rect is not None:
            pal = self.app.theme.palette
            draw.panel(surface, self.app.theme, self.preview_rect, pal.panel, pal.line)
            self.preview(surface, self.app.theme, self.preview_rect.inset(3.0), self.result,
                         self.app.now_ms() - self.shown_at)
        for widget in self.widgets:
            widget.draw(surface, self.app.theme)
