"""Level files: `levels/<game>.toml`, parsed into frozen dataclasses and validated.

Every problem is one line naming the file, the level and the key:
    levels/tap.toml: level 'big-near': key 'width_mm': expected a number from 4 to 80, got 'big'
"""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Value = int | float | str | bool


class LevelError(Exception):
    """A level file that cannot be used; the message is one line."""


@dataclass(frozen=True)
class ParamSpec:
    """What a game accepts for one level parameter."""

    kind: type                       # int, float, str or bool
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    default: Value | None = None
    harder: str = ""                 # "smaller" or "larger": which way makes the task harder
    validate: Callable[[Any], None] | None = None
    """An extra check that raises ValueError("expected ...") (e.g. known shape names)."""

    def check(self, value: Any) -> Value:
        """The value, converted; raises ValueError with what was expected."""
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            raise ValueError("expected true or false")
        if self.kind is str:
            if not isinstance(value, str):
                raise ValueError("expected text")
            if self.choices and value not in self.choices:
                raise ValueError(f"expected one of {', '.join(self.choices)}")
            if self.validate is not None:
                self.validate(value)
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(self._range_text())
        if self.kind is int and (isinstance(value, float) and not value.is_integer()):
            raise ValueError(self._range_text())
        try:
            as_float = float(value)
        except OverflowError:   # a whole number with hundreds of digits
            raise ValueError(self._range_text()) from None
        if not math.isfinite(as_float) or \
                (self.minimum is not None and as_float < self.minimum) or \
                (self.maximum is not None and as_float > self.maximum):
            raise ValueError(self._range_text())
        number: Value = self.kind(value)
        return number

    def _range_text(self) -> str:
        noun = "a whole number" if self.kind is int else "a number"
        if self.minimum is not None and self.maximum is not None:
            return f"expected {noun} from {_num(self.minimum)} to {_num(self.maximum)}"
        return f"expected {noun}"


