"""`seasonparse check`: the options, the baseline and the report around check.run."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from seasonparse.cli_common import (
    EXIT_FOUND, EXIT_OK, GLOB_HELP, INPUT_FORMAT_HELP, JOBS_HELP, UsageError, gather,
    jobs_option, parse_intermixed)
from seasonparse.model import SEVERITIES
from seasonparse.wording import plural


def _codes(value: str) -> list[str]:
    """Comma-separated rule codes or prefixes, in any case (as `seasonparse rule` takes them).
    An empty list is refused: `--select ''` selecting the configured default would surprise."""
    from seasonparse.findings import selector

    codes = [selector(c) for c in value.split(",") if c.strip()]
    if not codes:
        raise argparse.ArgumentTypeError(f"expected rule codes or prefixes (`M`, `G001`, `ALL`): {value!r}")
    return codes


def _check_parser(report: bool = False) -> argparse.ArgumentParser:
    from seasonparse.report import FORMATS

    if report:
        p = argparse.ArgumentParser(
            prog="seasonparse report",
            description="Check season articles like `seasonparse check` and write what was found "
                        "as one self-contained HTML page: findings by rule and by file, both sides "
                        "of each contradiction, per season the match index, standings stated vs "
                        "recomputed, and the knockout brackets.")
        p.add_argument("--html", required=True, metavar="FILE",
                       help="the page to write (its folder must exist)")
    else:
        p = argparse.ArgumentParser(
            prog="seasonparse check",
            description="Check season articles (or their JSON from `seasonparse --out`) for "
                        "contradictions, within and across documents.")
        p.add_argument("--statistics", action="store_true",
                       help="print how many findings each rule gave instead of the findings")
        fixing = p.add_mutually_exclusive_group()
        fixing.add_argument("--fix", action="store_true",
                            help="apply the safe fixes to the files, then report what remains")
        fixing.add_argument("--diff", action="store_true",
                            help="print the safe fixes as a unified diff; write nothing (not with --format "
                                 "other than text, nor --statistics)")
        # what only a gate or a printed report means: `report` writes a page and exits 0
        p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
        p.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails (default: error)")
        p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
        p.add_argument("--write-baseline", metavar="FILE",
                       help="record the current findings in FILE (its folder must exist)")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders; default: `paths` from the configuration")
    p.add_argument("--select", type=_codes, help="rule codes or prefixes to run, comma-separated")
    p.add_argument("--ignore", type=_codes, help="rule codes or prefixes to skip")
    p.add_argument("--extend-select", type=_codes, help="add to the selection")
    p.add_argument("--config", metavar="FILE", help="pyproject.toml or .seasonparse.toml to use")
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help=GLOB_HELP + "; default also: `glob` from the configuration")
    p.add_argument("--input-format", choices=("text", "wikitext", "auto"), default="auto",
                   help=INPUT_FORMAT_HELP)
    p.add_argument("--jobs", type=jobs_option, default=None, metavar="N", help=JOBS_HELP)
    cache_options(p)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where the check runs: `local`, a pool of --jobs processes (the default), or "
                        "`dask`, a dask.distributed cluster (extra seasonparse[dask]): the one at "
                        "--dask-scheduler, else a local cluster of --jobs workers")
    p.add_argument("--dask-scheduler", metavar="ADDRESS",
                   help="a running dask scheduler (tcp://host:8786) for --engine dask; "
                        "default: $DASK_SCHEDULER_ADDRESS, else a local cluster")
    p.add_argument("--reference", action="append", default=[], metavar="FILE",
                   help="reference results to reconcile against (RSSSF-style text or CSV); "
                        "repeatable; default: `references` from the configuration")
    p.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    p.add_argument("--no-baseline", action="store_true", help="ignore the configured baseline")
    return p


def cache_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cache-dir", metavar="DIR",
                   help="the cache folder (default: $SEASONPARSE_CACHE_DIR, else .seasonparse_cache "
                        "in the configuration's folder)")
    p.add_argument("--no-cache", action="store_true",
                   help="neither read nor write the cache: check every file afresh")


def _cache(args, config, codes):
    """The content cache of this run, or None with --no-cache (see seasonparse.cache)."""
    if args.no_cache:
        return None
    from seasonparse.cache import DocumentCache, folder_for
    from seasonparse.check import settings_of

    return DocumentCache.open(folder_for(args.cache_dir, config.root), codes, settings_of(config),
                              lambda message: print(f"seasonparse: warning: {message}", file=sys.stderr),
                              getattr(args, "input_format", "auto"))


def _output_target(option: str, value: str) -> Path:
    """Where --write-baseline or --html may write, checked before any work: a regular
    file or none, in an existing, writable folder (no folder is created)."""
    from seasonparse.cli_common import not_writable_over

    path = Path(value)
    if (why := not_writable_over(path)) is not None:
        raise UsageError(f"{option} {value}: {why}")
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"{option} {value}: the folder {folder} does not exist "
                         f"(it is not created)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{option} {value}: the folder {folder} is not writable")
    return path


def _empty_folder(folder: Path) -> bool:
    try:
        return folder.is_dir() and next(os.scandir(folder), None) is None
    except OSError:
        return False


def _refuse_overwrites(targets: list[tuple[str, Path | None]], inputs, references, config,
                       read_baseline: Path | None, cache_dir: str | None = None, no_cache: bool = True) -> None:
    """What --html and --write-baseline may not overwrite (cli_common.refuse_overwriting): an
    article or a reference the run reads, the article a JSON input is read beside (its lines
    and excerpts: jsonin.source_files; trial44: `report json --html a.txt` replaced it), the
    configuration in force, anything inside the cache folder in use (cache.folder_for of
    --cache-dir `cache_dir`, unless `no_cache`), and, for any output but the baseline being
    written, the configured baseline and the one --baseline names (a page written over it broke
    every later check)."""
    from seasonparse.cli_common import refuse_overwriting

    if all(path is None for _, path in targets):
        return
    from seasonparse.jsonin import source_files

    cache_folder = None
    if not no_cache:  # imported only for a run that writes a page or a baseline (startup)
        from seasonparse.cache import folder_for, is_ours

        cache_folder = folder_for(cache_dir, config.root)
        # a folder the run uses as its cache: ours, or one it will make (missing, or empty); another
        # folder named so is not used (the check says so) and is no cache to protect (review33:
        # `--cache-dir .` refused `--html report.html` in the working folder)
        if not (is_ours(cache_folder) or not cache_folder.exists() or _empty_folder(cache_folder)):
            cache_folder = None

    protected = [(i.path, f"an input of this run ({i.display})") for i in inputs]
    protected += [(source, f"the source of an input of this run ({i.display} is read beside it)")
                  for i in inputs if i.page is None and i.path.suffix.lower() == ".json"  # read as JSON (check.load_one)
                  for source in source_files(i.path)]
    protected += [(path, f"a reference of this run ({display})") for path, display in references]
    if config.source is not None:
        protected.append((config.source, f"the configuration in force ({config.source})"))
    baselines = []
    if config.baseline:
        baselines.append((config.root / config.baseline, f"the baseline configured in {config.source}"))
    if read_baseline is not None:
        baselines.append((read_baseline, "the baseline this run reads (--baseline)"))
    for option, path in targets:
        refuse_overwriting(option, path, protected + ([] if option == "--write-baseline" else baselines),
                           [] if cache_folder is None else [(cache_folder, "the cache folder of this run")])


def _refuse_overwriting_read_sources(targets: list[tuple[str, Path | None]], inputs, documents,
                                     read_as_json: list[str] = ()) -> None:
    """After the run, before anything is written: no target may be a file the run read as the
    source of a document that is not an input itself, the article a JSON input was read
    beside. Before the run (_refuse_overwrites) only the inputs named `.json` are looked into
    (peeking into every article would cost a run of thousands an open each); seasonparse's JSON
    under another name (`a_json.txt`, read as JSON by its content) is known once read (trial47:
    `--write-baseline a.txt` replaced the article behind it)."""
    from seasonparse.cli_common import refuse_overwriting

    if all(path is None for _, path in targets):
        return
    named = {str(i.path) for i in inputs} | {i.display for i in inputs}
    held = getattr(documents, "paths", None)
    paths = held() if held is not None else [d.path for d in documents]
    protected = [(path, "the source of an input of this run (an input was read beside it)")
                 for path in dict.fromkeys(paths) if path not in named]
    if read_as_json:  # the article each records, also where it changed since (its findings are the JSON's: P028)
        from seasonparse.jsonin import source_files

        protected += [(path, f"the source of an input of this run ({shown} records it)")
                      for shown in read_as_json for path in source_files(shown)]
    for option, path in targets:
        refuse_overwriting(option, path, protected)


def _references_among_articles(paths, inputs, references) -> tuple:
    """The inputs less the references among them: a file is read as an article or as a
    reference, not both (an article named by --reference was read as RSSSF text, a warning
    a line, and R findings against whatever it seemed to say; a reference among the paths
    checked, as an article). A reference that a path reaches only by a folder search
    (`paths = ["."]` beside `references = ["reference/*.txt"]`, as the README's pre-commit
    and configuration sections have it) is left out of the articles, said in one info line;
    a file named both as a path and as a reference, or a season article named as a
    reference, is a usage error. One stat per input, path and reference."""
    if not references:
        return inputs
    from seasonparse.inputs import file_key, input_keys, shown
    from seasonparse.reference import not_reference_results

    articles = input_keys([i.path for i in inputs])
    named = input_keys(paths)  # a folder's key is no file's: only a path naming the file itself
    searched = set()
    for path, display in references:
        key = file_key(path)
        if key is not None and key in named:
            raise UsageError(f"reference {display}: is also an article of this run ({named[key]}); a reference "
                             f"is independent results: keep it out of the paths checked (or of their globs)")
        if (why := not_reference_results(path)) is not None:
            raise UsageError(f"reference {display}: {why[0]}; {why[1]}")
        if key is not None and key in articles:
            searched.add(key)
            print(f"seasonparse: info: {shown(articles[key])}: a reference of this run, found in a folder "
                  f"checked; read as the reference only, not as an article", file=sys.stderr)
    if not searched:
        return inputs
    kept = tuple(i for i in inputs if file_key(i.path) not in searched)
    if not kept:
        raise UsageError("no input files: every file found is a reference of this run; name the articles "
                         "to check")
    return kept


def _once_by_content(references: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The references to read: those named less those whose bytes another one of them has (a copy under another
    name: trial60, two references and 502 matches where there were 251), each said in one info line. A file that
    cannot be read is kept, for its reader to say why. (Every one named stays a reference of the run: kept out of
    the articles, never overwritten: review50.)"""
    if len(references) < 2:
        return references
    import hashlib

    seen: dict[bytes, str] = {}
    kept = []
    for path, display in references:
        try:
            with open(path, "rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").digest()
        except OSError:
            kept.append((path, display))
            continue
        if digest in seen:
            print(f"seasonparse: info: reference {display}: the same content as {seen[digest]}; read once",
                  file=sys.stderr)
            continue
        seen[digest] = display
        kept.append((path, display))
    return tuple(kept)


