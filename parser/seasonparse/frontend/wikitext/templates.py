"""Template names, redirects and parameter aliases, from data/templates.toml.

MediaWiki compares template names ignoring the case of the first letter and
treating spaces and underscores alike; editors also write `footballbox` for
`Football box`. `key` folds a name (or parameter name) the way the data file
is written, so a lookup is one dict access.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_SPACES = re.compile(r"[\s_]+")


@lru_cache(maxsize=65536)  # the same parameter names in every call of a template
def key(name: str) -> str:
    """`Football_box collapsible ` -> `football box collapsible` (without_namespace's)."""
    return _SPACES.sub(" ", without_namespace(name)).strip().casefold()


def without_namespace(name: str) -> str:
    """The name less the namespace MediaWiki reads a template from, written or not:
    `{{Template:Football box}}` is `{{Football box}}` (trial47: the one skipped, the other noted)."""
    head = name.lstrip()[:9].casefold()
    if head.startswith("template") and ":" in name:
        before, _, after = name.partition(":")
        if before.strip().casefold() == "template":
            return after.strip()
    return name


def _data() -> dict:
    """data/templates.toml as its generated copy (scripts/gen_data.py)."""
    from seasonparse.data._templates import DATA

    return DATA


@cache
def _kinds() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, spec in _data()["kinds"].items():
        for name in spec["names"]:
            out[key(name)] = kind
            out[key(name).replace(" ", "")] = kind
    return out


@cache
def legacy_parts() -> dict[str, tuple[str, str]]:
    """Kind -> (the table built row by row it is part of, `header`, `row` or `footer`): the
    templates of an Fb cl table (`fb_cl`) or an Fb r grid (`fb_r`), as data/templates.toml's
    `table` and `part` give them; the reader opens a table at its header and closes it at its
    footer, or at anything not part of it."""
    return {k: (spec["table"], spec.get("part", "row")) for k, spec in _data()["kinds"].items() if "table" in spec}


@cache
def continues(table: str) -> frozenset[str]:
    """The kinds that continue an open `table` (legacy_parts): its rows and footer."""
    return frozenset(k for k, (t, part) in legacy_parts().items() if t == table and part != "header")


def kind_of(name: str) -> str | None:
    """The kind of a template or parser function name, None when not in the data file."""
    k = key(name)
    if k.startswith("#invoke:"):
        k = "#invoke:" + k[8:].split("|")[0].strip()
    kinds = _kinds()
    return kinds.get(k) or kinds.get(k.replace(" ", ""))


@cache
def _ignored_names() -> re.Pattern:
    patterns = _data().get("ignored_names", {}).get("patterns", [])
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


def is_ignored(name: str) -> bool:
    """A template known to carry nothing for the reader: listed as `ignored`, or
    navigation and page furniture by the shape of its name (data/templates.toml)."""
    return kind_of(name) == "ignored" or _ignored_names().search(key(name)) is not None


@cache
def wrappers() -> tuple[re.Pattern | None, dict[str, str]]:
    """The templates that show one of their parameters as the page's content ([wrappers]): a
    pattern finding a call of one (`{{#invoke:transcludable section|`, spelt as MediaWiki reads
    it: case, spaces and underscores aside), and {folded name: the folded parameter shown}."""
    shown = {key(name): key(param) for name, param in _data().get("wrappers", {}).items()}
    if not shown:
        return None, shown
    alternatives = []
    for name in shown:
        module = name.startswith("#invoke:")
        words = (name[8:] if module else name).split()
        spelt = r"[\s_]+".join(re.escape(w) for w in words)
        alternatives.append(r"#invoke\s*:\s*" + spelt if module else spelt)
    return re.compile(r"\{\{\s*(?:" + "|".join(alternatives) + r")\s*(?=[|}])", re.I), shown


@cache
def _aliases(kind: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, names in _data().get("params", {}).get(kind, {}).items():
        for n in names:
            out[key(n)] = canonical
    return out


@lru_cache(maxsize=65536)  # a grid's `match_X_Y` names recur in every copy of a league's season
def param_name(kind: str, name: str) -> str:
    """The canonical name of a template parameter (aliases folded)."""
    k = key(name)
    return _aliases(kind).get(k, k)


@cache
def inline_rules() -> dict[str, dict]:
    """How a template inside a value shows as text: {folded name: {text: [...]} or {drop: True}}."""
    return {key(n): spec for n, spec in _data().get("inline", {}).items()}


def _fifa_codes() -> dict[str, str]:
    """data/fifa_codes.toml as its generated copy (scripts/gen_data.py), read at the first flag."""
    from seasonparse.data._fifa_codes import DATA

    return DATA["codes"]


def national_team(code: str) -> str:
    """The national team a FIFA code names, as {{fb}} shows it (`RUS` -> `Russia`,
    data/fifa_codes.toml); a code not listed stays the code."""
    code = code.strip()
    return _fifa_codes().get(code.upper(), code)


@cache
def tie_columns() -> dict[str, str]:
    """Folded column header -> meaning (team_a, aggregate, team_b, leg1, leg2)."""
    return {key(n): meaning for meaning, names in _data().get("tie_columns", {}).items() for n in names}


@cache
def club_season_infoboxes() -> frozenset[str]:
    """Folded names of the infoboxes of one club's season, whose `club` is the article's club."""
    return frozenset(key(n) for n in _data().get("goalscorer_tables", {}).get("club_season_infoboxes", ()))


@cache
def footnote_templates() -> frozenset[str]:
    """Folded names of the templates whose text is a footnote ({{efn}}, {{refn}}, ...)."""
    return frozenset(key(n) for n in _data().get("footnotes", {}).get("names", ()))
