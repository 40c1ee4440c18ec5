"""The README documents what the code does: its rule table is generated from the registry."""

from __future__ import annotations

import runpy

import pytest
from conftest import ROOT

RULES_TABLE = runpy.run_path(str(ROOT / "scripts" / "rules_table.py"))


def test_readme_rule_table_is_current():
    assert RULES_TABLE["main"](["--check"]) == 0, (
        "README rule table is stale: run `python scripts/rules_table.py --write`")


def test_rules_table_script_rewrites_only_between_its_markers(tmp_path, capsys):
    start, end = RULES_TABLE["START"], RULES_TABLE["END"]
    readme = tmp_path / "README.md"
    readme.write_text(f"# intro\n\n{start}\n| P001 | stale row |\n{end}\n\nafter\n", "utf-8")
    main = RULES_TABLE["main"]
    assert main(["--check", "--readme", str(readme)]) == 1
    assert main(["--write", "--readme", str(readme)]) == 0
    assert main(["--check", "--readme", str(readme)]) == 0
    text = readme.read_text("utf-8")
    assert text.startswith(f"# intro\n\n{start}\n| code |") and text.endswith(f"{end}\n\nafter\n")
    assert "stale row" not in text and "| N001 | unused-suppression | warning | pipeline |" in text


@pytest.mark.parametrize("text", ["no markers\n", "<!-- rules:end -->\n"])
def test_rules_table_script_refuses_a_readme_without_its_markers(tmp_path, capsys, text):
    readme = tmp_path / "README.md"
    readme.write_text(text, "utf-8")
    assert RULES_TABLE["main"](["--write", "--readme", str(readme)]) == 2
    assert readme.read_text("utf-8") == text
    assert "needs one line" in capsys.readouterr().err


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text("utf-8")
    command = next(line for line in readme.splitlines() if line.endswith("python -m pytest"))
    assert command in (ROOT / ".ci" / "run").read_text("utf-8")


def test_the_jobs_cap_is_documented_where_jobs_auto_is():
    """`--jobs auto` runs one worker per usable core up to parallel.MAX_JOBS: the help and both
    README tables say so, not "one per core" (review31: 8 on a machine of 16 cores)."""
    from seasonparse.cli_common import JOBS_HELP
    from seasonparse.parallel import MAX_JOBS

    said = f"at most {MAX_JOBS}"
    assert said in JOBS_HELP
    rows = [line for line in (ROOT / "README.md").read_text("utf-8").splitlines() if line.startswith("| `--jobs N`")]
    assert len(rows) == 2 and all(said in row for row in rows), rows


def test_every_generator_is_in_the_generated_files_table():
    """Each scripts/gen_*.py is a row of the README's table of generated files (review31: the
    data copies' and the compiled patterns' generators were missing from it)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme[readme.index("| after changing | run | test |"):]
    table = table[:table.index("\n\n")]
    missing = [p.name for p in sorted((ROOT / "scripts").glob("gen_*.py")) if f"`python scripts/{p.name}" not in table]
    assert missing == []
