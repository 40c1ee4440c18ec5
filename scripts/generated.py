"""What every generator in scripts/ does with the text it generates: write it, or with
`--check` say whether the file holds it already (the tests run that)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, fresh: str, root: Path, script: str) -> int:
    """Write `fresh` to `path`; with --check on the command line, exit status 1 if `path` differs."""
    shown = path.relative_to(root)
    unknown = [a for a in sys.argv[1:] if a != "--check"]
    if unknown:  # `--help` or a typo must not write the file
        print(f"usage: python scripts/{script} [--check]  (writes {shown}; --check: exit 1 if it is stale)",
              file=sys.stderr)
        return 2
    if "--check" in sys.argv[1:]:
        current = path.read_text("utf-8") if path.exists() else ""
        if current != fresh:
            print(f"{shown} is stale: run python scripts/{script}")
            return 1
        return 0
    path.write_text(fresh, "utf-8")
    print(f"wrote {shown} ({len(fresh)} bytes)")
    return 0
