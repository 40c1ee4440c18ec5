"""A scorer's link target is his name (trial23): `[[Ferran Corominas|Coro]] {{goal|40}}` is the
`Corominas 40'` of another article, as a club's link target counts for the club. The front end
keeps the target beside the name shown (model.Event.link, in the JSON), and X004 pairs goals by
either name (names.scorer_names); messages still quote the name the article shows."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.jsonin import from_dict
from seasonparse.jsonout import schema_error, to_dict
from seasonparse.model import Event
from seasonparse.names import link_name, scorer_names

CORPUS = FIXTURES / "corpora" / "scorer_links"


def parse(text: str, path: str = "t.wikitext"):
    return parse_wikitext(decode(path, text.encode("utf-8")))


def _box(goals1: str) -> str:
    return ("{{Football box\n|date = 1 May 2020\n|team1 = [[FC Goa|Goa]]\n|score = 3–0\n"
            f"|team2 = [[Odisha FC|Odisha]]\n|goals1 = {goals1}\n}}}}\n")


def _scorers(doc):
    return [(e.player, e.minute, e.link) for m in doc.matches for e in m.events]


def test_a_linked_scorer_keeps_the_name_shown_and_the_article_linked():
    """Before the template or after it, in a `<br>` list; a name not linked links nothing,
    and a link beside the name that does not show it (a note's) is not his."""
    doc = parse(_box("[[Ferran Corominas|Coro]] {{goal|40}}<br>{{goal|55}} [[Edu Bedia]]"
                     "<br>Boumous ([[Penalty kick (association football)|pen.]]) {{goal|70}}"))
    assert _scorers(doc) == [("Coro", 40, "Ferran Corominas"), ("Edu Bedia", 55, "Edu Bedia"),
                             ("Boumous (pen.)", 70, None)]


def test_cards_keep_their_players_link_too():
    text = _box("[[Ferran Corominas|Coro]] {{goal|40}} {{yel|60}}<br>Edu Bedia {{goal|50}}<br>"
                "[[Hugo Boumous|Boumous]] {{goal|80}}")
    events = parse(text).matches[0].events
    assert [(e.player, e.kind, e.link) for e in events if e.kind == "yellow_card"] == \
        [("Coro", "yellow_card", "Ferran Corominas")]


def test_a_results_tables_untimed_scorer_keeps_his_link():
    table = ("{| class=\"wikitable\"\n! Date !! Opponent !! Venue !! Result !! Scorers\n|-\n"
             "| 3 May 2031 || Quenby || H || 3–1 || [[Alan Shearer|Shearer]] (2), Sutton\n|}\n")
    doc = parse(table, "2031 Ostbridge Town season.wikitext")
    assert _scorers(doc) == [("Shearer", None, "Alan Shearer")] * 2 + [("Sutton", None, None)]


def test_the_link_goes_through_the_json_and_an_older_file_links_nothing():
    doc = parse((CORPUS / "league.wikitext").read_text("utf-8"), "league.wikitext")
    data = to_dict(doc)
    assert schema_error(data) is None
    assert repr(from_dict(json.loads(json.dumps(data)), doc.lines)) == repr(doc)
    assert ("Coro", 40, "Ferran Corominas") in _scorers(doc)
    old = json.loads(json.dumps(data))
    old["schema"] = "seasonparse/document/7"
    for m in old["matches"]:
        m.pop("neutral")
        for e in m["events"]:
            e.pop("link")
    from seasonparse.jsonin import _upgrade
    back = from_dict(_upgrade(old), doc.lines)
    assert {e.link for m in back.matches for e in m.events} == {None}


@pytest.mark.parametrize("target, name", [
    ("Ferran Corominas", "Ferran Corominas"),
    ("Manvir Singh (footballer, born 1995)", "Manvir Singh"),
    ("John_Smith_(footballer)", "John Smith"),
    ("(footballer)", "(footballer)"),  # nothing but a parenthesis: kept as it is
])
def test_link_name_is_the_title_less_its_disambiguation(target, name):
    assert link_name(target) == name


def test_scorer_names_are_the_name_shown_then_the_linked_one():
    plain = Event("home", "Corominas", 40, None, "goal", 1, 1, 2)
    linked = plain._replace(player="Coro", link="Ferran Corominas (footballer)")
    assert scorer_names(plain) == ("Corominas",)
    assert scorer_names(linked) == ("Coro", "Ferran Corominas")


def _x004(run, folder):
    code, out, err = run("check", folder, "--no-baseline", "--exit-zero", "--no-cache", "--format", "json")
    return [(f["path"].rsplit("/", 1)[-1], f["line"], f["message"]) for f in json.loads(out) if f["code"] == "X004"]


def test_linked_scorers_are_the_surnames_the_other_article_writes(run):
    """The link on either article's side (league `[[Ferran Corominas|Coro]]`, club
    `[[Manvir Singh (footballer, born 1995)|Manvir]]` against `Singh`): no X004 (three errors before)."""
    assert _x004(run, CORPUS) == []


def test_a_link_to_another_player_is_reported_with_the_names_shown(run, tmp_path):
    """`[[John Smith (footballer, born 1990)|Smith]]` against `Jones` is another player: X004,
    its message quoting what each article shows."""
    for f in CORPUS.iterdir():
        text = f.read_text("utf-8")
        text = text.replace("[[Ferran Corominas|Coro]] {{goal|40}}",
                            "[[John Smith (footballer, born 1990)|Smith]] {{goal|40}}")
        text = text.replace("|goals1=Corominas {{goal|40}}", "|goals1=Jones {{goal|40}}")
        (tmp_path / f.name).write_text(text, "utf-8")
    club = tmp_path / "club.wikitext"
    assert _x004(run, tmp_path) == [("league.wikitext", 22, f"Smith 40' here, Jones 40' in {club}")]


@pytest.mark.parametrize("raw", [
    "[[Ferran Corominas|Coro]]", " [[Ferran Corominas]] ", "[[Ferran Corominas#Goa|Coro]]", "[[A|''B'']]",
    "[[A|B &amp; C]]", "[[A|]]", "[[ |B]]", "[[#x|B]]", "[[:Category:X]]", "[[File:x.png|20px]]",
    "[[A|B]] [[C|D]]", "[[A|B]]<ref>[[C]]</ref>", "{{nowrap|[[A|B]]}}", "[[A:B|C]]",
])
def test_a_lone_link_is_read_as_the_passes_read_it(raw):
    """clean.first_link's quick path (the value one article link, the shape of most scorers'
    and clubs' names) finds what the full reading finds."""
    from seasonparse.frontend.wikitext.clean import _first_link_read, first_link

    assert first_link(raw) == _first_link_read(raw)


@settings(deadline=None)
@given(st.text(alphabet="[]|:#{}<>/ab '&;", max_size=30))
def test_first_link_is_the_full_reading_on_any_text(raw):
    from seasonparse.frontend.wikitext.clean import _first_link_read, first_link

    assert first_link(raw) == _first_link_read(raw)


def _x008_at(docs, path, line):
    from seasonparse.check import run, selected_codes
    from seasonparse.config import Config
    from seasonparse.rules import registry

    rules = registry()
    found = run(docs, rules, selected_codes(rules, ("X008",), (), ()), Config()).findings
    return [f for f in found if f.path == path and f.line == line]


def test_a_scorer_linked_to_another_player_is_not_the_opponents_namesake():
    """X008: seed 000's `Altamira: Quatrocchi 60'` is Necaxa's Pablo Quatrocchi (reported). The same
    name linking `Roberto Quatrocchi (footballer)` is another player: quiet; linking Pablo, reported."""
    from conftest import SEEDS

    from seasonparse.frontend import parse_file

    docs = [parse_file(str(s)) for s in SEEDS]
    club = next(d for d in docs if d.path.endswith(SEEDS[0].name))
    assert _x008_at(docs, club.path, 101)

    def linked(target):
        matches = tuple(m._replace(events=tuple(e._replace(link=target) if (e.line, e.player) == (101, "Quatrocchi")
                                                else e for e in m.events)) for m in club.matches)
        return [club._replace(matches=matches) if d is club else d for d in docs]

    assert not _x008_at(linked("Roberto Quatrocchi (footballer)"), club.path, 101)
    assert _x008_at(linked("Pablo_Quatrocchi"), club.path, 101)
