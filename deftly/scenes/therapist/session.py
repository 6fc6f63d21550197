"""One round for the therapist: its numbers, every trial, and a button to watch it."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from deftly.results_format import result_lines
from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.spec import GameSpec, Metric, Shows
from engine.store.recording import RecordingError, read_recording
from engine.ui.table import Column, Table, pager
from engine.ui.widgets import Button, Label, Widget, button_width
from games.registry import spec as game_spec

MAX_COLUMNS = 6
UNITS = {"ms": "ms", "mm": "mm", "share": "%", "per_s": "/s", "percent": "%"}


def column_title(key: str) -> str:
    """"reaction_ms" -> "reaction (ms)"."""
    for suffix, unit in UNITS.items():
        if key.endswith(f"_{suffix}"):
            return f"{key[:-len(suffix) - 1].replace('_', ' ')} ({unit})"
    return key.replace("_", " ")


def cell(value: Any) -> str:
    """A trial's number (already scaled: shares as percentages) or yes/no."""
    if isinstance(value, bool) or value is None:
        return "–" if value is None else t("session.yes" if value else "session.no")
    if isinstance(value, (int, float)) and math.isfinite(value):
        return f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}"
    return str(value) if not isinstance(value, float) else "–"


def outcome(trial: dict[str, Any]) -> str:
    """"several_fingers" -> "several fingers"; yes/no where a game names no outcome; after
    what the trial asked for when it says (`label`: "ring: not alone")."""
    text = trial.get("outcome")
    said = str(text).replace("_", " ") if text else cell(trial.get("success"))
    label = trial.get("label")
    return f"{label}: {said}" if isinstance(label, str) and label else said


@dataclass(frozen=True)
class TrialColumn:
    """A column of the trial table: the adapted value, or a metric of the game's spec."""

    title: str
    text: Callable[[dict[str, Any]], str]


def trial_columns(spec: GameSpec, trials: list[dict[str, Any]], adapted: str | None = None
                  ) -> list[TrialColumn]:
    """The trial numbers worth showing for these trials (those present), at most a few: the
    value the level adapts, then the game's trial metrics."""
    columns = []
    if any(isinstance(tr.get("level_value"), (int, float)) for tr in trials):
        columns.append(TrialColumn(column_title(adapted or "level_value"),
                                   lambda tr: _number(tr.get("level_value"), False)))
    for metric in spec.shown(Shows.TRIALS):
        if any(isinstance(tr.get(metric.key), (int, float)) for tr in trials):
            columns.append(TrialColumn(_metric_title(metric), partial(_metric_cell, metric)))
    return columns[:MAX_COLUMNS]


def _metric_title(metric: Metric) -> str:
    name = metric.column or metric.key
    for suffix in UNITS:
        name = name.removesuffix(f"_{suffix}")
    name = name.replace("_", " ")
    return f"{name} ({metric.unit})" if metric.unit else name


def _metric_cell(metric: Metric, trial: dict[str, Any]) -> str:
    raw = trial.get(metric.key)
    if isinstance(raw, bool) or raw is None:
        return cell(raw)
    value = metric.value(trial)
    return "–" if value is None else _number(value, metric.scale != 1.0 or metric.unit == "ms")


def _number(value: Any, whole: bool) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and whole \
            and math.isfinite(value):
        return f"{value:.0f}"
    return cell(value)


def headline_value(session: dict[str, Any]) -> str:
    """The round's success as a percentage (every game reports it)."""
    rate = (session.get("summary") or {}).get("success_rate")
    return f"{rate * 100:.0f} %" if isinstance(rate, (int, float)) and math.isfinite(rate) \
        else "–"


class SessionScene(Screen[None]):
    def __init__(self, shell, session: dict[str, Any]) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.session = session
        self.spec = game_spec(str(session.get("game")))
        self.trials = shell.store.trials(str(session["id"]), session)
        self.page = 0

    def heading(self) -> str:
        return self.headings()[0]

    def headings(self) -> list[str]:
        level = self.session.get("level_name") or self.session.get("level")
        day = str(self.session.get("started_at"))[:10]
        return [f"{self.spec.name} · {level} · {day}", f"{self.spec.short_name} · {level}",
                str(level)]

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        facts, rest = content.take_top(self.app.theme.line_mm(sizes.small, 2) + 1.0)
        lines = result_lines(self.spec, self.session.get("summary") or {})
        text = " · ".join([t(f"hand.{self.session.get('hand')}")] +
                          [f"{label}: {value}" for label, value in lines])
        widgets: list[Widget] = [Label(facts, text, size="small", align="left")]
        nav_h = max(sizes.touch_min, sizes.button_h * 0.7)
        table_box, nav = rest.take_bottom(nav_h)
        level = self.spec.levels.get(str(self.session.get("level")))
        adapted = level.adapt.param if level and level.adapt else None
        shown_columns = trial_columns(self.spec, self.trials, adapted)
        columns = [Column("#", 0.4), Column(t("session.outcome"), 1.0)] + [
            Column(c.title, 1.0, "right") for c in shown_columns]
        rows = [[str(int(tr.get("index", i)) + 1), outcome(tr)] +
                [c.text(tr) for c in shown_columns] for i, tr in enumerate(self.trials)]
        pages = 1
        if rows:
            table = Table(table_box.take_top(table_box.h - sizes.gap / 2)[0], columns, rows)
            self.page, pages = table.show_page(self.app.theme, self.page)
            widgets.append(table)
        else:
            widgets.append(Label(table_box, t("session.no_trials"), muted=True))
        watch_w = min(max(70.0, button_width(self.app.theme, t("session.watch"), icon=True)),
                      nav.w * 0.5)
        watch = RectMM(nav.right - watch_w, nav.y, watch_w, nav.h)
        widgets.append(Button(watch, t("session.watch"), self.watch, icon="play",
                              style="primary", enabled=self._recording() is not None))
        if pages > 1:
            widgets += pager(RectMM(nav.x, nav.y, min(100.0, nav.w - watch_w - sizes.gap),
                                    nav.h), self.page, pages, self.turn, sizes.gap)
        return widgets

    def _recording(self) -> Path | None:
        path = self.shell.store.recording_path(self.session)
        return path if path is not None and path.exists() else None

    def turn(self, step: int) -> None:
        self.page += step
        self.refresh()

    def watch(self) -> None:
        from deftly.scenes.replay import replay_scene

        path = self._recording()
        try:
            recording = read_recording(path)
            scene = replay_scene(self.spec, recording)
        except (RecordingError, KeyError, ValueError, TypeError) as error:
            self.app.show_toast(t("session.cannot_replay", problem=str(error)[:120]),
                                tone="warning")
            return
        self.app.scenes.push(scene)
