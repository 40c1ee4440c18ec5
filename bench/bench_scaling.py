"""Does the time double when the input doubles? One series per construct and per run size.

    python bench/bench_scaling.py              (every series)
    python bench/bench_scaling.py CASE...      (some: see CASES and `files-parse`, `files-check`)
    python bench/bench_scaling.py --budget S   (stop a series once a step takes more than S s; default 20)

Per construct, one article holding N of it (scorer entries on one line, scorer
lines in one match, match blocks in a row, rows of one table, lines of one
goalscorer list, sections, bare minutes on one scorer line, goals looked up in one
goalscorer table, rows of a goalscorer table with a column per competition,
copies of a whole article in one file, sections of a table and its results grid,
results grids of one table's rounds, results grids above their tables, cells on one line of a
wikitable's rows, minutes of one {{goal}}; and hostile lines: a
scorer line's trailing blanks or unclosed `<!-- `, a football box's unclosed
`[http://x` or `<ref`; grids and these read as .wikitext) for N, 2N, 4N ...;
each is run through the two commands in a child process: `seasonparse FILE
--out DIR` (parse) and `seasonparse check FILE` (parse + every rule + the
report). The child imports and warms the CLI on a one-line article first and
times only the real call, so start-up does not hide the growth.

Per run size, bench/gen_corpus.py articles (all different) in one folder,
1,000 -> 2,000 -> 4,000, through `seasonparse DIR --out OUT --jobs 1` and
`seasonparse check DIR --jobs 1`: the CPU time of the whole command (one
process with `--jobs 1`), start-up included.

Each line prints the CPU time of the step (user + system: on a shared machine
it moves far less than wall time) and its ratio to the step before: ~2.0 is
linear, ~4.0 quadratic; ratios above 2.5 are flagged `<-- superlinear`. Steps
under 2 s are the median of 3 runs. A series stops after the first step over
the budget; a step still running after 3x the budget (wall clock) is killed and
printed as `>T` (T that timeout), its ratio as T over the step before: only
an indication, as it sets wall time against CPU time.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402

FLAG = 2.5

# Runs one command in-process after warming it on a tiny article; prints its CPU seconds.
CHILD = """
import contextlib, io, os, sys, time
from seasonparse.cli import main
mode, path, warm, out = sys.argv[1:5]
def run(p):
    argv = [p, "--out", out, "-q"] if mode == "parse" else ["check", p, "--no-baseline", "--no-cache", "--exit-zero"]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main(argv)
        except SystemExit:
            pass
