"""Replaying a recorded round: the same touches through the same model give the same trials."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deftly.commands.common import CommandError
from engine.rounds import replay_model
from engine.scoring.result import clean
from engine.spec import GameSpec
from engine.store.jsonfile import json_safe
from engine.store.recording import Recording, RecordingError, read_recording
from games.registry import spec as game_spec


def load(path: Path) -> tuple[GameSpec, Recording]:
    """The recording and its game, or a CommandError in one line."""
    try:
        recording = read_recording(path)
    except RecordingError as error:
        raise CommandError(str(error)) from error
    game_id = recording.header.get("game")
    try:
        return game_spec(str(game_id)), recording
    except KeyError as error:
        raise CommandError(f"{path}: recorded with a game this Deftly does not have "
                           f"({game_id!r})") from error


def replay(path: Path) -> dict[str, Any]:
    """Re-run a recording headless: its setup, every trial's metrics and the summary."""
    spec, recording = load(path)
    try:
        model, trials = replay_model(spec, recording.header, recording.touches,
                                     recording.end_ms)
    except (KeyError, ValueError) as error:
        raise CommandError(f"{path}: cannot be replayed ({error})") from error
    return {"game": spec.id, "level": recording.header.get("level"),
            "setup": recording.header.get("setup"),
            "trials": [json_safe(t) for t in trials], "summary": clean(model.summary())}


def analyze_recording(path: Path) -> dict[str, Any]:
    """`deftly analyze --format deftly`: the replayed round with its units stated."""
    return {"units": {"length": "mm", "time": "ms"}, **replay(path)}
