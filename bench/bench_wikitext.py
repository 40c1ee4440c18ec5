"""Wikitext throughput on the real articles, next to mwparserfromhell in the same run.

    python bench/bench_wikitext.py [FILES...]

Default corpus: tests/fixtures/wikitext/*.wikitext (four real Wikipedia articles).
Per article and in total, on one core (best of N runs, after a warm-up run):
  - floor: mwparserfromhell's tokenizer alone (C tokenizer when built);
  - mwparserfromhell's full parse (tokenizer + Python tree builder);
  - seasonparse: wikitext -> Document (scan + one mwparserfromhell parse per
    football template), and Document -> JSON text (to_dict + dumps);
  - schema validation on its own (the compiled validator the CLI uses);
  - `seasonparse check` on each real article, wall time, against the import
    floor: `python -c` importing what `check` imports.
MB are 10^6 bytes of UTF-8 input.
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def best(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def wall(cmd, runs=7) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str]) -> None:
    import mwparserfromhell
    from mwparserfromhell.parser import Parser

    from seasonparse.frontend.source import decode
    from seasonparse.frontend.wikitext import parse_wikitext
    from seasonparse.jsonout import dumps, schema_error, to_dict

    # the real articles only (the handmade fixtures under handmade/ are not measured)
    paths = [Path(a) for a in argv] or sorted((ROOT / "tests/fixtures/wikitext").glob("*.wikitext"))
    tokenizer = Parser()._tokenizer
    print(f"mwparserfromhell {mwparserfromhell.__version__}, C tokenizer: "
          f"{mwparserfromhell.parser.use_c}")
    head = f"{'article':42} {'KB':>6} {'tokenize':>9} {'mwp full':>9} {'ours':>9} {'ours+JSON':>9} {'validate':>9}  MB/s"
    print(head)
    totals = [0.0] * 5
    total_bytes = 0
    for p in paths:
        data = p.read_bytes()
        text = data.decode("utf-8", errors="replace")
        runs = 5 if len(data) > 100_000 else 11
        t_tok = best(lambda: tokenizer.tokenize(text, 0, False), runs)
        t_full = best(lambda: mwparserfromhell.parse(text), runs)
        t_ours = best(lambda: parse_wikitext(decode(str(p), data)), runs)
        t_json = best(lambda: dumps(to_dict(parse_wikitext(decode(str(p), data)))), runs)
        doc_dict = to_dict(parse_wikitext(decode(str(p), data)))
        t_val = best(lambda: schema_error(doc_dict), runs)
        mb = len(data) / 1e6
        total_bytes += len(data)
        for i, t in enumerate((t_tok, t_full, t_ours, t_json, t_val)):
            totals[i] += t
        print(f"{p.stem[:42]:42} {len(data) / 1000:6.0f} " +
              " ".join(f"{mb / t:9.2f}" for t in (t_tok, t_full, t_ours, t_json, t_val)))
    mb = total_bytes / 1e6
    print(f"{'all':42} {total_bytes / 1000:6.0f} " + " ".join(f"{mb / t:9.2f}" for t in totals))
    print(f"ours+JSON vs tokenizer alone: {totals[0] / totals[3]:.2f}x its speed; "
          f"vs mwparserfromhell full parse: {totals[1] / totals[3]:.2f}x")
    per_core = mb / totals[3]
    print(f"target parse + JSON >= 1 MB/s per core: {per_core:.2f} MB/s, "
          f"{'met' if per_core >= 1 else 'NOT met'} (load average {_load()})")
    largest = max(paths, key=lambda p: p.stat().st_size).read_text("utf-8")
    print("linearity: the largest article repeated k times, parse + JSON MB/s (flat = linear)")
    for k in (1, 4, 16):
        data = ("\n".join([largest] * k)).encode("utf-8")
        t = best(lambda: dumps(to_dict(parse_wikitext(decode("big.wikitext", data)))), 3)
        print(f"  x{k:<3} {len(data) / 1e6:6.2f} MB  {len(data) / 1e6 / t:6.2f} MB/s")
    print("bad input, parse + JSON seconds:")
    box = "{{Football box|team1=A|score=1–0|team2=B|goals1=X {{goal|3}}}}\n"
    for label, text in (
            ("10 MB unknown template", "{{Navbox|" + "x " * 5_000_000 + "}}\n" + box),
            ("1.5 MB football box", "{{Football box|team1=A|note=" + "x " * 750_000 + "}}\n" + box),
            ("100-deep nesting x 1000", ("{{x|" * 100 + "}}" * 100 + "\n") * 1000 + box),
            ("20,000 unclosed {{ and [[", "{{a [[b\n" * 20_000 + box),
            ("unclosed {| then 100,000 rows", "{|\n" + "|-\n| a || b\n" * 100_000)):
        data = text.encode("utf-8")
        t = best(lambda: dumps(to_dict(parse_wikitext(decode("bad.wikitext", data)))), 1)
        print(f"  {label:32} {len(data) / 1e6:6.2f} MB  {t:6.2f} s")
    exe = str(BIN / "seasonparse")
    floor = wall([sys.executable, "-c", _CHECK_IMPORTS])
    print(f"start-up: import floor (what `check` imports) {floor * 1000:.0f} ms")
    for article in paths[:4]:
        check = wall([exe, "check", str(article), "--no-cache", "--format", "concise"])
        print(f"  `seasonparse check {article.name}` {check * 1000:.0f} ms ({check / floor:.2f}x the floor)")


def _load() -> str:
    """The 1-minute load average: the machine is shared, so figures depend on it."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "unknown"


# What `seasonparse check` on a wikitext article imports (mwparserfromhell is not:
# the reader's lean path does not need it).
_CHECK_IMPORTS = ("import seasonparse.cli, seasonparse.commands, seasonparse.check, "
                  "seasonparse.rules, seasonparse.frontend.wikitext.reader")


if __name__ == "__main__":
    main(sys.argv[1:])
