"""Rules on a knockout bracket: who reaches each round, and who wins it."""

from __future__ import annotations

import re
from itertools import pairwise

from seasonparse.findings import Related, rule
from seasonparse.identity import key, match_clubs, names_a_side, one_club
from seasonparse.football import (
    describe, disputed_ties, final_table, knockout_ties, marked, may_drop_down, named_clubs, per_document,
    promotion_relegation_round, promotion_ties, rank_of, ranking, round_index, same_team, stated_promotion_playoff,
    table_clubs, tie_result)
from seasonparse.lexicon import names_any, words
from seasonparse.model import ERROR
from seasonparse.names import TeamIndex, fold


@per_document  # B001, B002, B004 and round_pairs read them
def _rounds(doc):
    """Tournament prefix -> round index -> ties."""
    out: dict[tuple, dict[int, list]] = {}
    for kt in knockout_ties(doc):
        if kt.round is not None:
            out.setdefault(kt.prefix, {}).setdefault(kt.round, []).append(kt)
    return out


@per_document  # B001 and B004 read them
def round_pairs(doc) -> list[tuple[list, list]]:
    """(the ties of a round, the ties of the round after it) for each pair of consecutive rounds:
    within a tournament's sections, and from each conference's bracket (its last round a
    conference final: `==Eastern Conference==` / `===Conference Final===`) into the first
    round of the playoffs above it (`==Final==`), the conferences' finals together. A
    conference joins the nearest tournament above it that has rounds of its own, where they
    come after its final; no other bracket below a tournament leads into it (placement
    matches, a reserve side's cup: review17). A club's qualifying round under headings that name
    no one competition leads to no round (football.may_drop_down: its loser may enter another
    competition's)."""
    rounds = _rounds(doc)
    pairs = [(ties[prev], ties[cur]) for prefix, ties in rounds.items() for prev, cur in pairwise(sorted(ties))
             if not may_drop_down(doc, prefix, prev)]
    feeding: dict[tuple, list] = {}  # a tournament -> the conference finals right below it
    for prefix, ties in rounds.items():
        above = next((prefix[:n] for n in range(len(prefix) - 1, -1, -1) if prefix[:n] in rounds), None)
        if above is not None and max(ties) == round_index("conference final") and max(ties) < min(rounds[above]):
            feeding.setdefault(above, []).extend(ties[max(ties)])
    pairs += [(last, rounds[above][min(rounds[above])]) for above, last in feeding.items()]
    return pairs


@rule("B001", "bracket-team-not-advanced", ERROR)
def bracket_team_not_advanced(doc, settings, report):
    """A club plays a round after losing the round before.

    What it does: rounds are the knockout sections (qualifying rounds, first round or round one,
    round of 32, quarter-finals, conference semi-finals, final; the names are in
    the lexicon), but for a group's matches under them. A club in a round must have won its
    tie in the round before, or not have played that round at all (seeded
    straight into it, like the top team into the semi-finals). The round before
    a playoff's final may be the last round of brackets in sections below it (each
    conference's final). An abandoned match (`3–0 (abandoned)`) is no leg of its
    tie: the restaged match decides it (football.struck). Who won a tie: more
    aggregate goals, else the last leg's shoot-out, else, where the tie is said to be
    decided on away goals, more away goals in its legs, else the stated winner
    (football.tie_result), where no other statement of the tie names the other club
    (T010's). A name whose words are the loser's (`Dundee`, `Dundee United`) is another club where the document tells them apart
    (identity.match_clubs: they play separate matches of one day or ties of one round, trial37).

    Why: a loser in the next round means a wrong result or a wrong name.

    Example: Irapuato lost its quarter-final and appears in a semi-final.
    """
    ranks = ranking(doc)
    disputed = {frozenset(m.index for m in kt.legs) for pair in disputed_ties(doc) for kt in pair}  # T010's
    for before, after in round_pairs(doc):
        losers, res_of = {}, {}
        for kt in before:
            res = tie_result(kt, ranks)
            if res is not None and not (res.how == "stated" and frozenset(m.index for m in kt.legs) in disputed):
                losers[res.loser], res_of[res.loser] = kt, res
        lost = TeamIndex(losers)  # (not every club against every loser: review39)
        for kt in after:
            for team in kt.teams():
                for loser in lost.matching(team):
                    lost_tie = losers[loser]
                    if not match_clubs(doc).apart(team, loser):
                        how = " on penalties" if res_of[loser].how == "penalties" else ""
                        yield report(
                            f"{team} plays this round but lost the round before{how}",
                            kt.legs[0].line, 1,
                            related=[Related(doc.path, m.line, 1, f"lost: {describe(m)}")
                                     for m in lost_tie.legs])


