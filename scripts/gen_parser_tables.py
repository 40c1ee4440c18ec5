"""Regenerate grammars/season.lalr: the LALR tables of grammars/season.lark, prebuilt.

Building the parser from the grammar costs ~90 ms at every start; loading these
tables ~10 ms. They are keyed by the grammar's text, Lark's version and Python's
major.minor: when any differs, seasonparse builds from the grammar instead (and
writes nothing). tests/test_grammar_tables.py fails when they are stale for the
installed Lark and Python.

    python scripts/gen_parser_tables.py
"""

from __future__ import annotations

import pickle
from pathlib import Path

from lark.grammar import Rule
from lark.lexer import TerminalDef

from seasonparse.frontend.grammar import TABLES, build_parser, grammar_text, tables_key

OUT = Path(__file__).resolve().parent.parent / "grammars" / TABLES


def main() -> int:
    parser = build_parser()
    data, memo = parser.memo_serialize([TerminalDef, Rule])
    import sys

    import lark

    blob = {"key": tables_key(grammar_text()), "lark": lark.__version__,
            "python": list(sys.version_info[:2]), "data": data, "memo": memo}
    OUT.write_bytes(pickle.dumps(blob, protocol=4))
    print(f"wrote {OUT.name} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
