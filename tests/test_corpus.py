"""Cross-document reconciliation: planted defects are found with both locations,
club identity is inferred with evidence and never merged on ambiguity."""

from __future__ import annotations

import tomllib

import pytest
from conftest import FIXTURES, SEEDS

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_read, parse_text
from seasonparse.frontend.source import decode
from seasonparse.rules import registry

PLANTED = tomllib.loads((FIXTURES / "planted_corpus.toml").read_text("utf-8"))
CASES, QUIET = PLANTED["case"], PLANTED["quiet"]
SEED_TEXT = {s.name[:3]: s.read_text("utf-8") for s in SEEDS}
CORPORA = FIXTURES / "corpora"


def corpus_texts(case) -> dict[str, str]:
    """The documents a case starts from: the seeds (by their first three characters),
    or the files of tests/fixtures/corpora/<corpus>/ (a text file by its stem, a wikitext
    page by its name: `league.wikitext`)."""
    if "corpus" not in case:
        return dict(SEED_TEXT)
    return {p.stem if p.suffix == ".txt" else p.name: p.read_text("utf-8")
            for p in sorted((CORPORA / case["corpus"]).iterdir()) if p.suffix in (".txt", ".wikitext")}


def parse_corpus_text(name: str, text: str):
    """A corpus document: `<stem>.wikitext` read as wikitext, any other name as `<name>.txt`."""
    if name.endswith(".wikitext"):
        return parse_read(decode(name, text.encode("utf-8")), wikitext=True)
    return parse_text(text, f"{name}.txt")


def check_texts(texts: dict[str, str], aliases=None):
    rules = registry()
    docs = [parse_corpus_text(k, t) for k, t in sorted(texts.items())]
    config = Config(aliases=aliases or {})
    result = run(docs, rules, selected_codes(rules, ("ALL",), (), ()), config)
    assert result.internal_errors == [], result.internal_errors
    return result.findings


def _stem(path: str) -> str:
    return path.rsplit(".", 1)[0]


def _place(f):
    return f"{_stem(f.path)}:{f.line}"


def _planted(case) -> dict[str, str]:
    texts = corpus_texts(case)
    for edit in case["edits"]:
        doc = edit.get("doc") or edit["seed"]
        assert texts[doc].count(edit["find"]) == 1, edit["find"]
        texts[doc] = texts[doc].replace(edit["find"], edit["replace"])
    return texts


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_planted_cross_document_defect(case):
    findings = check_texts(_planted(case))
    hits = [f for f in findings if f.code == case["rule"] and _place(f) == case["at"]
            and f.severity == case.get("severity", f.severity)]
    assert hits, [(f.code, _place(f)) for f in findings if f.code[0] in "XA"]
    if "related" in case:
        related = {f"{_stem(r.path)}:{r.line}" for f in hits for r in f.related}
        assert case["related"] in related, related


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_unmodified_documents_do_not_have_it(case):
    assert not [f for f in check_texts(corpus_texts(case)) if f.code == case["rule"]
                and _place(f) == case["at"] and f.severity == case.get("severity", f.severity)]


@pytest.mark.parametrize("case", QUIET, ids=[c["name"] for c in QUIET])
def test_quiet_cases_are_quiet(case):
    texts = {k: t for k, t in _planted({**case, "edits": case.get("edits", [])}).items() if k in case["seeds"]}
    assert sorted(texts) == sorted(case["seeds"]), "a quiet case names a document its corpus does not hold"
    assert [_place(f) for f in check_texts(texts) if f.code == case["rule"]] == []


def test_every_corpus_rule_has_a_planted_case():
    """As every document rule has one in planted.toml (test_rules_planted.py)."""
    planted = {c["rule"] for c in CASES}
    missing = {c for c, r in registry().items() if r.scope == "corpus"} - planted
    assert not missing, f"cross-document rules without a planted case in planted_corpus.toml: {sorted(missing)}"


def test_seeds_cross_document_findings():
    """Everything that agrees stays silent; what remains is real and explained."""
    found = [(f.code, f.severity, _place(f)) for f in check_texts(SEED_TEXT) if f.code[0] in "XA"]
    assert sorted(c for c, _, _ in found) == ["A001"] * 6 + ["X007"] * 7 + ["X008"] + ["X009"] * 2
    assert ("X008", "warning", "000:101") in found  # Quatrocchi, Necaxa's, listed for Altamira
    assert ("X007", "info", "001:167") in found  # Necaxa: the Indios points, explained
    assert {p for c, _, p in found if c == "X009"} == {"002:16", "002:38"}  # "vs the Clausura 2011 winner"


def test_inferred_aliases_carry_evidence():
    findings = [f for f in check_texts(SEED_TEXT) if f.code == "A001"]
    by_match = [f for f in findings if "same match" in f.message]
    assert len(by_match) == 1 and "U. de G." in by_match[0].message and "Leones Negros" in by_match[0].message
    assert by_match[0].related[0].path.startswith("000")


