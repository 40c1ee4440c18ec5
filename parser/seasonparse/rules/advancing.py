"""Rules on who goes through: the winner of a tie must be in the next round where the
document lists that round whole, and a stated winner and shoot-out score must be the
shoot-out's.

B001 (rules/bracket.py) reports a loser who plays on; this module reports the other
half, a winner missing from the next round, so one defect gives one finding.
"""

from __future__ import annotations

from seasonparse.findings import Related, rule
from seasonparse.football import describe, knockout_ties, ranking, round_index, same_team, tie_result
from seasonparse.names import TeamIndex
from seasonparse.model import ERROR
from seasonparse.rules.bracket import round_pairs  # consecutive rounds, as B001 reads them


@rule("B004", "winner-not-in-next-round", ERROR)
def winner_not_in_next_round(doc, settings, report):
    """A club that won its tie (on goals or in a shoot-out) is missing from the next round.

    What it does: where the next round of a tournament has exactly half as many
    ties as the round before, its clubs are that round's winners. A winner
    (more aggregate goals, else the shoot-out after the last leg, else the
    stated winner) missing from it is reported at its tie, with the next round's
    first match (the next round of each conference's final is the playoffs'
    final above them, as B001 reads rounds). Where a loser of the round plays on
    instead, B001 reports it and this rule says nothing. Rounds listed in part (a club's own season,
    a seeded club entering later) are not complete and are not checked.

    Rounds with rounds missing between them (a `Third round`, then the
    `Final`) are a partial listing too, and not checked.

    Why: the next round, and the champion, follow from who went through; a
    shoot-out score written the wrong way round shows here.

    Example:
        Semi-final: Neza 2 - 1 Correcaminos, Correcaminos 2 - 1 Neza (3–4 p)
        Final: Correcaminos 3 - 1 Irapuato    (Neza won the shoot-out)
    """
    ranks = ranking(doc)
    for before, after in round_pairs(doc):
        if len(before) != 2 * len(after) or not _next_round(before[0].round, after[0].round):
            continue
        playing = TeamIndex(team for kt in after for team in kt.teams())  # (not each club against each: review39)
        results = [(kt, tie_result(kt, ranks)) for kt in before]
        if any(res is not None and playing.matching(res.loser) for _, res in results):
            continue  # a loser plays on: B001
        first = after[0].legs[0]
        for kt, res in results:
            if res is None or playing.matching(res.winner):
                continue
            how = "the shoot-out" if res.how == "penalties" else "the tie"
            last = kt.legs[-1]
            yield report(f"{res.winner} won {how} against {res.loser} but plays no match of the "
                         f"next round", last.line, last.home_column,
                         related=[Related(doc.path, first.line, 1,
                                          f"the next round: {describe(first)}")])


def _next_round(before: int, after: int) -> bool:
    """Whether the round `after` (a round_index) can be the one right after `before` in a
    document that lists every round: the next in the lexicon's order; after a round by number,
    one of 64, 32 or 16 clubs (a cup's rounds by number lead to those), the quarter-finals after
    the fourth round or later (the League Cup's fourth round), the semi-finals after the sixth
    (the FA Cup's sixth round is its quarter-finals); after the semi-finals, the final. Else
    rounds are missing between them and the listing is partial (trial20: a `Third round` of two
    ties, then the `Final`; review18: then the quarter- or semi-finals)."""
    if after == before + 1:
        return True
    if before <= round_index("sixth round"):
        return (round_index("round of 64") <= after <= round_index("round of 16")
                or (after == round_index("quarter-finals") and before >= round_index("fourth round"))
                or (after == round_index("semi-finals") and before == round_index("sixth round")))
    return before == round_index("semi-finals") and after == round_index("final")


