"""`seasonparse server`: a language server, so any LSP editor shows the findings as you type.

The checking is `check.run`, as `seasonparse check` runs it: the open buffers
(text `*.txt`, wikitext `*.wiki`, `*.wikitext`, `*.mediawiki`) replace their
files among the configured `paths` of the workspace, the per-document and the
cross-document rules run over all of them, and selection, severity overrides,
per-file ignores and suppression comments apply. Only the open buffers get
diagnostics (the baseline is not applied: an editor shows what is in the file).

The only module that imports pygls (the optional extra `seasonparse[lsp]`).
`Project` holds everything but the protocol, so it can be read apart from it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlparse
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterable

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcParseError
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.workspace import PositionCodec

from seasonparse.check import CheckRun, DocumentStage, load_one, run, selected_codes
from seasonparse.config import Config, ConfigError
from seasonparse.config import load as load_config
from seasonparse.fallback import INTERNAL_ERROR, described, reduced_document
from seasonparse.findings import Finding
from seasonparse.frontend import WIKITEXT_SUFFIXES, is_wikitext, parse_source
from seasonparse.frontend.source import decode, plain_line_ends
from seasonparse.inputs import GlobError, Input, configured_files, discover, encodable, file_key
from seasonparse.model import Document
from seasonparse.rules import registry
from seasonparse.records import Record

log = logging.getLogger(__name__)

SEASON_SUFFIXES = (".txt", *WIKITEXT_SUFFIXES)
CONFIG_NAMES = ("pyproject.toml", ".seasonparse.toml")
DEBOUNCE_SECONDS = 0.3

Edit = tuple[int, int, int, int, str]
"""(start line, start column, end line, end column, new text): 1-based, end exclusive,
columns in characters, as a Finding counts them."""

FixEdits = Callable[[Finding, tuple[str, ...]], Iterable[Edit]]
"""A finding and its document's lines -> the edits of its autofix (none: no fix)."""


def uri_to_path(uri: str) -> str | None:
    """The file a `file:` URI names, its escapes decoded once (`b%23c.txt` is `b#c.txt`, `q%3Fx.txt`
    `q?x.txt`; a byte that is not UTF-8 as os.fsdecode has it); None for another scheme.
    (pygls's to_fs_path reads the URI as it is given, so it either keeps `%23` or, given the
    workspace's decoded key, cuts the name at `#` or `?`: trial47.)"""
    parsed = urlparse(uri)
    if parsed.scheme.lower() != "file":
        return None
    path = unquote(parsed.path, errors="surrogateescape")
    if parsed.netloc and parsed.netloc.lower() != "localhost":  # a UNC path: //host/share/...
        path = f"//{parsed.netloc}{path}"
    elif os.name == "nt" and len(path) > 2 and path[0] == "/" and path[2] == ":":
        path = path[1:]  # /C:/x -> C:/x
    return path


def path_to_uri(path: Path | str) -> str:
    """The `file:` URI of a file, every character that needs it escaped (`#`, `?`, `%`, a space)."""
    return Path(os.path.abspath(path)).as_uri()


def no_fixes(finding: Finding, lines: tuple[str, ...]) -> list[Edit]:
    """No finding has a fix (for a server that only reports)."""
    return []


def autofix_edits(finding: Finding, lines: tuple[str, ...]) -> list[Edit]:
    """The edits of the finding's autofix as `check --fix` chooses them (autofix.fixes_for: none
    for a fix over two files, or whose own edits overlap), all or none: none where one of them
    no longer holds the text the rule saw in these lines."""
    from seasonparse.autofix import apply_edits, fixes_for

    edits = next(iter(fixes_for([finding]).values()), [])
    if not edits or apply_edits("\n".join(lines) + "\n", edits) is None:
        return []
    return [(e.line, e.column, e.end_line, e.end_column, e.replacement) for e in edits]


