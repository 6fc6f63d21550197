"""Characterisation of every game's model: fixed rounds played by simulated players, each
reduced to a digest of everything a caller can see (the touches fed, every answer of
`next_change_ms`, progress, feedback and hints, the trials and the summary).

The stored digests (tests/games/data/round_snapshots.json.gz) were made from the models
before they were refactored; a refactor that keeps the behaviour keeps every digest.
`python -m tests.games.round_snapshots` rewrites them (only after a deliberate change;
`--add` records only new cases, such as a new game's; `--redo GAME[/LEVEL] ...` those
of a game or level);
`--redigest` recomputes the digests from the stored streams. Floats are compared to 9
significant digits, so another numpy or CPU gives the same digests.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from engine.game import RoundSetup
from engine.levels.difficulty import Fixed, difficulty_for
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.runner import ModelRound, play_round
from engine.touch import Phase, Touch
from games.registry import all_specs

SNAPSHOTS = Path(__file__).parent / "data" / "round_snapshots.json.gz"
BOARD_MM = (217.0, 115.0)
MONKEY_GESTURES = 40


@dataclass(frozen=True)
class Case:
    game: str
    level: str
    player: str              # a preset name, "idle" (never touches) or "monkey" (random)
    hand: str = "right"
    mode: str = "training"
    self_paced: bool = False
    variant: str = ""
    seed: int = 3
    params: tuple[tuple[str, Any], ...] = ()   # level parameters changed for this case

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Case:
        return cls(**{**data, "params": tuple(tuple(pair) for pair in data["params"])})

    @property
    def name(self) -> str:
        extras = [self.hand, self.mode] + (["self-paced"] if self.self_paced else []) + \
            ([self.variant] if self.variant else []) + [f"{k}={v}" for k, v in self.params]
        return "/".join([self.game, self.level, self.player, *extras])


class Idle:
    """A player who never touches: every timer runs out."""

    def plan(self, model: Any, t_ms: float) -> list[Touch]:
        return []


class Monkey:
    """Random taps, drags and two-finger gestures anywhere on the board (seeded)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.left = MONKEY_GESTURES

    def plan(self, model: Any, t_ms: float) -> list[Touch]:
        rng = self.rng
        if self.left <= 0 or rng.random() < 0.4:
            return []
        self.left -= 1
        t = t_ms + rng.uniform(0.0, 600.0)
        out: list[Touch] = []
        for finger in range(1, rng.choice([1, 1, 1, 2, 3]) + 1):
            x, y = rng.uniform(-5, BOARD_MM[0] + 5), rng.uniform(-5, BOARD_MM[1] + 5)
            start = t + rng.uniform(0.0, 120.0)
            out.append(Touch(finger, Phase.DOWN, x, y, start))
            moves = rng.randrange(0, 8)
            for i in range(moves):
                x, y = x + rng.gauss(0, 6), y + rng.gauss(0, 6)
                out.append(Touch(finger, Phase.MOVE, x, y, start + 15.0 * (i + 1)))
            out.append(Touch(finger, Phase.UP, x, y, start + 15.0 * moves
                             + rng.uniform(30.0, 900.0)))
        return sorted(out, key=lambda touch: touch.t_ms)


