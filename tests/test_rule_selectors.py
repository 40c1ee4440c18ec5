"""A rule selector means one thing wherever it is written (review31 item 4): `--select`,
`select`/`ignore`/`extend-select`, `severity`, `per-file-ignores` and a suppression comment
all read it with findings.code_matches: in any case, ALL every rule, else a code or a prefix.
Before, `severity = { ALL = "warning" }` did nothing, `ignore = ["m003"]` was exit 2 and
`disable-next-line m003` suppressed nothing (it was an N001)."""

from __future__ import annotations

import json

import pytest

from seasonparse import findings

ARTICLE = """= 2011–12 Club Necaxa season =

Infobox
- Club: Necaxa
- Season: 2011–12

===Final phase===
April 18, 2012
Manchester United 1 - 1 Necaxa

April 21, 2012
Necaxa 0 - 1 Manchester United
Manchester United advanced 2 – 1 on aggregate
April 25, 2012
Lobos BUAP 3 - 0 Necaxa
April 28, 2012
{comment}Necaxa 1 - 0 Lobos BUAP
Lobos BUAP advanced 3 – 1 on aggregate
"""
# as checked with no configuration: M003 (info) at 9, 12, 15, 17; T006 (error) at 13


@pytest.mark.parametrize("selector, code, matches", [
    ("ALL", "M003", True), ("all", "T006", True), (" All ", "N001", True), ("M003", "M003", True),
    ("m003", "M003", True), ("m", "M003", True), ("M00", "M003", True), ("M004", "M003", False),
    ("T", "M003", False), ("al", "A001", False)])
def test_code_matches(selector, code, matches):
    assert findings.code_matches(code, selector) is matches


def test_the_narrowest_selector_wins():
    assert findings.most_specific("M003", ["ALL", "m", "M003", "T"]) == "M003"
    assert findings.most_specific("M003", ["all", "M"]) == "M"
    assert findings.most_specific("M003", ["all", "T"]) == "all"
    assert findings.most_specific("M003", ["T"]) is None


def check(run, tmp_path, config: str, comment: str = "", *options: str):
    (tmp_path / "a.txt").write_text(ARTICLE.format(comment=comment), "utf-8")
    (tmp_path / ".seasonparse.toml").write_text(config, "utf-8")
    code, out, err = run("check", tmp_path / "a.txt", "--config", tmp_path / ".seasonparse.toml",
                         "--no-baseline", "--no-cache", "--format", "json", *options)
    assert code != 2, err
    return code, sorted((f["line"], f["code"], f["severity"]) for f in json.loads(out))


def test_severity_all_relevels_every_rule(run, tmp_path):
    code, found = check(run, tmp_path, 'severity = { ALL = "warning" }\n')
    assert code == 0 and {s for _, _, s in found} == {"warning"} and len(found) == 5


def test_a_narrower_severity_wins_over_all(run, tmp_path):
    _, found = check(run, tmp_path, 'severity = { all = "warning", t = "error", M003 = "info" }\n')
    assert {(c, s) for _, c, s in found} == {("M003", "info"), ("T006", "error")}


@pytest.mark.parametrize("config, codes", [
    ('ignore = ["m003"]\n', ["T006"]), ('ignore = ["m"]\n', ["T006"]), ('select = ["all"]\nignore = ["t"]\n', ["M003"] * 4),
    ('select = ["t"]\n', ["T006"]), ('extend-select = ["all"]\nignore = ["M003"]\n', ["T006"]),
    ('per-file-ignores = { "*.txt" = ["m003"] }\n', ["T006"]), ('per-file-ignores = { "*.txt" = ["all"] }\n', [])])
def test_a_configured_code_in_lower_case_is_the_code(run, tmp_path, config, codes):
    _, found = check(run, tmp_path, config)
    assert [c for _, c, _ in found] == codes


@pytest.mark.parametrize("comment", ["<!-- seasonparse: disable-next-line m003 -->\n",
                                     "<!-- seasonparse: disable-next-line M -->\n",
                                     "<!-- seasonparse: disable-next-line all -->\n",
                                     "<!-- seasonparse: disable m003 -->\n"])
def test_a_suppression_comment_reads_codes_as_the_configuration_does(run, tmp_path, comment):
    _, found = check(run, tmp_path, "", comment)
    assert [(n, c) for n, c, _ in found] == [(9, "M003"), (12, "M003"), (13, "T006"), (15, "M003")]


def test_an_enable_in_another_case_closes_the_disable(run, tmp_path):
    _, found = check(run, tmp_path, "", "<!-- seasonparse: disable M003 -->\n<!-- seasonparse: enable m003 -->\n")
    assert [(n, c) for n, c, _ in found] == [(9, "M003"), (12, "M003"), (13, "T006"), (15, "M003"),
                                             (17, "N001"), (19, "M003")]


def test_a_selector_naming_no_rule_is_still_refused(run, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE.format(comment=""), "utf-8")
    (tmp_path / ".seasonparse.toml").write_text('ignore = ["q"]\n', "utf-8")
    code, _, err = run("check", tmp_path / "a.txt", "--config", tmp_path / ".seasonparse.toml", "--no-cache")
    assert code == 2 and "`q` selects no rule" in err
    code, _, err = run("check", tmp_path / "a.txt", "--ignore", "q", "--no-cache")
    assert code == 2 and "`Q` selects no rule" in err


def test_rule_takes_a_code_in_any_case(run):
    code, out, _ = run("rule", "m003")
    assert code == 0 and out.startswith("M003 ")
