"""Which files a command works on, and where each one's JSON goes.

Folders are searched recursively with one or more globs (by default the text
format's `*.txt` and wikitext's `*.wiki`, `*.wikitext`, `*.mediawiki`), in
sorted order so every run sees the same sequence; caches, virtualenvs and hidden
folders are not searched (see folders). Symbolic links are followed,
to files and to folders; each folder is searched once and each file read once
(by device and inode), so a link to an ancestor folder does not loop. A glob stays inside the folder it
is applied to: absolute patterns and `..` are refused. The output folder is
never searched, and no output path may be an input: seasonparse never
overwrites a source. Every check here is one pass over the inputs.
"""


from typing import Iterator

import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath
from seasonparse.records import Record


DEFAULT_GLOBS = ("*.txt", "*.wiki", "*.wikitext", "*.mediawiki")
REFERENCE_GLOBS = ("*.txt", "*.csv")  # reference results, read with `--input-format reference`


def special_kind(mode: int) -> str | None:
    """What a file of this mode is in words where it is neither a regular file nor a
    folder ("a FIFO", "a character device", ...), else None: reading it would block or
    never end, replacing it would destroy it."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return ("a character device" if stat.S_ISCHR(mode) else "a block device" if stat.S_ISBLK(mode)
            else "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "not a regular file")


def not_a_file_to_read(path) -> str | None:
    """Why a file an option names (--baseline, --config, --reference) cannot be read (None: it
    can): missing, a folder, or a FIFO, a device or a socket, on which reading blocks for ever
    or never ends (a baseline on a copy of /dev/zero filled the memory)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot inspect it: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "is a folder"
    kind = special_kind(mode)
    return f"is {kind}, not a regular file" if kind else None


class Input(Record):
    path: Path  # where to read it
    display: str  # how to name it in messages and JSON (as the user wrote it)
    relative: Path  # its place below the argument it came from, for --out mirroring
    format: str = "auto"  # text, wikitext, or auto (by suffix, then content)
    page: object = None  # a page of the dump at `path` (frontend.dump.Page, or Broken): see expand


class Discovery(Record):
    inputs: tuple[Input, ...]
    problems: tuple[str, ...]  # usage-level messages: missing paths, empty folders
    skipped: tuple[str, ...] = ()  # what inside a folder could not be read: one warning each


class GlobError(ValueError):
    """A --glob that could match files outside the folder it is applied to."""


def check_glob(glob: str, option: str = "--glob") -> None:
    """Refuse a pattern that is empty or could leave its folder; `option` names where
    it was given (`--glob`, or the configuration's `glob`)."""
    if not glob:
        raise GlobError(f"{option}: the pattern is empty")
    if PurePosixPath(glob).is_absolute() or PureWindowsPath(glob).is_absolute() or glob[0] in "/\\":
        raise GlobError(f"{option} {glob}: an absolute pattern; a pattern is applied inside each "
                        f"folder and must stay there")
    if ".." in re.split(r"[\\/]", glob):
        raise GlobError(f"{option} {glob}: `..` would leave the folder the pattern is applied to")


def shown(path: str) -> str:
    """A path as printed in a line of text (one_line: a newline in a file name is
    escaped, so one diagnostic is always one line). The JSON outputs keep the name
    as `encodable` gives it."""
    return one_line(path)


def one_line(text: str) -> str:
    """`text` for one line of a text report: control characters and line or paragraph
    separators (which would break the line) escaped as repr escapes them, the invisible format
    characters (Unicode category Cf: the bidirectional controls of the Trojan Source attacks, which
    reorder what a terminal shows, a zero-width joiner, a soft hyphen) as `\\u202e`, and a byte
    of a file name that is not UTF-8 as `\\xff` (see encodable).
    Other characters stay as they are (a no-break space in a club's name is no escape)."""
    if text.isprintable():
        return text
    return "".join(map(one_char, text))


_ESCAPED = frozenset(("Cc", "Zl", "Zp", "Cs", "Cf"))
# Cf, the invisible format characters: the bidirectional controls of the Trojan Source attacks, U+202A-202E
# (embeddings, overrides, PDF), U+2066-2069 (isolates), U+200E/F and U+061C (marks), and the others a name
# may hide, a zero-width space, joiner or non-joiner, a soft hyphen, a byte order mark (trial47: `Be‍ta` was
# shown as `Beta`)


def one_char(c: str) -> str:
    """One character as one_line shows it: itself, or its escape."""
    if c.isprintable():
        return c
    import unicodedata

    return _escaped(c) if unicodedata.category(c) in _ESCAPED else c


