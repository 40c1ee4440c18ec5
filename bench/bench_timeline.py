"""When each process of a check is busy, and when it waits: the timeline of one run.

    python bench/bench_timeline.py DIR [--jobs N] [--runs R]

Runs `seasonparse check DIR --no-cache --no-baseline --exit-zero --format json
--jobs N` in a forked child (fresh imports each run, timed too) with hooks that
log, per process, the wall and CPU time of each step: the parent's phases
(start-up, gathering, each pool's map as the parent waits for it, identity and
the partition, finish, render) and each worker's items (a document, a
cross-document task). It prints the parent's phases (wall, CPU), per worker
and kind of item its CPU in items, the longest item of each kind (a whole-corpus
task can bound the cross-document stage), the wall from each map's call to its first
item and from its last item to the map's end, the workers' idle wall between
their first and last item, and an estimate of the run on N free cores: the
parent's CPU outside the maps plus each map's busiest worker (the identity and
partition the parent decides while the whole-corpus task runs count as beside
the workers). On a loaded machine every wall time stretches and CPU times grow
too (shared caches): compare runs made together, not with other days'. With
--runs, medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="a corpus (bench/gen_corpus.py N DIR)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--runs", type=int, default=1)
    options = parser.parse_args()
    args, jobs, runs = options.paths, options.jobs, options.runs
    rows = [one_run(args, jobs) for _ in range(runs)]
    print(f"{args[0]} --jobs {jobs}, {'median of %d runs' % runs if runs > 1 else 'one run'}; "
          f"load {os.getloadavg()[0]:.2f}")
    names = list(dict.fromkeys(name for row in rows for name in row))
    print(f"{'':<58} {'wall s':>8} {'CPU s':>8}")
    for name in names:
        walls = [row[name][0] for row in rows if name in row]
        cpus = [row[name][1] for row in rows if name in row]
        print(f"{name:<58} {statistics.median(walls):8.3f} {statistics.median(cpus):8.3f}")
    return 0


def one_run(paths: list[str], jobs: int) -> dict[str, tuple[float, float]]:
    """One check in a child process (fresh imports each run); its timeline, summarised."""
    log = tempfile.NamedTemporaryFile(prefix="timeline-", suffix=".log", delete=False)
    log.close()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = child(paths, jobs, log.name)
        finally:
            os._exit(code)
    os.waitpid(pid, 0)
    with open(log.name, encoding="utf-8") as f:
        events = [line.split("\t") for line in f.read().splitlines()]
    os.unlink(log.name)
    return summarise([(int(p), kind, name, float(w), float(c)) for p, kind, name, w, c in events])


def child(paths: list[str], jobs: int, log_path: str) -> int:
    fd = os.open(log_path, os.O_WRONLY | os.O_APPEND)
    wall0, cpu0 = time.perf_counter(), time.process_time()

    def note(kind: str, name: str, wall: float, cpu: float) -> None:
        os.write(fd, f"{os.getpid()}\t{kind}\t{name}\t{wall - wall0:.6f}\t{cpu:.6f}\n".encode())

    def timed(owner, attr: str, name: str, kind: str = "phase"):
        real = getattr(owner, attr)

        def wrapper(*a, **k):
            w, c = time.perf_counter(), time.process_time()
            try:
                return real(*a, **k)
            finally:
                note(kind, name, w, time.process_time() - c)
                note("end", name, time.perf_counter(), 0.0)
        setattr(owner, attr, wrapper)

    import contextlib
    import io

    from seasonparse import check, check_command, cli_common, identity, partition, report
    from seasonparse.cli import main as cli_main

    note("phase", "start-up (imports)", wall0, time.process_time() - cpu0)
    note("end", "start-up (imports)", time.perf_counter(), 0.0)
    timed(check_command, "gather", "gather the inputs")
    timed(cli_common, "gather", "gather the inputs")
    timed(identity, "from_evidence", "identity from the evidence")
    timed(partition, "components", "the parts (keys joined)")
    timed(partition, "bins", "the bins")
    timed(check, "finish", "finish (filters, suppression, sort)")
    timed(report, "render", "render json")
    timed(check.DocumentStage, "__call__", "document", "item")
    timed(check.CrossStage, "__call__", "cross task", "item")
    timed(check, "check_corpus", "cross-document stage (check_corpus)")
    real_run = check.run

    def run(sources, *a, map_fn=map, **k):
        def timed_map(stage, results):
            w, c, reaped = time.perf_counter(), time.process_time(), children_cpu()
            yield from results
            name = "per-document stage" if isinstance(stage, check.DocumentStage) else "cross-document pool"
            note("phase", name, w, time.process_time() - c)
            note("end", name, time.perf_counter(), 0.0)
            if children_cpu() > reaped:  # the pool's workers, their start and hand-off too
                note("phase", f"{name}: its workers' whole CPU", w, children_cpu() - reaped)
                note("end", f"{name}: its workers' whole CPU", time.perf_counter(), 0.0)

        class TimedMap:
            """The run's map function, each map timed; what the check asks of it shows through."""

            def __getattr__(self, name):
                return getattr(map_fn, name)

            def __call__(self, stage, items):
                return timed_map(stage, map_fn(stage, items))

            def map_then(self, stage, items, then):
                return timed_map(stage, map_fn.map_then(stage, items, then))

        return real_run(sources, *a, map_fn=TimedMap(), **k)
    check.run = run
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(["check", *paths, "--no-cache", "--no-baseline", "--exit-zero", "--format", "json",
                         "--jobs", str(jobs)])
    note("phase", "whole run (wall: to exit)", wall0, time.process_time() - cpu0)
    note("end", "whole run (wall: to exit)", time.perf_counter(), 0.0)
    return code


