"""Reporters: findings in, text out. They only read findings; nothing is decided here.

One explicit table, format name -> the module whose `render` writes it. A run imports
only the module of the format it asks for (json, xml.etree, the baseline's
fingerprints: each format's own imports are not paid by the others).
"""

from __future__ import annotations

from importlib import import_module

MODULES = {
    "text": "text_format",
    "concise": "concise_format",
    "json": "json_format",
    "sarif": "sarif_format",
    "github": "github_format",
    "junit": "junit_format",
    "gitlab": "gitlab_format",
}
FORMATS = tuple(MODULES)


# Formats that say pass or fail per finding (a JUnit test case) follow `--fail-on`, as the exit code does.
PASS_OR_FAIL = {"junit"}


def render(fmt: str, findings, lines_by_path, rules, fail_on: str = "error") -> str:
    module = import_module(f"seasonparse.report.{MODULES[fmt]}")
    if fmt in PASS_OR_FAIL:
        return module.render(findings, lines_by_path, rules, fail_on=fail_on)
    return module.render(findings, lines_by_path, rules)
