"""`deftly card --profile NAME --out FILE.png|FILE.pdf [--week-ending DATE]`: the weekly
progress card for the player and their family."""

from __future__ import annotations

import argparse
from pathlib import Path

from deftly.commands.common import CommandError, add_data_dir, day_argument


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "card", help="write a player's weekly progress card (PNG or PDF)",
        description="One page in large type for the player and their family: the days "
                    "played in the week, the repetitions, and what got better beyond "
                    "the day-to-day noise (the trends' rule).")
    parser.add_argument("--profile", dest="card_profile", required=True, metavar="NAME")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="a .png or .pdf file")
    parser.add_argument("--week-ending", dest="week_ending", type=day_argument, metavar="DATE",
                        help="the week's last day, like 2026-11-21 (default: today)")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.card import card_of
    from deftly.card_draw import CardError, check_out, write_card
    from deftly.data import opened_store, require_profile

    try:
        check_out(args.out)
        with opened_store(args.data_dir) as store:
            card = card_of(store, require_profile(store, args.card_profile), args.week_ending)
        print(write_card(card, args.out))
    except CardError as error:
        raise CommandError(str(error)) from error
    return 0
