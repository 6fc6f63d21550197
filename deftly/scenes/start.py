"""Before a round: which hand (preset to the one that needs practice) and which level."""

from __future__ import annotations

from dataclasses import dataclass

from deftly.play import last_variant, progress_for, suited_variant
from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.ui.widgets import Button, Label, Widget
from games.registry import Available

HANDS = ("left", "right", "both")


@dataclass(frozen=True)
class StartChoice:
    """What the player chose to play."""

    level_id: str
    hand: str
    mode: str = "training"       # or "checkup"
    variant: str = ""            # the id of one of the game's variants


class StartScene(Screen[StartChoice]):
    """Finishes with the player's StartChoice, or None for Back."""

    def __init__(self, shell, game: Available, hand: str | None = None) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.game = game
        profile = shell.profile
        self.hand = hand or (profile.affected_hand if profile and profile.affected_hand in HANDS
                             else "right")
        self.variants = game.spec.variants
        self.variant = suited_variant(game.spec, last_variant(shell, game.spec.id))
        self.level_id = self._progress().current().id
        self.mode = "training"

    def _progress(self):
        return progress_for(self.shell, self.game, self.hand, self.variant)

    def heading(self) -> str:
        return t("start.title", game=self.game.spec.name)

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        assert self.game.levels is not None
        go_w = min(max(content.w * 0.28, 40.0), 70.0)
        left = RectMM(content.x, content.y, content.w - go_w - sizes.gap * 2, content.h)
        go = RectMM(left.right + sizes.gap * 2, content.y, go_w, content.h)
        rows_needed = 3 + (len(self.variants) > 1)
        labelled = left.h >= rows_needed * (sizes.button_h + sizes.body * 1.6) + 8
        gap = sizes.gap * (1 if labelled else 0.5)
        row_h = sizes.button_h if labelled else max(sizes.touch_min + 1.5, sizes.button_h * 0.88)
        widgets: list[Widget] = []
        rest = left

        def section(title: str) -> None:
            nonlocal rest
            if labelled:
                label, rest = rest.take_top(sizes.body * 1.6)
                widgets.append(Label(label, title, align="left", bold=True))

        section(t("start.hand"))
        hand_row, rest = rest.take_top(row_h)
        _, rest = rest.take_top(gap)
        word = ".short" if labelled else ""
        for box, hand in zip(hand_row.columns(3, sizes.gap), HANDS, strict=True):
            widgets.append(Button(box, t(f"hand.{hand}{word}"), lambda h=hand: self.pick_hand(h),
                                  selected=hand == self.hand))
        if len(self.variants) > 1:
            section(t("start.mode"))
            variant_row, rest = rest.take_top(row_h)
            _, rest = rest.take_top(gap)
            for box, variant in zip(variant_row.columns(len(self.variants), sizes.gap),
                                    self.variants, strict=True):
                widgets.append(Button(box, t(variant.label),
                                      lambda v=variant.id: self.pick_variant(v),
                                      selected=variant.id == self.variant))
        section(t("start.level"))
        widgets += self._levels(rest, gap)
        widgets.append(Button(go.centered(go.w, min(go.h, 60.0)), t("start.go"), self.go,
                              style="primary", icon="play"))
        return widgets

    def _levels(self, area: RectMM, gap: float) -> list[Widget]:
        sizes = self.app.theme.sizes
        assert self.game.levels is not None
        states = self._progress().states()
        options = len(states) + 1
        cols = 3 if options > 4 else options
        rows = -(-options // cols)
        row_h = max(sizes.touch_min + 0.5,
                    min(sizes.button_h * 1.2, (area.h - gap * (rows - 1)) / rows))
        grid = RectMM(area.x, area.y, area.w, row_h * rows + gap * (rows - 1))
        cells = [c for r in grid.rows(rows, gap) for c in r.columns(cols, gap)]
        widgets: list[Widget] = []
        for cell, state in zip(cells, states, strict=False):
            chosen = self.mode == "training" and state.level.id == self.level_id
            widgets.append(Button(cell, state.level.name,
                                  lambda lv=state.level.id: self.pick_level(lv),
                                  icon=None if state.open else "lock",
                                  enabled=state.open, selected=chosen,
                                  why_not=self._locked))
        checkup = self.game.levels.checkup
        widgets.append(Button(cells[len(states)], t("start.checkup"),
                              lambda: self.pick_level(checkup.id, "checkup"),
                              selected=self.mode == "checkup"))
        return widgets

    def _locked(self) -> None:
        self.app.show_toast(t("start.locked_note"))

    def pick_hand(self, hand: str) -> None:
        self.hand = hand
        self.level_id = self._progress().current().id
        self.mode = "training"
        self.refresh()

    def pick_variant(self, variant: str) -> None:
        self.variant = variant
        self.level_id = self._progress().current().id
        self.mode = "training"
        self.refresh()

    def pick_level(self, level_id: str, mode: str = "training") -> None:
        self.level_id, self.mode = level_id, mode
        self.refresh()

    def go(self) -> None:
        self.finish(StartChoice(self.level_id, self.hand, self.mode, self.variant))
