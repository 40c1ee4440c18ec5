"""`seasonparse PATHS --out DIR`: each input to schema-checked JSON in DIR.

Nothing is written outside DIR: the glob stays inside its folder, DIR may not
be (or contain) an input folder, and an output that is an input is refused.
A failure of ours on one input becomes a P000 error in that input's JSON
(written with what could be produced); the run goes on with the others.
"""


import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from seasonparse import __version__
from seasonparse.cli_common import (
    EXIT_FOUND, EXIT_OK, EXIT_USAGE, GLOB_HELP, INPUT_FORMAT_HELP, JOBS_HELP, UsageError, err, gather,
    indent_option, jobs_option, parse_intermixed)
from seasonparse.wording import plural
from seasonparse.records import Record


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="seasonparse",
        description="Parse wiki-style football season articles into schema-checked JSON. "
                    "Other commands: `seasonparse check`, `seasonparse report`, `seasonparse rules`, `seasonparse rule CODE`, `seasonparse server`, `seasonparse clean`.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the JSON files")
    p.add_argument("--glob", action="append", metavar="PATTERN", help=GLOB_HELP)
    p.add_argument("--input-format", choices=("text", "wikitext", "auto", "reference"), default="auto",
                   help=INPUT_FORMAT_HELP + "; `reference`: reference results, RSSSF-style text or (`.csv`) "
                        "football-data CSV, read as `check --reference` reads them: their matches and "
                        "tables, to look at (`check --reference` takes the reference itself, not this "
                        "JSON) (default --glob *.txt,*.csv)")
    p.add_argument("--indent", type=indent_option, metavar="N",
                   help="indent the JSON by N spaces (default: compact)")
    p.add_argument("--jobs", type=jobs_option, default=None, metavar="N", help=JOBS_HELP)
    p.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")
    p.add_argument("--version", action="version", version=f"seasonparse {__version__}")
    return p


# Planning an input's output (its path, two stats) costs about a fiftieth of parsing it: the
# pool starts on the first 1/FIRST_SHARE of the inputs, which lasts while the parent plans the rest.
FIRST_SHARE = 8


class Outcome(Record):
    """What became of one input (what a worker process sends back)."""

    matches: int
    diagnostics: tuple
    problem: str | None = None  # why it was not written
    usage: bool = False  # the problem is in how seasonparse was called (exit 2)
    display: str = ""  # the input's name
    written: bool = True  # False: a problem, or where a dump broke (its diagnostics say where)
    parsed: bool = False  # with a problem: the input was parsed, only its JSON not written


def is_our_json(path: Path) -> bool:
    """Whether `path` holds a document seasonparse wrote (jsonin.looks_like_ours)."""
    from seasonparse.jsonin import looks_like_ours

    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return looks_like_ours(head.decode("utf-8", "replace"))


def _reference(item):
    """An input read as reference results (--input-format reference): the document check
    --reference reads (RSSSF text, a `.csv` football-data CSV). A season article or
    seasonparse's JSON among them is named and skipped first (_parse_one), as check
    --reference refuses it (reference.not_reference_results)."""
    from seasonparse.reference import load

    return load(str(item.path), item.display).document


def _document_data(item):
    """The document, its JSON data and how that data breaks the schema (None: it does
    not); what the front end or the schema check could not produce is replaced by a
    P000 error and the rest kept: a value the schema refuses is left out alone
    (fallback.repaired), the document reduced to its source and diagnostics only
    where that cannot be done. Data is validated once, again only where changed."""
    from seasonparse.fallback import failed_document, reduced_document, repaired
    from seasonparse.model import Diagnostic
    from seasonparse.frontend import parse_input
    from seasonparse.jsonout import schema_error, to_dict

    try:
        doc = _reference(item) if getattr(item, "format", None) == "reference" else parse_input(item)
        data = to_dict(doc)
        problem = schema_error(data)
    except Exception as exc:
        doc = failed_document(str(item.path), item.display, exc)
        data = to_dict(doc)
        return doc, data, schema_error(data)
    if not problem:
        return doc, data, None
    if (fixed := repaired(data)) is not None:
        data, notes = fixed
        doc = doc._replace(diagnostics=(*doc.diagnostics, *(
            Diagnostic(n["code"], n["severity"], n["message"], n["line"], n["column"]) for n in notes)))
    else:
        doc = reduced_document(doc, f"its JSON does not match the schema ({problem}); "
                                    f"only its source and diagnostics are written")
        data = to_dict(doc)
    return doc, data, schema_error(data)


