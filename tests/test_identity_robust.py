"""A club name with no letters or digits (`?`, a cut `[`) is no club: it must not stop
the cross-document index, and the other documents' findings stay what they were."""

import json
import shutil

from conftest import FIXTURES, SEEDS


def _findings(run, folder):
    code, out, _ = run("check", folder, "--no-baseline", "--no-cache", "--format", "json", "--exit-zero")
    assert code == 0
    return json.loads(out)


def test_a_punctuation_only_club_name_does_not_stop_the_corpus_rules(run, tmp_path):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    before = _findings(run, tmp_path)
    shutil.copy(FIXTURES / "bad" / "punctuation_club.txt", tmp_path / "z.txt")
    after = _findings(run, tmp_path)
    assert not [f for f in after if f["code"] == "P000"]
    assert [f for f in after if not f["path"].endswith("z.txt")] == before
