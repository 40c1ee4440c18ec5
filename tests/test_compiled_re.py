"""Patterns shipped compiled (seasonparse.compiled_re, scripts/gen_compiled_patterns.py): each
is what `re` compiles and matches as it does, the shipped module is what the generator
makes, and a check of the seeds then compiles no pattern at all."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, SEEDS

from seasonparse import _compiled_patterns as shipped
from seasonparse import compiled_re

sys.path.insert(0, str(ROOT / "scripts"))
try:
    from gen_compiled_patterns import MODULE, render
finally:
    sys.path.remove(str(ROOT / "scripts"))

on_their_interpreter = pytest.mark.skipif(
    shipped.RUNTIME != compiled_re.runtime(), reason="compiled by another interpreter: none are installed here")


def _sample_lines() -> list[str]:
    texts = [s.read_text("utf-8") for s in SEEDS]
    texts.append((FIXTURES / "wikitext" / "2004–05_Serie_A.wikitext").read_text("utf-8")[:40000])
    texts.append((FIXTURES / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt").read_text("utf-8")[:20000])
    return [line for text in texts for line in text.splitlines()]


SAMPLE = _sample_lines()


@on_their_interpreter
def test_the_generator_writes_the_shipped_module():
    assert render() == MODULE.read_text("utf-8"), (
        "parser/seasonparse/_compiled_patterns.py is stale: run python scripts/gen_compiled_patterns.py")


@on_their_interpreter
@pytest.mark.parametrize("entry", shipped.PATTERNS, ids=[f"pattern{n}" for n in range(len(shipped.PATTERNS))])
def test_a_shipped_pattern_is_what_re_compiles(entry):
    pattern, flags, *compiled = entry
    mine, theirs = compiled_re.from_entry(pattern, *compiled), re._compiler.compile(pattern, flags)
    assert mine == theirs  # a Pattern equals another of the same pattern, flags and code
    assert (mine.pattern, mine.flags, mine.groups, dict(mine.groupindex)) == \
        (theirs.pattern, theirs.flags, theirs.groups, dict(theirs.groupindex))
    lines = SAMPLE if isinstance(pattern, str) else [line.encode("utf-8") for line in SAMPLE]

    def found(p):
        return [(m.span(), m.groups()) for m in map(p.search, lines) if m]

    assert found(mine) == found(theirs)


INSTALLED = """
import json, sys
from re import _compiler
compiled = []
compile_in_python = _compiler.compile
_compiler.compile = lambda pattern, flags: compiled.append(pattern) or compile_in_python(pattern, flags)
import re
import seasonparse
from seasonparse._compiled_patterns import PATTERNS
served = sum(re.compile(p, f) is re._cache[type(p), p, f] for p, f, *_ in PATTERNS)
from seasonparse.cli import main
try:
    main(["check", "--no-baseline", "--no-cache", "--exit-zero", *sys.argv[1:]])
except SystemExit:
    pass
print(json.dumps({"served": served, "compiled": compiled}), file=sys.__stderr__)
"""


@on_their_interpreter
def test_a_check_of_the_seeds_compiles_no_pattern(tmp_path):
    """Every shipped pattern is in re's cache from `import seasonparse` on, and a check
    of the seeds finds each pattern it uses there."""
    proc = subprocess.run([sys.executable, "-c", INSTALLED, *map(str, SEEDS)], capture_output=True, text=True,
                          cwd=tmp_path, check=True)
    found = json.loads(proc.stderr.strip().splitlines()[-1])
    assert found == {"served": len(shipped.PATTERNS), "compiled": []}


def test_another_interpreter_gets_no_shipped_pattern(monkeypatch):
    monkeypatch.setattr(shipped, "RUNTIME", ("cpython-399", (3, 99, 0), 0, 4, "little"))
    before = dict(re._cache)
    assert compiled_re.install() == 0
    assert re._cache == before
