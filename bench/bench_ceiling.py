"""What two cores of this machine give at best: the floor under `check --jobs 2`.

    python bench/bench_ceiling.py DIR [--jobs N] [--runs R]

The per-document stage (parse, the document rules, the projection packed, the
facts) on every input of DIR, once in one process and once split into N
contiguous shares run by N processes forked after the imports, that hand
nothing back and share nothing: no pool, no pickling, no cross-document stage,
no report. Its speed-up is what N cores give this work when nothing is serial,
so it bounds `check --jobs N` from above; the CPU seconds per document show
what running side by side costs each process (shared caches and memory, on a
virtual machine a host's hyperthreads). Runs interleaved, medians printed, with
the load average before and after: other work on the machine stretches both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="a corpus (bench/gen_corpus.py N DIR)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    args, jobs, runs = options.paths, options.jobs, options.runs
    from seasonparse import check
    from seasonparse.check import DocumentStage, settings_of
    from seasonparse.cli_common import gather
    from seasonparse.config import load as load_config
    from seasonparse.rules import registry

    rules = registry()
    config = load_config(None, set(rules))
    codes = check.selected_codes(rules, config.select, config.ignore, config.extend_select)
    stage = DocumentStage(frozenset(codes), settings_of(config), None, True)
    inputs = gather(args, config.glob).inputs
    stage(inputs[0])  # the parser and the rules built before any fork, as the pool's parent does
    load = os.getloadavg()[0]
    one, split = [], []
    for _ in range(runs):
        one.append(_forked(stage, [inputs]))
        split.append(_forked(stage, [inputs[k * len(inputs) // jobs:(k + 1) * len(inputs) // jobs]
                                     for k in range(jobs)]))
    wall1, wall_n = statistics.median(w for w, _ in one), statistics.median(w for w, _ in split)
    cpu1, cpu_n = statistics.median(c for _, c in one), statistics.median(c for _, c in split)
    print(f"{len(inputs)} documents, median of {runs} runs; load {load:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after")
    print(f"  one process:       {wall1:6.3f} s wall, {cpu1:6.3f} CPU s")
    print(f"  {jobs} processes:       {wall_n:6.3f} s wall, {cpu_n:6.3f} CPU s (all of them)")
    print(f"  speed-up {wall1 / wall_n:.2f}x; CPU side by side / alone {cpu_n / cpu1:.3f}")
    return 0


def _forked(stage, shares: list[list]) -> tuple[float, float]:
    """Wall seconds until every share is done, each in its own forked process, and the
    CPU seconds of them all."""
    import resource

    def children() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    cpu, wall = children(), time.perf_counter()
    pids = []
    for share in shares:
        pid = os.fork()
        if pid == 0:
            try:
                for item in share:
                    stage(item)
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    return time.perf_counter() - wall, children() - cpu


if __name__ == "__main__":
    raise SystemExit(main())
