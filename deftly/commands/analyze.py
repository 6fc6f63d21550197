"""`deftly analyze FILE --format F`: metrics of a research recording as one JSON object."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deftly.commands.common import CommandError, point, positive

if TYPE_CHECKING:
    from engine.analysis import tasks
TASKS = {
    "points": ("path", "spiral", "tapping"),
    "cloudupdrs": ("tapping",),
    "mpower-tapping": ("tapping",),
    "svc": ("spiral", "path"),
    "fittstasktwo": ("pointing",),
    "accuracymeasures": ("axis",),
    "deftly": ("round",),
}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "analyze", help="print the metrics of a recording file as JSON",
        description="Score a recording from Deftly or from other research software.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", required=True, choices=sorted(TASKS),
                        help="the file's layout")
    parser.add_argument("--task", help="what was recorded (path, spiral, tapping, pointing); "
                                       "defaults to the format's usual task")
    parser.add_argument("--from", dest="start", type=point, metavar="X,Y",
                        help="path task: start of the task axis")
    parser.add_argument("--to", dest="end", type=point, metavar="X,Y",
                        help="path task: end of the task axis")
    parser.add_argument("--reference", type=Path, metavar="FILE",
                        help="path task: reference curve, one x,y per line")
    parser.add_argument("--corridor", type=positive, metavar="WIDTH",
                        help="path task: corridor width (source units)")
    parser.add_argument("--center", type=point, metavar="X,Y",
                        help="spiral task: the spiral's centre (estimated if not given)")
    parser.add_argument("--units-per-mm", type=positive, metavar="N",
                        help="source units per millimetre (default: report source units)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from engine.analysis import formats, tasks

    task = args.task or TASKS[args.format][0]
    if task not in TASKS[args.format]:
        parser.error(f"--task {task} does not fit --format {args.format} "
                     f"(choose {', '.join(TASKS[args.format])})")
    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file")
    units = tasks.Units(args.units_per_mm)
    try:
        result = _analyze(args, task, units, parser)
    except formats.FormatError as error:
        raise CommandError(str(error)) from error
    print(json.dumps(result, indent=2, allow_nan=False))
    return 0


def _analyze(args: argparse.Namespace, task: str, units: tasks.Units,
             parser: argparse.ArgumentParser) -> dict[str, Any]:
    from engine.analysis import formats, tasks

    fmt = args.format
    if fmt == "deftly":
        from deftly.replay import analyze_recording

        return analyze_recording(args.file)
    if fmt == "cloudupdrs":
        return tasks.analyze_taps(formats.read_cloudupdrs(args.file), units)
    if fmt == "mpower-tapping":
        return tasks.analyze_taps(formats.read_mpower_tapping(args.file), units)
    if fmt == "fittstasktwo":
        return tasks.analyze_pointing(formats.read_fittstasktwo(args.file), units)
    if fmt == "accuracymeasures":
        return tasks.analyze_axis_path(formats.read_accuracymeasures(args.file), units)
    points = formats.read_svc(args.file) if fmt == "svc" else formats.read_points(args.file)
    if task == "tapping":
        return tasks.analyze_taps(tasks.taps_from_points(points), units)
    if task == "spiral":
        return tasks.analyze_spiral(points, units, args.center)
    if (args.start is None) != (args.end is None):
        parser.error("the path task needs both --from X,Y and --to X,Y")
    if args.start is None and args.reference is None:
        parser.error("the path task needs --from X,Y --to X,Y, or --reference FILE")
    reference = formats.read_xy_rows(args.reference) if args.reference else None
    return tasks.analyze_path(points, units, args.start, args.end, reference, args.corridor)
