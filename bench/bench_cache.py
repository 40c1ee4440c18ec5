"""The content cache: a re-check after editing one article of N, against a full run.

    python bench/bench_cache.py [N] [--jobs J] [--repeat R]    (default: 1000 articles, --jobs 1, 5 repeats)

Writes N articles with bench/gen_corpus.py (under bench/out/, reused when present), then
runs `seasonparse check DIR --format json` in a fresh process, R times each (medians
shown, as everywhere in the README):
  - uncached: --no-cache (every document parsed and checked);
  - cold: an empty cache (the same work, plus writing the entries);
  - warm: nothing changed;
  - edited: one article changed (a line of prose added at its end; a new line each repeat);
  - edited goal: the same article with one goal's minute changed (what X008 reads: its
    surname group is checked again; identity and the parts are not decided again).
For each: wall time of the whole process (start-up included), CPU seconds (the process and
its workers), and the cross-document stage's wall time (check.check_corpus, timed in the
child): a warm run takes its findings whole from the cross-document memo
(seasonparse.cross_memo), an edited one checks the edited article's part again. Then
the CPU seconds of each phase of the parent process (PHASES: finding the inputs,
reading cache entries (the index, the inputs' stat and hash, the entries' heads),
parsing, identity, the partition, the layout rebuilt from its memo, the parts' and
surname groups' memos, the rules, the documents read back from their entries, writing
the cache, the suppression and ordering of findings, the report), medians: where a
re-check's time goes.

The children write and read bytecode (PYTHONDONTWRITEBYTECODE is dropped from their
environment): an installed package has its .pyc files, and compiling its sources again
in every process (about 0.1 s of CPU) would be counted against the re-check. The load
average is printed beside the table: wall times on a shared machine follow it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402

# The check in a child that prints, as its last stderr line (JSON), the cross-document
# stage's wall seconds, the run's CPU seconds (its own and its workers') and the CPU
# seconds of its phases in this process (PHASES; "start-up" is the imports before main).
CHILD = """
import json, resource, sys, time
from importlib import import_module
spent, phases = [0.0], {}
def timed(owner, name, phase, clock):
    real = getattr(owner, name)
    def wrapper(*args, **kwargs):
        started = clock()
        try:
            return real(*args, **kwargs)
        finally:
            phases[phase] = phases.get(phase, 0.0) + clock() - started
    setattr(owner, name, wrapper)
for phase, module, name in json.loads(sys.argv[1]):
    owner = import_module(module)
    *path, name = name.split(".")
    for part in path:
        owner = getattr(owner, part)
    timed(owner, name, phase, time.process_time)
from seasonparse import check
timed(check, "check_corpus", "cross-document (wall)", time.perf_counter)
from seasonparse.cli import main
phases["start-up"] = time.process_time()
code = main(["check", *sys.argv[2:], "--format", "json", "--no-baseline", "--exit-zero"])
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([phases.pop("cross-document (wall)", 0.0), time.process_time() + workers.ru_utime + workers.ru_stime,
                  phases]), file=sys.stderr)
raise SystemExit(code)
"""
PHASES = (  # (phase, module, function): CPU seconds spent in it by the parent process
    ("finding inputs", "seasonparse.check_command", "gather"),
    ("opening the cache", "seasonparse.cache", "DocumentCache.open"),
    ("cache entries", "seasonparse.cache", "DocumentCache.recall"),
    ("parsing and checking", "seasonparse.check", "DocumentStage.__call__"),
    ("identity", "seasonparse.identity", "from_evidence"),
    ("partition", "seasonparse.partition", "components"),
    ("layout from memo", "seasonparse.cross_memo", "_layout_rebuilt"),
    ("memo look-up", "seasonparse.cross_memo", "RunMemo.recall"),
    ("cross-document rules", "seasonparse.check", "CrossStage.check"),
    ("documents from entries", "seasonparse.cache", "CachedProjection.unpack"),
    ("writing the cache", "seasonparse.jsonout", "write_atomic"),
    ("suppression, order", "seasonparse.check", "finish"),
    ("report", "seasonparse.report", "render"),
)

ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(corpus: Path, cache: Path, jobs: str, *extra: str) -> tuple[float, float, float, dict, bytes]:
    """(wall s, CPU s, cross-document s, CPU s by phase, report) of one run."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, json.dumps(PHASES), str(corpus), "--jobs", jobs,
                           "--cache-dir", str(cache), *extra], capture_output=True, check=True, env=ENVIRONMENT)
    wall = time.perf_counter() - started
    corpus_s, cpu, phases = json.loads(proc.stderr.decode().strip().splitlines()[-1])
    return wall, cpu, corpus_s, phases, proc.stdout


