"""The language server, spoken to through the protocol: a server in a thread, over two pipes.

The client is a minimal JSON-RPC one written here (Content-Length framing), so
what is tested is what an editor sends and receives. The expected diagnostics
come from `seasonparse check --format json` on the same files: the server must
say what the command line says, at the same places (0-based).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import sys
import threading
from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS
REFERENCE = FIXTURES / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt"

pytest.importorskip("pygls", reason="the language server is the optional extra seasonparse[lsp]")

from seasonparse.lsp_server import make_server  # noqa: E402

TIMEOUT = 30  # seconds to wait for a message: generous, the machine is shared


class Client:
    """Talks LSP to a server running in a thread of this process."""

    def __init__(self, server):
        to_server_r, self._to_server_w = os.pipe()
        self._from_server_r, from_server_w = os.pipe()
        self._out = os.fdopen(self._to_server_w, "wb")
        self._in = os.fdopen(self._from_server_r, "rb")
        self._thread = threading.Thread(
            target=server.start_io, args=(os.fdopen(to_server_r, "rb"), os.fdopen(from_server_w, "wb")),
            daemon=True)
        self._thread.start()
        self._next_id = 0
        self._responses: dict[int, queue.Queue] = {}
        self.notifications: queue.Queue = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self._out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._out.flush()

    def _read(self) -> None:
        while True:
            length = None
            while True:
                header = self._in.readline()
                if not header:
                    return
                if header == b"\r\n":
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(self._in.read(length))
            if "method" in message and "id" in message:  # a request of the server's: say yes
                self._send({"id": message["id"], "result": None})
            elif "method" in message:
                self.notifications.put(message)
            else:
                self._responses.setdefault(message["id"], queue.Queue()).put(message)

    def request(self, method: str, params: dict):
        self._next_id += 1
        number = self._next_id
        box = self._responses.setdefault(number, queue.Queue())
        self._send({"id": number, "method": method, "params": params})
        reply = box.get(timeout=TIMEOUT)
        assert "error" not in reply, reply
        return reply["result"]

    def reply(self, method: str, params) -> dict:
        """The whole reply to a request (an error reply too)."""
        self._next_id += 1
        box = self._responses.setdefault(self._next_id, queue.Queue())
        self._send({"id": self._next_id, "method": method, "params": params})
        return box.get(timeout=TIMEOUT)

    def send_body(self, body: bytes) -> None:
        """One frame with `body` as it is (JSON or not)."""
        self._out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._out.flush()

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def message(self, method: str) -> dict:
        """The params of the next notification `method` (others before it are dropped)."""
        while True:
            message = self.notifications.get(timeout=TIMEOUT)
            if message["method"] == method:
                return message["params"]

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        """The next diagnostics published for `uri` (for `version`, when given)."""
        while True:
            message = self.notifications.get(timeout=TIMEOUT)
            params = message["params"]
            if (message["method"] == "textDocument/publishDiagnostics" and params["uri"] == uri
                    and (version is None or params.get("version") == version)):
                return params["diagnostics"]

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self._out.close()
        self._thread.join(TIMEOUT)
        assert not self._thread.is_alive()


def _uri(path: Path) -> str:
    return path.resolve().as_uri()


@pytest.fixture
def project(tmp_path):
    """A workspace: the seeds under articles/, configured in its pyproject.toml."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (tmp_path / "pyproject.toml").write_text('[tool.seasonparse]\npaths = ["articles"]\n', "utf-8")
    return tmp_path


@pytest.fixture
def connect():
    clients = []

    def _connect(root: Path, **options) -> Client:
        client = Client(make_server(**{"debounce": 0.05, **options}))
        clients.append(client)
        client.request("initialize", {"processId": None, "rootUri": _uri(root), "capabilities": {}})
        client.notify("initialized", {})
        return client

    yield _connect
    for client in clients:
        client.close()


def _open(client: Client, path: Path, text: str | None = None, version: int = 1) -> list[dict]:
    uri = _uri(path)
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": version,
        "text": path.read_text("utf-8") if text is None else text}})
    return client.diagnostics(uri, version)


def _cli_findings(run, root: Path, monkeypatch) -> list[dict]:
    monkeypatch.chdir(root)
    code, out, err = run("check", "--format", "json", "--no-baseline")
    assert code in (0, 1), err
    return json.loads(out)


