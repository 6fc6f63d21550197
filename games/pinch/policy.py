"""How a simulated patient plays the pinch game."""

from __future__ import annotations

import math

from engine.sim.hand import SimPatient
from engine.touch import Phase, Touch
from games.pinch.board import Peg
from games.pinch.pegs import PegModel
from games.pinch.sizing import SizeModel
from games.pinch.skills import SKILLS

SAMPLE_MS = 16.0
"""A simulated finger reports every 16 ms (62.5 Hz: a common tablet's touch rate; 8 ms
doubled the simulation's work for no difference in what the games measure)."""
THUMB, INDEX = 1, 2
CORRECTION = 0.45   # a watched correction leaves this share of the first landing's error


def _min_jerk(s: float) -> float:
    return 10 * s ** 3 - 15 * s ** 4 + 6 * s ** 5


class PinchPolicy:
    def __init__(self, patient: SimPatient) -> None:
        self.patient = patient
        self.skills = SKILLS.of(patient.hand)
        self.start_minutes = patient.minutes_played
        self._last: object = None

    def plan(self, model: PegModel | SizeModel, t_ms: float) -> list[Touch]:
        self.patient.at_time(t_ms, self.start_minutes)
        if isinstance(model, SizeModel):
            return self._size(model, t_ms)
        return self._peg(model, t_ms)

    # -- the peg board ------------------------------------------------------------------------
    def _peg(self, model: PegModel, t: float) -> list[Touch]:
        if model.carry is not None or model.finished:
            return []
        pegs = model.movable()
        if not pegs:
            return []
        key = (model.done, model.trial.drops, model.trial.misses, model.trial.grabs)
        if key == self._last:
            return []
        self._last = key
        p = self.patient
        peg = pegs[0]
        if model.phase == "in":
            hole = min(model.empty_holes(), key=lambda i: math.dist(model.layout.holes[i],
                                                                    (peg.x_mm, peg.y_mm)))
            goal = model.layout.holes[hole]
            width = 2 * model.tolerance_mm
        else:
            tray = model.layout.tray
            goal = (tray.center[0] + p.rng.uniform(-tray.w / 4, tray.w / 4),
                    tray.center[1] + p.rng.uniform(-tray.h / 4, tray.h / 4))
            width = min(tray.w, tray.h) / 2
        start = t + p.reaction_ms() + p.movement_ms(40.0, model.layout.peg_mm)
        here = model.peg_position(peg, start)
        grab = p.endpoint(here[0], here[1], start)
        # the player watches the peg, not the fingers: steer the grip so the peg lands
        goal = (goal[0] - (here[0] - grab[0]), goal[1] - (here[1] - grab[1]))
        distance = math.dist(here, goal)
        duration = p.movement_ms(distance, width) * 1.3
        if model.one_finger:
            return self._drag(model, grab, goal, start, duration)
        return self._pinch(model, peg, grab, goal, start, duration)

    def _path(self, model: PegModel, grab: tuple[float, float], goal: tuple[float, float],
              start: float, duration: float) -> list[tuple[float, float, float]]:
        """(t, x, y) of the grip from the pick-up to just before letting go: a main
        movement, then one corrective movement while watching the peg near the hole."""
        p = self.patient
        end_t = start + duration
        aim = self._aim(model, goal, end_t)
        land = p.endpoint(aim[0], aim[1], end_t)
        points = self._submovement(grab, land, start, duration)
        error = math.dist(land, aim)
        fix_ms = p.movement_ms(error + 1.0, 2.0 * model.tolerance_mm + 1.0)
        aim = self._aim(model, goal, end_t + fix_ms)
        shake = p.tremor(end_t + fix_ms)
        settle = (aim[0] + (land[0] - aim[0]) * CORRECTION + shake[0] * 0.5,
                  aim[1] + (land[1] - aim[1]) * CORRECTION + shake[1] * 0.5)
        return points + self._submovement(land, settle, end_t, fix_ms)

    def _aim(self, model: PegModel, goal: tuple[float, float], t: float
             ) -> tuple[float, float]:
        """Where the goal will be at time t (holes that move are followed)."""
        if model.motion_mm <= 0 or model.phase != "in":
            return goal
        holes = model.layout.holes
        index = min(range(len(holes)), key=lambda i: math.dist(holes[i], goal))
        rest, now = holes[index], model.hole_at(index, t)
        return (goal[0] + now[0] - rest[0], goal[1] + now[1] - rest[1])

    def _submovement(self, a: tuple[float, float], b: tuple[float, float], start: float,
                     duration: float) -> list[tuple[float, float, float]]:
        p = self.patient
        steps = max(3, int(duration / SAMPLE_MS))
        points = []
        for k in range(1, steps + 1):
            s = _min_jerk(k / steps)
            tx, ty = p.tremor(start + k * SAMPLE_MS)
            points.append((start + k * SAMPLE_MS, a[0] + (b[0] - a[0]) * s + tx * 0.5,
                           a[1] + (b[1] - a[1]) * s + ty * 0.5))
        return points

    def _drag(self, model: PegModel, grab: tuple[float, float], goal: tuple[float, float],
              start: float, duration: float) -> list[Touch]:
        touches = [Touch(INDEX, Phase.DOWN, grab[0], grab[1], start)]
        points = self._path(model, grab, goal, start, duration)
        touches += [Touch(INDEX, Phase.MOVE, x, y, t) for t, x, y in points]
        last = touches[-1]
        touches.append(Touch(INDEX, Phase.UP, last.x_mm, last.y_mm, last.t_ms + 30.0))
        return touches

    def _pinch(self, model: PegModel, peg: Peg, grab: tuple[float, float],
               goal: tuple[float, float], start: float, duration: float) -> list[Touch]:
        p = self.patient
        noise = self.skills.aperture_noise_mm
        aperture = max(4.0, model.layout.peg_mm + p.rng.normal(6.0, noise))
        angle = p.rng.uniform(0, math.pi)
        half = (aperture / 2 * math.cos(angle), aperture / 2 * math.sin(angle))
        second = start + p.rng.uniform(30.0, 160.0)
        touches = [Touch(THUMB, Phase.DOWN, grab[0] - half[0], grab[1] - half[1], start),
                   Touch(INDEX, Phase.DOWN, grab[0] + half[0], grab[1] + half[1], second)]
        turn = -peg.angle_deg if model.keyed else 0.0
        turn += p.rng.normal(0.0, 6.0 * p.fatigue) if model.keyed else 0.0
        points = self._path(model, grab, goal, second, duration)
        drop_at = None
        if p.chance(0.15 * self.skills.lift_chance * p.fatigue):
            drop_at = int(len(points) * p.rng.uniform(0.3, 0.7))
        for k, (t, x, y) in enumerate(points):
            a = angle + math.radians(turn) * (k + 1) / len(points)
            spread = aperture / 2 + p.rng.normal(0, noise * 0.05)
            dx, dy = spread * math.cos(a), spread * math.sin(a)
            touches += [Touch(THUMB, Phase.MOVE, x - dx, y - dy, t),
                        Touch(INDEX, Phase.MOVE, x + dx, y + dy, t)]
            if drop_at is not None and k == drop_at:
                touches.append(Touch(INDEX, Phase.UP, x + dx, y + dy, t + 1.0))
                touches.append(Touch(THUMB, Phase.UP, x - dx, y - dy, t + 40.0))
                return touches
        last_t = touches[-1].t_ms
        thumb = next(x for x in reversed(touches) if x.finger == THUMB)
        index = next(x for x in reversed(touches) if x.finger == INDEX)
        touches.append(Touch(INDEX, Phase.UP, index.x_mm, index.y_mm, last_t + 20.0))
        touches.append(Touch(THUMB, Phase.UP, thumb.x_mm, thumb.y_mm, last_t + 45.0))
        return touches

    # -- pinch-to-size ------------------------------------------------------------------------
    def _size(self, model: SizeModel, t: float) -> list[Touch]:
        """Reach the size, correct it while watching, then hold it with some tremor."""
        s = model.sizing
        if s is None or s.fingers:
            return []
        key = (model.done, s.grips)
        if key == self._last:
            return []
        self._last = key
        p = self.patient
        start = max(t, s.onset_ms) + p.reaction_ms() + 300.0
        bias = p.rng.normal(0, self.skills.aperture_noise_mm * 0.35 * p.fatigue)
        duration = p.movement_ms(abs(s.target_mm - s.size_mm) + 5.0, 4.0)
        hold = float(model._params["hold_ms"]) + 300.0
        steps = max(3, int(duration / SAMPLE_MS))
        sizes = [s.size_mm + (s.target_mm + bias - s.size_mm) * _min_jerk(k / steps)
                 for k in range(1, steps + 1)]
        end = start + 80.0 + steps * SAMPLE_MS
        held = []
        for k in range(1, int(hold / SAMPLE_MS) + 1):
            shake = p.tremor(end + k * SAMPLE_MS)[0] * 1.2
            held.append(s.target_mm + bias + shake)
        return self._spread(model, [*sizes, *held], start)

    def _spread(self, model: SizeModel, sizes: list[float], start: float) -> list[Touch]:
        """Touches that make the shape take `sizes` in turn (two fingers, or the handle)."""
        s = model.sizing
        assert s is not None
        cx, cy = model.centre
        t0 = start + 80.0
        if model.one_finger:
            hx, hy = model.handle_point()
            sign = -1.0 if model.setup.mirrored else 1.0
            touches = [Touch(INDEX, Phase.DOWN, hx, hy, start)]
            touches += [Touch(INDEX, Phase.MOVE, cx + sign * size / 2, cy, t0 + k * SAMPLE_MS)
                        for k, size in enumerate(sizes, start=1)]
            last = touches[-1]
            touches.append(Touch(INDEX, Phase.UP, last.x_mm, cy, last.t_ms + 20.0))
            return touches
        a0 = 30.0
        touches = [Touch(THUMB, Phase.DOWN, cx - a0 / 2, cy, start),
                   Touch(INDEX, Phase.DOWN, cx + a0 / 2, cy, start + 60.0)]
        for k, size in enumerate(sizes, start=1):
            a = a0 * size / s.size_mm
            touches += [Touch(THUMB, Phase.MOVE, cx - a / 2, cy, t0 + k * SAMPLE_MS),
                        Touch(INDEX, Phase.MOVE, cx + a / 2, cy, t0 + k * SAMPLE_MS)]
        end_t = touches[-1].t_ms
        a = a0 * sizes[-1] / s.size_mm
        touches += [Touch(INDEX, Phase.UP, cx + a / 2, cy, end_t + 20.0),
                    Touch(THUMB, Phase.UP, cx - a / 2, cy, end_t + 40.0)]
        return touches
