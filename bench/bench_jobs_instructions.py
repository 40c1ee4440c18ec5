"""What `check --jobs N` executes beyond `--jobs 1`: instructions, counted, not timed.

    python bench/bench_jobs_instructions.py DIR [--jobs N] [--top K]

Runs `seasonparse check DIR --no-cache --no-baseline --exit-zero --format json`
with `--jobs 1` and with `--jobs N` under callgrind (every forked process gets a
file of its own), and prints each run's instructions per process, the extra the
N processes execute together, and the K C functions whose own instructions grow
the most (the interpreter's, the pickler's, the regex engine's: where the extra
goes, by kind of work). Wall-clock ratios on a shared two-core machine move by a
few hundredths from set to set; an instruction count is the same from run to run
(with PYTHONHASHSEED fixed, as here), so it tells extra work (pickling the
documents over, caches each process warms again, modules each imports) from
contention (two processes slowing each other, which no count shows: see
bench_ceiling.py for that). Slow: each run takes ~50 times its normal time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

_LINE = re.compile(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)")


def run(corpus: str, jobs: int, out: Path) -> list[Path]:
    """The callgrind files of one run, one per process."""
    seasonparse = shutil.which("seasonparse", path=str(Path(sys.executable).parent)) or "seasonparse"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/jobs{jobs}.%p", seasonparse, "check",
           corpus, "--no-cache", "--no-baseline", "--exit-zero", "--format", "json", "--jobs", str(jobs)]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return sorted(out.glob(f"jobs{jobs}.*"))


def total(path: Path) -> int:
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    return 0


def self_costs(path: Path) -> Counter:
    """Instructions by C function (its own, recursion levels joined), from callgrind_annotate."""
    text = subprocess.run(["callgrind_annotate", "--threshold=100", str(path)], capture_output=True,
                          text=True).stdout
    costs: Counter = Counter()
    for line in text.splitlines():
        m = _LINE.match(line)
        if m and "PROGRAM TOTALS" not in m[2]:
            name = re.sub(r"'\d+$", "", m[2].split(" [")[0])
            costs[re.sub(r"^.*?/(Python|Objects|Modules|Include)/", r"\1/", name)] += int(m[1].replace(",", ""))
    return costs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="a folder of articles (bench/gen_corpus.py 1000 DIR)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        one, many = run(args.corpus, 1, out), run(args.corpus, args.jobs, out)
        t1, tn = sum(map(total, one)), sum(map(total, many))
        print(f"check {args.corpus}: --jobs 1 {t1 / 1e6:,.1f} M instructions "
              f"({', '.join(f'{total(p) / 1e6:,.1f}' for p in one)})")
        print(f"--jobs {args.jobs}: {tn / 1e6:,.1f} M in {len(many)} processes "
              f"({', '.join(f'{total(p) / 1e6:,.1f}' for p in many)}): "
              f"{(tn - t1) / 1e6:+,.1f} M, {100 * (tn - t1) / t1:+.1f} %")
        base = sum((self_costs(p) for p in one), Counter())
        grown = sum((self_costs(p) for p in many), Counter())
        print(f"where the extra goes (own instructions by C function, the {args.top} that grow most), M:")
        for name in sorted(set(base) | set(grown), key=lambda k: base[k] - grown[k])[:args.top]:
            print(f"  {(grown[name] - base[name]) / 1e6:+9.1f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