def cases() -> list[Case]:
    """Every level played well (mild) and at random (monkey); per game a severe, a
    check-up and a self-paced round; rounds nobody touches; pinch's one-finger mode."""
    out: list[Case] = []
    for spec in all_specs():
        for level in spec.levels.levels:
            out += [Case(spec.id, level.id, "mild"), Case(spec.id, level.id, "monkey", seed=7)]
        first = spec.levels.levels[0].id
        out += [Case(spec.id, spec.levels.checkup.id, "moderate", mode="checkup"),
                Case(spec.id, first, "moderate", self_paced=True),
                Case(spec.id, first, "monkey", "left", self_paced=True, seed=11)]
    out += [Case("tap", "quick", "severe", "left"), Case("tap", "order", "severe"),
            Case("tap", "pairs", "severe", "left"), Case("trace", "lines", "severe", "left"),
            Case("trace", "follow", "severe"), Case("pinch", "big-pegs", "severe", "left"),
            Case("lift", "quick", "severe", "left"), Case("lift", "two-at-once", "severe"),
            Case("lift", "hold-up", "severe", "left"), Case("squeeze", "pinch", "severe", "left"),
            Case("squeeze", "squeeze", "severe", variant="one-finger"),
            Case("squeeze", "ten-seconds", "severe", variant="one-finger"),
            Case("turn", "circles", "severe", "left"), Case("turn", "side", "severe"),
            Case("turn", "dial", "severe", "left"), Case("turn", "wring", "severe"),
            Case("turn", "pencil", "severe", "left")]
    out += [Case("tap", level, "idle") for level in ("quick", "order", "pairs")]
    out += [Case("trace", "lines", "idle"), Case("pinch", "big-pegs", "idle"),
            Case("lift", "one-up", "idle"), Case("squeeze", "squeeze", "idle"),
            Case("turn", "circles", "idle"), Case("turn", "pencil", "idle"),
            Case("pinch", "size", "idle", variant="one-finger")]
    out += [Case("pinch", level, "severe", variant="one-finger")
            for level in ("big-pegs", "size", "keyed")]
    out += [Case("trace", "curves", "severe", params=(("time_limit_ms", 5000.0),)),
            Case("trace", "follow", "monkey", params=(("time_limit_ms", 3000.0),)),
            Case("pinch", "nine-pegs", "severe", params=(("peg_time_ms", 4000.0),)),
            Case("pinch", "big-pegs", "monkey", params=(("peg_time_ms", 1500.0),)),
            Case("pinch", "size", "severe", params=(("time_limit_ms", 2500.0),)),
            Case("pinch", "size", "monkey", params=(("hold_ms", 100.0),)),
            Case("tap", "big", "severe", params=(("time_limit_ms", 900.0),)),
            Case("tap", "order", "monkey", params=(("sequence_length", 2.0),)),
            Case("tap", "pairs", "monkey", params=(("duration_ms", 3000.0),)),
            Case("turn", "circles", "severe", params=(("turn_ms", 4000.0),)),
            Case("turn", "dial", "monkey", params=(("hold_ms", 200.0),))]
    return out


def _state(model: Any) -> str:
    """What a view shows beyond the trials: feedback, hints, progress."""
    seen = [getattr(model, name, None) for name in ("feedback", "hint", "last_success")]
    return repr((model.progress(), model.finished, seen))


class Round(ModelRound):
    """A model with the round controller's two calls, collecting its trials."""

    def __init__(self, case: Case) -> None:
        spec = next(s for s in all_specs() if s.id == case.game)
        level = spec.levels.get(case.level)
        assert level is not None
        if case.params:
            level = replace(level, params={**level.params, **dict(case.params)})
        setup = RoundSetup(case.game, case.level, case.seed, case.hand, case.mode,
                           *BOARD_MM, self_paced=case.self_paced, variant=case.variant)
        difficulty = Fixed(level) if case.mode == "checkup" else \
            difficulty_for(level, spec.levels.target_success, None)
        self.spec = spec
        super().__init__(spec.make_model(setup, difficulty))


def record(case: Case) -> list[list[Any]]:
    """The calls a simulated round makes: [t] for a tick, [finger, phase, x, y, t] for a
    touch (made with the policies of the time the snapshots were written)."""
    played = Round(case)
    events: list[list[Any]] = []
    feed, tick = played.on_touch, played.tick

    def on_touch(touch: Touch) -> list[Any]:
        events.append([touch.finger, touch.phase.value, touch.x_mm, touch.y_mm, touch.t_ms])
        return feed(touch)

    def on_tick(t_ms: float) -> list[Any]:
        events.append([t_ms])
        return tick(t_ms)

    played.on_touch = on_touch  # type: ignore[method-assign]
    played.tick = on_tick  # type: ignore[method-assign]
    if case.player == "idle":
        policy: Any = Idle()
    elif case.player == "monkey":
        policy = Monkey(case.seed)
    else:
        policy = played.spec.make_policy(SimPatient(PRESETS[case.player], case.seed))
    end = play_round(played, policy)  # type: ignore[arg-type]
    events.append([end])
    return _lighter(events)


