"""A game as the engine and the shell see it: one `GameSpec` says everything about it.

The shell's results screen, trends, report, trial table, praise and daily plan are all
generated from the spec's `metrics`, `variants` and `minutes_per_round`; nothing outside
a game's package names the game.
"""

from __future__ import annotations

import enum
import importlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.game import GameModel, Policy, RoundSetup
from engine.i18n import add_strings, catalogue, t
from engine.levels.difficulty import Difficulty
from engine.levels.schema import Level, LevelSet, ParamSpec, Value, load_levels
from engine.resources import resource_path

if TYPE_CHECKING:
    from engine.round_scene import GameView
    from engine.sim.hand import HandModel, SimPatient
    from engine.sim.skills import Skills


class Shows(enum.Flag):
    """Where a metric is shown."""

    RESULTS = enum.auto()   # the player's results screen, after a round
    TRENDS = enum.auto()    # the therapist's trend charts (and the report's charts and table)
    TRIALS = enum.auto()    # a column of the therapist's table of a round's trials
    PRAISE = enum.auto()    # a kind sentence when the round beats the player's recent ones


NOWHERE = Shows(0)

DECIMALS = {"%": 0, "ms": 0, "s": 1, "mm": 1, "bits/s": 2}
"""Decimals a value in this unit is shown with (others: one)."""


@dataclass(frozen=True)
class Praise:
    """When a metric earns a kind sentence: better than the `"last"` round, the median of
    the `"recent"` ones, or the `"best"` so far, by more than `margin` (a fraction)."""

    text: str                 # text key, filled with {change}: how much better
    against: str = "recent"
    margin: float = 0.05
    least: float = 0.0        # a smaller change (in the shown unit) is not worth saying


@dataclass(frozen=True)
class Metric:
    """One of a game's numbers: a key in its round summary (or, for the trial table, in its
    trials), with its label, unit, direction and where it shows."""

    key: str
    label: str                          # text key
    unit: str = ""                      # "%", "ms", "s", "mm", "bits/s", "/s"...
    shows: Shows = NOWHERE
    higher_is_better: bool = True
    scale: float = 1.0                  # shown value = stored value * scale
    kinds: tuple[str, ...] = ()
    """Results: the kinds of round showing it (all if empty); a round of several kinds in
    turn ("cycles+pinch") shows the metrics of each."""
    text: str = ""                      # results: the value's text key, filled with {value}
    derive: Callable[[Mapping[str, Any]], float | None] | None = None
    """Computes the value from the summary instead of reading `key`."""
    checkup_only: bool = False          # meaningful only on the fixed check-up task
    column: str = ""                    # trial table: a shorter key for the column's title
    praise: Praise | None = None
    count: str = ""
    """Results: the summary key whose number picks the text's plural form ({count})."""
    decimals: int | None = None
    """Shown with this many decimals (by default the unit's, `DECIMALS`)."""
    group: str = ""
    """Trends: a text key naming metrics that belong together (one per finger, say); the
    report draws them in one chart and gives them their own table, a row each."""

    def value(self, numbers: Mapping[str, Any]) -> float | None:
        """The shown value (scaled), or None if it is missing or not a finite number."""
        if self.derive is not None:
            return self.derive(numbers)
        raw = numbers.get(self.key)
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
            return None
        return float(raw) * self.scale if self.scale != 1.0 else float(raw)

    def format(self, value: float | None) -> str:
        """The value with its unit, at a sensible precision ("84 %", "1.2 s")."""
        if value is None or not math.isfinite(value):
            return "–"
        decimals = DECIMALS.get(self.unit, 1) if self.decimals is None else self.decimals
        return f"{value:.{decimals}f} {self.unit}".rstrip()

    def result_text(self, summary: Mapping[str, Any]) -> str | None:
        """The value as the results screen says it, or None if it is missing."""
        value = self.value(summary)
        if value is None:
            return None
        if not self.text:
            return self.format(value)
        counted = {"count": summary.get(self.count, 0)} if self.count else {}
        return t(self.text, **{**summary, "value": value, **counted})

    @property
    def title(self) -> str:
        """The label with its unit, as charts and tables head it ("Reaction time (s)"; an
        index without a unit has none)."""
        return f"{t(self.label)} ({self.unit})" if self.unit else t(self.label)

    def shown_on(self, where: Shows, kind: str = "") -> bool:
        return bool(self.shows & where) and (
            not self.kinds or any(part in self.kinds for part in kind.split("+")))


@dataclass(frozen=True)
class Variant:
    """A way of playing a game that is tracked apart (its own levels and trends)."""

    id: str                   # stored with each round; "" is the game's usual way
    label: str                # text key for the start screen
    fingers: int = 1          # how many fingers it needs on the screen at once

    @property
    def suits_mouse(self) -> bool:
        return self.fingers <= 1


