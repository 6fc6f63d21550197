"""Big buttons to choose from, on a screen of their own: the therapist area's sections
(the area shows one at a time: a row of six tabs would take half of a 7-inch panel), the
games in the plan, the game whose levels to change."""

from __future__ import annotations

from collections.abc import Callable, Collection

from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.ui.grid import button_grid
from engine.ui.widgets import Button, Widget

CHOICE_H_MM = 30.0


class ChoicesScene(Screen[str | None]):
    """Finishes with the key of the button pressed (None: Back); with `on_press`, stays
    open and calls it instead (choices turned on and off, shown `chosen`)."""

    def __init__(self, shell, heading: str, choices: dict[str, str],  # noqa: ANN001
                 chosen: Callable[[], Collection[str]],
                 on_press: Callable[[str], None] | None = None) -> None:
        """`choices`: key -> label, in the order shown."""
        super().__init__(shell)
        self._heading = heading
        self.choices = choices
        self.chosen = chosen
        self.on_press = on_press

    def heading(self) -> str:
        return self._heading

    def build(self, content: RectMM) -> list[Widget]:
        labels = list(self.choices.values())
        boxes = button_grid(self.app.theme, content, labels, max_h=CHOICE_H_MM)
        chosen = self.chosen()
        return [Button(box, label, lambda k=key: self.press(k), selected=key in chosen)
                for box, (key, label) in zip(boxes, self.choices.items(), strict=True)]

    def press(self, key: str) -> None:
        if self.on_press is None:
            self.finish(key)
            return
        self.on_press(key)
        self.refresh()
