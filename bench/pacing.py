"""Pacing: for each game and simulated patient, the day of regular play on which the
second and third levels open, over 90 days of the game's daily dose (engine.sim.pacing),
and how many times faster the fastest game is than the slowest, per patient."""

from __future__ import annotations

from bench.common import heading, row
from engine.sim.hand import PRESETS
from engine.sim.pacing import PACING_DAYS, pace
from games.registry import all_specs


def main() -> None:
    heading(f"Pacing: day the 2nd and 3rd levels open, {PACING_DAYS} days of daily play")
    games = all_specs()
    for name, hand in PRESETS.items():
        seconds = []
        for game in games:
            result = pace(game, hand)
            second, third = result.day_of(2), result.day_of(3)
            seconds.append(second)
            row(f"{name:<9} {game.id:<8}", f"2nd level day {second or 'never'}, 3rd level day "
                f"{third or 'never'}{', DEMOTED' if result.demoted else ''}")
        opened = [d for d in seconds if d is not None]
        if opened:
            row(f"{name:<9} spread", f"2nd level opens days {min(opened)} to {max(opened)}: "
                f"the slowest game {max(opened) / min(opened):.1f} times the fastest "
                f"({len(opened)} of {len(seconds)} games)")


if __name__ == "__main__":
    main()