def _references(args, config) -> tuple[tuple[str, str], ...]:
    """(path, display) of each reference named: --reference files, else the configured globs."""
    if args.reference:
        from seasonparse.inputs import not_a_file_to_read

        once: dict[str, str] = {}  # one file named twice is one reference, not two
        twice = len(args.reference) > 1  # realpath where two may name one file: it stats each folder of a path (~0.1 M)
        for value in args.reference:
            if why := not_a_file_to_read(value):
                raise UsageError(f"--reference {value}: {why}"
                                 + ("; name the reference files in it" if why == "is a folder" else ""))
            once.setdefault(os.path.realpath(value) if twice else value, value)
        return tuple((value, value) for value in once.values())
    from seasonparse.inputs import configured_files

    found: dict[str, str] = {}
    wrong = []  # every pattern that reads no file, said in one run (trial60: one a run)
    for pattern in config.references:  # relative to the configuration's folder; outside it too, as `paths`
        # (references are only read: trial34's `../shared/reference/*.txt` was refused)
        matches = configured_files(config.root, pattern)
        if not matches:
            if folders := configured_files(config.root, pattern, folders=True):  # trial50: `references = ["refs"]`
                wrong.append(f"pattern {pattern!r} matches a folder, not files ({_pretty(str(folders[0]))}): name "
                             f"the reference files in it (`{pattern.rstrip('/')}/*.txt`, "
                             f"`{pattern.rstrip('/')}/*.csv`)")
            else:
                wrong.append(f"pattern {pattern!r} matches no file (relative to {_pretty(str(config.root)) or '.'})")
        for match in matches:
            found.setdefault(str(match), _pretty(str(match)))
    if wrong:
        from seasonparse.config import written_at

        # placed as a mistake found while loading is (`configuration: PATH:LINE:COL: ...`: review47)
        where = f"configuration: {config.source}{written_at(config, 'references')}" if config.source is not None \
            else "configuration"
        raise UsageError(f"{where}: `references` " + "; ".join(wrong))
    return tuple(sorted(found.items(), key=lambda kv: kv[1]))


