"""A rule cannot be half-added: every rule function in the package is in the registry."""

from __future__ import annotations

import importlib
import pkgutil
import types

import pytest

import seasonparse
from seasonparse.findings import PIPELINE, SCOPES, Rule, rule
from seasonparse.model import WARNING
from seasonparse.rules import GROUPS, registry


def package_modules() -> list[types.ModuleType]:
    """Every module of the installed package (`__main__` would run the CLI)."""
    names = [m.name for m in pkgutil.walk_packages(seasonparse.__path__, "seasonparse.")
             if not m.name.endswith(".__main__")]
    return [seasonparse, *(importlib.import_module(n) for n in sorted(names))]


def unregistered(modules, table) -> list[str]:
    """`module.function (CODE)` for each function with rule metadata that the registry lacks."""
    out = []
    for module in modules:
        for name, obj in vars(module).items():
            meta = getattr(obj, "rule", None)
            if getattr(obj, "__module__", None) != module.__name__ or not isinstance(meta, Rule):
                continue  # imported from elsewhere, or no rule
            if table.get(meta.code) is not meta:
                out.append(f"{module.__name__}.{name} ({meta.code})")
    return out


def test_every_rule_function_is_registered():
    modules = package_modules()
    assert "seasonparse.rules.suppression" in {m.__name__ for m in modules}
    assert unregistered(modules, registry()) == [], (
        "add the function to its module's RULES and the module to rules.registry")


def test_every_registered_rule_is_found_in_the_package():
    """The walk sees every rule the registry has, so an empty `unregistered` means something."""
    found = {getattr(obj, "rule", None) for m in package_modules() for obj in vars(m).values()}
    assert set(registry().values()) <= found


@pytest.mark.parametrize("code", ["M999", "M001"])  # a new code; the code of a registered rule
def test_an_unregistered_rule_function_is_caught(code):
    forgotten = types.ModuleType("seasonparse.rules.forgotten")

    @rule(code, "forgotten-rule", WARNING)
    def forgotten_rule(doc, settings, report):
        """Defined in a rule module, listed nowhere."""
        return iter(())

    forgotten_rule.__module__ = forgotten.__name__
    forgotten.forgotten_rule = forgotten_rule
    assert unregistered([forgotten], registry()) == [f"seasonparse.rules.forgotten.forgotten_rule ({code})"]


def test_every_rule_has_a_known_scope_and_code_group():
    for code, r in registry().items():
        assert r.scope in SCOPES and code[0] in GROUPS and len(code) == 4, code


def test_rule_refuses_an_unknown_scope():
    with pytest.raises(ValueError, match="everywhere"):
        rule("M998", "nowhere", WARNING, scope="everywhere")


def test_the_pipeline_runs_pipeline_rules_from_the_registry(monkeypatch):
    """check.finish asks the registry for pipeline-scope rules, it does not name N001."""
    from seasonparse import check
    from seasonparse.config import Config
    from seasonparse.frontend import parse_text

    @rule("N002", "left-over-suppression", "info", scope=PIPELINE)
    def left_over(outcome, settings, report):
        """Each suppression comment left over: shows that the pipeline ran this rule too."""
        for path, d in outcome:
            yield report("left over", d.line, path=path)

    table = dict(registry())
    table["N002"] = left_over.rule
    monkeypatch.setattr("seasonparse.rules.registry", lambda: table)
    doc = parse_text("= 2011–12 Club season =\n<!-- seasonparse: disable-line M001 -->\n", "a.txt")
    found = check.run([doc], table, {"N001", "N002"}, Config()).findings
    assert [(f.code, f.line) for f in found] == [("N001", 2), ("N002", 2)]
    found = check.run([doc], table, {"N002"}, Config()).findings
    assert [f.code for f in found] == ["N002"]