def _named_champions(doc):
    """(club, line, label, the club's link target or None) from the infobox: `Champions: X`,
    `Winners: Apertura: X, Clausura: Y`."""
    champion_keys = words("infobox", "champion")
    winners_keys = words("infobox", "winners")
    for f in doc.infobox:
        field = fold(f.key)
        if field in champion_keys and f.value:
            yield f.value, f.line, None, _link_in(f, f.value)
        elif field in winners_keys:
            for part in f.value.split(","):
                label, sep, club = part.partition(":")
                if sep and club.strip():
                    yield club.strip(), f.line, label.strip(), _link_in(f, club.strip())
                elif part.strip():
                    yield part.strip(), f.line, None, _link_in(f, part.strip())


def _link_in(field, club: str) -> str | None:
    """The article the infobox field links for `club`, a name its value shows: the link whose
    label it is (`[[Heart of Midlothian F.C.|Heart of Midlothian]]`), else the field's one link
    where it shows that name alone (InfoboxField.links). Text input has none."""
    found = field.links
    if not found:
        return None
    own = [target for target, label in found if key(label) == key(club)]
    if own:
        return own[0]
    return found[0][0] if len(found) == 1 and key(field.value) == key(club) else None


def _another_club(doc, kt, name: str, link: str | None, side: str, other: str) -> bool:
    """Whether `name` (an infobox's club, linking `link`) is known to be a club other than the
    final's `side` (its winner or loser): another article, a club the document tells apart, or the
    final's `other` side. A name nothing relates to either side is not known (identity.one_club:
    trial37, `Athletic Club` for Athletic Bilbao; `Hearts`, Heart of Midlothian)."""
    same = one_club(doc, name, link, side, kt.link_of(side))
    if same is not None:
        return not same
    return one_club(doc, name, link, other, kt.link_of(other)) is True


