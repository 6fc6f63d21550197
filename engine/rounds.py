"""One round from start to finish, shared by the game scenes and the simulator.

Touches go to the model and into the recording; every trial the model finishes is
saved durably at once (before the model can start the next one); at the end the
summary, the recording, the staircase and any unlock are saved.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from engine import __version__
from engine.display import DisplayProfile
from engine.game import GameModel, RoundSetup, Trial
from engine.levels.difficulty import Adaptive, Fixed
from engine.levels.schema import Level
from engine.progress import PlayerProgress, RoundVerdict
from engine.spec import GameSpec
from engine.store.errors import CannotSaveError, cannot_save
from engine.store.recording import Event, Marker, write_recording
from engine.store.store import Store
from engine.touch import Touch


@dataclass
class RoundResult:
    setup: RoundSetup
    level: Level
    summary: dict[str, Any]
    trials: list[Trial]
    verdict: RoundVerdict
    status: str
    session_id: str | None = None
    recording: str | None = None
    trace: list[float] = field(default_factory=list)
    unsaved: str | None = None     # why the round could not be saved (a full disk)
    switch_to: str | None = None   # the player left it to play this variant instead


def round_header(spec: GameSpec, setup: RoundSetup, level: Level,
                 difficulty: Adaptive | Fixed, display: DisplayProfile | None) -> dict[str, Any]:
    """The recording's header: enough to rebuild the model and its difficulty exactly."""
    start = difficulty.staircase.state() if isinstance(difficulty, Adaptive) else None
    return {"game": spec.id, "setup": setup.to_dict(), "level": level.id,
            "level_values": level.values(), "staircase": start,
            "target_success": getattr(getattr(difficulty, "staircase", None), "target", None),
            "display": display.to_dict() if display else None, "app_version": __version__}


FAR_MM = 100_000.0
"""Touches farther than this (100 m) from the board are held at this distance."""


def sane(touch: Touch) -> Touch | None:
    """A touch a model can use: None if a number is NaN or infinite (it is dropped), the
    position held within FAR_MM (1e308 would overflow every spread and mean)."""
    x, y, t = touch.x_mm, touch.y_mm, touch.t_ms
    if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(t)):
        return None
    if abs(x) <= FAR_MM and abs(y) <= FAR_MM:
        return touch
    return Touch(touch.finger, touch.phase, min(max(x, -FAR_MM), FAR_MM),
                 min(max(y, -FAR_MM), FAR_MM), t)


def played_level(spec: GameSpec, setup: RoundSetup) -> Level:
    """The round's level, as long as the set asks (`setup.reps`, training): repetitions are
    counted at the game's first level, and every level keeps its own proportion (at 10
    reps where the first level has 20 trials, a level of 3 ten-second bouts has 2)."""
    level = spec.levels.get(setup.level_id)
    if level is None:
        raise KeyError(f"{spec.id} has no level {setup.level_id!r}")
    if not setup.reps or setup.mode != "training":
        return level
    first = spec.levels.levels[0].params.get(spec.reps_key(spec.levels.levels[0].params))
    key = spec.reps_key(level.params)
    own = level.params.get(key)
    if not isinstance(own, (int, float)) or not isinstance(first, (int, float)) or first <= 0:
        return level
    count = max(1, round(own * setup.reps / first))
    bounds = spec.params.get(key)
    if bounds is not None and bounds.maximum is not None:
        count = min(count, int(bounds.maximum))
    return replace(level, params={**level.params, key: count})


