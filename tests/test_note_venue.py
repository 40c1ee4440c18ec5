"""A text-format score note's ground (lines.note_venue): what X002 reads to tell a final at a
neutral ground (trial25), and only a ground: `at half-time`, `at 2–1`, `at home` name none (review22),
nor `at Home`, `at HT` (fixes39)."""

from __future__ import annotations

import pytest

from seasonparse.frontend.lines import note_venue


@pytest.mark.parametrize("note, ground", [
    ("at Wembley Stadium", "Wembley Stadium"),
    ("at Wembley Stadium, London", "Wembley Stadium, London"),
    ("a.e.t.; played at Villa Park", "Villa Park"),
    ("a.e.t., at the National Stadium", "the National Stadium"),
    ("At Estadio Azteca", "Estadio Azteca"),
    ("at half-time abandoned", None),
    ("at 2–1 abandoned", None),
    ("at home", None),
    ("at Home", None),  # the side at home, capitalised (fixes39)
    ("at HT", None),  # half-time
    ("a.e.t.; at Half-time", None),
    ("at FT", None),  # full time: the lexicon's abbreviation, no ground
    ("at MCG", "MCG"), ("a.e.t., at the SCG", "the SCG"),  # capitals alone may be a ground (review24)
    ("at Home Park", "Home Park"),  # Plymouth Argyle's ground: a name that holds the word
    ("at BT Murrayfield", "BT Murrayfield"),
    ("at the Away Ground", "the Away Ground"),
    ("a.e.t.", None),
    ("Alpha won 4–3 on penalties", None),
    (None, None),
])
def test_a_note_names_a_ground_only_by_a_name(note, ground):
    assert note_venue(note) == ground


def test_a_text_match_noted_at_half_time_or_at_home_has_no_ground():
    """Through the text front end: the match's venue, as the cross-document rules read it."""
    from seasonparse.frontend import parse_text

    text = ("= 2033–34 Ostbridge Town season =\n\n==Cup==\nMay 1, 2034\nAlpha 1 - 0 Beta (at HT)\n\n"
            "May 8, 2034\nBeta 0 - 2 Alpha (at Home)\n\nMay 15, 2034\nAlpha 2 - 1 Gamma (at Home Park)\n")
    assert [m.venue for m in parse_text(text, "cup.txt").matches] == [None, None, "Home Park"]
