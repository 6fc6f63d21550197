"""Scripted hands for the turn game's tests: a round at fixed parameters, and gestures
of exact geometry (a perfect circle, a rotation at a known rate, a wring, a roll)."""

from __future__ import annotations

import math

from engine.game import RoundSetup
from engine.levels.difficulty import Fixed
from engine.levels.schema import Level
from engine.touch import Phase, Touch
from games.turn.model import TurnModel
from games.turn.params import PARAMS

STEP_MS = 16.0


def turn_round(tasks="circles", *, board=(217.0, 115.0), self_paced=False, **params):
    values = {name: spec.default for name, spec in PARAMS.items() if spec.default is not None}
    values.update({"tasks": tasks, **params})
    level = Level("turn", "test", "Test", "", values)
    setup = RoundSetup("turn", "test", 5, "right", "training", *board, self_paced=self_paced)
    model = TurnModel(setup, Fixed(level))
    model.tick(model.next_change_ms())          # the first exercise appears
    return model


def feed(model, touches):
    for touch in sorted(touches, key=lambda x: x.t_ms):
        model.on_touch(touch)
    return model.take_trials()


def at(centre, radius, deg):
    a = math.radians(deg)
    return centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a)


def circle(model, t0, turns, speed_deg_s, sign=1, finger=1, start_deg=-90.0, radius=None):
    """One finger on the ball, rolled round the ring at a constant angular speed; the
    finger stays down at the end."""
    task = model.task
    r = task.radius if radius is None else radius
    centre = task.centre
    out = [Touch(finger, Phase.DOWN, *at(centre, r, start_deg), t0)]
    total_ms = turns * 360.0 / speed_deg_s * 1000.0
    steps = int(math.ceil(total_ms / STEP_MS))
    for k in range(1, steps + 1):
        t = min(k * STEP_MS, total_ms)
        out.append(Touch(finger, Phase.MOVE,
                         *at(centre, r, start_deg + sign * speed_deg_s * t / 1000.0), t0 + t))
    return out


def lift_all(model, t):
    return [Touch(f, Phase.UP, x, y, t + 5 * k)
            for k, (f, (x, y)) in enumerate(sorted(model.contacts.items()))]


def two_turning(centre, aperture, start_deg, turned_deg, rate_deg_s, t0, ids=(1, 2)):
    """Two fingers on a dial, their line turned `turned_deg` at `rate_deg_s` (signed)."""
    def pair(angle, t, phase):
        dx = aperture / 2 * math.cos(math.radians(angle))
        dy = aperture / 2 * math.sin(math.radians(angle))
        return [Touch(ids[0], phase, centre[0] - dx, centre[1] - dy, t),
                Touch(ids[1], phase, centre[0] + dx, centre[1] + dy, t)]
    out = pair(start_deg, t0, Phase.DOWN)
    total_ms = abs(turned_deg / rate_deg_s) * 1000.0
    steps = int(math.ceil(total_ms / STEP_MS))
    for k in range(1, steps + 1):
        t = min(k * STEP_MS, total_ms)
        out += pair(start_deg + math.copysign(1, turned_deg) * abs(rate_deg_s) * t / 1000.0,
                    t0 + t, Phase.MOVE)
    return out
