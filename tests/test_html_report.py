"""The HTML report: one self-contained, escaped, deterministic page, checked as parsed
HTML here and as rendered by a real headless Chromium (tests/browser.py)."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SEEDS
from reporting import check_run, in_folder

from seasonparse.football import knockout_ties, ranking, tie_result
from seasonparse.report.html_report import render, write_report

html = pytest.importorskip("lxml.html", reason="lxml is in the test extra: pip install '.[test]'")


def page_of(folder: Path, *paths: str) -> str:
    with in_folder(folder):
        result, rules = check_run(*paths)
        return render(result.documents, result.findings, result.lines_by_path, rules)


@pytest.fixture(scope="module")
def seeds_page() -> str:
    return page_of(ROOT, "seeds")


def planted_seeds(tmp_path: Path, *cases) -> Path:
    """A copy of the seeds with planted defects (cases of tests/fixtures/planted*.toml)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    for case in cases:
        for edit in case.get("edits", [case]):
            path = next(seeds.glob(f"{edit['seed']}_*.txt"))
            text = path.read_text("utf-8")
            assert text.count(edit["find"]) == 1, edit["find"]
            path.write_text(text.replace(edit["find"], edit["replace"]), "utf-8")
    return tmp_path


def planted(file: str, rule: str) -> dict:
    cases = tomllib.loads((FIXTURES / file).read_text("utf-8"))["case"]
    return next(c for c in cases if c["rule"] == rule)


