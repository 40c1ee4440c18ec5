"""What a file of a newer seasonparse is told, and `--statistics` beside a machine format (trial42)."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS

from seasonparse.frontend import parse_file
from seasonparse.jsonin import read_json
from seasonparse.jsonout import SCHEMA_ID, dumps, to_dict


@pytest.mark.parametrize("schema, says", [
    ("seasonparse/document/99", "written by a newer seasonparse (schema seasonparse/document/99)"),
    ("seasonparse/document/0", 'not a seasonparse document: schema "seasonparse/document/0" is none'),
    ("seasonparse/document/x", 'not a seasonparse document: schema "seasonparse/document/x" is none'),
])
def test_a_schema_this_version_does_not_read_is_named(tmp_path, schema, says):
    data = to_dict(parse_file(str(SEEDS[0])))
    data["schema"] = schema
    path = tmp_path / "a.json"
    path.write_text(dumps(data), "utf-8")
    (d,) = read_json(str(path), "a.json").diagnostics
    current = SCHEMA_ID.rpartition("/")[2]
    assert d.code == "P010" and says in d.message, d.message
    assert f"this seasonparse reads seasonparse/document/1 to /{current}" in d.message
    assert "const definition" not in d.message


def test_statistics_are_json_with_format_json_and_refused_with_the_others(run):
    code, out, err = run("check", SEEDS[0], "--no-cache", "--no-baseline", "--statistics", "--format", "json")
    rows = json.loads(out)
    assert rows and all(set(r) == {"code", "name", "count", "fixable"} for r in rows), out
    _, text, _ = run("check", SEEDS[0], "--no-cache", "--no-baseline", "--statistics")
    assert [(r["count"], r["code"]) for r in rows] == [
        (int(line.split("\t")[0]), line.split("\t")[1].strip()) for line in text.splitlines() if "\t" in line]
    for fmt in ("sarif", "github", "junit", "gitlab"):
        code, out, err = run("check", SEEDS[0], "--no-cache", "--no-baseline", "--statistics", "--format", fmt)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "--statistics" in err, err
