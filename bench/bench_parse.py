"""Throughput, start-up and the CLI end to end, each next to floors measured in the same run.

    python bench/bench_parse.py                     (everything; ~10 min on 2 cores)
    python bench/bench_parse.py --runs 5 --files 1000 5000 --articles 2000
    python bench/bench_parse.py --skip-throughput --skip-cli --startup-runs 31   (start-up only)

Measure a regular install (`pip install .` into a fresh venv), as a user runs
it. The children run with PYTHONDONTWRITEBYTECODE removed from their
environment: with it set, a source or editable install recompiles every
module at every start.

1. Throughput, one core: distinct articles from bench/gen_corpus.py (written
   under bench/out/, reused), each stage in fresh processes that take every
   article once, so no article meets its own cached dates and cells. Stages: a
   plain regex line pass over the same texts (the floor), parse (document
   model), parse + JSON text, parse + schema validation + JSON text (the CLI's
   work per file, bar the write). MB of input per CPU second, median of the
   runs, and each stage's ratio to the regex pass. The seeds (three real articles) replicated to the same
   size follow, as the warm-cache end.
2. Start-up: `python -c pass`, the import floor (`python -c "import M..."`
   with exactly the third-party modules the command imports: found by running
   it), `seasonparse SEED --out DIR` and `seasonparse check seeds/`. Runs
   interleaved; medians of wall and of CPU time (user + system), ratios to the
   import floor.
3. The CLI end to end on N distinct files (default 1,000 and 5,000):
   `seasonparse DIR --out OUT` and `seasonparse check DIR`, each with `--jobs 1`
   and `--jobs 2` (run in pairs, one after the other), against a floor program run
   on the same files in the same run: the import floor plus reading every file and
   the regex line pass. Wall time, MB/s, ratio to the floor, and the speed-up of two
   jobs over one (of the medians, and the median of the pairs' ratios).

The machine this project runs on has two cores shared with other work: the
load average is printed before and after, CPU time is shown next to wall time,
and every figure is a median, not a best case.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BIN = Path(sys.executable).parent
EXE = str(BIN / "seasonparse")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# A plain line classifier: what any tool reading these articles line by line must at least do.
LINE_RE = (r"^(?:(=+)[^\n]*|\|[^\n]*|-[^\n]*|;[^\n]*|[A-Z][a-z]+ \d+, \d{4}|\d+ [A-Z][a-z]+ \d{4}"
           r"|[^\n]*)$")

# One throughput run, in a fresh process: one stage, every text once.
THROUGHPUT = """
import gc, json, re, sys, time
from pathlib import Path
from seasonparse.frontend import parse_text
from seasonparse.jsonout import dumps, schema_error, to_dict

stage, copies, warm = sys.argv[1], int(sys.argv[2]), sys.argv[4]
paths = json.loads(sys.stdin.read())  # thousands of paths: too long for one argument
texts = [Path(p).read_text("utf-8") for p in paths] * copies
line_re = re.compile(sys.argv[3], re.M)
schema_error(to_dict(parse_text(Path(warm).read_text("utf-8"))))  # imports, tables, scanners

def cli_work(t):
    out = to_dict(parse_text(t))
    schema_error(out)
    return dumps(out)

fn = {"regex": lambda t: sum(1 for _ in line_re.finditer(t)), "parse": parse_text,
      "parse+json": lambda t: dumps(to_dict(parse_text(t))), "parse+validate+json": cli_work}[stage]
gc.collect()
start = time.process_time()
for t in texts:
    fn(t)
print(time.process_time() - start)
"""
STAGES = ("regex", "parse", "parse+json", "parse+validate+json")

# Which third-party top-level modules a command imports (the import floor is exactly these).
IMPORTS = """
import contextlib, io, json, sys
before = set(sys.modules)  # what Python's own start-up imported (site, .pth hooks)
from seasonparse.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(sys.argv[1:])
names = sorted({n.split(".")[0] for n, m in list(sys.modules.items()) if n not in before
                and m is not None and "site-packages" in (getattr(m, "__file__", None) or "")})
