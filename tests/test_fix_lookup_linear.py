"""The W001/W002 fixes look a diagnostic's line up in an index built once a document:
scanning the infobox or the blocks again for every diagnostic made a long article with
many of them quadratic (400 copies of a seed in one file: 960,800 block visits)."""

from conftest import SEEDS

from seasonparse.findings import Reporter
from seasonparse.frontend import parse_file
from seasonparse.rules.parse import leaked_template_parameter, stray_pipe


class Counting:
    """A document whose `blocks` and `infobox` count how often they are read."""

    def __init__(self, doc):
        self._doc, self.reads = doc, {"blocks": 0, "infobox": 0}

    def __getattr__(self, name):
        if name in ("blocks", "infobox"):
            self.reads[name] += 1
        return getattr(self._doc, name)


def test_fixes_read_the_infobox_and_blocks_once_a_document(tmp_path):
    text = "".join(seed.read_text("utf-8") for seed in SEEDS for _ in range(20))
    path = tmp_path / "many.txt"
    path.write_text(text, "utf-8")
    doc = Counting(parse_file(str(path)))
    for rule, code in ((stray_pipe, "W002"), (leaked_template_parameter, "W001")):
        found = list(rule(doc, None, Reporter(rule.rule, str(path))))
        assert len(found) >= 20 and sum(f.fix is not None for f in found) >= 20, code
    assert doc.reads == {"blocks": 1, "infobox": 1}
