"""The standalone build's entry point: the same `deftly` command."""

import sys

from deftly.cli import main

sys.exit(main())
