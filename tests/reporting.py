"""The check pipeline run in-process for the reporter tests and their golden files."""

from __future__ import annotations

import contextlib
import os
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def in_folder(folder: Path):
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(cwd)


def check_run(*paths: str, config=None):
    """All rules over `paths` (relative to the working folder), no baseline: a CheckRun."""
    from seasonparse.check import run, selected_codes
    from seasonparse.cli_common import gather
    from seasonparse.config import load as load_config
    from seasonparse.rules import registry

    rules = registry()
    config = config or load_config(None, set(rules))
    inputs = gather(list(paths), "*.txt").inputs
    return run(inputs, rules, selected_codes(rules, ["ALL"], [], []), config), rules


def rendered(module: str, *paths: str) -> str:
    """`seasonparse.report.<module>.render` over `paths`, run from the repository root."""
    with in_folder(ROOT):
        result, rules = check_run(*paths)
        return import_module(f"seasonparse.report.{module}").render(
            result.findings, result.lines_by_path, rules)


CI_FIXTURES = ("tests/fixtures/ci/clean.txt", "tests/fixtures/ci/broken.txt")

# name -> (reporter module, inputs) kept in tests/golden/<name>
RENDERED = {
    "report.junit": ("junit_format", CI_FIXTURES),
    "report.gitlab": ("gitlab_format", CI_FIXTURES),
}