@rule("B002", "champion-mismatch", ERROR)
def champion_mismatch(doc, settings, report):
    """The final's winner is not the champion the document names.

    What it does: finds the final (the last knockout round of a tournament) and
    its winner, and compares it with the infobox's `Champions` (`Champion`,
    `Winners: X`), or with the matching entry of `Winners: Apertura: X,
    Clausura: Y` (by the tournament's section title). Also checks `runner-up`
    against the final's loser. The final is a section titled with the lexicon's
    last round (`Final`, `Grand Final`, also after a qualifier: `Play-off final`); else, in a competition's article, the
    last tie of a finals series whose titles name no round: the only tie under
    `Finals` (Liga MX's two legs), or the last of several when each of its clubs
    won a tie there and lost none (never a third-place match); or a section
    named after the cup that the article's series decides, with a year (`MLS Cup
    2022` in the `MLS Cup Playoffs`), holding one tie after every other match
    (football.series_final). A two-legged final's winner is the tie's: on
    aggregate, else the shoot-out, else as its outcome line says (away goals). A
    conference's bracket (its last round a conference final) leads to the final,
    so it is no other tournament the infobox could name the champion of; nor are
    rounds in a section beside the final's (`==Knockout rounds==` then `==Final==`)
    that all come before it. A
    play-off's final (a section titled `Play-offs`, `Premiership play-off`) is
    not held against a champion the document's first standings table ranks
    first (a runner-up it ranks second) and who plays no match of the play-off:
    there the table decided the title, and the play-off another place
    (promotion, relegation, Europe); nor against a champion who plays none of it where
    the infobox names a club of the play-off promoted. Nor is a final under any title held against
    the champion a final table (every row at the same Pld) marks (status `C`) and
    ranks first, who plays in none of its rounds (trial27: a promotion play-off's
    top-level `==Final==`). A promotion or relegation play-off's final
    (`Promotion play-offs`, `Promotion final`, `Relegation final`, a play-out:
    football.promotion_relegation_round) decides no title at all: B003 holds a
    promotion one's winner against the promoted clubs (trial25, review22). A
    `Championship final` is a league's final for the title. A club named is
    held against the final's by name, link target and the document's identity
    (identity.one_club): one target is one club whatever each link shows
    (`[[Heart of Midlothian F.C.|Heart of Midlothian]]` and the final's `[[Heart of
    Midlothian F.C.|Hearts]]`, trial37); it is reported where it is known to be
    another club (another article, the final's other club, a club the document
    tells apart from it), not where nothing relates it to either finalist: it may
    be a name of the winner.

    Why: the champion is the headline fact of a season article.

    Example:
        - Champions: La Piedad
        ...
        Correcaminos advanced 4 – 1 on aggregate   (in the Final section)
    """
    ranks = ranking(doc)
    named = list(_named_champions(doc))
    runner = next((f for f in doc.infobox if fold(f.key) in words("infobox", "runner_up")), None)
    tournaments = _rounds(doc)
    # a conference's bracket (its last round a conference final) leads to the final, as do a
    # section's rounds that all come before the rounds of a section above it (`==Knockout
    # rounds==` / `===Semi-finals===`, then `==Final==`: trial23's Toto Cup): no other
    # tournament whose champion the infobox could name
    contenders = sum(1 for prefix, rounds in tournaments.items()
                     if max(rounds) != round_index("conference final") and not _leads_above(prefix, rounds, tournaments))
    for prefix, rounds in tournaments.items():
        last = max(rounds)
        if last != round_index("final") or len(rounds[last]) != 1:
            continue
        kt = rounds[last][0]
        titles = kt.legs[0].section[:len(prefix) + 1]  # the tournament's and the final's own
        if any(promotion_relegation_round(t) is not None for t in titles):
            continue  # a promotion or relegation play-off's final: B003's where it promotes
        table_decided = _table_decided(doc, titles, kt, rounds, ranks)
        res = tie_result(kt, ranks)
        if res is None:
            continue
        legs = [Related(doc.path, m.line, 1, f"final: {describe(m)}") for m in kt.legs]
        label = " ".join(prefix)
        for club, line, phase, link in named:
            if phase is not None and not re.search(rf"\b{re.escape(fold(phase))}\b", fold(label)):
                continue
            if phase is None and contenders > 1:
                continue
            if _another_club(doc, kt, club, link, res.winner, res.loser) and not table_decided(club, 1):
                yield report(f"the document names {club} champion, but {res.winner} won the final",
                             line, 1, related=legs)
        if (runner and runner.value and contenders == 1
                and _another_club(doc, kt, runner.value, _link_in(runner, runner.value), res.loser, res.winner)
                and not table_decided(runner.value, 2)):
            yield report(f"the document names {runner.value} runner-up, but {res.loser} lost the final",
                         runner.line, 1, related=legs)


def _leads_above(prefix: tuple[str, ...], rounds: dict[int, list], tournaments: dict) -> bool:
    """Whether the rounds under `prefix` all come before those of a section above it (one of
    its prefixes): a bracket that leads into that section's rounds, no tournament of its own."""
    return any(prefix[:n] in tournaments and min(tournaments[prefix[:n]]) > max(rounds) for n in range(len(prefix)))


