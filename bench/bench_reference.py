"""What a 250-match reference adds to `seasonparse check` on the seeds.

    python bench/bench_reference.py [--runs N] [REFERENCE]
        (default: tests/fixtures/reference/rsssf_mex2012_liga_de_ascenso_2011-12.txt, 5 runs)

Each run is a fresh process that runs `seasonparse check seeds/` as the CLI
does (no baseline), then, timed on its own, what the `--reference` hook adds:
importing the reference modules, reading the reference, and reconciling the
seeds against it (the seeds are parsed again before that clock starts: the
hooked check reuses the documents it has). Printed: the best of N of each,
and the added time as a share of the check, end to end and in-process
(parse + rules, start-up excluded); the share is also taken run by run
(both parts measured in the same process, seconds apart, so a busy machine
slows both) and its median and lowest value printed. The issue's target is
≤ 10 % end to end.

The children run with compiled bytecode cached (in a temporary
PYTHONPYCACHEPREFIX, after one warm-up run), as an installed package does:
with PYTHONDONTWRITEBYTECODE set, every start recompiles every module, which
is not what a user's run costs. `--no-bytecode-cache` measures that case.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "fixtures" / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt"

CHILD = """
import json, sys, time
t0 = time.perf_counter()
from seasonparse.cli import main
main(["check", "seeds", "--no-baseline", "--exit-zero", "--format", "json"])
check_wall = time.perf_counter() - t0

from pathlib import Path
from seasonparse.frontend import parse_file
from seasonparse.check import run, selected_codes, settings_of
from seasonparse.config import Config
from seasonparse.rules import registry
seeds = sorted(Path("seeds").glob("*.txt"))
t1 = time.perf_counter()
docs = [parse_file(str(p), p.as_posix()) for p in seeds]
rules = registry()
run(docs, rules, selected_codes(rules, ("ALL",), (), ()), Config())
check_inproc = time.perf_counter() - t1

t2 = time.perf_counter()
from seasonparse.reference import load
from seasonparse.reconcile import reconcile
ref = load(sys.argv[1])
rec = reconcile(docs, [ref], settings_of(Config()))
added = time.perf_counter() - t2
print(json.dumps({"check_s": check_wall, "check_inproc_s": check_inproc, "added_s": added,
                  "reference_matches": len(ref.document.matches), "summary": rec.summary.text()}),
      file=sys.stderr)
"""


def one(reference: Path, env: dict) -> dict:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(reference)], capture_output=True, text=True,
                          cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"bench child failed ({proc.returncode}): {proc.stderr[-2000:]}")
    data = json.loads(proc.stderr.strip().splitlines()[-1])
    data["process_s"] = wall
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", nargs="?", default=str(DEFAULT))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-bytecode-cache", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ)
        if not args.no_bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
            one(Path(args.reference), env)  # warm-up: writes the bytecode
        runs = [one(Path(args.reference), env) for _ in range(args.runs)]
    best = {k: min(r[k] for r in runs) for k in ("check_s", "check_inproc_s", "added_s")}
    print(f"reference: {args.reference} ({runs[0]['reference_matches']} matches)")
    print(f"  {runs[0]['summary']}")
    print(f"check seeds/ end to end (import + parse + rules + report), best of {args.runs}: "
          f"{best['check_s'] * 1e3:.0f} ms")
    print(f"check seeds/ in-process (parse + rules):  {best['check_inproc_s'] * 1e3:.0f} ms")
    print(f"added by the reference (import + read + reconcile): {best['added_s'] * 1e3:.1f} ms")
    print(f"  = {best['added_s'] / best['check_s'] * 100:.1f} % of the end-to-end check "
          f"(target <= 10 %), {best['added_s'] / best['check_inproc_s'] * 100:.0f} % of the in-process check")
    shares = sorted(r["added_s"] / r["check_s"] * 100 for r in runs)
    print(f"  run by run: median {shares[len(shares) // 2]:.1f} %, lowest {shares[0]:.1f} %")


if __name__ == "__main__":
    main()
