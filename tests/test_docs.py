"""The README documents what the code does: its rule table is generated from the registry."""

from __future__ import annotations

import runpy

from conftest import ROOT


def test_readme_rule_table_is_current():
    table = runpy.run_path(str(ROOT / "scripts" / "rules_table.py"))["table"]()
    assert table in (ROOT / "README.md").read_text("utf-8"), (
        "README rule table is stale: paste the output of `python scripts/rules_table.py`")


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text("utf-8")
    command = next(line for line in readme.splitlines() if line.endswith("python -m pytest"))
    assert command in (ROOT / ".ci" / "run").read_text("utf-8")
