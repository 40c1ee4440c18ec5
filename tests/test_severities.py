"""A diagnostic is emitted at the severity its rule is registered with (the README's rule
table, `seasonparse rule CODE`), for every reader: the seeds, every fixture, and bad input."""

from __future__ import annotations

from conftest import FIXTURES, SEEDS

from seasonparse.frontend import parse_file
from seasonparse.reference import load
from seasonparse.rules import registry

SUFFIXES = (".txt", ".wiki", ".wikitext", ".mediawiki", ".csv")
BAD_CSV = ("Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\n"
           "E0,13/08/2011,Blackburn,Wolves,x,0\n"
           "E0,32/13/2011,Fulham,Aston Villa,0,0\n")


def _documents(tmp_path):
    files = [*SEEDS, *(p for p in sorted(FIXTURES.rglob("*")) if p.is_file() and p.suffix in SUFFIXES)]
    (tmp_path / "bad.csv").write_text(BAD_CSV, "utf-8")
    files.append(tmp_path / "bad.csv")
    for path in files:
        if path.suffix == ".csv" or ("reference" in path.parts and not path.stem.endswith("_article")):  # the
            # references' articles (handmade_*_article.txt) are articles
            yield load(str(path)).document
        else:
            yield parse_file(str(path))


def test_every_emitted_diagnostic_has_its_rules_severity(tmp_path):
    rules = registry()
    seen, wrong = set(), []
    for doc in _documents(tmp_path):
        for d in doc.diagnostics:
            seen.add(d.code)
            if d.severity != rules[d.code].severity:
                wrong.append(f"{doc.path}:{d.line}: {d.code} emitted {d.severity}, "
                             f"registered {rules[d.code].severity}: {d.message}")
    assert not wrong, "\n".join(wrong)
    assert {"P001", "W001", "W003"} <= seen, "the files do exercise the readers"
