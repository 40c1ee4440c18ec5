"""Reporters: findings in, text out. They only read findings; nothing is decided here.

One explicit table, format name -> render function (the small reporters are loaded together; junit and gitlab, which import
more, when asked for).
"""

from __future__ import annotations

from seasonparse.report import concise_format, github_format, json_format, sarif_format, text_format


def _junit(findings, lines_by_path, rules) -> str:
    from seasonparse.report import junit_format  # xml.etree: imported only for this format

    return junit_format.render(findings, lines_by_path, rules)


def _gitlab(findings, lines_by_path, rules) -> str:
    from seasonparse.report import gitlab_format  # the baseline's fingerprints

    return gitlab_format.render(findings, lines_by_path, rules)


REPORTERS = {
    "text": text_format.render,
    "concise": concise_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "junit": _junit,
    "gitlab": _gitlab,
}
FORMATS = tuple(REPORTERS)


def render(fmt: str, findings, lines_by_path, rules) -> str:
    return REPORTERS[fmt](findings, lines_by_path, rules)
