"""Reporters: findings in, text out. They only read findings; nothing is decided here.

One explicit table, format name -> render function (each reporter is a few
lines with no heavy import, so all are loaded together).
"""

from __future__ import annotations

from seasonparse.report import concise_format, github_format, json_format, sarif_format, text_format

REPORTERS = {
    "text": text_format.render,
    "concise": concise_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
}
FORMATS = tuple(REPORTERS)


def render(fmt: str, findings, lines_by_path, rules) -> str:
    return REPORTERS[fmt](findings, lines_by_path, rules)