def parse_buffer(display: str, text: str) -> Document:
    """An editor buffer's text, parsed as `parse_file` would parse the file. Never raises."""
    source = decode(display, text.encode("utf-8", errors="surrogatepass"))
    if not is_wikitext(display, source.text):
        return parse_source(source)
    from seasonparse.frontend.wikitext import parse_wikitext

    try:
        return parse_wikitext(source)
    except Exception as exc:  # noqa: BLE001 - a bug of ours: the buffer says what failed
        lines = tuple((source.text or "").split("\n"))
        lines = lines[:-1] if lines and lines[-1] == "" else lines
        empty = parse_source(source._replace(text=None))._replace(lines=lines)
        return reduced_document(empty, f"reading this input failed with {described(exc)}; "
                                       "nothing of it was parsed")


class Project:
    """The configuration, the workspace's files and the check over them and the open buffers.

    Files on disk are parsed and checked once per version (modification time and
    size); an open buffer is parsed on every check. The cross-document rules
    and the suppression pass run over everything on each check."""

    def __init__(self, root: Path):
        self.root = root.resolve()  # the workspace's: where the configuration is looked for
        self.rules = registry()
        self.config_problems: list[str] = []
        self.file_problems: list[str] = []  # configured paths that are missing or empty
        self.config = Config(root=self.root)
        self.codes: set[str] = set()
        self.files: dict[str, Input] = {}  # display -> file of the configured paths
        self.references: set = set()  # file keys of the configured references (_reference_keys)
        self._cache: dict[str, tuple[tuple[int, int], tuple[Document, list[Finding]]]] = {}
        self.reload()

    def reload(self) -> None:
        """Read the configuration again and find the workspace's files again."""
        self.config_problems = []
        try:
            self.config = load_config(None, set(self.rules), start=self.root)
        except ConfigError as exc:
            self.config_problems.append(f"configuration: {exc}; checking with the defaults")
            self.config = Config(root=self.root)
        self.codes = selected_codes(self.rules, self.config.select, self.config.ignore,
                                    self.config.extend_select)
        self._cache.clear()
        self.rediscover()

    def rediscover(self) -> None:
        """The files of the configured `paths` (none configured: only the open buffers)."""
        paths = [str(self.config.root / p) for p in self.config.paths]
        self.file_problems = []
        try:
            found = discover(paths, self.config.glob) if paths else None
        except GlobError as exc:
            self.file_problems.append(f"configuration: {exc}")
            found = None
        self.files = {}
        self.references = self._reference_keys()
        if found is not None:
            self.file_problems += found.problems
            for item in found.inputs:
                if self.references and file_key(item.path) in self.references:
                    continue  # a reference is read as nothing here (check reads it as the reference)
                display = self.display(item.path)
                self.files[display] = item._replace(display=display)
        known = set(self.files)
        self._cache = {k: v for k, v in self._cache.items() if k in known}

    def _reference_keys(self) -> set:
        """The files of the configured `references`: `check` reads them as reference results, never as
        articles (trial40: with `paths = ["."]` the server checked `reference/mex.txt` as an article,
        a warning a line); the server runs no R rule, so here they are read as nothing."""
        keys = set()
        for pattern in self.config.references:
            for path in configured_files(self.config.root, pattern):
                if (key := file_key(path)) is not None:
                    keys.add(key)
        return keys

    @property
    def problems(self) -> list[str]:
        """What to tell the user about the configuration and its paths."""
        return self.config_problems + self.file_problems

    def display(self, path: Path | str) -> str:
        """How a file is named in findings: relative to the configuration's folder when
        below it (as per-file-ignores globs are written), else absolute."""
        absolute = Path(os.path.abspath(path))
        try:
            return encodable(absolute.relative_to(self.config.root.resolve()).as_posix())
        except ValueError:
            return encodable(absolute.as_posix())

    def path_of(self, display: str) -> Path:
        return self.config.root.resolve() / display

    def covers(self, path: Path | str) -> bool:
        """Whether an open file is a season article of this workspace: with `paths`
        configured, a file `check` would read there (its globs), so
        a README.txt or requirements.txt elsewhere is left alone; without, any file."""
        absolute = Path(os.path.abspath(path))
        if self.references and file_key(absolute) in self.references:
            return False
        if not self.config.paths:
            return True
        if self.display(absolute) in self.files:
            return True
        for folder in (Path(os.path.abspath(self.config.root / p)) for p in self.config.paths):
            if absolute == folder:
                return True
            if absolute.is_relative_to(folder) and any(
                    absolute.relative_to(folder).match(g) for g in self.config.glob):
                return True
        return False

    def check(self, buffers: dict[str, str]) -> CheckRun:
        """Check the open buffers (display -> text) with the workspace's files, each buffer in its file's place
        of the order `check` reads them in (by name): where a finding lands among documents alike (A001 at the
        first that writes a name) is then `check`'s (trial58: the buffers first, three A001 at an open file that
        `check` puts elsewhere, and their quick fix an N001 there)."""
        names = sorted({*buffers, *self.files})
        sources: list[Input | Document] = [parse_buffer(d, buffers[d]) if d in buffers else self.files[d] for d in names]
        return run(sources, self.rules, self.codes, self.config, map_fn=self._stage)

    def check_open(self, buffers: dict[str, tuple[str, str]]) -> tuple[CheckRun, dict[str, str]]:
        """Check open buffers (uri -> (file path, text)): the outcome, and the display name
        of each buffer that is one of this workspace's articles (see `covers`)."""
        covered = {uri: self.display(path) for uri, (path, _) in buffers.items() if self.covers(path)}
        return self.check({covered[uri]: text for uri, (_, text) in buffers.items()
                           if uri in covered}), covered

    def _stage(self, stage: DocumentStage, sources) -> Iterable[tuple[Document, list[Finding]]]:
        """check.run's per-document stage, with a file's result kept until the file changes."""
        for source in sources:
            if isinstance(source, Document):
                yield stage(source)
                continue
            try:
                st = os.stat(source.path)
                version = (st.st_mtime_ns, st.st_size)
            except OSError:
                version = None
            cached = self._cache.get(source.display)
            if version is not None and cached is not None and cached[0] == version:
                yield cached[1]
                continue
            result = stage(load_one(source))
            if version is not None:
                self._cache[source.display] = (version, result)
            yield result


SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}


def _range(codec: PositionCodec, lines: tuple[str, ...], line: int, column: int,
           end_line: int | None = None, end_column: int | None = None) -> lsp.Range:
    """A finding's 1-based, end-exclusive place as an LSP range (0-based, in the client's
    units). No end: to the end of the line, so there is something to underline."""
    start_line = max(line, 1) - 1
    start_col = max(column, 1) - 1
    if end_line is None:
        end_line = line
    stop_line = max(end_line, line) - 1
    text = lines[stop_line] if stop_line < len(lines) else ""
    stop_col = end_column - 1 if end_column else len(text)
    if stop_line == start_line and stop_col <= start_col:
        stop_col = max(len(text), start_col)
    return codec.range_to_client_units(list(lines), lsp.Range(
        lsp.Position(start_line, start_col), lsp.Position(stop_line, stop_col)))


def to_diagnostic(finding: Finding, outcome: CheckRun, uri_of: Callable[[str], str],
                  codec: PositionCodec, buffer_lines: tuple[str, ...] = ()) -> lsp.Diagnostic:
    """The finding as an LSP diagnostic, placed on the lines the check read, or, where it read
    none (a binary buffer's P003: its text was never read), on `buffer_lines`, the checked
    buffer's own (trial44: the NUL's P003 at 3:3 was published at 0:0, clamped to no line)."""
    lines = outcome.lines_by_path.get(finding.path) or buffer_lines
    related = [lsp.DiagnosticRelatedInformation(
        lsp.Location(uri_of(r.path), _range(codec, outcome.lines_by_path.get(r.path, ()),
                                            r.line, r.column)), r.message)
        for r in finding.related]
    return lsp.Diagnostic(
        range=_range(codec, lines, finding.line, finding.column, finding.end_line,
                     finding.end_column),
        message=finding.message, severity=SEVERITY.get(finding.severity),
        code=finding.code, source="seasonparse", related_information=related or None)


