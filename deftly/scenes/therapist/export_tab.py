"""Export: the report (PDF) and the CSV tables, or the weekly progress card (PNG and PDF),
into a new folder on a chosen drive."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from deftly.export import export_card, export_everything
from deftly.export_folders import export_folders
from deftly.report import ReportError
from deftly.scenes.therapist.area import Tab
from engine.display import RectMM
from engine.i18n import t
from engine.store.store import Profile, Store
from engine.ui.stack import text_height
from engine.ui.theme import Theme
from engine.ui.widgets import Button, Label, Widget, button_width

MAX_FOLDERS = 4


class ExportTab(Tab):
    key = "export"

    def __init__(self, area) -> None:  # noqa: ANN001
        super().__init__(area)
        self.folders = export_folders(area.shell.store.folder)[:MAX_FOLDERS]
        self.chosen = 0
        self.status = ""
        self._pending = ""          # while writing: the text key saying what is written

    def build(self, content: RectMM) -> list[Widget]:
        """The note (or, once written, where to), the folders, and the two buttons side by
        side (with shorter words, or one above the other, where they do not fit)."""
        theme = self.app.theme
        sizes = theme.sizes
        actions = self._actions(content.w)
        widths = [_width(theme, label) for label, _, _ in actions]
        band_h = _buttons(content, widths, sizes.button_h, sizes.gap)[-1].bottom - content.y
        row_h = max(sizes.touch_min, sizes.button_h * 0.8)
        room = content.h - band_h - row_h - 2 * sizes.gap

        def height(text: str) -> float:
            return text_height(theme, text, content.w, sizes.small)

        notes = [f"{t('export.what')} {t('export.card_what')}", t("export.what")]
        note = next((n for n in notes if height(n) <= room), "")
        top, rest = content.take_top(min(max(height(note), theme.line_mm(sizes.small, 2)),
                                         max(room, 0.0)))
        said = t(self._pending) if self._pending else self.status or note
        widgets: list[Widget] = [Label(top, said, size="small", align="left")]
        list_box, band = rest.take_bottom(band_h + sizes.gap)
        widgets += self._folder_buttons(RectMM(list_box.x, list_box.y + sizes.gap / 2,
                                               list_box.w, list_box.h), row_h)
        boxes = _buttons(RectMM(band.x, band.bottom - band_h, band.w, band_h), widths,
                         sizes.button_h, sizes.gap)
        widgets += [Button(box, label, start, style=style, enabled=not self._pending)
                    for box, (label, start, style) in zip(boxes, actions, strict=True)]
        return widgets

    def _actions(self, width: float) -> list[tuple[str, Callable[[], None], str]]:
        """The buttons' words, style and action: the full words if both fit in a row."""
        theme = self.app.theme
        for report in (t("export.go"), t("export.go_short")):
            words = [report, t("export.card")]
            if sum(_width(theme, w) for w in words) + theme.sizes.gap <= width:
                break
        return [(words[0], self._start_everything, "primary"),
                (words[1], self._start_card, "secondary")]

    def _folder_buttons(self, box: RectMM, row_h: float) -> list[Widget]:
        """A button per folder that fits in `box`, the chosen one marked."""
        gap = self.app.theme.sizes.gap / 2
        buttons: list[Widget] = []
        for i, folder in enumerate(self.folders):
            row = RectMM(box.x, box.y + i * (row_h + gap), box.w, row_h)
            if row.bottom > box.bottom:
                break
            buttons.append(Button(row, _folder_name(folder), lambda i=i: self._choose(i),
                                  detail=str(folder), selected=i == self.chosen))
        return buttons

    def _choose(self, index: int) -> None:
        self.chosen = index
        self.area.refresh()

    def _start_everything(self) -> None:
        self._start(export_everything, "export.working", "export.done")

    def _start_card(self) -> None:
        self._start(export_card, "export.card_working", "export.card_done")

    def _start(self, write: Callable[[Store, Profile, Path, date], Path], working: str,
               done: str) -> None:
        """Show "Writing..." first; `write` runs on the next frame."""
        self._pending = working
        self.area.refresh()
        self.area.later(lambda: self._run(write, done))

    def _run(self, write: Callable[[Store, Profile, Path, date], Path], done: str) -> None:
        area = self.area
        try:
            folder = write(area.shell.store, area.profile, self.folders[self.chosen],
                           area.shell.today().date())
            self.status = t(done, folder=str(folder))
        except (OSError, ReportError) as error:
            self.status = t("export.failed",
                            problem=getattr(error, "strerror", None) or str(error))
        self._pending = ""
        area.refresh()


def _width(theme: Theme, label: str) -> float:
    return max(60.0, button_width(theme, label) + 2.0)


def _buttons(rect: RectMM, widths: list[float], h: float, gap: float) -> list[RectMM]:
    """Boxes from the top of `rect`: side by side, each widened in proportion, if they fit
    in a row; else one above the other, the whole width."""
    spare = rect.w - gap * (len(widths) - 1)
    if sum(widths) > spare:
        return [RectMM(rect.x, rect.y + i * (h + gap), rect.w, h) for i in range(len(widths))]
    boxes, x = [], rect.x
    for w in widths:
        boxes.append(RectMM(x, rect.y, w * spare / sum(widths), h))
        x = boxes[-1].right + gap
    return boxes


def _folder_name(folder: Path) -> str:
    if folder.name == "exports":
        return t("export.on_tablet")
    if folder.name == "Deftly" and folder.parent.name == "Documents":
        return t("export.documents")
    return t("export.drive", name=folder.name)
