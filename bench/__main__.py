"""Run every benchmark and print its figures."""

from __future__ import annotations

import importlib
import sys

SECTIONS = ["bench.loop", "bench.scoring", "bench.store", "bench.levels", "bench.pacing",
            "bench.games", "bench.therapist", "bench.speed"]


def main(argv: list[str]) -> None:
    chosen = [s for s in SECTIONS if not argv or any(a in s for a in argv)]
    for name in chosen:
        importlib.import_module(name).main()


main(sys.argv[1:])
