from deftly.cli import main

raise SystemExit(main())
