"""What a check's start-up leaves out (bench/bench_startup.py counts what it costs):
modules and regular expressions that a plain check of a text article does not need."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import SEEDS

from seasonparse.lazy_re import compile_lazily

CHECK_ONE_SEED = """
import sys
from seasonparse.cli import main
try:
    main(["check", "--no-baseline", "--no-cache", "--exit-zero", sys.argv[1]])
except SystemExit:
    pass
modules = sorted(sys.modules)
import json
from seasonparse import comments
from seasonparse.frontend import lines
print(json.dumps({"modules": modules,
                  "uncompiled": [name for name, p in [("comments._DIRECTIVE", comments._DIRECTIVE),
                                                      ("lines._SHOOTOUT_NOTE", lines._SHOOTOUT_NOTE)]
                                 if set(vars(p)) == {"_args"}]}), file=sys.__stderr__)
"""


def _check_one_seed(tmp_path) -> dict:
    seed = SEEDS[0]
    assert "<!--" not in seed.read_text("utf-8")  # no suppression comment
    proc = subprocess.run([sys.executable, "-c", CHECK_ONE_SEED, str(seed)], capture_output=True, text=True,
                          cwd=tmp_path, check=True)
    return json.loads(proc.stderr.strip().splitlines()[-1])


def test_a_check_imports_no_dataclasses_json_or_tempfile(tmp_path):
    """dataclasses imports inspect, ast, dis and tokenize (~27M instructions); json is
    for other report formats and the baseline, tempfile for the dask engine."""
    modules = set(_check_one_seed(tmp_path)["modules"])
    assert "seasonparse.check" in modules  # the check ran
    assert not modules & {"dataclasses", "inspect", "json", "tempfile"}


def test_a_small_check_in_one_process_imports_no_packing(tmp_path):
    """The documents of a few inputs are held as they are (check.packs_documents)."""
    modules = set(_check_one_seed(tmp_path)["modules"])
    assert "seasonparse.check" in modules
    assert not modules & {"pickle", "seasonparse.compact", "seasonparse.partition"}


def test_a_check_with_no_configuration_file_imports_no_tomllib(tmp_path):
    modules = set(_check_one_seed(tmp_path)["modules"])  # tmp_path and its parents hold no configuration
    assert "seasonparse.config" in modules and "tomllib" not in modules


def test_a_check_leaves_the_patterns_it_never_used_uncompiled(tmp_path):
    assert _check_one_seed(tmp_path)["uncompiled"] == ["comments._DIRECTIVE", "lines._SHOOTOUT_NOTE"]


def test_a_lazy_pattern_compiles_on_first_use_and_behaves_as_the_pattern():
    text = "3-1 on aggregate, 4 – 2 on aggregate"
    lazy, compiled = compile_lazily(r"(\d+)\s*[-–]\s*(\d+)", re.I), re.compile(r"(\d+)\s*[-–]\s*(\d+)", re.I)
    assert set(vars(lazy)) == {"_args"}
    assert [m.groups() for m in lazy.finditer(text)] == [m.groups() for m in compiled.finditer(text)]
    assert lazy.sub("x", text) == compiled.sub("x", text)
    assert lazy.search("no score") is None and lazy.pattern == compiled.pattern and lazy.flags == compiled.flags
    assert {"finditer", "sub", "search"} <= set(vars(lazy))  # kept: later calls skip __getattr__


FREEZE_COUNT = """
import gc, sys
from seasonparse.cli import main
sys.argv = ["seasonparse", "rules"]
main(["rules"])
print(gc.get_freeze_count(), file=sys.__stderr__, flush=True)
main()
print("main returned", file=sys.__stderr__)
"""


def test_the_program_leaves_its_objects_to_the_exit_and_embedded_use_does_not(tmp_path):
    """`seasonparse` as a program ends the process as it finishes (interrupt.leave: no object the
    run built is freed or walked for cycles); main(argv) in a host process returns and leaves the
    host's collector as it was."""
    proc = subprocess.run([sys.executable, "-c", FREEZE_COUNT], capture_output=True, text=True, cwd=tmp_path,
                          check=True)
    assert proc.stderr.split() == ["0"]
    assert "A001" in proc.stdout  # the program's output, whole
