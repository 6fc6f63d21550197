"""The therapist area's sections, one big button each: the area shows one section at a
time and is switched from here (a row of six tabs would take half of a 7-inch panel)."""

from __future__ import annotations

from functools import partial

from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.ui.grid import button_grid
from engine.ui.widgets import Button, Widget

SECTION_H_MM = 30.0


class SectionsScene(Screen[str | None]):
    """Finishes with the key of the section chosen (None: Back)."""

    def __init__(self, shell, heading: str, sections: dict[str, str],  # noqa: ANN001
                 current: str) -> None:
        """`sections`: key -> label, in the order shown."""
        super().__init__(shell)
        self._heading = heading
        self.sections = sections
        self.current = current

    def heading(self) -> str:
        return self._heading

    def build(self, content: RectMM) -> list[Widget]:
        labels = list(self.sections.values())
        boxes = button_grid(self.app.theme, content, labels, max_h=SECTION_H_MM)
        return [Button(box, label, partial(self.finish, key), selected=key == self.current)
                for box, (key, label) in zip(boxes, self.sections.items(), strict=True)]
