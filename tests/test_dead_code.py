"""No code the program never runs: every public function, class and method the package
defines is named by the package somewhere else (a call, an attribute, an import, a name in
data), not only by the tests or the README (review31: templates.table_openers/table_closers,
inputs.plan_outputs, identity.Clubs.linked_apart, autofix.fixes_for, which the language server
did not call). A definition registered by a decorator call (`@rule(...)`) is used by it."""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "parser" / "seasonparse"

# Named by no code of the package, with a reason each.
CALLED_FROM_OUTSIDE = {
    ("compact.py", "reducer_override"),  # pickle's hook: the Pickler calls it
    ("check.py", "internal_errors"),  # CheckRun's P000s as text: what the tests keep at none
    ("forkpool.py", "live_workers"),  # the pools' workers not yet waited for: the tests' probe of leaks
}


def test_every_definition_is_used_by_the_package():
    trees = {p: ast.parse(p.read_text("utf-8")) for p in PACKAGE.rglob("*.py")}
    used = set()
    for tree in trees.values():
        for n in ast.walk(tree):
            if isinstance(n, ast.Name):
                used.add(n.id)
            elif isinstance(n, ast.Attribute):
                used.add(n.attr)
            elif isinstance(n, ast.alias):
                used.add(n.name.rsplit(".", 1)[-1])
            elif isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.isidentifier():
                used.add(n.value)
    unused = []
    for path, tree in trees.items():
        if path.name.startswith("_") and path.name != "__init__.py":
            continue  # generated modules
        defs = list(tree.body) + [n for c in tree.body if isinstance(c, ast.ClassDef) for n in c.body]
        for n in defs:
            if (isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not n.name.startswith("_")
                    and not any(isinstance(d, ast.Call) for d in n.decorator_list) and n.name not in used
                    and (path.name, n.name) not in CALLED_FROM_OUTSIDE):
                unused.append(f"{path.relative_to(PACKAGE)}: {n.name}")
    assert unused == []