def test_same_input_same_bytes_and_written_atomically(seeds_page, tmp_path):
    assert page_of(ROOT, "seeds") == seeds_page
    with in_folder(ROOT):  # the report reads the lines of `seeds/...` where it was checked
        result, rules = check_run("seeds")
        write_report(result.documents, result.findings, result.lines_by_path, rules, tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text("utf-8") == seeds_page
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary file left


def test_the_page_loads_nothing(seeds_page):
    tree = html.fromstring(seeds_page)
    assert tree.xpath("//link | //iframe | //img | //object | //embed | //*[@src]") == []
    assert all(a.get("href", "#").startswith("#") for a in tree.iter("a"))
    assert "@import" not in seeds_page and "url(" not in seeds_page
    csp = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert csp and csp[0].startswith("default-src 'none'")


def test_every_document_text_is_escaped():
    page = page_of(ROOT, "tests/fixtures/html/hostile.txt")
    tree = html.fromstring(page)
    assert len(tree.xpath("//script")) == 1 and tree.xpath("//script")[0].get("src") is None
    assert tree.xpath("//img | //b | //*[@onerror]") == []
    text = tree.text_content()
    for shown in ('<script>alert("x")</script>', "<b>Alpha</b>", "Beta <img src=x onerror=alert(1)>",
                  "Alpha & Sons", '"Dos" 20'):
        assert shown in text, shown


def test_key_sections_of_the_seeds(seeds_page):
    tree = html.fromstring(seeds_page)
    with in_folder(ROOT):
        result, rules = check_run("seeds")
    codes = [tr.xpath("td[1]//text()")[0] for tr in tree.xpath('//section[@id="rules"]//tr[td]')]
    assert codes == sorted({f.code for f in result.findings})
    assert len(tree.xpath('//section[@id="files"]//div[contains(@class,"finding")]')) == len(result.findings)
    assert len(tree.xpath('//section[@id="files"]//mark')) >= len(result.findings) - 1
    seasons = tree.xpath('//section[contains(@class,"season")]/h2/text()')
    assert {"Apertura 2011", "Clausura 2012"} <= set(seasons)
    ties = sum(len(knockout_ties(d)) for d in result.documents)
    assert len(tree.xpath('//div[@class="tie"]')) == ties
    for d in result.documents:  # the winner drawn is the winner the rules compute
        for kt in knockout_ties(d):
            won = tie_result(kt, ranking(d))
            drawn = tree.xpath(f'//div[@class="tie" and @title="{d.path}:{kt.line}"]/div[@class="won"]/span/text()')
            assert drawn == ([won.winner] if won else []), (d.path, kt.line)


def test_contradictions_side_by_side(seeds_page):
    tree = html.fromstring(seeds_page)
    pairs = tree.xpath('//section[@id="contradictions"]//div[@class="pair"]')
    assert pairs
    for pair in pairs:
        this, other = pair.xpath('./div[contains(@class,"side")]')
        here = this.xpath("./h4/text()")[-1].split(":")[0].strip()
        there = [h.split(":")[0] for h in other.xpath("./h4/text()")]
        assert there and here not in there  # the other side is another document
        assert this.xpath(".//pre") and other.xpath(".//pre")


def test_planted_differences_are_marked(tmp_path, seeds_page):
    clean = html.fromstring(seeds_page)
    assert clean.xpath('//table[@class="standings"]//td[contains(@class,"diff")]') == []
    assert clean.xpath('//table[@class="matches"]//li[@class="diff"]') == []
    assert clean.xpath('//table[@class="matches"]//tr[td[3]="2"]')  # matches two documents list
    folder = planted_seeds(tmp_path, planted("planted.toml", "S002"), planted("planted_corpus.toml", "X001"),
                           planted("planted_corpus.toml", "X006"))
    tree = html.fromstring(page_of(folder, "seeds"))
    marked = {(td.getparent().xpath("td[1]/text()")[0], td.text)
              for td in tree.xpath('//table[@class="standings"]//td[contains(@class,"diff")]')}
    # S002: Pts 32 where 3 W + D = 31; X006: Necaxa's row against its 15 results
    assert ("La Piedad", "32 ≠ 31") in marked
    assert {("Necaxa", "7 ≠ 6"), ("Necaxa", "4 ≠ 5"), ("Necaxa", "25 ≠ 23")} <= marked
    rows = tree.xpath('//table[@class="matches"]//tr[@class="differs"]')
    assert [r.xpath("td[2]/text()")[0] for r in rows] == ["Lobos BUAP – Necaxa"]
    assert rows[0].xpath('.//li[@class="diff"]/strong/text()') == ["3–1"]
    assert rows[0].xpath('.//li[@class="diff"]/code/text()')[0].startswith("seeds/001_")
    sides = [p.xpath(".//h4//text()") for p in tree.xpath('//div[@class="pair"]')]
    assert any("X001" in s and any("seeds/000_" in t for t in s) for s in sides)


# --- in a real browser -------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    from browser import Browser, find_browser

    _, _, why = find_browser()
    if why:
        pytest.skip(f"no headless browser: {why}")
    b = Browser(1280, 900)
    yield b
    b.close()


@pytest.mark.slow
def test_rendered_in_chromium(browser, seeds_page, tmp_path):
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    page.write_text(seeds_page, "utf-8")
    d = browser.driver
    d.get(page.as_uri())
    assert d.title == "seasonparse report"

    def shown(selector):
        found = d.find_elements(By.CSS_SELECTOR, selector)
        assert found, selector
        d.execute_script("arguments[0].scrollIntoView()", found[0])
        assert found[0].is_displayed() and found[0].size["height"] > 0, selector
        return found

    for selector in ("#rules table", "#files .finding pre.src mark", "table.matches", "table.standings",
                     "table.standings span.diff", ".bracket .round .tie .won"):
        shown(selector)
    left, right = shown("#contradictions .pair")[0].find_elements(By.CSS_SELECTOR, ":scope > .side")
    assert left.is_displayed() and right.is_displayed()
    assert left.location["x"] + left.size["width"] <= right.location["x"]  # side by side
    assert abs(left.location["y"] - right.location["y"]) < 5
    info = d.find_elements(By.CSS_SELECTOR, "#files .finding.info")
    assert info and info[0].is_displayed()
    d.find_element(By.CSS_SELECTOR, '#filter input[value="info"]').click()  # the inline script runs
    assert not any(f.is_displayed() for f in info)
    shot = tmp_path / "report.png"
    d.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def _standings_marked(page: str) -> set[tuple[str, str]]:
    tree = html.fromstring(page)
    return {(td.getparent().xpath("td[1]/text()")[0], td.text)
            for td in tree.xpath('//table[@class="standings"]//td[contains(@class,"diff")]')}


def test_recomputed_points_count_the_adjustment_and_the_carried_points_as_the_rules_do(tmp_path):
    """A Bonus column (Pts = Bonus + 3 × W + D), a later stage's carried-over points (a wikitable
    under `Championship round`, a Sports table's `startpoints_X`): the checks (S002) see no
    difference, nor does the page (it showed `8 ≠ 6`: rules.standings.points_due, one place)."""
    handmade = FIXTURES / "wikitext" / "handmade"
    names = ("bonus_points_column.wikitext", "split_stage_points.wikitext")
    for name in names:
        shutil.copy(handmade / name, tmp_path / name)
    with in_folder(tmp_path):
        result, _ = check_run(*names)
    assert [f for f in result.findings if f.code == "S002"] == []
    page = page_of(tmp_path, *names)
    assert "Panathinaikos" in page and "Gamma" in page and _standings_marked(page) == set()
    # a wrong Pts is still marked, against the Pts its bonus makes due
    path = tmp_path / names[0]
    path.write_text(path.read_text("utf-8").replace("| +3 || 2 || 8", "| +3 || 2 || 9"), "utf-8")
    assert _standings_marked(page_of(tmp_path, *names)) == {("Panathinaikos", "9 ≠ 8")}


def test_recomputed_points_count_a_win_as_the_check_does_with_its_stated_deductions(tmp_path):
    """Two rows short by the deductions the document states fit 3 × W + D, as S002 counts them: a
    win is 3 points, Delta's row (3 for 4) the one error. The page counted a win without them (2
    points, as three rows fit) and marked correct Alpha `12 ≠ 8` (review31); a difference a stated
    deduction explains (S002's info) is left unmarked (rules.standings.expected_figures, one place)."""
    (tmp_path / "league.txt").write_text(
        "= 2011–12 Testland League =\n\n==Table==\n| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |\n"
        "| 1 | Alpha | 6 | 4 | 0 | 2 | 9 | 5 | +4 | 12 |\n| 2 | Beta | 6 | 3 | 1 | 2 | 7 | 6 | +1 | 7 |\n"
        "| 3 | Gamma | 6 | 2 | 2 | 2 | 6 | 6 | 0 | 6 |\n| 4 | Delta | 6 | 1 | 1 | 4 | 3 | 8 | −5 | 3 |\n\n"
        "Beta were deducted 3 points. Gamma were deducted 2 points.\n", "utf-8")
    with in_folder(tmp_path):
        result, _ = check_run("league.txt")
    assert [(f.code, f.severity, f.line) for f in result.findings if f.severity == "error"] == [("S002", "error", 8)]
    assert _standings_marked(page_of(tmp_path, "league.txt")) == {("Delta", "3 ≠ 4")}


def test_the_header_counts_the_articles_and_names_the_references_apart(run, tmp_path):
    """`3 documents and 1 reference`, as the check's summary counts 3 documents (trial45: the page said 4)."""
    reference = FIXTURES / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt"
    out = tmp_path / "r.html"
    run("report", ROOT / "seeds", "--reference", reference, "--no-cache", "--html", out)
    header = html.fromstring(out.read_text("utf-8")).xpath("//header/div")[0].text_content()
    assert header.startswith("3 documents and 1 reference, "), header


def test_the_header_says_what_the_baseline_holds_back_as_the_summary_does():
    """trial47: `check --html` wrote `… (1 error, …)` where its summary line said `…, 2 known in the
    baseline`: the page says it too (check_command passes the count as `known`)."""
    from seasonparse.frontend import parse_file
    from seasonparse.rules import registry

    docs = [parse_file(str(SEEDS[0]), SEEDS[0].name)]
    page = render(docs, [], {}, registry(), known=2)
    header = html.fromstring(page).xpath("//header/div")[0].text_content()
    assert header.endswith("0 info), 2 known in the baseline"), header
    assert "known in the baseline" not in render(docs, [], {}, registry())


def test_the_report_command_says_what_the_baseline_holds_back(run, article, monkeypatch):
    """`report --html` with a baseline: the page's header says how many findings it holds back, as the
    check's summary line does (trial47: the page said nothing of them)."""
    monkeypatch.chdir(article.parent)
    code, _, err = run("check", "a.txt", "--no-cache", "--write-baseline", "known.json")
    assert code in (0, 1), err
    code, _, err = run("report", "a.txt", "--no-cache", "--baseline", "known.json", "--html", "page.html")
    assert code == 0, err
    assert "known in the baseline" in (article.parent / "page.html").read_text("utf-8")


def test_bidirectional_and_control_characters_are_shown_as_the_text_report_shows_them():
    """trial58: a scorer line's right-to-left override (U+202E) reversed the message and the excerpt on the page, and
    control characters (ESC) were written raw: the text report's escapes (`\\u202e`, `\\x1b`) instead."""
    page = page_of(ROOT, "tests/fixtures/html/hostile_bidi.txt")
    assert "\u202e" not in page and "\x1b" not in page
    assert "\\u202eBrown" in page and "Gr\\x1bey" in page


def test_the_page_grows_with_the_corpus_not_with_its_square(tmp_path):
    """trial58: each standings row listed every other table's points for its club, so copies of one season made the
    page grow as their square (68 MB for 600 documents). Each value once, with how many tables state it: ten and
    twenty copies of the seeds, a page about twice as large (it was 2.4 times)."""
    import shutil

    sizes = []
    for n in (10, 20):
        folder = tmp_path / str(n)
        folder.mkdir()
        for i in range(n):
            for seed in SEEDS:
                shutil.copy(seed, folder / f"{seed.stem}_{i}.txt")
        sizes.append(len(page_of(folder, ".")))
    assert sizes[1] < 2.1 * sizes[0], sizes


def test_points_in_other_tables_show_the_disagreeing_values_first_and_say_how_many_are_left_out(tmp_path):
    """review44: past five values the rest went unsaid, and a value other tables agreed with could crowd out one that
    disagreed; `more tables` counted statements, not tables. Eight tables of one league: Alpha's 30 points in three
    of them (one is the row's own), six other values once each."""
    from seasonparse.report.html_report import OTHER_VALUES_SHOWN

    head = "= 2011 Test League =\n\n==Standings==\n| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |\n"
    for i, points in enumerate((30, 30, 30, 31, 32, 33, 34, 35, 36)):
        (tmp_path / f"copy_{i}.txt").write_text(
            head + f"| 1 | Alpha | 2 | 1 | 1 | 0 | 3 | 1 | +2 | {points} |\n"
                   "| 2 | Beta | 2 | 0 | 1 | 1 | 1 | 3 | -2 | 1 |\n", "utf-8")
    page = html.fromstring(page_of(tmp_path, "."))
    first = page.xpath("//table[contains(@class, 'standings')]")[0]  # copy_0's: Alpha 30
    alpha = next(tr for tr in first.xpath(".//tr") if tr.xpath("./td[1]/text()") == ["Alpha"])
    cell = alpha.xpath("./td[last()]")[0]
    values = [span.text_content().split(" ")[0] for span in cell.xpath("./span")]
    assert len(values) == OTHER_VALUES_SHOWN and "30" not in values, values  # the disagreeing ones first
    assert cell.text_content().endswith(", and 2 more values"), cell.text_content()
    assert all("diff" in span.get("class", "") for span in cell.xpath("./span"))
    last = page.xpath("//table[contains(@class, 'standings')]")[-1]  # copy_8's: Alpha 36; 30 in three other tables
    alpha = next(tr for tr in last.xpath(".//tr") if tr.xpath("./td[1]/text()") == ["Alpha"])
    assert "30 (" in alpha.xpath("./td[last()]")[0].text_content()
    assert "and 2 more tables" in alpha.xpath("./td[last()]")[0].text_content()


def test_findings_by_rule_show_the_severities_they_were_reported_at(run, tmp_path):
    """trial59: R005 reports an explained difference at info, below its default; the rule's row said error for
    findings each card and the summary called info. Each row shows the severities of the findings it counts."""
    reference = FIXTURES / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt"
    out = tmp_path / "r.html"
    run("report", ROOT / "seeds", "--reference", reference, "--no-cache", "--no-baseline", "--html", out)
    page = html.fromstring(out.read_text("utf-8"))
    for row in page.xpath("//section[@id='rules']//tr[td]"):
        code = row.xpath("./td[1]")[0].text_content()
        shown = {span.text_content() for span in row.xpath("./td[3]/span")}
        cards = {c.get("class").split()[1] for c in page.xpath(f"//div[contains(@class, 'finding')][.//code='{code}']")}
        assert shown == cards, (code, shown, cards)
