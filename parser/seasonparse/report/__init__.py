"""Reporters: findings in, text out. They only read findings; nothing is decided here."""

from __future__ import annotations

FORMATS = ("text", "concise", "json", "sarif", "github")


def render(fmt: str, findings, lines_by_path, rules) -> str:
    from importlib import import_module

    return import_module(f"seasonparse.report.{fmt}_format").render(findings, lines_by_path, rules)
