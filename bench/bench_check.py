"""`seasonparse check` over 10, 100, 1000 and 10,000 synthetic documents.

    python bench/bench_check.py [--jobs N] [SIZES...]   (default: 10 100 1000 10000; jobs: check's default)
    python bench/bench_check.py --copies [N...]         (the seeds copied N times; default 1 10 100 300)
    python bench/bench_check.py --engine dask --jobs 2 1000   (on a local dask cluster of 2 workers)

For each size: writes a corpus with bench/gen_corpus.py (under bench/out/,
reused when present), runs `seasonparse check DIR --format json` in a fresh
process, and prints wall time, time per document, peak memory (RSS of the
child) and how many of the planted defects were found at their exact line;
then the CPU seconds of the run (parent and workers) and `idle s`, the parent's
CPU plus the workers' divided among the cores: about the wall time on idle
cores, and far steadier than wall time on a shared machine.
Per-document time should stay flat as the corpus grows (linear total cost).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402


# The check, run in a child that reports as its last stderr line its own peak RSS (KiB),
# its CPU seconds and its workers' CPU seconds.
CHILD = """
import resource, sys, time
from seasonparse.cli import main
code = main(["check", sys.argv[1], "--format", "json", "--no-baseline", "--no-cache", "--exit-zero", "--jobs", sys.argv[2] if sys.argv[2] != "0" else "auto", "--engine", sys.argv[3]])
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.process_time(),
      workers.ru_utime + workers.ru_stime, file=sys.stderr)
raise SystemExit(code)
"""


def _child_figures(proc, jobs: int) -> dict:
    """Peak RSS (MB, the parent), CPU seconds of the whole run, and what it would take on
    idle cores: the parent's CPU plus the workers' shared out (the parent mostly waits
    for them). On a shared machine wall time says little; these move far less."""
    rss, parent, workers = proc.stderr.strip().splitlines()[-1].split()
    parent, workers = float(parent), float(workers)
    cores = jobs or os.cpu_count() or 1
    return {"peak_MB": int(rss) / 1024, "cpu_s": parent + workers,
            "idle_s": parent + workers / cores if workers else parent}


ENGINE = ["local"]  # --engine: local (the process pool) or dask


def run(size: int, jobs: int = 0) -> dict:
    out = HERE / "out" / f"corpus-{size}"
    truth_file = out / "planted.json"
    if not truth_file.exists():
        generate(size, out)
    truth = json.loads(truth_file.read_text("utf-8"))
    mb = sum(p.stat().st_size for p in out.glob("*.txt")) / 1e6
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(out), str(jobs), ENGINE[0]], capture_output=True,
                          text=True, cwd=out)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    findings = json.loads(proc.stdout)
    found = {(Path(f["path"]).name, f["line"], f["code"]) for f in findings}
    hits = sum(1 for t in truth if (t["path"], t["line"], t["code"]) in found)
    return {"documents": size, "MB": mb, "wall_s": wall, "ms_per_doc": wall / size * 1e3,
            **_child_figures(proc, jobs), "planted": len(truth), "found": hits,
            "findings": len(findings)}


def run_copies(copies: int, jobs: int = 0) -> dict:
    """The seeds, each copied `copies` times: one season told by many near-identical
    articles (revisions kept side by side), so every match is in `copies` x 3
    documents. Cross-document work must stay linear here too."""
    import shutil

    out = HERE / "out" / f"copies-{copies}"
    seeds = sorted((HERE.parent / "seeds").glob("*.txt"))
    if not out.exists():
        out.mkdir(parents=True)
        for k in range(copies):
            for seed in seeds:
                shutil.copyfile(seed, out / f"{seed.stem}-{k:04d}.txt")
    size = copies * len(seeds)
    mb = sum(p.stat().st_size for p in out.glob("*.txt")) / 1e6
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(out), str(jobs), ENGINE[0]], capture_output=True,
                          text=True, cwd=out, check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    findings = json.loads(proc.stdout)
    return {"documents": size, "MB": mb, "wall_s": wall, "ms_per_doc": wall / size * 1e3,
            **_child_figures(proc, jobs), "findings": len(findings)}


def main() -> int:
    args = sys.argv[1:]
    jobs = 0
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = int(args[i + 1])
        del args[i:i + 2]
    if "--engine" in args:
        i = args.index("--engine")
        ENGINE[0] = args[i + 1]
        del args[i:i + 2]
    if "--copies" in args:
        args.remove("--copies")
        print(f"seasonparse check on the seeds copied N times, --jobs {jobs or 'auto'}")
        print(f"{'copies':>7} {'documents':>9} {'wall s':>8} {'ms/doc':>7} {'peak MB':>8} {'findings':>9}")
        for copies in [int(a) for a in args] or [1, 10, 100, 300]:
            r = run_copies(copies, jobs)
            print(f"{copies:>7} {r['documents']:>9} {r['wall_s']:>8.2f} {r['ms_per_doc']:>7.2f} "
                  f"{r['peak_MB']:>8.0f} {r['findings']:>9}", flush=True)
        return 0
    sizes = [int(a) for a in args] or [10, 100, 1000, 10000]
    print(f"seasonparse check, --jobs {jobs or 'auto'}, --engine {ENGINE[0]}")
    print(f"{'documents':>9} {'MB':>6} {'wall s':>8} {'ms/doc':>7} {'peak MB':>8} {'planted':>8} {'found':>6}"
          f" {'CPU s':>6} {'idle s':>6}")
    missed = 0
    for size in sizes:
        r = run(size, jobs)
        missed += r["planted"] - r["found"]
        print(f"{r['documents']:>9} {r['MB']:>6.1f} {r['wall_s']:>8.2f} {r['ms_per_doc']:>7.2f} "
              f"{r['peak_MB']:>8.0f} {r['planted']:>8} {r['found']:>6} {r['cpu_s']:>6.2f} {r['idle_s']:>6.2f}",
              flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
