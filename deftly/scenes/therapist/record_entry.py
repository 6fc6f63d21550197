"""Typing one of a player's report details in the therapist area: the record number, or
the clinician's name. Entered once, kept with the profile, printed on every report page."""

from __future__ import annotations

from dataclasses import replace

from deftly.scenes.base import Screen
from deftly.scenes.profiles import NewProfileScene
from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.store.errors import StoreError
from engine.ui.keyboard import Keyboard
from engine.ui.widgets import Button, TextField, Widget

MAX_DETAIL = 32
KEY_ROWS = 4            # digits, then three rows of letters (Space and Erase in the last)
FIELDS = ("record_number", "clinician")


class RecordEntryScene(Screen[None]):
    """`field` is "record_number" (letters and digits as typed) or "clinician" (a name:
    each word starts with a capital). OK keeps it; an empty field clears it."""

    def __init__(self, area, field: str) -> None:  # noqa: ANN001
        super().__init__(area.shell)
        if field not in FIELDS:
            raise ValueError(f"not a report detail: {field!r}")
        self.area = area
        self.field = field
        self.text = str(getattr(area.profile, field))
        self.problem = ""

    def heading(self) -> str:
        return t(f"record.{self.field}_title", name=self.area.profile.name)

    def headings(self) -> list[str]:
        return [self.heading(), t(f"record.{self.field}")]

    def layout(self) -> None:
        """The heading, the field and OK, then the keys; where the keys would be smaller
        than a shaky finger can hit, the field and OK take the heading's place (the
        field's hint asks the question)."""
        sizes = self.app.theme.sizes
        board = self.app.board.inset(sizes.margin * 0.75, sizes.margin * 0.5)
        keys_h = board.h - self.header_height() - 2 * sizes.gap - sizes.button_h
        if (keys_h - KEY_ROWS * 2.0) / KEY_ROWS >= NewProfileScene.KEY_MM:
            super().layout()
            return
        row, keys = board.take_top(sizes.button_h + sizes.gap)
        back = RectMM(row.x, row.y, min(38.0, row.w * 0.22), sizes.button_h)
        self.widgets = [Button(back, t("button.back"), self.go_back, icon="back",
                               style="quiet"),
                        *self._entry(RectMM(back.right + sizes.gap, row.y,
                                            row.right - back.right - sizes.gap, row.h),
                                     keys, t(f"record.{self.field}"))]

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        top, keys = content.take_top(sizes.button_h + sizes.gap)
        return self._entry(top, keys, t(f"record.{self.field}_hint"))

    def _entry(self, top: RectMM, keys: RectMM, hint: str) -> list[Widget]:
        """The field and OK side by side in `top`, the keyboard in `keys`."""
        sizes = self.app.theme.sizes
        ok_w = min(top.w * 0.26, 60.0)
        field = RectMM(top.x, top.y, top.w - ok_w - sizes.gap, sizes.button_h)
        ok = RectMM(field.right + sizes.gap, top.y, ok_w, sizes.button_h)
        return [TextField(field, self.text, hint, self.problem),
                Button(ok, t("button.ok"), self.done, style="primary", icon="check"),
                Keyboard(keys, self.key, space_label=t("keyboard.space"),
                         erase_label=t("keyboard.erase"), digits=True)]

    def key(self, char: str, typed: bool = False) -> None:
        """A key of the screen's keyboard (capitals: a name's other letters are made small)
        or, `typed`, a character from a keyboard, kept as typed ("McLee", "PhD")."""
        self.problem = ""
        if char == "\b":
            self.text = self.text[:-1]
        elif len(self.text) < MAX_DETAIL and (char != " " or self.text[-1:] not in ("", " ")):
            name = self.field == "clinician" and not typed
            first = not self.text or self.text[-1] in " -'."
            self.text += char.lower() if name and not first else char
        self.refresh()

    def on_text(self, text: str) -> None:
        for char in text:
            if char.isalnum() or char in " -'.":
                self.key(char, typed=True)

    def on_command(self, command: Command) -> None:
        if command is Command.ERASE:
            self.key("\b")
        elif command is Command.CONFIRM:
            self.done()
        else:
            super().on_command(command)

    def done(self) -> None:
        """Kept with the profile (and so in the area's copy of it); if the folder cannot
        save, the field says so in one line and keeps what was typed."""
        try:
            self.area.save_profile(replace(self.area.profile,
                                           **{self.field: self.text.strip()}))
        except StoreError as error:
            self.problem = str(error).splitlines()[0] if str(error) else t("record.not_saved")
            self.refresh()
            return
        self.finish(None)
