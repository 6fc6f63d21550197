"""Export: the report (PDF) and the CSV tables, into a new folder on a chosen drive."""

from __future__ import annotations

from pathlib import Path

from deftly.export import export_everything
from deftly.export_folders import export_folders
from deftly.scenes.therapist.area import Tab
from engine.display import RectMM
from engine.i18n import t
from engine.ui.stack import text_height
from engine.ui.widgets import Button, Label, Widget, button_width

MAX_FOLDERS = 4


class ExportTab(Tab):
    key = "export"

    def __init__(self, area) -> None:  # noqa: ANN001
        super().__init__(area)
        self.folders = export_folders(area.shell.store.folder)[:MAX_FOLDERS]
        self.chosen = 0
        self.status = ""
        self._pending = False

    def build(self, content: RectMM) -> list[Widget]:
        theme = self.app.theme
        sizes = theme.sizes
        what = t("export.what")
        note, rest = content.take_top(text_height(theme, what, content.w, sizes.small))
        widgets: list[Widget] = [Label(note, what, size="small", align="left")]
        row_h = max(sizes.touch_min, sizes.button_h * 0.8)
        list_box, action = rest.take_bottom(sizes.button_h + sizes.gap)
        for i, folder in enumerate(self.folders):
            box = RectMM(list_box.x, list_box.y + i * (row_h + sizes.gap / 2), list_box.w,
                         row_h)
            if box.bottom > list_box.bottom:
                break
            widgets.append(Button(box, _folder_name(folder), lambda i=i: self._choose(i),
                                  detail=str(folder), selected=i == self.chosen))
        button_w = min(max(90.0, button_width(theme, t("export.go")) + 2.0), action.w * 0.75)
        button = RectMM(action.x, action.bottom - sizes.button_h, button_w, sizes.button_h)
        status = RectMM(button.right + sizes.gap * 2, button.y,
                        action.w - button_w - sizes.gap * 2, button.h)
        widgets.append(Button(button, t("export.go"), self._start, style="primary",
                              enabled=not self._pending))
        widgets.append(Label(status, t("export.working") if self._pending else self.status,
                             size="small", align="left"))
        return widgets

    def _choose(self, index: int) -> None:
        self.chosen = index
        self.area.refresh()

    def _start(self) -> None:
        """Show "Writing..." first; the work runs on the next frame."""
        self._pending = True
        self.area.refresh()
        self.area.later(self._run)

    def _run(self) -> None:
        area = self.area
        try:
            folder = export_everything(area.shell.store, area.profile,
                                       self.folders[self.chosen], area.shell.today().date())
            self.status = t("export.done", folder=str(folder))
        except OSError as error:
            self.status = t("export.failed", problem=error.strerror or str(error))
        self._pending = False
        area.refresh()


def _folder_name(folder: Path) -> str:
    if folder.name == "exports":
        return t("export.on_tablet")
    if folder.name == "Deftly" and folder.parent.name == "Documents":
        return t("export.documents")
    return t("export.drive", name=folder.name)
