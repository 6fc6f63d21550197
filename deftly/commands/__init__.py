"""One module per `deftly` sub-command; each has `register(subparsers)` and a `run`."""