USUAL = (Variant("", "start.usual"),)


@dataclass(frozen=True)
class GameShot:
    """A picture of the game for `deftly shot` and the golden tests: a round of `level`
    part-way (after `trials` trials), its results screen after `days` of demo play, or
    the therapist's trends of it."""

    name: str                 # the shot is called "<game id>" or "<game id>-<name>"
    level: str
    trials: int = 3
    seed: int = 5
    results: bool = False
    days: int = 0
    lifted: bool = False      # the next gesture part-way, then the finger lifted
    partway: float = 0.0      # the share of the next gesture played, fingers left down
    trends: bool = False      # the therapist's trends of this game, on the demo's six weeks


def _load(target: str) -> Any:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class GameSpec:
    """A minigame: its rules, its simulated player, its look and its numbers.

    Texts come from the game's strings (`<id>.name`, `<id>.short`, `<id>.blurb`, `<id>.reps`
    and its own keys);
    the view is named as "module:Class" so that commands without a screen never import
    pygame."""

    id: str
    params: Mapping[str, ParamSpec]
    make_model: Callable[[RoundSetup, Difficulty], GameModel]
    make_policy: Callable[[SimPatient], Policy]
    view: str                               # "module:Class" of the game's GameView
    metrics: tuple[Metric, ...]
    skills: Skills[Any]
    """The simulated patient's abilities in this game, for each severity."""
    variants: tuple[Variant, ...] = USUAL
    minutes_per_round: float = 1.0          # results screen included: the daily plan's unit
    preview: str = ""                       # "module:function" painting the results preview
    order: int = 100
    """Where the game stands on the home screen and in reports (smaller first)."""
    strings: Path | None = None
    """The folder of the game's text files (`en.toml`, ...), if it has its own."""
    level_file: Path | None = None
    """The game's level file; by default `levels/<id>.toml`."""
    shots: tuple[GameShot, ...] = ()
    note: str = ""
    """A text key: what a therapist must know to read this game's numbers (the report
    prints it under the title)."""
    level_fingers: Callable[[Mapping[str, Value]], int] | None = None
    """The fingers at once a level needs, from its parameters, where levels differ (one
    finger rolls a ball, two turn a dial); by default its variant's."""
    reps_param: Callable[[Mapping[str, Value]], str] | None = None
    """The parameter that counts a level's repetitions, from its parameters, where it is
    not `trials` (the peg board's `pegs`)."""

    def reps_key(self, params: Mapping[str, Value]) -> str:
        return self.reps_param(params) if self.reps_param is not None else "trials"

    def __post_init__(self) -> None:
        if self.strings is not None:
            add_strings(self.strings)

    @property
    def name(self) -> str:
        return t(f"{self.id}.name")

    @property
    def short_name(self) -> str:
        """One word, for the therapist's game chips."""
        return t(f"{self.id}.short")

    @property
    def blurb(self) -> str:
        return t(f"{self.id}.blurb")

    def reps(self, count: int) -> str:
        """`count` repetitions in the game's own word ("10 taps"): `<id>.reps`, else
        "10 repetitions"."""
        key = f"{self.id}.reps"
        return t(key, count=count) if key in catalogue() else t("dose.reps", count=count)

    @cached_property
    def levels(self) -> LevelSet:
        """The game's level file (raises LevelError with one line if it is broken)."""
        path = self.level_file or resource_path("levels", f"{self.id}.toml")
        return load_levels(path, self.params, self.id)

    def make_view(self) -> GameView:
        """A new view object (imports pygame; only the shell calls this)."""
        view: GameView = _load(self.view)()
        return view

    def preview_painter(self) -> Callable[..., None] | None:
        """The results preview painter, if the game has one (imports pygame)."""
        return _load(self.preview) if self.preview else None

    def shown(self, where: Shows, kind: str = "") -> list[Metric]:
        """The metrics shown in one place (on the results screen: for one kind of round)."""
        return [m for m in self.metrics if m.shown_on(where, kind)]

    @property
    def fewest_fingers(self) -> int:
        """The fingers at once its easiest variant needs (more than one: not with a mouse)."""
        return min(v.fingers for v in self.variants)

    def fingers_for(self, level: Level, variant_id: str = "") -> int:
        """The fingers at once `level` needs, played the variant's way."""
        own = self.level_fingers(level.params) if self.level_fingers is not None else 1
        return max(own, self.variant(variant_id).fingers)

    def variant(self, variant_id: str) -> Variant:
        for candidate in self.variants:
            if candidate.id == variant_id:
                return candidate
        return self.variants[0]

    def sim_variant(self, hand: HandModel) -> str:
        """The way a simulated hand plays this game."""
        return self.skills.variant_for(hand)
