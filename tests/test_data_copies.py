"""The data files' generated copies (parser/seasonparse/data/_NAME.py, scripts/gen_data.py)
are what their TOML files say: a run reads the copies, people edit the TOML."""

from __future__ import annotations

import hashlib
import importlib
import sys
import tomllib

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
try:
    from gen_data import DATA, NAMES, render
finally:
    sys.path.remove(str(ROOT / "scripts"))


@pytest.mark.parametrize("name", NAMES)
def test_the_copy_was_made_from_the_toml_file(name):
    raw = (DATA / f"{name}.toml").read_bytes()
    copy = importlib.import_module(f"seasonparse.data._{name}")
    assert copy.TOML_SHA256 == hashlib.sha256(raw).hexdigest(), (
        f"parser/seasonparse/data/_{name}.py is stale: run python scripts/gen_data.py")
    assert copy.DATA == tomllib.loads(raw.decode("utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_the_generator_writes_the_shipped_copy(name):
    assert render(name) == (DATA / f"_{name}.py").read_text("utf-8")


def test_every_data_file_has_a_copy():
    assert sorted(p.stem for p in DATA.glob("*.toml")) == sorted(NAMES)
