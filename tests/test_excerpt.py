"""Excerpts of long source lines: a window around the finding, the caret still under its column."""

from __future__ import annotations

import re

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.findings import Finding
from seasonparse.frontend import parse_text
from seasonparse.report import html_report, text_format
from seasonparse.report.text_format import CUT, WINDOW
from seasonparse.rules import registry

HEAD = "= 2011–12 Long season =\n\n==Results==\nJuly 29, 2011\nAlpha 1 - 0 Beta\n"


def long_line_run(minutes: int):
    """One scorer line of `minutes` players, each listed twice at one minute: a finding (M005)
    for each, all along the line."""
    text = HEAD + "  Alpha: " + ", ".join(f"P{i} {i % 90 + 1}', {i % 90 + 1}'" for i in range(minutes)) + "\n"
    rules = registry()
    result = run([parse_text(text, "long.txt")], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    return result, rules


def test_text_excerpt_of_a_long_line_is_a_window_with_the_caret_on_the_column():
    result, rules = long_line_run(3000)
    source = result.lines_by_path["long.txt"][5]
    on_line = [f for f in result.findings if f.line == 6]
    assert len(on_line) > 2000 and len(source) > 10_000
    out = text_format.render(on_line, result.lines_by_path, rules).split("\n")
    excerpts = [(out[i], out[i + 1]) for i, s in enumerate(out) if s.startswith("6 | ")]
    assert len(excerpts) == len(on_line)
    for f, (shown, caret) in zip(on_line, excerpts):
        shown, caret = shown[len("6 | "):], caret[len("  | "):]
        assert len(shown) <= WINDOW + 2 * len(CUT) < len(source) / 10
        at = caret.index("^")
        cut_before = shown.startswith(CUT)
        body = shown[len(CUT) if cut_before else 0:].removesuffix(CUT)
        start = f.column - 1 - (at - (len(CUT) if cut_before else 0))  # where the window starts in the line
        assert source[start:start + len(body)] == body, f  # the caret stands under the finding's column
        assert cut_before == (start > 0) and shown.endswith(CUT) == (start + len(body) < len(source))


def test_output_grows_with_findings_not_with_findings_times_line_length():
    small, rules = long_line_run(1000)
    large, _ = long_line_run(4000)
    size = [len(text_format.render(r.findings, r.lines_by_path, rules)) for r in (small, large)]
    count = [len(r.findings) for r in (small, large)]
    # what the excerpts add per finding stays the same (messages aside, which the rules write)
    per_finding = [(s - sum(len(f.message) for f in r.findings)) / n
                   for s, r, n in zip(size, (small, large), count)]
    assert per_finding[1] < 1.2 * per_finding[0], per_finding


def test_a_short_line_is_shown_whole():
    f = Finding("M001", "error", "m", "a.txt", 1, 5, None, 8)
    assert text_format._excerpt(("0123456789",), f.line, f.column, f.end_column) == "  |\n1 | 0123456789\n  |     ^^^"


def test_a_column_past_the_end_of_a_long_line_keeps_its_caret():
    line = "x" * 500
    f = Finding("M001", "error", "m", "a.txt", 1, 501)
    _, shown, caret = text_format._excerpt((line,), f.line, f.column, f.end_column).split("\n")
    assert shown.endswith("x") and shown.startswith("1 | " + CUT)
    assert caret.index("^") == len(shown)  # just past the last character, as on a short line


def test_html_excerpt_of_a_long_line_is_a_window_with_the_mark_on_the_column():
    line = "a" * 5000 + "TARGET" + "b" * 5000
    lines = ("before " * 2000, line, "after " * 2000)
    html = html_report._excerpt(lines, 2, 5001, 5007)
    assert "<mark>TARGET</mark>" in html
    for row in re.findall(r"<span[^>]*><i>\d+</i>(.*?)</span>", html):
        assert len(row.replace("<mark>", "").replace("</mark>", "")) <= WINDOW + 2 * len(CUT) < len(line) / 10


def test_every_finding_stays_one_line_whatever_a_name_or_message_holds():
    from seasonparse.findings import Finding, Related
    from seasonparse.report import concise_format, text_format

    name = "h/new\nline.txt"
    f = Finding("X009", "warning", f"`A` 1-0 `B`, but {name} says 0-1\u2028too", "h/a\rb.txt", 3, 2,
                related=(Related(name, 4, 1, f"as {name} says"),))
    concise = concise_format.render([f], {}, {})
    assert concise == ("h/a\\rb.txt:3:2: X009 [warning] `A` 1-0 `B`, but h/new\\nline.txt says "
                       "0-1\\u2028too\n")
    text = text_format.render([f], {}, {})
    assert len(text.splitlines()) == 3 and "= related: h/new\\nline.txt:4:1: as h/new\\nline.txt says" in text
    assert "Pachuca\u00a0FC" in concise_format.line(f._replace(message="Pachuca\u00a0FC")), "no escape needed"
