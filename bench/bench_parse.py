"""Parse throughput and start-up, next to floors measured in the same run.

    python bench/bench_parse.py

Corpus: the seeds replicated to >= 5 MB (in memory). Prints, on one core:
  - floors: `python -c pass`, `python -c "import lark, jsonschema"` (wall, median
    of runs), and a plain regex line-classifier pass over the corpus (MB/s);
  - seasonparse: grammar only (Lark items), parse (model), parse + JSON text,
    schema validation on its own, and parse + validation + JSON (the CLI's work
    per file) in MB/s, each with its ratio to the regex floor; every rate is the
    sum of per-chunk best times (see `rate`); and parse + JSON on 1,000 different
    synthetic articles (bench/gen_corpus.py), where fewer caches hit;
  - the CLI's wall time on one seed (`seasonparse SEED --out DIR`) and
    `seasonparse check seeds/`, with their ratios to the import floor.
"""

from __future__ import annotations

import gc
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BIN = Path(sys.executable).parent


def wall(cmd, runs=11, **kw) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, **kw)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rate(fn, texts, mb, repeat=5, chunks=20) -> float:
    """MB/s over `texts`, taken chunk by chunk: each chunk's time is the best of
    `repeat` runs, and the chunks' best times are summed. On a shared machine
    whose speed drifts by tens of percent over seconds, a quiet moment of a
    quarter second is found far more often than one of several seconds, so this
    measures the code rather than the neighbours."""
    size = max(1, len(texts) // chunks)
    total = 0.0
    for i in range(0, len(texts), size):
        chunk = texts[i:i + size]
        best = float("inf")
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            for t in chunk:
                fn(t)
            best = min(best, time.perf_counter() - start)
        total += best
    return mb / total


def _synthetic_texts(size: int) -> list[str]:
    """The articles of bench/gen_corpus.py (written under bench/out/, reused)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_corpus import generate

    out = ROOT / "bench" / "out" / f"corpus-{size}"
    if not (out / "planted.json").exists():
        generate(size, out)
    return [p.read_text("utf-8") for p in sorted(out.glob("*.txt"))]


def main() -> int:
    import seasonparse

    if os.environ.get("PYTHONDONTWRITEBYTECODE") and str(ROOT) in seasonparse.__file__:
        print("warning: seasonparse runs from the source tree with PYTHONDONTWRITEBYTECODE set, so every\n"
              "start recompiles it: measure start-up with `pip install .` in a fresh venv\n")
    from seasonparse.frontend import parse_text
    from seasonparse.frontend.grammar import parse_items
    from seasonparse.jsonout import dumps, schema_error, to_dict

    seed_texts = [s.read_text("utf-8") for s in SEEDS]
    texts = []
    while sum(len(t.encode("utf-8")) for t in texts) < 5_000_000:
        texts.extend(seed_texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} documents, {mb:.2f} MB (the seeds replicated)")

    py = wall([sys.executable, "-c", "pass"])
    imports = wall([sys.executable, "-c", "import lark, jsonschema"])
    line_re = re.compile(r"^(?:(=+)[^\n]*|\|[^\n]*|-[^\n]*|;[^\n]*|[A-Z][a-z]+ \d+, \d{4}|\d+ [A-Z][a-z]+ \d{4}|[^\n]*)$",
                         re.M)
    regex = rate(lambda t: sum(1 for _ in line_re.finditer(t)), texts, mb)
    print("\nfloors")
    print(f"  python -c pass                       {py * 1e3:7.1f} ms")
    print(f"  python -c 'import lark, jsonschema'  {imports * 1e3:7.1f} ms")
    print(f"  regex line pass                      {regex:7.2f} MB/s")

    docs = [parse_text(t) for t in texts[:3]]
    data = [to_dict(d) for d in docs]
    gc.freeze()
    items = rate(lambda t: parse_items(t), texts, mb)
    parse = rate(parse_text, texts, mb)
    parse_json = rate(lambda t: dumps(to_dict(parse_text(t))), texts, mb)

    def cli_work(text):  # what `seasonparse PATHS --out DIR` does per file, bar the write
        out = to_dict(parse_text(text))
        schema_error(out)
        return dumps(out)

    cli = rate(cli_work, texts, mb)
    seed_bytes = sum(len(t.encode("utf-8")) for t in seed_texts) / 1e6
    validate = rate(schema_error, data * 50, seed_bytes * 50)
    print("\nseasonparse, one core                 MB/s   x regex floor")
    for name, v in (("grammar only (Lark items)", items), ("parse (document model)", parse),
                    ("parse + JSON text", parse_json), ("schema validation alone", validate),
                    ("parse + validation + JSON text", cli)):
        print(f"  {name:<34} {v:6.2f}   {regex / v:5.1f}x slower")

    # The seeds repeated make every cache (dates, cells, headers) hit; articles that
    # are all different, smaller and denser in matches are the other end.
    synthetic = _synthetic_texts(1000)
    syn_mb = sum(len(t.encode("utf-8")) for t in synthetic) / 1e6
    syn_regex = rate(lambda t: sum(1 for _ in line_re.finditer(t)), synthetic, syn_mb)
    syn = rate(lambda t: dumps(to_dict(parse_text(t))), synthetic, syn_mb)
    print(f"\n1,000 different synthetic articles (bench/gen_corpus.py), {syn_mb:.2f} MB, "
          f"{syn_mb * 1e3 / len(synthetic):.1f} KB each")
    print(f"  {'parse + JSON text':<34} {syn:6.2f}   {syn_regex / syn:5.1f}x slower")

    exe = str(BIN / "seasonparse")
    with tempfile.TemporaryDirectory() as tmp:
        one = wall([exe, str(SEEDS[0]), "--out", tmp, "-q"])
        env = dict(os.environ)
        check = wall([exe, "check", str(ROOT / "seeds"), "--no-baseline", "--exit-zero"], cwd=tmp, env=env)
    print("\nstart-up                               wall   / import floor")
    print(f"  seasonparse SEED --out DIR           {one * 1e3:6.1f} ms  {one / imports:5.2f}x")
    print(f"  seasonparse check seeds/             {check * 1e3:6.1f} ms  {check / imports:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
