"""Command line: `seasonparse PATHS --out DIR`, `seasonparse check`, `report`, `rules`, `rule CODE`,
`server` (the language server), `clean` (the cache).

Exit codes (all commands): 0 clean, 1 problems found in the data (including
seasonparse's own failure on one input, P000), 2 usage or configuration error.
SIGINT and SIGTERM stop a run cleanly: 130 and 143. A reader that closes
stdout or stderr stops the printing, not the run (cli_common.Unbroken). Each command lives in its
own module, imported only when it runs, so `--help` and `rules` start fast.
"""

from __future__ import annotations

import gc
import os
import signal
import sys


def _parse(argv: list[str]) -> int:
    from seasonparse.parse_command import cmd_parse

    return cmd_parse(argv)


def _check(argv: list[str]) -> int:
    from seasonparse.check_command import cmd_check

    return cmd_check(argv)


def _report(argv: list[str]) -> int:
    from seasonparse.check_command import cmd_report

    return cmd_report(argv)


def _clean(argv: list[str]) -> int:
    from seasonparse.check_command import cmd_clean

    return cmd_clean(argv)


def _rules(argv: list[str]) -> int:
    from seasonparse.rules_command import cmd_rules

    return cmd_rules(argv)


def _rule(argv: list[str]) -> int:
    from seasonparse.rules_command import cmd_rule

    return cmd_rule(argv)


def _server(argv: list[str]) -> int:
    from seasonparse.cli_common import UsageError

    try:
        from seasonparse.lsp_server import cmd_server
    except ModuleNotFoundError as exc:  # the optional extra is not installed
        if (exc.name or "").partition(".")[0] not in ("pygls", "lsprotocol"):
            raise
        from seasonparse.cli_common import server_parser

        server_parser().parse_args(argv)  # `--help` (and a usage error) as with the extra installed
        raise UsageError("the language server needs pygls: install the extra `lsp` (pip install '.[lsp]' in seasonparse's checkout)") from None
    return cmd_server(argv)


EXIT_BROKEN_PIPE = 128 + 13  # what a shell shows for a process SIGPIPE ended

# the first argument -> the command; anything else is the parse command's
COMMANDS = {"check": _check, "report": _report, "rules": _rules, "rule": _rule, "server": _server,
            "clean": _clean}



def _not_a_mistyped_command(first: str) -> None:
    """A first argument that is no file and is close to a command's name is a mistyped command
    (trial47: `seasonparse chekc a.txt` said the parse command's `--out` was missing): a usage
    error that names the command. A file of that name is the parse command's input, as always."""
    if first.startswith("-") or os.path.lexists(first):
        return
    import difflib  # (only here: it compiles a pattern at import, which a run never needs)

    close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.7)
    if close:
        from seasonparse.cli_common import UsageError
        from seasonparse.inputs import shown

        raise UsageError(f"unknown command `{shown(first)}`; did you mean `{close[0]}`?")


def _worker_killed(exc: BaseException) -> bool:
    """A process pool's worker died under the run (SIGKILL, the OOM killer): not a bug of
    ours. The pool module is loaded only by runs that used one."""
    pool = sys.modules.get("seasonparse.forkpool")
    return pool is not None and isinstance(exc, pool.WorkerDied)


def _utf8_out(streams) -> list:
    """Standard output written as UTF-8 whatever the locale's encoding (`LANG=C`,
    `PYTHONIOENCODING=ascii`), as ruff's is: a report names clubs and players in any
    script, and an `ascii` stdout lost all of it to one UnicodeEncodeError (trial34).
    Standard error keeps its encoding and replaces what it cannot write (`\\xe4`):
    commentary a terminal of that encoding still shows. Returns what to restore
    (seasonparse embedded: its caller's streams are left as they were)."""
    import codecs

    changed = []
    for stream, wanted in zip(streams, ({"encoding": "utf-8"}, {"errors": "backslashreplace"})):
        encoding = getattr(stream, "encoding", None)
        try:
            utf = codecs.lookup(encoding).name.startswith("utf") if encoding else True
        except LookupError:
            utf = False
        if utf or not hasattr(stream, "reconfigure"):
            continue
        before = {"encoding": stream.encoding, "errors": stream.errors}
        try:
            stream.flush()
            stream.reconfigure(**wanted)
        except (OSError, ValueError, AttributeError):  # closed, or already read from
            continue
        changed.append((stream, before))
    return changed


def _restore(changed: list) -> None:
    for stream, before in changed:
        try:
            stream.flush()
            stream.reconfigure(**before)
        except (OSError, ValueError, AttributeError):
            pass


