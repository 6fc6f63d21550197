"""`deftly setup-tablet [--undo] [--dry-run]`: start Deftly full screen at this user's login."""

from __future__ import annotations

import argparse
import os

from deftly.commands.common import CommandError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "setup-tablet", help="start Deftly full screen when this user logs in",
        description="Write an autostart entry, a launcher and Deftly's icon into this "
                    "user's folders (freedesktop conventions; no root, no system file).")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--undo", action="store_true",
                      help="remove exactly what setup-tablet wrote (if unchanged)")
    what.add_argument("--dry-run", action="store_true",
                      help="print what would be written, and write nothing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly import tablet_setup

    env = dict(os.environ)
    try:
        if args.dry_run:
            for planned in tablet_setup.plan(env):
                print(f"would write {planned.path}")
                if planned.path.suffix == ".desktop":
                    print("".join(f"    {line}\n" for line in
                                  planned.data.decode("utf-8").splitlines()), end="")
            return 0
        if args.undo:
            removed, kept = tablet_setup.undo(env)
            for path in removed:
                print(f"removed {path}")
            for path in kept:
                print(f"kept {path}: it was changed after setup-tablet wrote it")
            if not removed and not kept:
                print("setup-tablet had written nothing here")
            return 0
        for path in tablet_setup.setup(env):
            print(f"wrote {path}")
    except (tablet_setup.SetupError, OSError) as error:
        raise CommandError(str(error)) from error
    print("Deftly will start full screen at the next login.")
    return 0