def encodable(text: str) -> str:
    """`text` as UTF-8 can hold it: a file name's byte that is not UTF-8 (legal on Linux;
    Python names it by a lone surrogate, U+DC80 to U+DCFF) written `\\xff`,
    so a file so named is read, written and reported like any other. Every
    name an input is shown by goes through here once (Input.display)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(_escaped(c) if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def _escaped(c: str) -> str:
    if "\udc80" <= c <= "\udcff":  # os.fsdecode's escape of an undecodable byte
        return f"\\x{ord(c) - 0xdc00:02x}"
    return repr(c)[1:-1]


def _display(p: Path) -> str:
    return encodable(p.as_posix())


def split_globs(values) -> tuple[str, ...]:
    """One glob, or several: a list (config, repeated --glob) whose items may each be
    comma-separated. Order kept, repeats dropped; empty items are an error (check_glob)."""
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            check_glob(part)
            if part not in out:
                out.append(part)
    return tuple(out)


def discover(paths: list[str], glob="*.txt", exclude: Path | None = None,
             input_format: str = "auto") -> Discovery:
    """The inputs named by `paths` (a file matching several globs counted once);
    raises GlobError for a glob that could leave its folder."""
    globs = split_globs(glob)
    patterns = ", ".join(f"`{g}`" for g in globs)
    found: dict[tuple, Input] = {}  # by (device, inode)
    problems: list[str] = []
    skipped: list[str] = []
    excluded = exclude.resolve() if exclude else None
    for arg in paths:
        root = Path(arg)
        if not arg.strip():  # Path("") is the working folder: an empty variable in a script must not search it
            problems.append(f"{arg!r}: an empty path names no file or folder")
            continue
        if not root.exists():  # a link that leads nowhere says so (a loop, a dangling link)
            why = _not_a_file(root) if os.path.islink(root) else None
            problems.append(f"{shown(arg)}: {why or 'no such file or directory'}")
            continue
        if root.is_dir() and _is_cache_tag(root / CACHEDIR_TAG):
            problems.append(f"{shown(arg)}: a cache folder (it holds a {CACHEDIR_TAG}); not searched")
        elif root.is_dir():
            candidates: set[Path] = set()
            try:
                below = folders(root, excluded, skipped)
            except OSError as exc:  # trial34: said `no files matching … in this folder`
                problems.append(f"{shown(arg)}: cannot read this folder ({exc.strerror or exc})")
                continue
            for folder in below:
                for g in globs:
                    try:
                        candidates.update(folder.glob(g))
                    except ValueError as exc:  # pathlib's own refusals, e.g. `a**b`
                        raise GlobError(f"--glob {g}: {exc}") from None
            if excluded is not None and _inside(excluded, root.resolve()):
                skipped += _held_by_out(excluded, globs, root)
            resolved: dict[Path, bool] = {}  # a folder -> whether it resolves inside `excluded`
            matches = [(p, key) for p in sorted(candidates, key=path_order) if (key := _readable_file(p, skipped)) is not None
                       and not (excluded and _resolves_inside(p, excluded, resolved))]
            if not matches and candidates - {p for p in candidates if p.is_dir()}:  # (a name the glob matched)
                problems.append(f"{shown(arg)}: no file to read matching {patterns} in this folder (each one "
                                "matched is skipped, as said above)")
            elif not matches:
                problems.append(f"{shown(arg)}: no files matching {patterns} in this folder")
            for p, key in matches:
                found.setdefault(key, Input(p, _display(p), p.relative_to(root), input_format))
        elif (why := _not_a_file(root)) is not None and why.startswith("not a regular file"):
            problems.append(f"{shown(arg)}: {why}")  # a FIFO would block the run
        else:
            try:
                st = os.stat(root)
                key = (st.st_dev, st.st_ino)
            except OSError:  # read as named, to say why it cannot be
                key = (-1, str(root.resolve()))
            found.setdefault(key, Input(root, _display(root), Path(root.name), input_format))
    ordered = sorted(found.values(), key=lambda i: i.display)
    return Discovery(tuple(ordered), tuple(problems), tuple(dict.fromkeys(skipped)))  # (two paths holding --out: once)


def _held_by_out(out: Path, globs: list[str], root: Path) -> list[str]:
    """What the output folder (resolved), inside the input folder `root` (as named), holds that would be an
    input (trial56: an article there was passed over without a word): each said as skipped, named as the
    other inputs are, under `root`. Its JSON files are its own outputs."""
    if not out.is_dir():
        return []
    held = {p for g in globs for p in out.rglob(g) if p.suffix.lower() != ".json" and p.is_file()}
    base = root.resolve()
    return [f"{shown((root / p.relative_to(base)).as_posix())}: inside the output folder (--out), which is never "
            f"searched for inputs; skipped (move it out, or write the JSON elsewhere)" for p in sorted(held, key=path_order)]


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts


def _folded_parts(path: Path) -> tuple[str, ...]:
    return tuple(part.lower() for part in path.parts)


# Path's own order (PurePath.__lt__: part by part, case-folded where the system folds case) as a
# sort key: sorting 1,000 inputs by it takes 1.8 ms, comparing the Paths themselves 4.2 ms.
path_order = _folded_parts if os.path.normcase("A") == "a" else _parts


def _readable_file(path: Path, skipped: list[str]) -> tuple[int, int] | None:
    """The (device, inode) of a name the glob matched that is a file to read: one file
    reached by two names (a link, two globs) is read once, found with the stat the test
    makes anyway (resolving every path cost a third of finding 1,000 inputs). If it is no
    file to read (a dangling link, a link loop, a FIFO, a socket), None, and why is added
    to `skipped`. A folder so named is passed over silently: what it holds is searched as
    any folder's. Never opens the file (a FIFO would block)."""
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is not None and stat.S_ISREG(st.st_mode):
        return st.st_dev, st.st_ino
    why = _not_a_file(path)
    if why is not None:
        skipped.append(f"{shown(path.as_posix())}: {why}; skipped")
    return None


