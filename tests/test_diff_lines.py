"""`check --diff` numbers its hunks' lines as the findings number them (trial42): a U+2028,
a form feed, a NEL is inside a line (str.splitlines split there), a lone CR ends one."""

from __future__ import annotations

import re

import pytest


def _removed_lines(diff: str) -> list[int]:
    """The old line numbers of the diff's `-` lines."""
    removed, line = [], 0
    for text in diff.split("\n"):
        if m := re.match(r"@@ -(\d+)", text):
            line = int(m[1])
        elif text.startswith("-") and not text.startswith("---"):
            removed.append(line)
            line += 1
        elif text.startswith(" "):
            line += 1
    return removed


@pytest.mark.parametrize("inside", ["\u2028", "\x0c", "\x85", "\x1c", "\r"])
def test_the_hunks_name_the_findings_lines(run, tmp_path, inside):
    article = tmp_path / "a.txt"
    article.write_bytes(f"= 2011 Liga de Ascenso =\n\nThe{inside}Liguilla of 2011.\n\n==Final==\n\n|}}\n\n"
                        f"Kickoffs are local.\n".encode())
    code, out, _ = run("check", article, "--no-cache", "--no-baseline", "--format", "concise", "--select", "W002")
    (line,) = [int(f.split(":")[1]) for f in out.splitlines() if " W002 " in f]
    code, diff, err = run("check", article, "--no-cache", "--no-baseline", "--diff", "--select", "W002")
    assert code == 1, err
    assert _removed_lines(diff) == [line], diff
