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
    "points": ("path", "spiral", "tapping", "handwriting"),
    "cloudupdrs": ("tapping",),
    "mpower-tapping": ("tapping",),
    "svc": ("spiral", "handwriting", "path"),
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
    parser.add_argument("--task", help="what was recorded (path, spiral, handwriting, "
                                       "tapping, pointing); defaults to the format's usual "
                                       "task, and for svc to what a PaHaW file's name says")
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
    parser.add_argument("--svc-columns", choices=("yx", "xy"), default="yx",
                        help="svc: the column order, y first as PaHaW describes its files "
                             "(default), or x first as SVC2004's signatures")
    parser.add_argument("--pdkit", action="store_true",
                        help="cloudupdrs: drop the last line whatever it holds, as pdkit "
                             "does (pdkit's numbers; a tap short on files with no footer)")
    parser.add_argument("--units-per-mm", type=positive, metavar="N",
                        help="source units per millimetre (default: report source units)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from engine.analysis import formats, tasks

    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file")
    _check_found(args.file, args.format)
    task = args.task or _usual_task(args)
    if task not in TASKS[args.format]:
        parser.error(f"--task {task} does not fit --format {args.format} "
                     f"(choose {', '.join(TASKS[args.format])})")
    units = tasks.Units(args.units_per_mm)
    try:
        result = _analyze(args, task, units, parser)
    except formats.FormatError as error:
        raise CommandError(str(error)) from error
    print(json.dumps(result, indent=2, allow_nan=False))
    return 0


def _usual_task(args: argparse.Namespace) -> str:
    """The format's usual task; an SVC file's is what its PaHaW name says, or must be
    given (a spiral fit of a word means nothing)."""
    if args.format != "svc":
        return TASKS[args.format][0]
    from engine.analysis.formats import svc_task

    found = svc_task(args.file)
    if found is None:
        raise CommandError(f"{args.file}: the file's name does not say its task: give "
                           "--task spiral, --task handwriting or --task path")
    return found


def _check_found(path: Path, fmt: str) -> None:
    """Refuse a file that looks like another layout than `fmt`, naming what it looks like."""
    from engine.analysis.identify import identify

    found = identify(path)
    if found is None or found.format == fmt:
        return
    use = f"; read it with --format {found.format}" if found.format else \
        ", which Deftly does not score"
    raise CommandError(f"{path}: this is not in the {fmt} layout: found {found.what}{use}")


def _analyze(args: argparse.Namespace, task: str, units: tasks.Units,
             parser: argparse.ArgumentParser) -> dict[str, Any]:
    from engine.analysis import formats, tasks

    fmt = args.format
    if fmt == "deftly":
        from deftly.replay import analyze_recording

        return analyze_recording(args.file)
    if fmt == "cloudupdrs":
        return tasks.analyze_taps(formats.read_cloudupdrs(args.file, args.pdkit), units,
                                  {"pdkit_last_line_dropped": True} if args.pdkit else {})
    if fmt == "mpower-tapping":
        return tasks.analyze_taps(formats.read_mpower_tapping(args.file), units)
    if fmt == "fittstasktwo":
        return tasks.analyze_pointing(formats.read_fittstasktwo(args.file), units)
    if fmt == "accuracymeasures":
        return tasks.analyze_axis_paths(formats.read_accuracymeasures(args.file), units)
    points = formats.read_svc(args.file, args.svc_columns) if fmt == "svc" else \
        formats.read_points(args.file)
    read = {"svc_columns": formats.SVC_COLUMNS[args.svc_columns]} if fmt == "svc" else {}
    if task == "handwriting":
        return {**read, **tasks.analyze_handwriting(points, units)}
    if task == "tapping":
        return {**read, **tasks.analyze_taps(tasks.taps_from_points(points), units)}
    if task == "spiral":
        return {**read, **tasks.analyze_spiral(points, units, args.center)}
    if (args.start is None) != (args.end is None):
        parser.error("the path task needs both --from X,Y and --to X,Y")
    if args.start is None and args.reference is None:
        parser.error("the path task needs --from X,Y --to X,Y, or --reference FILE")
    reference = formats.read_xy_rows(args.reference) if args.reference else None
    return {**read, **tasks.analyze_path(points, units, args.start, args.end, reference,
                                         args.corridor)}
