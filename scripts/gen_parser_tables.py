"""Regenerate grammars/season.lalr: the LALR tables of grammars/season.lark, prebuilt.

Built from the repository's grammar (not the installed package's, which may be
an older copy). Building the parser from the grammar costs ~40 ms at every
start; loading these tables ~10 ms. They are keyed by the grammar's text, Lark's
version and Python's major.minor: when any differs, seasonparse builds from the
grammar instead (and writes nothing). tests/test_grammar_tables.py fails when
they were built from another grammar text, whatever the versions installed.

    python scripts/gen_parser_tables.py
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "grammars" / "season.lark"
sys.path.insert(0, str(ROOT / "parser"))  # the repository's seasonparse, whatever is installed


def main() -> int:
    import lark
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    from seasonparse.frontend.grammar import TABLES, build_parser, tables_key

    out = ROOT / "grammars" / TABLES
    text = GRAMMAR.read_text("utf-8")
    data, memo = build_parser(text).memo_serialize([TerminalDef, Rule])
    blob = {"key": tables_key(text), "grammar_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "lark": lark.__version__, "python": list(sys.version_info[:2]), "data": data, "memo": memo}
    out.write_bytes(pickle.dumps(blob, protocol=4))
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