def _shape(diagnostic: dict) -> tuple:
    start = diagnostic["range"]["start"]
    return diagnostic["code"], start["line"], start["character"], diagnostic["message"]


def test_diagnostics_on_open_are_the_check_findings(project, connect, run, monkeypatch):
    expected = _cli_findings(run, project, monkeypatch)
    client = connect(project)
    for path in sorted((project / "articles").glob("*.txt")):
        display = path.relative_to(project).as_posix()
        got = _open(client, path)
        want = [(f["code"], f["line"] - 1, f["column"] - 1, f["message"])
                for f in expected if f["path"] == display]
        assert want, display
        assert sorted(map(_shape, got)) == sorted(want)
        severity = {"error": 1, "warning": 2, "info": 3}
        assert {(d["code"], d["severity"]) for d in got} == {
            (f["code"], severity[f["severity"]]) for f in expected if f["path"] == display}
        assert all(d["source"] == "seasonparse" for d in got)


def test_an_open_file_alone_gets_the_check_findings(project, connect, run, monkeypatch):
    """trial58: a buffer was checked before every file on disk, where `check` reads them by name: a finding that lands
    on the first document writing a name (A001) moved to the one open file, and its quick fix was an N001 in check."""
    expected = _cli_findings(run, project, monkeypatch)
    for path in sorted((project / "articles").glob("*.txt"))[1:]:  # each, alone, after another by name
        display = path.relative_to(project).as_posix()
        got = _open(connect(project), path)
        assert sorted(map(_shape, got)) == sorted(
            (f["code"], f["line"] - 1, f["column"] - 1, f["message"]) for f in expected if f["path"] == display)


def test_a_range_covers_the_text_the_finding_names(project, connect):
    path = project / "articles" / SEEDS[0].name
    lines = path.read_text("utf-8").split("\n")
    got = _open(connect(project), path)
    stray = [d for d in got if d["code"] == "W002" and "stray `|`" in d["message"]]
    assert stray
    for d in stray:
        start, end = d["range"]["start"], d["range"]["end"]
        assert lines[start["line"]][start["character"]] == "|"
        assert end["line"] == start["line"] and end["character"] > start["character"]


def test_a_contradiction_points_to_the_other_document(project, connect):
    path = project / "articles" / SEEDS[2].name
    got = _open(connect(project), path)
    x009 = [d for d in got if d["code"] == "X009"]
    assert x009
    for d in x009:
        (related,) = d["relatedInformation"]
        other = project / "articles" / SEEDS[1].name
        assert related["location"]["uri"] == _uri(other)
        line = related["location"]["range"]["start"]["line"]
        assert "Clausura 2012" in other.read_text("utf-8").split("\n")[line]


@pytest.mark.parametrize("name", ["b#c.txt", "q?x.txt", "p%c.txt", "sp ace.txt", "ä.txt", "sub dir/b#c.txt"])
def test_a_name_its_uri_escapes_gets_its_diagnostics_under_the_clients_uri(project, connect, name):
    """trial47: pygls keys its buffers by the decoded URI (`…/b#c.txt` for `…/b%23c.txt`), and the
    server published under that key (a URI the client never sent) or, cutting the path at `#` or
    `?`, nothing at all. The diagnostics come under the client's own URI, as for any name, and a
    related place in another file names it by its escaped URI."""
    plain = _open(connect(project), project / "articles" / SEEDS[2].name)
    for seed in SEEDS[1:3]:
        (project / "articles" / seed.name).unlink()
    path = project / "articles" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(SEEDS[2].read_text("utf-8"), "utf-8")
    other = project / "articles" / ("0" + name.replace("/", "-"))  # before it, as SEEDS[1] is
    other.write_text(SEEDS[1].read_text("utf-8"), "utf-8")
    got = _open(connect(project), path)
    assert got and sorted(_shape(d)[:3] for d in got) == sorted(_shape(d)[:3] for d in plain)
    x009 = [d for d in got if d["code"] == "X009"]
    assert x009 and all(d["relatedInformation"][0]["location"]["uri"] == _uri(other) for d in x009)


