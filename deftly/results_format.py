"""Which numbers a results screen shows, in plain words: the game's spec says."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.i18n import t
from engine.spec import GameSpec, Shows


def round_kind(summary: Mapping[str, Any]) -> str:
    """The kind of round a summary is from (a game's layout or kind)."""
    return str(summary.get("layout") or summary.get("kind") or "")


def result_lines(spec: GameSpec, summary: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs for the results screen, skipping numbers that are missing."""
    lines = []
    for metric in spec.shown(Shows.RESULTS, round_kind(summary)):
        value = metric.result_text(summary)
        if value is not None:
            lines.append((t(metric.label), value))
    return lines
