"""A suppression comment's verb is a whole word and its codes name rules (trial42): a typo
is reported (N002) and suppresses nothing, never more than was meant."""

from __future__ import annotations

import pytest

from seasonparse.suppress import directives


@pytest.mark.parametrize("comment, verb, codes, covered", [
    ("<!-- seasonparse: disable-next-line M001 -->", "disable-next-line", ("M001",), (2, 2)),
    ("<!-- seasonparse: disable-next-line m001-->", "disable-next-line", ("m001",), (2, 2)),
    ("<!-- seasonparse: disable-->", "disable", (), (1, 3)),
    ("<!--seasonparse:disable all -->", "disable", ("all",), (1, 3)),
    ("<!-- seasonparse: disable-nextline M001 -->", "disable-nextline", ("M001",), (0, 0)),
    ("<!-- seasonparse: disable-next-lines M001 -->", "disable-next-lines", ("M001",), (0, 0)),
    ("<!-- seasonparse: Disable M001 -->", "disable", ("M001",), (1, 3)),
    ("<!-- seasonparse: -->", "", (), (0, 0)),
    ("<!-- seasonparse: disable M001, Q001 -->", "disable", ("M001", "Q001"), (0, 0)),
])
def test_a_directive_is_read_whole_or_covers_nothing(comment, verb, codes, covered):
    (d,) = directives((comment, "A 1-0 B", "C 0-0 D"))
    assert (d.verb, d.codes, (d.start, d.end)) == (verb, codes, covered)
    assert (d.problem() is None) == (covered != (0, 0))


def test_seasonparses_other_comments_are_no_directives():
    assert directives(("<!-- seasonparse: football-box-team1 away -->", "x")) == []


def test_an_enable_with_a_typo_closes_nothing_and_is_reported():
    found = directives(("<!-- seasonparse: disable M001 -->", "x", "<!-- seasonparse: enable M01x -->", "y"))
    assert [(d.verb, d.start, d.end) for d in found] == [("disable", 1, 4), ("enable", 0, 0)]
    assert "`M01x` names no rule" in found[1].problem()


def test_the_typo_is_reported_once_and_the_finding_stays(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("= 2011–12 Club Necaxa season =\n\n==Matches==\nNovember 23, 2011\n"
                       "<!-- seasonparse: disable-nextline M001 -->\nIrapuato 0 - 1 León\n"
                       "  León: 69' Pacheco, 70' Pérez\n\nNovember 26, 2011\nLeón 1 - 0 Irapuato\n"
                       "  León: Pacheco 7', 13', 20'\n", encoding="utf-8")
    code, out, _ = run("check", article, "--no-cache", "--no-baseline", "--format", "concise",
                       "--select", "M001,N")
    codes = [line.split()[1] for line in out.splitlines() if line.startswith(str(article))]
    assert codes == ["N002", "M001", "M001"], out
