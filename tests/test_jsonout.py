"""The JSON text, compact or indented by 2 (check's report): orjson writes it, and it must be the
standard library's bytes."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from seasonparse.frontend import parse_file
from seasonparse.jsonout import dumps, stdlib_dumps, to_dict


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_fast_encoder_writes_the_reference_bytes(seed, indent):
    data = to_dict(parse_file(str(seed)))
    assert dumps(data, indent) == stdlib_dumps(data, indent)


@pytest.mark.parametrize("value", [2**70, -(2**64), "lone \udcff surrogate", "ctl \x01\x1f\x7f \u2028 é ☃ 🎉"])
@pytest.mark.parametrize("indent", [None, 2])
def test_what_orjson_refuses_or_escapes_matches_the_standard_library(value, indent):
    data = {"a": [value, {"b": None, "c": True, "d": [], "e": {}}]}
    assert dumps(data, indent) == stdlib_dumps(data, indent)
