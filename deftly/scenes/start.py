"""Before a round: which hand (preset to the one that needs practice) and which level."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from deftly.play import demo_scene, last_variant, progress_for, suited_variant
from deftly.scenes.base import Screen
from engine.demo import Demonstration, demonstrate
from engine.demo_scene import DemoStill
from engine.display import RectMM
from engine.i18n import t
from engine.input.capability import touch_capability
from engine.levels.schema import Level
from engine.round_scene import GameView, top_bar
from engine.scene import Scene
from engine.ui.draw import text_width
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
        self.level_id = self._first_level()
        self.mode = "training"
        self._game_view: GameView | None = None

    def _progress(self):
        return progress_for(self.shell, self.game, self.hand, self.variant)

    def heading(self) -> str:
        return t("start.title", game=self.game.spec.name)

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        assert self.game.levels is not None
        rows_needed = 3 + (len(self.variants) > 1)
        labelled = content.h >= rows_needed * (sizes.button_h + sizes.body * 1.6) + 8
        if not labelled or not self._names_fit(content):
            return self._compact(content)
        go_w = min(max(content.w * 0.28, 40.0), 70.0)
        left = RectMM(content.x, content.y, content.w - go_w - sizes.gap * 2, content.h)
        go = RectMM(left.right + sizes.gap * 2, content.y, go_w, content.h)
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
            widgets += self._variant_buttons(variant_row)
        section(t("start.level"))
        widgets += self._levels(rest, gap)
        widgets += self._go_column(go)
        return widgets

    def _go_column(self, go: RectMM) -> list[Widget]:
        """A still frame of the level's demonstration (when there is room), Show me under
        it, and Start."""
        sizes = self.app.theme.sizes
        buttons_h = sizes.button_h * 2 + sizes.gap
        board = self._board()
        picture_h = min(go.w * board.h / board.w, go.h - buttons_h - sizes.gap * 2)
        widgets: list[Widget] = []
        rest = go
        if picture_h >= 20.0:
            picture, rest = go.take_top(picture_h)
            _, rest = rest.take_top(sizes.gap)
            widgets.append(DemoStill(picture, self._demonstration(board), self._view()))
        show, rest = rest.take_top(sizes.button_h)
        _, rest = rest.take_top(sizes.gap)
        widgets.append(Button(show, t("demo.show_me"), self.show_me, icon="play"))
        widgets.append(Button(rest.centered(rest.w, min(rest.h, 60.0)), t("start.go"),
                              self.go, style="primary", icon="play"))
        return widgets

    def _board(self) -> RectMM:
        """The board a round (and its demonstration) is played on, on this screen."""
        return top_bar(self.app.board, self.app.theme.sizes)[1]

    def _view(self) -> GameView:
        if self._game_view is None:
            self._game_view = self.game.spec.make_view()
        return self._game_view

    def _demonstration(self, board: RectMM) -> Demonstration:
        return demonstrate(self.game.spec, self._shown_level(), (board.w, board.h),
                           variant=self.variant, hand=self._demo_hand())

    def _shown_level(self) -> str:
        assert self.game.levels is not None
        return self.game.levels.checkup.id if self.mode == "checkup" else self.level_id

    def _demo_hand(self) -> str:
        return "left" if self.hand == "left" else "right"

    def show_me(self) -> None:
        """The level's demonstration; back here after it."""
        self.app.scenes.push(demo_scene(self.game, self._shown_level(), self._demo_hand(),
                                        self.variant), lambda _: self.refresh())

    def _names_fit(self, content: RectMM) -> bool:
        """Whether every level's name fits one line of a level button in the grid (three
        across, beside the Start column); if not, the levels get a screen of their own."""
        theme = self.app.theme
        go_w = min(max(content.w * 0.28, 40.0), 70.0)
        cell_w = (content.w - go_w - theme.sizes.gap * 4) / 3 - 12.0   # edges, a lock
        names = [s.level.name for s in self._progress().states()] + [t("start.checkup")]
        return all(text_width(theme, n, True, theme.sizes.label) <= cell_w for n in names)

    def _compact(self, content: RectMM) -> list[Widget]:
        """A short screen: a row each for the hand, the way of playing and the level (a
        button opening the list of levels), and Start across the bottom."""
        sizes = self.app.theme.sizes
        rest, go = content.take_bottom(sizes.button_h)
        rows = [HANDS, [v.id for v in self.variants] if len(self.variants) > 1 else None,
                ["level"]]
        shown = [r for r in rows if r]
        row_h = max(sizes.touch_min,
                    min(sizes.button_h, (rest.h - sizes.gap * len(shown)) / len(shown)))
        show_w = min(go.w * 0.4, 60.0)
        show = RectMM(go.x, go.y, show_w - sizes.gap, go.h)
        go = RectMM(go.x + show_w, go.y, go.w - show_w, go.h)
        widgets: list[Widget] = [Button(show, t("demo.show_me"), self.show_me, icon="play"),
                                 Button(go, t("start.go"), self.go, style="primary",
                                        icon="play")]
        for k, row in enumerate(shown):
            box = RectMM(rest.x, rest.y + k * (row_h + sizes.gap), rest.w, row_h)
            widgets += self._compact_row(box, row)
        used = len(shown) * (row_h + sizes.gap)
        space = RectMM(rest.x, rest.y + used, rest.w, rest.h - used - sizes.gap)
        if space.h >= 20.0:                  # room left: a still of the demonstration
            widgets.append(DemoStill(space, self._demonstration(self._board()), self._view()))
        return widgets

    def _compact_row(self, box: RectMM, row: list[str] | tuple[str, ...]) -> list[Widget]:
        gap = self.app.theme.sizes.gap
        if row is HANDS:
            cells = box.columns(3, gap)
            theme = self.app.theme
            fits = all(text_width(theme, t(f"hand.{h}"), True, theme.sizes.label) <=
                       cells[0].w - 14.0 for h in HANDS)    # room for the check mark
            word = "" if fits else ".short"
            return [Button(cell, t(f"hand.{hand}{word}"), lambda h=hand: self.pick_hand(h),
                           selected=hand == self.hand)
                    for cell, hand in zip(cells, HANDS, strict=True)]
        if row == ["level"]:
            return [Button(box, t("start.level_named", name=self._level_name()),
                           self.choose_level, icon="next")]
        return self._variant_buttons(box)

    def _variant_buttons(self, row: RectMM) -> list[Widget]:
        """A button per way of playing; one this screen cannot follow (several fingers on a
        mouse) is shown locked, and a press on it says it needs a touchscreen."""
        device = touch_capability()
        cells = row.columns(len(self.variants), self.app.theme.sizes.gap)
        return [Button(cell, t(variant.label), lambda v=variant.id: self.pick_variant(v),
                       selected=variant.id == self.variant,
                       enabled=device.allows(variant.fingers),
                       why_not=lambda: self.app.show_toast(t("home.needs_touch")))
                for cell, variant in zip(cells, self.variants, strict=True)]

    def _level_name(self) -> str:
        assert self.game.levels is not None
        if self.mode == "checkup":
            return t("start.checkup")
        level = self.game.levels.get(self.level_id)
        return level.name if level is not None else self.level_id

    def choose_level(self) -> None:
        self.app.scenes.push(self.level_chooser(), self._level_chosen)

    def level_chooser(self) -> Scene[tuple[str, str, bool] | None]:
        """The levels (and the check-up) as big tiles on a screen of their own."""
        from deftly.scenes.chooser import ChooserScene

        assert self.game.levels is not None
        choices = [(s.level.id, "training", s.open) for s in self._progress().states()]
        choices.append((self.game.levels.checkup.id, "checkup", True))
        return ChooserScene(self.shell, t("start.level"), choices, self._level_tile)

    def _level_tile(self, cell: RectMM, choice: tuple[str, str, bool],
                    chosen: Callable[[tuple[str, str, bool]], None]) -> Widget:
        level_id, mode, is_open = choice
        assert self.game.levels is not None
        level = self.game.levels.get(level_id)
        assert level is not None
        name = t("start.checkup") if mode == "checkup" else level.name
        return self._level_button(cell, level, is_open, name, lambda: chosen(choice),
                                  (level_id, mode) == (self.level_id, self.mode))

    def _level_chosen(self, choice: tuple[str, str, bool] | None) -> None:
        if choice is not None:
            self.pick_level(choice[0], choice[1])
        else:
            self.refresh()

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
            widgets.append(self._level_button(cell, state.level, state.open, state.level.name,
                                              lambda lv=state.level.id: self.pick_level(lv),
                                              chosen))
        checkup = self.game.levels.checkup
        widgets.append(self._level_button(cells[len(states)], checkup, True,
                                          t("start.checkup"),
                                          lambda: self.pick_level(checkup.id, "checkup"),
                                          self.mode == "checkup"))
        return widgets

    def _locked(self) -> None:
        self.app.show_toast(t("start.locked_note"))

    def _needs_touch(self) -> None:
        self.app.show_toast(t("home.needs_touch"))

    def _fits(self, level: Level) -> bool:
        """Whether this screen can play `level` (two fingers at once: not with a mouse)."""
        return touch_capability().allows(self.game.spec.fingers_for(level, self.variant))

    def _first_level(self) -> str:
        """The player's level; where this screen cannot play it, the last open one it can."""
        current = self._progress().current()
        if self._fits(current):
            return current.id
        playable = [s.level for s in self._progress().states() if s.open and self._fits(s.level)]
        return playable[-1].id if playable else current.id

    def _level_button(self, cell: RectMM, level: Level, is_open: bool, name: str,
                      pressed: Callable[[], None], selected: bool) -> Button:
        """A level's button: locked until it opens, and where it needs a touchscreen."""
        fits = self._fits(level)
        return Button(cell, name, pressed, icon=None if is_open else "lock",
                      enabled=is_open and fits, selected=selected,
                      why_not=self._locked if not is_open else self._needs_touch)

    def pick_hand(self, hand: str) -> None:
        self.hand = hand
        self.level_id = self._first_level()
        self.mode = "training"
        self.refresh()

    def pick_variant(self, variant: str) -> None:
        self.variant = variant
        self.level_id = self._first_level()
        self.mode = "training"
        self.refresh()

    def pick_level(self, level_id: str, mode: str = "training") -> None:
        self.level_id, self.mode = level_id, mode
        self.refresh()

    def go(self) -> None:
        self.finish(StartChoice(self.level_id, self.hand, self.mode, self.variant))
