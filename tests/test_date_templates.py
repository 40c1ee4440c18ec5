"""A match box's date template: the day it names, or its text for D001 when it names none."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from seasonparse.frontend.wikitext.matchbox import date_of


@pytest.mark.parametrize(("raw", "expected"), [
    ("{{Start date|2011|11|23}}", ("2011-11-23", "November 23, 2011")),
    ("{{Start date|2011|November|23|df=y}}", ("2011-11-23", "23 November 2011")),
    ("{{dts|23 November 2011}}", ("2011-11-23", "November 23, 2011")),
    ("{{dts|9 Sep 2023}}", ("2023-09-09", "September 9, 2023")),  # a short month name (trial33)
    ("{{Start date|2023|Aug|12|df=y}}", ("2023-08-12", "12 August 2023")),
])
def test_a_template_naming_a_day_dates_the_match(raw, expected):
    assert date_of(SimpleNamespace(raw=raw)) == expected


@pytest.mark.parametrize("raw", ["{{Start date|2021|February|30}}", "{{Start date|x|y|z}}",
                                 "{{Start date|2021}}", "{{Start date}}", "{{Start date|2021|2|30}}"])
def test_a_template_naming_no_day_keeps_its_text(raw):
    assert date_of(SimpleNamespace(raw=raw)) == (None, raw)


def test_a_huge_number_in_a_template_is_no_crash():
    iso, text = date_of(SimpleNamespace(raw="{{Start date|2021|5|" + "9" * 6000 + "}}"))
    assert iso is None and text.endswith("(6022 characters)")
