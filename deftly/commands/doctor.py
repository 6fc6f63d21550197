"""`deftly doctor`: what Deftly sees on this machine."""

from __future__ import annotations

import argparse

from deftly.commands.common import add_data_dir


def register(commands: argparse._SubParsersAction) -> None:
    doctor = commands.add_parser("doctor", help="check display, touch, sound and data folder")
    add_data_dir(doctor)
    doctor.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.doctor import report

    for line in report(args):
        print(line)
    return 0
