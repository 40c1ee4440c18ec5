"""What an infobox's club field names (football.named_clubs), and a club season's place (X011's league_position)."""

from __future__ import annotations

import pytest

from seasonparse.football import named_clubs
from seasonparse.rules.cross_statements import _less_outcome


@pytest.mark.parametrize("value, clubs", [
    ("Manchester United, 3rd Premier League title, 4th English title", ["Manchester United"]),  # trial57
    ("Paris Saint-Germain, 10th Ligue 1 title", ["Paris Saint-Germain"]),
    ("1st Vienna, 3rd Austrian title", ["1st Vienna"]),  # review43: a club's name may start with an ordinal
    ("Bayern Munich, 29th German championship", ["Bayern Munich"]),  # review44: not only `title`
    ("Inter Milan, 20th Scudetto", ["Inter Milan"]), ("Celtic, 54th league crown", ["Celtic"]),
    ("Bayern Munich, 29th Deutsche Meisterschaft", ["Bayern Munich"]), ("Juventus, 36th Serie A win", ["Juventus"]),
    ("León, Tijuana", ["León", "Tijuana"]), ("None", []),
])
def test_a_champions_title_count_is_no_club(value, clubs):
    assert named_clubs(value) == clubs


@pytest.mark.parametrize("value, place", [
    ("19th (relegated)", "19th"), ("19th (relegated via play-offs)", "19th"), ("1st (champions, promoted)", "1st"),
    ("5th (Eastern Conference)", "5th (Eastern Conference)"), ("1st (revoked)", "1st (revoked)"), ("2nd", "2nd"),
    ("1st (relegation round)", "1st (relegation round)"),  # review44: a split league's group, another table
])
def test_a_place_less_what_it_brought(value, place):
    """trial57, review43: what the place brought, in brackets after it, is read past; another note stays."""
    assert _less_outcome(value) == place