def _change(client: Client, path: Path, version: int, edit_range: dict, text: str) -> list[dict]:
    uri = _uri(path)
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": edit_range, "text": text}]})
    return client.diagnostics(uri, version)


def _apply(text: str, edit: dict) -> str:
    """A TextEdit on text of the Basic Multilingual Plane (UTF-16 units are characters)."""
    lines = text.split("\n")

    def offset(position):
        return sum(len(line) + 1 for line in lines[:position["line"]]) + position["character"]

    return text[:offset(edit["range"]["start"])] + edit["newText"] + text[offset(edit["range"]["end"]):]


def test_typing_a_defect_shows_it_and_disabling_it_hides_it(project, connect):
    path = project / "articles" / SEEDS[0].name
    text = path.read_text("utf-8")
    lines = text.split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith("Necaxa 1 - 0 "))
    assert lines[number + 1].strip().startswith("Necaxa:")  # one Necaxa scorer listed
    client = connect(project)
    before = _open(client, path)
    assert not [d for d in before if d["code"] == "M001"]

    # the score loses Necaxa's goal: its listed scorer is now one too many
    score = {"start": {"line": number, "character": 7}, "end": {"line": number, "character": 8}}
    after = _change(client, path, 2, score, "0")
    m001 = [d for d in after if d["code"] == "M001"]
    assert len(m001) == 1 and m001[0]["range"]["start"]["line"] in (number, number + 1)
    assert m001[0]["severity"] == 1
    text = _apply(text, {"range": score, "newText": "0"})

    uri = _uri(path)
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": m001[0]["range"],
        "context": {"diagnostics": m001}})
    (disable,) = [a for a in actions if a["title"] == "Disable M001 for this line"]
    assert disable["kind"] == "quickfix"
    (edit,) = disable["edit"]["changes"][uri]
    assert edit["newText"] == "<!-- seasonparse: disable-next-line M001 -->\n"

    final = _change(client, path, 3, edit["range"], edit["newText"])
    text = _apply(text, edit)
    assert not [d for d in final if d["code"] in ("M001", "N001")]
    # nothing else moved but by the inserted line
    shifted = {(c, line + (line >= m001[0]["range"]["start"]["line"]), col, m)
               for c, line, col, m in map(_shape, before)}
    assert set(map(_shape, final)) == shifted
    assert "disable-next-line M001" in text.split("\n")[m001[0]["range"]["start"]["line"]]


def test_an_open_buffer_replaces_its_file_for_the_other_documents(project, connect):
    """X009: 002 contradicts 001. Fix 001 in the editor (unsaved): 002's error goes."""
    client = connect(project)
    contradicted = project / "articles" / SEEDS[2].name
    said = "says: the Apertura 2011 winner plays the Clausura 2012 winner"
    assert [d for d in _open(client, contradicted) if said in d["message"]]
    other = project / "articles" / SEEDS[1].name
    text = other.read_text("utf-8")
    _open(client, other, text.replace("Clausura 2012 winner", "Clausura 2011 winner"))
    assert not [d for d in client.diagnostics(_uri(contradicted)) if said in d["message"]]
    assert other.read_text("utf-8") == text  # an editor's buffer is never written by the server


def test_files_changed_on_disk_and_the_configuration_are_read_again(project, connect):
    """workspace/didChangeWatchedFiles: a changed file counts at once, a changed
    configuration is loaded again; closing a buffer clears its diagnostics."""
    client = connect(project)
    contradicted = project / "articles" / SEEDS[2].name
    uri = _uri(contradicted)
    said = "says: the Apertura 2011 winner plays the Clausura 2012 winner"
    first = _open(client, contradicted)
    assert [d for d in first if said in d["message"]] and [d for d in first if d["code"] == "W002"]

    other = project / "articles" / SEEDS[1].name
    other.write_text(other.read_text("utf-8").replace("Clausura 2012 winner", "Clausura 2011 winner"),
                     "utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": _uri(other), "type": 2}]})
    assert not [d for d in client.diagnostics(uri) if said in d["message"]]

    config = project / "pyproject.toml"
    config.write_text('[tool.seasonparse]\npaths = ["articles"]\nignore = ["W002"]\n', "utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": _uri(config), "type": 2}]})
    assert not [d for d in client.diagnostics(uri) if d["code"] == "W002"]

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_a_workspace_below_the_configuration_uses_it(project, connect):
    """The editor opened articles/; the configuration one folder up still applies, with
    its per-file-ignores globs relative to its own folder."""
    (project / "pyproject.toml").write_text(
        '[tool.seasonparse]\npaths = ["articles"]\n'
        f'per-file-ignores = {{ "articles/{SEEDS[0].name}" = ["W002"] }}\n', "utf-8")
    client = connect(project / "articles")
    got = _open(client, project / "articles" / SEEDS[0].name)
    assert got and not [d for d in got if d["code"] == "W002"]
    contradicted = _open(client, project / "articles" / SEEDS[2].name)
    related = [r["location"]["uri"] for d in contradicted for r in d.get("relatedInformation") or ()]
    assert _uri(project / "articles" / SEEDS[1].name) in related


