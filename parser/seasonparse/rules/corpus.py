"""Cross-document rules: one season, many articles, one truth.

Each rule reads the corpus index (seasonparse.corpus), built once per run.
Where documents disagree, the finding stands in the document that disagrees
with the majority; between two documents, in the later one (by path), and the
other document is always given as a related location.
"""

from __future__ import annotations

from typing import NamedTuple

import re
from collections import Counter
from datetime import date, timedelta
from itertools import combinations

from seasonparse.corpus import (
    MatchRef, Removal, doc_tournament, names_match, section_tournament, tournament_in)
from seasonparse.football import (
    doc_club, knockout_ties, named_clubs, promotion_ties, ranking, round_index, season_window,
    tie_result)
from seasonparse.lexicon import lexicon, words
from seasonparse.model import ERROR, INFO, WARNING, Document
from seasonparse.names import fold
from seasonparse.rules.base import Related, rule
from seasonparse.tables import column_indexes, to_int, tournament_columns


def _odd_ones(items, value, path):
    """(item, the items it disagrees with) for the items that disagree with the
    majority; with no majority, every item but those of the first path."""
    values = [value(i) for i in items]
    if len(set(values)) < 2:
        return []
    counts = Counter(values)
    top, n = counts.most_common(1)[0]
    if n * 2 > len(items):
        agree = [i for i, v in zip(items, values, strict=True) if v == top]
        return [(i, agree) for i, v in zip(items, values, strict=True) if v != top]
    first = min(path(i) for i in items)
    base = [i for i in items if path(i) == first]
    base_value = value(base[0])
    return [(i, base) for i, v in zip(items, values, strict=True) if path(i) != first and v != base_value]


def _score_text(ref: MatchRef) -> str:
    m = ref.match
    return f"{m.home} {m.home_goals}-{m.away_goals} {m.away} ({m.date_text})"


def _rel(ref: MatchRef, what: str = "") -> Related:
    return Related(ref.doc.path, ref.match.line, 1, what or _score_text(ref))


def _path(ref: MatchRef) -> str:
    return ref.doc.path


@rule("X001", "cross-match-score", ERROR, scope="corpus")
def cross_match_score(corpus, settings, report):
    """The same match has different scores in two documents.

    What it does: finds the same match in several documents (the same two
    clubs, after alias resolution, on dates at most a day apart) and compares
    the goals of each club.

    Why: at least one article has the wrong result.

    Example:
        club article:    Necaxa 1 - 0 Mérida   (July 29, 2011)
        league article:  Necaxa 2-0 Mérida     (29 July 2011)
    """
    for group in corpus.same_matches:
        a, b = sorted((group[0].home, group[0].away))
        for ref, others in _odd_ones(group, lambda r: (r.goals_of(a), r.goals_of(b)), _path):
            yield report(f"{_score_text(ref)} here, but {_score_text(others[0])} in {others[0].doc.path}",
                         ref.match.line, 1, path=ref.doc.path, related=[_rel(o) for o in others])


@rule("X002", "cross-match-venue", ERROR, scope="corpus")
def cross_match_venue(corpus, settings, report):
    """The same match has home and away swapped in two documents.

    What it does: where two documents agree on the clubs and the goals, compares
    which club is listed first (the home team).

    Why: a swapped venue changes which club hosted the leg, which decides ties
    and home records.

    Example:
        club article:    Neza 2 - 2 Necaxa
        bracket article: Necaxa 2 - 2 Neza     (same day)
    """
    for group in corpus.same_matches:
        a, b = sorted((group[0].home, group[0].away))
        if len({(r.goals_of(a), r.goals_of(b)) for r in group}) > 1:
            continue  # X001
        for ref, others in _odd_ones(group, lambda r: r.home, _path):
            yield report(f"{ref.match.home} is at home here, {others[0].match.home} in "
                         f"{others[0].doc.path}", ref.match.line, 1, path=ref.doc.path,
                         related=[_rel(o) for o in others])


