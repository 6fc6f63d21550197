"""Simulated play for `deftly sim`: rounds of one game, or days of plausible practice."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from deftly import checkins
from engine.clock import SetWallClock
from engine.progress import MemoryBackend, PlayerProgress, StateBackend
from engine.rounds import RoundResult
from engine.scoring.result import clean
from engine.sim.hand import SimPatient, preset, recovered_after
from engine.sim.session import play
from engine.spec import GameSpec
from engine.store.store import Store
from games.registry import available

MISSED_DAY_CHANCE = 0.2
DAYS_PER_BATCH = 7   # the files are written once a simulated week


def trial_line(spec: GameSpec, round_index: int, trial: dict[str, Any],
               adapted: str | None) -> dict[str, Any]:
    """One trial as a JSON line: index, success, the adapted value, scalar metrics."""
    line: dict[str, Any] = {"round": round_index, "trial": trial.get("index"),
                            "success": bool(trial.get("success"))}
    if adapted:
        line[adapted] = trial.get("level_value")
    for key, value in trial.items():
        scalar = value is None or isinstance(value, (int, float, str, bool))
        if scalar and key not in ("index", "level_value"):
            line.setdefault(key, value)
    return clean(line)


@dataclass
class Rounds:
    """`deftly sim --game`: several rounds at the player's current level."""

    spec: GameSpec
    patient: str
    rounds: int
    seed: int
    hand: str = "right"
    level: str | None = None
    mode: str = "training"

    def run(self, backend: StateBackend, profile_id: str, store: Store | None,
            emit: Callable[[dict[str, Any]], None] | None) -> list[RoundResult]:
        hand_model = preset(self.patient)
        patient = SimPatient(hand_model, self.seed)
        variant = self.spec.sim_variant(hand_model)
        progress = PlayerProgress(backend, profile_id, self.spec.id, self.hand,
                                  self.spec.levels, variant)
        results = []
        for r in range(self.rounds):
            level = self.level or progress.current().id
            adapted = getattr(self.spec.levels.get(level).adapt, "param", None)

            def on_trial(trial: dict[str, Any], r: int = r, adapted: str | None = adapted
                         ) -> None:
                if emit is not None:
                    emit(trial_line(self.spec, r, trial, adapted))

            results.append(play(self.spec, level, patient, progress, self.seed * 1000 + r,
                                mode=self.mode, store=store, hand=self.hand,
                                variant=variant, on_trial=on_trial))
        return results


def round_line(result: RoundResult) -> dict[str, Any]:
    return clean({"level": result.level.id, "mode": result.setup.mode,
                  "summary": result.summary, "staircase": result.trace,
                  "unlocked": result.verdict.unlocked.id if result.verdict.unlocked else None,
                  "suggest_easier": result.verdict.suggest_easier.id
                  if result.verdict.suggest_easier else None})


def fill_days(store: Store, profile_id: str, patient_name: str, days: int, seed: int, *,
              hand: str = "right", step: Callable[[int], None] | None = None
              ) -> Iterator[str]:
    """Plausible daily play over `days` days ending yesterday: some days missed, each
    game's daily dose (its sets of repetitions), a check-up per game each week, the hand
    recovering a little on each day it practises (`recovered_after`).

    `step(1)` is called as each day is done, played or missed (a progress bar's).
    The store must have been opened with a `SetWallClock`: its time is "today", and the
    simulation moves it through the past days (so every record is stamped with its day).
    """
    clock = store.clock
    if not isinstance(clock, SetWallClock):
        raise TypeError("fill_days needs a store opened with a SetWallClock")
    rng = random.Random(seed)
    start = clock() - timedelta(days=days)
    games = [a.spec for a in available() if a.levels is not None]
    base = preset(patient_name)
    feels = SimulatedFeelings(store, profile_id, base.severity, seed)
    played_days = 0
    for week in range(0, days, DAYS_PER_BATCH):
        with store.batch():
            for day in range(week, min(week + DAYS_PER_BATCH, days)):
                date = start + timedelta(days=day)
                if step is not None and day > 0:
                    step(1)
                if rng.random() < MISSED_DAY_CHANCE:
                    continue
                played_days += 1
                recovered = recovered_after(played_days - 1)
                patient = SimPatient(base.improved(recovered), seed * 100_000 + day)
                clock.set(date.replace(hour=10, minute=0, second=0, microsecond=0))
                feels.before(date.date(), recovered)
                rounds = _play_day(store, clock, profile_id, games, patient, seed=seed,
                                   day=day, played_days=played_days, hand=hand)
                feels.after(date.date())
                yield f"{date:%Y-%m-%d}: {rounds} rounds"
    if step is not None and days > 0:
        step(1)


PAIN_AT_START = {"healthy": 0.5, "mild": 2.5, "moderate": 3.5, "severe": 5.0}
"""A simulated hand's usual pain (0 to 10) before it recovers; tiredness runs one higher."""
BAD_DAY_CHANCE = 0.07
SKIP_CHANCE = 0.1


class SimulatedFeelings:
    """Plausible check-ins for demo data: pain easing as the hand recovers, a few bad days,
    some questions skipped. Its own random numbers: the rounds played are the same with
    or without it."""

    def __init__(self, store: Store, profile_id: str, severity: str, seed: int) -> None:
        self.store, self.profile_id = store, profile_id
        self.usual = PAIN_AT_START.get(severity, 2.5)
        self.rng = random.Random(f"feelings-{seed}")
        self.bad = False

    def _face(self, value: float) -> int:
        """The face a player taps: the nearest of 0, 2, ... 10."""
        return int(min(10, max(0, 2 * round(value / 2))))

    def before(self, day: date, recovered: float) -> None:
        rng = self.rng
        self.bad = rng.random() < BAD_DAY_CHANCE
        if rng.random() < SKIP_CHANCE:
            return
        pain = self.usual * (1 - recovered) + rng.gauss(0.0, 0.8) + (4.0 if self.bad else 0.0)
        tired = pain + 1.0 + rng.gauss(0.0, 1.0)
        checkins.record(self.store, self.profile_id, day, "before", pain=self._face(pain),
                        fatigue=self._face(tired))

    def after(self, day: date) -> None:
        rng = self.rng
        if rng.random() < SKIP_CHANCE:
            return
        worse = 0.4 if self.bad else 0.1
        draw = rng.random()
        feeling = "worse" if draw < worse else ("same" if draw < worse + 0.45 else "better")
        checkins.record(self.store, self.profile_id, day, "after", feeling=feeling)


def _play_day(store: Store, clock: SetWallClock, profile_id: str, games: list[GameSpec],
              patient: SimPatient, *, seed: int, day: int, played_days: int, hand: str) -> int:
    """One simulated day of every game: its daily dose of training sets, and a weekly
    check-up."""
    rounds = 0
    for spec in games:
        variant = spec.sim_variant(patient.hand)
        progress = PlayerProgress(store, profile_id, spec.id, hand, spec.levels, variant)
        dose = spec.levels.dose
        for r in range(dose.sets):
            clock.advance(timedelta(minutes=2))
            play(spec, progress.current().id, patient, progress, seed + day * 97 + r,
                 store=store, hand=hand, variant=variant, reps=dose.reps)
            rounds += 1
        if played_days % 7 == 1:
            clock.advance(timedelta(minutes=2))
            play(spec, spec.levels.checkup.id, patient, progress, seed + day,
                 mode="checkup", store=store, hand=hand, variant=variant)
            rounds += 1
    return rounds


def memory_backend() -> MemoryBackend:
    return MemoryBackend()