def parse_one(job, indent: int | None) -> Outcome:
    """Parse one input, validate and write its JSON. What a worker process runs."""
    item, target, refused = job
    outcome = Outcome(0, (), refused) if refused else _parse_one(item, target, indent)
    return outcome._replace(display=item.display, written=outcome.written and not outcome.problem)


def _parse_one(item, target: Path, indent: int | None) -> Outcome:
    from seasonparse.cli_common import not_writable_over
    from seasonparse.frontend.dump import Broken
    from seasonparse.inputs import shown
    from seasonparse.jsonout import dumps, write_atomic

    if isinstance(item.page, Broken):  # where a dump broke: said, nothing to write
        from seasonparse.frontend.dump import broken_document

        return Outcome(0, broken_document(item.display, item.page).diagnostics, written=False)
    if getattr(item, "format", None) == "reference":  # a season article or JSON among them: named, not read
        from seasonparse.reference import not_reference_results

        if (why := not_reference_results(str(item.path))) is not None:  # as `check --reference` refuses it
            return Outcome(0, (), f"{why[0]}; skipped ({why[1]})", usage=True)
    elif item.page is None and is_our_json(item.path):
        return Outcome(0, (), "this is seasonparse's JSON output, not an article; skipped "
                              "(`seasonparse check` reads it)", usage=True)
    doc, data, problem = _document_data(item)
    if problem:
        return Outcome(len(doc.matches), doc.diagnostics, f"internal error: its JSON does not match the "
                       f"schema ({problem}); not written (please report this)", parsed=True)
    if (why := not_writable_over(target, says_why_it_cannot_look=False)) is not None:  # a FIFO or device there
        return Outcome(len(doc.matches), doc.diagnostics, f"its output {shown(str(target))} {why}",
                       usage=True, parsed=True)
    try:
        os.makedirs(target.parent, exist_ok=True)
        write_atomic(str(target), dumps(data, indent))
    except Exception as exc:  # noqa: BLE001 - this input's failure, not the run's
        from seasonparse.fallback import described

        why = (exc.strerror or exc if isinstance(exc, OSError)
               else f"internal error: {described(exc)} (please report this)")
        return Outcome(len(doc.matches), doc.diagnostics, f"cannot write {shown(str(target))}: {why}",
                       parsed=True)
    return Outcome(len(doc.matches), doc.diagnostics)


def _dump_selection(inputs):
    """Which pages of a dump to parse: the configuration's `dump` table, where a dump is
    among the inputs (the configuration is read only then)."""
    from seasonparse.suffixes import is_dump

    if not any(is_dump(item.path.name) for item in inputs):
        return None
    from seasonparse.config import ConfigError, load
    from seasonparse.rules import registry

    try:
        return load(None, set(registry())).dump
    except ConfigError as exc:
        raise UsageError(f"configuration: {exc}") from None


def _create_out(out: Path) -> None:
    """--out made where it is missing, and refused where this process may not write in it
    (a read-only folder or file system): one line, before any work, not one per input."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot create this folder: {exc.strerror or exc}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError(f"--out {out}: this folder is not writable; nothing was done")


def _warm_worker() -> None:
    """What each worker forked ahead (parallel.PoolAhead) does while the parent gathers and
    plans the inputs: take a batch's GC settings (gather gives them to the parent only after
    the fork) and make the imports and tables a first input would wait for (the parser's,
    the JSON's and the schema check's)."""
    from seasonparse.cli_common import _batch_gc
    from seasonparse.frontend import parse_text
    from seasonparse.jsonout import dumps, schema_error, to_dict
    from seasonparse import fallback, inputs, interrupt, jsonin, lexicon  # noqa: F401
    from seasonparse.frontend import dump  # noqa: F401

    _batch_gc()
    lexicon.lexicon()  # the format's words (data/lexicon.toml)
    data = to_dict(parse_text("A 1-0 B\n"))
    schema_error(data)
    dumps(data, None)


def _pool_ahead(args):
    """The pool's workers forked before the inputs are gathered, so they start while the
    parent gathers and plans them: where `--jobs N` asks for workers outright (`auto`
    forks none before it knows the inputs earn them). None otherwise."""
    if args.jobs is None:
        return None
    from seasonparse.parallel import jobs_for, start_ahead

    return start_ahead(jobs_for(args.jobs, None), _warm_worker)


def _check_out(args) -> None:
    """Refuse an --out that is a file, or that is (or holds) an input folder: before any work."""
    from seasonparse.inputs import out_problem

    out = Path(args.out)
    for part in (out, *out.parents):  # a dangling link on the way: mkdir said "File exists" (trial42)
        if part.is_symlink() and not part.exists():
            what = "is" if part == out else f"is under {part}, which is"
            raise UsageError(f"--out {args.out}: {what} a symbolic link to {os.readlink(part)}, which does "
                             f"not exist; create that folder, or name another")
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out}: exists and is not a folder")
    problem = out_problem(out, args.paths)
    if problem:
        raise UsageError(problem)


def cmd_parse(argv: list[str]) -> int:
    args = parse_intermixed(_parser(), argv)
    started = time.perf_counter()
    if args.paths[0] == "parse" and not os.path.lexists("parse"):  # `seasonparse parse DIR`, as `check` is typed
        raise UsageError("`parse` is no file here, nor a command: the parse command takes its paths "
                         "directly (`seasonparse PATHS --out DIR`)")
    _check_out(args)  # a usage error forks no worker
    ahead = _pool_ahead(args)
    try:
        return _parse_command(args, ahead, started)
    finally:  # a pool started ahead never outlives the command (a map took it, or it stops here)
        if ahead is not None:
            ahead.close()


@contextmanager
def _no_half_writes_of_dead_workers(out: Path) -> Iterator[None]:
    """A worker killed while it wrote an output (the OOM killer) leaves its temporary file in
    --out: removed before the run reports the worker's death (forkpool.WorkerDied)."""
    try:
        yield
    except Exception as exc:
        from seasonparse.jsonout import remove_temporaries_of

        remove_temporaries_of(str(out), getattr(exc, "pids", ()))
        raise