def _shown(value: Any) -> str:
    """A value as the message quotes it: short enough for one line."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _num(x: float) -> str:
    return f"{x:g}"


@dataclass(frozen=True)
class Adapt:
    """Which parameter the staircase moves, between its easy and hard bounds."""

    param: str
    easy: float
    hard: float
    step: float
    scale: str = "linear"            # "linear": step in the parameter's unit; "log": a ratio
    start: float | None = None       # first value for a new player (default: easy)
    linked: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    """Other parameters that move along with it: name -> (easy value, hard value)."""

    @property
    def first(self) -> float:
        return self.easy if self.start is None else self.start


@dataclass(frozen=True)
class Unlock:
    """Open the next level when the player has mastered this one: on `days` of the last
    `of_days` days played at it, the day's rounds had success at least `success` and were
    played at least as hard as `mastery` (their trials' mean value), in the adapted
    parameter's own unit (targets of 12 mm, say). A level file without `mastery` may give
    `at` instead: that share of the way from the easy bound to the hard one (1.0 = at the
    hard bound). (`rounds` and `of_last`, from older level files, mean `days` and
    `of_days`.) And it was played on at least `practice_days` days."""

    success: float = 0.8
    at: float = 1.0
    days: int = 2
    of_days: int = 3
    mastery: float | None = None
    practice_days: int = 1
    """And the level was played on at least this many days (practice before moving on)."""

    def mastery_value(self, adapt: Adapt) -> float:
        """The value that counts as mastered, in the adapted parameter's unit."""
        return value_at(adapt, self.at) if self.mastery is None else self.mastery


@dataclass(frozen=True)
class Level:
    game: str
    id: str
    name: str
    description: str
    params: Mapping[str, Value]
    adapt: Adapt | None = None
    unlock: Unlock = Unlock()
    checkup: bool = False

    def values(self, value: float | None = None) -> dict[str, Value]:
        """The parameters, with the adaptive one at `value` (default: its first value) and
        the linked ones at the same relative position between their bounds."""
        out = dict(self.params)
        if self.adapt is not None:
            v = self.adapt.first if value is None else value
            out[self.adapt.param] = v
            p = position_of(self.adapt, v)
            for name, (easy, hard) in self.adapt.linked.items():
                out[name] = easy + (hard - easy) * p
        return out


def stepped(adapt: Adapt, value: float, steps: float) -> float:
    """`value` moved `steps` of the staircase's steps towards hard (negative: towards easy),
    not held within the bounds."""
    direction = 1.0 if adapt.hard > adapt.easy else -1.0
    if adapt.scale == "log":
        return value * float(adapt.step ** (direction * steps))
    return value + direction * steps * adapt.step


def within(adapt: Adapt, value: float) -> float:
    """`value` held between the bounds."""
    low, high = sorted((adapt.easy, adapt.hard))
    return min(max(value, low), high)


def scale_mean(adapt: Adapt, values: Sequence[float]) -> float:
    """The mean of `values` on the parameter's scale (geometric on a log scale)."""
    if adapt.scale == "log":
        return math.exp(sum(math.log(v) for v in values) / len(values))
    return sum(values) / len(values)


def value_at(adapt: Adapt, position: float) -> float:
    """The adaptive parameter's value `position` of the way from easy (0) to hard (1)."""
    p = min(max(position, 0.0), 1.0)
    if adapt.scale == "log":
        return math.exp(math.log(adapt.easy) + p * (math.log(adapt.hard) - math.log(adapt.easy)))
    return adapt.easy + p * (adapt.hard - adapt.easy)


def position_of(adapt: Adapt, value: float) -> float:
    """Where `value` lies between easy (0) and hard (1)."""
    if adapt.easy == adapt.hard:
        return 1.0
    if adapt.scale == "log":
        p = (math.log(value) - math.log(adapt.easy)) / (math.log(adapt.hard) -
                                                       math.log(adapt.easy))
    else:
        p = (value - adapt.easy) / (adapt.hard - adapt.easy)
    return min(max(p, 0.0), 1.0)


@dataclass(frozen=True)
class Dose:
    """A day's practice of one game in the therapists' terms: `sets` rounds of `reps`
    repetitions (trials) each."""

    sets: int = 2
    reps: int = 10


DOSE_LIMITS = {"sets": (1, 10), "reps": (1, 40)}
HISTORY_DAYS = 20
"""Days of training rounds a player's progress keeps (the unlock rule looks back over
days, never further than this)."""


@dataclass(frozen=True)
class LevelSet:
    """A game's levels in order, its check-up, the success rate to aim for, and the daily
    dose a therapist starts from."""

    game: str
    levels: tuple[Level, ...]
    checkup: Level
    target_success: float = 0.8
    path: Path | None = None
    dose: Dose = Dose()

    def get(self, level_id: str) -> Level | None:
        if level_id == self.checkup.id:
            return self.checkup
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def index(self, level_id: str) -> int:
        return next(i for i, lv in enumerate(self.levels) if lv.id == level_id)


GameParams = Mapping[str, ParamSpec]

TOP_KEYS = ("game", "target_success", "dose", "defaults", "checkup", "levels")
LEVEL_KEYS = ("id", "name", "description", "params", "adapt", "unlock")
CHECKUP_KEYS = ("id", "name", "description", "params")
ADAPT_KEYS = ("param", "easy", "hard", "step", "scale", "start", "linked")
UNLOCK_KEYS = ("success", "mastery", "at", "days", "of_days", "practice_days", "rounds",
               "of_last")


class _Where:
    """Builds one-line error messages."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, level: str | None, key: str | None, problem: str) -> LevelError:
        parts = [str(self.path)]
        if level:
            parts.append(f"level {_shown(level)}")
        if key:
            parts.append(f"key {_shown(key)}")
        return LevelError(": ".join(parts) + f": {problem}")


def _unknown(where: _Where, level: str | None, table: Mapping[str, Any], allowed: tuple[str, ...],
             prefix: str = "") -> None:
    for key in table:
        if key not in allowed:
            guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f" (did you mean {guess[0]!r}?)" if guess else \
                f" (known keys: {', '.join(allowed)})"
            raise where.fail(level, prefix + key, f"unknown key{hint}")


def _number(where: _Where, level: str | None, key: str, value: Any, lo: float | None = None,
            hi: float | None = None, *, whole: bool = False) -> float:
    spec = ParamSpec(int if whole else float, lo, hi)
    try:
        return float(spec.check(value))
    except ValueError as error:
        raise where.fail(level, key, f"{error}, got {_shown(value)}") from None


def _text(where: _Where, level: str | None, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.fail(level, key, f"expected some text, got {_shown(value)}")
    return value.strip()


def _table(where: _Where, level: str | None, key: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise where.fail(level, key, f"expected a table, got {_shown(value)}")
    return value


def _params(where: _Where, level: str, raw: Mapping[str, Any], specs: GameParams,
            adaptive: set[str]) -> dict[str, Value]:
    _unknown(where, level, raw, tuple(specs), "params.")
    out: dict[str, Value] = {}
    for name, spec in specs.items():
        if name in raw:
            try:
                out[name] = spec.check(raw[name])
            except ValueError as error:
                raise where.fail(level, f"params.{name}",
                                 f"{error}, got {_shown(raw[name])}") from None
        elif spec.default is not None:
            out[name] = spec.default
        elif name not in adaptive:
            raise where.fail(level, f"params.{name}", "is missing")
    return out


def _adapt(where: _Where, level: str, raw: Any, specs: GameParams) -> Adapt:
    table = _table(where, level, "adapt", raw)
    _unknown(where, level, table, ADAPT_KEYS, "adapt.")
    for key in ("param", "easy", "hard", "step"):
        if key not in table:
            raise where.fail(level, f"adapt.{key}", "is missing")
    param = _text(where, level, "adapt.param", table["param"])
    spec = specs.get(param)
    if spec is None or spec.kind not in (int, float):
        numeric = [n for n, s in specs.items() if s.kind in (int, float)]
        raise where.fail(level, "adapt.param", f"expected a number parameter of this game "
                         f"({', '.join(numeric)}), got {_shown(param)}")
    bounds = {}
    for key in ("easy", "hard"):
        try:
            bounds[key] = float(spec.check(table[key]))
        except ValueError as error:
            raise where.fail(level, f"adapt.{key}", f"{error}, got {_shown(table[key])}") from None
    scale = table.get("scale", "linear")
    if scale not in ("linear", "log"):
        raise where.fail(level, "adapt.scale", f"expected 'linear' or 'log', got {_shown(scale)}")
    if scale == "log":
        step = _number(where, level, "adapt.step", table["step"], 1.001, 3.0)
        if min(bounds.values()) <= 0:
            raise where.fail(level, "adapt.easy", "a log scale needs positive bounds")
    else:
        step = _number(where, level, "adapt.step", table["step"], 1e-9,
                       abs(bounds["easy"] - bounds["hard"]) or None)
    start = table.get("start")
    if start is not None:
        lo, hi = sorted((bounds["easy"], bounds["hard"]))
        start = _number(where, level, "adapt.start", start, lo, hi)
    linked: dict[str, tuple[float, float]] = {}
    for name, pair in _table(where, level, "adapt.linked", table.get("linked", {})).items():
        other = specs.get(name)
        if other is None or other.kind not in (int, float) or name == param:
            raise where.fail(level, f"adapt.linked.{name}", "expected another number "
                             "parameter of this game")
        if not (isinstance(pair, list) and len(pair) == 2):
            raise where.fail(level, f"adapt.linked.{name}", f"expected [easy, hard], got "
                             f"{_shown(pair)}")
        try:
            linked[name] = (float(other.check(pair[0])), float(other.check(pair[1])))
        except ValueError as error:
            raise where.fail(level, f"adapt.linked.{name}",
                             f"{error}, got {_shown(pair)}") from None
    adapt = Adapt(param, bounds["easy"], bounds["hard"], step, scale, start, linked)
    _check_direction(where, level, param, adapt, spec)
    return adapt


def _check_direction(where: _Where, level: str, param: str, adapt: Adapt,
                     spec: ParamSpec) -> None:
    """Catch an easy bound that is harder than the hard one (the game says which way is hard)."""
    if adapt.easy == adapt.hard:
        raise where.fail(level, "adapt.hard", "must differ from the easy bound")
    wrong = (spec.harder == "smaller" and adapt.easy < adapt.hard) or (
        spec.harder == "larger" and adapt.easy > adapt.hard)
    if wrong:
        raise where.fail(level, "adapt.easy", f"the easy bound ({_num(adapt.easy)}) is harder "
                         f"than the hard one ({_num(adapt.hard)}): {spec.harder} {param} "
                         f"is harder")


def _unlock(where: _Where, level: str, raw: Any, adapt: Adapt | None) -> Unlock:
    table = _table(where, level, "unlock", raw)
    _unknown(where, level, table, UNLOCK_KEYS, "unlock.")
    mastery = None
    if "mastery" in table:
        if adapt is None:
            raise where.fail(level, "unlock.mastery", "needs an adapt table to be measured in")
        low, high = sorted((adapt.easy, adapt.hard))
        mastery = _number(where, level, "unlock.mastery", table["mastery"], low, high)
    success = _number(where, level, "unlock.success", table.get("success", 0.8), 0.0, 1.0)
    at = _number(where, level, "unlock.at", table.get("at", 1.0), 0.0, 1.0)
    of_key = "of_days" if "of_days" in table or "of_last" not in table else "of_last"
    of_days = int(_number(where, level, f"unlock.{of_key}", table.get(of_key, 3), 1, 20,
                          whole=True))
    key = "days" if "days" in table or "rounds" not in table else "rounds"
    days = int(_number(where, level, f"unlock.{key}", table.get(key, 2), 1, of_days,
                       whole=True))
    practice = int(_number(where, level, "unlock.practice_days", table.get("practice_days", 1),
                           1, HISTORY_DAYS, whole=True))
    return Unlock(success, at, days, of_days, mastery, practice)


def parse_levels(data: Mapping[str, Any], specs: GameParams, path: Path,
                 game: str | None = None) -> LevelSet:
    """Validate parsed TOML into a LevelSet (raises LevelError)."""
    where = _Where(path)
    _unknown(where, None, data, TOP_KEYS)
    name = _text(where, None, "game", data.get("game", ""))
    if game is not None and name != game:
        raise where.fail(None, "game", f"expected {game!r}, got {_shown(name)}")
    target = _number(where, None, "target_success", data.get("target_success", 0.8), 0.5,
                     0.95)
    defaults = _table(where, None, "defaults", data.get("defaults", {}))
    _params(where, "defaults", defaults, specs, set(specs))   # checked once, by its own name
    raw_levels = data.get("levels")
    if not isinstance(raw_levels, list) or not raw_levels:
        raise where.fail(None, "levels", "expected at least one [[levels]] table")
    levels: list[Level] = []
    seen: set[str] = set()
    for n, raw in enumerate(raw_levels, start=1):
        table = _table(where, f"#{n}", "levels", raw)
        level_id = _text(where, f"#{n}", "id", table.get("id", ""))
        if level_id in seen:
            raise where.fail(level_id, "id", "is used twice")
        seen.add(level_id)
        _unknown(where, level_id, table, LEVEL_KEYS)
        adapt = _adapt(where, level_id, table["adapt"], specs) if "adapt" in table else None
        adaptive = {adapt.param, *adapt.linked} if adapt else set()
        own = _table(where, level_id, "params", table.get("params", {}))
        params = _params(where, level_id, {**defaults, **own}, specs, adaptive)
        levels.append(Level(name, level_id, _text(where, level_id, "name", table.get("name")),
                            _text(where, level_id, "description", table.get("description")),
                            params, adapt,
                            _unlock(where, level_id, table.get("unlock", {}), adapt)))
    raw_check = _table(where, "checkup", "checkup", data.get("checkup"))
    _unknown(where, "checkup", raw_check, CHECKUP_KEYS)
    check_id = _text(where, "checkup", "id", raw_check.get("id", "checkup"))
    if check_id in seen:
        raise where.fail(check_id, "id", "is also the check-up's id; give the level "
                                         "another id")
    checkup = Level(name, check_id,
                    _text(where, "checkup", "name", raw_check.get("name")),
                    _text(where, "checkup", "description", raw_check.get("description")),
                    _params(where, "checkup",
                            {**defaults, **_table(where, "checkup", "params",
                                                  raw_check.get("params", {}))}, specs,
                            set()), None, Unlock(), checkup=True)
    return LevelSet(name, tuple(levels), checkup, target, path,
                    _dose(where, data.get("dose", {})))


def _dose(where: _Where, raw: Any) -> Dose:
    table = _table(where, None, "dose", raw)
    _unknown(where, None, table, tuple(DOSE_LIMITS), "dose.")
    sets, reps = (int(_number(where, None, f"dose.{key}", table.get(key, default), low, high,
                              whole=True))
                  for key, default, (low, high) in zip(DOSE_LIMITS, (Dose.sets, Dose.reps),
                                                       DOSE_LIMITS.values(), strict=True))
    return Dose(sets, reps)


def load_levels(path: Path, specs: GameParams, game: str | None = None) -> LevelSet:
    """Read and validate a level file (raises LevelError with one line)."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise LevelError(f"{path}: no such level file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LevelError(f"{path}: cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise LevelError(f"{path}: not valid TOML ({error})") from None
    return parse_levels(data, specs, path, game)