def _table_decided(doc, titles: tuple[str, ...], final, rounds: dict[int, list], ranks: dict[str, int]):
    """For the final titled `titles` (the tournament's, then its own): whether a club named
    champion (place 1) or runner-up (place 2) holds that place by the league table, not by
    this final: the final is a play-off's (a title names one, the lexicon's [sections]
    playoff: `==Play-offs==`, `===Championship play-off final===`), the document's
    first standings table ranks the club there, and the club plays no match of the play-off.
    Such a play-off decides another place (promotion, relegation, Europe: the EFL's
    `Play-offs`, the Scottish `Premiership play-off`; trial18: a false B002 error on each);
    where the table's leader plays in it (MLS Cup Playoffs), the final is the title's. So too
    a final under any title where the document's final table (every row at the same Pld) marks
    the champion named (status C) and ranks it first, and it plays in none of the rounds
    (trial27: a J2-style top-level `==Final==` of a promotion play-off between two others).
    And a play-off's final where the infobox names promoted a club of the play-off, and the
    champion plays none of it (football.stated_promotion_playoff)."""
    playoff = any(names_any(title, "sections", "playoff") for title in titles)
    playing = [team for ties in rounds.values() for kt in ties for team in kt.teams()]
    promotion = stated_promotion_playoff(doc, final)

    def decided(club: str, place: int) -> bool:
        if place == 1 and promotion and not any(same_team(club, team) for team in playing):
            return True
        return ((playoff or place == 1 and _marked_champion(doc, club)) and rank_of(ranks, club) == place
                and not any(same_team(club, team) for team in playing))

    return decided


def _marked_champion(doc, club: str) -> bool:
    """Whether the document's final table (football.final_table: one standings table, every row
    at the same Pld) marks `club` alone as champion (the lexicon's status_champion letter)."""
    table = final_table(doc)
    champions = marked(table, "status_champion") if table else []
    return len(champions) == 1 and same_team(champions[0][1], club)


@rule("B003", "promoted-mismatch", ERROR)
def promoted_mismatch(doc, settings, report):
    """The club named as promoted did not win the promotion final.

    What it does: finds the legs under a promotion-final section (titles in the
    lexicon: `Campeón de Ascenso`, `Promotion final`, ...), works out who won,
    and compares with the infobox's `Promoted`.

    Why: promotion is the one outcome of a second-tier season that matters most.

    A play-off against a club of the division above (a club in no row of the
    document's standings tables) that this club wins keeps it where it was: nobody of the
    league goes up through it, and the league's club that lost it must not be
    named promoted (trial22: the 2. Bundesliga's play-off won by the Bundesliga's
    club was a false error).

    Example:
        - Promoted: Correcaminos
        ==Campeón de Ascenso 2012==      (León won 6–2 on aggregate)
    """
    field = next((f for f in doc.infobox if fold(f.key) in words("infobox", "promoted")), None)
    if field is None:
        return
    named = named_clubs(field.value)
    ranks = ranking(doc)
    for kt in promotion_ties(doc):
        res = tie_result(kt, ranks)
        if res is None:
            continue
        legs = [Related(doc.path, m.line, 1, describe(m)) for m in kt.legs]
        if _won_by_the_division_above(doc, res):
            if any(same_team(c, res.loser) for c in named):
                yield report(f"{field.key}: {res.loser}, but {res.loser} lost the promotion play-off to "
                             f"{res.winner}, of the division above", field.line, 1, related=legs)
            continue
        if not any(same_team(c, res.winner) for c in named):
            said = ", ".join(named) if named else "nobody"
            yield report(f"{field.key}: {said}, but {res.winner} won the promotion final",
                         field.line, 1, related=legs)


def _won_by_the_division_above(doc, res) -> bool:
    """A promotion play-off won by a club in no row of the document's standings tables against
    one of their clubs (football.table_clubs: every table, a league of two groups has two): a
    club of the division above that kept its place. A table's side of a club is not the club
    (trial27: the First Division's `Cork City B` is not the Premier Division's `Cork City`)."""
    clubs = table_clubs(doc)
    return (any(same_team(name, res.loser) for name in clubs)
            and not any(_same_side(name, res.winner) for name in clubs))


def _same_side(a: str, b: str) -> bool:
    """The same team (same_team), neither name naming a side of the club the other lacks
    (identity: `Cork City B`, `Wolves U21` are not `Cork City`, `Wolves`)."""
    ka, kb = key(a), key(b)
    return same_team(a, b) and not names_a_side(ka, kb) and not names_a_side(kb, ka)


RULES = (bracket_team_not_advanced, champion_mismatch, promoted_mismatch)
