"""MediaWiki XML dumps as input: which pages, how they are named, and broken dumps.

tests/fixtures/dump/pages.xml holds seven pages: the season article kept (the
handmade Liguilla), its talk page (namespace 1), a redirect, a club article and
a prose page without football templates, a season page with two revisions and
`:` and `/` in its title, and a page whose content model is JSON.
"""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest

from conftest import FIXTURES
from seasonparse.frontend import dump

PAGES = FIXTURES / "dump" / "pages.xml"
HANDMADE = FIXTURES / "wikitext" / "handmade"
KEPT = ["2011 Liga de Ascenso Apertura Liguilla", "2010 Cup: boxes/replays"]


def pages_of(path: Path):
    with dump.open_dump(str(path)) as stream:
        return list(dump.read_pages(stream))


def test_every_page_is_read_with_its_namespace_redirect_and_last_revision():
    pages = pages_of(PAGES)
    assert [(p.title, p.namespace, p.revision, p.redirect) for p in pages] == [
        ("2011 Liga de Ascenso Apertura Liguilla", 0, 1001, False),
        ("Talk:2011 Liga de Ascenso Apertura Liguilla", 1, 1002, False),
        ("2011 Liguilla", 0, 1003, True),
        ("Arsenal F.C.", 0, 1004, False),
        ("1999 Cup final", 0, 1005, False),
        ("2010 Cup: boxes/replays", 0, 2002, False),
        ("2010 Cup data", 0, 1006, False),
    ]
    # the text is the page's last revision, unescaped
    assert pages[5].text == (HANDMADE / "boxes.wikitext").read_text("utf-8")
    assert pages[0].text == (HANDMADE / "2011_Liga_de_Ascenso_Apertura_Liguilla.wikitext").read_text("utf-8")


def test_the_default_selection_keeps_season_articles_only():
    kept = [p.title for p in pages_of(PAGES) if dump.default_selection().keeps(p)]
    assert kept == KEPT


def test_the_selection_is_configurable():
    pages = pages_of(PAGES)
    anything = dump.Selection.from_table({"titles": ["."], "match": "any"})
    assert [p.title for p in pages if anything.keeps(p)] == [  # still no talk page, redirect, JSON
        "2011 Liga de Ascenso Apertura Liguilla", "Arsenal F.C.", "1999 Cup final", KEPT[1]]
    clubs = dump.Selection.from_table({"titles": [r"F\.C\."], "templates": []})
    assert [p.title for p in pages if clubs.keeps(p)] == []  # "all": a title and a template
    by_template = dump.Selection.from_table({"titles": [], "templates": ["Sports table"], "match": "any"})
    assert [p.title for p in pages if by_template.keeps(p)] == []  # a module is `#invoke:Sports table`
    by_module = by_template._replace(templates=dump.Selection.from_table(
        {"templates": ["#invoke:sports table"]}).templates)
    assert [p.title for p in pages if by_module.keeps(p)] == [KEPT[0]]
    for bad in ({"titles": ["("]}, {"match": "some"}, {"templates": "Football box"}, {"pages": []}):
        with pytest.raises(ValueError):
            dump.Selection.from_table(bad)


@pytest.mark.parametrize("name", ["pages.xml", "pages.xml.bz2", "multistream.xml.bz2", "pages.xml.gz"])
def test_check_reads_a_dump_plain_compressed_and_multistream(run, tmp_path, monkeypatch, name):
    data = PAGES.read_bytes()
    target = tmp_path / name
    if name == "pages.xml":
        target.write_bytes(data)
    elif name == "pages.xml.bz2":
        target.write_bytes(bz2.compress(data))
    elif name == "pages.xml.gz":
        target.write_bytes(gzip.compress(data))
    else:  # multistream: the header and each page in a bz2 stream of its own, concatenated
        cuts = [0, *[i for i in range(len(data)) if data.startswith(b"  <page>", i)], len(data)]
        target.write_bytes(b"".join(bz2.compress(data[a:b]) for a, b in zip(cuts, cuts[1:])))
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", "--no-baseline", "--format", "json", name)
    found = json.loads(out)
    assert {f["path"] for f in found} == {f"{name}:{KEPT[0]}@1001", f"{name}:{KEPT[1]}@2002"}
    assert code == 1 and "Traceback" not in err


