"""Human-readable: the concise line, the source line with a caret, related locations."""

from seasonparse.report.concise_format import line


def _excerpt(lines, f) -> list[str]:
    if not 0 < f.line <= len(lines):
        return []
    src = lines[f.line - 1].replace("\t", " ")
    width = len(str(f.line))
    col = max(1, min(f.column, len(src) + 1))
    end = f.end_column if f.end_column and f.end_column > col else col + 1
    caret = " " * (col - 1) + "^" * max(1, min(end - col, len(src) - col + 2))
    pad = " " * width
    return [f"{pad} |", f"{f.line} | {src}", f"{pad} | {caret}"]


def render(findings, lines_by_path, rules) -> str:
    out = []
    for f in findings:
        out.append(line(f))
        out.extend(_excerpt(lines_by_path.get(f.path, ()), f))
        for r in f.related:
            out.append(f"  = related: {r.path}:{r.line}:{r.column}: {r.message}")
        out.append("")
    return "\n".join(out) + ("\n" if out else "")
