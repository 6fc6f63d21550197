"""Choosing a player, and creating one: name by on-screen keyboard, hands, colour."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.store.errors import StoreError
from engine.store.store import Profile
from engine.ui import draw
from engine.ui.keyboard import Keyboard
from engine.ui.overlay import confirm
from engine.ui.table import pager
from engine.ui.theme import OKABE_ITO, Theme
from engine.ui.widgets import Button, Label, TextField, Widget, button_width

PLAYER_COLORS = ["blue", "orange", "bluish_green", "reddish_purple", "vermillion", "sky_blue"]
MAX_NAME = 24


class PlayerTile(Button):
    """A player's button: a coloured circle with their initial, then their name."""

    def __init__(self, rect: RectMM, profile: Profile, on_press: Callable[[], None]) -> None:
        super().__init__(rect, profile.name, on_press,
                         detail=t(f"hand.{profile.affected_hand}")
                         if profile.affected_hand in ("left", "right", "both") else None)
        self.avatar = OKABE_ITO.get(profile.color or "", OKABE_ITO["blue"])

    def _content(self, surface: pygame.Surface, theme: Theme, inner: RectMM) -> None:
        size = min(inner.h * 0.8, inner.w * 0.3, 16.0)
        cx, cy = inner.x + size / 2, inner.y + inner.h / 2
        draw.circle(surface, theme, cx, cy, size / 2, self.avatar)
        initial = RectMM(cx - size / 2, cy - size / 2, size, size)
        draw.text_in(surface, theme, self.label[:1].upper(), initial, size * 0.6,
                     (255, 255, 255), bold=True)
        rest = RectMM(inner.x + size + 3.0, inner.y, inner.w - size - 3.0, inner.h)
        super()._content(surface, theme, rest)