def _pretty(path: str) -> str:
    """Configured paths shown relative to the working folder when below it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


def _autofix(args, inputs, first, check_again):
    """--fix: apply the fixes, check again until none applies, and hand back the last
    check (run, findings, hidden) to report what remains. --diff: print the fixes as a
    unified diff and return the exit code (1 where a fix would apply, as ruff's)."""
    from seasonparse.autofix import fix_until_clean

    result, findings, hidden, outcomes = fix_until_clean(
        first, check_again, inputs, dry_run=args.diff,
        log=lambda message: print(f"seasonparse: {message}", file=sys.stderr))
    applied = [o for o in outcomes if o.new is not None]
    fixes, files = sum(o.fixes for o in applied), len({o.path for o in applied})
    if args.diff:
        sys.stdout.write("".join(o.diff() for o in applied))
        print(f"seasonparse: {plural(fixes, 'fix', 'fixes')} would be applied to "
              f"{plural(files, 'file')}", file=sys.stderr)
        return EXIT_FOUND if applied else EXIT_OK
    print(f"seasonparse: applied {plural(fixes, 'fix', 'fixes')} to {plural(files, 'file')}",
          file=sys.stderr)
    return result, findings, hidden


def _with_progress(stage, items, inner):
    """The per-document stage under a progress bar (shown only on a terminal, see progress.py)."""
    from seasonparse.parallel import size_of
    from seasonparse.progress import Progress

    return Progress(inner(stage, items), size_of(items))


def _engine(args, n_inputs: int | None, ahead=None, exiting=None):
    """A context giving the map function of `--engine`: the local process pool (on the
    workers of `ahead` where it has as many as the inputs earn, see _pool_ahead; its
    workers exit while the command goes on, and `exiting`, parallel.Exiting, waits for
    them), or dask."""
    if args.dask_scheduler and args.engine != "dask":
        raise UsageError("--dask-scheduler goes with --engine dask")
    if args.engine == "dask":
        from seasonparse.dask_engine import dask_map
        from seasonparse.parallel import jobs_for

        # a local cluster's workers are capped as the pool's are (inputs, usable cores)
        return dask_map(None if args.jobs is None else jobs_for(args.jobs, n_inputs), args.dask_scheduler)
    from seasonparse.parallel import PoolMap, jobs_for

    return PoolMap(jobs_for(args.jobs, n_inputs), ahead, exiting)


def _pool_ahead(args):
    """The local pool's workers forked before the inputs are gathered, so they start while
    the parent gathers them (parallel.PoolAhead): where `--jobs N` asks for workers
    outright (the default, `auto`, forks none before it knows the inputs earn them) and
    no content cache may take the per-document stage's work. None otherwise. Kept after the
    per-document stage, they check the cross-document one too, handed the documents
    (parallel.PoolMap.handover)."""
    if args.engine != "local" or args.jobs is None or not args.no_cache:
        return None
    from seasonparse.parallel import jobs_for, start_ahead

    return start_ahead(jobs_for(args.jobs, None), _warm_worker, handover=True)


def _warm_worker() -> None:
    """What each worker started ahead does while the parent gathers the inputs: take a
    batch's GC settings (which gather gives the parent only after the fork: without them
    the workers collect ten times as often) and the per-document stage's imports."""
    from seasonparse.check import warm_up
    from seasonparse.cli_common import _batch_gc

    _batch_gc()
    warm_up()


def cmd_report(argv: list[str]) -> int:
    """`seasonparse report PATHS --html FILE`: the check, written as a page. Exit 0 once
    the page is written (a report is read, not a gate), 2 for usage errors."""
    return cmd_check(argv, report=True)


def cmd_check(argv: list[str], report: bool = False) -> int:
    args = parse_intermixed(_check_parser(report), argv)
    from contextlib import ExitStack

    with ExitStack() as closing:  # a pool started ahead (_pool_ahead) never outlives the command
        return _check_command(args, report, closing)


def _check_command(args, report: bool, closing) -> int:
    from seasonparse import baseline as bl
    from seasonparse.check import AroundDocuments, run, selected_codes
    from seasonparse.config import ConfigError
    from seasonparse.config import load as load_config
    from seasonparse.dask_engine import EngineError
    from seasonparse.findings import code_matches
    from seasonparse.inputs import expand
    from seasonparse.interrupt import keep
    from seasonparse.parallel import Exiting, size_of
    from seasonparse.report import render
    from seasonparse.rules import registry

    started = time.perf_counter()
    rules = registry()
    if args.config and Path(args.config).is_dir():
        raise UsageError(f"--config {args.config}: is a folder; name its pyproject.toml or "
                         f".seasonparse.toml")
    try:
        config = load_config(args.config, set(rules))
    except ConfigError as exc:
        raise UsageError(f"configuration: {exc}") from None
    for flag in ("select", "ignore", "extend_select"):
        for code in getattr(args, flag) or ():
            if not any(code_matches(c, code) for c in rules):
                raise UsageError(f"--{flag.replace('_', '-')}: `{code}` selects no rule")
    write_to = None if report or not args.write_baseline else _output_target(
        "--write-baseline", args.write_baseline)
    if write_to is not None and (args.fix or args.diff):
        raise UsageError("--write-baseline records findings; it does not go with --fix or --diff")
    if not report and args.diff and (args.format != "text" or args.statistics):
        asked = "--statistics" if args.statistics else f"--format {args.format}"
        raise UsageError(f"--diff prints the fixes as a unified diff; it does not go with {asked}")
    if not report and args.statistics:
        from seasonparse.report.statistics import STATISTICS_FORMATS

        if args.format not in STATISTICS_FORMATS:
            raise UsageError(f"--statistics prints counts per rule as text or JSON; it does not go with "
                             f"--format {args.format}")
    html_to = _output_target("--html", args.html) if report else None
    if args.paths:
        paths = args.paths
    elif config.paths:
        paths = [str(config.root / p) if not Path(p).is_absolute() else p for p in config.paths]
        paths = [_pretty(p) for p in paths]
    else:
        raise UsageError("no paths given, and no `paths` in the configuration")
    ahead = _pool_ahead(args)
    if ahead is not None:
        closing.callback(ahead.close)
    exiting = Exiting()  # the pools' workers exit while the command goes on; waited for at its end
    closing.callback(exiting.wait)
    found = gather(paths, args.glob or config.glob, input_format=args.input_format)
    codes = selected_codes(rules, args.select or config.select, args.ignore or config.ignore,
                           args.extend_select or config.extend_select)

    references = _references(args, config)
    found = found._replace(inputs=_references_among_articles(paths, found.inputs, references))
    _refuse_overwrites([("--write-baseline", write_to), ("--html", html_to)], found.inputs, references, config,
                       Path(args.baseline) if args.baseline else None, args.cache_dir, args.no_cache)
    references = _once_by_content(references)  # what is read: a copy of another named reference once
    cache = _cache(args, config, codes)

    def checked():
        """The check on the chosen engine (both stages: as many workers as the inputs earn),
        with the content cache in front of the per-document stage and a progress bar
        over it. A dump among the inputs makes them a stream of its pages, which the
        cache cannot key (no files): every page is parsed again, so the cache and its
        memo of the cross-document stage stay out of such a run (the memo would pay a
        digest of every page to save a fraction of the work)."""
        nonlocal ahead
        inputs = expand(found.inputs, config.dump)
        # the pool started ahead serves the first run only: its workers and what they are handed are that run's,
        # closed with it (trial51: `--fix --jobs 2` checked again on the spent pool, an internal error)
        first_ahead, ahead = ahead, None
        try:
            with _engine(args, size_of(inputs), first_ahead, exiting) as spread:
                map_fn = spread if cache is None or size_of(inputs) is None else cache.in_front_of(spread)
                return run(inputs, rules, codes, config, map_fn=AroundDocuments(map_fn, _with_progress), references=references)
        except EngineError as exc:
            raise UsageError(str(exc)) from None

    result = checked()
    keep(result)  # the program's exit frees nothing (interrupt.leave): neither need the command's return
    _refuse_overwriting_read_sources([("--write-baseline", write_to), ("--html", html_to)], found.inputs,
                                     result.documents, result.read_as_json)
    findings = result.findings
    from seasonparse.inputs import one_line

    for message in result.skipped:  # a JSON of --out beside its article: read once, said once
        print(f"seasonparse: info: {one_line(message)}", file=sys.stderr)
    _warn_empty_references(references, result.references)  # the articles' documents are not unpacked

    if write_to is not None:
        try:
            bl.write(write_to, findings, result.lines_by_path, bl.anchor(config, write_to))
        except OSError as exc:
            raise UsageError(f"--write-baseline {args.write_baseline}: cannot write it: "
                             f"{exc.strerror or exc}") from None
        print(f"seasonparse: wrote {plural(len(findings), 'finding')} to {args.write_baseline}",
              file=sys.stderr)
        return EXIT_OK
    baseline_path = None
    if args.baseline:
        baseline_path = Path(args.baseline)
    elif config.baseline and not args.no_baseline:
        baseline_path = config.root / config.baseline
    known = None
    if baseline_path is not None:
        try:
            known = bl.load(baseline_path)
        except bl.BaselineError as exc:
            raise UsageError(str(exc)) from None

    def new_findings(result):
        """The run's findings not recorded in the baseline, and how many were."""
        if known is None:
            return result.findings, 0
        return bl.filter_new(result.findings, known, bl.anchor(config, baseline_path),
                             result.lines_by_path)

    findings, hidden = new_findings(result)
    if not report and (args.fix or args.diff):
        def check_again():
            again = checked()
            return (again, *new_findings(again))

        fixed = _autofix(args, found.inputs, (result, findings, hidden), check_again)
        if isinstance(fixed, int):  # --diff: the diff is the output
            return fixed
        result, findings, hidden = fixed

    if html_to is not None:
        from seasonparse.check import settings_of
        from seasonparse.report.html_report import write_report

        try:
            write_report(result.documents, findings, result.lines_by_path, rules, html_to,
                         settings=settings_of(config), known=hidden)
        except OSError as exc:
            raise UsageError(f"--html {args.html}: cannot write it: {exc.strerror or exc}") from None
    elif args.statistics:
        from seasonparse.report.statistics import render_statistics

        sys.stdout.write(render_statistics(findings, rules, {c for c, r in rules.items() if r.fixable},
                                           args.format))
    else:
        sys.stdout.write(render(args.format, findings, result.lines_by_path, rules,
                                fail_on=args.fail_on or config.fail_on))
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    summary = (f"seasonparse: {plural(len(result.documents) - len(references), 'document')}, "
               f"{plural(len(findings), 'finding')} ({plural(counts['error'], 'error')}, "
               f"{plural(counts['warning'], 'warning')}, {counts['info']} info)")
    if hidden:
        summary += f", {hidden} known in the baseline"
    stream = sys.stderr if report or args.format not in ("text", "concise") else sys.stdout
    if stream is sys.stderr:  # the time is commentary: a report on stdout is the same bytes run after run
        summary += f", {time.perf_counter() - started:.2f} s"
    if html_to is not None:
        summary += f"; wrote {args.html}"
    print(summary, file=stream)
    if result.reference_summary is not None:
        print(f"seasonparse: references: {result.reference_summary.text()}", file=stream)
    if report:
        return EXIT_OK
    threshold = SEVERITIES.index(args.fail_on or config.fail_on)
    failing = any(SEVERITIES.index(f.severity) >= threshold for f in findings)
    return EXIT_FOUND if failing and not args.exit_zero else EXIT_OK


# binary, empty, unreadable: the file's text was never read; P018: its rows are fixtures not played yet (trial51:
# a CSV of a season's unplayed fixtures was asked whether it is reference results, its P018 saying why beside it)
UNREAD = frozenset({"P003", "P004", "P005", "P018"})


def _warn_empty_references(references, documents) -> None:
    """A reference of which nothing was read (no match, no table) is most likely not
    reference results at all (a wikitext article, a text season): said on stderr, so a
    reconciliation against nothing is not taken for one that found everything. Not where
    the document's own diagnostic already says why nothing was read (UNREAD: a binary, empty
    or unreadable file, which is no question of what kind of results it holds; a CSV of
    fixtures not played yet)."""
    if not references:
        return
    from seasonparse.inputs import shown

    by_path = {d.path: d for d in documents}
    for _, display in references:
        doc = by_path.get(display)
        if (doc is not None and not doc.matches and not doc.tables
                and not any(d.code in UNREAD for d in doc.diagnostics)):
            print(f"seasonparse: warning: reference {shown(display)}: no match and no table read from "
                  f"it; is it reference results (RSSSF-style text or football-data CSV)?", file=sys.stderr)


def cmd_clean(argv: list[str]) -> int:
    """`seasonparse clean`: remove the cache folder, only where it is seasonparse's (its CACHEDIR.TAG)."""
    p = argparse.ArgumentParser(prog="seasonparse clean",
                                description="Remove the content cache `seasonparse check` keeps.")
    p.add_argument("--cache-dir", metavar="DIR", help="the cache folder (default: as `check` finds it)")
    p.add_argument("--config", metavar="FILE", help="pyproject.toml or .seasonparse.toml to use")
    args = parse_intermixed(p, argv)
    from seasonparse.cache import NotOurCache, clean, folder_for
    from seasonparse.config import ConfigError
    from seasonparse.config import load as load_config
    from seasonparse.rules import registry

    try:
        config = load_config(args.config, set(registry()))
    except ConfigError as exc:
        raise UsageError(f"configuration: {exc}") from None
    folder = folder_for(args.cache_dir, config.root)
    try:
        removed = clean(folder)
    except NotOurCache:
        raise UsageError(f"{folder} is not a seasonparse cache (no CACHEDIR.TAG of ours); "
                         f"not removed") from None
    except OSError as exc:
        raise UsageError(f"cannot remove {folder}: {exc.strerror or exc}") from None
    print(f"seasonparse: {'removed' if removed else 'no cache at'} {folder}", file=sys.stderr)
    return EXIT_OK
