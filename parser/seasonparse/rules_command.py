"""`seasonparse rules` and `seasonparse rule CODE`: the rules' own documentation."""

from __future__ import annotations

import argparse

from seasonparse.cli_common import EXIT_OK, UsageError


def cmd_rules(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="seasonparse rules", description="List every rule (or show the rules named, as "
                                "`seasonparse rule CODE` does).")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("codes", nargs="*", metavar="CODE", help="show these rules' documentation (a code or a name)")
    args = p.parse_args(argv)
    from seasonparse.rules import registry

    rules = registry()
    if args.codes:  # each one named found before any is shown
        named = [_rule_named(rules, code) for code in args.codes]
        if args.format == "text":
            for r in named:
                _show(r)
            return EXIT_OK
        rules = {r.code: r for r in named}
    if args.format == "json":
        import json

        print(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity, "scope": r.scope,
                           "fixable": r.fixable, "summary": r.summary} for r in rules.values()],
                         indent=2))
        return EXIT_OK
    for r in rules.values():  # `[*]`: `check --fix` can repair its findings (as ruff marks them)
        print(f"{r.code}  {r.name:<30} {r.severity:<8} {'[*]' if r.fixable else '[ ]'} {r.summary}")
    return EXIT_OK


def _rule_named(rules: dict, code: str):
    """The rule a code (`S011`, `s011`) or a name (`standings-played-over`) names; a usage error where none does."""
    from seasonparse.findings import selector

    r = rules.get(selector(code)) or next((x for x in rules.values() if x.name == code), None)
    if r is None:
        raise UsageError(f"no rule `{code}` (see `seasonparse rules`)")
    return r


def cmd_rule(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="seasonparse rule", description="Show one rule's documentation.")
    p.add_argument("code")
    args = p.parse_args(argv)
    from seasonparse.rules import registry

    _show(_rule_named(registry(), args.code))
    return EXIT_OK


def _show(r) -> None:
    """A rule's heading line and its documentation."""
    import inspect

    fixable = ", fixable with `check --fix`" if r.fixable else ""
    print(f"{r.code} {r.name} ({r.severity}, {r.scope}{fixable})\n")
    print(inspect.cleandoc(r.doc))
