"""Scripted hands for the turn game's tests: a round at fixed parameters, and gestures
of exact geometry (a perfect circle, a rotation at a known rate, a wring, a roll)."""

from __future__ import annotations

import math

from engine.touch import Phase, Touch
from games.turn.model import TurnModel
from games.turn.params import PARAMS
from games.turn.tasks.circles import START_DEG
from tests.games.fixed import fixed_round

STEP_MS = 16.0


def turn_round(tasks="circles", *, board=(217.0, 115.0), **params):
    model = fixed_round("turn", PARAMS, TurnModel, {"tasks": tasks, **params}, board=board)
    model.tick(model.next_change_ms())          # the first exercise appears
    return model


def feed(model, touches):
    for touch in sorted(touches, key=lambda x: x.t_ms):
        model.on_touch(touch)
    return model.take_trials()


def at(centre, radius, deg):
    a = math.radians(deg)
    return centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a)


def frames(total_ms):
    """Times (ms from the start) of a panel's reports over `total_ms`, the last at its end."""
    steps = math.ceil(total_ms / STEP_MS)
    return [min(k * STEP_MS, total_ms) for k in range(1, steps + 1)]


def circle(model, t0, turns, speed_deg_s, *, sign=1, offset_mm=0.0, start_deg=START_DEG):
    """One finger on the ball, rolled round at a constant angular speed, `offset_mm`
    outside the ring; it stays down at the end."""
    task = model.task
    r = task.radius + offset_mm
    total_ms = turns * 360.0 / speed_deg_s * 1000.0
    return [Touch(1, Phase.DOWN, *at(task.centre, r, start_deg), t0)] + [
        Touch(1, Phase.MOVE, *at(task.centre, r, start_deg + sign * speed_deg_s * t / 1000.0),
              t0 + t) for t in frames(total_ms)]


def lift_all(model, t):
    return [Touch(f, Phase.UP, x, y, t + 5 * k)
            for k, (f, (x, y)) in enumerate(sorted(model.contacts.items()))]


def pair_at(centre, aperture, angle, t, phase, ids=(1, 2)):
    """Two fingers either side of `centre`, their line at `angle` degrees."""
    dx = aperture / 2 * math.cos(math.radians(angle))
    dy = aperture / 2 * math.sin(math.radians(angle))
    return [Touch(ids[0], phase, centre[0] - dx, centre[1] - dy, t),
            Touch(ids[1], phase, centre[0] + dx, centre[1] + dy, t)]


def dial_turn(centre, turned_deg, rate_deg_s, t0, *, aperture=40.0, start_deg=0.0):
    """Two fingers on a dial, their line turned `turned_deg` (signed) at `rate_deg_s`."""
    sign = math.copysign(1.0, turned_deg)
    out = pair_at(centre, aperture, start_deg, t0, Phase.DOWN)
    for t in frames(abs(turned_deg / rate_deg_s) * 1000.0):
        out += pair_at(centre, aperture, start_deg + sign * rate_deg_s * t / 1000.0, t0 + t,
                       Phase.MOVE)
    return out


def wring(task, t0, amplitude_deg, period_ms, cycles, *, same_way=False, weaker=1.0):
    """Both ends of the towel swung about its centre, opposite ways (or the same way)."""
    ids = {"left": 1, "right": 2}
    out = [Touch(ids[e], Phase.DOWN, *task.grip(e), t0) for e in ids]
    for t in frames(period_ms * cycles + period_ms / 4):
        swing = math.sin(2 * math.pi * t / period_ms) * amplitude_deg
        out += [Touch(1, Phase.MOVE, *at(task.centre, task.radius,
                                         180.0 + (swing if same_way else -swing) * weaker),
                      t0 + t),
                Touch(2, Phase.MOVE, *at(task.centre, task.radius, swing), t0 + t)]
    return out


def roll(task, t0, slide_mm, period_ms, strokes, *, together=False, part_mm=0.0):
    """Fingers above and below the pencil slid opposite ways (or together), `strokes`
    half-periods; with `part_mm` they move apart as they go."""
    top, bottom = (task.x, task.y - task.r - 1.0), (task.x, task.y + task.r + 1.0)
    out = [Touch(2, Phase.DOWN, *top, t0), Touch(1, Phase.DOWN, *bottom, t0)]
    total = period_ms * strokes / 2
    for t in frames(total):
        s = slide_mm * math.sin(2 * math.pi * t / period_ms - math.pi / 2) + slide_mm
        apart = part_mm * t / total
        out += [Touch(2, Phase.MOVE, top[0] + s, top[1] - apart, t0 + t),
                Touch(1, Phase.MOVE, bottom[0] + (s if together else -s), bottom[1] + apart,
                      t0 + t)]
    return out
