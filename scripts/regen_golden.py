"""Regenerate the golden files under tests/golden/ from the seeds. Read the diff after.

    python scripts/regen_golden.py

tests/golden/<seed>.json is the parse output (also of the real articles in
golden.REAL_ARTICLES, under their page names), one record a line (valid JSON, and
small enough to review by hand: one line a match with all of its events).
tests/golden/findings.txt is `seasonparse check seeds --format concise` without
the baseline; tests/golden/report.* is each output format on one small fixture.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from golden import REAL_ARTICLES, SNAPSHOTS, cli_output, golden_text  # noqa: E402
from reporting import RENDERED, rendered  # noqa: E402


def main() -> int:
    out = ROOT / "tests" / "golden"
    out.mkdir(exist_ok=True)
    for seed in [*sorted((ROOT / "seeds").glob("*.txt")), *REAL_ARTICLES]:
        target = out / seed.with_suffix(".json").name
        target.write_text(golden_text(seed), "utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    for name, args in SNAPSHOTS.items():
        target = out / name
        target.write_text(cli_output(*args), "utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    for name, (module, paths) in RENDERED.items():
        target = out / name
        target.write_text(rendered(module, *paths), "utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