print(json.dumps([n for n in names if n != "seasonparse"]))
"""

# The floor of a whole run: Python, the command's imports, reading every file, the regex pass.
FLOOR_RUN = """
import re, sys
from pathlib import Path
for name in filter(None, sys.argv[3].split(",")):
    __import__(name)
line_re = re.compile(sys.argv[2], re.M)
n = 0
for p in sorted(Path(sys.argv[1]).rglob("*.txt")):
    n += sum(1 for _ in line_re.finditer(p.read_text("utf-8")))
print(n)
"""


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd: list[str], **kw) -> tuple[float, float]:
    """(wall, CPU) seconds of one command; its output is discarded."""
    cpu, start = _cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=ENV, **kw)
    wall, cpu = time.perf_counter() - start, _cpu() - cpu
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:5])} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return wall, cpu


def corpus(n: int) -> Path:
    """bench/gen_corpus.py's first n articles (generated once, reused)."""
    sys.path.insert(0, str(HERE))
    from gen_corpus import generate

    out = HERE / "out" / f"corpus-{n}"
    if not (out / "planted.json").exists():
        generate(n, out)
    return out


def mb_of(paths) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def third_party_imports(argv: list[str], cwd: Path) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", IMPORTS, *argv], capture_output=True, text=True,
                          env=ENV, cwd=cwd, check=True)
    return json.loads(proc.stdout)


def throughput(runs: int, articles: int) -> None:
    distinct = sorted(corpus(articles).glob("*.txt"))
    mb = mb_of(distinct)
    copies = max(1, round(mb / mb_of(SEEDS)))
    print(f"\n1. throughput, one core, MB of input per CPU second (median of {runs} fresh processes)")
    for label, paths, times in ((f"{len(distinct):,} distinct articles (bench/gen_corpus.py), {mb:.2f} MB",
                                 distinct, 1),
                                (f"the 3 seeds replicated x{copies}, {mb_of(SEEDS) * copies:.2f} MB "
                                 "(warm caches)", SEEDS, copies)):
        size = mb_of(paths) * times
        rate = {}
        for stage in STAGES:
            seconds = []
            for _ in range(runs):
                proc = subprocess.run([sys.executable, "-c", THROUGHPUT, stage, str(times), LINE_RE, str(SEEDS[-1])],
                                      input=json.dumps([str(p) for p in paths]), capture_output=True, text=True,
                                      env=ENV, check=True)
                seconds.append(float(proc.stdout))
            rate[stage] = size / statistics.median(seconds)
        print(f"  {label}")
        for k, v in rate.items():
            ratio = "floor" if k == "regex" else f"{rate['regex'] / v:5.1f}x slower than the regex pass"
            print(f"    {k:<22} {v:7.2f} MB/s   {ratio}")


def startup(runs: int) -> None:
    tmp = Path(tempfile.mkdtemp())
    seed = str(SEEDS[0])
    parse_argv = [seed, "--out", str(tmp), "-q"]
    check_argv = ["check", "seeds", "--no-baseline", "--no-cache", "--exit-zero"]
    floor_parse = third_party_imports(parse_argv, ROOT)
    floor_check = third_party_imports(check_argv, ROOT)
    # a command that imports no third-party module has bare Python for its floor
    floor_of = {k: f"python -c '{'import ' + ', '.join(mods) if mods else 'pass'}'"
                for k, mods in (("parse", floor_parse), ("check", floor_check))}
    cmds = {"python -c 'pass'": [sys.executable, "-c", "pass"]}
    for name in dict.fromkeys(floor_of.values()):
        cmds[name] = [sys.executable, "-c", name.split("'")[1]]
    cmds["seasonparse SEED --out DIR"] = [EXE, *parse_argv]
    cmds["seasonparse check seeds/"] = [EXE, *check_argv]
    samples: dict[str, list] = {k: [] for k in cmds}
    for c in cmds.values():  # first runs write bytecode caches
        run(c, cwd=ROOT)
    for _ in range(runs):
        for k, c in cmds.items():
            samples[k].append(run(c, cwd=ROOT))
    shutil.rmtree(tmp, ignore_errors=True)
    med = {k: (statistics.median(s[0] for s in v), statistics.median(s[1] for s in v))
           for k, v in samples.items()}
    floors = {k: med[v] for k, v in floor_of.items()}
    print(f"\n2. start-up, median of {runs} interleaved runs        wall ms   CPU ms   x its import floor (wall, CPU)")
    for k, (w, c) in med.items():
        floor = floors["check"] if "check" in k else floors["parse"] if k.startswith("seasonparse") else None
        ratio = f"{w / floor[0]:5.2f}x {c / floor[1]:5.2f}x" if floor else ""
        print(f"  {k:<48} {w * 1e3:7.1f} {c * 1e3:8.1f}   {ratio}")
    print(f"  (the import floor of each command: {floor_of['parse']} for parse, {floor_of['check']} for check)")


