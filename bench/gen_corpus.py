"""Write N synthetic season articles in the seeds' format, with defects planted at known lines.

    python bench/gen_corpus.py N OUT_DIR [--seed S]

Per season (one league of 8 clubs, an Apertura round robin and a four-club
liguilla), six articles that share their matches: the league article (standings
and the liguilla), the bracket article (the liguilla with infobox statistics and
a `;N goals` list) and a club article for each of the four qualified clubs
(results, final phase, goalscorer table). The same match is written in
different shapes: name-first and minute-first scorer lines, full names and
initials, `1 - 0` and `1-0`, `July 29, 2011` and `29 July 2011`.

Every fifth season gets defects planted in one copy, each recorded in
OUT_DIR/planted.json as {path, line, code}: a minute changed (X004), a leg's
score changed (X001), a date moved a day (X003), a standings row changed
consistently with itself (X006), a scorer too many (M001), a wrong aggregate
(T002), a goalscorer tally off by one (G001).
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = ["ta", "ro", "mi", "ca", "lu", "ve", "zo", "na", "pe", "di", "sa", "qu", "bo", "ni", "ga", "le"]
FIRST = ["Juan", "Luis", "Carlos", "Pedro", "Jorge", "Raúl", "Iván", "Óscar", "Hugo", "Diego", "Emilio", "Rubén"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def word(rng, n=3):
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


@dataclass
class Club:
    name: str  # long form, used by the league article
    short: str  # short form, used by the club and bracket articles
    players: list[tuple[str, str]]  # (first name, surname)


@dataclass
class Goal:
    club: int
    player: int
    minute: int


@dataclass
class Game:
    home: int
    away: int
    day: date
    goals: list[Goal] = field(default_factory=list)

    def score(self, club):
        return sum(1 for g in self.goals if g.club == club)


def mdy(d):
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def dmy(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


class Season:
    def __init__(self, rng, index):
        self.rng = rng
        self.year = 1900 + index  # one calendar year a season: no two seasons share a day
        self.league = f"Liga {word(rng)}"
        self.clubs = []
        shorts = set()
        while len(shorts) < 8:  # unique in the corpus: `Tozamo12` is part of one long name only
            shorts.add(f"{word(rng)}{index}")
        for short in sorted(shorts):
            self.clubs.append(Club(f"{short} {word(rng, 2)} FC", short,
                                   [(rng.choice(FIRST), word(rng)) for _ in range(8)]))
        start = date(self.year, 7, 20)
        order = list(range(8))
        self.regular: list[Game] = []
        for rnd in range(7):  # circle method round robin
            for i in range(4):
                a, b = order[i], order[7 - i]
                home, away = (a, b) if (rnd + i) % 2 else (b, a)
                self.regular.append(self._play(home, away, start + timedelta(days=7 * rnd + i % 2)))
            order = [order[0]] + [order[-1]] + order[1:-1]
        self.table = self._standings()
        seeds = [row[0] for row in self.table[:4]]
        day = start + timedelta(days=7 * 7 + 3)
        self.semis = [self._tie(seeds[0], seeds[3], day), self._tie(seeds[1], seeds[2], day + timedelta(days=1))]
        f1, f2 = (self.winner(t) for t in self.semis)
        hi, lo = sorted((f1, f2), key=seeds.index)
        self.final = self._tie(hi, lo, day + timedelta(days=10))
        self.seeds = seeds

    def _play(self, home, away, day):
        g = Game(home, away, day)
        minutes = self.rng.sample(range(1, 91), self.rng.randint(0, 5))
        for m in sorted(minutes):
            club = self.rng.choice((home, away))
            g.goals.append(Goal(club, self.rng.randrange(8), m))
        return g

    def _tie(self, higher, lower, day):
        return [self._play(lower, higher, day), self._play(higher, lower, day + timedelta(days=3))]

    def winner(self, legs):
        a, b = legs[0].home, legs[0].away
        ga = sum(x.score(a) for x in legs)
        gb = sum(x.score(b) for x in legs)
        if ga != gb:
            return a if ga > gb else b
        return min((a, b), key=self.rank)

    def rank(self, club):
        return [row[0] for row in self.table].index(club)

    def _standings(self):
        rows = {c: [c, 0, 0, 0, 0, 0, 0] for c in range(8)}  # club, P W D L GF GA
        for g in self.regular:
            for c, o in ((g.home, g.away), (g.away, g.home)):
                r = rows[c]
                gf, ga = g.score(c), g.score(o)
                r[1] += 1
                r[2 if gf > ga else 3 if gf == ga else 4] += 1
                r[5] += gf
                r[6] += ga
        return sorted(rows.values(), key=lambda r: (-(3 * r[2] + r[3]), -(r[5] - r[6]), r[0]))


class Doc:
    def __init__(self, name):
        self.name = name
        self.lines: list[str] = []
        self.marks: dict[str, int] = {}

    def add(self, *lines):
        self.lines.extend(lines)

    def mark(self, key):
        self.marks[key] = len(self.lines) + 1  # the next line added

    def text(self):
        return "\n".join(self.lines) + "\n"


def scorer_lines(s: Season, g: Game, names, shape, initials):
    out = []
    for c in (g.home, g.away):
        goals = [x for x in g.goals if x.club == c]
        if not goals:
            continue
        per: dict[int, list[int]] = {}
        for x in goals:
            per.setdefault(x.player, []).append(x.minute)
        parts = []
        for p, mins in per.items():
            first, last = s.clubs[c].players[p]
            who = f"{first[0]}. {last}" if initials else last
            if shape == "name":
                parts.append(f"{who} " + ", ".join(f"{m}'" for m in mins))
            else:
                parts.append(", ".join(f"{m}'" for m in mins[:-1]) + (", " if len(mins) > 1 else "")
                             + f"{mins[-1]}' {who}")
        out.append(f"  {names(c)}: " + ", ".join(parts))
    return out


def match_block(doc, s, g, key, names, shape="name", initials=False, style="mdy"):
    doc.mark(f"{key}:date")
    doc.add(mdy(g.day) if style == "mdy" else dmy(g.day))
    doc.mark(f"{key}:score")
    dash = " - " if style == "mdy" else "-"
    doc.add(f"{names(g.home)} {g.score(g.home)}{dash}{g.score(g.away)} {names(g.away)}")
    doc.mark(f"{key}:scorers")
    doc.add(*scorer_lines(s, g, names, shape, initials))


def outcome(s, legs, names):
    w = s.winner(legs)
    a, b = legs[0].home, legs[0].away
    loser = b if w == a else a
    gw, gl = sum(x.score(w) for x in legs), sum(x.score(loser) for x in legs)
    if gw == gl:
        return f"{names(w)} advanced because of their better position on the league table"
    return f"{names(w)} advanced {gw} – {gl} on aggregate"


def standings_rows(s, names, clubs=None):
    out = []
    for pos, (c, p, w, d, lo, gf, ga) in enumerate(s.table, start=1):
        if clubs is None or c in clubs:
            out.append(f"| {pos} | {names(c)} | {p} | {w} | {d} | {lo} | {gf} | {ga} | {gf - ga:+d} | {3 * w + d} |")
    return out


def league_article(s: Season, idx):
    doc = Doc(f"{idx:05d}_league.txt")
    names = lambda c: s.clubs[c].name  # noqa: E731
    doc.add(f"= {s.year}–{(s.year + 1) % 100:02d} {s.league} season =", "", "Infobox",
            f"- Competition: {s.league}", f"- Season: {s.year}–{(s.year + 1) % 100:02d}",
            f"- Winners: Apertura: {names(s.winner(s.final))}", "",
            f"==Apertura {s.year}==", "", "===Standings===",
            "| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |")
    doc.mark("standings")
    doc.add(*standings_rows(s, names), "", "===Liguilla===", "",
            "The higher seeded teams play on their home field during the second leg.", "")
    for title, ties in (("Semi-finals", s.semis), ("Final", [s.final])):
        doc.add(f"===={title}====")
        for leg in (0, 1):
            doc.add(f"====={'First' if leg == 0 else 'Second'} leg=====")
            for t, legs in enumerate(ties):
                match_block(doc, s, legs[leg], f"{title}{t}{leg}", names, "name", True, "dmy")
            doc.add("")
    return doc


def bracket_article(s: Season, idx):
    doc = Doc(f"{idx:05d}_liguilla.txt")
    names = lambda c: s.clubs[c].short  # noqa: E731
    games = [g for legs in s.semis + [s.final] for g in legs]
    tally: dict[tuple, int] = {}
    for g in games:
        for x in g.goals:
            tally[(x.club, x.player)] = tally.get((x.club, x.player), 0) + 1
    goals = sum(len(g.goals) for g in games)
    doc.add(f"= {s.year} {s.league} Apertura Liguilla =", "", "Infobox", f"- Year: {s.year}",
            "- Num Teams: 4", f"- Champions: {names(s.winner(s.final))}", f"- Matches: {len(games)}",
            f"- Goals: {goals}", "", "==Teams==", "",
            "| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |")
    doc.mark("standings")
    doc.add(*standings_rows(s, names, set(s.seeds)), "", "==Bracket==",
            "The higher seeded teams play on their home field during the second leg.", "")
    for title, ties in (("Semi-finals", s.semis), ("Final", [s.final])):
        doc.add(f"=={title}==", "")
        for leg in (0, 1):
            doc.add(f"==={'First' if leg == 0 else 'Second'} leg===")
            for t, legs in enumerate(ties):
                match_block(doc, s, legs[leg], f"{title}{t}{leg}", names, "minute")
                if leg == 1:
                    doc.mark(f"{title}{t}:outcome")
                    doc.add(outcome(s, legs, names))
                doc.add("")
    doc.add("==Goalscorers==")
    by_n: dict[int, list] = {}
    for (c, p), n in tally.items():
        by_n.setdefault(n, []).append((c, p))
    for n in sorted(by_n, reverse=True):
        doc.add(f";{n} goal{'s' if n > 1 else ''}")
        for c, p in sorted(by_n[n]):
            first, last = s.clubs[c].players[p]
            doc.add(f"- MEX {first} {last} ({names(c)})")
        doc.add("")
    return doc


def club_article(s: Season, idx, club):
    c = s.clubs[club]
    doc = Doc(f"{idx:05d}_club_{c.short.lower()}.txt")
    names = lambda k: s.clubs[k].short  # noqa: E731
    doc.add(f"= {s.year}–{(s.year + 1) % 100:02d} {c.short} season =", "", "Infobox",
            f"- Club: {c.short}", f"- Season: {s.year}–{(s.year + 1) % 100:02d}",
            f"- League: Apertura {s.year}", "", "==Torneo Apertura==", "", f"===Apertura {s.year} results===")
    games = [g for g in s.regular if club in (g.home, g.away)]
    for n, g in enumerate(games):
        match_block(doc, s, g, f"regular{n}", names)
        doc.add("")
    doc.add("===Final phase===")
    finals = [(t, legs) for t, legs in enumerate(s.semis) if club in (legs[0].home, legs[0].away)]
    if club in (s.final[0].home, s.final[0].away):
        finals.append(("F", s.final))
    for t, legs in finals:
        title = "Final" if t == "F" else "Semi-finals"
        tn = 0 if t == "F" else t
        for leg in (0, 1):
            match_block(doc, s, legs[leg], f"{title}{tn}{leg}", names)
        doc.add(outcome(s, legs, names), "")
    tally: dict[int, int] = {}
    for g in games + [g for _, legs in finals for g in legs]:
        for x in g.goals:
            if x.club == club:
                tally[x.player] = tally.get(x.player, 0) + 1
    doc.add("===Goalscorers===", "", "| Position | Nation | Name | Goals scored |")
    for pos, (p, n) in enumerate(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])), start=1):
        first, last = c.players[p]
        doc.mark(f"scorer{pos}")
        doc.add(f"| {pos}. | MEX | {first} {last} | {n} |")
    doc.add("| TOTAL | | | |", "")
    return doc


def plant(docs, s: Season):
    """Plant one defect of each kind in one copy; return [(doc, line, code)]."""
    league, bracket, *clubs = docs
    planted = []

    def edit(doc, key, fn, code, at=None):
        line = doc.marks.get(key)
        if line is None:
            return
        doc.lines[line - 1] = fn(doc.lines[line - 1])
        planted.append((doc, at or line, code))

    # X004: a minute moved in the bracket copy of the final's first leg (four copies)
    if s.final[0].goals:
        edit(bracket, "Final00:scorers", lambda t: re.sub(r"(\d+)'", lambda m: f"{int(m[1]) % 89 + 1}'", t, count=1), "X004")
    # X001: a semi-final second leg's score changed in the league copy
    edit(league, "Semi-finals01:score",
         lambda t: t.replace(f"{s.semis[0][1].score(s.semis[0][1].home)}-",
                             f"{s.semis[0][1].score(s.semis[0][1].home) + 5}-", 1), "X001")
    # X003: the final second leg dated a day later in the league copy
    edit(league, "Final01:date", lambda t: dmy(s.final[1].day + timedelta(days=1)), "X003")
    # X006: a standings row in the bracket article changed consistently with itself
    def better(t):
        cells = [x.strip() for x in t.strip("|").split("|")]
        pld, w, d, lo, gf, ga = map(int, cells[2:8])
        if lo == 0:
            w, d = w + 1, d - 1
        else:
            w, lo = w + 1, lo - 1
        return f"| {cells[0]} | {cells[1]} | {pld} | {w} | {d} | {lo} | {gf} | {ga} | {gf - ga:+d} | {3 * w + d} |"
    edit(bracket, "standings", better, "X006")
    # M001: a scorer too many in a club article's first result
    club = clubs[0]
    line = club.marks.get("regular0:scorers")
    if line and club.lines[line - 1].startswith("  "):
        club.lines[line - 1] += ", Intruso 89'"
        planted.append((club, line, "M001"))
    # T002: a wrong aggregate in the bracket article (where the final was decided on goals)
    line = bracket.marks.get("Final0:outcome")
    if line and "on aggregate" in bracket.lines[line - 1]:
        edit(bracket, "Final0:outcome",
             lambda t: re.sub(r"advanced (\d+)", lambda m: f"advanced {int(m[1]) + 1}", t), "T002")
    # G001: a goalscorer tally off by one in the second club article
    if "scorer1" in clubs[1].marks:
        edit(clubs[1], "scorer1", lambda t: t.rsplit("|", 2)[0] + f"| {int(t.rsplit('|', 2)[1]) + 1} |", "G001")
    return planted


def generate(n: int, out: Path, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth, written, index = [], 0, 0
    while written < n:
        s = Season(rng, index)
        docs = [league_article(s, index), bracket_article(s, index)]
        docs += [club_article(s, index, c) for c in s.seeds]
        planted = plant(docs, s) if index % 5 == 0 else []
        for doc in docs[: n - written]:
            (out / doc.name).write_text(doc.text(), "utf-8")
        kept = {d.name for d in docs[: n - written]}
        truth += [{"path": d.name, "line": ln, "code": code} for d, ln, code in planted if d.name in kept]
        written += min(len(docs), n - written)
        index += 1
    (out / "planted.json").write_text(json.dumps(truth, indent=1) + "\n", "utf-8")
    return truth


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    t = generate(int(sys.argv[1]), Path(sys.argv[2]), seed)
    print(f"wrote {sys.argv[1]} documents and {len(t)} planted defects to {sys.argv[2]}")
