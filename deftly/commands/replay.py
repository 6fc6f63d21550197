"""`deftly replay FILE`: watch a recorded round, or print its metrics with --json."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(commands: argparse._SubParsersAction, size_type: object) -> None:
    parser = commands.add_parser("replay", help="replay a recorded round (a .jsonl.gz file)")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true",
                        help="re-run it headless and print every trial's metrics")
    parser.add_argument("--size", type=size_type, metavar="WxH", dest="replay_size",
                        help="window size for watching")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.replay import load, replay

    if args.json:
        print(json.dumps(replay(args.file), indent=1, allow_nan=False))
        return 0
    from deftly.commands.common import CommandError
    from deftly.launch import LaunchError
    from deftly.scenes.replay import watch

    spec, recording = load(args.file)
    try:
        return watch(spec, recording, args.replay_size)
    except LaunchError as error:
        raise CommandError(str(error), 2) from error