def test_only_the_configured_articles_are_checked(project, connect):
    """With `paths` configured, a text file elsewhere (a README.txt) is no season article."""
    text = SEEDS[0].read_text("utf-8")
    elsewhere = project / "notes.txt"
    elsewhere.write_text(text, "utf-8")
    client = connect(project)
    assert _open(client, elsewhere) == []
    new = project / "articles" / "unsaved.txt"  # not on disk yet: below `paths`, it counts
    assert [d for d in _open(client, new, text) if d["code"] == "W002"]


def test_a_configured_reference_is_no_article(project, connect):
    """trial40 (fixes52): with `paths = ["."]` beside `references`, the server checked the reference as
    an article (its lines as prose, a P025) and ran the cross-document rules against it; `check`
    reads it as the reference only. The server reads no references: it is read as nothing."""
    reference = project / "reference" / "mex.txt"
    reference.parent.mkdir()
    shutil.copy(REFERENCE, reference)
    (project / "pyproject.toml").write_text(
        '[tool.seasonparse]\npaths = ["."]\nreferences = ["reference/*.txt"]\n', "utf-8")
    client = connect(project)
    assert _open(client, reference) == []
    seed = project / "articles" / SEEDS[0].name
    assert not [d for d in _open(client, seed) if "mex.txt" in json.dumps(d)]


def test_a_wikitext_buffer_is_read_as_wikitext(tmp_path, connect, run, monkeypatch):
    source = FIXTURES / "wikitext" / "handmade" / "legacy.wikitext"
    shutil.copy(source, tmp_path / source.name)
    (tmp_path / ".seasonparse.toml").write_text('paths = ["."]\nglob = "*.wikitext"\n', "utf-8")
    expected = _cli_findings(run, tmp_path, monkeypatch)
    got = _open(connect(tmp_path), tmp_path / source.name)
    assert sorted(map(_shape, got)) == sorted(
        (f["code"], f["line"] - 1, f["column"] - 1, f["message"]) for f in expected)


def test_the_configuration_applies(project, connect):
    """Selection and severity overrides from the workspace's configuration, as in `check`."""
    (project / "pyproject.toml").write_text(
        '[tool.seasonparse]\npaths = ["articles"]\nignore = ["A001"]\n'
        'severity = { W002 = "error" }\n', "utf-8")
    got = _open(connect(project), project / "articles" / SEEDS[0].name)
    assert not [d for d in got if d["code"] == "A001"]
    assert {d["severity"] for d in got if d["code"] == "W002"} == {1}


def test_a_fix_is_offered_through_the_adapter(project, connect):
    """Where the autofix gives edits for a finding, they come back as a preferred quick fix."""
    def fix_stray_pipe(finding, lines):
        line = lines[finding.line - 1]
        if finding.code == "W002" and line.endswith("|"):
            return [(finding.line, len(line), finding.line, len(line) + 1, "")]
        return []

    path = project / "articles" / SEEDS[0].name
    client = connect(project, fix_edits=fix_stray_pipe, debounce=600)  # no check after the edit
    got = [d for d in _open(client, path) if d["code"] == "W002" and "stray `|`" in d["message"]]
    uri = _uri(path)
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": got[0]["range"], "context": {"diagnostics": got[:1]}})
    (fix,) = [a for a in actions if a.get("isPreferred")]
    (change,) = fix["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": uri, "version": 1}  # the text the fix was made on
    (edit,) = change["edits"]
    line = got[0]["range"]["start"]["line"]
    width = len(path.read_text("utf-8").split("\n")[line])
    assert edit == {"range": {"start": {"line": line, "character": width - 1},
                              "end": {"line": line, "character": width}}, "newText": ""}

    # typed since the diagnostics were sent: no fix is offered for text it was not made on
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"range": {
                                                 "start": {"line": 0, "character": 0},
                                                 "end": {"line": 0, "character": 0}}, "text": "x"}]})
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": got[0]["range"], "context": {"diagnostics": got[:1]}})
    assert not [a for a in actions if a.get("isPreferred")]