# A finding about the whole file, anchored at its first line that is not blank (P025): a comment
# put above that line becomes the line it is anchored at, so only a `disable` from the top hides it.
WHOLE_FILE = frozenset({"P025"})
# The file's text was never read (binary, empty, unreadable): no comment in it can be read either,
# and one in an empty file makes it no longer empty. No disable action is offered.
NOT_READ = frozenset({"P003", "P004", "P005"})


def disable_comment_edit(line: int, code: str, newline: str = "\n",
                         end_of_line: int | None = None) -> lsp.TextEdit | None:
    """The edit of the quick fix that disables `code` at 0-based `line`: `<!-- seasonparse:
    disable-next-line CODE -->` above it (suppress.py reads it: the next line that is not blank
    or a comment); for a finding about the whole file, `disable CODE` at the top, but where
    it is anchored at the first line and that line's end is known (`end_of_line`, in the
    client's units), `disable-line CODE` at the end of that line: a line put above it would
    be the page's first (review32: `#REDIRECT` must start the page; a comment above it made
    the page no redirect, its P025 gone and an N001 in its place). None where the file was
    never read. The inserted line ends as the buffer's lines do (`newline`)."""
    if code in NOT_READ:
        return None
    if code in WHOLE_FILE:
        if line == 0 and end_of_line is not None:
            return lsp.TextEdit(lsp.Range(lsp.Position(0, end_of_line), lsp.Position(0, end_of_line)),
                                f" <!-- seasonparse: disable-line {code} -->")
        return lsp.TextEdit(lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
                            f"<!-- seasonparse: disable {code} -->{newline}")
    return lsp.TextEdit(lsp.Range(lsp.Position(line, 0), lsp.Position(line, 0)),
                        f"<!-- seasonparse: disable-next-line {code} -->{newline}")


def buffer_lines(text: str) -> tuple[str, ...]:
    """A buffer's lines as the check counts a file's (frontend.source: CRLF and CR are line
    ends too), so a line and column the check gives stand at the same place in it."""
    return tuple(plain_line_ends(text).split("\n"))


def newline_of(text: str) -> str:
    """The buffer's line ending: that of its first line (`\n` where it has a single line)."""
    end = text.find("\n")
    return "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"


class Published(Record):
    """What was last sent for a buffer: its version, each diagnostic with its finding,
    and the lines the findings refer to (what an autofix edits)."""

    version: int | None
    pairs: list[tuple[lsp.Diagnostic, Finding]]
    lines: tuple[str, ...]


class _Answered(Exception):
    """A message that could not be read, already answered with its JSON-RPC error."""


class SeasonProtocol(LanguageServerProtocol):
    """pygls's protocol, with every request answered: pygls reports a request it cannot
    read (params of the wrong shape, a line of -1) to the user only, and the client that
    sent it would wait for its answer for ever."""

    def structure_message(self, data: dict):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "method" not in data or "id" not in data:  # a notification: nobody waits
                raise
            msg_id = data["id"] if type(data["id"]) in (int, str) else None
            self._send_response(msg_id, error=exc.to_response_error())
            raise _Answered(f"{data['method']}: {exc}") from exc

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams):
        """A change to a buffer never opened is a client's mistake: pygls would fail on it
        with a KeyError shown to the user. Ignored with one log line: the file on disk
        counts until the buffer is opened."""
        uri = params.text_document.uri
        if unquote(uri) not in self.workspace.text_documents:
            logging.getLogger(__name__).warning("didChange for %s, which was never opened: ignored", uri)
            return
        yield from super().lsp_text_document__did_change(params)

    def answer_unreadable(self) -> None:
        """A frame whose body is not JSON: the Parse error reply (-32700), its id null as
        JSON-RPC requires (pygls's own response leaves a null id out)."""
        error = JsonRpcParseError()
        self._send_data({"jsonrpc": "2.0", "id": None, "error": {"code": error.code, "message": error.message}})


