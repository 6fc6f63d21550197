"""`deftly sim`: play rounds headless with a simulated patient."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from deftly.commands.common import CommandError, add_data_dir, name, whole
from engine.sim import PATIENTS

MAX_DAYS = 3 * 366   # three years of practice: more is a typo


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("sim", help="play rounds headless with a simulated patient",
                                 description="Simulated play, for testing and demo data.")
    parser.add_argument("--game", help="the game to play (required unless --days)")
    parser.add_argument("--patient", choices=PATIENTS, default="moderate")
    parser.add_argument("--rounds", type=whole(1, 500), default=3, metavar="N")
    parser.add_argument("--level", help="play this level (default: the player's current one)")
    parser.add_argument("--checkup", action="store_true", help="play the game's check-up")
    parser.add_argument("--hand", choices=("left", "right", "both"), default="right")
    parser.add_argument("--seed", type=whole(0, 2**32 - 1), default=0, metavar="S")
    parser.add_argument("--json", action="store_true", help="one JSON line per trial")
    parser.add_argument("--save", action="store_true", help="save rounds for --profile")
    parser.add_argument("--profile", dest="sim_profile", metavar="NAME", type=name,
                        help="the player to save as (created if new)")
    parser.add_argument("--days", type=whole(1, MAX_DAYS), metavar="D",
                        help="with --save: fill D days of daily practice, all games")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from games.registry import spec

    if args.save and not args.sim_profile:
        parser.error("--save needs --profile NAME")
    if args.days is not None:
        if not args.save:
            parser.error("--days needs --save --profile NAME")
        return _days(args)
    if not args.game:
        parser.error("sim needs --game (or --days)")
    try:
        game = spec(args.game)
    except KeyError as error:
        parser.error(str(error.args[0]))
    from deftly.simulate import Rounds

    levels = game.levels
    level = levels.checkup.id if args.checkup else args.level
    if level is not None and levels.get(level) is None:
        parser.error(f"{game.id} has no level {level!r}; levels: "
                     f"{', '.join(lv.id for lv in levels.levels)}")
    job = Rounds(game, args.patient, args.rounds, args.seed, args.hand, level,
                 "checkup" if args.checkup else "training")
    emit = _printer() if args.json else None
    if args.save:
        from deftly.data import opened_store

        with opened_store(args.data_dir) as store:
            profile = store.find_profile(args.sim_profile) or store.add_profile(
                args.sim_profile, affected_hand=args.hand if args.hand != "both" else "right")
            results = job.run(store, profile.id, store, emit)
    else:
        from deftly.simulate import memory_backend

        results = job.run(memory_backend(), "sim", None, emit)
    _report(results, args.json)
    return 0


def _printer():
    def emit(line: dict[str, Any]) -> None:
        print(json.dumps(line, allow_nan=False), flush=True)
    return emit


def _report(results: list, as_json: bool) -> None:
    from deftly.simulate import round_line

    lines = [round_line(r) for r in results]
    if as_json:
        print(json.dumps({"rounds": lines}, allow_nan=False), flush=True)
        return
    for i, line in enumerate(lines, start=1):
        summary = line["summary"]
        rate = summary.get("success_rate")
        print(f"round {i}: level {line['level']}, {summary.get('trials')} trials, "
              f"success {rate:.0%}" if rate is not None else f"round {i}: no trials")
        if line["unlocked"]:
            print(f"  unlocked level {line['unlocked']}")


def _days(args: argparse.Namespace) -> int:
    from deftly.data import opened_store
    from deftly.progress import on_terminal, progress
    from deftly.simulate import fill_days
    from engine.clock import SetWallClock, system_time

    bar = on_terminal() and not args.json
    with opened_store(args.data_dir, clock=SetWallClock(system_time())) as store, \
            progress(args.days, "Simulating", "days", shown=bar) as days:
        profile = store.find_profile(args.sim_profile) or store.add_profile(args.sim_profile)
        count = 0
        for line in fill_days(store, profile.id, args.patient, args.days, args.seed,
                              hand=args.hand, step=days.update):
            count += 1
            if not args.json and not bar:
                print(line, flush=True)
        if count == 0:
            raise CommandError("no day was played (all missed); try another --seed")
    print(f"Filled {args.sim_profile} with {count} days of practice out of {args.days}.",
          file=sys.stderr)
    return 0