def test_server_without_pygls_says_what_to_install(run, monkeypatch):
    monkeypatch.delitem(sys.modules, "seasonparse.lsp_server", raising=False)
    monkeypatch.setitem(sys.modules, "pygls", None)
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    code, out, err = run("server")
    assert code == 2 and "install the extra `lsp`" in err and out == ""
    code, out, err = run("server", "--help")  # the help all the same (trial44: `needs pygls`)
    assert code == 0 and "--tcp HOST:PORT" in out and "seasonparse[lsp]" in out and err == "", (out, err)
    code, _, err = run("server", "--tcp", "localhost")  # a usage error as with it installed
    assert code == 2 and "HOST:PORT" in err


def test_server_refuses_a_bad_tcp_address(run):
    code, _, err = run("server", "--tcp", "localhost")
    assert code == 2 and "HOST:PORT" in err


def test_server_that_cannot_listen_says_why_in_one_line(run, monkeypatch):
    """trial34: a port in use (OSError 98), an address not this machine's (99), a host that does
    not resolve (gaierror) were each an `internal error ... please report this`."""
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = run("server", "--tcp", f"127.0.0.1:{port}")
    assert code == 2 and f"--tcp 127.0.0.1:{port}: cannot listen there: Address already in use" in err, err
    code, _, err = run("server", "--tcp", "192.0.2.1:2087")  # TEST-NET-1: no address of this machine
    assert code == 2 and "--tcp 192.0.2.1:2087: cannot listen there: Cannot assign requested address" in err, err

    def unresolvable(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unresolvable)
    code, _, err = run("server", "--tcp", "256.1.1.1:80")
    assert code == 2 and "--tcp 256.1.1.1:80: cannot listen there: Name or service not known" in err, err
    assert "internal error" not in err and len(err.strip().splitlines()) == 1, err


def test_a_broken_configuration_is_shown_and_the_defaults_check(project, connect):
    (project / "pyproject.toml").write_text('[tool.seasonparse]\npaths = ["articles"]\ncolour = 1\n',
                                            "utf-8")
    client = connect(project)
    shown = client.message("window/showMessage")
    assert shown["type"] == 2 and "unknown key `colour`" in shown["message"]
    assert [d for d in _open(client, project / "articles" / SEEDS[0].name) if d["code"] == "W002"]


def test_a_failure_of_ours_is_one_message_and_the_server_goes_on(project, connect, monkeypatch):
    from seasonparse import lsp_server

    def broken(self, buffers):
        raise RuntimeError("planted")

    monkeypatch.delenv("SEASONPARSE_DEBUG", raising=False)
    monkeypatch.setattr(lsp_server.Project, "check", broken)
    client = connect(project)
    path = project / "articles" / SEEDS[0].name
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": _uri(path), "languageId": "plaintext", "version": 1, "text": "x\n"}})
    shown = client.message("window/showMessage")
    assert shown["type"] == 1 and "RuntimeError('planted')" in shown["message"]
    assert client.request("textDocument/codeAction", {
        "textDocument": {"uri": _uri(path)},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}}) == []


def test_a_failure_while_reading_the_files_again_is_one_message(project, connect, monkeypatch):
    from seasonparse import lsp_server

    client = connect(project)
    path = project / "articles" / SEEDS[0].name
    assert _open(client, path)

    def broken(self):
        raise RuntimeError("planted")

    monkeypatch.setattr(lsp_server.Project, "rediscover", broken)
    client.notify("textDocument/didSave", {"textDocument": {"uri": _uri(path)}})
    shown = client.message("window/showMessage")
    assert shown["type"] == 1 and "reading the configuration" in shown["message"]
    assert [d for d in client.diagnostics(_uri(path)) if d["code"] == "W002"]  # still checking