def main(argv: list[str]) -> None:
    n = int(next((a for a in argv if a.isdigit()), "1000"))
    jobs = argv[argv.index("--jobs") + 1] if "--jobs" in argv else "1"
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    corpus = HERE / "out" / f"cache-{n}"
    if not corpus.is_dir():
        generate(n, corpus)
        (corpus / "planted.json").unlink(missing_ok=True)
    edited = sorted(corpus.glob("*.txt"))[n // 2]
    original = edited.read_bytes()
    work = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    rows: dict[str, list[tuple[float, float, float]]] = {}
    phases: dict[str, list[dict]] = {}
    reports: dict[str, bytes] = {}

    def measure(name: str, *extra: str) -> None:
        *row, phased, reports[name] = once(corpus, cache, jobs, *extra)
        rows.setdefault(name, []).append(tuple(row))
        phases.setdefault(name, []).append(phased)

    try:
        for r in range(repeat):
            cache = work / f"cache-{r}"
            for name in ("uncached", "cold", "warm"):
                measure(name, *(("--no-cache",) if name == "uncached" else ()))
            assert reports["uncached"] == reports["cold"] == reports["warm"], "a cached run's report differs"
            edits = {"edited": original + f"\nEdited for the cache benchmark, run {r}.\n".encode(),
                     "edited goal": re.sub(rb"(\d+)'", lambda m: b"%d'" % (int(m[1]) % 89 + 1), original, count=1)}
            for name, text in edits.items():
                edited.write_bytes(text)
                try:
                    measure(name)
                    if r == repeat - 1:  # the edited corpus checked afresh, once: the same report
                        assert once(corpus, cache, jobs, "--no-cache")[-1] == reports[name], f"the {name} run's report differs"
                finally:
                    edited.write_bytes(original)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    median = {name: tuple(statistics.median(values) for values in zip(*runs)) for name, runs in rows.items()}
    full = median["uncached"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{n} articles, --jobs {jobs}, median of {repeat} (machine: {os.cpu_count()} cores, load average {load})")
    print(f"{'run':12} {'wall s':>8} {'CPU s':>8} {'cross-doc s':>12} {'wall/full':>10} {'CPU/full':>9}")
    for name, (wall, cpu, corpus_s) in median.items():
        print(f"{name:12} {wall:8.2f} {cpu:8.2f} {corpus_s:12.2f} {wall / full[0]:9.0%} {cpu / full[1]:9.0%}")
    wall, cpu, corpus_s = median["edited"]
    print(f"edited one article: {cpu / full[1]:.0%} of a full run's CPU time ({wall / full[0]:.0%} of its wall "
          f"time); the cross-document stage is {corpus_s / wall:.0%} of that run")
    names = list(dict.fromkeys(["start-up", *(phase for phase, _, _ in PHASES)]))
    print("\nCPU s by phase in the parent process (median; not listed: what a run does between them, "
          "and its workers' work)")
    print(f"{'phase':22}" + "".join(f" {name:>12}" for name in phases))
    for phase in names:
        print(f"{phase:22}" + "".join(f" {statistics.median(p.get(phase, 0.0) for p in runs):12.3f}"
                                      for runs in phases.values()))


if __name__ == "__main__":
    main(sys.argv[1:])
