"""`deftly export --profile NAME --format csv|json --out DIR`."""

from __future__ import annotations

import argparse
from pathlib import Path

from deftly.commands.common import CommandError, add_data_dir


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("export", help="write a player's results as CSV or JSON")
    parser.add_argument("--profile", dest="export_profile", required=True, metavar="NAME")
    parser.add_argument("--format", dest="export_format", choices=("csv", "json"),
                        default="csv")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.data import opened_store, require_profile
    from deftly.export import export

    with opened_store(args.data_dir) as store:
        profile = require_profile(store, args.export_profile)
        try:
            paths = export(store, profile, args.export_format, args.out)
        except OSError as error:
            raise CommandError(f"cannot write to {args.out}: {error.strerror}") from error
    for path in paths:
        print(path)
    return 0