class RoundController:
    def __init__(self, spec: GameSpec, setup: RoundSetup, progress: PlayerProgress, *,
                 store: Store | None = None, display: DisplayProfile | None = None,
                 on_trial: Callable[[Trial], None] | None = None, day: str | None = None
                 ) -> None:
        """`day`: the local date played on (ISO; by default the store's today)."""
        self.spec = spec
        self.day = day if day is not None or store is None else \
            store.clock().date().isoformat()
        self.on_trial = on_trial
        """Called with each finished trial, once it is saved (the simulator's hook)."""
        self.setup = setup
        self.progress = progress
        self.store = store
        level = played_level(spec, setup)
        self.level = level
        self.difficulty = progress.difficulty(level) if setup.mode == "training" \
            else Fixed(level)
        self.header = round_header(spec, setup, level, self.difficulty, display)
        self.model: GameModel = spec.make_model(setup, self.difficulty)
        self.events: list[Event] = []
        self.trials: list[Trial] = []
        self.session_id: str | None = None
        self.first_ms: float | None = None
        self.unsaved: str | None = None
        """Why this round's results are not being saved (a full disk), in one sentence."""
        if store is not None:
            try:
                self.session_id = store.begin_session(
                    progress.profile_id, spec.id, level.id, hand=setup.hand,
                    mode=setup.mode, details={"variant": setup.variant, "seed": setup.seed,
                                              "level_name": level.name,
                                              "self_paced": setup.self_paced})
            except CannotSaveError as error:
                self.unsaved = str(error)   # the player can still play; they are told

    @property
    def finished(self) -> bool:
        return self.model.finished

    def on_touch(self, raw: Touch) -> list[Trial]:
        touch = sane(raw)
        if touch is None:
            return []
        if self.first_ms is None:
            self.first_ms = touch.t_ms
        self.events.append(touch)
        self.model.on_touch(touch)
        return self._collect()

    def tick(self, t_ms: float) -> list[Trial]:
        self.model.tick(t_ms)
        return self._collect()

    def _collect(self) -> list[Trial]:
        new = self.model.take_trials()
        for trial in new:
            if self.store is not None and self.session_id is not None and not self.unsaved:
                try:
                    self.store.add_trial(self.session_id, len(self.trials), trial)
                except CannotSaveError as error:
                    self.unsaved = str(error)
            self.trials.append(trial)
            if self.on_trial is not None:
                self.on_trial(trial)
        return new

    def _reached(self) -> dict[str, Any]:
        """The difficulty reached: the staircase's value at the end of a training round, in
        the adapted parameter's unit (the therapist's training trend, per level)."""
        if not isinstance(self.difficulty, Adaptive) or self.setup.mode != "training":
            return {}
        return {"reached": self.difficulty.staircase.value,
                "reached_param": self.difficulty.staircase.adapt.param}

    def _save_end(self, store: Store, session_id: str, summary: dict[str, Any],
                  end_ms: float, status: str) -> str | None:
        """Save the recording and the round's end; returns the recording's name. A round
        some of whose trials could not be saved is stored as interrupted, with the count of
        the trials that were."""
        if self.unsaved:
            status = "interrupted"
        saved = len(store.trials(session_id))
        path, name = store.new_recording_path(self.progress.profile_id, session_id)
        recording: str | None = name
        try:
            write_recording(path, self.header, self.events, sync=store.syncs_each_write)
            if not store.syncs_each_write:
                store.written_unsynced(path)
        except OSError as error:
            self.unsaved, recording = str(cannot_save(error)), None   # the trials are saved
        try:
            store.end_session(session_id, summary=summary, duration_ms=end_ms,
                              status=status, recording=recording,
                              details={"trial_count": saved, **self._reached()})
        except CannotSaveError as error:
            self.unsaved = str(error)   # reopening folds the round in as interrupted
        return recording

    def finish(self, end_ms: float, status: str = "complete") -> RoundResult:
        """End the round at `end_ms` (round time) and save everything."""
        self.tick(end_ms)
        self.events.append(Marker("end", end_ms))
        summary = self.model.summary()
        rate = summary.get("success_rate", math.nan)
        verdict = RoundVerdict()
        if status == "complete":
            try:
                verdict = self.progress.finish_round(self.level, self.difficulty, rate,
                                                     self.day)
            except CannotSaveError as error:
                self.unsaved = str(error)
        recording = None
        if self.store is not None and self.session_id is not None:
            recording = self._save_end(self.store, self.session_id, summary, end_ms, status)
        staircase = self.difficulty.staircase if isinstance(self.difficulty, Adaptive) else None
        trace = list(staircase.trace) if staircase is not None else []
        return RoundResult(self.setup, self.level, summary, self.trials, verdict, status,
                           self.session_id, recording, trace, self.unsaved)


def rebuild_model(spec: GameSpec, header: dict[str, Any]) -> GameModel:
    """A recorded round's model as it was at the start (same setup, seed, difficulty)."""
    from engine.levels.staircase import Staircase

    setup = RoundSetup.from_dict(header["setup"])
    level = played_level(spec, replace(setup, level_id=header["level"]))
    if header.get("staircase") is not None and level.adapt is not None:
        difficulty: Adaptive | Fixed = Adaptive(level, Staircase.resume(
            level.adapt, float(header.get("target_success") or 0.8), header["staircase"]))
    else:
        difficulty = Fixed(level)
    return spec.make_model(setup, difficulty)


def replay_model(spec: GameSpec, header: dict[str, Any], touches: list[Touch],
                 end_ms: float | None) -> tuple[GameModel, list[Trial]]:
    """Rebuild a recorded round's model and feed it the recorded touches."""
    model = rebuild_model(spec, header)
    trials: list[Trial] = []
    for touch in touches:
        model.on_touch(touch)
        trials.extend(model.take_trials())
    if end_ms is not None:
        model.tick(end_ms)
        trials.extend(model.take_trials())
    return model, trials