def test_columns_are_counted_in_the_clients_units():
    """A character outside the Basic Multilingual Plane is two UTF-16 units, one UTF-32."""
    from pygls.workspace import PositionCodec

    from seasonparse.lsp_server import _range

    lines = ("\U0001F600 Necaxa 1 - 0 Mérida",)
    utf16 = _range(PositionCodec("utf-16"), lines, 1, 3, 1, 9)  # `Necaxa`: characters 3 to 8
    utf32 = _range(PositionCodec("utf-32"), lines, 1, 3, 1, 9)
    assert (utf16.start.character, utf16.end.character) == (3, 9)
    assert (utf32.start.character, utf32.end.character) == (2, 8)
    whole = _range(PositionCodec("utf-32"), lines, 1, 3)  # no end: to the end of the line
    assert (whole.start.line, whole.end.line, whole.end.character) == (0, 0, len(lines[0]))


def test_a_buffer_the_wikitext_reader_fails_on_keeps_its_lines_and_says_why(monkeypatch):
    from seasonparse.frontend import wikitext
    from seasonparse.lsp_server import parse_buffer

    def broken(source):
        raise RuntimeError("planted")

    monkeypatch.setattr(wikitext, "parse_wikitext", broken)
    doc = parse_buffer("a.wikitext", "{{Infobox football club season}}\r\nsecond line\n")
    assert doc.path == "a.wikitext" and doc.lines == ("{{Infobox football club season}}", "second line")
    assert [(d.code, d.line) for d in doc.diagnostics] == [("P000", 1)]
    assert "RuntimeError('planted')" in doc.diagnostics[0].message


def test_seasonparse_server_speaks_lsp_on_stdio(project):
    """The command itself, in a process of its own: initialize, shutdown, exit; exit 0, silent."""
    import subprocess

    messages = [{"id": 1, "method": "initialize",
                 "params": {"processId": None, "rootUri": _uri(project), "capabilities": {}}},
                {"method": "initialized", "params": {}},
                {"id": 2, "method": "shutdown", "params": None},
                {"method": "exit", "params": None}]
    data = b""
    for message in messages:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        data += b"Content-Length: %d\r\n\r\n" % len(body) + body
    proc = subprocess.run([sys.executable, "-m", "seasonparse", "server"], input=data,
                          capture_output=True, timeout=60, cwd=project)
    assert proc.returncode == 0 and proc.stderr == b""
    # each body runs up to the next header
    replies = [json.loads(body.split(b"Content-Length")[0]) for body in proc.stdout.split(b"\r\n\r\n")[1:]]
    assert replies[0]["result"]["serverInfo"]["name"] == "seasonparse"
    assert replies[0]["result"]["capabilities"]["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert replies[-1] == {"id": 2, "jsonrpc": "2.0", "result": None}


def test_the_real_autofix_is_offered_and_applies(project, connect):
    """By default the server offers the same edits as `check --fix` (W002 here): applied
    to the line, they leave it without its stray `|`."""
    path = project / "articles" / SEEDS[0].name
    client = connect(project, debounce=600)
    got = [d for d in _open(client, path) if d["code"] == "W002" and "stray `|`" in d["message"]]
    assert got
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": _uri(path)}, "range": got[0]["range"], "context": {"diagnostics": got[:1]}})
    (fix,) = [a for a in actions if a.get("isPreferred")]
    (change,) = fix["edit"]["documentChanges"]
    (edit,) = change["edits"]
    line = got[0]["range"]["start"]["line"]
    text = path.read_text("utf-8").split("\n")[line]
    start, end = edit["range"]["start"]["character"], edit["range"]["end"]["character"]
    assert edit["range"]["start"]["line"] == edit["range"]["end"]["line"] == line
    fixed = text[:start] + edit["newText"] + text[end:]
    assert text.rstrip().endswith("|") and not fixed.rstrip().endswith("|")


def test_a_request_that_cannot_be_read_gets_an_error_reply(project, connect):
    """pygls showed these to the user only; the client waited for ever."""
    client = connect(project)
    uri = _uri(project / "articles" / SEEDS[0].name)
    nowhere = {"start": {"line": -1, "character": -1}, "end": {"line": 99999, "character": 0}}
    reply = client.reply("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": nowhere,
                                                     "context": {"diagnostics": []}})
    assert reply["error"]["code"] == -32602 and "result" not in reply
    assert client.request("textDocument/codeAction", {  # and the server goes on
        "textDocument": {"uri": uri}, "range": {**nowhere, "start": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}}) == []