def _parse_command(args, ahead, started: float) -> int:
    from contextlib import closing
    from functools import partial
    from itertools import islice

    from seasonparse.inputs import DEFAULT_GLOBS, REFERENCE_GLOBS, expand, one_line, planned_outputs, shown
    from seasonparse.parallel import jobs_for, ordered_map, size_of
    from seasonparse.progress import Progress

    out = Path(args.out)
    globs = args.glob or (REFERENCE_GLOBS if args.input_format == "reference" else DEFAULT_GLOBS)
    found = gather(args.paths, globs, exclude=out, input_format=args.input_format)
    items = expand(found.inputs, _dump_selection(found.inputs))
    n_items = size_of(items)
    planned = planned_outputs(out, found.inputs, items)
    _create_out(out)
    n_files = n_matches = n_diags = n_errors = n_unwritten = 0
    failed, usage = False, False
    work = partial(parse_one, indent=args.indent)
    if n_items is None:  # a dump's pages: each planned as the pool takes it
        mapped = ordered_map(work, planned, jobs_for(args.jobs, None), ahead=ahead)
    else:  # the pool starts on a first share while the parent plans the rest
        first = list(islice(planned, max(1, n_items // FIRST_SHARE)))
        mapped = ordered_map(work, first, jobs_for(args.jobs, n_items), lambda: list(planned), ahead=ahead)
    outcomes = Progress(mapped, n_items, "file", quiet=args.quiet)
    with closing(outcomes), _no_half_writes_of_dead_workers(out):
        for outcome in outcomes:
            if outcome.problem:
                err(f"{shown(outcome.display)}: {outcome.problem}")
                usage = usage or outcome.usage
                failed = True
                if outcome.usage and not outcome.parsed:  # not an article (seasonparse's JSON): named, not counted
                    continue
                n_files += 1
                n_unwritten += 1
                if not outcome.parsed:  # refused before it was read: nothing more to count
                    continue
            else:
                n_files += outcome.written
            n_matches += outcome.matches
            n_diags += len(outcome.diagnostics)
            errors = sum(1 for d in outcome.diagnostics if d.severity == "error")
            n_errors += errors
            failed = failed or errors > 0
            if not args.quiet:
                for d in outcome.diagnostics:
                    outcomes.write(one_line(f"{shown(outcome.display)}:{d.line}:{d.column}: {d.severity} "
                                            f"{d.code} {d.message}"))
    seconds = time.perf_counter() - started
    print(f"seasonparse: {plural(n_files, 'file')}, {plural(n_matches, 'match', 'matches')}, "
          f"{plural(n_diags, 'diagnostic')} ({plural(n_errors, 'error')}), "
          + (f"{n_unwritten} not written, " if n_unwritten else "") + f"{seconds:.2f} s",
          file=sys.stderr)
    if usage:
        return EXIT_USAGE
    return EXIT_FOUND if failed else EXIT_OK