def end_to_end(sizes: list[int], runs: int) -> None:
    print("\n3. the CLI end to end (wall; CPU is the sum over all processes)")
    for n in sizes:
        folder = corpus(n)
        mb = mb_of(folder.glob("*.txt"))
        floor_mods = ",".join(third_party_imports([str(SEEDS[0]), "--out", tempfile.mkdtemp(), "-q"], ROOT))
        reps = runs if n <= 1000 else 1
        print(f"  {n:,} distinct articles, {mb:.2f} MB, {'median of %d runs' % reps if reps > 1 else 'one run'}")
        floor = statistics.median(run([sys.executable, "-c", FLOOR_RUN, str(folder), LINE_RE, floor_mods])[0]
                                  for _ in range(reps))
        print(f"    {'floor: start-up + read + regex pass':<36} {floor:7.2f} s  {mb / floor:6.2f} MB/s")
        for command in ("parse", "check"):
            samples: dict[int, list] = {1: [], 2: []}
            for _ in range(reps):
                for jobs in (1, 2):  # interleaved: a change of the load moves both of a pair
                    with tempfile.TemporaryDirectory() as out:
                        argv = ([EXE, str(folder), "--out", out, "-q"] if command == "parse" else
                                [EXE, "check", str(folder), "--no-baseline", "--no-cache", "--exit-zero", "--format", "json"])
                        samples[jobs].append(run([*argv, "--jobs", str(jobs)], cwd=out))
            for jobs in (1, 2):
                wall = statistics.median(s[0] for s in samples[jobs])
                cpu = statistics.median(s[1] for s in samples[jobs])
                pairs = statistics.median(one[0] / two[0] for one, two in zip(samples[1], samples[2]))
                speedup = (f"  {statistics.median(s[0] for s in samples[1]) / wall:4.2f}x one job "
                           f"({pairs:4.2f}x per pair)") if jobs == 2 else ""
                print(f"    {f'{command} --jobs {jobs}':<36} {wall:7.2f} s  {mb / wall:6.2f} MB/s  "
                      f"{wall / floor:5.1f}x floor  CPU {cpu:6.2f} s{speedup}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per figure (medians; default 5)")
    ap.add_argument("--articles", type=int, default=2000, help="distinct articles for throughput")
    ap.add_argument("--files", type=int, nargs="+", default=[1000, 5000], help="run sizes end to end")
    ap.add_argument("--startup-runs", type=int, default=21, help="interleaved start-up runs (default 21)")
    ap.add_argument("--skip-throughput", action="store_true", help="no throughput runs")
    ap.add_argument("--skip-cli", action="store_true", help="no end-to-end runs")
    args = ap.parse_args()

    import seasonparse

    where = Path(seasonparse.__file__).resolve()
    kind = "source tree (editable?)" if ROOT in where.parents else "installed package"
    print(f"seasonparse from {where.parent} ({kind}); Python {sys.version.split()[0]}; "
          f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    if kind != "installed package":
        print("note: measure start-up with `pip install .` in a fresh venv; this is the source tree")
    if not args.skip_throughput:
        throughput(args.runs, args.articles)
    startup(args.startup_runs)
    if not args.skip_cli:
        end_to_end(args.files, args.runs)
    print(f"\nload average at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
