"""`deftly shot SCENE --out FILE.png`: render a screen headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from deftly.commands.common import CommandError


def register(commands: argparse._SubParsersAction, size_type: object) -> None:
    shot = commands.add_parser("shot", help="render a screen to a PNG file without a window")
    shot.add_argument("scene", nargs="?", help="the screen to render (see --list)")
    shot.add_argument("--out", type=Path, metavar="FILE.png", help="where to write the PNG")
    shot.add_argument("--size", type=size_type, default=(1280, 800), metavar="WxH",
                      dest="shot_size", help="image size in pixels (default 1280x800)")
    shot.add_argument("--list", action="store_true", help="list the screens")
    shot.set_defaults(run=run)


def pygame_error() -> type[Exception]:
    import pygame

    return pygame.error


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.launch import LaunchError, ensure_headless_env
    from deftly.shots import all_shots, save_shot

    shots = all_shots()
    if args.list:
        print("\n".join(sorted(shots)))
        return 0
    if not args.scene:
        parser.error("shot needs a SCENE (see 'deftly shot --list')")
    if args.scene not in shots:
        parser.error(f"unknown scene {args.scene!r}; choose from {', '.join(sorted(shots))}")
    if args.out is None:
        parser.error("shot needs --out FILE.png")
    if args.out.is_dir():
        raise CommandError(f"cannot write {args.out}: it is a folder; give a file name "
                           f"ending in .png")
    ensure_headless_env()
    try:
        path = save_shot(args.scene, args.shot_size, args.out)
    except LaunchError as error:
        raise CommandError(str(error), 2) from error
    except (OSError, pygame_error()) as error:
        raise CommandError(f"cannot write {args.out}: "
                           f"{getattr(error, 'strerror', None) or error}") from error
    print(path)
    return 0
