"""Write the README's rule table from the registry, between its markers.

    python scripts/rules_table.py            print the generated block
    python scripts/rules_table.py --write    rewrite the block in README.md
    python scripts/rules_table.py --check    exit 1 if README.md's block is stale

The block (the table, what the code letters and the scopes mean) lies between
START and END; everything outside the markers is left as it is. The tests run
the same comparison as --check (tests/test_docs.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- rules:start: written by `python scripts/rules_table.py --write`, do not edit -->"
END = "<!-- rules:end -->"


def block() -> str:
    """The README text between the markers, from the registry and the scope definitions."""
    from seasonparse.findings import SCOPES
    from seasonparse.rules import GROUPS, registry

    rows = ["| code | name | severity | scope | fix | what it reports |",
            "| --- | --- | --- | --- | --- | --- |"]
    for r in registry().values():
        summary = r.summary.replace("|", "\\|")
        fix = "yes" if r.fixable else ""
        rows.append(f"| {r.code} | {r.name} | {r.severity} | {r.scope} | {fix} | {summary} |")
    codes = ", ".join(f"{letter} {meaning}" for letter, meaning in GROUPS.items())
    scopes = [f"- `{name}`: {meaning}." for name, meaning in SCOPES.items()]
    fixes = "fix: `yes` where `seasonparse check --fix` repairs the rule's findings (see Autofix)."
    severity = ("severity: the rule's own; a P rule reports each of the reader's diagnostics at the severity the reader "
                "gives it, which may differ from the rule's (P012: a `{{` or `{|` never closed is an error; "
                "`seasonparse rule CODE` says which).")
    return "\n".join([*rows, "", f"Codes: {codes}.", "", fixes, "", severity, "", "Scopes:", "", *scopes]) + "\n"


def replaced(text: str, new_block: str) -> str:
    """`text` with the part between the markers replaced by `new_block`."""
    start, end = text.find(START + "\n"), text.find(END)
    if text.count(START) != 1 or text.count(END) != 1 or start < 0 or end < start:
        raise ValueError(f"needs one line `{START}` and, after it, one `{END}`")
    return text[:start + len(START) + 1] + new_block + text[end:]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite the block in the README")
    mode.add_argument("--check", action="store_true", help="exit 1 if the README's block is stale")
    p.add_argument("--readme", type=Path, default=README, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if not (args.write or args.check):
        print(block(), end="")
        return 0
    text = args.readme.read_text("utf-8")
    try:
        current = replaced(text, block())
    except ValueError as exc:
        print(f"{args.readme}: {exc}", file=sys.stderr)
        return 2
    if args.check:
        if current != text:
            print(f"{args.readme}: the rule table is stale: run `python scripts/rules_table.py --write`",
                  file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.readme.write_text(current, "utf-8")
        print(f"wrote the rule table into {args.readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
