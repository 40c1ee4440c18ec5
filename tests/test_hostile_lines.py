"""One hostile line parses in time linear in its length (README, Performance): the shapes
of tests/fixtures/hostile_lines.toml, each some 300 KB, under a generous bound that a
quadratic scan of them (minutes or more) cannot meet; not a timing test."""

from __future__ import annotations

import time
import tomllib

import pytest
from conftest import FIXTURES

from seasonparse.frontend import WIKITEXT_SUFFIXES, parse_read
from seasonparse.frontend.source import decode

CASES = tomllib.loads((FIXTURES / "hostile_lines.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_hostile_line_parses_in_linear_time(case):
    text = case["head"] + case["unit"] * case["repeat"] + case["tail"]
    started = time.process_time()
    doc = parse_read(decode(case["path"], text.encode("utf-8")), case["path"].endswith(WIKITEXT_SUFFIXES))
    elapsed = time.process_time() - started
    assert len(doc.matches) == case["matches"]
    assert elapsed < 30, elapsed  # a generous bound against a quadratic blow-up, not a timing test
