"""MediaWiki XML dumps: the season articles in them, one page at a time.

A dump (`pages-articles.xml`, `.xml.bz2`, multistream bz2: concatenated bz2
streams, which `bz2.open` reads as one; `.xml.gz`) is read in 1 MiB pieces through
xml.etree's XMLPullParser, and every page is dropped from the tree once it is
handed on: memory holds one page, never the dump. The standard library is
used rather than mwxml because a broken dump must become a diagnostic at its
line:column with every page before it kept, and feeding the parser ourselves
gives both (mwxml wraps the same parser and stops with its own exception).

A page is named `DUMP:Title@revid` (see page_display): unique in a dump,
readable, and split back by split_display. Which pages are season articles is
data (data/dump.toml), replaced key by key by the `dump` table of the
configuration (Selection.from_table).
"""


from typing import Iterator

import hashlib
import re

from seasonparse.frontend import DUMP_SUFFIXES
from seasonparse.lazy_re import compile_lazily
from seasonparse.model import ERROR, Diagnostic, Document
from seasonparse.records import Record

CHUNK = 1 << 20  # bytes fed to the XML parser at a time
MAX_NAME = 120  # characters of a page's file name under --out, before its suffix


class Page(Record):
    title: str
    namespace: int
    revision: int | None  # the last revision's id
    redirect: bool
    model: str | None  # `wikitext` in article dumps; None where the dump does not say
    text: str


# `#REDIRECT [[Target]]` at a page's start (any case, a colon allowed): what MediaWiki reads as a redirect
_REDIRECT = compile_lazily(r"\s*#redirect\s*:?\s*\[\[\s*([^\[\]{}|]+?)\s*(?:\|[^\[\]]*)?\]\]", re.I)


def redirect_target(text: str) -> str | None:
    """The page a wikitext page redirects to (`#REDIRECT [[2001 Major League Soccer season#MLS Cup
    Playoffs|…]]`: `2001 Major League Soccer season#MLS Cup Playoffs`), None where it is no redirect. The
    one test of a redirect: a dump's page that its <redirect> element does not mark is skipped by it, a
    page checked alone is a P025 by it (trial41: read as a list item, 0 findings)."""
    m = _REDIRECT.match(text) if text[:1] in "# \t\n\r" else None
    return m[1] if m else None


class Broken(Record):
    """Where a dump stops being readable: what the pages before it are followed by."""

    message: str
    line: int
    column: int
    no_page: bool = False  # broken before any page could be read (not a valid compressed stream)


