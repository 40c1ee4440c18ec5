"""Four digits no season starts in are no year (trial37: a file `sc9798.wikitext` read as `the
season 9798 (9798–9798)`, a false D002); a tournament infobox's `title` names the season of a
page whose name names none."""

import pytest

from conftest import FIXTURES
from seasonparse.seasons import season_years


@pytest.mark.parametrize("text, years", [
    ("sc9798", None), ("9798", None), ("2199", (2199, 2199, "2199")), ("2200–01", None),
    ("1997–98 Scottish Cup", (1997, 1998, "1997–98")), ("1850", (1850, 1850, "1850")), ("1849", None)])
def test_a_season_starts_in_a_plausible_year(text, years):
    assert season_years(text) == years


def test_the_infobox_title_names_the_season_of_a_page_whose_name_names_none():
    from seasonparse.football import season_window
    from seasonparse.frontend import parse_file

    doc = parse_file(str(FIXTURES / "wikitext" / "handmade" / "sc9798.wikitext"))
    assert doc.title == "1997–98 Scottish Cup"
    assert season_window(doc).text == "1997–98"
