"""A directive that suppressed some of the codes it names and not others is told for those others
(N001 names them), as ruff's RUF100 names an unused code of a `noqa` (trial45: `disable-line
M001,M003` whose M003 hid nothing was never told)."""

from __future__ import annotations

import pytest

from seasonparse.findings import Finding
from seasonparse.suppress import apply, directives


@pytest.mark.parametrize("codes, idle", [
    ("M001, M003", [("M003",)]),   # M003 hid nothing
    ("M001, M", []),              # M covers the M001 it hid
    ("M001", []),
    ("ALL", []),
    ("G004, M003", [("G004", "M003")]),  # nothing hidden: the whole directive, as before
])
def test_the_codes_a_directive_used_in_vain_are_told(codes, idle):
    lines = ("x", f"Alpha 1 - 0 Beta <!-- seasonparse: disable-line {codes} -->")
    kept, unused = apply([Finding("M001", "error", "m", "a.txt", 2)], {"a.txt": directives(lines)})
    assert [d.codes for _, d in unused] == idle
    assert [f.code for f in kept] == ([] if idle != [("G004", "M003")] else ["M001"])
