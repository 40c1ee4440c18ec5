"""The GitHub Action (action.yml): what can be checked without GitHub.

The YAML parses, every expression names an input that exists, and the steps'
scripts are run here with bash, as the runner would run them (inputs filled
in), on a broken article: annotations and a failing exit code, valid SARIF.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT
from test_sarif import schema_errors

ACTION = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
STEPS = ACTION["runs"]["steps"]
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def expressions(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from expressions(v)
    elif isinstance(value, list):
        for v in value:
            yield from expressions(v)
    elif isinstance(value, str):
        yield from EXPRESSION.findall(value)


def step(name):
    return next(s for s in STEPS if s["name"] == name)


def test_action_is_a_composite_with_the_documented_inputs():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "args", "working-directory", "python-version", "sarif",
                                     "sarif-file"}
    for name, spec in ACTION["inputs"].items():
        assert spec["description"] and "default" in spec, name
    assert all("shell" in s for s in STEPS if "run" in s)  # composite steps must name their shell


def test_every_expression_names_an_input_that_exists():
    named = [e for e in expressions(STEPS)] + [s["if"] for s in STEPS if "if" in s]
    assert named
    for e in named:
        for ref in re.findall(r"\binputs\.([\w-]+)", e):
            assert ref in ACTION["inputs"], e
        assert re.fullmatch(r"inputs\.[\w-]+( == '\w+')?", e), f"unexpected expression: {e}"
    for s in STEPS:  # inputs reach scripts through env, never pasted into the script text
        assert not EXPRESSION.search(s.get("run", "")), s["name"]


def test_the_uploaded_file_is_the_one_written():
    write, upload = step("Write SARIF"), step("Upload SARIF")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@v")
    assert upload["with"]["sarif_file"] == "${{ inputs.working-directory }}/${{ inputs.sarif-file }}"
    assert write["working-directory"] == "${{ inputs.working-directory }}"
    assert write["env"]["SEASONPARSE_SARIF"] == "${{ inputs.sarif-file }}"
    assert write["if"] == upload["if"] == "inputs.sarif == 'true'"
    assert '"$GITHUB_ACTION_PATH"' in step("Install seasonparse")["run"]


def fill(value: str, inputs: dict) -> str:
    return EXPRESSION.sub(lambda m: inputs[m[1].removeprefix("inputs.")], value)


def run_step(s: dict, inputs: dict, workspace: Path) -> subprocess.CompletedProcess:
    """A `run` step as the runner runs it: bash, its env and working directory, inputs filled in."""
    env = {**os.environ, "GITHUB_ACTION_PATH": str(ROOT),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.update({k: fill(v, inputs) for k, v in s.get("env", {}).items()})
    cwd = workspace / fill(s.get("working-directory", "."), inputs)
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s["run"]],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def workspace(tmp_path):
    if shutil.which("seasonparse", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("seasonparse is not installed in this Python's scripts folder")
    (tmp_path / "articles").mkdir()
    for name in ("clean.txt", "broken.txt"):
        shutil.copyfile(FIXTURES / "ci" / name, tmp_path / "articles" / name)
    return tmp_path


def inputs_with(**given) -> dict:
    values = {k: v["default"] for k, v in ACTION["inputs"].items()}
    values.update({k.replace("_", "-"): v for k, v in given.items()})
    return values


def test_check_step_annotates_and_fails_on_a_broken_article(workspace):
    inputs = inputs_with(paths="clean.txt broken.txt", args="--no-baseline --select M,T",
                         working_directory="articles")
    done = run_step(step("Check"), inputs, workspace)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        l for l in done.stdout.splitlines() if l.startswith("::error file=broken.txt,line=")]
    assert len(done.stdout.splitlines()) == 2 and "title=M001" in done.stdout


def test_check_step_passes_on_a_clean_article_and_globs_are_not_expanded(workspace):
    done = run_step(step("Check"), inputs_with(paths="clean.txt", working_directory="articles"), workspace)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    done = run_step(step("Check"), inputs_with(paths="*.txt", working_directory="articles"), workspace)
    assert done.returncode == 2 and "*.txt" in done.stderr  # the literal name, not broken.txt


def test_sarif_step_writes_valid_sarif_and_never_fails_the_job(workspace):
    inputs = inputs_with(paths="broken.txt", working_directory="articles", sarif="true",
                         sarif_file="out.sarif")
    done = run_step(step("Write SARIF"), inputs, workspace)
    assert done.returncode == 0, done.stderr
    sarif = json.loads((workspace / fill(step("Upload SARIF")["with"]["sarif_file"], inputs)).read_text("utf-8"))
    assert schema_errors(sarif) == []
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"M001", "T002"}