def test_findings_on_a_page_are_where_they_are_in_the_article(run, tmp_path, monkeypatch):
    """The page's findings, located line:col inside the page, are the article file's own."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages.xml").write_bytes(PAGES.read_bytes())
    article = tmp_path / "2011_Liga_de_Ascenso_Apertura_Liguilla.wikitext"
    article.write_text((HANDMADE / article.name).read_text("utf-8"), "utf-8")
    _, out, _ = run("check", "--no-baseline", "--format", "json", "pages.xml")
    from_dump = [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(out)
                 if f["path"] == f"pages.xml:{KEPT[0]}@1001"]
    _, out, _ = run("check", "--no-baseline", "--format", "json", article.name)
    from_file = [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(out)]
    assert from_dump and from_dump == from_file
    _, text, _ = run("check", "--no-baseline", "pages.xml")
    assert f"pages.xml:{KEPT[0]}@1001:{from_file[0][1]}:{from_file[0][2]}: {from_file[0][0]}" in text


def test_one_worker_or_two_give_the_same_report(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages.xml").write_bytes(PAGES.read_bytes())
    reports = [run("check", "--no-baseline", "--format", "json", "--jobs", jobs, "pages.xml")[1]
               for jobs in ("1", "2")]
    assert reports[0] == reports[1] and json.loads(reports[0])


def test_a_dump_is_checked_past_the_cache_and_its_memo(run, tmp_path, monkeypatch):
    """A dump's pages are no files the cache can key: they are parsed every run, and the
    cross-document memo, which would digest every page, writes nothing either."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages.xml").write_bytes(PAGES.read_bytes())
    cached = run("check", "--no-baseline", "--format", "json", "--cache-dir", "cache", "pages.xml")[1]
    assert not [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file() and p.name.startswith("x-")]
    assert cached == run("check", "--no-baseline", "--format", "json", "--no-cache", "pages.xml")[1]


def test_a_page_display_splits_back():
    shown = dump.page_display("dumps/x.xml.bz2", "A: b/c@d", 42)
    assert shown == "dumps/x.xml.bz2:A: b/c@d@42"
    assert dump.split_display(shown) == ("dumps/x.xml.bz2", "A: b/c@d", "42")
    assert dump.split_display("seeds/a.txt") is None
    assert dump.split_display("d.xml.gz:Gz: x.xml:y@7") == ("d.xml.gz", "Gz: x.xml:y", "7")
    assert dump.dump_stem("enwiki.XML.gz") == "enwiki"


