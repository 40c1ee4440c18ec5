"""The rule registry: every rule seasonparse has, in one explicit table.

A rule module lists its rules in RULES and is named in `registry`; a test
fails when a rule function is defined anywhere in the package but not listed
(tests/test_registry.py). Codes start with a letter of GROUPS.
"""

from __future__ import annotations

from functools import cache

from seasonparse.findings import Rule

GROUPS = {
    "P": "parser", "W": "wiki leftovers", "M": "match", "D": "dates", "T": "ties", "B": "bracket",
    "S": "standings", "G": "goalscorers", "I": "infobox", "X": "cross-document",
    "A": "club identity", "R": "reference results", "N": "suppression comments",
}
"""What each code's first letter stands for, in the order of listings (the README prints it)."""

_GROUP_ORDER = list(GROUPS)


@cache
def registry() -> dict[str, Rule]:
    from seasonparse.rules import (
        advancing, bracket, markup, club_identity, cross_matches, cross_statements, cross_tables, dates, goalscorers,
        infobox, matches, parse, reference, shootouts, standings, suppression, ties)

    modules = (parse, markup, matches, shootouts, dates, ties, bracket, advancing, standings, goalscorers, infobox,
               cross_matches, cross_tables, cross_statements, club_identity, reference, suppression)
    table: dict[str, Rule] = {}
    for module in modules:
        for fn in module.RULES:
            r = fn.rule
            if r.code in table:  # a programming error, caught by the tests
                raise RuntimeError(f"duplicate rule code {r.code}")
            table[r.code] = r
    return dict(sorted(table.items(), key=lambda kv: (_GROUP_ORDER.index(kv[0][0]), kv[0])))
