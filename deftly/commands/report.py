"""`deftly report --profile NAME --out FILE.pdf|FILE.png [--from DATE --to DATE]` and
`deftly pin --reset` (for a forgotten therapist PIN)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deftly.commands.common import CommandError, add_data_dir, day_argument


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report", help="write a player's trend report (PDF, or PNG images)",
        description="Charts of each game's metrics over time, check-ups apart from "
                    "training, and a table per week. A .pdf gets one page per game; a .png "
                    "name gives one image per game (NAME-<game>.png).")
    parser.add_argument("--profile", dest="report_profile", required=True, metavar="NAME")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE")
    parser.add_argument("--from", dest="report_from", type=day_argument, metavar="DATE")
    parser.add_argument("--to", dest="report_to", type=day_argument, metavar="DATE")
    add_data_dir(parser)
    parser.set_defaults(run=run)

    pin = commands.add_parser("pin", help="forget the therapist PIN (a new one is chosen "
                                          "when the therapist area is next opened)")
    pin.add_argument("--reset", action="store_true", required=True)
    add_data_dir(pin)
    pin.set_defaults(run=reset_pin)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.data import opened_store, require_profile
    from deftly.progress import on_terminal, progress
    from deftly.report import Period, ReportError, write_report

    if args.report_from and args.report_to and args.report_from > args.report_to:
        parser.error("--from is after --to")
    with opened_store(args.data_dir) as store:
        profile = require_profile(store, args.report_profile)
        try:
            with progress(0, "Writing the report", "steps", shown=on_terminal()) as bar:
                paths = write_report(store, profile, args.out,
                                     Period(args.report_from, args.report_to), bar=bar)
        except ReportError as error:
            raise CommandError(str(error)) from error
    for path in paths:
        print(path)
    return 0


def reset_pin(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.data import opened_store
    from deftly.pin import PinGuard

    with opened_store(args.data_dir) as store:
        guard = PinGuard(store)
        had = guard.is_set
        guard.clear()
    print("The therapist PIN is cleared; choose a new one in the therapist area."
          if had else "No therapist PIN was set.", file=sys.stderr)
    return 0