def test_the_baseline_keeps_a_page_across_revisions(run, tmp_path, monkeypatch):
    """A fingerprint names the dump and the title, not the revision an edit moves."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages.xml").write_bytes(PAGES.read_bytes())
    assert run("check", "--write-baseline", "base.json", "pages.xml")[0] == 0
    entries = json.loads((tmp_path / "base.json").read_text("utf-8"))["findings"]
    assert entries and {e["path"] for e in entries} == {f"pages.xml:{t}" for t in KEPT}
    edited = PAGES.read_text("utf-8").replace("<id>1001</id>", "<id>5001</id>")
    (tmp_path / "pages.xml").write_text(edited, "utf-8")
    code, out, _ = run("check", "--baseline", "base.json", "--format", "json", "pages.xml")
    assert (code, json.loads(out)) == (0, [])


def test_safe_names():
    assert dump.safe_name("2004–05 Serie A") == "2004–05 Serie A"
    for title in ("AC/DC season", "a\\b", "x:y", "tab\there", "../up", ".hidden", "q?*<>|\"", "\x7f"):
        name = dump.safe_name(title)
        assert not set(name) & set('/\\:*?"<>|') and name.isprintable() and not name.startswith(".")
        assert name != dump.safe_name(title + " ")  # the hash tells them apart
    long = dump.safe_name("L" * 1000)
    assert len(long) <= dump.MAX_NAME + 11 and long != dump.safe_name("L" * 999)
    names = dump.Names()
    page = dump.Page("FC Foo season", 0, 7, False, None, "")
    assert [names.name(page), names.name(page._replace(title="FC foo season")),
            names.name(page._replace(title="FC FOO season", revision=7))] == [
        "FC Foo season", "FC foo season~7", "FC FOO season~3"]


def test_out_writes_one_json_per_page_with_safe_names(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "en.xml.bz2").write_bytes(bz2.compress(PAGES.read_bytes()))
    code, _, err = run("en.xml.bz2", "--out", "json")
    assert "Traceback" not in err
    written = sorted(p.relative_to(tmp_path / "json").as_posix() for p in (tmp_path / "json").rglob("*"))
    odd = dump.safe_name(KEPT[1])
    assert odd.startswith("2010 Cup_ boxes_replays~")
    assert written == sorted(["en", f"en/{KEPT[0]}.json", f"en/{odd}.json"])
    data = json.loads((tmp_path / "json" / "en" / f"{KEPT[0]}.json").read_text("utf-8"))
    assert data["source"]["path"] == f"en.xml.bz2:{KEPT[0]}@1001"
    assert data["source"]["format"] == "wikitext"
    assert data["title"] == KEPT[0]  # the page's title, not one made of its name
    odd_data = json.loads((tmp_path / "json" / "en" / f"{odd}.json").read_text("utf-8"))
    assert odd_data["title"] == KEPT[1]
    # and check reads them back to the same findings as the dump
    out_json = run("check", "--no-baseline", "--format", "json", "--glob", "*.json", "json")[1]
    out_dump = run("check", "--no-baseline", "--format", "json", "en.xml.bz2")[1]
    # (a page's JSON comes without its source lines, and the dump is not read again for
    # them: X007 and X009, which point into the line, point at its column 1 there)
    pointing = {"X007", "X009"}
    from_dump = json.loads(out_dump)
    assert any(f["code"] in pointing and f["column"] > 1 for f in from_dump)
    assert json.loads(out_json) == [_at_column_1(f) if f["code"] in pointing else f for f in from_dump]


def _at_column_1(finding: dict) -> dict:
    return {**finding, "column": 1, "related": [{**r, "column": 1} for r in finding["related"]]}


def _truncated_xml(tmp_path) -> tuple[Path, int]:
    data = PAGES.read_bytes()
    cut = data.index(b"<title>2010 Cup") + 200  # inside the page with two revisions
    path = tmp_path / "cut.xml"
    path.write_bytes(data[:cut])
    return path, data[:cut].count(b"\n") + 1


def test_a_truncated_dump_is_a_diagnostic_at_its_end_and_the_pages_before_are_checked(
        run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path, last_line = _truncated_xml(tmp_path)
    code, out, err = run("check", "--no-baseline", "--format", "json", path.name)
    found = json.loads(out)
    broken = [f for f in found if f["path"] == "cut.xml"]
    assert [(f["code"], f["line"]) for f in broken] == [("P005", last_line)]
    assert "not well-formed" in broken[0]["message"]
    assert any(f["path"] == f"cut.xml:{KEPT[0]}@1001" for f in found)
    assert code == 1 and "Traceback" not in err


def test_broken_xml_inside_the_dump_is_located(tmp_path):
    text = PAGES.read_text("utf-8").replace("<title>Arsenal F.C.</title>", "<title>Arsenal F.C.</titel>")
    line = text[:text.index("</titel>")].count("\n") + 1
    path = tmp_path / "bad.xml"
    path.write_text(text, "utf-8")
    pages = pages_of(path)
    assert [p.title for p in pages[:-1]] == [
        "2011 Liga de Ascenso Apertura Liguilla", "Talk:2011 Liga de Ascenso Apertura Liguilla", "2011 Liguilla"]
    assert isinstance(pages[-1], dump.Broken) and pages[-1].line == line and "mismatched tag" in pages[-1].message


def test_a_truncated_bz2_dump_keeps_what_was_read(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    packed = bz2.compress(PAGES.read_bytes())
    (tmp_path / "cut.xml.bz2").write_bytes(packed[: len(packed) - 40])
    code, out, err = run("check", "--no-baseline", "--format", "json", "cut.xml.bz2")
    broken = [f for f in json.loads(out) if f["path"] == "cut.xml.bz2"]
    assert [f["code"] for f in broken] == ["P005"] and "ends early" in broken[0]["message"]
    assert code == 1 and "Traceback" not in err
    code, _, err = run("cut.xml.bz2", "--out", "json")
    assert code == 1 and "cut.xml.bz2:1:1: error P005" in err and "Traceback" not in err


@pytest.mark.parametrize("name, data, kind", [
    ("garbage.xml.bz2", b"BZh9 not compressed at all\n", "bz2"),  # a bz2 magic, then garbage
    ("garbage.xml.gz", b"garbage, no magic\n", "gzip"),
    ("plain.xml.gz", PAGES.read_bytes(), "gzip"),  # named .gz, holding plain XML
])
def test_a_compressed_dump_holding_no_such_stream_says_so_and_the_run_goes_on(
        run, tmp_path, monkeypatch, name, data, kind):
    """A trial's `.bz2` holding garbage was reported as 'not well-formed XML'."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data)
    (tmp_path / "pages.xml").write_bytes(PAGES.read_bytes())
    code, out, err = run("check", "--no-baseline", "--format", "concise", name, "pages.xml")
    broken = [line for line in out.splitlines() if line.startswith(f"{name}:")]
    assert len(broken) == 1 and broken[0].startswith(f"{name}:1:1: P005")
    assert f"P005 [error] cannot read this dump: it is not a valid {kind} stream (" in broken[0]
    assert "well-formed" not in broken[0] and "pages before" not in broken[0]
    assert f"pages.xml:{KEPT[0]}@1001:" in out  # the other input is checked
    assert code == 1 and "Traceback" not in err