def _not_a_file(path: Path) -> str | None:
    """Why `path` cannot be read as an input file, or None (a regular file or a folder)."""
    import errno
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return f"a dangling symbolic link (to {os.readlink(path)})"
        return f"cannot read it: {exc.strerror or exc}"
    kind = special_kind(mode)
    return f"not a regular file ({kind})" if kind else None


def folders(root: Path, excluded: Path | None = None, skipped: list[str] | None = None) -> list[Path]:
    """`root` and every folder below it, through symbolic links too, each folder once
    (by device and inode): a link to an ancestor does not loop, and a folder reached
    by two names is searched under the first (in sorted order). Not entered: the output
    folder, a cache (a folder holding CACHEDIR.TAG, as `tar --exclude-caches` does; the
    root too), and below the root a virtualenv (holding pyvenv.cfg) or a hidden folder
    (`.git`, `.venv`): none holds articles, and a cache's files would be read as ones.
    A folder below `root` that cannot be read is said in `skipped`; `root` itself raises
    the OSError."""
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        key = file_key(folder)
        if key is None or key in seen or (excluded and _inside(folder.resolve(), excluded)):
            continue
        seen.add(key)
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:  # unreadable: said (in `skipped`), the rest searched
            if folder is root:  # the folder named: the caller says it cannot be read, not that it holds nothing
                raise
            if skipped is not None:
                skipped.append(f"{shown(folder.as_posix())}: cannot read this folder "
                               f"({exc.strerror or exc}); its files are skipped")
            continue
        names = {e.name for e in entries}
        if CACHEDIR_TAG in names and _is_cache_tag(folder / CACHEDIR_TAG):
            continue
        if folder is not root and VENV_MARK in names:
            continue
        found.append(folder)
        stack.extend(reversed(sorted(Path(e.path) for e in entries
                                     if not e.name.startswith(".") and _is_folder(e))))
    return found


CACHEDIR_TAG, VENV_MARK = "CACHEDIR.TAG", "pyvenv.cfg"
_CACHEDIR_SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"  # https://bford.info/cachedir/