@rule("X003", "cross-match-date", ERROR, scope="corpus")
def cross_match_date(corpus, settings, report):
    """The same match is dated a day apart in two documents.

    What it does: matches of the same two clubs at most a day apart are taken to
    be one match; a different day is reported.

    Why: one of the dates is wrong (often a time-zone or copy slip).

    Example:
        club article:    November 24, 2011  Necaxa 0 - 1 Neza
        bracket article: November 25, 2011  Necaxa 0 - 1 Neza
    """
    for group in corpus.same_matches:
        for ref, others in _odd_ones(group, lambda r: r.day, _path):
            yield report(f"dated {ref.match.date_text} here, {others[0].match.date_text} in "
                         f"{others[0].doc.path}", ref.match.date_line, 1, path=ref.doc.path,
                         related=[Related(o.doc.path, o.match.date_line, 1, _score_text(o)) for o in others])


def _goals(ref: MatchRef, club: str):
    side = ref.side_of(club)
    return [e for e in ref.match.events if e.side == side and e.is_goal]


def _minute(e) -> str:
    if e.minute is None:
        return "(no minute)"
    return f"{e.minute}+{e.stoppage}'" if e.stoppage else f"{e.minute}'"


@rule("X004", "cross-match-scorers", ERROR, scope="corpus")
def cross_match_scorers(corpus, settings, report):
    """The same match has different scorers or minutes in two documents.

    What it does: where both documents list scorers and agree on the score,
    pairs each goal by player (surname and initials, accent-insensitive, in
    either list shape) and minute, and reports a goal whose minute differs or
    that the other document does not have.

    Why: scorer lists are copied between articles, and drift.

    Example:
        club article:    Necaxa: Lojero 42'
        bracket article: Necaxa: 43' Lojero
    """
    for group in corpus.same_matches:
        a, b = sorted((group[0].home, group[0].away))
        if len({(r.goals_of(a), r.goals_of(b)) for r in group}) > 1:
            continue  # X001
        listed = [r for r in group if r.match.scorer_lines]
        if len(listed) < 2:
            continue
        base = min(listed, key=lambda r: (r.doc.path, r.match.line))
        for ref in listed:
            if ref is base:
                continue
            for club in (a, b):
                mine, theirs = _goals(ref, club), _goals(base, club)
                mine_left, theirs_left = list(mine), list(theirs)
                for e in list(mine_left):  # exact: same player, same minute
                    hit = next((t for t in theirs_left if (t.minute, t.stoppage) == (e.minute, e.stoppage)
                                and names_match(e.player, t.player)), None)
                    if hit is not None:
                        mine_left.remove(e)
                        theirs_left.remove(hit)
                for e in list(mine_left):  # same player, another minute
                    hit = next((t for t in theirs_left if names_match(e.player, t.player)), None)
                    if hit is None:
                        continue
                    mine_left.remove(e)
                    theirs_left.remove(hit)
                    if e.minute is None or hit.minute is None:
                        continue
                    yield report(f"{e.player} {_minute(e)} here, {_minute(hit)} in {base.doc.path}",
                                 e.line, e.column, end_column=e.end_column, path=ref.doc.path,
                                 related=[Related(base.doc.path, hit.line, hit.column,
                                                  f"{hit.player} {_minute(hit)}")])
                for e, t in zip(mine_left, theirs_left, strict=False):  # the unpaired rest
                    yield report(f"{e.player} {_minute(e)} here, {t.player} {_minute(t)} in "
                                 f"{base.doc.path}", e.line, e.column, end_column=e.end_column,
                                 path=ref.doc.path,
                                 related=[Related(base.doc.path, t.line, t.column, f"{t.player} {_minute(t)}")])


