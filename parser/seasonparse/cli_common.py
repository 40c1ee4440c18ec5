"""What every command shares: exit codes, usage errors, messages, option types, inputs.

Kept apart from cli.py (the command table) and from the commands themselves,
so that no command module imports another and `--help` imports nothing heavy.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how seasonparse was called or configured: exit 2, no traceback."""


def err(msg: str) -> None:
    print(f"seasonparse: error: {msg}", file=sys.stderr)


def not_writable_over(path, says_why_it_cannot_look: bool = True) -> str | None:
    """Why an existing `path` must not be replaced by a file we write (None: it may).
    Every file an option writes (--html, --write-baseline, the JSON files of --out,
    the cache's) goes through here: a device, a FIFO or a socket is never replaced
    (as root, `--html /dev/null` would destroy the device node). A symbolic link to
    a regular file may be: the atomic write replaces the link, not the file it names.
    Where `path` cannot even be looked at (a name too long, a folder it may not search)
    that is the reason, or, `says_why_it_cannot_look` False, None: the write that
    follows fails and says why (a JSON of --out: that one document's failure, exit 1)."""
    import stat

    from seasonparse.inputs import special_kind

    try:
        mode = os.stat(path).st_mode  # through links: what the name leads to
    except FileNotFoundError:
        return None  # nothing there (or a dangling link, which points at nothing)
    except OSError as exc:
        return f"cannot inspect it: {exc.strerror or exc}" if says_why_it_cannot_look else None
    if stat.S_ISDIR(mode):
        return "is a folder; name the file"
    kind = special_kind(mode)
    return f"exists and is {kind}, not a regular file; refusing to replace it" if kind else None


def refuse_overwriting(option: str, path, protected, folders=()) -> None:
    """The one check of every file a command writes by name (`check --write-baseline`,
    `report --html`) against what the run must not lose: `protected`, (path, what it is)
    pairs (its inputs, the sources its JSON inputs are read beside, references, the
    configuration in force, the baseline it reads), compared by identity (device, inode),
    so under any name; and `folders`, (folder, what it is) pairs in which no file may be
    written at all, whether there yet or not (the cache in use: `--html
    .seasonparse_cache/CACHEDIR.TAG` made it no cache of ours for good), compared by real
    path. A usage error naming what `path` is. `path` None (the option not given) passes."""
    if path is None:
        return
    from seasonparse.inputs import file_key

    real = os.path.realpath(path)
    for folder, what in folders:
        inside = os.path.realpath(folder)
        if real == inside or real.startswith(inside.rstrip(os.sep) + os.sep):
            raise UsageError(f"{option} {path}: is inside {what} ({folder}); refusing to write there")
    target = file_key(path)
    if target is None:  # nothing there yet: nothing to lose
        return
    for kept, what in protected:
        if file_key(kept) == target:
            raise UsageError(f"{option} {path}: is {what}; refusing to overwrite it")


class OutputError(Exception):
    """Standard output or error could not be written (not a closed reader: a full disk):
    the run's report is lost, so the run fails with exit 2 and says why."""


class Unbroken:
    """A text stream (stdout, stderr) whose reader may go away (`| head -1`): once a
    write or flush meets a closed pipe, it writes nothing more and the run goes on, so
    every output is still written and the exit status is still the findings'. The
    descriptor is pointed at the null device, so the interpreter's last flush at exit
    does not fail either."""

    def __init__(self, stream, name: str = "standard output", stops_the_run: bool = True) -> None:
        self.stream = stream
        self.name = name
        self.stops_the_run = stops_the_run  # stdout holds the report; stderr only the running commentary
        self.failed: str | None = None  # why a write failed, where it did not stop the run
        self.broken = stream is None  # closed before the start (`>&-`): as a reader gone

    def _failed(self, exc: OSError) -> None:
        self._break()
        self.failed = f"cannot write to {self.name}: {exc.strerror or exc}"
        if self.stops_the_run:
            raise OutputError(self.failed) from None

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self.stream.write(text)
            except BrokenPipeError:
                self._break()
            except OSError as exc:  # a full disk, /dev/full: the output is lost, which the run must say
                self._failed(exc)
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self._break()
            except OSError as exc:
                self._failed(exc)

    def _break(self) -> None:
        self.broken = True
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, self.stream.fileno())
            finally:
                os.close(null)
        except (OSError, ValueError, AttributeError):  # no descriptor (a test's captured stream)
            pass

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


_AFTER_DASHES = "\0seasonparse-path-"  # no argument holds a NUL byte: never a name the user gave


