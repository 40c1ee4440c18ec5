"""Command line: `seasonparse PATHS --out DIR`, `seasonparse check`, `rules`, `rule CODE`.

Exit codes (all commands): 0 clean, 1 problems found in the data, 2 usage,
configuration or internal error. Heavy modules (lark, the rules) are imported
inside the command that needs them, so `--help` and `rules` start fast.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from seasonparse import __version__

COMMANDS = ("check", "rules", "rule")
EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how seasonparse was called or configured: exit 2, no traceback."""


def _err(msg: str) -> None:
    print(f"seasonparse: error: {msg}", file=sys.stderr)


def _parse_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="seasonparse",
        description="Parse wiki-style football season articles into schema-checked JSON. "
                    "Other commands: `seasonparse check`, `seasonparse rules`, `seasonparse rule CODE`.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the JSON files")
    p.add_argument("--glob", default="*.txt", help="file pattern inside folders (default: *.txt)")
    p.add_argument("--indent", type=int, metavar="N", help="indent the JSON by N spaces (default: compact)")
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: one per core from 64 inputs on; 1: none)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")
    p.add_argument("--version", action="version", version=f"seasonparse {__version__}")
    return p


def _batch_gc() -> None:
    """Long runs allocate many small objects that live to the end: fewer GC passes."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


def gather(paths: list[str], glob: str, exclude: Path | None = None):
    """The inputs under `paths`; problems are printed, no inputs at all is a usage error."""
    from seasonparse.inputs import discover

    found = discover(paths, glob, exclude=exclude)
    for problem in found.problems:
        _err(problem)
    if not found.inputs:
        raise UsageError("no input files")
    if len(found.inputs) > 8:
        _batch_gc()
    return found


def parse_one(job, indent: int | None):
    """Parse one input, validate and write its JSON: (matches, diagnostics, problem).

    What a worker process runs; a bug of ours becomes a problem message, not a crash."""
    from seasonparse.frontend import parse_file
    from seasonparse.jsonout import dumps, schema_error, to_dict, write_atomic

    item, target = job
    try:
        doc = parse_file(str(item.path), item.display)
        data = to_dict(doc)
        problem = schema_error(data)
        if problem:
            raise RuntimeError(f"output does not match the schema ({problem})")
    except Exception as exc:
        return 0, (), f"internal error: {exc!r}; not written (please report this)"
    try:
        write_atomic(str(target), dumps(data, indent))
    except OSError as exc:
        return 0, doc.diagnostics, f"cannot write {target}: {exc.strerror or exc}"
    return len(doc.matches), doc.diagnostics, None


def cmd_parse(argv: list[str]) -> int:
    args = _parse_parser().parse_args(argv)
    from functools import partial

    from seasonparse.inputs import is_same_file, output_path
    from seasonparse.parallel import jobs_for, ordered_map

    started = time.perf_counter()
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out}: exists and is not a folder")
    found = gather(args.paths, args.glob, exclude=out)
    inputs = found.inputs
    jobs, targets = [], {}
    failed = internal = False
    for item in inputs:
        target = output_path(out, item)
        key = target.resolve()
        if key in targets:
            _err(f"{item.display}: its output {target} is also the output of {targets[key]}; skipped")
            failed = True
        elif any(is_same_file(target, i.path) for i in inputs):
            _err(f"{item.display}: its output {target} is an input file; refusing to overwrite it")
            failed = True
        else:
            targets[key] = item.display
            jobs.append((item, target))
    n_files = n_matches = n_diags = n_errors = 0
    work = partial(parse_one, indent=args.indent)
    for (item, _), (matches, diags, problem) in zip(
            jobs, ordered_map(work, jobs, jobs_for(args.jobs, len(jobs))), strict=True):
        if problem:
            _err(f"{item.display}: {problem}")
            internal = internal or problem.startswith("internal error")
            failed = True
            continue
        n_files += 1
        n_matches += matches
        n_diags += len(diags)
        errors = sum(1 for d in diags if d.severity == "error")
        n_errors += errors
        failed = failed or errors > 0
        if not args.quiet:
            for d in diags:
                print(f"{item.display}:{d.line}:{d.column}: {d.severity} {d.code} {d.message}",
                      file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"seasonparse: {n_files} files, {n_matches} matches, {n_diags} diagnostics "
          f"({n_errors} errors), {seconds:.2f} s", file=sys.stderr)
    if found.problems or internal:
        return EXIT_USAGE
    return EXIT_FOUND if failed else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            from seasonparse import commands

            return getattr(commands, f"cmd_{argv[0]}")(argv[1:])
        return cmd_parse(argv)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except SystemExit as exc:  # argparse: --help (0) and usage errors (2)
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