def _is_cache_tag(path: Path) -> bool:
    """Whether `path` starts with the cache directory tag's signature (a regular file only:
    a FIFO so named would block)."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as fh:
            return fh.read(len(_CACHEDIR_SIGNATURE)) == _CACHEDIR_SIGNATURE
    except OSError:
        return False


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows a symbolic link
    except OSError:
        return False


def expand(inputs, selection=None):
    """The inputs with each MediaWiki dump among them (suffixes.is_dump) replaced
    by its season pages, read as they are needed: a dump is streamed, never held (an
    iterator then; the inputs as they are where there is no dump).

    A page is named `DUMP:Title@revid` and goes to `<dump stem>/<safe title>.json`
    under --out; a dump that cannot be read to its end is followed by one input that
    says where it broke. `selection` (frontend.dump.Selection) picks the pages."""
    from seasonparse.suffixes import is_dump

    if not any(is_dump(item.path.name) for item in inputs):
        return inputs
    return _with_pages(inputs, selection)


def _with_pages(inputs, selection) -> Iterator[Input]:
    from seasonparse.frontend import dump
    from seasonparse.suffixes import is_dump

    for item in inputs:
        if not is_dump(item.path.name):
            yield item
            continue
        keep = (selection or dump.default_selection()).keeps
        # the pages' folder sits where the dump does below its input folder, as a file's output would
        folder, names = item.relative.parent / dump.dump_stem(item.path.name), dump.Names()
        try:
            stream = dump.open_dump(str(item.path))
        except OSError as exc:
            yield item._replace(page=dump.Broken(f"cannot open it: {exc.strerror or exc}", 1, 1, no_page=True))
            continue
        with stream:
            for page in dump.read_pages(stream):
                if isinstance(page, dump.Broken):
                    yield item._replace(relative=folder / "_broken.wikitext", page=page)
                elif keep(page):
                    yield Input(item.path, dump.page_display(item.display, page.title, page.revision),
                                folder / f"{names.name(page)}.wikitext", "wikitext", page)


def _resolves_inside(path: Path, folder: Path, parents: dict[Path, bool]) -> bool:
    """Whether the file `path` resolves inside `folder`: its parent folder resolved once for
    all the files it holds (`parents` keeps the answers), the file itself only where it is a
    link (resolving every file, a realpath's lstat per part of its path, was half of finding
    1,000 inputs for `--out`)."""
    if os.path.islink(path):
        return _inside(path.resolve(), folder)
    inside = parents.get(path.parent)
    if inside is None:
        inside = parents[path.parent] = _inside(path.parent.resolve(), folder)
    return inside


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def out_problem(out_dir: Path, paths: list[str]) -> str | None:
    """Why `out_dir` cannot take the JSON of the folders in `paths`, or None.

    An output folder inside an input folder is fine (it is not searched); one
    that is an input folder or contains one would mix the JSON with the sources
    or hide the inputs, so it is refused."""
    out = out_dir.resolve()
    for arg in paths:
        folder = Path(arg)
        if folder.is_dir() and _inside(folder.resolve(), out):
            what = "is" if folder.resolve() == out else "contains"
            return (f"--out {out_dir}: {what} the input folder {arg}; write the JSON to a separate "
                    f"folder (one inside {arg} is fine: it is not searched)")
    return None


def output_path(out_dir: Path, item: Input, shared_stems=frozenset()) -> Path:
    """`DIR/a/x.json` for the input `a/x.txt`; `DIR/a/x.txt.json` where another input
    has the same stem under another suffix (`a/x.wikitext`): then both keep their suffix."""
    relative = item.relative
    if relative.with_suffix("") in shared_stems:
        return out_dir / relative.with_name(relative.name + ".json")
    return out_dir / relative.with_suffix(".json")


def shared_stems(inputs) -> frozenset:
    """The relative paths less their suffix that two inputs of different suffixes share
    (`rand.txt` and `rand.wikitext`): their outputs keep the suffix (output_path)."""
    suffixes: dict[Path, set[str]] = {}
    for item in inputs:
        suffixes.setdefault(item.relative.with_suffix(""), set()).add(item.relative.suffix)
    return frozenset(stem for stem, found in suffixes.items() if len(found) > 1)


def configured_files(root: Path, pattern: str, folders: bool = False) -> list[Path]:
    """The files a configured glob (`references = ["reference/*.txt"]`) names, relative to the
    configuration's folder `root` (or absolute), sorted: what `check` reads as references and
    the language server leaves out of the articles. `folders`: the folders it names instead."""
    import glob

    return sorted(p for p in (root / m for m in glob.glob(pattern, root_dir=root, recursive=True))
                  if (p.is_dir() if folders else p.is_file()))


def file_key(path) -> tuple[int, int] | None:
    """The file's identity under any name (device, inode), or None where it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def input_keys(paths) -> dict[tuple[int, int], str]:
    """(device, inode) -> the path, for every path that exists: one stat each, so that
    "is this output an input?" is one set look-up, whatever the number of inputs."""
    keys: dict[tuple[int, int], str] = {}
    for path in paths:
        key = file_key(path)
        if key is not None:
            keys.setdefault(key, str(path))
    return keys


def planned_outputs(out_dir: Path, inputs, items) -> Iterator[tuple[Input, Path, str | None]]:
    """(item, output path, why it gets none or None) for each of `items` (the `inputs`,
    or a stream of them with the pages of their dumps), as they are taken.

    One stat per input and one per existing output: an output that is an input
    (the same file, by device and inode, under any name) or that two inputs
    would share is refused."""
    sources = input_keys(i.path for i in inputs)
    base = Path(os.path.abspath(out_dir))
    shared = shared_stems(inputs)
    owner: dict[Path, str] = {}
    for item in items:
        target = output_path(out_dir, item, shared)
        where = output_path(base, item, shared)
        if where in owner:
            yield item, target, (f"its output {shown(str(target))} is also the output of "
                                 f"{shown(owner[where])}; skipped (two inputs, one output name: "
                                 f"give each folder its own --out, or rename one)")
        elif file_key(target) in sources:
            yield item, target, f"its output {shown(str(target))} is an input file; refusing to overwrite it"
        else:
            owner[where] = item.display
            yield item, target, None
