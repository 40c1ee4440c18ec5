"""Layers point one way: a module imports only from its own layer and the layers below.

Read from the source with ast (imports inside functions count too), so a
reversed dependency fails here even where it would not cycle at import time.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "parser"

LAYERS = (
    ("foundation", ("seasonparse", "seasonparse.records", "seasonparse.model", "seasonparse.names", "seasonparse.data",
                    "seasonparse.forkpool",
                    "seasonparse.grammars", "seasonparse.interrupt", "seasonparse.lazy_re",
                    "seasonparse.compiled_re", "seasonparse._compiled_patterns", "seasonparse.memo",
                    "seasonparse.wording", "seasonparse.suffixes")),
    ("shared vocabulary", ("seasonparse.lexicon", "seasonparse.tables", "seasonparse.findings", "seasonparse.seasons",
                           "seasonparse.comments")),
    ("reading and writing documents",
     ("seasonparse.frontend", "seasonparse.frontend.dump", "seasonparse.jsonout", "seasonparse.jsonin",
      "seasonparse._document_validator",
      "seasonparse.fallback")),
    ("football knowledge", ("seasonparse.football", "seasonparse.identity", "seasonparse.statements",
                            "seasonparse.tournaments", "seasonparse.corpus",
                            # reference readers: they sort matches into tournaments and legs
                            "seasonparse.reference", "seasonparse.frontend.rsssf", "seasonparse.frontend.rsssf_brackets",
                            "seasonparse.frontend.results_csv")),
    ("rules", ("seasonparse.rules",)),
    ("check pipeline", ("seasonparse.check", "seasonparse.suppress", "seasonparse.config",
                        "seasonparse.baseline", "seasonparse.report", "seasonparse.inputs",
                        "seasonparse.parallel", "seasonparse.reconcile", "seasonparse.reconcile_undated", "seasonparse.autofix",
                        "seasonparse.cache", "seasonparse.cache_index", "seasonparse._cache_converters",
                        "seasonparse.cross_memo", "seasonparse.reference_memo", "seasonparse.partition",
                        "seasonparse.compact",
                        "seasonparse.spill", "seasonparse.dask_engine",
                        "seasonparse.progress")),
    ("command line", ("seasonparse.cli", "seasonparse.cli_common", "seasonparse.parse_command",
                      "seasonparse.check_command", "seasonparse.rules_command", "seasonparse.__main__",
                      "seasonparse.lsp_server")),
)
"""Lowest first. `seasonparse` is the package's __init__ alone; any other name covers its
sub-modules. A module in no layer counts as the top one: it may import anything, and
nothing placed below may import it until it is placed here."""

TOP = len(LAYERS) - 1


def layer_of(module: str) -> int:
    best, level = "", TOP
    for n, (_, names) in enumerate(LAYERS):
        for name in names:
            covers = module == name or (name != "seasonparse" and module.startswith(name + "."))
            if covers and len(name) > len(best):
                best, level = name, n
    return level


def package_modules(root: Path = PACKAGE) -> dict[str, Path]:
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The package modules `module` imports (`from a import b` is a.b when b is a module)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: `from . import x` in a.b.c is a.b.x
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            out |= {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names}
    return {m for m in out if m == "seasonparse" or m.startswith("seasonparse.")}


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    return {m: imports_of(m, p, set(modules)) for m, p in modules.items()}


def violations(graph: dict[str, set[str]]) -> list[str]:
    out = []
    for module, deps in sorted(graph.items()):
        for dep in sorted(deps):
            if layer_of(dep) > layer_of(module):
                out.append(f"{module} ({LAYERS[layer_of(module)][0]}) imports {dep} "
                           f"({LAYERS[layer_of(dep)][0]})")
    return out


def test_layers_point_one_way():
    graph = import_graph()
    assert {"seasonparse.model", "seasonparse.findings", "seasonparse.rules.suppression"} <= set(graph)
    assert violations(graph) == [], "move the shared piece down a layer instead of importing up"


def test_the_model_and_the_rule_vocabulary_import_nothing_from_the_package():
    """But the vocabulary's wording of messages (a leaf itself: wording.short_quotes) and the
    records they are made of (a leaf too: records.Record)."""
    graph = import_graph()
    assert graph["seasonparse.records"] == set()
    assert graph["seasonparse.model"] == {"seasonparse.records"}
    assert graph["seasonparse.wording"] == set()
    assert graph["seasonparse.findings"] == {"seasonparse.wording", "seasonparse.records"}


def test_only_the_language_server_imports_pygls():
    """pygls is the optional extra seasonparse[lsp]: no other module may need it (or pay for it)."""
    users = set()
    for module, path in package_modules().items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.partition(".")[0] in ("pygls", "lsprotocol") for n in names):
                users.add(module)
    assert users == {"seasonparse.lsp_server"}


def test_a_reversed_import_is_caught():
    assert violations({"seasonparse.rules.ties": {"seasonparse.check"},
                       "seasonparse.corpus": {"seasonparse.rules.base"},
                       "seasonparse.model": {"seasonparse.names"},
                       "seasonparse.tables": {"seasonparse.new_module"}}) == [
        "seasonparse.corpus (football knowledge) imports seasonparse.rules.base (rules)",
        "seasonparse.rules.ties (rules) imports seasonparse.check (check pipeline)",
        "seasonparse.tables (shared vocabulary) imports seasonparse.new_module (command line)",
    ]


def test_imports_are_read_in_every_form(tmp_path):
    pkg = tmp_path / "seasonparse"
    (pkg / "rules").mkdir(parents=True)
    for name in ("__init__.py", "model.py", "check.py", "rules/__init__.py", "rules/ties.py"):
        (pkg / name).write_text("", "utf-8")
    (pkg / "rules" / "ties.py").write_text(
        "import seasonparse.model\nfrom seasonparse import check\nfrom . import base\n"
        "from ..model import X\n\ndef f():\n    from seasonparse.rules import ties\n", "utf-8")
    modules = package_modules(tmp_path)
    assert imports_of("seasonparse.rules.ties", modules["seasonparse.rules.ties"], set(modules)) == {
        "seasonparse.model", "seasonparse.check", "seasonparse.rules", "seasonparse.rules.ties"}
