"""Write a synthetic MediaWiki dump of N real-size season articles, and the same
number of text-format articles, for the dump benchmark.

    python bench/gen_dump.py N OUT_DIR [--seed S] [--share K]

OUT_DIR/dump.xml and OUT_DIR/dump.xml.bz2: N season pages made from the real
Wikipedia articles in tests/fixtures/wikitext (and the handmade Liguilla), plus
one skipped page (talk page, redirect, club article) for every ten, as a real
dump holds. OUT_DIR/text/: N text-format articles made from seeds/.

Each article is a copy of one source moved to another season: every year in
it shifted (`2004–05` becomes `2011–12`, dates with it), two of its clubs
renamed per season, and its title made unique. K copies (default 4) share a
season and its clubs, so the cross-document stage compares their matches as it
would compare a league article with its club articles; in every copy but the
first of a season, one score in ten is changed, so it also finds contradictions.
The same N and seed give the same bytes.
"""

from __future__ import annotations

import argparse
import bz2
import random
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
WIKITEXT = ROOT / "tests" / "fixtures" / "wikitext"
SOURCES = [*sorted(p for p in WIKITEXT.glob("*.wikitext") if p.stat().st_size < 100_000),
           WIKITEXT / "handmade" / "2011_Liga_de_Ascenso_Apertura_Liguilla.wikitext"]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

_SEASON_OR_YEAR = re.compile(r"\b((?:19|20)\d\d)([–-])(\d\d)\b|\b(?:19|20)\d\d\b")
_SCORE = re.compile(r"(?<![\d/:.])(\d)(\s*[–-]\s*)(\d)(?![\d/:.])")
_GRID_CELL = re.compile(r"\s*\|\s*match_\w+\s*=")  # a cell of a Module:Sports results grid
_CLUB_LINK = re.compile(r"\[\[([^\]|#]{3,40})(?:\|([^\]]{3,30}))?\]\]")
SYLLABLES = ["ta", "ro", "mi", "ca", "lu", "ve", "zo", "na", "pe", "di", "sa", "bo", "ni", "ga"]


def _base_year(title: str) -> int:
    return int(re.search(r"(?:19|20)\d\d", title)[0])


def shift_years(text: str, delta: int) -> str:
    """Every year moved by `delta`, a season's two years together, in one pass (two passes
    moved a season's first year twice: `2004–05` became `1886–46` for a delta of -59)."""
    def shifted(m):
        first = int(m[1] or m[0]) + delta
        return f"{first}{m[2]}{(first + 1) % 100:02d}" if m[1] else str(first)

    return _SEASON_OR_YEAR.sub(shifted, text)


def clubs_of(text: str) -> list[str]:
    """Link targets that look like clubs (linked at least four times: the teams of a season)."""
    counts: dict[str, int] = {}
    for m in _CLUB_LINK.finditer(text):
        shown = (m[2] or m[1]).strip()
        if not re.search(r"\d", shown):
            counts[shown] = counts.get(shown, 0) + 1
    return sorted(name for name, n in counts.items() if n >= 4)


def rename(text: str, names: dict[str, str]) -> str:
    for old, new in names.items():
        text = re.sub(rf"(?<![\w]){re.escape(old)}(?![\w])", new, text)
    return text