def children_cpu() -> float:
    """User + system CPU of the children reaped so far (a pool's workers, once it is shut)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def summarise(events) -> dict[str, tuple[float, float]]:
    """Phases of the parent; per worker and kind of item, its CPU in items and the wall
    from its first item's start to its last one's end."""
    parent = events[0][0]
    ends: dict[tuple[int, str], list[float]] = {}
    for pid, kind, name, w, c in events:
        if kind == "end":
            ends.setdefault((pid, name), []).append(w)
    starts: dict[tuple[int, str, str], list] = {}
    for pid, kind, name, w, c in events:
        if kind in ("phase", "item"):
            starts.setdefault((pid, kind, name), []).append((w, c))
    out: dict[str, tuple[float, float]] = {}
    items: dict[str, dict[int, list[tuple[float, float, float]]]] = {}
    for (pid, kind, name), found in starts.items():
        for (w, c), end in zip(found, ends[pid, name]):
            if kind == "phase":
                total = out.get(name, (0.0, 0.0))
                out[name] = (total[0] + end - w, total[1] + c)
            else:
                items.setdefault(name, {}).setdefault(pid, []).append((w, end, c))
    for by_pid in items.values():
        for spans in by_pid.values():
            spans.sort()
    pools = [name for name in ("per-document stage", "cross-document pool") if name in out]
    longest = 0.0
    for name, by_pid in items.items():
        for k, pid in enumerate(sorted(by_pid, key=lambda p: (p != parent, p))):
            spans = sorted(by_pid[pid])
            busy = sum(c for *_, c in spans)
            who = "the parent" if pid == parent else f"worker {k + (parent not in by_pid)}"
            out[f"{name}s in {who}: CPU (wall first to last)"] = (spans[-1][1] - spans[0][0], busy)
        workers = [sum(c for *_, c in spans) for pid, spans in by_pid.items() if pid != parent]
        longest += max(workers, default=0.0)
        start, end, cpu = max((span for spans in by_pid.values() for span in spans), key=lambda span: span[2])
        out[f"the longest {name}: CPU (wall)"] = (end - start, cpu)
    for pool, item in (("per-document stage", "document"), ("cross-document pool", "cross task")):
        phase = [(w, end) for (pid, kind, name), found in starts.items() if name == pool and kind == "phase"
                 for (w, _), end in zip(found, ends[pid, name])]
        spans = [s for pid, s in items.get(item, {}).items() if pid != parent]
        if phase and spans:
            (begun, done), first, last = phase[0], min(s[0][0] for s in spans), max(s[-1][1] for s in spans)
            out[f"{pool}: from the map's call to the first {item}"] = (first - begun, 0.0)
            out[f"{pool}: from the last {item} to the map's end"] = (done - last, 0.0)
            idle = sum((last - first) - sum(e - s for s, e, _ in spans_of) for spans_of in spans)
            out[f"{pool}: workers' idle wall between first and last {item}"] = (idle, 0.0)
    whole = out["whole run (wall: to exit)"]
    waited = sum(out[p][1] for p in pools) if longest else 0.0
    out["parent CPU outside the maps"] = (
        whole[0] - (sum(out[p][0] for p in pools) if longest else 0.0), whole[1] - waited)
    out["estimate on free cores: that + each map's busiest worker"] = (0.0, whole[1] - waited + longest)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
