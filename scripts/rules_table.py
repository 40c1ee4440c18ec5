"""Print the README's rule table from the registry (tests/test_docs.py keeps them in sync).

    python scripts/rules_table.py
"""

from __future__ import annotations


def table() -> str:
    from seasonparse.rules import registry

    rows = ["| code | name | severity | scope | what it reports |", "| --- | --- | --- | --- | --- |"]
    for r in registry().values():
        summary = r.summary.replace("|", "\\|")
        rows.append(f"| {r.code} | {r.name} | {r.severity} | {r.scope} | {summary} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(table(), end="")
