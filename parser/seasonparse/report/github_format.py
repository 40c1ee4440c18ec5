"""GitHub Actions workflow commands: one `::error file=...::message` line a finding.

A file is named from $GITHUB_WORKSPACE where it is set and holds the file (GitHub attaches
an annotation by the path from the repository's root, whatever folder the step ran in),
else as the other formats name it (see report.workspace). A finding's related locations (the other
side of a contradiction) follow its message, one line each, as the text format lists them: the
annotation has one file and line, and a reviewer must see the other side (trial45)."""

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, prop: bool = False) -> str:
    """GitHub's own escapes for `%`, CR and LF (and `:` `,` in a property); any other
    control character (an ESC in a file name) escaped as the text format shows it, never
    left raw for the log viewer to act on."""
    from seasonparse.inputs import one_line

    text = "\n".join("\r".join(map(one_line, line.split("\r"))) for line in text.split("\n"))
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render(findings, lines_by_path, rules) -> str:
    from seasonparse.report.workspace import from_workspace, workspace

    folder = workspace()
    named: dict[str, str] = {}

    def _named(path: str) -> str:
        if path not in named:
            named[path] = from_workspace(path, folder) or path
        return named[path]

    out = []
    for f in findings:
        props = [f"file={_escape(_named(f.path), True)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line:
            props.append(f"endLine={f.end_line}")
        if f.end_column:
            props.append(f"endColumn={f.end_column}")
        props.append(f"title={_escape(f'{f.code} {f.name}', True)}")
        message = f.message + "".join(f"\n= related: {_named(r.path)}:{r.line}:{r.column}: {r.message}"
                                      for r in f.related)
        out.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape(message)}\n")
    return "".join(out)