def _lighter(events: list[list[Any]]) -> list[list[Any]]:
    """Every third move, positions to 0.01 mm and times to 0.1 ms: a smaller file that
    is still a stream of touches (the snapshot is what the models make of it)."""
    out, moves = [], 0
    for event in events:
        if len(event) == 1:
            out.append([round(event[0], 1)])
            continue
        finger, phase, x, y, t = event
        if phase == Phase.MOVE.value:
            moves += 1
            if moves % 3:
                continue
        out.append([finger, phase, round(x, 2), round(y, 2), round(t, 1)])
    return out


def replay(case: Case, events: list[list[Any]]) -> dict[str, Any]:
    """Feed the recorded calls to a fresh round; the summary and a digest of everything
    seen on the way (each call's trials, `next_change_ms`, progress, feedback)."""
    played = Round(case)
    model = played.model
    log: list[Any] = []
    for event in events:
        if len(event) == 1:
            new = played.tick(event[0])
        else:
            finger, phase, x, y, t = event
            new = played.on_touch(Touch(finger, Phase(phase), x, y, t))
        log.append((model.now, new, model.next_change_ms(), _state(model)))
    summary = rounded(model.summary())
    body = json.dumps(rounded({"log": log, "trials": played.trials, "summary": summary}))
    return {"trials": len(played.trials), "summary": json.dumps(summary),
            "digest": hashlib.sha256(body.encode()).hexdigest()}


def rounded(value: Any) -> Any:
    """Floats to 9 significant digits: another numpy or CPU may differ in the last bits of
    an FFT or a mean, never in what a player or a therapist could see."""
    if isinstance(value, float):
        return float(f"{value:.9g}")   # nan and inf stay as they are
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(v) for v in value]
    return value


def load() -> dict[str, dict[str, Any]]:
    with gzip.open(SNAPSHOTS, "rt") as f:
        return dict(json.load(f))


def redigest() -> None:
    """Recompute the stored digests from the stored touch streams (after a change of how
    they are computed, not of the models; the streams stay as recorded)."""
    snapshots = load()
    for stored in snapshots.values():
        stored.update(replay(Case.from_dict(stored["case"]), stored["events"]))
    _write(snapshots)


def _write(snapshots: dict[str, Any]) -> None:
    SNAPSHOTS.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(SNAPSHOTS, "wt", compresslevel=9) as f:
        f.write(json.dumps(snapshots, separators=(",", ":")))
    print(f"wrote {len(snapshots)} cases to {SNAPSHOTS}", file=sys.stderr)


def main() -> None:
    """Rewrite every snapshot; `--redigest`: recompute the digests of the stored streams;
    `--add`: record only the cases not stored yet (a new game's), keeping the others;
    `--redo GAME[/LEVEL] ...`: record those games' (or levels') cases afresh (after a
    deliberate change to them)."""
    args = sys.argv[1:]
    if args == ["--redigest"]:
        redigest()
        return
    snapshots = load() if args[:1] in (["--add"], ["--redo"]) else {}
    if args[:1] == ["--redo"]:
        redo = tuple(f"{name}/" for name in args[1:])
        snapshots = {k: v for k, v in snapshots.items() if not k.startswith(redo)}
    for case in cases():
        if case.name in snapshots:
            continue
        events = record(case)
        snapshots[case.name] = {"case": case.__dict__, "events": events,
                                **replay(case, events)}
    _write(snapshots)


if __name__ == "__main__":
    main()
