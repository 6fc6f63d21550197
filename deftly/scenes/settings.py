"""Settings, per player: sound, text size, contrast, calm motion, time limits, screen size."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from deftly.context import Preferences
from deftly.scenes.base import Screen
from deftly.scenes.calibration import CalibrationScene, keep_calibration
from deftly.scenes.rows import Row, RowPages, toggle
from engine.display import DisplayProfile, RectMM
from engine.i18n import t
from engine.ui.widgets import Button, Widget

TEXT_SCALES = (0.85, 1.0, 1.2, 1.4, 1.7)
VOLUMES = (0.2, 0.4, 0.7, 1.0)
TAP_GAPS = (0.0, 150.0, 300.0, 500.0, 800.0, 1200.0)


def _step(options: tuple[float, ...], value: float, direction: int) -> float:
    index = min(range(len(options)), key=lambda i: abs(options[i] - value))
    return options[min(max(index + direction, 0), len(options) - 1)]


class SettingsScene(Screen[None]):
    def __init__(self, shell) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.pages = RowPages()

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
            self._speech_row(prefs.speech),
            Row(t("settings.tap_gap"), t("settings.tap_gap_value", s=prefs.tap_gap_ms / 1000)
                if prefs.tap_gap_ms else t("settings.off"),
                [("−", False, lambda: self._gap(-1)), ("+", False, lambda: self._gap(1))]),
            Button(RectMM(0, 0, 1, 1), t("settings.calibrate"), self.calibrate,
                   detail=t("settings.calibrate_detail")),
        ]

    def build(self, content: RectMM) -> list[Widget]:
        return self.pages.layout(content, self.rows(), self.app.theme.sizes, self._turn,
                                 text_scale=self.app.theme.text_scale)

    def _toggle(self, label: str, value: bool, field: str) -> Row:
        return toggle(label, value, lambda on: self._set(**{field: on}))

    def _speech_row(self, on: bool) -> Row:
        row = toggle(t("settings.speech"), on, self._speech)
        if not self.app.speech.available:
            row = replace(row, value=t("settings.speech_none"))
        return row

    def _speech(self, on: bool) -> None:
        self._set(speech=on)
        if on and not self.app.speech.available:
            self.app.show_toast(t("settings.speech_none"))
        elif on:
            self.app.speech.say(t("settings.speech_sample"))

    def _turn(self) -> None:
        self.pages.turn()
        self.refresh()

    def _set(self, **changes: Any) -> None:
        self.shell.save_prefs(replace(self.shell.prefs, **changes))
        self.shell.apply(self.app)
        if changes.get("sound") or "volume" in changes:
            self.app.audio.play("click")
        self.refresh()

    def _volume(self, direction: int) -> None:
        self._set(volume=_step(VOLUMES, self.shell.prefs.volume, direction))

    def _text(self, direction: int) -> None:
        self._set(text_scale=_step(TEXT_SCALES, self.shell.prefs.text_scale, direction))

    def _gap(self, direction: int) -> None:
        self._set(tap_gap_ms=_step(TAP_GAPS, self.shell.prefs.tap_gap_ms, direction))

    def calibrate(self) -> None:
        self.app.scenes.push(CalibrationScene(), self._calibrated)

    def _calibrated(self, profile: DisplayProfile | None) -> None:
        keep_calibration(self.shell, self.app, profile)
        self.refresh()


__all__ = ["Preferences", "SettingsScene"]
