"""{{WDL}} in a club season's overview table writes a record's cells (frontend.wikitext.wikitable.wdl_cells)."""

from __future__ import annotations

import pytest

from seasonparse.frontend.wikitext.wikitable import wdl_cells


@pytest.mark.parametrize("text, cells", [
    ("{{WDL|38|32|3|3|85|33|for=yes}}", ["38", "32", "3", "3", "85", "33", "+52", "84.21"]),
    ("{{WDL|46|22|10|14|for=70|against=51|diff=yes}}", ["46", "22", "10", "14", "70", "51", "+19", "47.83"]),
    ("{{wdl|4|1|1|2}}", ["4", "1", "1", "2", "25.00"]),
    ("{{WDL|3|0|1|2|1|4}}", ["3", "0", "1", "2", "1", "4", "−3", "0.00"]),
    ("{{WDL|0|0|0|0}}", ["0", "0", "0", "0", ""]),
    ("{{WDL|x|1|1|1}}", None), ("{{WDL|3|1}}", None), ("| 38 || 32", None), ("{{WDL|3|1|1|1}} and more", None),
    ("{{WDL|" + "9" * 5000 + "|1|1|1}}", None), ("{{WDL|3|1|1|1|" + "9" * 5000 + "|2}}", ["3", "1", "1", "1", "33.33"]),
])
def test_a_wdl_template_is_its_record_cells(text, cells):
    assert wdl_cells(text) == cells
