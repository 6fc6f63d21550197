"""Adaptation: for each game and simulated patient, trials to convergence and the final
setting of the first level's staircase (median over seeds)."""

from __future__ import annotations

import statistics

from bench.common import heading, row
from engine.sim.hand import PRESETS
from engine.sim.session import converge
from games.registry import all_specs

SEEDS = range(10)
TRIALS = 40


def main() -> None:
    heading(f"Adaptation: first level, {TRIALS} trials, median of {len(SEEDS)} seeds")
    for game in all_specs():
        level = game.levels.levels[0]
        assert level.adapt is not None
        for name in PRESETS:
            runs = [converge(game, level.id, PRESETS[name], TRIALS, seed) for seed in SEEDS]
            settle = [r.trials_to_converge() for r in runs]
            settled = [s for s in settle if s is not None]
            rate = statistics.median(r.running_rate() for r in runs)
            final = statistics.median(r.values[-1] for r in runs)
            when = f"{statistics.median(settled):.0f}" if settled else "never"
            row(f"{game.id:<6} {name:<9} settles (within 0.8 +- 0.05) after",
                f"{when} trials ({len(settled)}/{len(runs)} runs); running rate {rate:.2f}; "
                f"final {level.adapt.param} {final:.1f}")


if __name__ == "__main__":
    main()
