"""A text-format score note's ground (lines.note_venue): what X002 reads to tell a final at a
neutral ground (trial25), and only a ground: `at half-time`, `at 2–1`, `at home` name none (review22)."""

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
    ("a.e.t.", None),
    ("Alpha won 4–3 on penalties", None),
    (None, None),
])
def test_a_note_names_a_ground_only_by_a_name(note, ground):
    assert note_venue(note) == ground