class ProfilesScene(Screen[Profile]):
    """Finishes with the chosen player."""

    title = ""
    show_back = False

    def __init__(self, shell, on_chosen: Callable[[Profile], None]) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.on_chosen = on_chosen
        self.page = 0

    def heading(self) -> str:
        return t("profiles.title")

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        players = self.shell.store.profiles()
        cols = max(2, min(4, int((content.w + sizes.gap) // 62)))
        rows = max(1, int((content.h + sizes.gap) // (sizes.button_h * 1.6 + sizes.gap)))
        per_page = cols * rows - 1
        pages = max(1, -(-len(players) // per_page)) if players else 1
        self.page = min(self.page, pages - 1)
        shown = players[self.page * per_page:(self.page + 1) * per_page]
        grid = content
        widgets: list[Widget] = []
        if pages > 1:
            grid, nav = content.take_bottom(sizes.button_h + sizes.gap)
            _, nav = nav.take_top(sizes.gap)       # a gap, so no two buttons touch
            widgets += pager(nav, self.page, pages, self.turn, sizes.gap)
        cells = [c for row in grid.rows(rows, sizes.gap) for c in row.columns(cols, sizes.gap)]
        for cell, profile in zip(cells, shown, strict=False):
            widgets.append(PlayerTile(cell, profile, lambda p=profile: self.on_chosen(p)))
        last_cell = cells[len(shown)] if len(shown) < len(cells) else cells[-1]
        widgets.append(self.last_tile(last_cell))
        return widgets

    def last_tile(self, cell: RectMM) -> Widget:
        """The tile after the players: add a new player."""
        return Button(cell, t("profiles.new"), self.new_player, icon="plus",
                      detail=t("profiles.new_detail"), style="primary")

    def corner_buttons(self) -> list[Widget]:
        """A quiet door to the therapist area (it asks for the PIN) and a way to close
        Deftly without a keyboard (it asks first), top right."""
        sizes = self.app.theme.sizes
        theme = self.app.theme
        board = self.app.board
        w = min(max(48.0, button_width(theme, t("therapist.door"))), board.w * 0.3)
        close_w = min(max(38.0, button_width(theme, t("app.close"), icon=True)), board.w * 0.25)
        title = draw.text_width(theme, self.heading(), True, sizes.label) + sizes.margin * 2
        if board.w - w - close_w - sizes.gap * 3 < title:   # the title first: Close is an X
            close_w = sizes.touch_min + 4.0
        door = RectMM(board.right - sizes.margin * 0.75 - w, board.y + sizes.margin * 0.5, w,
                      self.header_height())
        close = RectMM(door.x - sizes.gap - close_w, door.y, close_w, door.h)
        return [Button(close, t("app.close"), self.close, icon="close", style="quiet"),
                Button(door, t("therapist.door"), self.therapist, icon="lock", style="quiet")]

    def close(self) -> None:
        confirm(self.app, t("app.close_title"), t("app.close_note"), t("app.close_yes"),
                t("app.close_no"), self.app.quit)

    def therapist(self) -> None:
        from deftly.scenes.pin import PinScene

        self.app.scenes.push(PinScene(self.shell), self._unlocked)

    def turn(self, step: int) -> None:
        self.page += step
        self.refresh()

    def new_player(self) -> None:
        self.app.scenes.push(NewProfileScene(self.shell), self._created)

    def _created(self, profile: Profile | None) -> None:
        self.refresh()
        if profile is not None:
            self.on_chosen(profile)

    def _unlocked(self, unlocked: object) -> None:
        self.refresh()
        if unlocked is True:
            from deftly.scenes.therapist.players import TherapistPlayers

            self.app.scenes.push(TherapistPlayers(self.shell), lambda _: self.refresh())

    def on_command(self, command: Command) -> None:
        if command is Command.BACK:
            self.close()


class NewProfileScene(Screen[Profile]):
    """Name, then the hand to practise, the writing hand and a colour. Back goes one step."""

    STEPS = ("name", "hand", "dominant", "color")

    def __init__(self, shell) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.step = 0
        self.name = ""
        self.problem = ""
        self.affected = "right"
        self.dominant = "right"

    def heading(self) -> str:
        return t({"name": "profiles.name_title", "hand": "profiles.hand_title",
                  "dominant": "profiles.dominant_title",
                  "color": "profiles.color_title"}[self.STEPS[self.step]])

    def build(self, content: RectMM) -> list[Widget]:
        return getattr(self, f"_build_{self.STEPS[self.step]}")(content)

    KEY_MM = 12.0
    """The smallest key a shaky finger can hit; a short screen gives up the title line for
    it (the question is asked in the empty field instead)."""

    def layout(self) -> None:
        sizes = self.app.theme.sizes
        board = self.app.board.inset(sizes.margin * 0.75, sizes.margin * 0.5)
        keys_h = board.h - self.header_height() - sizes.gap - sizes.button_h - sizes.gap
        if self.STEPS[self.step] != "name" or (keys_h - 3 * 2.0) / 4 >= self.KEY_MM:
            super().layout()
            return
        row, keys = board.take_top(sizes.button_h + sizes.gap)
        back_w = min(38.0, row.w * 0.22)
        next_w = min(row.w * 0.26, 60.0)
        back = RectMM(row.x, row.y, back_w, sizes.button_h)
        field = RectMM(back.right + sizes.gap, row.y, row.w - back_w - next_w - 2 * sizes.gap,
                       sizes.button_h)
        self.widgets = [Button(back, t("button.back"), self.go_back, icon="back",
                               style="quiet"),
                        *self._name_row(field, RectMM(field.right + sizes.gap, row.y, next_w,
                                                      sizes.button_h), t("profiles.name_title")),
                        self._keyboard(keys)]

    def _name_row(self, field: RectMM, next_box: RectMM, hint: str) -> list[Widget]:
        return [TextField(field, self.name, hint, self.problem),
                Button(next_box, t("button.next"), self.name_done, style="primary",
                       icon="check")]

    def _keyboard(self, keys: RectMM) -> Keyboard:
        return Keyboard(keys, self.key, space_label=t("keyboard.space"),
                        erase_label=t("keyboard.erase"))

    def _build_name(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        field_h = sizes.button_h
        top, keys = content.take_top(field_h + sizes.gap)
        field, next_box = RectMM(top.x, top.y, top.w * 0.68, field_h), \
            RectMM(top.x + top.w * 0.7, top.y, top.w * 0.3, field_h)
        return [*self._name_row(field, next_box, t("profiles.name_hint")),
                self._keyboard(keys)]

    def key(self, char: str) -> None:
        if char == "\b":
            self.name = self.name[:-1]
        elif len(self.name) < MAX_NAME and (char != " " or (self.name and self.name[-1] != " ")):
            first = not self.name or self.name[-1] in " -'"
            self.name += char.upper() if first else char.lower()
        self.problem = ""
        self.refresh()

    def on_text(self, text: str) -> None:
        if self.STEPS[self.step] == "name":
            for char in text:
                if char.isalpha() or char in " -'":
                    self.key(char.upper())

    def on_command(self, command: Command) -> None:
        if command is Command.ERASE and self.STEPS[self.step] == "name":
            self.key("\b")
        elif command is Command.CONFIRM and self.STEPS[self.step] == "name":
            self.name_done()
        else:
            super().on_command(command)

    def name_done(self) -> None:
        name = self.name.strip()
        if not name:
            self.problem = t("profiles.name_empty")
        elif self.shell.store.find_profile(name):
            self.problem = t("profiles.name_taken", name=name)
        else:
            self.step = 1
        self.refresh()

    def _choices(self, content: RectMM, options: list[tuple[str, str]],
                 chosen: Callable[[str], None], hint: str = "") -> list[Widget]:
        sizes = self.app.theme.sizes
        widgets: list[Widget] = []
        if hint:
            note, content = content.take_top(sizes.body * 2.4)
            widgets.append(Label(note, hint, muted=True, align="left"))
        row = content.centered(content.w, min(content.h, 42.0))
        for box, (key, label) in zip(row.columns(len(options), sizes.gap), options,
                                     strict=True):
            widgets.append(Button(box, label, lambda k=key: chosen(k), icon=None))
        return widgets

    def _build_hand(self, content: RectMM) -> list[Widget]:
        return self._choices(content, [(h, t(f"hand.{h}")) for h in ("left", "right", "both")],
                             self._hand, t("profiles.hand_hint"))

    def _hand(self, hand: str) -> None:
        self.affected = hand
        self.step = 2
        self.refresh()

    def _build_dominant(self, content: RectMM) -> list[Widget]:
        return self._choices(content, [(h, t(f"hand.{h}")) for h in ("left", "right")],
                             self._dominant)

    def _dominant(self, hand: str) -> None:
        self.dominant = hand
        self.step = 3
        self.refresh()

    def _build_color(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        row = content.centered(content.w, min(content.h, 36.0))
        widgets: list[Widget] = []
        for box, color in zip(row.columns(len(PLAYER_COLORS), sizes.gap), PLAYER_COLORS,
                              strict=True):
            widgets.append(Button(box, self.name[:1].upper(), lambda c=color: self._create(c),
                                  color=OKABE_ITO[color]))
        return widgets

    def _create(self, color: str) -> None:
        try:
            profile = self.shell.store.add_profile(self.name, self.affected, self.dominant,
                                                   color=color)
        except StoreError as error:
            self.problem = str(error)
            self.step = 0
            self.refresh()
            return
        self.finish(profile)

    def go_back(self) -> None:
        if self.step == 0:
            self.finish(None)
        else:
            self.step -= 1
            self.refresh()
