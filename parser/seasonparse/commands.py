"""`seasonparse check`, `seasonparse rules`, `seasonparse rule CODE`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from seasonparse.cli import EXIT_FOUND, EXIT_OK, EXIT_USAGE, UsageError, _err, gather
from seasonparse.model import SEVERITIES


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def _check_parser() -> argparse.ArgumentParser:
    from seasonparse.report import FORMATS

    p = argparse.ArgumentParser(
        prog="seasonparse check",
        description="Check season articles (or their JSON from `seasonparse --out`) for "
                    "contradictions, within and across documents.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders; default: `paths` from the configuration")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--select", type=_codes, help="rule codes or prefixes to run, comma-separated")
    p.add_argument("--ignore", type=_codes, help="rule codes or prefixes to skip")
    p.add_argument("--extend-select", type=_codes, help="add to the selection")
    p.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    p.add_argument("--config", metavar="FILE", help="pyproject.toml or .seasonparse.toml to use")
    p.add_argument("--glob", help="file pattern inside folders (default: *.txt)")
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: one per core from 64 inputs on; 1: none)")
    p.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    p.add_argument("--no-baseline", action="store_true", help="ignore the configured baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    return p


def cmd_check(argv: list[str]) -> int:
    args = _check_parser().parse_args(argv)
    from seasonparse import baseline as bl
    from functools import partial

    from seasonparse.check import check_corpus, finish, load_and_check, selected_codes, settings_of
    from seasonparse.parallel import jobs_for, ordered_map
    from seasonparse.config import ConfigError
    from seasonparse.config import load as load_config
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
    if args.paths:
        paths = args.paths
    elif config.paths:
        paths = [str(config.root / p) if not Path(p).is_absolute() else p for p in config.paths]
        paths = [_pretty(p) for p in paths]
    else:
        raise UsageError("no paths given, and no `paths` in the configuration")
    found = gather(paths, args.glob or config.glob)
    codes = selected_codes(rules, args.select or config.select, args.ignore or config.ignore,
                           args.extend_select or config.extend_select)
    settings = settings_of(config)
    work = partial(load_and_check, codes=codes, settings=settings)
    docs, findings, errors = [], [], []
    for doc, f, e in ordered_map(work, found.inputs, jobs_for(args.jobs, len(found.inputs))):
        docs.append(doc)
        findings += f
        errors += e
    corpus_findings, corpus_errors = check_corpus(docs, rules, codes, settings)
    result = finish(docs, findings + corpus_findings, codes, config, errors + corpus_errors)
    findings = result.findings

    if args.write_baseline:
        bl.write(Path(args.write_baseline), findings, result.lines_by_path,
                 bl.anchor(config, Path(args.write_baseline)))
        print(f"seasonparse: wrote {len(findings)} findings to {args.write_baseline}", file=sys.stderr)
        return EXIT_OK
    baseline_path = None
    if args.baseline:
        baseline_path = Path(args.baseline)
    elif config.baseline and not args.no_baseline:
        baseline_path = config.root / config.baseline
    hidden = 0
    if baseline_path is not None:
        try:
            known = bl.load(baseline_path)
        except bl.BaselineError as exc:
            raise UsageError(str(exc)) from None
        findings, hidden = bl.filter_new(findings, known, bl.anchor(config, baseline_path),
                                         result.lines_by_path)

    sys.stdout.write(render(args.format, findings, result.lines_by_path, rules))
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    summary = (f"seasonparse: {len(result.documents)} documents, {len(findings)} findings "
               f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} info)")
    if hidden:
        summary += f", {hidden} known in the baseline"
    summary += f", {time.perf_counter() - started:.2f} s"
    print(summary, file=sys.stdout if args.format in ("text", "concise") else sys.stderr)
    for e in result.internal_errors:
        _err(f"internal error: {e} (please report this)")
    if found.problems or result.internal_errors:
        return EXIT_USAGE
    threshold = SEVERITIES.index(args.fail_on or config.fail_on)
    failing = any(SEVERITIES.index(f.severity) >= threshold for f in findings)
    return EXIT_FOUND if failing and not args.exit_zero else EXIT_OK


def _pretty(path: str) -> str:
    """Configured paths shown relative to the working folder when below it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


def cmd_rules(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="seasonparse rules", description="List every rule.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    from seasonparse.rules import registry

    rules = registry()
    if args.format == "json":
        import json

        print(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity, "scope": r.scope,
                           "summary": r.summary} for r in rules.values()], indent=2))
        return EXIT_OK
    for r in rules.values():
        print(f"{r.code}  {r.name:<30} {r.severity:<8} {r.summary}")
    return EXIT_OK


def cmd_rule(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="seasonparse rule", description="Show one rule's documentation.")
    p.add_argument("code")
    args = p.parse_args(argv)
    from seasonparse.rules import registry

    rules = registry()
    code = args.code.upper()
    r = rules.get(code) or next((x for x in rules.values() if x.name == args.code), None)
    if r is None:
        raise UsageError(f"no rule `{args.code}` (see `seasonparse rules`)")
    import inspect

    print(f"{r.code} {r.name} ({r.severity}, {r.scope})\n")
    print(inspect.cleandoc(r.doc))
    return EXIT_OK
