"""The `deftly` command line. Every problem is one line on stderr and a non-zero exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from deftly.commands import (
    analyze,
    card,
    doctor,
    export,
    profiles,
    replay,
    report,
    setup_tablet,
    shot,
    sim,
)
from deftly.commands.common import CommandError, fail
from engine import __version__
from engine.levels.schema import LevelError
from engine.store.errors import StoreError


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a wrong argument is one line (and exit code 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _size(text: str) -> tuple[int, int]:
    from deftly.launch import parse_size

    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def build_parser() -> OneLineParser:
    parser = OneLineParser(prog="deftly", description="Touchscreen games for hand therapy.")
    parser.add_argument("--version", action="version", version=f"deftly {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="where profiles and results are kept (default: DEFTLY_HOME, "
                             "else the user data folder)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--windowed", action="store_true",
                      help="play in a window (the default, except on a touch screen)")
    mode.add_argument("--fullscreen", action="store_true",
                      help="fill the screen (the default on a touch screen)")
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size in pixels")
    parser.add_argument("--profile", metavar="NAME", help="start as this player")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     parser_class=OneLineParser)
    doctor.register(commands)
    shot.register(commands, _size)
    analyze.register(commands)
    profiles.register(commands)
    export.register(commands)
    sim.register(commands)
    replay.register(commands, _size)
    report.register(commands)
    card.register(commands)
    setup_tablet.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace, argparse.ArgumentParser], int] = getattr(
        args, "run", _play)
    sub = _subparser(parser, args.command)
    try:
        return run(args, sub)
    except CommandError as error:
        return fail(str(error), error.code)
    except (StoreError, LevelError) as error:   # a full disk, a broken level file
        return fail(str(error), 1)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `deftly sim --json | head`: the reader has had enough
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _subparser(parser: argparse.ArgumentParser, name: str | None) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return action.choices[name]
    return parser


def _play(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.launch import LaunchError
    from deftly.shell import play

    try:
        return play(args)
    except LaunchError as error:
        return fail(str(error), 2)


if __name__ == "__main__":
    sys.exit(main())
