"""The rule registry: every rule seasonparse has, in one explicit table.

Codes: P parser, W wiki leftovers, M match, D dates, T ties, B bracket,
S standings, G goalscorers, I infobox, X cross-document, A club identity,
N suppression comments.
"""

from __future__ import annotations

from functools import cache

from seasonparse.findings import Rule

GROUPS = "PWMDTBSGIXAN"  # the order of the code groups above, for listings


@cache
def registry() -> dict[str, Rule]:
    from seasonparse.rules import (
        bracket, club_identity, cross_matches, cross_statements, cross_tables, dates, goalscorers,
        infobox, matches, parse, standings, suppression, ties)

    modules = (parse, matches, dates, ties, bracket, standings, goalscorers, infobox,
               cross_matches, cross_tables, cross_statements, club_identity, suppression)
    table: dict[str, Rule] = {}
    for module in modules:
        for fn in module.RULES:
            r = fn.rule
            if r.code in table:  # a programming error, caught by the tests
                raise RuntimeError(f"duplicate rule code {r.code}")
            table[r.code] = r
    return dict(sorted(table.items(), key=lambda kv: (GROUPS.index(kv[0][0]), kv[0])))
