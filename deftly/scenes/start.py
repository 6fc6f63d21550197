"""Before a round: which hand (preset to the one that needs practice) and which level."""

from __future__ import annotations

from deftly.play import progress_for
from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.ui.widgets import Button, Label, Widget
from games.registry import Available

HANDS = ("left", "right", "both")


class StartScene(Screen[tuple[str, str, str]]):
    """Finishes with (level id, hand, mode), or None for Back."""

    def __init__(self, shell, game: Available, hand: str | None = None) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.game = game
        profile = shell.profile
        self.hand = hand or (profile.affected_hand if profile and profile.affected_hand in HANDS
                             else "right")
        self.level_id = progress_for(shell, game, self.hand).current().id
        self.mode = "training"

    def heading(self) -> str:
        return t("start.title", game=self.game.spec.name)

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        assert self.game.levels is not None
        go_w = min(max(content.w * 0.28, 40.0), 70.0)
        left = RectMM(content.x, content.y, content.w - go_w - sizes.gap * 2, content.h)
        go = RectMM(left.right + sizes.gap * 2, content.y, go_w, content.h)
        short = left.h < 80
        label_h = sizes.small * 1.3 if short else sizes.body * 1.6
        hand_label, rest = left.take_top(label_h)
        hand_row, rest = rest.take_top(sizes.button_h)
        _, rest = rest.take_top(sizes.gap * (0.5 if short else 1))
        level_label, level_area = rest.take_top(label_h)
        label_size = "small" if short else "body"
        widgets: list[Widget] = [Label(hand_label, t("start.hand"), align="left", bold=True,
                                       size=label_size),
                                 Label(level_label, t("start.level"), align="left", bold=True,
                                       size=label_size)]
        for box, hand in zip(hand_row.columns(3, sizes.gap), HANDS, strict=True):
            widgets.append(Button(box, t(f"hand.{hand}.short"), lambda h=hand: self.pick_hand(h),
                                  selected=hand == self.hand))
        states = progress_for(self.shell, self.game, self.hand).states()
        options = len(states) + 1
        cols = 3 if options > 4 else options
        rows = -(-options // cols)
        gap = sizes.gap * (0.6 if short else 1)
        row_h = max(sizes.touch_min + 0.5,
                    min(sizes.button_h * 1.2, (level_area.h - gap * (rows - 1)) / rows))
        grid = RectMM(level_area.x, level_area.y, level_area.w, row_h * rows + gap * (rows - 1))
        cells = [c for r in grid.rows(rows, gap) for c in r.columns(cols, gap)]
        for cell, state in zip(cells, states, strict=False):
            chosen = self.mode == "training" and state.level.id == self.level_id
            widgets.append(Button(cell, state.level.name,
                                  lambda lv=state.level.id: self.pick_level(lv),
                                  icon=None if state.open else "lock",
                                  enabled=state.open, selected=chosen))
        checkup = self.game.levels.checkup
        widgets.append(Button(cells[len(states)], t("start.checkup"),
                              lambda: self.pick_level(checkup.id, "checkup"),
                              selected=self.mode == "checkup"))
        widgets.append(Button(go.centered(go.w, min(go.h, 60.0)), t("start.go"), self.go,
                              style="primary", icon="play"))
        return widgets

    def pick_hand(self, hand: str) -> None:
        self.hand = hand
        self.level_id = progress_for(self.shell, self.game, hand).current().id
        self.mode = "training"
        self.refresh()

    def pick_level(self, level_id: str, mode: str = "training") -> None:
        self.level_id, self.mode = level_id, mode
        self.refresh()

    def go(self) -> None:
        self.finish((self.level_id, self.hand, self.mode))