def parse_intermixed(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """`parser.parse_intermixed_args(argv)` (options and paths in any order) where `--` ends
    the options, as POSIX and argparse's parse_args have it: every argument after the first
    `--` is a path (`check -- -dash.txt`), even one that looks like an option. Python 3.11's
    parse_intermixed_args does not honour it (trial34: `unrecognized arguments: -dash.txt`,
    `seasonparse --out o -- -dash.txt`: PATH required). The arguments after it are parsed
    as stand-ins that no option can take for its own, then put back in `paths`."""
    if "--" not in argv:
        return refuse_empty_values(parser, parser.parse_intermixed_args(argv))
    cut = argv.index("--")
    if not any(not action.option_strings for action in parser._actions):  # no paths (`clean`)
        if argv[cut + 1:]:
            parser.error(f"unrecognized arguments: {' '.join(argv[cut + 1:])} (this command takes no paths)")
        return refuse_empty_values(parser, parser.parse_args(argv[:cut]))  # `clean --`: nothing after it (trial34)
    after = argv[cut + 1:]
    if cut and (option := _option_wanting_a_value(parser, argv[cut - 1])):  # `--out -- x`: as parse_args says it
        parser.error(f"argument {option}: expected one argument")
    stand_ins = [f"{_AFTER_DASHES}{i}" for i in range(len(after))]
    args = parser.parse_intermixed_args(argv[:cut] + stand_ins)
    paths = getattr(args, "paths", None) or []
    if sum(p.startswith(_AFTER_DASHES) for p in paths) != len(after):  # an option took one (an abbreviation)
        parser.error(f"argument {argv[cut - 1]}: expected one argument before `--`")
    if hasattr(args, "paths"):
        args.paths = [after[int(p[len(_AFTER_DASHES):])] if p.startswith(_AFTER_DASHES) else p for p in paths]
    return refuse_empty_values(parser, args)


_EMPTY = {"FILE": "file name", "DIR": "folder name", "ADDRESS": "address", "PATTERN": "pattern"}


def refuse_empty_values(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.Namespace:
    """An option given an empty value (`--out ''`, `--config ''`, `--baseline ''`, a shell
    variable that was not set) is a usage error: one line, exit 2. Taken as not given, or as
    the working folder, it was silently ignored, or wrote where it was not asked to (trial34)."""
    for action in parser._actions:
        if not action.option_strings:  # the paths: an empty one is refused where they are gathered
            continue
        value = getattr(args, action.dest, None)
        if value == "" or (isinstance(value, list) and "" in value):
            what = _EMPTY.get(str(action.metavar), "value")
            raise UsageError(f"{action.option_strings[-1]}: empty {what}; nothing was done")
    return args


def _option_wanting_a_value(parser: argparse.ArgumentParser, arg: str) -> str | None:
    """`arg` is one of `parser`'s options (or an abbreviation of one) that takes a value, and
    not written with it (`--out=DIR`): its name; else None."""
    if not arg.startswith("-") or "=" in arg:
        return None
    for action in parser._actions:
        if action.nargs == 0 or not action.option_strings:  # a flag, or a positional
            continue
        if arg in action.option_strings or (arg.startswith("--") and len(arg) > 2 and parser.allow_abbrev
                                            and any(o.startswith(arg) for o in action.option_strings)):
            return "/".join(action.option_strings)
    return None


def jobs_option(value: str) -> int | None:
    """`--jobs`: a number of processes at work from 1 up (this one and N - 1 workers), or `auto` (the default)."""
    if value == "auto":
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes from 1 up, or `auto`: {value!r}")
    return n


MAX_INDENT = 16  # `--indent 100000` wrote 3.1 GB of spaces for the seeds; 99999999999 was a MemoryError


def indent_option(value: str) -> int:
    try:
        n = int(value) if len(value) <= 9 else -1
    except ValueError:
        n = -1
    if not 0 <= n <= MAX_INDENT:
        raise argparse.ArgumentTypeError(f"expected a number of spaces from 0 to {MAX_INDENT}: {value[:20]!r}")
    return n


JOBS_HELP = ("processes at work: this one and N - 1 workers (N workers while this one reads a dump), from 1 (all in "
             "this process) up, at most one per input "
             "and per usable core; default `auto`: one per usable core, at most 8, from 64 inputs on "
             "(each worker is a process of its own, its memory too; ask for more with N)")


def _batch_gc() -> None:
    """Long runs allocate many small objects that live to the end: fewer GC passes."""
    import gc

    from seasonparse.cli import PROGRAM_GC

    gc.freeze()
    gc.set_threshold(*PROGRAM_GC)


GLOB_HELP = ("file pattern inside folders; repeatable or comma-separated "
             "(default: *.txt,*.wiki,*.wikitext,*.mediawiki)")
INPUT_FORMAT_HELP = ("how to read the inputs: `text`, `wikitext`, or `auto` (the default: "
                     "wikitext by suffix .wiki/.wikitext/.mediawiki or by content, else text)")


def gather(paths: list[str], glob, exclude: Path | None = None, input_format: str = "auto"):
    """The inputs under `paths` (`glob` one pattern or several). Every path is checked
    before any work: a missing path, or a folder without inputs, is a usage error that
    names each such path (and the globs tried), and nothing is parsed."""
    from seasonparse.inputs import GlobError, discover, split_globs

    try:
        found = discover(paths, glob, exclude=exclude, input_format=input_format)
    except GlobError as exc:
        raise UsageError(str(exc)) from None
    for why in found.skipped:  # never silently: one line each (trial59: not even where the run stops below)
        print(f"seasonparse: warning: {why}", file=sys.stderr)
    if found.problems:
        raise UsageError("; ".join(found.problems) + "; nothing was done")
    if not found.inputs:
        shown = ", ".join(f"`{g}`" for g in split_globs(glob))
        raise UsageError(f"no input files: nothing matching {shown} in {', '.join(paths) or 'no path'}")
    if len(found.inputs) > 8:
        _batch_gc()
    return found


def _tcp_address(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"{value!r}: expected HOST:PORT, e.g. 127.0.0.1:2087")
    return host, int(port)


def server_parser() -> argparse.ArgumentParser:
    """`seasonparse server`'s options, built without the language server's imports, so its
    `--help` shows where the extra (pygls) is not installed (trial44: `needs pygls` instead)."""
    p = argparse.ArgumentParser(
        prog="seasonparse server",
        description="Run the seasonparse language server: diagnostics as you type in any LSP "
                    "editor, for season files (*.txt, *.wiki, *.wikitext, *.mediawiki); needs the "
                    "extra seasonparse[lsp] (pygls).")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default)")
    how.add_argument("--tcp", type=_tcp_address, metavar="HOST:PORT", help="listen on a TCP port")
    return p
