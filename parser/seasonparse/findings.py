"""What a rule is, what it is configured with and what it yields.

The vocabulary shared by the rules (seasonparse.rules), the corpus index they
read (seasonparse.corpus) and the pipeline that runs them (seasonparse.check):
it sits below all three and imports nothing from the package.

A rule is a function with metadata: a stable code, a kebab-case name, a default
severity, a scope (see SCOPES) and a docstring with What it does / Why / Example
sections, which `seasonparse rule CODE` prints. Rules yield Findings; they
never filter, suppress or print: that happens once, between the rules and the
reporters (seasonparse.check).

It imports nothing from the package but `wording`, which words a message's quotes.
"""


from typing import Callable, Iterator

from seasonparse.wording import LONG_MESSAGE, short_quotes
from seasonparse.records import Record

DOCUMENT, CORPUS, REFERENCE, PIPELINE = "document", "corpus", "reference", "pipeline"

SCOPES = {
    DOCUMENT: "checks one document at a time: `check(document, settings, report)`",
    CORPUS: "checks all the documents of a run together, on one index of them: "
            "`check(corpus, settings, report)`",
    REFERENCE: "checks the documents of a run against the reference results it is given "
               "(`--reference`, `references`): `check(reference_index, settings, report)`",
    PIPELINE: "runs after every other rule, on what the check pipeline itself found: "
              "`check(outcome, settings, report)`; for N001 and N002 the outcome is the suppression "
              "comments that suppressed no finding of the selected rules (N002: those that could not be read)",
}
"""Each scope: what its rules are given, and when they run (the README prints this)."""


ALL = "ALL"


def selector(text: str) -> str:
    """A rule selector as written (`m003`, ` M `, `all`) in its one form (`M003`, `M`, `ALL`)."""
    return text.strip().upper()


def code_matches(code: str, written: str) -> bool:
    """Whether the selector `written` names the rule `code`: in any case, `ALL` names every
    rule, any other selector a code or a prefix of codes (`m`, `M00`, `m003` name M003). The
    one reading of a selector: `--select`, `select`/`ignore`/`extend-select`, `severity`,
    `per-file-ignores` and a suppression comment's codes."""
    s = selector(written)
    return s == ALL or code.startswith(s)


def most_specific(code: str, selectors) -> str | None:
    """Of `selectors` (as written), the one naming `code` most narrowly (`M003` before `M`, `M`
    before `ALL`); None where none names it. A configured `severity`'s: the narrowest wins."""
    named = [s for s in selectors if code_matches(code, s)]
    return max(named, key=lambda s: -1 if selector(s) == ALL else len(selector(s)), default=None)


class Related(Record):
    path: str
    line: int
    column: int
    message: str


class Edit(Record):
    """Replace the text from (line, column) up to (end_line, end_column), 1-based and
    end-exclusive, with `replacement` ("\\n" in it stands for the file's line ending).
    `expected` is the text the rule saw there: a fix is applied only where the file
    still holds it, so a position that is not exact (a front end that maps columns
    approximately, a file edited since) never corrupts anything."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str
    expected: str


class Fix(Record):
    """A rule's safe repair of one finding: edits applied all together or not at all."""

    message: str
    edits: tuple[Edit, ...]


class Finding(Record):
    code: str
    severity: str
    message: str
    path: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    related: tuple[Related, ...] = ()
    name: str = ""
    fix: Fix | None = None  # set by the rules that can repair what they found (`check --fix`)

    def sort_key(self):
        return (self.path, self.line, self.column, self.code, self.message)


class Settings(Record):
    """What rules may be configured with ([tool.seasonparse] in pyproject.toml)."""

    points_for_win: int = 3
    aliases: dict[str, tuple[str, ...]] = {}  # the default is shared: read, never changed


class Rule(Record):
    code: str
    name: str
    severity: str
    scope: str  # a key of SCOPES
    check: Callable[..., Iterator[Finding]]
    doc: str
    fixable: bool = False  # its findings may carry a Fix (`seasonparse check --fix`)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


def rule(code: str, name: str, severity: str, scope: str = DOCUMENT, fixable: bool = False):
    """Attach rule metadata to a check function (the registry lists them explicitly)."""
    if scope not in SCOPES:
        raise ValueError(f"rule {code}: unknown scope {scope!r}")

    def wrap(fn):
        fn.rule = Rule(code, name, severity, scope, fn, fn.__doc__ or "", fixable)
        return fn

    return wrap


class Reporter:
    """Builds findings for one rule with its code, name and default severity filled in, and
    its messages' overlong quotes cut (wording.short_quotes), related ones' too."""

    def __init__(self, r: Rule, path: str):
        self.rule, self.path = r, path

    def __call__(self, message: str, line: int, column: int = 1, *, end_line=None,
                 end_column=None, related=(), severity: str | None = None, path: str | None = None,
                 fix: Fix | None = None) -> Finding:
        related = tuple(related)
        if len(message) > LONG_MESSAGE or any(len(r.message) > LONG_MESSAGE for r in related):
            message = short_quotes(message)
            related = tuple(r._replace(message=short_quotes(r.message)) for r in related)
        return Finding(self.rule.code, severity or self.rule.severity, message, path or self.path,
                       line, column, end_line, end_column, related, self.rule.name, fix)
