"""`python -m seasonparse` runs the command-line interface."""

from seasonparse.cli import main

raise SystemExit(main())
