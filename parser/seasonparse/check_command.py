"""`seasonparse check`: the options, the baseline and the report around check.run."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from seasonparse.cli_common import (
    EXIT_FOUND, EXIT_OK, EXIT_USAGE, GLOB_HELP, INPUT_FORMAT_HELP, JOBS_HELP, UsageError, gather,
    jobs_option, plural)
from seasonparse.model import SEVERITIES


def _codes(value: str) -> list[str]:
    """Comma-separated rule codes or prefixes, in any case (as `seasonparse rule` takes them)."""
    return [c.strip().upper() for c in value.split(",") if c.strip()]


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
                            help="print the safe fixes as a unified diff; write nothing")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders; default: `paths` from the configuration")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--select", type=_codes, help="rule codes or prefixes to run, comma-separated")
    p.add_argument("--ignore", type=_codes, help="rule codes or prefixes to skip")
    p.add_argument("--extend-select", type=_codes, help="add to the selection")
    p.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    p.add_argument("--config", metavar="FILE", help="pyproject.toml or .seasonparse.toml to use")
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help=GLOB_HELP + "; default also: `glob` from the configuration")
    p.add_argument("--input-format", choices=("text", "wikitext", "auto"), default="auto",
                   help=INPUT_FORMAT_HELP)
    p.add_argument("--jobs", type=jobs_option, default=None, metavar="N", help=JOBS_HELP)
    p.add_argument("--reference", action="append", default=[], metavar="FILE",
                   help="reference results to reconcile against (RSSSF-style text or CSV); "
                        "repeatable; default: `references` from the configuration")
    p.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    p.add_argument("--no-baseline", action="store_true", help="ignore the configured baseline")
    p.add_argument("--write-baseline", metavar="FILE",
                   help="record the current findings in FILE (its folder must exist)")
    return p


def _output_target(option: str, value: str) -> Path:
    """Where --write-baseline or --html may write, checked before any work: a file
    in an existing, writable folder (no folder is created)."""
    path = Path(value)
    if path.is_dir():
        raise UsageError(f"{option} {value}: is a folder; name the file")
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"{option} {value}: the folder {folder} does not exist "
                         f"(it is not created)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{option} {value}: the folder {folder} is not writable")
    return path


def _references(args, config) -> tuple[tuple[str, str], ...]:
    """(path, display) of each reference: --reference files, else the configured globs."""
    if args.reference:
        for value in args.reference:
            if not Path(value).is_file():
                raise UsageError(f"--reference {value}: no such file")
        return tuple((value, value) for value in args.reference)
    found: dict[str, str] = {}
    for pattern in config.references:
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            raise UsageError(f"configuration: `references` pattern {pattern!r} must stay inside "
                             f"{config.root}")
        matches = sorted(p for p in config.root.glob(pattern) if p.is_file())
        if not matches:
            raise UsageError(f"configuration: `references` pattern {pattern!r} matches no file")
        for match in matches:
            found.setdefault(str(match), _pretty(str(match)))
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


def cmd_report(argv: list[str]) -> int:
    """`seasonparse report PATHS --html FILE`: the check, written as a page. Exit 0 once
    the page is written (a report is read, not a gate), 2 for usage errors."""
    return cmd_check(argv, report=True)


def cmd_check(argv: list[str], report: bool = False) -> int:
    args = _check_parser(report).parse_args(argv)
    from seasonparse import baseline as bl
    from seasonparse.check import run, selected_codes
    from seasonparse.config import ConfigError
    from seasonparse.config import load as load_config
    from seasonparse.inputs import expand
    from seasonparse.parallel import jobs_for, ordered_map, size_of
    from seasonparse.report import render
    from seasonparse.rules import registry

    started = time.perf_counter()
    rules = registry()
    try:
        config = load_config(args.config, set(rules))
    except ConfigError as exc:
        raise UsageError(f"configuration: {exc}") from None
    for flag in ("select", "ignore", "extend_select"):
        for code in getattr(args, flag) or ():
            if code != "ALL" and not any(c.startswith(code) for c in rules):
                raise UsageError(f"--{flag.replace('_', '-')}: `{code}` selects no rule")
    write_to = _output_target("--write-baseline", args.write_baseline) if args.write_baseline else None
    if write_to is not None and not report and (args.fix or args.diff):
        raise UsageError("--write-baseline records findings; it does not go with --fix or --diff")
    html_to = _output_target("--html", args.html) if report else None
    if args.paths:
        paths = args.paths
    elif config.paths:
        paths = [str(config.root / p) if not Path(p).is_absolute() else p for p in config.paths]
        paths = [_pretty(p) for p in paths]
    else:
        raise UsageError("no paths given, and no `paths` in the configuration")
    found = gather(paths, args.glob or config.glob, input_format=args.input_format)
    codes = selected_codes(rules, args.select or config.select, args.ignore or config.ignore,
                           args.extend_select or config.extend_select)

    def spread(stage, items):
        from seasonparse.progress import Progress

        return Progress(ordered_map(stage, items, jobs_for(args.jobs, size_of(items))), size_of(items))

    references = _references(args, config)
    result = run(expand(found.inputs, config.dump), rules, codes, config, map_fn=spread, references=references)
    findings = result.findings

    if write_to is not None:
        try:
            bl.write(write_to, findings, result.lines_by_path, bl.anchor(config, write_to))
        except OSError as exc:
            raise UsageError(f"--write-baseline {args.write_baseline}: cannot write it: "
                             f"{exc.strerror or exc}") from None
        print(f"seasonparse: wrote {plural(len(findings), 'finding')} to {args.write_baseline}",
              file=sys.stderr)
        return EXIT_USAGE if found.problems else EXIT_OK
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
            again = run(expand(found.inputs, config.dump), rules, codes, config, map_fn=spread, references=references)
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
                         settings=settings_of(config))
        except OSError as exc:
            raise UsageError(f"--html {args.html}: cannot write it: {exc.strerror or exc}") from None
    elif args.statistics:
        from seasonparse.report.statistics import render_statistics

        sys.stdout.write(render_statistics(findings, rules, {c for c, r in rules.items() if r.fixable}))
    else:
        sys.stdout.write(render(args.format, findings, result.lines_by_path, rules))
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    summary = (f"seasonparse: {plural(len(result.documents) - len(references), 'document')}, "
               f"{plural(len(findings), 'finding')} ({plural(counts['error'], 'error')}, "
               f"{plural(counts['warning'], 'warning')}, {counts['info']} info)")
    if hidden:
        summary += f", {hidden} known in the baseline"
    summary += f", {time.perf_counter() - started:.2f} s"
    if html_to is not None:
        summary += f"; wrote {args.html}"
    stream = sys.stdout if args.format in ("text", "concise") and not report else sys.stderr
    print(summary, file=stream)
    if result.reference_summary is not None:
        print(f"seasonparse: references: {result.reference_summary.text()}", file=stream)
    if found.problems:
        return EXIT_USAGE
    if report:
        return EXIT_OK
    threshold = SEVERITIES.index(args.fail_on or config.fail_on)
    failing = any(SEVERITIES.index(f.severity) >= threshold for f in findings)
    return EXIT_FOUND if failing and not args.exit_zero else EXIT_OK
