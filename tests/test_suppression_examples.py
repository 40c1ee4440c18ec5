"""The examples of N001 and N002 (`seasonparse rule N002`) are what they illustrate (trial44: N002's
`disable-next-line M01` was readable, M01 being a prefix of M010: an N001, not an N002)."""

from __future__ import annotations

import re

import pytest

from seasonparse.rules import registry
from seasonparse.suppress import directives


@pytest.mark.parametrize("code, readable", [("N001", True), ("N002", False)])
def test_each_example_comment_is_read_as_its_rule_says(code, readable):
    comments = [line.strip() for line in registry()[code].doc.split("Example:")[1].splitlines()
                if re.match(r"\s*<!--", line)]
    assert comments
    for comment in comments:
        (d,) = directives((comment, "A 1-0 B"))
        assert (d.problem() is None) == readable, comment
