"""How a simulated patient plays the turn game: the thumb rolls the ball round at its own
pace, unevenly, straying off the ring; side to side as far as it reaches; a dial turned
as far as the wrist goes, past the target and back, held with a wobble; two contacts
wringing, one side weaker; fingers rolling a pencil that slips now and then. Each
exercise is planned whole, from the landing to its goal (or the time limit)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from engine.sim.hand import SimPatient
from engine.sim.planned import PlannedPolicy
from engine.touch import Phase, Touch
from games.turn.angles import Point
from games.turn.model import TurnModel
from games.turn.skills import SKILLS, TurnSkills
from games.turn.tasks.base import Task, on_circle
from games.turn.tasks.circles import START_DEG, CirclesTask
from games.turn.tasks.dial import DialTask
from games.turn.tasks.pencil import PencilTask
from games.turn.tasks.side import SideTask
from games.turn.tasks.wring import WringTask

STEP_MS = 16.0
MARGIN_MS = 400.0     # a gesture planned past the time limit by this much
NO_LIMIT_MS = 120_000.0
"""With no time limit (self-paced), a hand that cannot reach the goal tries this long."""
THUMB, INDEX = 1, 2


class TurnPolicy(PlannedPolicy[TurnSkills]):
    def __init__(self, patient: SimPatient) -> None:
        super().__init__(patient, SKILLS)

    def plan(self, model: TurnModel, t_ms: float) -> list[Touch]:
        self.begin(t_ms)
        task = model.task
        if model.finished:
            return []
        if task is None or model.phase in ("clear", "dropped"):
            if not model.contacts:
                return []
            key = ("clear", model.done, getattr(task, "drops", 0))
            return self.once(key, lambda: self._lift_all(model, t_ms))
        if model.phase == "place" and not model.contacts:
            key = ("go", model.done, getattr(task, "drops", 0))
            return self.once(key, lambda: self._gesture(model, task, max(t_ms, task.onset_ms)))
        return []

    def _gesture(self, model: TurnModel, task: Task, t: float) -> list[Touch]:
        p = self.patient
        start = t + p.reaction_ms() + p.movement_ms(60.0, 16.0)
        limit = model.time_limit({"time_limit_ms": task.limit_ms()})
        end = task.onset_ms + (NO_LIMIT_MS if limit is None else limit) + MARGIN_MS
        makers: dict[type[Task], Callable[[Task, float, float], list[Touch]]] = {
            CirclesTask: self._circles, SideTask: self._side, DialTask: self._dial,
            WringTask: self._wring, PencilTask: self._pencil}
        return _lifted(makers[type(task)](task, start, end))

    def _lift_all(self, model: TurnModel, t: float) -> list[Touch]:
        return [Touch(i, Phase.UP, x, y, t + 60.0 + 25.0 * k)
                for k, (i, (x, y)) in enumerate(model.contacts.items())]

    def _steps(self, t0: float, end: float) -> Iterator[tuple[float, float]]:
        """(time, time since t0) every frame until `end`."""
        k = 1
        while t0 + k * STEP_MS <= end:
            yield t0 + k * STEP_MS, k * STEP_MS
            k += 1

    def _wobble(self, t: float, scale: float = 1.0) -> Point:
        tx, ty = self.patient.tremor(t)
        return tx * scale, ty * scale

    def _jerky(self) -> float:
        """A speed factor, drawn anew every 250 ms: a slow, jerky hand varies a lot."""
        return max(0.15, 1.0 + float(self.patient.rng.normal(0.0, self.skills.jerk))) / \
            self.patient.fatigue

    def _swing_sizes(self, count: int) -> list[float]:
        """Each half of a back-and-forth a little larger or smaller than the last (the
        sizes change where the movement passes its middle)."""
        spread = 0.08 + 0.25 * self.skills.jerk
        return [max(0.3, 1.0 + float(self.patient.rng.normal(0.0, spread)))
                for _ in range(count)]

    # -- thumb circles ------------------------------------------------------------------
    def _circles(self, task: Task, t0: float, end: float) -> list[Touch]:
        assert isinstance(task, CirclesTask)
        p, sk = self.patient, self.skills
        goal = task.goal_deg + 4.0
        angle, turned, drift, back_left = START_DEG, 0.0, 0.0, 0.0
        factor, next_change = self._jerky(), t0 + 250.0
        out = [Touch(THUMB, Phase.DOWN, *on_circle(task.centre, task.radius, angle), t0)]
        t = t0
        while t + STEP_MS <= end and turned < goal:
            t += STEP_MS
            if t >= next_change:
                factor, next_change = self._jerky(), next_change + 250.0
                drift = 0.9 * drift + float(p.rng.normal(0.0, sk.off_ring_mm * 0.25))
            step = sk.speed_deg_s * factor * STEP_MS / 1000.0
            if back_left > 0:            # turning back a little, as a jerky hand does
                back_left -= step
                step = -step
            elif p.chance(sk.reversal_chance * step / 360.0):
                back_left = 25.0
            angle += task.sign * step
            turned += step
            wx, wy = self._wobble(t)
            radius = task.radius + drift + float(p.rng.normal(0.0, sk.off_ring_mm * 0.3))
            x, y = on_circle(task.centre, radius, angle)
            if p.chance(sk.lift_chance * abs(step) / 360.0):   # slips off, lands again
                pause = 200.0 * p.fatigue
                out += [Touch(THUMB, Phase.UP, x + wx, y + wy, t),
                        Touch(THUMB, Phase.DOWN, x, y, t + pause)]
                t += pause
                continue
            out.append(Touch(THUMB, Phase.MOVE, x + wx, y + wy, t))
        return out

    # -- side to side -------------------------------------------------------------------
    def _side(self, task: Task, t0: float, end: float) -> list[Touch]:
        assert isinstance(task, SideTask)
        p, sk = self.patient, self.skills
        reach = min(sk.reach_mm / p.fatigue, task.half + 4.0)
        out = [Touch(THUMB, Phase.DOWN, *task.along(0.0), t0)]
        at, heading, t = 0.0, 1, t0
        legs = 2 * task.goal + 1
        while legs > 0 and t < end:
            target = heading * reach * float(p.rng.uniform(0.85, 1.05))
            ms = abs(target - at) / (sk.side_speed_mm_s * self._jerky()) * 1000.0
            for _, since in self._steps(0.0, ms):
                s = (1 - math.cos(math.pi * since / ms)) / 2
                wx, wy = self._wobble(t + since)
                x, y = task.along(at + (target - at) * s)
                out.append(Touch(THUMB, Phase.MOVE, x + wx, y + wy, t + since))
            t += ms + float(p.rng.uniform(40.0, 160.0)) * p.fatigue
            at, heading, legs = target, -heading, legs - 1
        return out

    # -- the dial -----------------------------------------------------------------------
    def _dial(self, task: Task, t0: float, end: float) -> list[Touch]:
        assert isinstance(task, DialTask)
        p, sk = self.patient, self.skills
        aperture = min(30.0, task.radius * 1.2)
        base = -45.0 + float(p.rng.normal(0.0, 8.0))      # thumb lower left, index upper right
        reach = sk.dial_range_deg / p.fatigue
        over = abs(float(p.rng.normal(0.0, sk.overshoot_deg)))
        peak = min(task.angle + over, reach)
        settle = min(task.angle, reach)
        speed = sk.dial_speed_deg_s
        plan = [(peak, peak / speed * 1000.0), (settle, (peak - settle) / speed * 2000.0 + 80.0),
                (settle, task.param("hold_ms") + 600.0)]
        out = _pair(task.centre, aperture, base, t0, Phase.DOWN)
        angle, t = 0.0, t0
        for goal, planned_ms in plan:
            ms = max(planned_ms, STEP_MS)
            for at, since in self._steps(t, t + ms):
                if at > end:
                    return out
                s = (1 - math.cos(math.pi * since / ms)) / 2
                now = angle + (goal - angle) * s + float(p.rng.normal(0.0, sk.hold_sd_deg))
                out += _pair(task.centre, aperture, base + task.sign * now, at, Phase.MOVE)
            angle, t = goal, t + ms
        return out

    # -- wringing -----------------------------------------------------------------------
    def _wring(self, task: Task, t0: float, end: float) -> list[Touch]:
        assert isinstance(task, WringTask)
        p, sk = self.patient, self.skills
        weak_left = p.chance(0.5)
        amp = {"left": sk.wring_deg / p.fatigue, "right": sk.wring_deg / p.fatigue}
        amp["left" if weak_left else "right"] *= 1.0 - sk.wring_asymmetry
        period = sk.wring_period_ms * p.fatigue
        ids = {"left": THUMB, "right": INDEX}
        out = [Touch(ids[e], Phase.DOWN, *task.grip(e), t0 + 30.0 * k)
               for k, e in enumerate(("left", "right"))]
        last = min(end, t0 + 60.0 + period * (task.goal + 0.75))
        sizes = self._swing_sizes(int((last - t0) / (period / 2)) + 2)
        for t, since in self._steps(t0 + 60.0, last):
            swing = math.sin(2 * math.pi * since / period) * sizes[int(since / (period / 2))]
            wx, wy = self._wobble(t)
            for end_, start, way in (("left", 180.0, -1.0), ("right", 0.0, 1.0)):
                angle = start + way * amp[end_] * swing
                x, y = on_circle(task.centre, task.radius, angle)
                out.append(Touch(ids[end_], Phase.MOVE, x + wx, y + wy, t))
        return out

    # -- rolling the pencil -------------------------------------------------------------
    def _pencil(self, task: Task, t0: float, end: float) -> list[Touch]:
        assert isinstance(task, PencilTask)
        p, sk = self.patient, self.skills
        cx, cy = task.x, task.y
        top, bottom = (cx, cy - task.r - 2.0), (cx, cy + task.r + 2.0)
        out = [Touch(INDEX, Phase.DOWN, *top, t0), Touch(THUMB, Phase.DOWN, *bottom, t0 + 40.0)]
        period = sk.pencil_period_ms * p.fatigue
        slide = sk.pencil_mm / p.fatigue
        strokes_left = task.goal - task.rolls + 1
        last = min(end, t0 + 80.0 + period / 2 * strokes_left + period / 4)
        slip_at = None
        for k in range(strokes_left):
            if p.chance(sk.slip_chance):
                slip_at = t0 + 80.0 + period / 2 * (k + 0.5)
                break
        sizes = self._swing_sizes(int((last - t0) / (period / 2)) + 2)
        held = 0.0
        for t, since in self._steps(t0 + 80.0, last):
            s = slide * math.sin(2 * math.pi * since / period) * sizes[int(since / (period / 2))]
            wx, wy = self._wobble(t, 0.5)
            if slip_at is not None and t >= slip_at:   # both the same way: it slides out
                drift = (t - slip_at) / 1000.0 * 60.0
                out += [Touch(INDEX, Phase.MOVE, top[0] + held + drift + wx, top[1] + wy, t),
                        Touch(THUMB, Phase.MOVE, bottom[0] - held + drift, bottom[1], t)]
                if drift > 36.0:
                    out.append(Touch(INDEX, Phase.UP, top[0], top[1], t + 60.0))
                    out.append(Touch(THUMB, Phase.UP, bottom[0], bottom[1], t + 90.0))
                    return out
                continue
            held = s
            out += [Touch(INDEX, Phase.MOVE, top[0] + s + wx, top[1] + wy, t),
                    Touch(THUMB, Phase.MOVE, bottom[0] - s - wx, bottom[1] - wy, t)]
        return out


def _pair(centre: Point, aperture: float, angle_deg: float, t: float, phase: Phase
          ) -> list[Touch]:
    """Thumb and index either side of the centre, their line at `angle_deg`."""
    dx = aperture / 2 * math.cos(math.radians(angle_deg))
    dy = aperture / 2 * math.sin(math.radians(angle_deg))
    return [Touch(THUMB, phase, centre[0] - dx, centre[1] - dy, t),
            Touch(INDEX, phase, centre[0] + dx, centre[1] + dy, t)]


def _lifted(touches: list[Touch]) -> list[Touch]:
    """The gesture, then every finger still down lifted: the exercise is over for it."""
    down: dict[int, Touch] = {}
    for touch in touches:
        if touch.phase is Phase.UP:
            down.pop(touch.finger, None)
        else:
            down[touch.finger] = touch
    end = max((touch.t_ms for touch in touches), default=0.0)
    return touches + [Touch(f, Phase.UP, last.x_mm, last.y_mm, end + 80.0 + 30.0 * k)
                      for k, (f, last) in enumerate(down.items())]
