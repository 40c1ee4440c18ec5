"""When each process of a check (or a parse) is busy, and when it waits: the timeline of one run.

    python bench/bench_timeline.py DIR [--jobs N] [--runs R] [--parse] [--events]

Runs `seasonparse check DIR --no-cache --no-baseline --exit-zero --format json
--jobs N` (with --parse: `seasonparse DIR --out TMP -q --jobs N`) in a forked
child (fresh imports each run, timed too) with hooks that log, per process, the
wall and CPU time of each step: the parent's phases (start-up, the pool forked
ahead, gathering, each pool's map as the parent waits for it, identity and the
partition, finish, render) and each worker's items (its warm-up, a document, a
cross-document task; for the parse command an input). It prints the parent's phases (wall, CPU), per worker
and kind of item its CPU in items, the longest item of each kind (a whole-corpus
task can bound the cross-document stage), the wall from each map's call to its first
item and from its last item to the map's end, the workers' idle wall between
their first and last item, and an estimate of the run on N free cores: the
parent's CPU outside the maps plus each map's busiest worker (the identity and
partition the parent decides while the whole-corpus task runs count as beside
the workers). On a loaded machine every wall time stretches and CPU times grow
too (shared caches): compare runs made together, not with other days'. With
--runs, medians. --events lists one run's steps in time order, and each worker's span of
items with the gaps between them (where a core waited).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="a corpus (bench/gen_corpus.py N DIR)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--parse", action="store_true", help="time the parse command, not check")
    parser.add_argument("--events", action="store_true", help="list one run's steps in time order")
    options = parser.parse_args()
    args, jobs, runs = options.paths, options.jobs, options.runs
    command = "parse" if options.parse else "check"
    if options.events:
        print_events(logged(args, jobs, command))
        return 0
    rows = [summarise(logged(args, jobs, command)) for _ in range(runs)]
    print(f"{command} {args[0]} --jobs {jobs}, {'median of %d runs' % runs if runs > 1 else 'one run'}; "
          f"load {os.getloadavg()[0]:.2f}")
    names = list(dict.fromkeys(name for row in rows for name in row))
    print(f"{'':<58} {'wall s':>8} {'CPU s':>8}")
    for name in names:
        walls = [row[name][0] for row in rows if name in row]
        cpus = [row[name][1] for row in rows if name in row]
        print(f"{name:<58} {statistics.median(walls):8.3f} {statistics.median(cpus):8.3f}")
    return 0


def logged(paths: list[str], jobs: int, command: str) -> list[tuple[int, str, str, float, float]]:
    """One run in a child process (fresh imports each run): its events, as logged."""
    log = tempfile.NamedTemporaryFile(prefix="timeline-", suffix=".log", delete=False)
    log.close()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = (parse_child if command == "parse" else child)(paths, jobs, log.name)
        finally:
            os._exit(code)
    os.waitpid(pid, 0)
    with open(log.name, encoding="utf-8") as f:
        events = [line.split("\t") for line in f.read().splitlines()]
    os.unlink(log.name)
    return [(int(p), kind, name, float(w), float(c)) for p, kind, name, w, c in events]


def print_events(events) -> None:
    """The parent's steps in time order (start, end, wall, CPU), then each worker's items: how
    many, from the first's start to the last's end, their CPU, and the gaps over 3 ms."""
    parent = events[0][0]
    opened: dict[tuple[int, str], list] = {}
    spans = []
    for pid, kind, name, w, c in events:
        if kind == "end":
            w0, c0, k0 = opened[pid, name].pop(0)
            spans.append((w0, w, c0, pid, k0, name))
        else:
            opened.setdefault((pid, name), []).append((w, c, kind))
    spans.sort()
    print(f"{'process':>8} {'start':>7} {'end':>7} {'wall':>6} {'CPU':>6}  step")
    for w0, w1, c, pid, kind, name in spans:
        if kind == "phase":
            print(f"{'parent' if pid == parent else pid:>8} {w0:7.3f} {w1:7.3f} {w1 - w0:6.3f} {c:6.3f}  {name}")
    items: dict[tuple[int, str], list] = {}
    for w0, w1, c, pid, kind, name in spans:
        if kind == "item":
            items.setdefault((pid, name), []).append((w0, w1, c))
    for (pid, name), found in sorted(items.items(), key=lambda kv: kv[1][0][0]):
        gaps = [(a[1], b[0] - a[1]) for a, b in zip(found, found[1:]) if b[0] - a[1] > 0.003]
        print(f"{pid:>8} {found[0][0]:7.3f} {found[-1][1]:7.3f} {found[-1][1] - found[0][0]:6.3f} "
              f"{sum(c for *_, c in found):6.3f}  {len(found)} x {name}"
              + ("; gaps " + ", ".join(f"{at:.3f}+{gap:.3f}" for at, gap in gaps) if gaps else ""))


class Recorder:
    """Appends each step's wall (from the run's start) and CPU to the log, one line a step,
    from any process of the run (the file is opened for appending before any fork)."""

    def __init__(self, log_path: str) -> None:
        self.fd = os.open(log_path, os.O_WRONLY | os.O_APPEND)
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()

    def note(self, kind: str, name: str, wall: float, cpu: float) -> None:
        os.write(self.fd, f"{os.getpid()}\t{kind}\t{name}\t{wall - self.wall0:.6f}\t{cpu:.6f}\n".encode())

    def span(self, kind: str, name: str, wall: float, cpu: float) -> None:
        """A step begun at `wall` that took `cpu`, ended now."""
        self.note(kind, name, wall, cpu)
        self.note("end", name, time.perf_counter(), 0.0)

    def timed(self, owner, attr: str, name: str, kind: str = "phase") -> None:
        import functools

        real = getattr(owner, attr)

        @functools.wraps(real)  # pickled by its name, as the function it stands for
        def wrapper(*a, **k):
            w, c = time.perf_counter(), time.process_time()
            try:
                return real(*a, **k)
            finally:
                self.span(kind, name, w, time.process_time() - c)
        setattr(owner, attr, wrapper)

    def started(self) -> None:
        self.span("phase", "start-up (imports)", self.wall0, time.process_time() - self.cpu0)

    def ended(self) -> None:
        """The run's end: its wall and the parent's CPU, and every worker's whole CPU (their
        start, warm-up and hand-off too: each pool's workers are reaped by the run's end,
        some only after the next stage began, see parallel.Exiting)."""
        self.span("phase", "whole run (wall: to exit)", self.wall0, time.process_time() - self.cpu0)
        self.span("phase", "every worker's whole CPU", self.wall0, children_cpu())

    def timed_map(self, name: str, results):
        """`results` (a pool's map) as the parent waits for them: the map's wall and the
        parent's CPU in it."""
        w, c = time.perf_counter(), time.process_time()
        yield from results
        self.span("phase", name, w, time.process_time() - c)


def child(paths: list[str], jobs: int, log_path: str) -> int:
    record = Recorder(log_path)
    timed = record.timed
    import contextlib
    import io

    from seasonparse import check, check_command, cli_common, config, identity, partition, report
    from seasonparse.cli import main as cli_main

    record.started()
    timed(config, "load", "the configuration")
    timed(check_command, "_pool_ahead", "fork the pool ahead")
    timed(check_command, "_warm_worker", "warm-up", "item")
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
            name = "per-document stage" if isinstance(stage, check.DocumentStage) else "cross-document pool"
            return record.timed_map(name, results)

        class TimedMap:
            """The run's map function, each map timed; what the check asks of it shows through."""

            def __getattr__(self, name):
                return getattr(map_fn, name)

            def __call__(self, stage, items):
                return timed_map(stage, map_fn(stage, items))

            def map_then(self, stage, items, then, **options):
                return timed_map(stage, map_fn.map_then(stage, items, then, **options))

        return real_run(sources, *a, map_fn=TimedMap(), **k)
    check.run = run
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(["check", *paths, "--no-cache", "--no-baseline", "--exit-zero", "--format", "json",
                         "--jobs", str(jobs)])
    record.ended()
    return code


def parse_child(paths: list[str], jobs: int, log_path: str) -> int:
    """The parse command's run, into a temporary folder: the parent's steps, each worker's
    warm-up and inputs (parse, schema check, write), the pool's map."""
    import shutil

    record = Recorder(log_path)
    timed = record.timed
    from seasonparse import inputs, parallel, parse_command
    from seasonparse.cli import main as cli_main

    record.started()
    timed(parse_command, "_pool_ahead", "fork the pool ahead")
    timed(parse_command, "_warm_worker", "warm-up", "item")
    timed(parse_command, "gather", "gather the inputs")
    timed(inputs, "expand", "expand the inputs")
    timed(inputs, "planned_outputs", "plan the outputs (first share)")
    timed(parse_command, "_create_out", "create --out")
    timed(parse_command, "parse_one", "input", "item")
    real_map = parallel.ordered_map
    parallel.ordered_map = lambda *a, **k: record.timed_map("the pool's map", real_map(*a, **k))
    out = tempfile.mkdtemp(prefix="timeline-out-")
    try:
        code = cli_main([*paths, "--out", out, "-q", "--jobs", str(jobs)])
    finally:
        record.ended()
        shutil.rmtree(out, ignore_errors=True)
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
    pools = [name for name in ("per-document stage", "cross-document pool", "the pool's map") if name in out]
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
    for pool, item in (("per-document stage", "document"), ("cross-document pool", "cross task"),
                       ("the pool's map", "input")):
        phase = [(w, end) for (pid, kind, name), found in starts.items() if name == pool and kind == "phase"
                 for (w, _), end in zip(found, ends[pid, name])]
        spans = [s for pid, s in items.get(item, {}).items() if pid != parent]
        if phase and spans:
            (begun, done), first, last = phase[0], min(s[0][0] for s in spans), max(s[-1][1] for s in spans)
            out[f"{pool}: from the map's call to the first {item}"] = (first - begun, 0.0)
            out[f"{pool}: from the last {item} to the map's end"] = (done - last, 0.0)
            idle = sum((last - first) - sum(e - s for s, e, _ in spans_of) for spans_of in spans)
            out[f"{pool}: workers' idle wall between first and last {item}"] = (idle, 0.0)
    ends_of = {name: [end for spans in by_pid.values() for *_, end, _c in spans] for name, by_pid in items.items()}
    starts_of = {name: [start for spans in by_pid.values() for start, *_ in spans] for name, by_pid in items.items()}
    if ends_of.get("document") and starts_of.get("cross task"):  # both cores wait on the parent between the pools
        out["from the last document to the first cross task"] = (min(starts_of["cross task"]) - max(ends_of["document"]), 0.0)
    report = [w for (pid, kind, name), found in starts.items() if name == "render json" for w, _ in found]
    if ends_of.get("cross task") and report:
        out["from the last cross task to the report's render"] = (report[0] - max(ends_of["cross task"]), 0.0)
    whole = out["whole run (wall: to exit)"]
    waited = sum(out[p][1] for p in pools) if longest else 0.0
    out["parent CPU outside the maps"] = (
        whole[0] - (sum(out[p][0] for p in pools) if longest else 0.0), whole[1] - waited)
    out["estimate on free cores: that + each map's busiest worker"] = (0.0, whole[1] - waited + longest)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
