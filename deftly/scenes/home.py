"""Home: the player's games, each with its level and last stars, and the way to the rest."""

from __future__ import annotations

from typing import Any

from deftly import praise
from deftly.play import previous_summaries, progress_for, round_scene
from deftly.scenes.base import Screen
from deftly.scenes.results import ResultsScene
from deftly.scenes.start import StartScene
from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.rounds import RoundResult
from engine.scene import Scene
from engine.ui.widgets import Button, Label, Tile, Widget
from games.registry import Available


class HomeScene(Screen[None]):
    show_back = False

    def __init__(self, shell) -> None:  # noqa: ANN001
        super().__init__(shell)
        self._last: tuple[Available, str, str, str] | None = None

    def heading(self) -> str:
        return t("home.hello", name=self.shell.profile.name if self.shell.profile else "")

    def enter(self) -> None:
        self.shell.apply(self.app)

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        header_right = RectMM(self.app.board.right - sizes.margin * 0.75 - 52.0,
                              self.app.board.y + sizes.margin * 0.5, 52.0, self.header_height())
        tiles_area, bottom = content.take_bottom(sizes.button_h + sizes.gap)
        widgets: list[Widget] = [Button(header_right, t("home.switch"), self.switch_player,
                                        style="quiet")]
        games = self.shell.games
        problems = [g.problem for g in games if g.problem]
        if problems:
            tiles_area, note = tiles_area.take_bottom(sizes.small * 1.4 * len(problems))
            for row, text in zip(note.rows(len(problems)), problems, strict=True):
                widgets.append(Label(row, text, size="small", align="left", muted=True))
        cols = min(len(games), 3) or 1
        rows = -(-len(games) // cols) or 1
        cells = [c for r in tiles_area.rows(rows, sizes.gap) for c in r.columns(cols, sizes.gap)]
        for cell, game in zip(cells, games, strict=False):
            widgets.append(self._tile(cell, game))
        widgets.append(Button(bottom.columns(3, sizes.gap)[0], t("home.settings"),
                              self.settings, icon="gear"))
        return widgets

    def _tile(self, cell: RectMM, game: Available) -> Tile:
        if game.levels is None:
            return Tile(cell, game.spec.name, detail=t("home.unavailable"), locked=True)
        hand = self._hand()
        level = progress_for(self.shell, game, hand).current()
        history = previous_summaries(self.shell, game.spec.id, hand, "training")
        stars = praise.stars(history[-1]) if history else None
        detail = level.name if history else t("home.new_game")
        return Tile(cell, game.spec.name, lambda g=game: self.choose(g), detail=detail,
                    stars=stars)

    def _hand(self) -> str:
        hand = self.shell.profile.affected_hand if self.shell.profile else "right"
        return hand if hand in ("left", "right", "both") else "right"

    # -- navigation ----------------------------------------------------------------------
    def choose(self, game: Available) -> None:
        self.app.scenes.push(StartScene(self.shell, game))

    def play(self, game: Available, level_id: str, hand: str, mode: str) -> None:
        self._last = (game, level_id, hand, mode)
        self.app.scenes.push(round_scene(self.shell, game, level_id, hand, mode=mode))

    def on_result(self, child: Scene[Any], result: Any) -> None:
        self.refresh()
        if isinstance(child, StartScene) and result is not None:
            level_id, hand, mode = result
            self.play(child.game, level_id, hand, mode)
        elif isinstance(result, RoundResult):
            game = self.shell.game(result.setup.game)
            previous = previous_summaries(self.shell, game.spec.id, result.setup.hand,
                                          result.setup.mode, before=result.session_id)
            self.app.scenes.push(ResultsScene(self.shell, result, previous))
        elif isinstance(child, ResultsScene) and result == "again" and self._last:
            game, _, hand, mode = self._last
            level_id = child.result.level.id if mode == "checkup" else \
                progress_for(self.shell, game, hand).current().id
            self.play(game, level_id, hand, mode)

    def settings(self) -> None:
        from deftly.scenes.settings import SettingsScene

        self.app.scenes.push(SettingsScene(self.shell))

    def switch_player(self) -> None:
        self.finish(None)

    def on_command(self, command: Command) -> None:
        if command is Command.BACK:
            self.switch_player()
