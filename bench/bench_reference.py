"""What a 250-match reference adds to `seasonparse check` on the seeds, end to end.

    python bench/bench_reference.py [--runs N] [--callgrind] [--warm-cache] [REFERENCE]
        (default: tests/fixtures/reference/rsssf_mex2012_liga_de_ascenso_2011-12.txt, 21 runs)

Runs the two commands a user types, as fresh processes, interleaved (one of
each per round, so a busy machine slows both alike):

    seasonparse check seeds --no-baseline --no-cache --exit-zero
    seasonparse check seeds --no-baseline --no-cache --exit-zero --reference REFERENCE

`--warm-cache` runs them with the content cache on instead (a temporary
`--cache-dir`, written by the warm-up runs), as a user's repeated runs are: the
articles come from the cache, the reference is read and reconciled every time.

and prints the median wall time of each and the share the reference adds
(the issue's target: <= 10 %). `--callgrind` also counts the instructions of
one run of each under valgrind (stable where wall times are not, on a shared
machine). The children run with compiled bytecode cached (in a temporary
PYTHONPYCACHEPREFIX, after a warm-up run of each), as an installed package
does: with PYTHONDONTWRITEBYTECODE set every start recompiles every module,
which is not what a user's run costs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "fixtures" / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt"
CHECK = [sys.executable, "-m", "seasonparse.cli", "check", "seeds", "--no-baseline", "--no-cache", "--exit-zero"]


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr[-2000:]!r}")
    return wall


def instructions(cmd: list[str], env: dict) -> int:
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/cg.out", *cmd],
                              capture_output=True, text=True, cwd=ROOT, env=env)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or not found:
        raise SystemExit(f"valgrind failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return int(found[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", nargs="?", default=str(DEFAULT))
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--warm-cache", action="store_true", help="the content cache on (warmed), not --no-cache")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        check = [c for c in CHECK if c != "--no-cache"] + ["--cache-dir", f"{cache}/content"] if args.warm_cache \
            else CHECK
        plain, with_ref = check, [*check, "--reference", args.reference]
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
        timed(plain, env), timed(with_ref, env)  # warm-up: writes the bytecode
        times: dict[str, list[float]] = {"plain": [], "reference": []}
        for _ in range(args.runs):
            times["plain"].append(timed(plain, env))
            times["reference"].append(timed(with_ref, env))
        counts = None
        if args.callgrind:
            if shutil.which("valgrind") is None:
                raise SystemExit("--callgrind needs valgrind on PATH")
            counts = instructions(plain, env), instructions(with_ref, env)
    a, b = statistics.median(times["plain"]), statistics.median(times["reference"])
    print(f"reference: {args.reference}; content cache: {'on, warmed' if args.warm_cache else 'off (--no-cache)'}")
    print(f"check seeds, median of {args.runs} interleaved runs: {a * 1e3:.0f} ms; with --reference: "
          f"{b * 1e3:.0f} ms; added {(b - a) / a * 100:+.1f} % (target <= 10 %)")
    if counts is not None:
        print(f"instructions (callgrind): {counts[0] / 1e6:.1f} M; with --reference: {counts[1] / 1e6:.1f} M; "
              f"added {(counts[1] - counts[0]) / counts[0] * 100:+.1f} %")


if __name__ == "__main__":
    main()
