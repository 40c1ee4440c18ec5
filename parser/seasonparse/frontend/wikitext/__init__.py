"""MediaWiki wikitext front end: a Wikipedia article's source in, the one Document model out.

`scan` splits the article into pieces in one linear pass; the templates that
carry data are parsed one at a time (`fragments`, one regular-expression pass
the tests hold to mwparserfromhell's full parse), each kind by its own reader; headings, prose, lists and wikitables are turned into
the lines the text front end's assembler reads, so sections, outcome lines,
goalscorer lists and table semantics are decided in one place for both formats.
"""

from __future__ import annotations

from seasonparse.frontend.source import Source
from seasonparse.model import Document


def parse_wikitext(source: Source) -> Document:
    from seasonparse.frontend.wikitext.reader import read

    return read(source)


__all__ = ["parse_wikitext"]
