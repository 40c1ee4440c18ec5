"""Regenerate the golden files under tests/golden/ from the seeds. Read the diff after.

    python scripts/regen_golden.py

tests/golden/<seed>.json is the parse output, one record a line (valid JSON, and
small enough to review by hand: one line a match with all of its events).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from golden import golden_text  # noqa: E402


def main() -> int:
    out = ROOT / "tests" / "golden"
    out.mkdir(exist_ok=True)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        target = out / seed.with_suffix(".json").name
        target.write_text(golden_text(seed), "utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