run(warm)
start = time.process_time()
run(path)
print(time.process_time() - start)
"""

HEAD = "= 2011–12 Scaling season =\n\n==Results==\n"
MATCH = "July 29, 2011\nAlpha 1 - 0 Beta\n"


def _minute(i: int) -> int:
    return i % 90 + 1


def scorer_entries(n: int) -> str:
    """One match, one scorer line of n `Name M'` entries."""
    entries = ", ".join(f"Player{i} {_minute(i)}'" for i in range(n))
    return HEAD + MATCH + f"  Alpha: {entries}\n"


def scorer_lines(n: int) -> str:
    """One match followed by n scorer lines."""
    return HEAD + MATCH + "".join(f"  Alpha: Player{i} {_minute(i)}'\n" for i in range(n))


def matches(n: int) -> str:
    """n match blocks in a row (one grammar token), each with a scorer line."""
    blocks = []
    for i in range(n):
        day = f"{['July', 'August', 'September'][i % 3]} {i % 28 + 1}, {1900 + i // 84}"
        blocks.append(f"{day}\nClub{i % 50} 1 - 0 Club{(i + 1) % 50}\n  Club{i % 50}: Player{i} {_minute(i)}'\n\n")
    return HEAD + "".join(blocks)


def table_rows(n: int) -> str:
    """One standings table of n rows."""
    rows = "".join(f"| {i + 1} | Club{i} | 2 | 1 | 0 | 1 | 3 | 3 | +0 | 3 |\n" for i in range(n))
    return HEAD + "===Standings===\n| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |\n" + rows


def list_lines(n: int) -> str:
    """One goalscorer list of n lines."""
    return HEAD + "===Goalscorers===\n;1 goal\n" + "".join(f"- MEX Player{i} (Club{i % 50})\n" for i in range(n))


def sections(n: int) -> str:
    """n sections, each a heading and a line of prose."""
    return "= 2011–12 Scaling season =\n\n" + "".join(f"==Part {i}==\nSome words about part {i}.\n\n"
                                                   for i in range(n))


def bare_minutes(n: int) -> str:
    """One scorer line: a name and n bare minutes (`Player 1', 2', 3', ...`), ~4 bytes each."""
    return HEAD + MATCH + "  Alpha: Player " + ", ".join(f"{_minute(i)}'" for i in range(n)) + "\n"


# name -> (article maker, first size, last size)
def goalscorer_table(n: int) -> str:
    """n one-goal matches and one goalscorer table of their n scorers (each goal looked up in it)."""
    blocks = "".join(f"July {i % 28 + 1}, {1900 + i}\nAlpha 1 - 0 Beta\n  Alpha: Player{i} {_minute(i)}'\n\n"
                     for i in range(n))
    rows = "".join(f"| {i + 1}. | MEX | Player{i} | 1 |\n" for i in range(n))
    return HEAD + blocks + "===Goalscorers===\n| Position | Nation | Name | Goals scored |\n" + rows


def goalscorer_columns(n: int) -> str:
    """One goalscorer table of n rows with a column per competition and a Total (G007 sums
    each row, and the TOTAL row's cells over the rows)."""
    rows = "".join(f"| Player{i} | 1 | 1 | 2 |\n" for i in range(n))
    return HEAD + "===Goalscorers===\n| Player | League | Cup | Total |\n" + rows + f"| TOTAL | {n} | {n} | {2 * n} |\n"


def record_table(n: int) -> str:
    """One record table (`Overall record`) of n competition rows, a subtotal of its last three
    and a Total (S010 tries the subtotal against the last rows, from the last up)."""
    rows = "".join(f"| Comp{i} | 1 | 1 | 0 | 0 | 1 | 0 |\n" for i in range(n))
    return (HEAD + "===Overall record===\n| Competition | Pld | W | D | L | GF | GA |\n" + rows
            + f"| Cups total | 3 | 3 | 0 | 0 | 3 | 0 |\n| Total | {n} | {n} | 0 | 0 | {n} | 0 |\n")


def article_copies(n: int) -> str:
    """One file holding n copies of the club-season seed (headings repeat; each copy's
    goalscorer tables count their own copy's matches)."""
    return (HERE.parent / "seeds" / "000_24f84dd9a2ce0296.txt").read_text("utf-8") * n


def trailing_blanks(n: int) -> str:
    """One scorer line ending in n blanks."""
    return HEAD + MATCH + "  Alpha: Player 1'" + " " * n + "\n"


def unclosed_comments(n: int) -> str:
    """One scorer line ending in n unclosed `<!-- ` (5 bytes each): blanked, n*5 trailing blanks."""
    return HEAD + MATCH + "  Alpha: Player 1' " + "<!-- " * n + "\n"


BOX = "{{Football box\n|date = 1 May 2020\n|team1 = Alpha\n|score = 2–1\n|team2 = Beta\n"


def unclosed_links(n: int) -> str:
    """A football box's scorers followed by n unclosed `[http://x ` (10 bytes each)."""
    return BOX + "|goals1 = Player {{goal|3}} " + "[http://x " * n + "\n}}\n"


def unclosed_refs(n: int) -> str:
    """A football box's stadium of n unclosed `<ref ` (5 bytes each)."""
    return BOX + "|stadium = " + "<ref " * n + "\n|goals1 = Player {{goal|3}}\n}}\n"


def _sports_table(codes: list[str], drawn: int) -> str:
    """A Sports table of `codes`, every match of each a goalless draw."""
    rows = "".join(f"|name_{c}={c}|win_{c}=0|draw_{c}={drawn}|loss_{c}=0|gf_{c}=0|ga_{c}=0\n" for c in codes)
    return "{{#invoke:Sports table|main|style=WDL\n|team_order=" + ", ".join(codes) + "\n" + rows + "}}\n"


def _sports_grid(codes: list[str]) -> str:
    """A Sports results grid of `codes`, every cell 0–0."""
    cells = "".join(f"|match_{h}_{a}=0–0\n" for h in codes for a in codes if h != a)
    return ("{{#invoke:Sports results\n|team_order=" + ", ".join(codes) + "\n"
            + "".join(f"|name_{c}={c}\n" for c in codes) + cells + "}}\n")


def grid_groups(n: int) -> str:
    """n sections, each a table of four clubs and, in a subsection below it, their results
    grid (S008 pairs each table with the grids below it, up to the next table)."""
    out = []
    for i in range(n):
        codes = [f"G{i}C{k}" for k in range(4)]
        out.append(f"==Group {i}==\n" + _sports_table(codes, 6) + "===Results===\n" + _sports_grid(codes))
    return "".join(out)


def grid_rounds(n: int) -> str:
    """One table of four clubs and n results grids of theirs, a league's n double rounds
    (S008 adds the grids up)."""
    codes = ["AAA", "BBB", "CCC", "DDD"]
    grids = "".join(f"===Matches {6 * i + 1}–{6 * i + 6}===\n" + _sports_grid(codes) for i in range(n))
    return "==League table==\n" + _sports_table(codes, 6 * n) + "==Results==\n" + grids


def grids_above_tables(n: int) -> str:
    """n results grids, each of four other clubs in a section of its own, then n tables of
    theirs in one section (S008 pairs each table with the one grid elsewhere naming its clubs)."""
    codes = [[f"G{i}C{k}" for k in range(4)] for i in range(n)]
    grids = "".join(f"==Results {i}==\n" + _sports_grid(c) for i, c in enumerate(codes))
    return grids + "==Tables==\n" + "".join(_sports_table(c, 6) for c in codes)


def nested_tables(n: int) -> str:
    """A wikitable nested n deep, a cell in each holding the next (review26: the deepest level read
    kept appending every deeper line to one cell's text, a copy of it each line: quadratic)."""
    return "".join("{| class=\"wikitable\"\n|-\n| cell\n|\n" for _ in range(n)) + "|}\n" * n


def wide_rows(n: int) -> str:
    """A wikitable of 50 rows of n cells, each row on one line (`| 0 || 1 || 2 || ...`, every cell
    different: rows alike would be cleaned from clean's cache up to its size, and not above it;
    trial34: each cell's column searched for from the line's start, quadratic in a line's cells)."""
    head = "{| class=\"wikitable\"\n! " + " !! ".join(f"C{i}" for i in range(n)) + "\n"
    rows = "".join("|-\n| " + " || ".join(str(r * n + i) for i in range(n)) + "\n" for r in range(50))
    return head + rows + "|}\n"


def goal_minutes(n: int) -> str:
    """A football box whose one {{goal}} lists n minutes (`{{goal|1|2|3|...}}`: each even one a
    P019, a minute read as the note of the goal before; trial34: the template's text sliced per
    finding, quadratic)."""
    return BOX + "|goals1 = Player {{goal|" + "|".join(str(_minute(i)) for i in range(n)) + "}}\n}}\n"


def one_round(n: int) -> str:
    """One knockout round of n single matches between 2n clubs, two dates (fixes51's identity
    evidence, clubs apart by round and day: each match's names tried against every other's,
    quadratic: 8,000 matches took 98 s)."""
    blocks = "".join(f"August {1 + i % 2}, 2011\nClub{i}a Town {2 * i} 1 - 0 Club{i}b City {2 * i + 1}\n\n"
                     for i in range(n))
    return "= Cup =\n\n==First round==\n\n" + blocks


WIKITEXT = ("wikitext-unclosed-links", "wikitext-unclosed-refs", "grid-groups", "grid-rounds",
            "grids-above-tables", "nested-tables", "wide-rows", "goal-minutes")  # written as .wikitext
CASES = {
    "scorer-entries": (scorer_entries, 4_000, 128_000),
    "scorer-lines": (scorer_lines, 4_000, 128_000),
    "matches": (matches, 2_000, 64_000),
    "table-rows": (table_rows, 1_000, 64_000),
    "list-lines": (list_lines, 4_000, 128_000),
    "sections": (sections, 2_000, 64_000),
    "bare-minutes": (bare_minutes, 6_250, 100_000),
    "goalscorer-table": (goalscorer_table, 1_000, 16_000),
    "goalscorer-columns": (goalscorer_columns, 2_000, 32_000),
    "record-table": (record_table, 2_000, 32_000),
    "article-copies": (article_copies, 25, 400),
    "trailing-blanks": (trailing_blanks, 25_000, 400_000),
    "unclosed-comments": (unclosed_comments, 5_000, 80_000),
    "wikitext-unclosed-links": (unclosed_links, 2_500, 40_000),
    "wikitext-unclosed-refs": (unclosed_refs, 5_000, 80_000),
    "grid-groups": (grid_groups, 250, 4_000),
    "grid-rounds": (grid_rounds, 250, 4_000),
    "grids-above-tables": (grids_above_tables, 250, 4_000),
    "nested-tables": (nested_tables, 2_500, 40_000),
    "wide-rows": (wide_rows, 1_250, 20_000),
    "goal-minutes": (goal_minutes, 25_000, 200_000),
    "one-round": (one_round, 1_000, 16_000),
}
FILE_SIZES = (1_000, 2_000, 4_000)


def _timed(cmd: list[str], timeout: float) -> float | None:
    """CPU seconds of `cmd` (user + system; as the child reports them for the
    construct runs, from the kernel's count for whole commands), or None when it
    was killed at `timeout`. CPU time, unlike wall time, hardly moves when
    other processes share the cores."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    if cmd[1] == "-c":
        return float(proc.stdout.split()[-1])
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _measure(cmd: list[str], budget: float) -> float | None:
    """Median of 3 for short steps, one run for long ones; None when killed."""
    first = _timed(cmd, 3 * budget)
    if first is None or first >= 2:
        return first
    return statistics.median([first, _timed(cmd, 3 * budget) or first, _timed(cmd, 3 * budget) or first])


def _series(label: str, steps, budget: float) -> None:
    """Run `steps` (size, command) in order, printing time and ratio; stop over the budget."""
    before = None
    for size, cmd in steps:
        t = _measure(cmd, budget)
        shown = f">{3 * budget:.0f}" if t is None else f"{t:.3f}"
        ratio = ""
        if before is not None:
            r = (3 * budget if t is None else t) / before
            ratio = f"{'>' if t is None else ''}{r:.2f}" + ("  <-- superlinear" if r > FLAG else "")
        print(f"  {label:<22} {size:>8} {shown:>9} s  {ratio}", flush=True)
        if t is None or t > budget:
            print(f"  {label:<22} stopped: a step took over {budget:.0f} s", flush=True)
            return
        before = t


def construct_series(name: str, budget: float, tmp: Path) -> None:
    make, first, last = CASES[name]
    warm = tmp / "warm.txt"
    warm.write_text(HEAD + MATCH, "utf-8")
    out = tmp / "out"
    for mode in ("parse", "check"):
        def steps():
            n = first
            while n <= last:
                path = tmp / f"{name}-{n}{'.wikitext' if name in WIKITEXT else '.txt'}"
                if not path.exists():
                    path.write_text(make(n), "utf-8")
                yield n, [sys.executable, "-c", CHILD, mode, str(path), str(warm), str(out)]
                n *= 2
        _series(f"{name} {mode}", steps(), budget)


def files_series(mode: str, budget: float, tmp: Path) -> None:
    exe = str(Path(sys.executable).parent / "seasonparse")

    def steps():
        for n in FILE_SIZES:
            corpus = HERE / "out" / f"corpus-{n}"
            if not (corpus / "planted.json").exists():
                generate(n, corpus)
            if mode == "parse":
                cmd = [exe, str(corpus), "--out", str(tmp / f"json-{n}"), "-q", "--jobs", "1"]
            else:
                cmd = [exe, "check", str(corpus), "--no-baseline", "--no-cache", "--exit-zero", "--format", "json", "--jobs", "1"]
            yield n, cmd
    _series(f"files {mode}", steps(), budget)


def main() -> int:
    every = [*CASES, "files-parse", "files-check"]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", metavar="CASE", help=f"some of {every} (default: all)")
    ap.add_argument("--budget", type=float, default=20.0, help="stop a series after a step over this (s)")
    args = ap.parse_args()
    names, budget = args.names or every, args.budget
    if unknown := [n for n in names if n not in every]:
        ap.error(f"unknown case(s) {unknown}")
    print(f"time per doubling (about 2.0 is linear; over {FLAG} flagged), budget {budget:.0f} s a step")
    print(f"  {'series':<22} {'N':>8} {'CPU':>9}    ratio to N/2")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name in names:
            if name in CASES:
                construct_series(name, budget, tmp)
            else:
                files_series(name.split("-")[1], budget, tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
