"""SARIF output that tools accept: valid against the official SARIF 2.1.0 schema, with
`uri` and `uri-reference` formats checked, and every location resolving to its file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import FIXTURES, ROOT, SEEDS
from jsonschema import Draft4Validator, FormatChecker

SCHEMA = json.loads((Path(__file__).parent / "vendor" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
VALIDATOR = Draft4Validator(SCHEMA, format_checker=FormatChecker())
SMALL = FIXTURES / "check" / "small.txt"


def schema_errors(sarif: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(sarif)]


def sarif_of(run, *args) -> dict:
    code, out, err = run("check", "--format", "sarif", "--no-baseline", *args)
    assert code in (0, 1), err
    return json.loads(out)


def locations(sarif: dict):
    for run_ in sarif["runs"]:
        for result in run_["results"]:
            for loc in result["locations"] + result.get("relatedLocations", []):
                yield run_, loc["physicalLocation"]["artifactLocation"]


def resolved(run_: dict, artifact: dict) -> Path:
    """The file an artifactLocation names, resolved as a SARIF consumer would."""
    uri = artifact["uri"]
    if "uriBaseId" in artifact:
        uri = urljoin(run_["originalUriBaseIds"][artifact["uriBaseId"]]["uri"], uri)
    parts = urlsplit(uri)
    assert parts.scheme == "file" and not parts.query and not parts.fragment, uri
    return Path(unquote(parts.path))


def test_the_schema_is_the_official_one_and_formats_are_checked():
    Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert {"uri", "uri-reference"} <= set(FormatChecker().checkers), (
        "uri formats are not checked: install the test extra (rfc3986-validator)")


def test_an_unencoded_uri_fails_validation():
    sarif = json.loads((ROOT / "tests" / "golden" / "report.sarif").read_text("utf-8"))
    assert schema_errors(sarif) == []
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    location["uri"] = "ä#1.txt"
    assert any("uri-reference" in e for e in schema_errors(sarif))
    location["uri"] = "%C3%A4%231.txt"
    assert schema_errors(sarif) == []


def test_a_file_name_that_needs_encoding(run, tmp_path, monkeypatch):
    name = "ä #1%?.txt"
    shutil.copy(SMALL, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    sarif = sarif_of(run, name)
    assert schema_errors(sarif) == []
    found = list(locations(sarif))
    assert found and all(a == {"uri": "%C3%A4%20%231%25%3F.txt", "uriBaseId": "%SRCROOT%"} for _, a in found)
    assert all(resolved(r, a) == tmp_path.resolve() / name for r, a in found)


@pytest.mark.parametrize("where", ["root", "sub-folder", "absolute", "outside"])
def test_seeds_from_anywhere_are_valid_and_resolve_to_their_files(run, tmp_path, monkeypatch, where):
    """Related locations in other files included (the seeds' corpus findings)."""
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    for seed in SEEDS:
        shutil.copy(seed, project / "seeds" / seed.name)
    cwd, target = {"root": (project, "seeds"), "sub-folder": (project / "seeds", "."),
                   "absolute": (project, project / "seeds"), "outside": (tmp_path / "elsewhere", project / "seeds")}[where]
    monkeypatch.chdir(cwd)
    sarif = sarif_of(run, target)
    assert schema_errors(sarif) == []
    found = list(locations(sarif))
    assert {resolved(r, a) for r, a in found} == {(project / "seeds" / s.name).resolve() for s in SEEDS}
    relative = {"uriBaseId" in a and not a["uri"].startswith(("/", "file:")) for _, a in found}
    assert relative == {where != "outside"}