def test_a_dump_that_cannot_be_opened_says_so_without_pages_before_it(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked.xml.bz2").write_bytes(bz2.compress(PAGES.read_bytes()))

    def refuse(path):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(dump, "open_dump", refuse)
    code, out, err = run("check", "--no-baseline", "--format", "concise", "locked.xml.bz2")
    assert out.startswith("locked.xml.bz2:1:1: P005 [error] cannot read this dump: cannot open it: Permission denied")
    assert "pages before" not in out and code == 1 and "Traceback" not in err


def test_a_truncated_gzip_dump_ends_early(tmp_path):
    packed = gzip.compress(PAGES.read_bytes())
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(packed[: len(packed) // 2])
    pages = pages_of(path)
    assert isinstance(pages[-1], dump.Broken) and "ends early" in pages[-1].message


def test_not_a_dump(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other.xml").write_text("<html><body/></html>\n", "utf-8")
    code, out, err = run("check", "--no-baseline", "--format", "concise", "other.xml")
    assert code == 1 and "other.xml:1:1: P005" in out and "not a MediaWiki dump" in out


def test_the_configuration_picks_the_pages(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages.xml").write_bytes(PAGES.read_bytes())
    (tmp_path / ".seasonparse.toml").write_text('[dump]\ntitles = ["Liguilla$"]\n', "utf-8")
    _, out, _ = run("check", "--format", "json", "pages.xml")
    assert {f["path"] for f in json.loads(out)} == {f"pages.xml:{KEPT[0]}@1001"}
    (tmp_path / ".seasonparse.toml").write_text('[dump]\nmatch = "sometimes"\n', "utf-8")
    code, _, err = run("check", "pages.xml")
    assert code == 2 and "`match`" in err


def test_the_benchmark_dump_is_deterministic_and_read_back_whole(tmp_path):
    """bench/gen_dump.py: every article kept (the skipped pages not), titles unique, seasons
    shared, and the same bytes from the same seed."""
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "bench"))
    from gen_dump import generate

    info = generate(16, tmp_path / "a")
    generate(16, tmp_path / "b")
    assert (tmp_path / "a" / "dump.xml.bz2").read_bytes() == (tmp_path / "b" / "dump.xml.bz2").read_bytes()
    pages = pages_of(tmp_path / "a" / "dump.xml.bz2")
    assert len(pages) == 17 and info["articles"] == 16
    kept = [p for p in pages if dump.default_selection().keeps(p)]
    assert len(kept) == 16 and len({p.title for p in kept}) == 16
    assert info["dump_bytes"] / 16 > 15_000  # real-size articles
    seasons = [p.title.split(" ")[0] for p in kept]
    assert max(seasons.count(s) for s in seasons) >= 4  # copies share a season
    assert len(list((tmp_path / "a" / "text").glob("*.txt"))) == 16


def test_the_benchmark_dump_varies_scores_but_never_a_results_grid_cell():
    """bench/gen_dump.py's copies change scores so that articles contradict each other,
    but a results grid's cell is left as it is: the grid adds up to the standings table
    beside it, so a changed cell made the article contradict itself (S008)."""
    import random
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "bench"))
    from gen_dump import vary_scores

    text = ("|match_JUV_MIL=2–1\n| match_MIL_JUV = [[Derby|0–0]]\n"
            "{{Football box\n|score = 2–1\n}}\nWon 3–0 at home.\n")
    varied = vary_scores(text, random.Random(1), 1.0).splitlines()
    assert varied[:2] == ["|match_JUV_MIL=2–1", "| match_MIL_JUV = [[Derby|0–0]]"]
    assert varied[3:] == ["|score = 2–2", "}}", "Won 3–1 at home."]


def test_a_stream_goes_to_the_workers_a_window_at_a_time():
    """A dump's pages are not all taken (and held) before the workers start: the pool is
    fed a bounded number of chunks ahead of the results taken."""
    from seasonparse import parallel

    pulled = []

    def stream():
        for i in range(5000):
            pulled.append(i)
            yield i

    results = parallel.ordered_map(abs, stream(), 2)
    assert next(results) == 0
    window = 2 * parallel.CHUNKS_PER_JOB * parallel.MAX_CHUNK
    assert len(pulled) <= window + parallel.MAX_CHUNK
    assert list(results) == list(range(1, 5000))
    results.close()


def test_the_parent_keeps_a_page_packed_and_reads_its_lines_back(run, tmp_path, monkeypatch):
    """A page's document comes back without its lines (they travel zlib-packed); reports
    still print them, and a suppression comment in the page still applies."""
    from seasonparse.check import run as check_run
    from seasonparse.config import Config
    from seasonparse.inputs import Input, expand
    from seasonparse.rules import registry

    text = PAGES.read_text("utf-8")
    path = tmp_path / "pages.xml"
    path.write_text(text, "utf-8")
    outcome = check_run(expand((Input(path, "pages.xml", Path("pages.xml")),)), registry(),
                        set(registry()), Config())
    assert [d.lines for d in outcome.documents] == [(), ()]
    page = (HANDMADE / "boxes.wikitext").read_text("utf-8").rstrip("\n").split("\n")
    assert outcome.lines_by_path[f"pages.xml:{KEPT[1]}@2002"] == tuple(page)
    assert any(f.code == "D002" and f.line == 3 for f in outcome.findings)
    date = "|date       = {{Start date|2016|10|25|df=y}}"
    quiet = text.replace(date, date + " &lt;!-- seasonparse: disable-line D002 --&gt;", 1)
    assert quiet != text
    path.write_text(quiet, "utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run("check", "--no-baseline", "--format", "json", "pages.xml")
    assert not [f for f in json.loads(out) if f["code"] == "D002"]
    assert [f for f in json.loads(out) if f["path"].endswith("@2002")]


def test_two_dumps_of_one_name_in_two_sub_folders_keep_their_folders(run, tmp_path, monkeypatch):
    """A dump's pages go where the dump is below its input folder (a/en/…, b/en/…), as
    a file's output does: two dumps of one name do not claim the same outputs."""
    monkeypatch.chdir(tmp_path)
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "en.xml").write_bytes(PAGES.read_bytes())
    code, _, err = run("in", "--glob", "*.xml", "--out", "json")
    assert code == 0 and "skipped" not in err, err
    written = sorted(p.relative_to(tmp_path / "json").as_posix() for p in (tmp_path / "json").rglob("*.json"))
    assert written == sorted(f"{sub}/en/{title}.json" for sub in ("a", "b")
                             for title in (KEPT[0], dump.safe_name(KEPT[1])))


def test_the_benchmark_dump_moves_a_season_and_a_year_once():
    """bench/gen_dump.py's copies move every year by one delta; a season's two years move
    together, once (two passes made `2004–05` into `1886–46` for a delta of -59)."""
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "bench"))
    from gen_dump import shift_years

    assert shift_years("2004–05 Serie A, 12 May 2005; 1999-2000", -59) == "1945–46 Serie A, 12 May 1946; 1940-1941"