class _OneLineForClientErrors(logging.Filter):
    """pygls logs a message it cannot read with the whole traceback of its validation: the
    mistake is the client's, not ours, and it is answered (or shown) already; one line says it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Unable to deserialize message"):
            record.msg, record.args = "Unable to deserialize a message from the client", ()
        elif record.exc_info and isinstance(record.exc_info[1], (_Answered, *UNREADABLE)):
            record.exc_info = record.exc_text = None  # report_server_error says it in one line
            return False
        return True


_ONE_LINE = _OneLineForClientErrors()

UNREADABLE = (json.JSONDecodeError, UnicodeDecodeError, RecursionError)
"""What reading a frame's body as JSON raises (pygls hands it to report_server_error)."""


class SeasonServer(LanguageServer):
    """The protocol side: buffers in, diagnostics and code actions out."""

    def __init__(self, debounce: float = DEBOUNCE_SECONDS, fix_edits: FixEdits = no_fixes):
        from seasonparse import __version__

        super().__init__("seasonparse", __version__, protocol_cls=SeasonProtocol)
        for name in ("pygls.protocol.json_rpc", "pygls.io_", "pygls.server"):
            logging.getLogger(name).addFilter(_ONE_LINE)  # the same filter: added once
        self.debounce = debounce
        self.fix_edits = fix_edits
        self.shutdown_requested = False
        self.exit_code = 0  # the protocol's: 1 where `exit` came without `shutdown` before it
        self._project: Project | None = None
        self.published: dict[str, Published] = {}  # uri -> what was last sent for it
        self._pending: asyncio.TimerHandle | None = None
        # the checks run here, one at a time and in order, so the event loop keeps
        # answering while a large workspace is checked; only this thread touches Project
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seasonparse-check")

    # -- what is open -------------------------------------------------------------
    def season_uris(self) -> list[str]:
        """The open season buffers, each by the URI its client gave (pygls keys its
        workspace by the decoded URI: `b#c.txt` for `b%23c.txt`, not the client's name)."""
        return sorted(doc.uri for doc in self.workspace.text_documents.values() if is_season_uri(doc.uri))

    def is_open(self, uri: str) -> bool:
        return unquote(uri) in self.workspace.text_documents  # as pygls keys them

    def project(self) -> Project:
        if self._project is None:  # a client that sent no root: the working folder
            root = self.workspace.root_path or os.getcwd()
            self._project = Project(Path(root))
            self.show_problems()
        return self._project

    def shutdown(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)
        super().shutdown()

    def in_worker(self, fn: Callable, *args) -> asyncio.Future:
        return asyncio.get_running_loop().run_in_executor(self._worker, fn, *args)

    def reload(self, configuration: bool) -> None:
        """Read the configuration (or only the list of files) again, then check."""
        state = self.project()

        def done(job: asyncio.Future) -> None:
            if job.cancelled():
                return
            if job.exception() is not None:
                self.internal_error("reading the configuration and its paths", job.exception())
            elif configuration:
                self.show_problems()

        self.in_worker(state.reload if configuration else state.rediscover).add_done_callback(done)
        self.check_now()

    def report_server_error(self, error: Exception, source) -> None:
        """A message pygls could not read: answered as JSON-RPC says (a request by its id, a
        body that is not JSON with -32700); anything else as pygls reports it."""
        if isinstance(error, _Answered):
            log.warning("answered with an error: %s", error)
        elif isinstance(error, UNREADABLE):
            log.warning("a message that is not JSON: %s", described(error))
            self.protocol.answer_unreadable()
        else:
            super().report_server_error(error, source)

    def internal_error(self, what: str, exc: BaseException) -> None:
        """A bug of ours: logged with its traceback, one message to the user; the server goes on."""
        log.error("%s failed", what, exc_info=exc)
        self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, (
            f"seasonparse: internal error while {what}: {described(exc)} (please report this)")))

    def show_problems(self) -> None:
        for problem in self.project().problems:
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Warning,
                                                           f"seasonparse: {problem}"))

    # -- checking -----------------------------------------------------------------
    def schedule(self) -> None:
        """Check after `debounce` seconds of quiet (each change restarts the wait)."""
        if self._pending is not None:
            self._pending.cancel()
        if self.debounce <= 0:
            self._pending = None
            self.check_now()
            return
        self._pending = asyncio.get_running_loop().call_later(self.debounce, self.check_now)

    def check_now(self) -> None:
        """Check the open buffers as they are now, in the worker; publish when done."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        state = self.project()
        docs = {uri: self.workspace.get_text_document(uri) for uri in self.season_uris()}
        versions = {uri: doc.version for uri, doc in docs.items()}
        buffers = {uri: (uri_to_path(uri) or uri, doc.source) for uri, doc in docs.items()}
        self.in_worker(state.check_open, buffers).add_done_callback(
            lambda done: self._publish(done, versions, {uri: text for uri, (_, text) in buffers.items()}))

    def _publish(self, done: asyncio.Future, versions: dict[str, int | None],
                 texts: dict[str, str] | None = None) -> None:
        """A check's diagnostics, for the buffers still open (`texts`: each one's text as
        checked). A bug of ours is one message to the user, and the server goes on."""
        if done.cancelled():
            return
        if done.exception() is not None:
            self.internal_error("checking", done.exception())
            return
        outcome, covered = done.result()
        state = self.project()
        by_path: dict[str, list[Finding]] = {}
        for f in outcome.findings:
            by_path.setdefault(f.path, []).append(f)

        open_uri = {covered_display: uri for uri, covered_display in covered.items()}

        def uri_of(display: str) -> str:  # an open buffer by its client's URI
            return open_uri.get(display) or path_to_uri(state.path_of(display))

        codec = self.workspace.position_codec
        for uri, version in versions.items():
            if not self.is_open(uri):  # closed while it was checked
                continue
            if uri not in covered:  # not among the workspace's articles: nothing to show
                self.forget(uri, version)
                continue
            display = covered[uri]
            own = () if outcome.lines_by_path.get(display) else buffer_lines((texts or {}).get(uri, ""))
            pairs = [(to_diagnostic(f, outcome, uri_of, codec, own), f) for f in by_path.get(display, [])]
            self.published[uri] = Published(version, pairs, outcome.lines_by_path.get(display, ()))
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri, [d for d, _ in pairs], version))

    def forget(self, uri: str, version: int | None = None) -> None:
        self.published.pop(uri, None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, [], version))

    # -- code actions -------------------------------------------------------------
    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        published = self.published.get(uri)
        current = self.is_open(uri) and published is not None and (
            self.workspace.get_text_document(uri).version == published.version)
        actions: list[lsp.CodeAction] = []
        for asked in params.context.diagnostics:
            if asked.source != "seasonparse" or not asked.code:
                continue
            finding = current and next((f for d, f in published.pairs if d.code == asked.code
                                        and d.message == asked.message
                                        and d.range.start == asked.range.start), None)
            if finding:  # a fix only for the text it was computed on (the version says so)
                lines = published.lines
                edits = [self._text_edit(lines, e) for e in self.fix_edits(finding, lines)]
                if edits:
                    actions.append(lsp.CodeAction(
                        f"Fix {asked.code}: {asked.message}", kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[asked], is_preferred=True,
                        edit=lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
                            lsp.OptionalVersionedTextDocumentIdentifier(uri, published.version),
                            edits)])))
            disable = None if asked.code == INTERNAL_ERROR else disable_comment_edit(  # ours: never silenced
                asked.range.start.line, str(asked.code), self._newline(uri), self._end_of_line(uri, 0))
            if disable is not None:
                actions.append(lsp.CodeAction(
                    f"Disable {asked.code} for this {'file' if asked.code in WHOLE_FILE else 'line'}",
                    kind=lsp.CodeActionKind.QuickFix, diagnostics=[asked],
                    edit=lsp.WorkspaceEdit(changes={uri: [disable]})))
        return actions

    def _newline(self, uri: str) -> str:
        if not self.is_open(uri):
            return "\n"
        return newline_of(self.workspace.get_text_document(uri).source)

    def _end_of_line(self, uri: str, line: int) -> int | None:
        """Where the buffer's 0-based `line` ends, in the client's units (None: no such buffer or line)."""
        if not self.is_open(uri):
            return None
        lines = buffer_lines(self.workspace.get_text_document(uri).source)  # as the check counts them
        if line >= len(lines):
            return None
        from seasonparse.comments import outside_comments

        if next(outside_comments(lines[line:line + 1]))[1]:
            return None  # the line ends inside a comment (a note over lines): nothing appended there
        return self.workspace.position_codec.client_num_units(lines[line])

    def _text_edit(self, lines: tuple[str, ...], edit: Edit) -> lsp.TextEdit:
        line, column, end_line, end_column, text = edit
        codec = self.workspace.position_codec
        return lsp.TextEdit(codec.range_to_client_units(list(lines), lsp.Range(
            lsp.Position(line - 1, column - 1), lsp.Position(end_line - 1, end_column - 1))), text)


def is_season_uri(uri: str) -> bool:
    return uri.lower().endswith(SEASON_SUFFIXES)


def is_config_uri(uri: str) -> bool:
    return uri.rsplit("/", 1)[-1] in CONFIG_NAMES


WATCHED = ("**/*.txt", "**/*.json", *(f"**/*{s}" for s in WIKITEXT_SUFFIXES),
           *(f"**/{name}" for name in CONFIG_NAMES))


def _quiet_exit(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    """pygls ends the server on `exit` with SystemExit, which asyncio prints as a
    traceback over TCP: an orderly exit is not an error."""
    if not isinstance(context.get("exception"), SystemExit):
        loop.default_exception_handler(context)


def make_server(debounce: float = DEBOUNCE_SECONDS, fix_edits: FixEdits = autofix_edits) -> SeasonServer:
    server = SeasonServer(debounce, fix_edits)

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: SeasonServer, params: lsp.InitializedParams) -> None:
        asyncio.get_running_loop().set_exception_handler(_quiet_exit)
        ls.project()
        caps = ls.client_capabilities.workspace
        watch = caps and caps.did_change_watched_files
        if watch and watch.dynamic_registration:
            ls.client_register_capability(lsp.RegistrationParams([lsp.Registration(
                "seasonparse-files", lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                lsp.DidChangeWatchedFilesRegistrationOptions(
                    [lsp.FileSystemWatcher(glob) for glob in WATCHED]))]))

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: SeasonServer, params: None) -> None:
        ls.shutdown_requested = True

    @server.feature(lsp.EXIT)
    def exit(ls: SeasonServer, params: None) -> None:
        ls.exit_code = 0 if ls.shutdown_requested else 1

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SeasonServer, params: lsp.DidOpenTextDocumentParams) -> None:
        if is_season_uri(params.text_document.uri):
            ls.check_now()

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SeasonServer, params: lsp.DidChangeTextDocumentParams) -> None:
        if is_season_uri(params.text_document.uri):
            ls.schedule()

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SeasonServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if is_config_uri(uri) or is_season_uri(uri):
            ls.reload(configuration=is_config_uri(uri))

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SeasonServer, params: lsp.DidCloseTextDocumentParams) -> None:
        if is_season_uri(params.text_document.uri):
            ls.forget(params.text_document.uri)
            ls.check_now()  # a closed buffer's file on disk counts again for the others

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: SeasonServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.reload(configuration=any(is_config_uri(change.uri) for change in params.changes))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: SeasonServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    return server


def cmd_server(argv: list[str]) -> int:
    from seasonparse.cli_common import server_parser

    args = server_parser().parse_args(argv)
    server = make_server()
    if args.tcp:
        try:
            server.start_tcp(*args.tcp)
        except OSError as exc:  # a port in use, an address not this machine's, a host that does not resolve
            if getattr(server, "_server", None) is not None:  # it listened: a failure after, not the user's
                raise
            from seasonparse.cli_common import UsageError

            import socket

            host, port = args.tcp
            # asyncio's bind error repeats the address: the system's own words are enough
            why = (os.strerror(exc.errno) if exc.errno and exc.errno > 0 and not isinstance(exc, socket.gaierror)
                   else exc.strerror or exc)
            raise UsageError(f"--tcp {host}:{port}: cannot listen there: {why}") from None
    else:
        server.start_io()
    return server.exit_code
