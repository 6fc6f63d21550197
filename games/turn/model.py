"""The turn game's rules. A trial goes: the exercise appears and its contacts land
("place"), the hand turns ("turn"; a pencil that falls is "dropped" until the fingers are
off), and the trial ends when the exercise is done, or at the time limit. Between trials
every finger leaves the screen ("clear"). The five exercises are in `games.turn.tasks`.
Pure: touches in, trials out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from engine.game import RoundModel, RoundSetup, Trial
from engine.levels.difficulty import Difficulty
from engine.scoring.result import clean
from engine.touch import Phase, Touch
from games.turn.summary import summarise
from games.turn.tasks.base import Board, Task
from games.turn.tasks.circles import CirclesTask
from games.turn.tasks.dial import DialTask
from games.turn.tasks.pencil import PencilTask
from games.turn.tasks.side import SideTask
from games.turn.tasks.wring import WringTask

HINT_MS = 2000.0
FRAME_GAP_MS = 20.0
"""A frame of two contacts is whole once nothing more came this long after it (a panel
reports nothing while the fingers are still)."""
TASKS: dict[str, type[Task]] = {t.kind: t for t in (CirclesTask, SideTask, DialTask,
                                                    WringTask, PencilTask)}


@dataclass(frozen=True)
class Hint:
    key: str
    t_ms: float


class TurnModel(RoundModel):
    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        self.params = difficulty.params()
        self.kinds = str(self.params["tasks"]).split("+")
        self.total = int(self.params["trials"])
        self.board = Board.of(setup.board_w_mm, setup.board_h_mm)
        self.phase = "clear"
        self.contacts: dict[int, tuple[float, float]] = {}
        self.task: Task | None = None
        self.hint: Hint | None = None
        self.schedule(600.0, self._begin, "begin")

    @property
    def kind(self) -> str:
        return self.task.kind if self.task else self.kinds[self.done % len(self.kinds)]

    # -- the flow -----------------------------------------------------------------------
    def _begin(self, t: float) -> None:
        if self.finished:
            return
        if self.contacts:
            self.phase = "clear"
            return          # the next exercise waits until every finger is off (`_up`)
        self.params = self.difficulty.params()
        self.task = self._make(self.kind, t)
        self.phase = self.task.phase
        limit = self.time_limit({"time_limit_ms": self.task.limit_ms()})
        if limit is not None:
            self.schedule(t + limit, self._time_up, "limit")

    def _make(self, kind: str, t: float) -> Task:
        """The next trial of `kind`: clockwise and counter-clockwise in turn (or as the
        level says); a dial's targets in order, each both ways."""
        before = sum(1 for tr in self.results if tr["kind"] == kind)
        way = str(self.params["direction"])
        sign = {"cw": 1, "ccw": -1}.get(way, 1 if before % 2 == 0 else -1)
        if kind == "dial":
            angles = [float(a) for a in str(self.params["angles"]).split(",")]
            return DialTask(self.board, self.params, sign, t,
                            angle_deg=angles[(before // 2) % len(angles)])
        return TASKS[kind](self.board, self.params, sign, t)

    def on_touch(self, touch: Touch) -> None:
        self._advance(touch.t_ms)
        if self.finished or not all(map(math.isfinite, (touch.x_mm, touch.y_mm, touch.t_ms))):
            return
        self._settle(touch.t_ms, everything=touch.phase is not Phase.MOVE)
        if touch.phase is Phase.UP:
            if self.contacts.pop(touch.finger, None) is not None:
                self._up(touch)
            return
        was_down = touch.finger in self.contacts
        if touch.phase is Phase.MOVE:
            if was_down:
                self.contacts[touch.finger] = (touch.x_mm, touch.y_mm)
                self._after(touch.t_ms, self.task.move(touch) if self.task else None)
            return
        if was_down:                         # a down without its up: the old one is over
            self.contacts.pop(touch.finger)
            self._up(touch)
        self.contacts[touch.finger] = (touch.x_mm, touch.y_mm)
        task = self.task
        if task is not None and self.phase != "clear" and not task.down(touch):
            task.strays += 1
            self.hint = Hint(f"turn.hint.{task.kind}", touch.t_ms)
        self._after(touch.t_ms, None)

    def _up(self, touch: Touch) -> None:
        if self.task is None:
            if self.phase == "clear" and not self.contacts and self.scheduled("begin") is None:
                self.schedule(touch.t_ms + 300.0, self._begin, "begin")
            return
        self._after(touch.t_ms, self.task.up(touch))

    def _after(self, t: float, outcome: str | None) -> None:
        """After a touch: end the trial, or follow the exercise's phase and its clock."""
        task = self.task
        if task is None:
            return
        if outcome is not None:
            self._end(t, outcome)
            return
        self.phase = task.phase
        frame = task.frame_ms
        if frame is not None:
            self.schedule(frame + FRAME_GAP_MS, self._settle, "frame")
        pending = self.scheduled("wake")
        if task.wake_ms is None:
            if pending is not None:
                self.cancel("wake")
        elif pending is None or pending.t_ms != task.wake_ms:
            self.schedule(task.wake_ms, self._wake, "wake")

    def _settle(self, t: float, *, everything: bool = False) -> None:
        """Judge a frame of two contacts' reports once it is whole: time has moved past
        it (or, `everything`, a finger lands or lifts)."""
        if self.task is not None:
            self._after(t, self.task.settle(t, everything=everything))

    def _wake(self, t: float) -> None:
        self._settle(t)         # a frame at this very time may still be coming in
        if self.task is not None:
            outcome = self.task.wake(t)
            if outcome is not None:
                self._end(t, outcome)

    def _time_up(self, t: float) -> None:
        self._settle(t)
        if self.task is not None:
            self._end(t, self.task.timeout())

    # -- a finished trial ---------------------------------------------------------------
    def _end(self, t: float, outcome: str) -> None:
        task = self.task
        if task is None:
            return
        for key in ("limit", "wake", "frame"):
            self.cancel(key)
        measures = clean(task.measures(t))
        trial: Trial = {
            "kind": task.kind, "task": task.kind, "index": self.done,
            "success": bool(task.succeeded(outcome, measures)),
            "level_value": self.difficulty.adapted, "outcome": outcome, "label": task.label,
            "onset_ms": task.onset_ms, "end_ms": t,
            "start_ms": task.started_ms, "strays": task.strays, "lifts": task.lifts,
            **measures,
        }
        self.task, self.phase = None, "clear"
        if self.record(trial):
            self.schedule(t + float(self.params["pause_ms"]), self._begin, "begin")

    def summary(self) -> dict[str, Any]:
        return {**summarise(self.results, self.kinds), "final_value": self.difficulty.adapted}
