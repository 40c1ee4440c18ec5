"""`seasonparse check` on a MediaWiki dump of N real-size articles, --jobs 1 and 2.

    python bench/bench_dump.py [--jobs 1,2] [--engine local,dask] [--text] [--against DIR] [SIZES...]   (default sizes: 1000 10000)
    python bench/bench_dump.py --stage K [SIZES...]

For each size: a dump from bench/gen_dump.py (under bench/out/dump-N/, reused
when present); first the dump read alone (every page streamed and selected,
nothing parsed: what the reader costs), then `seasonparse check dump.xml.bz2
--format json --jobs J` in a fresh process for each J. Printed per run: wall
time, ms per article, MB/s (of the uncompressed dump's bytes), peak RSS of the
whole process tree (the parent and its workers, summed, sampled every 0.2 s
from /proc), and the CPU seconds of the tree, which the shared machine moves
far less than wall time. With --text, the same for the folder of text-format
articles (the non-dump path). With --against DIR (the `parser` folder of another
commit, e.g. `git archive COMMIT parser | tar -x -C /tmp/before`), each check runs
first with that code, then with this one, back to back under the same load; the
load average is printed beside each.

With --stage K, instead: the per-document stage alone, in this process, on the
dump's first K pages (what a worker does with each): CPU ms a page to parse it
(the wikitext front end), to run the document rules, and to hand it back
(projection, facts, packing), after the floor, reading the K pages. Steady counts
come from callgrind over it: `valgrind --tool=callgrind python
bench/bench_dump.py --stage 40 1000` (less the same with --stage 0).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_dump import generate  # noqa: E402

READ_ONLY = """
import sys
from pathlib import Path
from seasonparse.inputs import Input, expand
n = sum(1 for _ in expand((Input(Path(sys.argv[1]), sys.argv[1], Path(sys.argv[1])),)))
print(n, file=sys.stderr)
"""


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss(root: int) -> int:
    """RSS (KiB) of `root` and all its descendants, now."""
    tree, total, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kib(pid)
        todo.extend(tree.get(pid, ()))
    return total


def measure(cmd: list[str], parser: str | None = None) -> dict:
    """Run `cmd` (with the seasonparse of folder `parser` where given); wall seconds, peak
    tree RSS (MiB) and CPU seconds of the tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if parser is not None:
        env["PYTHONPATH"] = parser
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - started
    watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:  # the check runs with --exit-zero: anything else is a failure
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return {"wall": wall, "rss_mib": peak[0] / 1024, "cpu": cpu, "stderr": err.decode()}


def stage_phases(dump: str, k: int) -> None:
    """The per-document stage on the first `k` pages of `dump`, phase by phase (CPU ms a page)."""
    from itertools import islice

    from seasonparse import suppress
    from seasonparse.check import DocumentStage, check_document, load_one, pack_lines
    from seasonparse.findings import Settings
    from seasonparse.inputs import Input, expand
    from seasonparse.rules import registry

    started = time.process_time()
    pages = list(islice(expand((Input(Path(dump), dump, Path(dump)),)), k))
    read = time.process_time() - started
    rules = registry()
    codes = frozenset(c for c, r in rules.items() if r.scope == "document")
    stage, settings = DocumentStage(codes, Settings(), facts=True), Settings()
    spent = {"parse": 0.0, "document rules": 0.0, "hand back": 0.0}
    for page in pages:
        t0 = time.process_time()
        doc = load_one(page)
        t1 = time.process_time()
        findings = check_document(doc, rules, codes, settings)
        t2 = time.process_time()
        stage.handed_back(doc._replace(lines=()), findings, None, suppress.directives(doc.lines),
                          pack_lines(doc.lines))
        spent["hand back"] += time.process_time() - t2
        spent["parse"] += t1 - t0
        spent["document rules"] += t2 - t1
    n = max(len(pages), 1)
    shown = ", ".join(f"{name} {1000 * s / n:.2f}" for name, s in spent.items())
    print(f"{len(pages)} pages, CPU ms a page: read {1000 * read / n:.2f} (the floor), {shown}; "
          f"the stage {1000 * sum(spent.values()) / n:.2f} (load {os.getloadavg()[0]:.1f})")


def row(label: str, n: int, size: int, m: dict) -> str:
    return (f"| {label} | {n:,} | {size / 1e6:,.0f} | {m['wall']:,.1f} | {1000 * m['wall'] / n:.1f} | "
            f"{size / 1e6 / m['wall']:.2f} | {m['rss_mib']:,.0f} | {m['cpu']:,.1f} |")


def _dump_of(n: int) -> tuple[Path, dict]:
    """The folder of the dump of `n` articles (generated the first time) and its info."""
    out = HERE / "out" / f"dump-{n}"
    info_file = out / "info.json"
    if not info_file.exists():
        info_file.write_text(json.dumps(generate(n, out)), "utf-8")
    return out, json.loads(info_file.read_text("utf-8"))


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    p.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    p.add_argument("--text", action="store_true", help="also the folder of text-format articles")
    p.add_argument("--against", metavar="DIR", help="another commit's parser folder, run back to back before this one")
    p.add_argument("--engine", default="local",
                   help="comma-separated --engine values (default local; dask needs seasonparse[dask])")
    p.add_argument("--stage", type=int, metavar="K", help="only the per-document stage, in this process, on K pages")
    args = p.parse_args(argv)
    if args.stage is not None:
        for n in args.sizes:
            stage_phases(str(_dump_of(n)[0] / "dump.xml.bz2"), args.stage)
        return 0
    python = sys.executable
    print("| run | articles | MB | wall s | ms/article | MB/s | peak RSS MiB (tree) | CPU s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        out, info = _dump_of(n)
        dump = str(out / "dump.xml.bz2")
        m = measure([python, "-c", READ_ONLY, dump])
        print(row("read the dump only (bz2 + XML + selection)", n, info["dump_bytes"], m), flush=True)
        for engine, jobs in ((e, j) for e in args.engine.split(",") for j in args.jobs.split(",")):
            check = [python, "-m", "seasonparse", "check", dump, "--format", "json", "--no-baseline",
                     "--exit-zero", "--jobs", jobs, "--engine", engine]
            on = "" if engine == "local" else f" --engine {engine}"
            for label, parser in ((("before", args.against), ("now", None)) if args.against else (("", None),)):
                load = os.getloadavg()[0]
                m = measure(check, parser)
                shown = f"check dump.xml.bz2 --jobs {jobs}{on}" + (f", {label} (load {load:.1f})" if label else "")
                print(row(shown, n, info["dump_bytes"], m), flush=True)
            if args.text:
                m = measure([python, "-m", "seasonparse", "check", str(out / "text"), "--format", "json",
                             "--no-baseline", "--no-cache", "--exit-zero", "--jobs", jobs, "--engine", engine])
                print(row(f"check text/ --jobs {jobs}{on}", n, info["text_bytes"], m), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
