"""The schema is the contract: outputs validate, broken documents are rejected,
and the compiled validator stays in sync with the schema file."""

from __future__ import annotations

import copy
import json
import pkgutil
import subprocess
import sys

import jsonschema
import pytest
from conftest import ROOT, SEEDS

from seasonparse.frontend import parse_file
from seasonparse.jsonout import schema_error, to_dict


def schema() -> dict:
    """The document schema as the installed package ships it (the reference validator's)."""
    return json.loads(pkgutil.get_data("seasonparse.schemas", "document.schema.json"))


@pytest.fixture(scope="module")
def seed_json():
    return to_dict(parse_file(str(SEEDS[0])))


def _reference_errors(data):
    return list(jsonschema.Draft7Validator(schema()).iter_errors(data))


def test_schema_is_a_valid_schema():
    jsonschema.Draft7Validator.check_schema(schema())


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_output_validates(seed):
    data = to_dict(parse_file(str(seed)))
    assert _reference_errors(data) == []
    assert schema_error(data) is None


@pytest.mark.parametrize("breakage", [
    ("wrong type", lambda d: d["matches"][0]["score"].__setitem__("home", "one")),
    ("missing field", lambda d: d["matches"][0].pop("home")),
    ("unknown side", lambda d: d["matches"][0]["events"][0].__setitem__("side", "middle")),
    ("bad date", lambda d: d["matches"][0].__setitem__("date", "July 29")),
    ("extra field", lambda d: d.__setitem__("surprise", 1)),
    ("missing top-level", lambda d: d.pop("diagnostics")),
], ids=lambda b: b[0])
def test_schema_rejects(seed_json, breakage):
    data = copy.deepcopy(seed_json)
    breakage[1](data)
    assert _reference_errors(data), "jsonschema accepted a broken document"
    assert schema_error(data), "the compiled validator accepted a broken document"


def test_compiled_validator_was_compiled_from_this_schema():
    """Whatever fastjsonschema is installed: the module records the schema's sha256."""
    import hashlib

    from seasonparse import _document_validator

    schema_bytes = (ROOT / "schemas" / "document.schema.json").read_bytes()
    assert _document_validator.SCHEMA_SHA256 == hashlib.sha256(schema_bytes).hexdigest(), (
        "the validator is stale: run python scripts/gen_validator.py")


def test_compiled_validator_is_in_sync_with_the_schema():
    import fastjsonschema

    from seasonparse import _document_validator

    if fastjsonschema.VERSION != _document_validator.FASTJSONSCHEMA_VERSION:
        pytest.skip("fastjsonschema version differs from the one that generated the module")
    script = ROOT / "scripts" / "gen_validator.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_json_findings_validate_against_the_findings_schema(run):
    """`check --format json` is what schemas/findings.schema.json says (report/json_format.py
    cites it; review31: it never existed), on the seeds and a wikitext article, related
    locations and ranges among them; and the schema holds the format to its keys."""
    findings_schema = json.loads(pkgutil.get_data("seasonparse.schemas", "findings.schema.json"))
    jsonschema.Draft202012Validator.check_schema(findings_schema)
    validator = jsonschema.Draft202012Validator(findings_schema)
    article = ROOT / "tests" / "fixtures" / "wikitext" / "handmade" / "boxes.wikitext"
    code, out, err = run("check", *SEEDS, article, "--no-baseline", "--exit-zero", "--format", "json")
    found = json.loads(out)
    assert code == 0, err
    assert {f["path"] for f in found} >= {str(article)} and any(f["related"] for f in found)
    assert list(validator.iter_errors(found)) == []
    broken = copy.deepcopy(found)
    broken[0]["line"], broken[-1]["extra"] = 0, 1
    assert len(list(validator.iter_errors(broken))) == 2