@rule("T007", "tie-shootout-winner", ERROR)
def tie_shootout_winner(doc, settings, report):
    """The club said to have gone through lost the shoot-out that decided the tie.

    What it does: where the aggregate is level and the last leg went to a
    shoot-out, the shoot-out's winner went through; a stated outcome naming the
    other club is reported, with the shoot-out's line.

    Why: the next round and the champion follow from the shoot-out; the outcome
    line or the shoot-out score is wrong.

    Example:
        Correcaminos 2 - 1 Neza (3–4 p)      (Neza 2 - 1 Correcaminos in the first leg)
        Correcaminos advanced 4–3 on penalties
    """
    ranks = ranking(doc)
    for kt in knockout_ties(doc):  # in a round section or not (a one-match play-off)
        res = tie_result(kt, ranks)
        if kt.stated is None or res is None or res.how != "penalties":
            continue
        if same_team(kt.stated.winner, res.loser):
            last = kt.legs[-1]
            shootout = f"{max(last.penalties)}–{min(last.penalties)}"
            yield report(_row_says(doc, kt.stated, (res.winner, res.loser), shootout)
                         or f"{kt.stated.winner} is said to have gone through, but {res.winner} won the shoot-out "
                            f"{shootout}",
                         kt.stated.line, 1,
                         related=[Related(doc.path, last.line, last.home_column,
                                          f"the shoot-out: {describe(last)}")])


def _row_says(doc, tie, clubs: tuple[str, str], shootout: str) -> str | None:
    """T007's message where a tie's row (not an outcome line) states its winner: what the row says (whom
    its shoot-out score gives the shoot-out, whom it marks in bold) and who won the deciding leg's (trial41:
    `PSV 0–0 (8–7 p) '''Atlético'''` was `PSV is said to have gone through`, the row naming Atlético)."""
    by = _stated_by(doc, tie)
    if by == "the outcome line":
        return None
    says = [f"gives the shoot-out to {tie.winner} {tie.shootout[0]}–{tie.shootout[1]}"] if tie.shootout else []
    if tie.marked is not None:
        says.append(f"marks {tie.marked} in bold")
    return (f"{by} {' and '.join(says) or f'puts {tie.winner} through'}; {clubs[0]} won the deciding leg's "
            f"shoot-out {shootout}")


def _stated_by(doc, tie) -> str:
    """What states a tie's shoot-out score, in the words a reader looks for: an outcome line
    (its text reads as one: `X advanced 4 – 3 on penalties`), else a wikitext tie's row whose
    aggregate cell holds it (`1–1 (4–2 p)`): a {{TwoLegResult}}, or a ties table's row (Tie.stated_by:
    the model says which, so the JSON checked alone says the same)."""
    from seasonparse.frontend.lines import parse_outcome  # at a finding only: a check of JSON loads no reader

    if parse_outcome(tie.text) is not None:
        return "the outcome line"
    return _ROW_WORDS.get(tie.stated_by, "the tie's row")


_ROW_WORDS = {"ties_table_row": "the ties table's row", "two_leg_row": "the {{TwoLegResult}} row"}


@rule("T008", "tie-shootout-score", ERROR)
def tie_shootout_score(doc, settings, report):
    """A tie's stated shoot-out score (an outcome line, a {{TwoLegResult}} row) differs from the deciding leg's.

    What it does: where an outcome line states the shoot-out's score
    (`Neza advanced 5 – 4 on penalties`), or a wikitext tie's aggregate cell
    does (`{{TwoLegResult|Neza||2–2 (5–4 p)|...}}`), and the tie's last leg has
    one (`(5–4 p)`), the two must hold the same two numbers, in either order
    (who won it is T007's).

    Why: one of the two was copied wrong; the shoot-out score is the only
    record of how the tie was decided.

    Example:
        Neza 2 - 1 Correcaminos (5–4 p)
        Neza advanced 4 – 3 on penalties
    """
    for t in doc.ties:
        if t.shootout is None or not t.legs or not 0 <= t.legs[-1] < len(doc.matches):
            continue
        last = doc.matches[t.legs[-1]]
        if last.penalties is not None and sorted(t.shootout) != sorted(last.penalties):
            # a row's shoot-out is held winner's score first, which the row may write the other way round
            # (`PSV 0–0 (7–8 p) Atlético`): it is said with the club it gives the shoot-out to
            says = "states the shoot-out" if t.stated_by is None else f"gives {t.winner} the shoot-out"
            yield report(f"{_stated_by(doc, t)} {says} {t.shootout[0]}–{t.shootout[1]}, the deciding "
                         f"leg {last.penalties[0]}–{last.penalties[1]} p", t.line, 1,
                         related=[Related(doc.path, last.line, last.home_column, f"the deciding leg: {describe(last)}")])


RULES = (winner_not_in_next_round, tie_shootout_winner, tie_shootout_score)