def dump_stem(name: str) -> str:
    """`enwiki-pages-articles.xml.bz2` -> `enwiki-pages-articles`: the folder of its pages under --out."""
    lowered = name.lower()
    for suffix in sorted(DUMP_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return name[: len(name) - len(suffix)] or "dump"
    return name


# Naming pages ---------------------------------------------------------------------------------

def page_display(dump: str, title: str, revision: int | None) -> str:
    """How findings name a page: `dump.xml.bz2:2004–05 Serie A@12345` (then `:line:col`)."""
    return f"{dump}:{title}@{revision if revision is not None else ''}"


_DISPLAY = compile_lazily(r"(?P<dump>.*?\.xml(?:\.bz2|\.gz)?):(?P<title>.+)@(?P<revision>\d*)", re.I | re.S)


def split_display(path: str) -> tuple[str, str, str] | None:
    """(dump, title, revision) of a page's display name, or None for any other path.
    The dump is cut at its first `.xml:`, `.xml.bz2:` or `.xml.gz:`, the revision at the last `@`."""
    m = _DISPLAY.fullmatch(path)
    return (m["dump"], m["title"], m["revision"]) if m else None


_UNSAFE = compile_lazily(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def safe_name(title: str) -> str:
    """A file name for a page title on any system: no separators, control or reserved
    characters, no leading dot, at most MAX_NAME characters. Where that changed the
    title, a hash of the whole title follows (`~` and 10 hex digits), so two titles that
    differ only there still get two names."""
    import unicodedata

    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", title)).strip(" .") or "_"
    if name.startswith("."):
        name = "_" + name
    if name == title and len(name) <= MAX_NAME:
        return name
    digest = hashlib.sha1(title.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{name[:MAX_NAME].rstrip(' .')}~{digest}"


class Names:
    """Safe, distinct file names for the pages of one dump, in dump order: where two
    titles still meet (names that differ only in case, for case-blind file systems;
    a history dump's repeated title), the later one gets its revision id, then a count."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def name(self, page: Page) -> str:
        base = safe_name(page.title)
        name, n = base, 1
        while name.casefold() in self._taken:
            n += 1
            name = f"{base}~{page.revision}" if n == 2 and page.revision is not None else f"{base}~{n}"
        self._taken.add(name.casefold())
        return name


# Which pages ----------------------------------------------------------------------------------

def _template_pattern(names) -> re.Pattern | None:
    """`{{Name` or `{{#invoke:Name`, the name's first letter in any case (as MediaWiki reads it)."""
    alternatives = []
    for name in names:
        name = name.strip()
        invoke = name.lower().startswith("#invoke:")
        name = name[len("#invoke:"):].strip() if invoke else name
        if not name:
            continue
        head, rest = name[0], name[1:]
        first = f"[{re.escape(head.upper())}{re.escape(head.lower())}]" if head.isalpha() else re.escape(head)
        prefix = r"#invoke\s*:\s*" if invoke else ""
        alternatives.append(prefix + first + re.sub(r"(?:\\ |_)+", "[ _]+", re.escape(rest)))
    if not alternatives:
        return None
    return re.compile(r"\{\{\s*(?:[Tt]emplate\s*:\s*)?(?:" + "|".join(alternatives) + r")\s*[|}\n]")


class Selection(Record):
    """Which pages of a dump are season articles (see data/dump.toml)."""

    titles: tuple[re.Pattern, ...]
    templates: re.Pattern | None
    match: str  # "all": a title and a template; "any": either

    def keeps(self, page: Page) -> bool:
        if page.namespace != 0 or page.redirect or page.model not in (None, "wikitext") \
                or redirect_target(page.text) is not None:
            return False
        title = any(p.search(page.title) for p in self.titles)
        if self.match == "any" and title:
            return True
        if self.match == "all" and not title:
            return False
        return bool(self.templates and self.templates.search(page.text))

    @classmethod
    def from_table(cls, table: dict, where: str = "dump selection", base: "Selection | None" = None
                   ) -> "Selection":
        """A selection from a table with `titles`, `templates` and `match`; keys it lacks
        come from `base` (default: the packaged data). ValueError says what is wrong."""
        unknown = sorted(set(table) - {"titles", "templates", "match"})
        if unknown:
            raise ValueError(f"{where}: unknown key `{unknown[0]}` (known: match, templates, titles)")
        base = base or default_selection()
        titles, templates, match = base.titles, base.templates, base.match
        if "match" in table:
            if table["match"] not in ("all", "any"):
                raise ValueError(f"{where}: `match` must be \"all\" or \"any\"")
            match = table["match"]
        for key in ("titles", "templates"):
            if key in table and not (isinstance(table[key], list)
                                     and all(isinstance(v, str) for v in table[key])):
                raise ValueError(f"{where}: `{key}` must be a list of strings")
        if "titles" in table:
            try:
                titles = tuple(re.compile(p) for p in table["titles"])
            except re.error as exc:
                raise ValueError(f"{where}: `titles`: not a regular expression: {exc}") from None
        if "templates" in table:
            templates = _template_pattern(table["templates"])
        return cls(titles, templates, match)


_DEFAULT: list = []


def default_selection() -> Selection:
    if not _DEFAULT:
        from seasonparse.data._dump import DATA as data  # data/dump.toml (scripts/gen_data.py)

        _DEFAULT.append(Selection(tuple(re.compile(p) for p in data["titles"]),
                                  _template_pattern(data["templates"]), data["match"]))
    return _DEFAULT[0]


# Reading --------------------------------------------------------------------------------------

def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _child_text(elem, name: str) -> str | None:
    for child in elem:
        if _local(child.tag) == name:
            return child.text or ""
    return None


def _number(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class _Position:
    """Line and column (1-based) just after the bytes fed so far: where a dump that
    ends early is said to end."""

    def __init__(self) -> None:
        self.line, self.column = 1, 1

    def advance(self, data: bytes) -> None:
        newlines = data.count(b"\n")
        if newlines:
            self.line += newlines
            self.column = len(data) - data.rfind(b"\n")
        else:
            self.column += len(data)


# The compressions a dump may come in: the standard library's module that reads each,
# the first bytes of its streams, and the suffix that names it.
_COMPRESSIONS = (("bz2", b"BZh", ".bz2"), ("gzip", b"\x1f\x8b", ".gz"))


def _compression(path: str, head: bytes) -> str | None:
    """The module reading the dump: told by its first bytes whatever the name, else by
    the name (a `.bz2` that does not start like one is read as bz2, to say it is none)."""
    for module, magic, _ in _COMPRESSIONS:
        if head.startswith(magic):
            return module
    return next((module for module, _, suffix in _COMPRESSIONS if path.lower().endswith(suffix)), None)


def open_dump(path: str):
    """The dump's bytes, decompressed where it is bz2 or gzip (see _compression)."""
    fh = open(path, "rb")
    module = _compression(path, fh.peek(3)[:3])
    if module is None:
        return fh
    import importlib

    fh.close()
    return importlib.import_module(module).open(path, "rb")


def read_pages(stream) -> Iterator[Page | Broken]:
    """Every page of the dump `stream` (a binary file), in order; a dump that is not
    well-formed or ends early yields the pages before the fault, then Broken.
    A compressed stream whose first read fails, other than by ending early, is none at all.
    (xml.etree, bz2 and gzip are imported where a dump is read: start-up pays nothing.)"""
    from xml.etree.ElementTree import ParseError

    tree = _Tree()
    at = _Position()
    started = False  # some bytes were read
    while True:
        data, fault = _next_chunk(stream)
        if fault is not None and not started and not data and not isinstance(fault, EOFError):
            yield Broken(f"it is not a valid {type(stream).__module__} stream ({fault})", 1, 1, True)
            return
        started = True
        try:
            tree.parser.feed(data) if data or fault else tree.parser.close()
            yield from tree.pages()  # the pages completed before a fault come first
        except ParseError as exc:
            line, column = exc.position
            yield Broken(f"the dump is not well-formed XML ({_reason(exc)})", line, column + 1)
            return
        at.advance(data)
        if fault is not None:  # a compressed stream cut short or damaged: after all it gave
            yield Broken(f"the compressed dump is damaged or ends early ({fault})", at.line, at.column)
            return
        if not data:
            if not tree.mediawiki:
                yield Broken("not a MediaWiki dump: its root element is not <mediawiki>", 1, 1)
            return


def _next_chunk(stream) -> tuple[bytes, Exception | None]:
    """Up to CHUNK bytes of `stream` (b"" at its end), and the error that stopped the
    reading (None: none). Read with read1, a step of the decompressor at a time, so that
    what a cut or damaged stream gave before its error is kept: a read(CHUNK) that
    fails drops the whole chunk, with the complete pages in it."""
    read = getattr(stream, "read1", None) or stream.read
    pieces: list[bytes] = []
    size = 0
    try:
        while size < CHUNK:
            piece = read(CHUNK - size)
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
    except (EOFError, OSError) as exc:
        return b"".join(pieces), exc
    return b"".join(pieces), None


def _reason(exc) -> str:
    return re.sub(r": line \d+, column \d+$", "", str(exc))


class _Tree:
    """The parser and the little it keeps between pieces: the root, and the last
    revision of the page being read. A page leaves the tree as soon as it is read."""

    def __init__(self) -> None:
        from xml.etree.ElementTree import XMLPullParser

        self.parser = XMLPullParser(events=("start", "end"))
        self.root = None
        self.mediawiki = False
        self.revision: tuple | None = None

    def pages(self) -> Iterator[Page]:
        for event, elem in self.parser.read_events():
            name = _local(elem.tag)
            if event == "start":
                if self.root is None:
                    self.root, self.mediawiki = elem, name == "mediawiki"
            elif name == "revision":
                self.revision = (_number(_child_text(elem, "id")), _child_text(elem, "model"),
                                 _child_text(elem, "text") or "")
                elem.clear()  # a history dump's older revisions are not kept
            elif name == "page":
                yield self._page(elem)

    def _page(self, elem) -> Page:
        revid, model, text = self.revision or (None, None, "")
        self.revision = None
        page = Page(_child_text(elem, "title") or "", _number(_child_text(elem, "ns")) or 0, revid,
                    any(_local(child.tag) == "redirect" for child in elem), model, text)
        elem.clear()
        if self.root is not None and self.root is not elem:
            try:
                self.root.remove(elem)
            except ValueError:  # not the root's child: cleared is enough
                pass
        return page


# Documents ------------------------------------------------------------------------------------

def broken_document(display: str, broken: Broken) -> Document:
    """The dump's own document for where it breaks: one P005 error at the dump's line:col."""
    message = (f"cannot read this dump: {broken.message}" if broken.no_page else
               f"cannot read the rest of this dump: {broken.message}; the pages before it were read")
    diagnostic = Diagnostic("P005", ERROR, message, broken.line, broken.column)
    return Document(display, None, None, None, (), (), (), (), (), (), (), (diagnostic,), ())


def page_document(item, display: str) -> Document:
    """A page (or the Broken end) of a dump, parsed as wikitext."""
    if isinstance(item, Broken):
        return broken_document(display, item)
    from seasonparse.frontend import parse_read
    from seasonparse.frontend.source import decode

    return parse_read(decode(display, item.text.encode("utf-8", "surrogatepass")), wikitext=True)
