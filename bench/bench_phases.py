"""Where a check's time goes, phase by phase, in one process.

    python bench/bench_phases.py DIR [--jobs N]

Prints the seconds of: the per-document stage as the parent sees it (waiting for
workers and unpickling what they send), the bytes of that hand-off, building the
cross-document index (identity, then the match list), each corpus rule, finish
(filters, suppression, sort) and rendering the JSON report. Run it on a corpus
from bench/gen_corpus.py; compare --jobs 1 with --jobs 2.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path


def main() -> int:
    args = sys.argv[1:]
    jobs = 1
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = int(args[i + 1])
        del args[i:i + 2]
    from seasonparse import check, identity
    from seasonparse.check import DocumentStage, finish, settings_of
    from seasonparse.cli_common import gather
    from seasonparse.config import load as load_config
    from seasonparse.corpus import build
    from seasonparse.findings import Reporter
    from seasonparse.parallel import ordered_map
    from seasonparse.report import render
    from seasonparse.rules import registry

    rules = registry()
    config = load_config(None, set(rules))
    codes = check.selected_codes(rules, config.select, config.ignore, config.extend_select)
    settings = settings_of(config)
    found = gather(args, config.glob)
    timings: list[tuple[str, float]] = []

    def timed(name, fn):
        start = time.perf_counter()
        out = fn()
        timings.append((name, time.perf_counter() - start))
        return out

    stage = DocumentStage(frozenset(codes), settings)
    checked = timed(f"per-document stage (--jobs {jobs})", lambda: list(ordered_map(stage, found.inputs, jobs)))
    handoff = sum(len(pickle.dumps(c, pickle.HIGHEST_PROTOCOL)) for c in checked)
    blob = pickle.dumps(checked, pickle.HIGHEST_PROTOCOL)
    timed("  unpickling the hand-off once (part of the above)", lambda: pickle.loads(blob))
    docs = [c.document for c in checked]
    lines = check.source_lines(checked)
    timed("  identity.build alone", lambda: identity.build(docs, settings.aliases))
    index = timed("corpus.build (identity + matches)", lambda: build(docs, settings, source_lines=lines))
    findings = [f for c in checked for f in c.findings]
    for code in sorted(codes):
        r = rules[code]
        if r.scope == "corpus":
            findings += timed(f"rule {code} ({r.name})", lambda r=r: list(r.check(index, settings, Reporter(r, ""))))
    from seasonparse.parallel import PoolMap
    from seasonparse.partition import components

    from seasonparse.partition import document_facts
    parts = components([document_facts(d) for d in docs], index.clubs.root)
    timings.append((f"  ({len(parts)} independent parts, largest {max(map(len, parts))} documents)", 0.0))
    timed(f"  partitioned cross-document stage, {max(jobs, 2)} workers (instead of the above)",
          lambda: check.check_corpus(docs, rules, codes, settings, source_lines=lines, map_fn=PoolMap(max(jobs, 2))))
    result = timed("finish", lambda: finish(checked, findings, rules, codes, config))
    timed("render json", lambda: render("json", result.findings, result.lines_by_path, rules))
    total = sum(t for name, t in timings if not name.startswith("  "))
    print(f"{len(docs)} documents, hand-off {handoff / 1e6:.2f} MB pickled "
          f"({sum(Path(i.path).stat().st_size for i in found.inputs) / 1e6:.2f} MB of text)")
    for name, t in timings:
        print(f"{name:<55} {t:7.3f} s  {100 * t / total:5.1f} %")
    print(f"{'total':<55} {total:7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
