"""`deftly export --profile NAME --format csv|json|fhir --out DIR [--post URL]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deftly.commands.common import CommandError, add_data_dir


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export", help="write a player's results as CSV, JSON or FHIR (and send them)")
    parser.add_argument("--profile", dest="export_profile", required=True, metavar="NAME")
    parser.add_argument("--format", dest="export_format", choices=("csv", "json", "fhir"),
                        default="csv")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--identify", action="store_true",
                        help="fhir: include the player's name and record number (by "
                             "default the patient is a random identifier)")
    parser.add_argument("--whole-period", action="store_true",
                        help="fhir: also one Bundle with every round of the period")
    parser.add_argument("--post", metavar="BASE_URL",
                        help="fhir: send the Bundles to this FHIR server (a bearer token "
                             "from DEFTLY_FHIR_TOKEN)")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.data import opened_store, require_profile
    from deftly.export import export

    if args.export_format != "fhir" and (args.post or args.identify or args.whole_period):
        parser.error("--post, --identify and --whole-period go with --format fhir")
    if args.export_format == "fhir":
        return _fhir(args)
    with opened_store(args.data_dir) as store:
        profile = require_profile(store, args.export_profile)
        try:
            paths = export(store, profile, args.export_format, args.out)
        except OSError as error:
            raise CommandError(f"cannot write to {args.out}: {error.strerror}") from error
    for path in paths:
        print(path)
    return 0


def _fhir(args: argparse.Namespace) -> int:
    import os

    from deftly.data import opened_store, require_profile
    from deftly.fhir.export import export_fhir
    from deftly.fhir.send import TOKEN_ENV, check_url, post, report_line, sent_record
    from deftly.progress import on_terminal, progress

    problem = check_url(args.post) if args.post else None
    if problem:
        raise CommandError(problem)
    failed = 0
    with opened_store(args.data_dir) as store:
        profile = require_profile(store, args.export_profile)
        try:
            with progress(0, "Writing", "rounds", shown=on_terminal()) as bar:
                written = export_fhir(store, profile, args.out, identify=args.identify,
                                      whole_period=args.whole_period, bar=bar)
        except OSError as error:
            raise CommandError(f"cannot write to {args.out}: {error.strerror}") from error
        unreachable = False
        for bundle in written.bundles:
            if not args.post:
                print(bundle.path)
                continue
            if unreachable:       # the server did not answer: the others are not tried
                print(f"{bundle.path.name}: not sent: the server did not answer")
                failed += 1
                continue
            sent = post(args.post, bundle.path.read_bytes(), os.environ.get(TOKEN_ENV))
            print(report_line(bundle.path.name, sent))
            if sent.ok:
                store.add_event(profile.id, "fhir_sent",
                                sent_record(bundle.path.name, bundle.sessions, args.post, sent))
            else:
                failed += 1
                unreachable = sent.unreachable
    for skipped in written.skipped:
        print(f"not exported: {skipped}", file=sys.stderr)
    if failed:
        raise CommandError(f"{failed} of {len(written.bundles)} Bundles were not sent; the "
                           f"files are in {args.out}")
    return 0
