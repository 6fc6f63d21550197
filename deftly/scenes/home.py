"""Home: today's plan as a ring, the games with their level and last stars, and the rest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from deftly import praise
from deftly.play import (
    demo_scene,
    first_time,
    last_variant,
    previous_summaries,
    progress_for,
    round_scene,
    suited_variant,
)
from deftly.scenes.base import Screen
from deftly.scenes.checkin import CheckInScene
from deftly.scenes.chooser import TILE_EDGES_MM, ChooserScene, tile_width
from deftly.scenes.results import ResultsScene
from deftly.scenes.start import StartChoice, StartScene
from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.rounds import RoundResult
from engine.scene import Scene
from engine.ui import draw
from engine.ui.draw import text_width
from engine.ui.stack import text_height
from engine.ui.widgets import (
    SHORT_TILE_MM,
    Button,
    Label,
    ProgressRing,
    Tile,
    Widget,
    button_width,
)
from games.registry import Available

RING_WORDS_MM = 34.0
"""A plan ring smaller than this leaves its count to the words beside it."""
MIN_TILE_W_MM = 45.0
"""A game tile narrower than this cannot show the game's name at a readable size."""


class HomeScene(Screen[None]):
    show_back = False

    def __init__(self, shell) -> None:  # noqa: ANN001
        super().__init__(shell)
        self._last: tuple[Available, StartChoice] | None = None
        self._plan_mode = False

    def heading(self) -> str:
        return t("home.hello", name=self.shell.profile.name if self.shell.profile else "")

    def _say_pain_once(self) -> None:
        """A bad day's words also come once as a toast (large text may leave them no room
        on Home)."""
        keys = self.shell.pain_messages()
        if keys and self.shell.profile is not None:
            mark = (self.shell.profile.id, self.shell.today().date().isoformat(), "said")
            if mark not in self.shell.offered:
                self.shell.offered.add(mark)
                self.app.show_toast(" ".join(t(key) for key in keys))

    def enter(self) -> None:
        self.shell.apply(self.app)
        self._say_pain_once()

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        board = self.app.board
        switch_w = min(max(52.0, button_width(self.app.theme, t("home.switch"))),
                       board.w * 0.45)
        switch = RectMM(board.right - sizes.margin * 0.75 - switch_w,
                        board.y + sizes.margin * 0.5, switch_w, self.header_height())
        main, bottom = content.take_bottom(sizes.button_h + sizes.gap)
        _, bottom = bottom.take_top(sizes.gap)     # a gap, so no two buttons touch
        widgets: list[Widget] = [Button(switch, t("home.switch"), self.switch_player,
                                        style="quiet")]
        plan_w = min(max(main.w * 0.4, 58.0), 110.0)
        games_box = RectMM(main.x + plan_w + sizes.gap * 2, main.y,
                           main.w - plan_w - sizes.gap * 2, main.h)
        tiles = self._games(games_box)
        compact = tiles is None    # the games do not fit beside the plan: a Games button
        widgets += self._plan(main if compact else RectMM(main.x, main.y, plan_w, main.h))
        settings, days, games = bottom.columns(3, sizes.gap)
        widgets.append(Button(settings, t("home.settings"), self.settings, icon="gear"))
        widgets.append(Button(days, t("home.calendar"), self.calendar, icon="calendar"))
        if tiles is None:
            widgets.append(Button(games, t("home.games_button"), self.open_games,
                                  icon="play"))
        else:
            widgets += tiles
        return widgets

    # -- today's plan ----------------------------------------------------------------------
    def _plan(self, box: RectMM) -> list[Widget]:
        """Today's plan: a ring of rounds done, the next round, and a big Start button."""
        sizes = self.app.theme.sizes
        progress = self.shell.plan_progress()
        total = progress.plan.rounds_total()
        done = round(progress.fraction * total)
        upper, button = box.take_bottom(min(sizes.button_h, box.h * 0.45))
        upper = upper.inset(0, sizes.gap / 2)
        item = progress.next_item()
        detail = None
        if item is None:
            note = t("home.plan_done")
        else:
            note = t("home.plan_next", game=self.shell.game(item.game).spec.name,
                     hand=t(f"hand.{item.hand}").lower(),
                     set=progress.done.get((item.game, item.hand), 0) + 1, sets=item.rounds)
        ring = ProgressRing(upper, progress.fraction,
                            t("home.plan_count", done=done, total=total), t("home.plan_unit"),
                            segments=total)
        pain_keys = self.shell.pain_messages()     # a bad day: said where the streak goes
        pain_words = " ".join(t(key) for key in pain_keys)
        texts = [(t("home.plan"), "body", True, False),
                 (pain_words or self._streak_text(), "small", True, False),
                 (note, "small", False, True)]
        widgets: list[Widget] = [ring]
        theme = self.app.theme
        if upper.h >= 60:   # tall: title, streak, ring, then the next round
            if min(upper.w, upper.h * 0.5) < RING_WORDS_MM * theme.text_scale:
                texts[0] = self._count_beside(ring, done, total)
            title_h = text_height(theme, texts[0][0], upper.w, sizes.body, bold=True)
            top, rest = upper.take_top(title_h + theme.line_mm(sizes.small))
            rest, bottom = rest.take_bottom(theme.line_mm(sizes.small, 2))
            ring.rect = rest
            first, second = top.take_top(title_h)
            slots = [first, second, bottom]
            align = "center"
        else:               # short screens: the ring on the left, the words beside it
            side = min(upper.h, upper.w * 0.4)
            ring.rect = RectMM(upper.x, upper.y + (upper.h - side) / 2, side, side)
            if side < RING_WORDS_MM * theme.text_scale:
                texts[0] = self._count_beside(ring, done, total)
            words = RectMM(upper.x + side + sizes.gap, upper.y,
                           upper.w - side - sizes.gap, upper.h)
            first, rest = words.take_top(min(text_height(theme, texts[0][0], words.w,
                                                         sizes.body, bold=True), words.h))
            second, third = rest.take_top(min(theme.line_mm(sizes.small), rest.h))
            if second.h < theme.line_mm(sizes.small) - 0.01:   # no room: the streak waits
                texts[1] = ("", "small", True, False)         # (a bad day's words: a toast)
            slots = [first, second, third]
            align = "left"
            said = note.split(": ", 1)[-1]
            start = t("home.plan_start") if done == 0 else t("home.plan_continue")
            room = button.w - 16.0       # the play icon and the button's edges
            if item is not None and text_width(theme, f"{start} · {said}", True,
                                               sizes.label) <= room:
                texts[2] = ("", "small", False, True)   # the next round goes in the button
                detail = said
        if pain_keys and texts[1][0]:   # one line: the words that fit (the toast says all)
            texts[1] = (draw.first_fitting(theme, [pain_words, " ".join(
                t(f"{k}_short") for k in pain_keys), t(f"{pain_keys[-1]}_short")],
                slots[1].w, bold=True, size_mm=sizes.small) or "", "small", True, False)
        for slot, (text, size, bold, muted) in zip(slots, texts, strict=True):
            if text and slot.h >= theme.line_mm(getattr(sizes, size)) - 0.05:  # else no room
                widgets.append(Label(slot, text, size=size, bold=bold, muted=muted,
                                     align=align, valign="top" if slot is slots[2] else
                                     "center"))
        if item is None:
            widgets.append(Button(button, t("home.plan_more"), self._more))
        else:
            label = t("home.plan_start") if done == 0 else t("home.plan_continue")
            widgets.append(Button(button, label, self.start_plan, style="primary",
                                  icon="play", detail=detail))
        return widgets

    @staticmethod
    def _count_beside(ring: ProgressRing, done: int, total: int) -> tuple[str, str, bool, bool]:
        """A ring too small for its words: it goes blank, and the plan's title says the
        count ("Today's plan: 2 of 9 rounds")."""
        ring.caption = ring.detail = ""
        return (t("home.plan_words", done=done, count=total), "body", True, False)

    def _streak_text(self) -> str:
        count = self.shell.streak()
        if count >= 2:
            return t("home.streak", count=count)
        if count == 1:
            today = {s["started_at"][:10] for s in self.shell.today_sessions()}
            return t("home.streak_one") if today else t("home.streak_yesterday")
        return ""

    def start_plan(self) -> None:
        item = self.shell.plan_progress().next_item()
        if item is None:
            return
        self._plan_mode = True
        self._open_start(self.shell.game(item.game), item.hand)

    def _more(self) -> None:
        playable = self.shell.playable()
        if playable:
            self.choose(playable[0])

    # -- games -----------------------------------------------------------------------------
    def _games(self, box: RectMM) -> list[Widget] | None:
        """The games as tiles in `box`, or None if they cannot all be shown there big
        enough to read and hit (then Home offers a Games button instead)."""
        sizes = self.app.theme.sizes
        widgets: list[Widget] = []
        area = box
        if box.h >= 70:
            title, area = box.take_top(sizes.body * 1.5)
            widgets.append(Label(title, t("home.games"), bold=True, align="left"))
        games = self.shell.games
        broken = [g.spec.name for g in games if g.problem]
        if broken:   # plain words here; `deftly doctor` names the file and the key
            area, note = area.take_bottom(sizes.small * 3.2)
            widgets.append(Label(note, t("home.broken", games=", ".join(broken)),
                                 size="small", align="left", muted=True))
        cols = 1 if area.w < 120 else min(len(games), 3)
        rows = -(-len(games) // cols) or 1
        if cols == 1 and rows > 1 and (area.h - 2.0 * (rows - 1)) / rows < sizes.touch_min:
            cols, rows = 2, -(-len(games) // 2)   # side by side rather than too short
        gap = sizes.gap   # closer (never under 2 mm) rather than tiles under touch_min
        if (area.h - gap * (rows - 1)) / rows < sizes.touch_min:
            gap = max(2.0, (area.h - sizes.touch_min * rows) / max(rows - 1, 1))
        cells = [c for r in area.rows(rows, gap) for c in r.columns(cols, sizes.gap)]
        if any(c.w < MIN_TILE_W_MM or c.h < sizes.touch_min for c in cells):
            return None
        names_only = cells[0].w < tile_width(self.app.theme, [g.spec.name for g in games])
        if names_only and not self._names_fit(cells[0], games):
            return None
        for cell, game in zip(cells, games, strict=False):
            widgets.append(self._tile(cell, game, self.choose, names_only=names_only))
        return widgets

    def _names_fit(self, cell: RectMM, games: list[Available]) -> bool:
        """Whether every game's name, wrapped, fits a tile with nothing under it."""
        theme = self.app.theme
        return all(text_height(theme, g.spec.name, cell.w - TILE_EDGES_MM, theme.sizes.label,
                               True) <= cell.h - 4.0 for g in games)

    def open_games(self) -> None:
        self.app.scenes.push(self.games_chooser(), self._game_chosen)

    def games_chooser(self) -> Scene[Any]:
        """Every game as a tile on a screen of its own (for small screens)."""
        return ChooserScene(self.shell, t("home.games"), list(self.shell.games), self._tile)

    def _game_chosen(self, game: Available | None) -> None:
        if game is None:
            self.refresh()
        else:
            self.choose(game)

    def _tile(self, cell: RectMM, game: Available, chosen: Callable[[Available], None], *,
              names_only: bool = False) -> Tile:
        """A game's tile: its name, its level and last stars; `chosen` when pressed (only
        the name on a short tile, or where names take two lines)."""
        if game.levels is None:
            return self._locked_tile(cell, game, t("home.unavailable"))
        if not self.shell.can_play(game):
            return self._locked_tile(cell, game, t("home.needs_touch"), brief=names_only)
        hand = self._hand()
        variant = suited_variant(game.spec, last_variant(self.shell, game.spec.id))
        level = progress_for(self.shell, game, hand, variant).current()
        history = previous_summaries(self.shell, game.spec.id, hand, "training",
                                     variant=variant)
        if names_only or cell.h < SHORT_TILE_MM:   # just the game's name, big and clear
            return Tile(cell, game.spec.name, lambda g=game: chosen(g))
        stars = praise.stars(history[-1]) if history else None
        detail = level.name if history else t("home.new_game")
        return Tile(cell, game.spec.name, lambda g=game: chosen(g), detail=detail,
                    stars=stars)

    def _locked_tile(self, cell: RectMM, game: Available, why: str, *, brief: bool = False
                     ) -> Tile:
        """A game that cannot be played here; a short (or `brief`) tile says why when
        pressed."""
        return Tile(cell, game.spec.name, detail=why, locked=True, brief=brief,
                    why_not=lambda: self.app.show_toast(why))

    def _hand(self) -> str:
        hand = self.shell.profile.affected_hand if self.shell.profile else "right"
        return hand if hand in ("left", "right", "both") else "right"

    # -- navigation ----------------------------------------------------------------------
    def choose(self, game: Available) -> None:
        self._plan_mode = False
        self._open_start(game)

    def _open_start(self, game: Available, hand: str | None = None) -> None:
        """The start screen, after the day's check-in when one is due."""
        if not self._check_in("before", lambda: self._push_start(game, hand)):
            self._push_start(game, hand)

    def _push_start(self, game: Available, hand: str | None) -> None:
        self.app.scenes.push(StartScene(self.shell, game, hand), partial(self._chosen, game))

    def _check_in(self, when: str, then: Callable[[], None] | None = None) -> bool:
        """Ask how the hand feels if it is due (then go on with `then`); False if not."""
        if not self.shell.checkin_due(when):
            return False
        self.shell.offer(when)
        scene = CheckInScene(self.shell, when, self.shell.today().date())
        self.app.scenes.push(scene, lambda _: self._checked_in(then))
        return True

    def _checked_in(self, then: Callable[[], None] | None) -> None:
        self.refresh()
        self._say_pain_once()
        if then is not None:
            then()

    def _chosen(self, game: Available, choice: StartChoice | None) -> None:
        self.refresh()
        if choice is None:
            self._plan_mode = False
        else:
            self.play(game, choice)

    def play(self, game: Available, choice: StartChoice) -> None:
        self._last = (game, choice)
        level = choice.level_id
        if first_time(self.shell, game.spec.id, level, choice.variant):
            self.app.scenes.push(demo_scene(game, level, choice.hand, choice.variant),
                                 lambda _: self._start_round(game, choice))
        else:
            self._start_round(game, choice)

    def _start_round(self, game: Available, choice: StartChoice) -> None:
        self.app.scenes.push(round_scene(self.shell, game, choice.level_id, choice.hand,
                                         mode=choice.mode, variant=choice.variant),
                             self._played)

    def _played(self, result: RoundResult | None) -> None:
        self.refresh()
        if result is not None and result.switch_to is not None:
            game, setup = self.shell.game(result.setup.game), result.setup
            level = result.level.id if setup.mode == "checkup" else \
                progress_for(self.shell, game, setup.hand, result.switch_to).current().id
            self.play(game, StartChoice(level, setup.hand, setup.mode, result.switch_to))
        elif result is not None:
            self._show_results(result)

    def on_result(self, child: Scene[Any], result: Any) -> None:
        self.refresh()   # settings, calendar: what they changed shows here

    def _show_results(self, result: RoundResult) -> None:
        game = self.shell.game(result.setup.game)
        previous = previous_summaries(self.shell, game.spec.id, result.setup.hand,
                                      result.setup.mode, before=result.session_id,
                                      variant=result.setup.variant)
        in_plan = self._plan_mode and self.shell.plan_progress().next_item() is not None
        self.app.scenes.push(ResultsScene(self.shell, result, previous, next_in_plan=in_plan),
                             partial(self._after_results, result))

    def _after_results(self, played: RoundResult, choice: str | None) -> None:
        self.refresh()
        if choice == "next":
            self.start_plan()
        elif choice == "again" and self._last:
            game, last = self._last
            level_id = played.level.id if last.mode == "checkup" else \
                progress_for(self.shell, game, last.hand, last.variant).current().id
            self.play(game, replace(last, level_id=level_id))
        else:
            self._plan_mode = False
            self._check_in("after")     # the day's plan done: how does the hand feel now?

    def settings(self) -> None:
        from deftly.scenes.settings import SettingsScene

        self.app.scenes.push(SettingsScene(self.shell))

    def calendar(self) -> None:
        from deftly.scenes.calendar import CalendarScene

        self.app.scenes.push(CalendarScene(self.shell))

    def switch_player(self) -> None:
        self.finish(None)

    def on_command(self, command: Command) -> None:
        if command is Command.BACK:
            self.switch_player()
