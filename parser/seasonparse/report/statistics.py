"""Counts per rule, as `ruff --statistics` prints them: count, code, fixable mark, name.

One line a rule that fired, most frequent first (then by code):
`   12  W003  [ ] ragged-table-row`. `[*]` marks a rule with an automatic fix
(the codes in `fixable`); the columns are padded to the widest entry. With
`--format json`, the same rows as a JSON list of `{"code", "name", "count",
"fixable"}` (as `ruff --statistics --output-format json`); the other machine
formats have no statistics (check_command refuses them).
"""

from __future__ import annotations

from collections import Counter


def counts(findings) -> list[tuple[str, int]]:
    """(code, count) for every rule that fired, most frequent first, then by code."""
    c = Counter(f.code for f in findings)
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))


STATISTICS_FORMATS = ("text", "concise", "json")


def render_statistics(findings, rules, fixable=frozenset(), fmt: str = "text") -> str:
    rows = counts(findings)
    if fmt == "json":
        import json

        return json.dumps([{"code": code, "name": rules[code].name if code in rules else "", "count": n,
                            "fixable": code in fixable} for code, n in rows], indent=2) + "\n"
    if not rows:
        return ""
    count_width = max(len(str(n)) for _, n in rows)
    code_width = max(len(code) for code, _ in rows)
    out = []
    for code, n in rows:
        mark = "[*]" if code in fixable else "[ ]"
        name = rules[code].name if code in rules else ""
        out.append(f"{n:>{count_width}}\t{code:<{code_width}}\t{mark} {name}")
    return "\n".join(out) + "\n"
