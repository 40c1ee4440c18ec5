"""A hand-edited JSON input that fits the schema but no document (a date that is no day,
a line below 1, an integer no reader keeps exact) is that file's P010, and the rest of
the run is as it would be without it."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory):
    from seasonparse.cli import main

    out = tmp_path_factory.mktemp("json")
    assert main([*map(str, SEEDS), "--out", str(out), "-q"]) == 0
    return {p.name: json.loads(p.read_text("utf-8")) for p in sorted(out.glob("*.json"))}


def _set(path: str, value):
    def edit(data):
        *keys, last = path.split("/")
        for key in keys:
            data = data[int(key) if key.isdigit() else key]
        data[int(last) if last.isdigit() else last] = value
    return edit


EDITS = {
    "february 30": _set("matches/0/date", "2011-02-30"),
    "month 13": _set("matches/0/date", "2011-13-01"),
    "year 0": _set("matches/0/date", "0000-01-01"),
    "title line -3": _set("title_line", -3),
    "diagnostic ends on line -4": _set("diagnostics/0/end_line", -4),
    "diagnostic ends in column 0": _set("diagnostics/0/end_column", 0),
    "huge score": _set("matches/0/score/home", 10**30),
    "huge line": _set("matches/0/line", 2**53),
    "huge minute": _set("matches/0/events/0/minute", 10**30),
    "no date for a day's text": _set("matches/0/date", None),
}


def _findings(run, folder):
    code, out, err = run("check", folder, "--glob", "*.json", "--no-baseline", "--no-cache",
                         "--format", "json", "--exit-zero")
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_a_document_the_model_cannot_hold_is_its_own_p010(run, seed_json, tmp_path, edit):
    edited = sorted(seed_json)[-1]
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    for name, data in seed_json.items():
        if name == edited:
            data = json.loads(json.dumps(data))
            EDITS[edit](data)
            (bad / name).write_text(json.dumps(data), "utf-8")
        else:
            (good / name).write_text(json.dumps(data), "utf-8")
            (bad / name).write_text(json.dumps(data), "utf-8")
    found = _findings(run, bad)
    assert [f["code"] for f in found if f["code"].startswith("P0")] == ["P010"], found
    p010 = next(f for f in found if f["code"] == "P010")
    assert p010["path"] == str(bad / edited) and p010["line"] >= 1
    rest = [{**f, "path": f["path"].replace(str(bad), str(good))} for f in found if f is not p010]
    assert rest == _findings(run, good)


def test_a_null_date_beside_a_day_says_so(run, seed_json, tmp_path):
    """`date: null` where the match's `date_text` is a calendar day is what is wrong, said
    as such: not a D001 claiming the text is no day."""
    name = sorted(seed_json)[-1]
    data = json.loads(json.dumps(seed_json[name]))
    text = data["matches"][0]["date_text"]
    data["matches"][0]["date"] = None
    (tmp_path / name).write_text(json.dumps(data), "utf-8")
    found = _findings(run, tmp_path)
    assert [f["code"] for f in found] == ["P010"], found
    assert (f"matches/0/date: null, but its date_text `{text}` is the day 2011-11-23"
            in found[0]["message"]), found


def test_a_null_date_beside_a_short_month_day_in_a_wikitext_json(run, seed_json, tmp_path):
    """A wikitext document's `12 Aug 2023` is a day its reader writes (fixes46); a JSON of one whose date is
    null beside it is stale or edited, said as the text format's is. A text document's is not read so."""
    name = sorted(seed_json)[-1]
    data = json.loads(json.dumps(seed_json[name]))
    data["matches"][0]["date"], data["matches"][0]["date_text"] = None, "12 Aug 2023"
    for fmt, said in (("wikitext", True), ("text", False)):
        data["source"]["format"] = fmt
        (tmp_path / name).write_text(json.dumps(data), "utf-8")
        found = [f for f in _findings(run, tmp_path) if f["code"] == "P010"]
        assert bool(found) == said and (not said or "is the day 2023-08-12" in found[0]["message"]), (fmt, found)
