"""An `enable` reads its codes as every selector is read (README, Rule selectors; review32 supp/):
`enable ALL` and `enable M` end a `disable M003`, `enable M003` ends M003 of a `disable ALL`, and
an enable that ends no disable is reported (N001), never silently nothing."""

from __future__ import annotations

import pytest

from seasonparse.findings import Finding
from seasonparse.rules.suppression import unused_suppression
from seasonparse.suppress import apply, directives


def _kept(disable: str, enable: str, codes=("M003", "G004")) -> list[tuple[int, str]]:
    """The findings left of one of each code on lines 2 (inside) and 4 (after the enable)."""
    lines = (f"<!-- seasonparse: disable {disable} -->", "x", f"<!-- seasonparse: enable {enable} -->", "y")
    findings = [Finding(c, "warning", "m", "a.txt", n) for n in (2, 4) for c in codes]
    kept, _ = apply(findings, {"a.txt": directives(lines)})
    return [(f.line, f.code) for f in kept]


ONLY_M = [(2, "G004"), (4, "G004")]  # what a disable naming no G leaves


@pytest.mark.parametrize("disable, enable, kept", [
    ("M003", "M003", [*ONLY_M, (4, "M003")]),
    ("M003", "m003", [*ONLY_M, (4, "M003")]),
    ("M003", "ALL", [*ONLY_M, (4, "M003")]),
    ("M003", "", [*ONLY_M, (4, "M003")]),
    ("M003", "M", [*ONLY_M, (4, "M003")]),
    ("M003", "M00", [*ONLY_M, (4, "M003")]),
    ("M", "M003", [*ONLY_M, (4, "M003")]),
    ("M003", "M001", ONLY_M),
    ("ALL", "M003", [(4, "M003")]),
    ("", "M003", [(4, "M003")]),
    ("", "M003, G004", [(4, "M003"), (4, "G004")]),
    ("M003, G004", "G", [(4, "G004")]),
])
def test_an_enable_ends_what_its_selectors_name(disable, enable, kept):
    assert sorted(_kept(disable, enable)) == sorted(kept)


def test_a_partly_ended_disable_still_ends_at_an_enable_of_the_rest():
    lines = ("<!-- seasonparse: disable M -->", "<!-- seasonparse: enable M003 -->", "a",
             "<!-- seasonparse: disable M003 -->", "b", "<!-- seasonparse: enable M -->", "c")
    findings = [Finding(c, "warning", "m", "a.txt", n) for n in (3, 5, 7) for c in ("M003", "M001")]
    found = directives(lines)
    kept, unused = apply(findings, {"a.txt": found})
    assert [(f.line, f.code) for f in kept] == [(3, "M003"), (7, "M003"), (7, "M001")]
    assert unused == []
    assert [(d.verb, d.start, d.end) for d in found] == [
        ("disable", 1, 6), ("enable", 2, 2), ("disable", 4, 6), ("enable", 6, 6)]


@pytest.mark.parametrize("lines", [
    ("<!-- seasonparse: enable M003 -->", "x"),
    ("<!-- seasonparse: disable G004 -->", "x", "<!-- seasonparse: enable M003 -->"),
    ("<!-- seasonparse: disable M003 -->", "<!-- seasonparse: enable M003 -->", "<!-- seasonparse: enable M -->"),
])
def test_an_enable_that_ends_no_disable_is_an_n001(lines):
    findings = [Finding("G004", "warning", "m", "a.txt", 2), Finding("M003", "warning", "m", "a.txt", 2)]
    _, unused = apply(findings, {"a.txt": directives(lines)})
    enables = [(path, d) for path, d in unused if d.verb == "enable"]
    assert len(enables) == 1
    reported = list(unused_suppression(enables, None, lambda message, line, column, path: (line, message)))
    assert reported == [(enables[0][1].line, f"`enable` for {', '.join(enables[0][1].codes)} ends no `disable` of them above it")]


def test_an_enable_after_a_disable_on_its_own_line_ends_it():
    """`<!-- seasonparse: disable --> <!-- seasonparse: enable M003 -->`: the enable comes after the
    disable, on its line, and ends M003 of it (review33: an enable on the disable's line was skipped)."""
    lines = ("<!-- seasonparse: disable --> <!-- seasonparse: enable M003 -->", "x")
    findings = [Finding("M003", "warning", "m", "a.txt", 2), Finding("G004", "warning", "m", "a.txt", 2)]
    kept, _ = apply(findings, {"a.txt": directives(lines)})
    assert [f.code for f in kept] == ["M003"]
