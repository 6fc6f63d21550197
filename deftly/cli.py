"""The `deftly` command line. Every problem is one line on stderr and a non-zero exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from engine import __version__


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
    mode.add_argument("--windowed", action="store_true", help="play in a window (default)")
    mode.add_argument("--fullscreen", action="store_true", help="fill the screen (tablets)")
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size in pixels")
    parser.add_argument("--profile", metavar="NAME", help="start as this player")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     parser_class=OneLineParser)

    doctor = commands.add_parser("doctor", help="check display, touch, sound and data folder")
    doctor.set_defaults(run=_doctor)

    shot = commands.add_parser("shot", help="render a screen to a PNG file without a window")
    shot.add_argument("scene", help="the screen to render (see 'deftly shot --list')",
                      nargs="?")
    shot.add_argument("--out", type=Path, metavar="FILE.png", help="where to write the PNG")
    shot.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH",
                      dest="shot_size", help="image size in pixels (default 1280x800)")
    shot.add_argument("--list", action="store_true", help="list the screens")
    shot.set_defaults(run=_shot)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace, OneLineParser], int] = getattr(args, "run", _play)
    try:
        return run(args, parser)
    except KeyboardInterrupt:
        return 130


def _fail(message: str, code: int = 1) -> int:
    print(f"deftly: {message}", file=sys.stderr)
    return code


def _play(args: argparse.Namespace, parser: OneLineParser) -> int:
    from deftly.launch import LaunchError
    from deftly.shell import play

    try:
        return play(args)
    except LaunchError as error:
        return _fail(str(error), 2)


def _doctor(args: argparse.Namespace, parser: OneLineParser) -> int:
    from deftly.doctor import report

    for line in report(args):
        print(line)
    return 0


def _shot(args: argparse.Namespace, parser: OneLineParser) -> int:
    from deftly.launch import LaunchError, ensure_headless_env
    from deftly.shots import SHOTS, save_shot

    if args.list:
        print("\n".join(sorted(SHOTS)))
        return 0
    if not args.scene:
        parser.error("shot needs a SCENE (see 'deftly shot --list')")
    if args.scene not in SHOTS:
        parser.error(f"unknown scene {args.scene!r}; choose from {', '.join(sorted(SHOTS))}")
    if args.out is None:
        parser.error("shot needs --out FILE.png")
    ensure_headless_env()
    try:
        path = save_shot(args.scene, args.shot_size, args.out)
    except LaunchError as error:
        return _fail(str(error), 2)
    except OSError as error:
        return _fail(f"cannot write {args.out}: {error.strerror or error}")
    print(path)
    return 0
