"""`seasonparse rules` and `seasonparse rule CODE`: the rules' own documentation."""

from __future__ import annotations

import argparse

from seasonparse.cli_common import EXIT_OK, UsageError


def cmd_rules(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="seasonparse rules", description="List every rule (or show the rules named, as "
                                "`seasonparse rule CODE` does).")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("codes", nargs="*", metavar="CODE", help="show these rules' documentation (review49: `rules S011` "
                   "was an unrecognized argument)")
    args = p.parse_args(argv)
    if args.codes and args.format == "text":
        return max(cmd_rule([code]) for code in args.codes)
    from seasonparse.rules import registry

    rules = registry()
    if args.codes:  # the JSON list of the rules named
        from seasonparse.findings import selector

        named = {selector(code) for code in args.codes}
        if unknown := sorted(named - set(rules)):
            raise UsageError(f"no rule `{unknown[0]}` (see `seasonparse rules`)")
        rules = {code: r for code, r in rules.items() if code in named}
    if args.format == "json":
        import json

        print(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity, "scope": r.scope,
                           "fixable": r.fixable, "summary": r.summary} for r in rules.values()],
                         indent=2))
        return EXIT_OK
    for r in rules.values():  # `[*]`: `check --fix` can repair its findings (as ruff marks them)
        print(f"{r.code}  {r.name:<30} {r.severity:<8} {'[*]' if r.fixable else '[ ]'} {r.summary}")
    return EXIT_OK


def cmd_rule(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="seasonparse rule", description="Show one rule's documentation.")
    p.add_argument("code")
    args = p.parse_args(argv)
    from seasonparse.rules import registry

    rules = registry()
    from seasonparse.findings import selector

    r = rules.get(selector(args.code)) or next((x for x in rules.values() if x.name == args.code), None)
    if r is None:
        raise UsageError(f"no rule `{args.code}` (see `seasonparse rules`)")
    import inspect

    fixable = ", fixable with `check --fix`" if r.fixable else ""
    print(f"{r.code} {r.name} ({r.severity}, {r.scope}{fixable})\n")
    print(inspect.cleandoc(r.doc))
    return EXIT_OK
