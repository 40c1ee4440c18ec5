"""X006's other side is the club's results, a document each: its related location stands at the first
of them and says how many and over which lines (trial45: `results` at the club's first match read as
though that one match were the other side)."""

from __future__ import annotations

import json
import shutil

from conftest import SEEDS


def test_the_related_location_names_the_results_it_stands_for(run, tmp_path):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    table = tmp_path / SEEDS[2].name
    table.write_text(table.read_text("utf-8").replace("| 15 | 6 | 5 | 4 | 15 | 14 | +1 | 23 |",
                                                      "| 15 | 7 | 4 | 4 | 15 | 14 | +1 | 25 |"), "utf-8")
    _, out, _ = run("check", tmp_path, "--no-cache", "--no-baseline", "--select", "X006", "--format", "json")
    (finding,) = json.loads(out)
    assert [(r["line"], r["message"]) for r in finding["related"]] == [(41, "the first of its 15 results here (lines 41–104)")]