@rule("X005", "cross-match-opponent", ERROR, scope="corpus")
def cross_match_opponent(corpus, settings, report):
    """A club plays two different opponents on the same day in two documents.

    What it does: indexes every match by club and day (after alias resolution).

    Why: a club plays once a day; either an opponent is wrong, or two names of
    one club are not yet known as aliases (add them to the configuration).

    Example:
        club article:    November 24, 2011  Necaxa 0 - 1 Neza
        bracket article: November 24, 2011  Necaxa 0 - 1 León
    """
    for (club, _day), refs in sorted(corpus.by_club_day.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if len({r.doc.path for r in refs}) < 2:
            continue

        def opponent(r, club=club):
            return r.away if r.home == club else r.home
        if len({opponent(r) for r in refs}) < 2:
            continue
        name = corpus.clubs.name(club)
        for ref, others in _odd_ones(refs, opponent, _path):
            o = others[0]
            yield report(f"{name} plays {corpus.clubs.name(opponent(ref))} here on {ref.match.date_text}, "
                         f"{corpus.clubs.name(opponent(o))} in {o.doc.path} (if these are one club, "
                         "add an alias)", ref.match.line, 1, path=ref.doc.path,
                         related=[_rel(x) for x in others])


def _record(refs, club, win):
    won = drawn = lost = gf = ga = 0
    for r in refs:
        mine = r.goals_of(club)
        theirs = r.match.home_goals + r.match.away_goals - mine
        gf, ga = gf + mine, ga + theirs
        if mine > theirs:
            won += 1
        elif mine == theirs:
            drawn += 1
        else:
            lost += 1
    return {"played": len(refs), "won": won, "drawn": drawn, "lost": lost, "goals_for": gf,
            "goals_against": ga, "goal_difference": gf - ga, "points": win * won + drawn}


_SHORT = {"played": "Pld", "won": "W", "drawn": "D", "lost": "L", "goals_for": "GF",
          "goals_against": "GA", "goal_difference": "GD", "points": "Pts"}


def _table_tournament(doc, table):
    header = " ".join(" ".join(h) for h in table.header)
    return tournament_in(header) or section_tournament(doc, table.section)


def _standings_rows(corpus):
    """(doc, table, row, club root, tournament, values by meaning) for every standings row."""
    from seasonparse.rules.standings import rows_of

    for doc in corpus.docs:
        for table in doc.tables:
            if table.kind != "standings":
                continue
            t = _table_tournament(doc, table)
            if t is None:
                continue
            for r in rows_of(table):
                if r.team:
                    yield doc, table, r, corpus.clubs.root(r.team), t


@rule("X006", "record-vs-results", ERROR, scope="corpus")
def record_vs_results(corpus, settings, report):
    """A standings row that the club's own results contradict.

    What it does: recomputes the club's record (W, D, L, GF, GA, GD, Pts) from
    all of its regular-season results of that tournament in the corpus (each
    match once, knockout, pre-season and friendly sections left out) and
    compares it with every standings row for that club and tournament, in any
    document. Only where the corpus has as many results as the row's Pld.

    Why: a standings table typed by hand drifts from the results.

    Example:
        | 6 | Necaxa | ... | 15 | 6 | 5 | 4 | 15 | 14 | +1 | 23 |    (the results give 7 wins)
    """
    win = settings.points_for_win
    for doc, _table, r, club, t in _standings_rows(corpus):
        refs = corpus.regular.get((club, t), [])
        if not refs or r.values.get("played") != len(refs):
            continue
        got = _record(refs, club, win)
        wrong = [m for m in _SHORT if r.values.get(m) is not None and r.values[m] != got[m]]
        if wrong:
            said = ", ".join(f"{_SHORT[m]} {r.values[m]}" for m in wrong)
            real = ", ".join(f"{_SHORT[m]} {got[m]}" for m in wrong)
            docs = sorted({x.doc.path for x in refs})
            yield report(f"{r.team} in {t[0]} {t[1]}: the table says {said}; its {len(refs)} results in "
                         f"the corpus give {real}", r.row.line, 1, path=doc.path,
                         related=[Related(p, next(x.match.line for x in refs if x.doc.path == p), 1,
                                          "results") for p in docs])


class Stated(NamedTuple):
    """A club's points in one tournament, as one table states them."""

    value: int
    doc: Document
    line: int
    label: str
    table: tuple  # which table (and column) said it
    played: int | None
    name: str  # the club as the table writes it


def _stated_points(corpus):
    """(club, tournament) -> [Stated] from standings and relegation tables."""
    out: dict[tuple, list] = {}
    for doc, table, r, club, t in _standings_rows(corpus):
        if r.values.get("points") is not None:
            out.setdefault((club, t), []).append(Stated(
                r.values["points"], doc, r.row.line, f"Pts in the {t[0]} {t[1]} standings",
                (doc.path, table.index, "Pts"), r.values.get("played"), r.team))
    for doc in corpus.docs:
        for table in doc.tables:
            if table.kind != "relegation":
                continue
            tcol = column_indexes(table).get("team")
            for col, label in tournament_columns(table).items():
                t = tournament_in(label)
                for row in table.rows:
                    cells = table.cells(row)
                    if row.kind != "data" or tcol is None or max(tcol, col) >= len(cells):
                        continue
                    if row.ragged and row.realigned is None:
                        continue
                    v = to_int(cells[col])
                    if v is not None and cells[tcol]:
                        out.setdefault((corpus.clubs.root(cells[tcol]), t), []).append(Stated(
                            v, doc, row.line, f"`{table.columns[col]}` in the relegation table",
                            (doc.path, table.index, col), None, cells[tcol]))
    return out


def _complete_results(corpus, club, t, stated):
    """The club's results for the tournament, if the corpus has all of them: as many
    as a standings row's Pld, or listed by an article about the club itself."""
    refs = corpus.regular.get((club, t), [])
    if not refs:
        return None
    if any(st.played == len(refs) for st in stated):
        return refs
    own = [d for d in corpus.docs if doc_club(d) and corpus.clubs.root(doc_club(d)) == club]
    if own and all(r.doc in own for r in refs):
        return refs
    return None


def _explain(corpus, club, t, refs, diff, win):
    """Why a table gives `club` `diff` points fewer than its results: a deduction the
    corpus states, or the points from matches against clubs removed from the
    competition (by the time of tournament `t`). [(what, points, where)] or None."""
    for points, path, line, text, when in corpus.deductions.get(club, ()):
        if points == diff and (when is None or when == t):
            return [("a stated deduction", points, Removal(club, text, path, line, when))]
    by_opp: dict[str, int] = {}
    for r in refs:
        opp = r.away if r.home == club else r.home
        mine = r.goals_of(club)
        theirs = r.match.home_goals + r.match.away_goals - mine
        by_opp[opp] = by_opp.get(opp, 0) + (win if mine > theirs else 1 if mine == theirs else 0)
    removed = {}
    for rm in corpus.removals:
        if rm.applies_to(t):
            removed.setdefault(rm.club, rm)
    candidates = sorted(c for c in removed if c in by_opp)
    for n in (1, 2):
        for combo in combinations(candidates, n):
            if sum(by_opp[c] for c in combo) == diff:
                return [(corpus.clubs.name(c), by_opp[c], removed[c]) for c in combo]
    return None


@rule("X007", "table-quantity-mismatch", WARNING, scope="corpus")
def table_quantity_mismatch(corpus, settings, report):
    """The same quantity stated differently by two tables, explained where the corpus can.

    What it does: a club's points in one tournament appear in standings tables
    and in relegation tables (a column such as `'11 A Pts`). Where they differ,
    the club's results are recomputed; if the difference is exactly the points
    from matches against a club the documents say was suspended, expelled or
    disaffiliated, the explanation is reported (info) instead of a
    contradiction. Where every club in both tables differs by the same amount,
    the message says so.

    Why: relegation tables often leave out results against removed clubs; the
    linter should say that, not cry wolf.

    Example:
        standings:   | 6 | Necaxa | ... | 23 |
        relegation:  | 2 | Necaxa | ... | '11 A Pts 20 | ...
        bullets:     - Indios were suspended after the Apertura 2011 ...
    """
    win = settings.points_for_win
    found = []  # one disagreement: (tables pair, club, wrong entry, right entry, explanation)
    for (club, t), entries in sorted(_stated_points(corpus).items(),
                                     key=lambda kv: (kv[0][1] or ("", 0), kv[0][0])):
        if len({e.table for e in entries}) < 2 or len({e.value for e in entries}) < 2:
            continue
        refs = _complete_results(corpus, club, t, entries)
        truth = _record(refs, club, win)["points"] if refs else None
        ordered = sorted(entries, key=lambda e: (e.doc.path, e.line))
        right = next((e for e in ordered if e.value == truth), None)
        if right is not None:
            for e in ordered:
                if e.value != truth:
                    why = _explain(corpus, club, t, refs, truth - e.value, win)
                    found.append((tuple(sorted((e.table, right.table))), club, e, right, why))
        else:
            found.append((tuple(sorted((ordered[0].table, ordered[-1].table))), club, ordered[-1], ordered[0], None))
    # Where the results settle one club, the table that club's wrong value came
    # from is taken as the odd one for every club of the same two tables.
    odd_table = {pair: e.table for pair, _, e, right, why in found if why}
    diffs: dict[tuple, Counter] = {}
    for pair, _club, e, right, why in found:
        if not why and pair in odd_table and e.table != odd_table[pair]:
            e, right = right, e
        diffs.setdefault(pair, Counter())[right.value - e.value] += 1
    for pair, _club, e, right, why in found:
        if not why and pair in odd_table and e.table != odd_table[pair]:
            e, right = right, e
        text = f"{e.name}: {e.value} as {e.label}, {right.value} as {right.label} ({right.doc.path}:{right.line})"
        related = [Related(right.doc.path, right.line, 1, f"{right.value} as {right.label}")]
        if why:
            parts = [(f"{pts} points from matches against {opp}" if opp != "a stated deduction"
                      else f"a deduction of {pts} points") + f" ({rm.path}:{rm.line}: \"{rm.text}\")"
                     for opp, pts, rm in why]
            related += [Related(rm.path, rm.line, 1, rm.text) for _, _, rm in why]
            yield report(f"{text}, which its results confirm; the difference is explained by the "
                         f"corpus: {' and '.join(parts)}, left out of the first table",
                         e.line, 1, path=e.doc.path, related=related, severity=INFO)
            continue
        diff = right.value - e.value
        if len(diffs[pair]) == 1 and diffs[pair][diff] >= 2:
            text += f"; every club in both tables differs by {abs(diff)} ({diffs[pair][diff]} clubs)"
            explained = next(((c, w) for p, c, _, _, w in found if p == pair and w), None)
            if explained:
                c, w = explained
                text += (f", as {corpus.clubs.name(c)} does, where the corpus shows why: the points "
                         f"from matches against {' and '.join(opp for opp, _, _ in w)}")
        yield report(text, e.line, 1, path=e.doc.path, related=related)


@rule("X008", "unmarked-own-goal", WARNING, scope="corpus")
def unmarked_own_goal(corpus, settings, report):
    """A goal credited to one club by a player the corpus knows as the opponent's.

    What it does: a scorer listed for club A in a match against club B, whose
    name matches a player that goalscorer tables (a club article's table is
    the club's) or captain columns place at B, and no player of A, and who
    scores for A nowhere else in the corpus, is an own goal without `(o.g.)`.

    Why: the goal counts for A, but the player's tally must not include it.

    Example:
        Necaxa 2 - 1 Altamira
          Altamira: Quatrocchi 60'     (Pablo Quatrocchi is Necaxa's)
    """
    for ref in corpus.matches:
        for e in ref.match.events:
            if not e.is_goal or e.kind == "own_goal":
                continue
            mine = ref.home if e.side == "home" else ref.away
            theirs = ref.away if e.side == "home" else ref.home
            known = corpus.players_named(e.player)
            clubs = {p.club for p in known}
            if theirs not in clubs or mine in clubs:
                continue
            surname = fold(e.player).replace(".", " ").split()[-1]
            elsewhere = [x for x in corpus.scorers_by_club.get((mine, surname), [])
                         if x[1] is not e and names_match(x[1].player, e.player)]
            if elsewhere:
                continue
            p = next(p for p in known if p.club == theirs)
            m = ref.match
            yield report(f"{e.player} {_minute(e)} is credited to {m.team(e.side)}, but {p.name} plays "
                         f"for {m.away if e.side == 'home' else m.home}: an own goal without (o.g.)?",
                         e.line, e.column, end_column=e.end_column, path=ref.doc.path,
                         related=[Related(p.path, p.line, 1, f"{p.name}, {corpus.clubs.name(theirs)}")])


def _season_tournament(doc, phase: str):
    season = season_window(doc)
    offset = {k.lower(): v for k, v in lexicon()["tournaments"]["phase_year"].items()}
    p = phase.strip().lower()
    if season is None or p not in offset:
        return None
    return phase.strip().capitalize(), season.first.year + offset[p]


class Claim(NamedTuple):
    """One document's statement about a tournament: its champion, or whom its winner plays."""

    value: object  # a club root, or a tournament
    doc: Document
    line: int
    text: str


def _claims(corpus):
    """(tournament, what) -> [Claim]: champions and next opponents."""
    out: dict[tuple, list] = {}
    champion_keys = words("infobox", "champion")
    winners_keys = words("infobox", "winners")
    patterns = [re.compile(p, re.I) for p in lexicon()["statements"]["next_opponent"]]
    for doc in corpus.docs:
        for f in doc.infobox:
            k = fold(f.key)
            if k in champion_keys and f.value and (t := doc_tournament(doc)):
                out.setdefault((t, "champion"), []).append(
                    Claim(corpus.clubs.root(f.value), doc, f.line, f"{f.key}: {f.value}"))
            elif k in winners_keys:
                for part in f.value.split(","):
                    phase, sep, club = part.partition(":")
                    t = _season_tournament(doc, phase) if sep else None
                    if t and club.strip():
                        out.setdefault((t, "champion"), []).append(
                            Claim(corpus.clubs.root(club), doc, f.line, f"{f.key}: {part.strip()}"))
        promoted_keys = words("infobox", "promoted")
        season = season_window(doc)
        for f in doc.infobox:
            if season and fold(f.key) in promoted_keys:
                for club in named_clubs(f.value) or ["(nobody)"]:
                    out.setdefault(((season.first.year, season.last.year), "promoted"), []).append(
                        Claim(corpus.clubs.root(club), doc, f.line, f"{f.key}: {f.value}"))
        ranks = ranking(doc)
        for kt in promotion_ties(doc):
            res = tie_result(kt, ranks)
            if season and res:
                out.setdefault(((season.first.year, season.last.year), "promoted"), []).append(
                    Claim(corpus.clubs.root(res.winner), doc, kt.line, f"{res.winner} won the promotion final"))
        for kt in knockout_ties(doc):
            if kt.round == round_index("final"):
                t = section_tournament(doc, kt.prefix)
                res = tie_result(kt, ranks)
                if t and res:
                    out.setdefault((t, "champion"), []).append(
                        Claim(corpus.clubs.root(res.winner), doc, kt.line, f"{res.winner} won the final"))
        for b in doc.blocks:
            texts = b.items if b.items else (b.text,)
            for i, text in enumerate(texts):
                for p in patterns:
                    m = p.search(text)
                    if m and (other := tournament_in(m["tournament"])):
                        t = section_tournament(doc, b.section)
                        if t and t != other:
                            out.setdefault((t, "next opponent"), []).append(Claim(
                                other, doc, b.line + (i if b.items else 0),
                                f"the {t[0]} {t[1]} winner plays the {other[0]} {other[1]} winner"))
    return out


@rule("X009", "tournament-statement-mismatch", ERROR, scope="corpus")
def tournament_statement_mismatch(corpus, settings, report):
    """Two documents say different things about one tournament or season.

    What it does: compares, per tournament, the champion (infobox `Champions`,
    `Winners: Apertura: X, Clausura: Y`, the winner of the final) and whom the
    winner plays next ("the playoff match vs the Clausura 2012 winner"); per
    season, who was promoted (infobox `Promoted`, the promotion final).

    Why: the headline facts of a tournament must not depend on which article
    one reads.

    Example:
        league article:  The winner qualify to the playoff match vs the Clausura 2012 winner
        bracket article: The winner will qualify to the playoff match vs the Clausura 2011 winner
    """
    for _, claims in sorted(_claims(corpus).items(), key=lambda kv: repr(kv[0])):
        by_doc: dict[str, set] = {}
        for c in claims:
            by_doc.setdefault(c.doc.path, set()).add(c.value)
        if len(by_doc) < 2 or len({frozenset(v) for v in by_doc.values()}) < 2:
            continue
        paths = sorted(by_doc)
        odd = [(p, agree) for p, agree in _odd_ones(paths, lambda p: frozenset(by_doc[p]), lambda p: p)]
        for path, agree in odd:
            base = [c for c in claims if c.doc.path in agree]
            for c in claims:
                if c.doc.path == path and c.value not in {b.value for b in base}:
                    yield report(f"{c.text}; but {base[0].doc.path} says: {base[0].text}", c.line, 1,
                                 path=path, related=[Related(b.doc.path, b.line, 1, b.text) for b in base])


@rule("X010", "cross-tie-mismatch", ERROR, scope="corpus")
def cross_tie_mismatch(corpus, settings, report):
    """Two documents disagree on who won the same tie.

    What it does: finds the same two-legged tie in several documents (the same
    two clubs, first legs at most a day apart), works out who went through in
    each (goals, then the stated winner, then the document's table) and
    compares.

    Why: a club article's final phase and the bracket article must tell the
    same story.

    Example:
        club article:    Necaxa advanced because of their better position ...
        bracket article: U. de G. advanced because of their better position ...
    """
    index: dict[frozenset, list[_TieView]] = {}
    for doc in corpus.docs:
        ranks = ranking(doc)
        for kt in knockout_ties(doc):
            if len(kt.legs) != 2 or kt.legs[0].date is None:
                continue
            res = tie_result(kt, ranks)
            if res is None:
                continue
            a, b = (corpus.clubs.root(x) for x in kt.teams())
            index.setdefault(frozenset((a, b)), []).append(_TieView(
                date.fromisoformat(kt.legs[0].date), doc, kt, corpus.clubs.root(res.winner)))
    for ties in index.values():
        ties.sort(key=lambda x: (x.day, x.doc.path))
        groups, current = [], []
        for t in ties:  # one tie: first legs at most a day apart, one view per document
            if current and t.day - current[0].day <= timedelta(days=1) and all(
                    c.doc is not t.doc for c in current):
                current.append(t)
            else:
                groups.append(current)
                current = [t]
        groups.append(current)
        for group in groups:
            for t, others in _odd_ones(group, lambda x: x.winner, lambda x: x.doc.path):
                o = others[0]
                yield report(f"{corpus.clubs.name(t.winner)} went through here, "
                             f"{corpus.clubs.name(o.winner)} in {o.doc.path}", t.tie.line, 1,
                             path=t.doc.path,
                             related=[Related(x.doc.path, x.tie.line, 1,
                                              f"{corpus.clubs.name(x.winner)} went through") for x in others])


class _TieView(NamedTuple):
    """One document's view of a tie: when it started and who went through."""

    day: date
    doc: Document
    tie: object
    winner: str


@rule("A001", "inferred-alias", INFO, scope="corpus")
def inferred_alias(corpus, settings, report):
    """Two names the corpus shows to be one club, with the evidence.

    What it does: reports each alias inferred from a shared match (same date,
    same opponent, same score in two documents) or from words (`Neza` is part
    of `Neza FC` and of no other club's name). Confirm it in
    `[tool.seasonparse.aliases]` and the report goes away.

    Why: inferred identities should be visible, never silent.

    Example:
        club article:   Leones Negros 1 - 1 Necaxa   (April 18, 2012)
        league article: U. de G. 1-1 Necaxa          (18 April 2012)
    """
    for inf in corpus.clubs.inferred:
        (p1, t1), (p2, t2) = inf.evidence
        if inf.reason == "match":
            msg = (f"`{inf.name}` and `{inf.other}` name the same club: the same match is listed as "
                   f"`{t1}` here and `{t2}` in {p2.path}")
        else:
            msg = f"`{inf.name}` is taken as `{inf.other}`: its words are part of that name only"
        msg += "; confirm with [tool.seasonparse.aliases]"
        yield report(msg, p1.line, 1, path=p1.path, related=[Related(p2.path, p2.line, 1, t2)])


@rule("A002", "ambiguous-club-name", WARNING, scope="corpus")
def ambiguous_club_name(corpus, settings, report):
    """A club name that could be two different clubs.

    What it does: a name whose words are part of two clubs' names (`Cruz` in
    `Cruz Azul` and `Cruz Azul Hidalgo`) is not merged with either.

    Why: silently picking one would attach results to the wrong club; add an
    alias to the configuration.

    Example:
        Cruz 1 - 0 Necaxa
    """
    for amb in corpus.clubs.ambiguous:
        yield report(f"`{amb.name}` could be {' or '.join(f'`{c}`' for c in amb.candidates)}; "
                     "not merged (add an alias to decide)", amb.place.line, 1, path=amb.place.path)


RULES = (cross_match_score, cross_match_venue, cross_match_date, cross_match_scorers,
         cross_match_opponent, record_vs_results, table_quantity_mismatch, unmarked_own_goal,
         tournament_statement_mismatch, cross_tie_mismatch, inferred_alias, ambiguous_club_name)
