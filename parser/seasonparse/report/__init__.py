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


def render(fmt: str, findings, lines_by_path, rules) -> str:
    return import_module(f"seasonparse.report.{MODULES[fmt]}").render(findings, lines_by_path, rules)