def vary_scores(text: str, rng: random.Random, share: float) -> str:
    """One score in `share` changed, but never a results grid's cell (`|match_X_Y=2–1`):
    a grid's results add up to the standings table beside it in the same article, which
    is not changed, so a changed cell made the copy contradict itself (S008 in every
    copy of a league, ~20 a page) where a real article agrees with itself. The grid's
    matches have no date, so no other article is compared with them: only the dated
    matches' changed scores make the contradictions between copies."""
    def change(m):
        if rng.random() >= share:
            return m[0]
        return f"{m[1]}{m[2]}{(int(m[3]) + 1) % 10}"

    return "".join(line if _GRID_CELL.match(line) else _SCORE.sub(change, line)
                   for line in text.splitlines(keepends=True))


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def articles(n: int, sources: list[Path], seed: int, share: int):
    """(title, text) of n articles from `sources`, `share` copies a season."""
    rng = random.Random(seed)
    texts = [(p, p.read_text("utf-8")) for p in sources]
    clubs = [clubs_of(t) for _, t in texts]
    groups: dict[tuple[int, int], dict[str, str]] = {}
    for i in range(n):
        which = i % len(texts)
        group = i // (len(texts) * share)  # the season: `share` articles of each source share it
        copy = (i // len(texts)) % share
        path, text = texts[which]
        title = path.stem.replace("_", " ")
        delta = (group % 120) - 60 if group else 0  # seasons 60 years either side of the source's
        key = (which, group)
        if key not in groups:
            g = random.Random(f"{seed}:{which}:{group}")
            picked = g.sample(clubs[which], min(2, len(clubs[which])))
            groups[key] = {c: f"{word(g)} {c}" for c in picked}
        body = rename(shift_years(text, delta), groups[key])
        if copy:
            body = vary_scores(body, rng, 0.1)
        title = shift_years(title, delta)
        if group >= 120:  # seasons repeat after 120 groups: another league of that season
            title += f" (league {group // 120 + 1})"
        if copy:
            title += f" (copy {copy + 1})"
        yield title, body


def _revision(revid: int, text: str) -> str:
    data = text.encode("utf-8")
    return (f"    <revision>\n      <id>{revid}</id>\n      <timestamp>2024-01-01T00:00:00Z</timestamp>\n"
            f"      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
            f"      <text bytes=\"{len(data)}\" xml:space=\"preserve\">{escape(text)}</text>\n"
            f"    </revision>\n")


def _page(title: str, ns: int, page_id: int, text: str, redirect: str | None = None) -> str:
    extra = f"    <redirect title={quoteattr(redirect)} />\n" if redirect else ""
    return (f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{ns}</ns>\n    <id>{page_id}</id>\n"
            f"{extra}{_revision(100_000 + page_id, text)}  </page>\n")


HEADER = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n'
          "  <siteinfo>\n    <sitename>Synthetic</sitename>\n  </siteinfo>\n")


def dump_pages(n: int, seed: int, share: int):
    """The dump's text, page by page: the n articles, and a skipped page every ten."""
    yield HEADER
    page_id = 0
    for i, (title, text) in enumerate(articles(n, SOURCES, seed, share)):
        page_id += 1
        yield _page(title, 0, page_id, text)
        if i % 10 == 9:
            page_id += 1
            kind = (i // 10) % 3
            if kind == 0:
                yield _page(f"Talk:{title}", 1, page_id, text[:2000])
            elif kind == 1:
                yield _page(f"{title} (redirect)", 0, page_id, f"#REDIRECT [[{title}]]\n", redirect=title)
            else:
                yield _page(f"{word(random.Random(page_id))} F.C.", 0, page_id, "A club.\n" * 200)
    yield "</mediawiki>\n"


def generate(n: int, out: Path, seed: int = 1, share: int = 4) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    size = 0
    with open(out / "dump.xml", "wb") as plain, bz2.open(out / "dump.xml.bz2", "wb", compresslevel=9) as packed:
        for piece in dump_pages(n, seed, share):
            data = piece.encode("utf-8")
            size += len(data)
            plain.write(data)
            packed.write(data)
    text_dir = out / "text"
    text_dir.mkdir(exist_ok=True)
    text_bytes = 0
    for i, (title, body) in enumerate(articles(n, SEEDS, seed, share)):
        body = re.sub(r"^= .* =$", f"= {title} =", body, count=1, flags=re.M)
        data = body.encode("utf-8")
        text_bytes += len(data)
        (text_dir / f"{i:06d}.txt").write_bytes(data)
    return {"articles": n, "dump_bytes": size, "bz2_bytes": (out / "dump.xml.bz2").stat().st_size,
            "text_bytes": text_bytes}


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int)
    p.add_argument("out", type=Path)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--share", type=int, default=4, help="articles sharing a season (default 4)")
    args = p.parse_args(argv)
    print(generate(args.n, args.out, args.seed, args.share))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