def test_configured_aliases_are_not_reported():
    aliases = {"Leones Negros": ("U. de G.",), "Neza FC": ("Neza",)}
    messages = [f.message for f in check_texts(SEED_TEXT, aliases) if f.code == "A001"]
    assert len(messages) == 4 and not any("Leones Negros" in m or "`Neza`" in m for m in messages)


AMBIGUOUS = {
    "a": "= 2011 League =\n\n| Pos | Team | Pld | W | D | L | Pts |\n"
         "| 1 | Cruz Azul | 1 | 1 | 0 | 0 | 3 |\n| 2 | Cruz Azul Hidalgo | 1 | 0 | 0 | 1 | 0 |\n",
    "b": "= 2011 Cup =\n\nMay 1, 2011\nCruz 1 - 0 Neza\n",
}


def test_ambiguous_name_is_reported_not_merged():
    findings = check_texts(AMBIGUOUS)
    amb = [f for f in findings if f.code == "A002"]
    assert len(amb) == 1 and "`Cruz Azul`" in amb[0].message and "`Cruz Azul Hidalgo`" in amb[0].message
    assert not [f for f in findings if f.code == "A001" and "Cruz" in f.message]


def test_clubs_in_one_table_are_never_merged():
    from seasonparse import identity

    docs = [parse_text(AMBIGUOUS["a"], "a.txt")]
    clubs = identity.build(docs, {})
    assert not clubs.same("Cruz Azul", "Cruz Azul Hidalgo")


def test_statement_held_to_its_own_chronology_without_a_second_article():
    """The bracket article alone: 'the Apertura 2011 winner plays the Clausura 2011
    winner' contradicts its own Prevseason (2011 Clausura), no league article needed."""
    found = [f for f in check_texts({"002": SEED_TEXT["002"]}) if f.code == "X009"]
    assert [f.line for f in found] == [16, 38]
    assert all("2010–11 season" in f.message for f in found)
    assert all(any(r.line == 13 for r in f.related) for f in found)  # Prevseason: 2011 Clausura


def test_tables_split_evenly_are_said_to_be():
    """review16: four tables of one tournament, two and two, and no results: the message says the
    tables are split (which value is right is not known), not only that one differs from the first."""
    texts = corpus_texts({"corpus": "three_tables"})
    row = "| 2 | Carlow | 6 | 2 | 4 | 0 | 7 | 4 | +3 | 10 |"
    texts["league_d"] = texts["league_c"]
    for doc in ("league_b", "league_d"):
        texts[doc] = texts[doc].replace(row, "| 2 | Carlow | 6 | 3 | 2 | 1 | 7 | 4 | +3 | 11 |")
    found = [f.message for f in check_texts(texts) if f.code == "X007"]
    assert found and all("the tables are split (10 in 2 tables, 11 in 2 tables)" in m for m in found), found


def test_x007_explanations_name_clubs_as_the_documents_write_them():
    """trial21: X007 named a club by its group's name (its longest, or the one configured: here
    the aliases'), which no article writes; its explanation names the removed club as the matches
    it counts write it, and the club whose results settle the tables as its table writes it."""
    aliases = {"FC Juárez Indios": ("Indios",), "Club Necaxa": ("Necaxa",)}
    found = [f.message for f in check_texts(SEED_TEXT, aliases) if f.code == "X007"]
    assert len(found) == 7 and not any("FC Juárez" in m or "Club Necaxa" in m for m in found), found
    assert sum("3 points from matches against Indios (" in m for m in found) == 1, found
    assert sum("as Necaxa does, where the corpus shows why: the points from matches against Indios" in m
               for m in found) == 6, found


GRID_EDIT = ("league.wikitext", "|match_AAA_BBB = 3–0", "|match_AAA_BBB = 2–0")  # the grid's cell: Alpha at home


def _x001_with_the_grid_edited(*edits) -> list[str]:
    texts = corpus_texts({"corpus": "grid_results"})
    for doc, find, replace in (GRID_EDIT, *edits):
        assert texts[doc].count(find) == 1, find
        texts[doc] = texts[doc].replace(find, replace)
    return [_place(f) for f in check_texts(texts) if f.code == "X001"]


def test_a_grid_cell_and_the_dated_match_it_is_differ():
    assert _x001_with_the_grid_edited() == ["league:19"]


@pytest.mark.parametrize("edits", [
    [("club.wikitext", "==Testland League==", "==Testland Cup==")],  # the club's match of the two is a cup's
    [("club.wikitext", "| season = 2022", "| season = 2021"), ("club.wikitext", "9 April 2022", "9 April 2021"),
     ("club.wikitext", "16 July 2022", "16 July 2021")],  # another season's
    [("club.wikitext", "| 16 July 2022 || Beta || A || D 1–1",
      "| 16 July 2022 || Beta || A || D 1–1\n|-\n| 20 August 2022 || Beta || H || W 1–0")],  # Alpha at home twice
], ids=["a cup match", "another season", "two dated home matches"])
def test_a_grid_cell_is_never_paired_with_another_match(edits):
    """An undated grid cell is one match of a league season: never a cup match of the same two
    clubs, nor another season's, nor one of two where the clubs met twice with the same home club."""
    assert _x001_with_the_grid_edited(*edits) == []