# The collector's thresholds for the program's run (gc.set_threshold): a command's imports and its
# articles' records are objects that live to the end, and at the default 700 the collector walked
# them 37 times in a check of three articles (~4 % of its time) to free almost nothing. A batch of
# inputs also freezes what it holds (cli_common._batch_gc); an embedding caller's settings are its own.
PROGRAM_GC = (50_000, 50, 100)


def _working_folder_gone() -> bool:
    """The working folder was deleted under the shell (`os.getcwd` fails): what the configuration's
    search, the relative paths of SARIF and GitLab reports need, the user's to fix, not a bug of ours."""
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


def main(argv: list[str] | None = None) -> int:
    """Run one command. With no `argv` this is the program itself (the `seasonparse`
    script, `python -m seasonparse`): stopped by a signal, it exits at once (see
    interrupt.exit_now) instead of returning; done, it exits without freeing what it
    made (interrupt.leave)."""
    if argv is None:  # the program: it starts, imports what its command needs, and ends
        gc.set_threshold(*PROGRAM_GC)
    from seasonparse import interrupt

    if argv is None:
        interrupt.hold_to_the_end()
    code = _command(argv)
    return interrupt.leave(code) if argv is None else code


def _command(argv: list[str] | None) -> int:
    from seasonparse import interrupt
    from seasonparse.cli_common import EXIT_USAGE, OutputError, Unbroken, UsageError, err

    program = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    saved = {s: signal.getsignal(s) for s in interrupt.STOP_SIGNALS}
    streams = sys.stdout, sys.stderr
    encodings = _utf8_out(streams)
    sys.stdout = Unbroken(sys.stdout)  # a closed pipe stops no work
    sys.stderr = stderr = Unbroken(sys.stderr, "standard error", stops_the_run=False)
    try:
        try:
            interrupt.install()
        except ValueError:  # not the main thread (seasonparse embedded): its signals stay as they are
            saved = {}
        if argv and argv[0] not in COMMANDS:
            _not_a_mistyped_command(argv[0])
        code = COMMANDS[argv[0]](argv[1:]) if argv and argv[0] in COMMANDS else _parse(argv)
        if stderr.failed:  # the work is done (every JSON written), its commentary lost: said, exit 2
            _say_on(streams[0], stderr.failed)
            return EXIT_USAGE
        return code
    except UsageError as exc:
        err(str(exc))
        return EXIT_USAGE
    except SystemExit as exc:  # argparse: --help (0) and usage errors (2)
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except (KeyboardInterrupt, interrupt.Terminated) as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        code = interrupt.exit_code(signum)
        _say_stopped(streams[1], signum)
        if program:  # before the unwound run's objects are freed: with a huge document, seconds
            interrupt.exit_now(code)
        return code
    except BrokenPipeError:  # a pipe of our own making (not stdout, stderr): as if SIGPIPE had ended it
        return EXIT_BROKEN_PIPE
    except OutputError as exc:  # the report could not be written: said on stderr
        _say_on(streams[1], str(exc))
        return EXIT_USAGE
    except Exception as exc:  # a bug of ours outside any one document: one line, not a traceback
        if os.environ.get("SEASONPARSE_DEBUG"):
            raise
        if isinstance(exc, FileNotFoundError) and _working_folder_gone():
            err("the working folder no longer exists (deleted since the shell entered it); "
                "run seasonparse from an existing folder")
            return EXIT_USAGE
        if _worker_killed(exc):
            err("a worker process was killed (by a signal, or by the system when memory ran out); the run "
                "stopped; any file it wrote before is whole. Run again, or with --jobs 1 to use less memory")
            return EXIT_USAGE
        from seasonparse.fallback import described

        err(f"internal error: {described(exc)} (please report this; SEASONPARSE_DEBUG=1 shows the traceback)")
        return EXIT_USAGE
    finally:
        sys.stdout, sys.stderr = streams
        _restore(encodings)
        for s, handler in saved.items():
            signal.signal(s, handler)
        if program:  # the process ends (interrupt.leave, or the interpreter's exit where it returns): its exit's
            # collections need not walk all it built (~20M instructions)
            gc.freeze()


if __name__ == "__main__":
    raise SystemExit(main())


def _say_stopped(stream, signum: int) -> None:
    """One line for whoever reads a cancelled CI job's log (trial13: a stop said nothing)."""
    _line_on(stream, f"seasonparse: stopped by {signal.Signals(signum).name}; every file written is whole")


def _say_on(stream, message: str) -> None:
    """One error line on `stream` (the other one than the stream that failed), if it can take it."""
    _line_on(stream, f"seasonparse: error: {message}")


def _line_on(stream, line: str) -> None:
    try:
        if stream is not None:
            print(line, file=stream, flush=True)
    except (OSError, ValueError):
        pass