def test_initialize_with_null_params_gets_an_error_reply():
    client = Client(make_server(debounce=0.05))
    reply = client.reply("initialize", None)
    assert reply["error"]["code"] == -32602
    client.close()


@pytest.mark.parametrize("body", [b"{not json", b"[" * 100_000, b"\xff\xfe"], ids=["broken", "deep", "bytes"])
def test_a_frame_that_is_not_json_gets_a_parse_error_reply(project, connect, body):
    client = connect(project)
    client.send_body(body)
    reply = client._responses.setdefault(None, queue.Queue()).get(timeout=TIMEOUT)
    assert reply == {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "Parse Error"}}


def test_exit_without_shutdown_exits_1(project):
    """As the protocol says: 0 only where `shutdown` came first."""
    import subprocess

    messages = [{"id": 1, "method": "initialize",
                 "params": {"processId": None, "rootUri": _uri(project), "capabilities": {}}},
                {"method": "exit", "params": None}]
    data = b"".join(b"Content-Length: %d\r\n\r\n" % len(body) + body for body in (
        json.dumps({"jsonrpc": "2.0", **m}).encode("utf-8") for m in messages))
    proc = subprocess.run([sys.executable, "-m", "seasonparse", "server"], input=data,
                          capture_output=True, timeout=60, cwd=project)
    assert proc.returncode == 1, proc.stderr


@pytest.mark.parametrize("body", [
    json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": None}).encode("utf-8"),
    b"{not json"], ids=["null params", "not json"])
def test_a_client_mistake_is_logged_in_one_line_without_a_traceback(project, body):
    """The mistake is the client's and is answered; pygls logged it with tracebacks
    (77 lines on stderr for one `initialize` with null params)."""
    import subprocess

    data = b"Content-Length: %d\r\n\r\n" % len(body) + body
    proc = subprocess.run([sys.executable, "-m", "seasonparse", "server"], input=data,
                          capture_output=True, timeout=60, cwd=project)
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and 1 <= len(err.splitlines()) <= 2, err


def test_a_change_to_a_buffer_never_opened_is_ignored_without_an_error(project, connect):
    """pygls failed on it with a KeyError shown to the user ("Error in server: KeyError")."""
    client = connect(project)
    never, opened = (project / "articles" / seed.name for seed in SEEDS[:2])
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": _uri(never), "version": 2},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                      "end": {"line": 0, "character": 1}}, "text": "x"}]})
    uri = _uri(opened)
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": opened.read_text("utf-8")}})
    seen = []
    while True:
        message = client.notifications.get(timeout=TIMEOUT)
        seen.append(message["method"])
        if message["method"] == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
            break
    assert "window/showMessage" not in seen, seen
    # and a change once it is opened is applied
    assert _open(client, never, "x\n") is not None


def test_the_quick_fix_is_the_fix_check_fix_chooses():
    """The server's edits are autofix.fixes_for's, one place (review31: it read the finding's
    edits itself): a fix over two files, or whose own edits overlap (two insertions at one
    point), is no fix for `check --fix`, and none in the editor either."""
    from seasonparse.autofix import fixes_for
    from seasonparse.findings import Edit, Finding, Fix
    from seasonparse.lsp_server import autofix_edits

    lines = ("a | b |", "c")

    def finding(*edits):
        return Finding("W002", "warning", "m", "p", 1, fix=Fix("f", edits))

    one = finding(Edit("p", 1, 7, 1, 8, "", "|"))
    assert autofix_edits(one, lines) == [(e.line, e.column, e.end_line, e.end_column, e.replacement)
                                         for e in fixes_for([one])["p"]] == [(1, 7, 1, 8, "")]
    two_files = finding(Edit("p", 1, 7, 1, 8, "", "|"), Edit("q", 1, 1, 1, 2, "", "x"))
    same_point = finding(Edit("p", 1, 1, 1, 1, "x", ""), Edit("p", 1, 1, 1, 1, "y", ""))
    for f in (two_files, same_point):
        assert fixes_for([f]) == {} and autofix_edits(f, lines) == []


