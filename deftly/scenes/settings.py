"""Settings, per player: sound, text size, contrast, calm motion, time limits, screen size."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from deftly.context import Preferences
from deftly.scenes.base import Screen
from deftly.scenes.calibration import CalibrationScene
from engine.display import DisplayProfile, RectMM
from engine.i18n import t
from engine.scene import Scene
from engine.ui.widgets import Button, Label, Widget

TEXT_SCALES = (0.85, 1.0, 1.2, 1.4, 1.7)
VOLUMES = (0.2, 0.4, 0.7, 1.0)


def _step(options: tuple[float, ...], value: float, direction: int) -> float:
    index = min(range(len(options)), key=lambda i: abs(options[i] - value))
    return options[min(max(index + direction, 0), len(options) - 1)]


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    options: list[tuple[str, bool, Callable[[], None]]]


class SettingsScene(Screen[None]):
    def __init__(self, shell) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.page = 0
        self._per_page = 1

    def heading(self) -> str:
        return t("settings.title")

    def rows(self) -> list[Row | Button]:
        prefs = self.shell.prefs
        return [
            self._toggle(t("settings.sound"), prefs.sound, "sound"),
            Row(t("settings.volume"), t("settings.volume_value", percent=round(prefs.volume * 100)),
                [("−", False, lambda: self._volume(-1)), ("+", False, lambda: self._volume(1))]),
            Row(t("settings.text"), t("settings.text_value",
                                      percent=round(prefs.text_scale * 100)),
                [("−", False, lambda: self._text(-1)), ("+", False, lambda: self._text(1))]),
            self._toggle(t("settings.contrast"), prefs.high_contrast, "high_contrast"),
            self._toggle(t("settings.motion"), prefs.reduced_motion, "reduced_motion"),
            self._toggle(t("settings.self_paced"), prefs.self_paced, "self_paced"),
            Row(t("settings.plan"), t("settings.plan_minutes", minutes=prefs.plan_minutes),
                [("−", False, lambda: self._plan(-2)), ("+", False, lambda: self._plan(2))]),
            Button(RectMM(0, 0, 1, 1), t("settings.calibrate"), self.calibrate,
                   detail=t("settings.calibrate_detail")),
        ]

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        items = self.rows()
        row_h = max(sizes.touch_min + 1.5, sizes.button_h * 0.85)
        gap = sizes.gap * 0.75
        cols = 2 if content.w >= 200 else 1
        per_col = max(1, int((content.h + gap) // (row_h + gap)))
        per_page = per_col * cols
        widgets: list[Widget] = []
        if len(items) > per_page:
            per_col = max(1, int((content.h - row_h) // (row_h + gap)))
            per_page = per_col * cols
            pages = -(-len(items) // per_page)
            self.page = min(self.page, pages - 1)
            content, nav = content.take_bottom(row_h)
            label, button = nav.columns(2, sizes.gap)
            widgets.append(Label(label, t("settings.page", page=self.page + 1, pages=pages),
                                 muted=True, align="left"))
            last = self.page == pages - 1
            widgets.append(Button(button, t("settings.first") if last else t("settings.more"),
                                  self._turn))
        self._per_page = per_page
        shown = items[self.page * per_page:(self.page + 1) * per_page]
        columns = content.columns(cols, sizes.gap * 3)
        for i, item in enumerate(shown):
            col = columns[i // per_col]
            box = RectMM(col.x, col.y + (i % per_col) * (row_h + gap), col.w, row_h)
            widgets += self._place(item, box)
        return widgets

    def _place(self, item: Row | Button, box: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        if isinstance(item, Button):
            item.rect = box
            return [item]
        name = RectMM(box.x, box.y, box.w * 0.5, box.h)
        buttons = RectMM(box.x + box.w * 0.52, box.y, box.w * 0.48, box.h)
        out: list[Widget] = [Label(RectMM(name.x, name.y, name.w, name.h * 0.55), item.label,
                                   align="left", bold=True, valign="bottom"),
                             Label(RectMM(name.x, name.y + name.h * 0.55, name.w,
                                          name.h * 0.45), item.value, size="small",
                                   align="left", muted=True, valign="top")]
        for cell, (text, chosen, action) in zip(buttons.columns(len(item.options), sizes.gap),
                                                item.options, strict=True):
            out.append(Button(cell, text, action, selected=chosen))
        return out

    def _toggle(self, label: str, value: bool, field: str) -> Row:
        return Row(label, t("settings.on") if value else t("settings.off"),
                   [(t("settings.on"), value, lambda: self._set(**{field: True})),
                    (t("settings.off"), not value, lambda: self._set(**{field: False}))])

    def _turn(self) -> None:
        pages = -(-len(self.rows()) // max(1, self._per_page))
        self.page = (self.page + 1) % max(1, pages)
        self.refresh()

    def _set(self, **changes: Any) -> None:
        self.shell.save_prefs(replace(self.shell.prefs, **changes))
        self.shell.apply(self.app)
        if changes.get("sound") or "volume" in changes:
            self.app.audio.play("tap")
        self.refresh()

    def _volume(self, direction: int) -> None:
        self._set(volume=_step(VOLUMES, self.shell.prefs.volume, direction))

    def _text(self, direction: int) -> None:
        self._set(text_scale=_step(TEXT_SCALES, self.shell.prefs.text_scale, direction))

    def _plan(self, delta: int) -> None:
        minutes = min(max(self.shell.prefs.plan_minutes + delta, 4), 20)
        self._set(plan_minutes=minutes)

    def calibrate(self) -> None:
        self.app.scenes.push(CalibrationScene())

    def on_result(self, child: Scene[Any], result: Any) -> None:
        if isinstance(result, DisplayProfile):
            self.shell.store.put_setting(f"calibration:{self.shell.device}", result.to_dict())
            self.app.set_theme(self.app.theme.with_profile(result))
            self.app.show_toast(t("calibration.saved"))
        self.refresh()


__all__ = ["Preferences", "SettingsScene"]
