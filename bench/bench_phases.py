"""Where a check's time goes, phase by phase, and how much of it the parent spends.

    python bench/bench_phases.py DIR [--jobs N]

Prints, for each phase, the wall seconds and the parent's CPU seconds (the
workers' CPU is not the parent's: with --jobs 2 the difference is what runs in
parallel): the per-document stage as the parent sees it (waiting for workers
and unpickling what they send: each document packed, seasonparse.compact, and
its facts), the bytes of that hand-off, then the cross-document stage
(check.check_corpus) and inside it identity decided from the documents'
evidence, the partition, and the parts and whole-corpus rules checked in the
parent (at --jobs 1: all of them), then finish (filters, suppression, sort)
and rendering the JSON report. Run it on a corpus from bench/gen_corpus.py;
compare --jobs 1 with --jobs 2.
"""

from __future__ import annotations

import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path


def main() -> int:
    args = sys.argv[1:]
    jobs = 1
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = int(args[i + 1])
        del args[i:i + 2]
    from seasonparse import check, identity, partition
    from seasonparse.check import DocumentStage, finish, settings_of
    from seasonparse.cli_common import gather
    from seasonparse.config import load as load_config
    from seasonparse.parallel import PoolMap, ordered_map
    from seasonparse.report import render
    from seasonparse.rules import registry

    rules = registry()
    config = load_config(None, set(rules))
    codes = check.selected_codes(rules, config.select, config.ignore, config.extend_select)
    settings = settings_of(config)
    found = gather(args, config.glob)
    timings: list[tuple[str, float, float]] = []
    inside: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])

    def timed(name, fn):
        wall, cpu = time.perf_counter(), time.process_time()
        out = fn()
        timings.append((name, time.perf_counter() - wall, time.process_time() - cpu))
        return out

    def counted(owner, attr, name):
        real = getattr(owner, attr)

        def wrapper(*a, **k):
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return real(*a, **k)
            finally:
                spent = inside[name]
                spent[0] += time.perf_counter() - wall
                spent[1] += time.process_time() - cpu
                spent[2] += 1
        setattr(owner, attr, wrapper)

    counted(identity, "from_evidence", "identity from the documents' evidence")
    counted(partition, "components", "the parts (keys joined)")
    counted(check.CrossStage, "check", "corpus rules checked in the parent (index and rules)")

    stage = DocumentStage(frozenset(codes), settings, None, True)
    checked = timed(f"per-document stage (--jobs {jobs})", lambda: list(ordered_map(stage, found.inputs, jobs)))
    handoff = sum(len(pickle.dumps(c, pickle.HIGHEST_PROTOCOL)) for c in checked)
    lines = check.source_lines(checked)
    map_fn = PoolMap(jobs) if jobs > 1 else map
    findings = [f for c in checked for f in c.findings]
    findings += timed("cross-document stage (check_corpus)", lambda: check.check_corpus(
        [c.document for c in checked], rules, codes, settings, None, lines, map_fn, [c.facts for c in checked]))
    for name, (wall, cpu, calls) in inside.items():
        timings.append((f"  {name}, {calls} call{'s' if calls != 1 else ''}", wall, cpu))
    result = timed("finish", lambda: finish(checked, findings, rules, codes, config, lines))
    timed("render json", lambda: render("json", result.findings, result.lines_by_path, rules))
    total = sum(t for name, t, _ in timings if not name.startswith("  "))
    total_cpu = sum(c for name, _, c in timings if not name.startswith("  "))
    print(f"{len(checked)} documents, hand-off {handoff / 1e6:.2f} MB pickled "
          f"({sum(Path(i.path).stat().st_size for i in found.inputs) / 1e6:.2f} MB of text)")
    print(f"{'phase':<62} {'wall s':>8} {'':>7} {'parent CPU s':>12}")
    for name, t, cpu in timings:
        print(f"{name:<62} {t:8.3f} {100 * t / total:6.1f}% {cpu:12.3f}")
    print(f"{'total':<62} {total:8.3f} {'':>7} {total_cpu:12.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