def _disable_actions(client: Client, uri: str, diagnostics: list[dict]) -> list[dict]:
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostics[0]["range"], "context": {"diagnostics": diagnostics}})
    return [a for a in actions if a["title"].startswith("Disable ")]


def test_a_finding_about_the_whole_file_is_disabled_for_the_file(project, connect):
    """P025 is anchored at the first line that is not blank: `disable-next-line` above it became
    that line, an N001 beside the P025 it left (trial42). A `disable` at the top hides it, where
    that is not the first line; on the first line, `disable-line` at its end (review32: a line
    above `#REDIRECT` made the page no redirect, no P025 and an N001 for the comment; the
    diagnostics being none after the edit says both that the page is still read as a redirect
    and that the comment hides its P025). A file never read (P004, empty) gets no disable
    action: no comment in it can be read."""
    client = connect(project)
    redirect = "#REDIRECT [[2001 Major League Soccer season#MLS Cup Playoffs]]\n\n{{R to section}}\n"
    top = "<!-- seasonparse: disable P025 -->"
    inline = " <!-- seasonparse: disable-line P025 -->"
    for name, text, new_text, start in (
            ("prose.txt", "Just some prose.\nMore of it.\n", inline, {"line": 0, "character": 16}),
            ("prose.txt", "\r\nJust some prose.\r\n", top + "\r\n", {"line": 0, "character": 0}),
            ("redirect.wikitext", redirect, inline, {"line": 0, "character": 62}),
            ("redirect.wikitext", "\ufeff" + redirect, inline, {"line": 0, "character": 63}),
            ("redirect.wikitext", redirect.replace("\n", "\r\n"), inline, {"line": 0, "character": 62})):
        path = project / "articles" / name
        path.write_bytes(text.encode())
        (p025,) = [d for d in _open(client, path, text) if d["code"] == "P025"]
        (disable,) = _disable_actions(client, _uri(path), [p025])
        assert disable["title"] == "Disable P025 for this file"
        (edit,) = disable["edit"]["changes"][_uri(path)]
        assert (edit["newText"], edit["range"]["start"]) == (new_text, start), name
        assert [d["code"] for d in _change(client, path, 2, edit["range"], edit["newText"])] == [], name
        client.notify("textDocument/didClose", {"textDocument": {"uri": _uri(path)}})
        path.unlink()
    empty = project / "articles" / "empty.txt"
    empty.write_text("")
    (p004,) = [d for d in _open(client, empty, "") if d["code"] == "P004"]
    assert _disable_actions(client, _uri(empty), [p004]) == []


def test_the_disable_comment_ends_as_the_buffers_lines_do(project, connect):
    path = project / "articles" / SEEDS[0].name
    text = path.read_text("utf-8").replace("Necaxa: Lojero 14'", "Necaxa: Lojero 14', Castillo 20'")
    text = text.replace("\n", "\r\n")
    client = connect(project)
    (m001,) = [d for d in _open(client, path, text) if d["code"] == "M001"]
    (disable,) = _disable_actions(client, _uri(path), [m001])
    (edit,) = disable["edit"]["changes"][_uri(path)]
    assert edit["newText"] == "<!-- seasonparse: disable-next-line M001 -->\r\n"
    assert not [d for d in _change(client, path, 2, edit["range"], edit["newText"]) if d["code"] in ("M001", "N001")]


def test_a_binary_buffers_finding_stands_where_the_cli_puts_it(project, connect, run, monkeypatch):
    """A binary buffer's text is never read (P003): its NUL's place is the buffer's own line and
    column, as the CLI says (trial44: published at 0:0, clamped to the document's lines, none)."""
    client = connect(project)
    path = project / "articles" / "nul.txt"
    text = "x\r\n\r\nab\x00c\n"
    path.write_bytes(text.encode())
    (p003,) = [d for d in _open(client, path, text) if d["code"] == "P003"]
    (cli,) = [f for f in _cli_findings(run, project, monkeypatch) if f["code"] == "P003"]
    assert (cli["line"], cli["column"]) == (3, 3)
    assert p003["range"]["start"] == {"line": 2, "character": 2}
