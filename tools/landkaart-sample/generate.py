#!/usr/bin/env python3
"""Generate the sample Landkaart and Resultaten data of the svdk sample site.

Writes, relative to the site root (default: the repository root):

    data/landkaart.yaml                       fasen, mijlpalen, banden, groepen, perioden
    data/landkaart/<periode>.csv              scores of the five tertalen 2008-t1 .. 2009-t2
    data/resultaten/klanttevredenheid.csv     client rating and the five klantprincipes,
                                              metingen 2009-1, 2009-2 and 2010-1..3
    data/resultaten/werkgeverstevredenheid.csv  employer satisfaction, 2009 and 2010
    data/resultaten/uitstroom.csv             monthly outflow to work in 2010 and its target

The scores are synthetic but reproduce the published tables of the AKO tertaalrapportages
(shared/seeds/000_*.txt and 001_*.txt): Tabel 2/3 of the 2nd tertaal 2009 to the digit, the
history of the national average (49 -> 56 -> 60 -> 65 -> 67 %), the 13 werkpleinen that fell
back in 2009-t2 and the 49 / 63 / 13 split of the trends; the 1st tertaal 2008 tables are
reproduced as well. After writing, the files are read back from disk, recomputed with an
independent implementation of SPEC §2 "Scores" and checked against every target; a missed
hard target exits with status 1.

Python 3 standard library only; deterministic (fixed seeds, no set iteration of strings).

    python3 tools/landkaart-sample/generate.py            # write and verify
    python3 tools/landkaart-sample/generate.py --check    # only verify the files on disk
    python3 tools/landkaart-sample/generate.py --root DIR # another site folder
"""

import argparse
import csv
import io
import math
import random
import re
import sys
import unicodedata
from fractions import Fraction
from pathlib import Path

SEED = 20090901

# ---------------------------------------------------------------------------------------------
# The Landkaart model
# ---------------------------------------------------------------------------------------------

FASEN = [
    (
        "Samenwerking starten",
        "UWV WERKbedrijf en alle gemeenten van het werkgebied zitten geregeld samen in een "
        "ketenoverleg; de samenwerking is op gang gekomen.",
        ["Alle ketenpartijen (alle gemeenten) betrokken"],
    ),
    (
        "Visie ontwikkelen",
        "Er is inzicht in waar vraag en aanbod op de lokale arbeidsmarkt uiteenlopen; op basis "
        "daarvan zijn een gezamenlijke visie en doelen vastgesteld.",
        ["Arbeidsmarktanalyse beschikbaar", "Visie en doelstellingen vastgesteld"],
    ),
    (
        "Ketenjaarplan maken",
        "Er ligt een vastgesteld ketenjaarplan dat op hoofdlijnen beschrijft hoe de verandering "
        "wordt aangepakt.",
        ["Ketenjaarplan vastgesteld"],
    ),
    (
        "Betrokkenheid creëren",
        "Vanuit de visie en het jaarplan hebben de partners samen een marktbewerkingsplan en "
        "dienstverleningsconcepten voor werkzoekenden en werkgevers uitgewerkt.",
        [
            "Gezamenlijk marktbewerkingsplan",
            "Dienstverleningsconcept werkzoekenden",
            "Dienstverleningsconcept werkgevers",
        ],
    ),
    (
        "Realiseren",
        "Integrale teams, een gezamenlijke werkpleinorganisatie en ketenbrede aansturing staan; "
        "randvoorwaarden als werkplekken, applicaties en kanalen zijn geregeld.",
        [
            "LWI-MT portefeuilleverdeling",
            "1 aanspreekpunt werkzoekenden",
            "1 aanspreekpunt werkgevers",
            "Ontschotte en enkelvoudige kanalen",
            "Integrale teams",
            "Ketenbrede werkplekken en applicaties",
        ],
    ),
    (
        "Borgen",
        "Beleid, uitvoering en dienstverlening worden doorlopend verbeterd aan de hand van de "
        "ketenresultaten (KPI's, klant- en werkgeversonderzoek) en de eigen lokale doelen.",
        ["(Klant)verbetercyclus geïmplementeerd"],
    ),
]

BANDEN = [
    ("niet", "Niet", 0, 32),
    ("in-ontwikkeling", "In ontwikkeling", 33, 65),
    ("gedeeltelijk", "Gedeeltelijk", 66, 99),
    ("volledig", "Volledig", 100, 100),
]
GROEPEN = [
    ("achterblijvers", "Achterblijvers", 0, 49),
    ("middengroep", "Middengroep", 50, 79),
    ("kopgroep", "Kopgroep", 80, 100),
]
PERIODEN = [
    ("2008-t1", "1e tertaal 2008", "2008-01-01", "2008-04-30"),
    ("2008-t2", "2e tertaal 2008", "2008-05-01", "2008-08-31"),
    ("2008-t3", "3e tertaal 2008", "2008-09-01", "2008-12-31"),
    ("2009-t1", "1e tertaal 2009", "2009-01-01", "2009-04-30"),
    ("2009-t2", "2e tertaal 2009", "2009-05-01", "2009-08-31"),
]

NOISE_2009T2 = 0.5  # spread of a werkplein's mijlpalen around its overall progress
ANCHOR_2009T2 = 0.3  # cost per point a werkplein's total drifts from its initial one
TEMP_2009T2 = 0.4  # start temperature of the annealing
VAL = [0, 33, 66, 100]  # the Landkaart's four answers, as levels 0..3


def slug(text):
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


FASE_IDS = [slug(f[0]) for f in FASEN]
MIJLPALEN = [(slug(m), m) for f in FASEN for m in f[2]]
MIJL_IDS = [m[0] for m in MIJLPALEN]
FASE_OF = [f for f, fase in enumerate(FASEN) for _ in fase[2]]
FASE_K = [len(f[2]) for f in FASEN]
NM = len(MIJLPALEN)
NF = len(FASEN)
MI = {m: i for i, m in enumerate(MIJL_IDS)}

# ---------------------------------------------------------------------------------------------
# Targets from the seeds
# ---------------------------------------------------------------------------------------------

# 2009-t2, Tabel 3: counts per band (niet, in-ontwikkeling, gedeeltelijk, volledig), mean shown
T3_2009T2 = [
    ((0, 2, 11, 112), 95),
    ((2, 4, 14, 105), 92),
    ((7, 19, 41, 58), 73),
    ((9, 19, 31, 66), 74),
    ((11, 28, 42, 44), 64),
    ((8, 31, 38, 48), 66),
    ((3, 30, 35, 57), 72),
    ((23, 27, 36, 39), 57),
    ((7, 12, 44, 62), 76),
    ((2, 7, 33, 83), 85),
    ((24, 36, 44, 21), 49),
    ((13, 41, 48, 23), 54),
    ((26, 42, 42, 15), 45),
    ((22, 52, 37, 14), 44),
]
# 2009-t2, Tabel 2: totals and fasen: (counts per band, mean shown)
T2_2009T2_TOTAL = ((7, 44, 70, 4), 67)
T2_2009T2_FASEN = [
    ((0, 2, 11, 112), 95),
    ((3, 12, 56, 54), 82),
    ((9, 19, 31, 66), 74),
    ((8, 37, 60, 20), 67),
    ((9, 55, 56, 5), 61),
    ((22, 52, 37, 14), 44),
]
GREENS = ["assen", "hoogeveen", "enschede", "venlo"]
# "terugval" in 2009-t2 (seed 000, §5.1), mapped to werkpleinen.yaml ids
FALLERS = [
    ("Amsterdam Zuid/Oudwest", "amsterdam-zuid-oudwest"),
    ("Barneveld", "barneveld"),
    ("Harderwijk", "harderwijk"),
    ("Hilversum", "hilversum"),
    ("IJmond", "ijmond"),
    ("Leiden", "leiden"),
    ("Rotterdam Slinge (Dynamo)", "rotterdam-slinge"),
    ("Sittard", "sittard"),
    ("Tiel", "tiel"),
    ("Tilburg", "tilburg"),
    ("Ulft", "ulft"),
    ("West Friesland", "west-friesland"),
    ("Westland", "westland"),
]
TRENDS_2009T2 = {"vooruit": 49, "gelijk": 63, "achteruit": 13}
# Tabel 4: national average per period, truncated
HISTORY = {"2008-t1": 49, "2008-t2": 56, "2008-t3": 60, "2009-t1": 65, "2009-t2": 67}
# Reporting werkpleinen per period (2008-t1: "alle locaties op drie na", 124 of 127 in the seed)
REPORTING = {"2008-t1": 124, "2008-t2": 118, "2008-t3": 122, "2009-t1": 125, "2009-t2": 125}

# ---- The second edition (SPEC §5.2, §5.3) ----
# Where practices that help with a mijlpaal are filed (thema ids of content/themas/).
MIJL_THEMAS = {
    "alle-ketenpartijen-alle-gemeenten-betrokken": ["naamgeving", "participatie-inburgering"],
    "arbeidsmarktanalyse-beschikbaar": ["werkgeversaanpak", "indicatoren"],
    "visie-en-doelstellingen-vastgesteld": ["dienstverleningsconcept", "indicatoren"],
    "ketenjaarplan-vastgesteld": ["indicatoren"],
    "gezamenlijk-marktbewerkingsplan": ["werkgeversaanpak"],
    "dienstverleningsconcept-werkzoekenden": ["dienstverleningsconcept", "jongeren", "ouderen", "wajong-wsw"],
    "dienstverleningsconcept-werkgevers": ["werkgeversaanpak"],
    "lwi-mt-portefeuilleverdeling": ["ketenacademie"],
    "1-aanspreekpunt-werkzoekenden": ["dienstverleningsconcept", "wijkaanpak"],
    "1-aanspreekpunt-werkgevers": ["werkgeversaanpak"],
    "ontschotte-en-enkelvoudige-kanalen": ["multichanneling"],
    "integrale-teams": ["ketenacademie", "dienstverleningsconcept"],
    "ketenbrede-werkplekken-en-applicaties": ["multichanneling"],
    "klant-verbetercyclus-geimplementeerd": ["clientenparticipatie", "indicatoren"],
}
# What each group means for support (seed 002, "Actieniveaus"), in our own words.
GROEP_ACTIE = {
    "kopgroep": (
        "Borgen",
        "Hier zitten de praktijkvoorbeelden waar andere werkpleinen van leren: de ondersteuning "
        "haalt ze op en deelt ze via deze site en de regionale bijeenkomsten, en beantwoordt de "
        "vragen die het werkplein zelf stelt.",
    ),
    "middengroep": (
        "Stimuleren",
        "Werkpleinen leren van elkaar: uitwisseling en intervisie voor MT's en teamleiders, met "
        "regionale ondersteuningsteams van UWV WERKbedrijf en gemeenten als aanjager.",
    ),
    "achterblijvers": (
        "Interveniëren",
        "Naast de gewone ondersteuning een stappenplan per werkplein: knelpunten analyseren op "
        "basis van de Landkaart, een audit op de mijlpalen, en de interventies die nodig zijn "
        "(procesondersteuning, bestuurlijke aansporing), elk kwartaal herhaald.",
    ),
}
# The 3rd tertaal 2009: the first uitvraag made of the werkpleinen's own report files.
T3 = ("2009-t3", "3e tertaal 2009", "2009-09-01", "2009-12-31")
T3_ABSENT = 7          # werkpleinen that do not report
T3_STALE = 5           # report answers last updated before 2009-09-01 (carried over)
# 2009-t2 (seed 000 §5.1): 90 updated between 15 July and 31 August; the others between 1 April
# and 15 July, 9 of them (no reason to update) before April. Last updates before the period
# (1 May) are "niet geactualiseerd".
T2_UPDATED_LATE = 90
T2_BEFORE_APRIL = 9
T2_APRIL = 6

# 2008-t1 (seed 001, Tabel 2 and 4): 124 werkpleinen
T1_N = 124
T1_TOTAL = ((23, 77, 24, 0), 49)
T1_FASEN = [
    ((2, 12, 28, 82), 84),
    ((6, 42, 54, 22), 66),
    ((23, 23, 29, 49), 61),
    ((21, 45, 48, 10), 54),
    ((51, 62, 10, 1), 36),
    ((41, 51, 20, 12), 33),
]
T1_MIJL = {  # the five mijlpalen the 2008-t1 report prints
    "alle-ketenpartijen-alle-gemeenten-betrokken": (2, 12, 28, 82),
    "ketenjaarplan-vastgesteld": (23, 23, 29, 49),
    "1-aanspreekpunt-werkzoekenden": (21, 56, 27, 20),
    "integrale-teams": (27, 66, 27, 4),
    "ketenbrede-werkplekken-en-applicaties": (65, 41, 14, 4),
    # Borgen has one mijlpaal, so its fase row is the mijlpaal's row
    "klant-verbetercyclus-geimplementeerd": (41, 51, 20, 12),
}
# plausible 2008-t1 means of the other mijlpalen (seed 001: analyses mostly available, goals
# lag behind; one contact point for employers a bit further; MT and channels far behind)
T1_SOFT_MEANS = {
    "arbeidsmarktanalyse-beschikbaar": 78,
    "visie-en-doelstellingen-vastgesteld": 55,
    "gezamenlijk-marktbewerkingsplan": 50,
    "dienstverleningsconcept-werkzoekenden": 55,
    "dienstverleningsconcept-werkgevers": 58,
    "lwi-mt-portefeuilleverdeling": 33,
    "1-aanspreekpunt-werkgevers": 57,
    "ontschotte-en-enkelvoudige-kanalen": 25,
}

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def band_sum(s, k):
    """Band index (0..3) of the mean s/k, on the thresholds 33 / 66 / 100."""
    if s >= 100 * k:
        return 3
    if s >= 66 * k:
        return 2
    if s >= 33 * k:
        return 1
    return 0


def l1(a, b):
    return sum(abs(x - y) for x, y in zip(a, b))


def read_werkpleinen(path):
    items = []
    cur = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^- id:\s*(\S+)", line)
        if m:
            cur = {"id": m.group(1)}
            items.append(cur)
            continue
        m = re.match(r"^\s+(\w+):\s*(.*)$", line)
        if m and cur is not None:
            cur[m.group(1)] = m.group(2).strip()
    for w in items:
        w["plaats"] = unquote(w.get("plaats", ""))
        w["naam"] = unquote(w.get("naam", ""))
        w["gemeenten"] = parse_flow_list(w.get("gemeenten", "[]"))
    return items


def unquote(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] == '"':
        return s[1:-1].replace('\\"', '"')
    if len(s) >= 2 and s[0] == s[-1] == "'":
        return s[1:-1].replace("''", "'")
    return s


def parse_flow_list(s):
    s = s.strip()
    assert s.startswith("[") and s.endswith("]"), s
    out, cur, q = [], "", None
    for ch in s[1:-1]:
        if q:
            cur += ch
            if ch == q:
                q = None
        elif ch in "\"'":
            q = ch
            cur += ch
        elif ch == ",":
            out.append(unquote(cur))
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(unquote(cur))
    return [x for x in out if x]


# ---------------------------------------------------------------------------------------------
# 2009-t2: the published tables
# ---------------------------------------------------------------------------------------------


class Grid:
    """Levels of all rows; per-row fase and total sums; band counts for the energy."""

    def __init__(self, grid):
        self.g = grid
        self.fs = [[0] * NF for _ in grid]
        self.ts = [0] * len(grid)
        for w in range(len(grid)):
            self.recalc(w)

    def recalc(self, w):
        fs = [0] * NF
        for m, lv in enumerate(self.g[w]):
            fs[FASE_OF[m]] += VAL[lv]
        self.fs[w] = fs
        self.ts[w] = sum(fs)


def build_2009t2(ids, rng):
    for attempt in range(20):
        res = _attempt_2009t2(ids, rng)
        if res is not None:
            return res
    raise SystemExit("2009-t2: search did not reach the tables")


def _attempt_2009t2(ids, rng):
    W = len(ids)
    gi = [ids.index(g) for g in GREENS]
    others = [w for w in range(W) if w not in gi]
    latent = [rng.gauss(0, 1) for _ in range(W)]
    grid = [[0] * NM for _ in range(W)]
    for g in gi:
        grid[g] = [3] * NM
    for m, (counts, _) in enumerate(T3_2009T2):
        c = list(counts)
        c[3] -= len(gi)
        vals = sorted((lv for lv in range(4) for _ in range(c[lv])), reverse=True)
        order = sorted(others, key=lambda w: -(latent[w] + rng.gauss(0, NOISE_2009T2)))
        for w, v in zip(order, vals):
            grid[w][m] = v
    G = Grid(grid)
    multi = [f for f in range(NF) if FASE_K[f] > 1]
    t_total = T2_2009T2_TOTAL[0]
    t_fase = {f: T2_2009T2_FASEN[f][0] for f in multi}
    triple = [MI["gezamenlijk-marktbewerkingsplan"], MI["dienstverleningsconcept-werkgevers"],
              MI["1-aanspreekpunt-werkgevers"]]

    def contrib(w):
        return (
            band_sum(G.ts[w], NM),
            tuple(band_sum(G.fs[w][f], FASE_K[f]) for f in multi),
            1 if 90 * NM <= G.ts[w] < 100 * NM else 0,
            1 if all(G.g[w][m] == 3 for m in triple) else 0,
            abs(G.ts[w] - anchor[w]),
        )

    # keep every werkplein near the total its initial, coherent row gives it
    anchor = list(G.ts)
    tb = [0] * 4
    fb = {f: [0] * 4 for f in multi}
    soft = [0, 0, 0]

    def apply(c, sign):
        tb[c[0]] += sign
        for i, f in enumerate(multi):
            fb[f][c[1][i]] += sign
        soft[0] += sign * c[2]
        soft[1] += sign * c[3]
        soft[2] += sign * c[4]

    for w in range(W):
        apply(contrib(w), 1)

    def energy():
        hard = l1(tb, t_total) + sum(l1(fb[f], t_fase[f]) for f in multi)
        exact = 5 * hard + abs(soft[0] - 11) + abs(soft[1] - 28)
        return exact + ANCHOR_2009T2 * soft[2] / NM, hard, exact

    e, hard, exact = energy()
    best = (e, [list(r) for r in G.g]) if hard == 0 else None
    temp = TEMP_2009T2
    for it in range(150000):
        if exact == 0:
            break
        if hard == 0 and (best is None or e < best[0]):
            best = (e, [list(r) for r in G.g])
        m = rng.randrange(NM)
        a, b = rng.sample(others, 2)
        if G.g[a][m] == G.g[b][m]:
            continue
        ca, cb = contrib(a), contrib(b)
        apply(ca, -1)
        apply(cb, -1)
        G.g[a][m], G.g[b][m] = G.g[b][m], G.g[a][m]
        G.recalc(a)
        G.recalc(b)
        apply(contrib(a), 1)
        apply(contrib(b), 1)
        e2, hard2, exact2 = energy()
        if e2 <= e or rng.random() < math.exp((e - e2) / temp):
            e, hard, exact = e2, hard2, exact2
        else:
            apply(contrib(a), -1)
            apply(contrib(b), -1)
            G.g[a][m], G.g[b][m] = G.g[b][m], G.g[a][m]
            G.recalc(a)
            G.recalc(b)
            apply(ca, 1)
            apply(cb, 1)
        temp = max(0.05, temp * 0.99997)
    if hard == 0 and (best is None or e < best[0]):
        best = (e, [list(r) for r in G.g])
    if best is None:
        return None
    return best[1], latent


# ---------------------------------------------------------------------------------------------
# 2009-t1: 49 vooruit, 63 gelijk, 13 achteruit (the named ones)
# ---------------------------------------------------------------------------------------------


def row_sum(row):
    return sum(VAL[lv] for lv in row)


def build_2009t1(ids, t5, rng):
    W = len(ids)
    t4 = [list(r) for r in t5]
    fi = [ids.index(f[1]) for f in FALLERS]
    gi = [ids.index(g) for g in GREENS]
    # fallers: the drop is mostly in the jaarplan, the marktbewerkingsplan, then the visie
    fall_pref = {MI["ketenjaarplan-vastgesteld"]: 3.0, MI["gezamenlijk-marktbewerkingsplan"]: 3.0,
                 MI["visie-en-doelstellingen-vastgesteld"]: 2.0}
    room = {w: sum(3 - lv for lv in t5[w]) for w in fi}
    big = rng.choice([w for w in fi if room[w] >= 9])
    for w in fi:
        n = 6 if w == big else min(room[w] - 1, rng.choice([1, 1, 2, 2, 2, 3]))
        assert n >= 1, ids[w]
        for _ in range(n):
            cells = [m for m in range(NM) if t4[w][m] < 3]
            weights = [fall_pref.get(m, 0.25) for m in cells]
            m = rng.choices(cells, weights)[0]
            t4[w][m] += 1
        assert any(lv < 3 for lv in t4[w])
    # risers: growth mostly in the contact points and the MT portfolio, then the werkgevers
    rise_pref = {MI["1-aanspreekpunt-werkzoekenden"]: 3.0, MI["lwi-mt-portefeuilleverdeling"]: 3.0,
                 MI["1-aanspreekpunt-werkgevers"]: 2.0, MI["dienstverleningsconcept-werkgevers"]: 2.0,
                 MI["integrale-teams"]: 1.2}
    cand = [w for w in range(W) if w not in fi and w not in gi]
    growable = [w for w in cand if row_sum(t5[w]) > 0]

    def decrement(w):
        cells = [m for m in range(NM) if t4[w][m] > 0 and t5[w][m] - t4[w][m] < 2]
        if not cells:
            return
        weights = [rise_pref.get(m, 0.5) for m in cells]
        m = rng.choices(cells, weights)[0]
        t4[w][m] -= 1

    def increment(w):
        cells = [m for m in range(NM) if t4[w][m] < t5[w][m]]
        m = rng.choice(cells)
        t4[w][m] += 1

    def steps(w):
        return sum(t5[w][m] - t4[w][m] for m in range(NM))

    risers = sorted(rng.sample(growable, TRENDS_2009T2["vooruit"]))
    for w in risers:
        for _ in range(rng.choice([1, 2, 2, 3, 3, 4, 5])):
            decrement(w)

    def energy():
        s4 = sum(row_sum(r) for r in t4)
        mean4 = s4 / (W * NM)
        e = 0.0
        if not 65.25 <= mean4 <= 65.75:
            e += 20 * min(abs(mean4 - 65.25), abs(mean4 - 65.75))
        crossers = sum(1 for w in risers
                       if band_sum(row_sum(t5[w]), NM) == 2 and band_sum(row_sum(t4[w]), NM) < 2)
        e += abs(crossers - 10)
        return e

    e = energy()
    for it in range(20000):
        if e == 0:
            break
        snap = ([list(r) for r in t4], list(risers))
        move = rng.random()
        if move < 0.4:  # swap a riser for an equal one
            a = rng.choice(risers)
            b = rng.choice([w for w in growable if w not in risers])
            t4[a] = list(t5[a])
            risers.remove(a)
            risers.append(b)
            risers.sort()
            for _ in range(rng.choice([1, 2, 2, 3, 3, 4])):
                decrement(b)
        elif move < 0.7:
            decrement(rng.choice(risers))
        else:
            w = rng.choice([w for w in risers if steps(w) > 1] or risers)
            if steps(w) > 1:
                increment(w)
        e2 = energy()
        if e2 <= e:
            e = e2
        else:
            t4, risers = snap
    return t4, risers, big


# ---------------------------------------------------------------------------------------------
# 2008-t1: the first Landkaart round, below 2009-t1 cell by cell
# ---------------------------------------------------------------------------------------------


def build_2008t1(rows, t4, latent, rng):
    """rows: indices (into t4) of the werkpleinen that report in 2008-t1."""
    n = len(rows)
    cap = [t4[w] for w in rows]
    fixed = {MI[k]: v for k, v in T1_MIJL.items()}
    free = [m for m in range(NM) if m not in fixed]
    grid = [[0] * NM for _ in range(n)]
    noise = [latent[w] + rng.gauss(0, 0.6) for w in rows]
    for m in range(NM):
        if m in fixed:
            vals = sorted((lv for lv in range(4) for _ in range(fixed[m][lv])), reverse=True)
            order = sorted(range(n), key=lambda i: (-cap[i][m], -noise[i]))
            for i, v in zip(order, vals):
                assert v <= cap[i][m], (MIJL_IDS[m], "2008-t1 column does not fit below 2009-t1")
                grid[i][m] = v
        else:
            target = T1_SOFT_MEANS[MIJL_IDS[m]]
            for i in range(n):
                lv = cap[i][m]
                while lv > 0 and VAL[lv] > target + 30 * noise[i] - 10:
                    lv -= 1
                grid[i][m] = lv
    G = Grid(grid)
    multi = [1, 3, 4]
    t_total = T1_TOTAL[0]
    t_fase = {f: T1_FASEN[f][0] for f in multi}
    mean_win = {None: T1_TOTAL[1], 1: T1_FASEN[1][1], 3: T1_FASEN[3][1], 4: T1_FASEN[4][1]}

    def contrib(i):
        return band_sum(G.ts[i], NM), tuple(band_sum(G.fs[i][f], FASE_K[f]) for f in multi)

    tb = [0] * 4
    fb = {f: [0] * 4 for f in multi}
    colsum = [sum(VAL[G.g[i][m]] for i in range(n)) for m in range(NM)]

    def apply(c, sign):
        tb[c[0]] += sign
        for j, f in enumerate(multi):
            fb[f][c[1][j]] += sign

    for i in range(n):
        apply(contrib(i), 1)

    def win(v, t):  # distance of v from [t + 0.2, t + 0.8]
        return max(0.0, t + 0.2 - v, v - (t + 0.8))

    def energy():
        hard = l1(tb, t_total) + sum(l1(fb[f], t_fase[f]) for f in multi)
        e = 5 * hard
        tot = sum(colsum) / (n * NM)
        e += 10 * win(tot, mean_win[None])
        for f in multi:
            fm = sum(colsum[m] for m in range(NM) if FASE_OF[m] == f) / (n * FASE_K[f])
            e += 10 * win(fm, mean_win[f])
        for m in free:
            e += 0.3 * max(0.0, abs(colsum[m] / n - T1_SOFT_MEANS[MIJL_IDS[m]]) - 3)
        return e, hard

    def set_cell(i, m, lv):
        colsum[m] += VAL[lv] - VAL[G.g[i][m]]
        G.g[i][m] = lv

    e, hard = energy()
    temp = 0.8
    for it in range(400000):
        if e < 1e-9:
            break
        m = rng.randrange(NM)
        if m in fixed or rng.random() < 0.5:
            a, b = rng.sample(range(n), 2)
            va, vb = G.g[a][m], G.g[b][m]
            if va == vb or vb > cap[a][m] or va > cap[b][m]:
                continue
            changes = [(a, vb), (b, va)]
        else:
            a = rng.randrange(n)
            lv = G.g[a][m] + rng.choice([-1, 1])
            if lv < 0 or lv > cap[a][m]:
                continue
            changes = [(a, lv)]
        olds = [(i, G.g[i][m]) for i, _ in changes]
        cs = [contrib(i) for i, _ in changes]
        for c in cs:
            apply(c, -1)
        for i, lv in changes:
            set_cell(i, m, lv)
            G.recalc(i)
        for i, _ in changes:
            apply(contrib(i), 1)
        e2, hard2 = energy()
        if e2 <= e or rng.random() < math.exp((e - e2) / temp):
            e, hard = e2, hard2
        else:
            for i, _ in changes:
                apply(contrib(i), -1)
            for i, lv in olds:
                set_cell(i, m, lv)
                G.recalc(i)
            for c in cs:
                apply(c, 1)
        temp = max(0.02, temp * 0.99998)
    if hard != 0:
        raise SystemExit(f"2008-t1: search did not reach the tables (energy {e:.2f})")
    return G.g


# ---------------------------------------------------------------------------------------------
# 2008-t2 and 2008-t3: the steps from 2008-t1 to 2009-t1 spread over the tertalen
# ---------------------------------------------------------------------------------------------


def build_middle(ids, t1, t4, rng):
    """t1: dict w -> row (2008-t1), t4: list of rows (2009-t1). Returns (p2, p3) as dicts
    w -> row with None for empty cells, plus a description of the irregularities."""
    W = len(ids)
    start = {}
    for w in range(W):
        if w in t1:
            start[w] = list(t1[w])
        else:  # a werkplein that joins in 2008-t2: somewhat behind where it ends up
            start[w] = [max(0, lv - rng.choice([0, 1, 1, 2])) for lv in t4[w]]
    # each step up between 2008-t1 and 2009-t1 is taken in period 1 (2008-t2), 2 or 3 (2009-t1)
    pace = [rng.uniform(0.6, 1.5) for _ in range(W)]
    steps = {}
    for w in range(W):
        for m in range(NM):
            d = t4[w][m] - start[w][m]
            assert d >= 0
            if d:
                steps[(w, m)] = [rng.choices([1, 2, 3], [0.44 * pace[w], 0.26, 0.30 / pace[w]])[0]
                                 for _ in range(d)]
    # irregularities: werkpleinen that did not report, empty cells, a few dips
    new = [w for w in range(W) if w not in t1]
    pool = [w for w in range(W) if w not in new and ids[w] not in GREENS]
    absent = {1: sorted(rng.sample(pool, W - REPORTING["2008-t2"]))}
    absent[2] = sorted(rng.sample([w for w in pool if w not in absent[1]], W - REPORTING["2008-t3"]))
    late = ["ketenbrede-werkplekken-en-applicaties", "ontschotte-en-enkelvoudige-kanalen",
            "klant-verbetercyclus-geimplementeerd", "lwi-mt-portefeuilleverdeling",
            "gezamenlijk-marktbewerkingsplan"]
    empty = {1: [], 2: []}
    for p, n_rows in ((1, 4), (2, 3)):
        rows = rng.sample([w for w in range(W) if w not in absent[p]], n_rows)
        for w in sorted(rows):
            for m in sorted(rng.sample([MI[x] for x in late], rng.choice([1, 1, 2]))):
                empty[p].append((w, m))
    dips = {1: [], 2: []}

    def value(w, m, p):
        return start[w][m] + sum(1 for t in steps.get((w, m), []) if t <= p)

    def pick_dips(p, count):
        out = []
        tries = 0
        while len(out) < count and tries < 10000:
            tries += 1
            w, m = rng.randrange(W), rng.randrange(NM)
            if w in absent[p] or w in absent.get(p - 1, []) or (w, m) in empty[p] or w in new:
                continue
            if any(x[0] == w for x in out):
                continue
            out.append((w, m))
        return out

    dips[1] = pick_dips(1, 2)
    dips[2] = pick_dips(2, 4)

    def wp_row(w, p):
        row = [value(w, m, p) for m in range(NM)]
        for (dw, dm) in dips[p]:
            if dw == w:
                # reported one answer lower than the period before, recovered later
                row[dm] = max(0, value(w, dm, p - 1) - 1)
        for (ew, em) in empty[p]:
            if ew == w:
                row[em] = None
        return row

    def period(p):
        return {w: wp_row(w, p) for w in range(W) if w not in absent[p]}

    def wp_total(w, p):
        vals = [VAL[x] for x in wp_row(w, p) if x is not None]
        return sum(vals) / len(vals)

    totals = {p: {w: wp_total(w, p) for w in range(W) if w not in absent[p]} for p in (1, 2)}
    sums = {p: sum(totals[p].values()) for p in (1, 2)}
    targets = {1: HISTORY["2008-t2"], 2: HISTORY["2008-t3"]}

    def energy():
        e = 0.0
        for p in (1, 2):
            v = sums[p] / len(totals[p])
            e += max(0.0, targets[p] + 0.25 - v, v - (targets[p] + 0.75))
        return e

    def refresh(w):
        for p in (1, 2):
            if w in totals[p]:
                t = wp_total(w, p)
                sums[p] += t - totals[p][w]
                totals[p][w] = t

    e = energy()
    keys = sorted(steps)
    for it in range(20000):
        if e == 0:
            break
        k = rng.choice(keys)
        j = rng.randrange(len(steps[k]))
        old = steps[k][j]
        steps[k][j] = rng.choice([t for t in (1, 2, 3) if t != old])
        refresh(k[0])
        e2 = energy()
        if e2 <= e:
            e = e2
        else:
            steps[k][j] = old
            refresh(k[0])
    info = {"absent": absent, "empty": empty, "dips": dips, "new": new}
    return period(1), period(2), info


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def day(start, end, rng):
    """A random date between two ISO dates (inclusive)."""
    from datetime import date, timedelta
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    return (a + timedelta(days=rng.randrange((b - a).days + 1))).isoformat()


def bijgewerkt_2009t2(ids, t4, t5, rng):
    """When each werkplein last updated its 2009-t2 answers. Only werkpleinen whose answers
    did not change since 2009-t1 (and are not groen) can have carried them over."""
    W = len(ids)
    same = [w for w in range(W) if list(t4[w]) == list(t5[w]) and ids[w] not in GREENS]
    rng.shuffle(same)
    stale = sorted(same[:T2_BEFORE_APRIL + T2_APRIL])
    rest = [w for w in range(W) if w not in stale]
    rng.shuffle(rest)
    dates = {}
    for i, w in enumerate(stale):
        dates[w] = (day("2008-10-01", "2009-03-31", rng) if i < T2_BEFORE_APRIL
                    else day("2009-04-01", "2009-04-30", rng))
    for i, w in enumerate(rest):
        dates[w] = (day("2009-07-15", "2009-08-31", rng) if i < T2_UPDATED_LATE
                    else day("2009-05-01", "2009-07-14", rng))
    return dates


def build_2009t3(ids, t5, rng):
    """The 3rd tertaal 2009: most werkpleinen report, a few carry their answers over, a few do
    not report. Growth continues at a slower pace (one step on some mijlpalen), with a few
    one-step falls, as in the tertalen before."""
    W = len(ids)
    pool = [w for w in range(W) if ids[w] not in GREENS]
    rng.shuffle(pool)
    absent = sorted(pool[:T3_ABSENT])
    stale = sorted(pool[T3_ABSENT:T3_ABSENT + T3_STALE])
    rows, dates = {}, {}
    fallers = set(pool[T3_ABSENT + T3_STALE:T3_ABSENT + T3_STALE + 4])
    for w in range(W):
        if w in absent:
            continue
        row = list(t5[w])
        if w in stale:
            dates[w] = day("2009-05-15", "2009-08-31", rng)
        else:
            dates[w] = day("2009-09-14", "2009-12-18", rng)
            pace = 0.10 + 0.25 * (1 - sum(row) / (3 * NM))  # laggards catch up a little faster
            for m in range(NM):
                if row[m] < 3 and rng.random() < pace:
                    row[m] += 1
            if w in fallers:
                m = rng.choice([m for m in range(NM) if row[m] > 0])
                row[m] -= 1
        rows[w] = row
    return rows, dates, absent, stale


def yaml_str(s):
    """A YAML block scalar: plain where that is safe, else double-quoted."""
    plain = (
        re.match(r"[A-Za-z0-9À-ÿ]", s)
        and ": " not in s and " #" not in s and not s.endswith((" ", ":"))
        and not re.fullmatch(r"(?i)[-+.0-9e]+|true|false|yes|no|on|off|null|~", s)
    )
    if plain:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def landkaart_yaml():
    out = [
        "# De Landkaart: 6 fasen met 14 mijlpalen, score bands, groups and the tertalen.",
        "# Generated by tools/landkaart-sample/generate.py; mijlpalen as in the AKO",
        "# tertaalrapportage 2e tertaal 2009 (Tabel 3), fasen and their results as in the",
        "# 1e tertaal 2008 report.",
        "fasen:",
    ]
    for (naam, resultaat, mijl), fid in zip(FASEN, FASE_IDS):
        out.append(f"  - id: {fid}")
        out.append(f"    naam: {yaml_str(naam)}")
        out.append(f"    resultaat: {yaml_str(resultaat)}")
        out.append("    mijlpalen:")
        for m in mijl:
            out.append(f"      - id: {slug(m)}")
            out.append(f"        naam: {yaml_str(m)}")
            out.append(f"        themas: [{', '.join(MIJL_THEMAS[slug(m)])}]")
    out.append("banden:                         # score bands, inclusive")
    for i, n, v, t in BANDEN:
        out.append(f"  - {{ id: {i}, naam: {n}, van: {v}, tot: {t} }}")
    out.append("groepen:                        # by total score, inclusive; actie: seed 002")
    for i, n, v, t in GROEPEN:
        actie, toelichting = GROEP_ACTIE[i]
        out.append(f"  - id: {i}")
        out.append(f"    naam: {n}")
        out.append(f"    van: {v}")
        out.append(f"    tot: {t}")
        out.append(f"    actie: {yaml_str(actie)}")
        out.append(f"    toelichting: {yaml_str(toelichting)}")
    out.append("perioden:                       # oldest first")
    for i, n, v, t in PERIODEN + [T3]:
        out.append(f'  - {{ id: {i}, naam: {n}, van: "{v}", tot: "{t}" }}')
    return "\n".join(out) + "\n"


def score_csv(rows, ids, order_cols, delim, bom, eol, row_order, dates=None):
    buf = io.StringIO()
    wr = csv.writer(buf, delimiter=delim, lineterminator=eol)
    wr.writerow(["werkplein"] + [MIJL_IDS[m] for m in order_cols] + (["bijgewerkt"] if dates else []))
    for w in row_order:
        if w not in rows:
            continue
        row = rows[w]
        wr.writerow([ids[w]] + ["" if row[m] is None else VAL[row[m]] for m in order_cols]
                    + ([dates[w]] if dates else []))
    text = buf.getvalue()
    return ("\ufeff" if bom else "") + text


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


# ---------------------------------------------------------------------------------------------
# Resultaten
# ---------------------------------------------------------------------------------------------

# rough size of the central municipality, thousands of inhabitants (rounded, around 2009)
TOWN_SIZE = {
    "Amsterdam": 755, "Rotterdam": 585, "'s-Gravenhage": 485, "Utrecht": 300, "Eindhoven": 212,
    "Tilburg": 203, "Groningen": 185, "Almere": 186, "Breda": 173, "Nijmegen": 162,
    "Enschede": 157, "Apeldoorn": 156, "Haarlem": 149, "Arnhem": 146, "Zaanstad": 145,
    "Amersfoort": 143, "Haarlemmermeer": 143, "'s-Hertogenbosch": 139, "Zoetermeer": 121,
    "Zwolle": 119, "Maastricht": 118, "Dordrecht": 118, "Leiden": 117, "Emmen": 109,
    "Ede": 108, "Westland": 100, "Deventer": 98, "Delft": 96, "Sittard-Geleen": 95,
    "Leeuwarden": 94, "Alkmaar": 94, "Venlo": 92, "Heerlen": 89, "Helmond": 88,
    "Hilversum": 84, "Amstelveen": 81, "Hengelo": 81, "Purmerend": 79, "Oss": 77,
    "Roosendaal": 77, "Lelystad": 75, "Schiedam": 75, "Spijkenisse": 73, "Leidschendam-Voorburg": 73,
    "Almelo": 72, "Alphen aan den Rijn": 72, "Gouda": 71, "Vlaardingen": 71, "Hoorn": 70,
}


# monthly outflow to work per 1000 inhabitants: about 19,000 a month nationally in 2009
# (seed 000, KPI's: 155k in eight months) over roughly 16.5 million inhabitants
OUTFLOW_PER_1000 = 1.2


def werkplein_size(w, shared):
    """Rough number of inhabitants (thousands) served by a werkplein."""
    g = w["gemeenten"]
    first = g[0] if g else w["plaats"]
    size = TOWN_SIZE.get(first, 45) / shared.get(first, 1)
    size += 22 * (len(g) - 1)
    return size


# The klantprincipes of werkzoekenden (seed 000 §4.1.1; ids as in data/resultaten.yaml) and
# how far each lies from the overall rapportcijfer on average.
KLANTPRINCIPES = [("toegankelijkheid", 0.15), ("persoonlijke-aandacht", 0.35), ("maatwerk", -0.35),
                  ("tijdigheid", -0.45), ("duidelijkheid", 0.05)]
WERKGEVERSPRINCIPES = ["betrouwbaarheid", "professionaliteit", "daadkracht", "toegankelijkheid",
                       "flexibiliteit"]
# 2009: the 1st meting 2009 gave a national 6,8 (seed 000 §4.1.1); the 2010 metingen below are
# the older sample and stay exactly as they were.
KLANT_2009 = [("2009-1", -0.17), ("2009-2", -0.12)]


def build_resultaten(wps, totals5, rng):
    ids = [w["id"] for w in wps]
    shared = {}
    for w in wps:
        if w["gemeenten"]:
            shared[w["gemeenten"][0]] = shared.get(w["gemeenten"][0], 0) + 1
    sizes = {w["id"]: werkplein_size(w, shared) for w in wps}

    # 2010 exactly as before (same random draws in the same order)
    klant2010 = {}
    eff = {i: rng.gauss(0, 0.22) for i in ids}
    for i in ids:
        base = 6.88 + 0.005 * (totals5[i] - 68) + eff[i]
        for k, meting in enumerate(["2010-1", "2010-2", "2010-3"]):
            v = base + 0.06 * k + rng.gauss(0, 0.12)
            v = min(8.2, max(5.8, v))
            resp = max(40, round(sizes[i] * rng.uniform(0.9, 1.3) + rng.uniform(20, 60)))
            klant2010[(i, meting)] = (f"{v:.1f}", resp)

    werkg2010 = {}
    offs = [5, 3, -4, 2, -6]
    for i in ids:
        base = 68 + 0.18 * (totals5[i] - 68) + rng.gauss(0, 4.5)
        werkg2010[i] = [min(95, max(40, round(base + o + rng.gauss(0, 3.5)))) for o in offs]

    season = [0.86, 0.94, 1.07, 1.04, 1.07, 1.10, 0.90, 0.80, 1.12, 1.10, 1.04, 0.88]
    uit = [["werkplein", "maand", "uitstroom", "streefwaarde"]]
    no_target = set(rng.sample(ids, 6))
    for i in ids:
        level = sizes[i] * OUTFLOW_PER_1000 * (1 + 0.004 * (totals5[i] - 68)) * rng.uniform(0.88, 1.12)
        target = sizes[i] * OUTFLOW_PER_1000 * rng.uniform(0.92, 1.04)
        for mth in range(12):
            growth = 1 + 0.008 * mth
            u = max(1, round(level * season[mth] * growth * rng.gauss(1, 0.07)))
            s = "" if i in no_target else round(target * (1 + 0.6 * (season[mth] - 1)) * growth)
            uit.append([i, f"2010-{mth + 1:02d}", u, s])

    # New in the 2nd edition, from their own random stream so 2010 above is unchanged: the 2009
    # metingen, a rapportcijfer per klantprincipe, and the employers of 2009.
    rng2 = random.Random(f"{SEED}-klantprincipes")
    klant = [["werkplein", "meting", "rapportcijfer", "respondenten"] + [p for p, _ in KLANTPRINCIPES]]
    # a few werkpleinen missed the first meting of 2009; principle cells are sometimes empty
    missed = set(rng2.sample(ids, 4))
    for i in ids:
        rows = []
        for meting, shift in KLANT_2009:
            if meting == "2009-1" and i in missed:
                continue
            v = float(klant2010[(i, "2010-1")][0]) + shift + rng2.gauss(0, 0.12)
            v = min(8.2, max(5.8, v))
            resp = max(40, round(klant2010[(i, "2010-1")][1] * rng2.uniform(0.8, 1.1)))
            rows.append((meting, f"{v:.1f}", resp))
        rows += [(m, *klant2010[(i, m)]) for m in ("2010-1", "2010-2", "2010-3")]
        for meting, cijfer, resp in rows:
            v = float(cijfer)
            cells = []
            for _, off in KLANTPRINCIPES:
                if rng2.random() < 0.01:
                    cells.append("")
                else:
                    cells.append(f"{min(9.5, max(4.5, v + off + rng2.gauss(0, 0.2))):.1f}")
            klant.append([i, meting, cijfer, resp] + cells)

    werkg = [["werkplein", "meting"] + WERKGEVERSPRINCIPES]
    for i in ids:
        prev = [min(95, max(40, round(v - 2.5 + rng2.gauss(0, 3)))) for v in werkg2010[i]]
        werkg.append([i, "2009"] + prev)
        werkg.append([i, "2010"] + werkg2010[i])
    return klant, werkg, uit, sorted(no_target)


def rows_csv(rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# Verification: read the files back and recompute (SPEC §2 "Scores")
# ---------------------------------------------------------------------------------------------


def read_scores(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    first = text.splitlines()[0]
    delim = ";" if first.count(";") > first.count(",") else ","
    rd = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    header = next(rd)
    cols = [h.strip() for h in header[1:]]
    assert header[0].strip() == "werkplein", path
    assert sorted(c for c in cols if c != "bijgewerkt") == sorted(MIJL_IDS), (path, cols)
    out = {}
    dates = {}
    for rec in rd:
        if not rec:
            continue
        row = [None] * NM
        for c, cell in zip(cols, rec[1:]):
            cell = cell.strip()
            if c == "bijgewerkt":
                dates[rec[0].strip()] = cell
            elif cell:
                v = int(cell)
                assert v in VAL, (path, rec)
                row[MI[c]] = v
        out[rec[0].strip()] = row
    fmt = {"bom": raw.startswith(b"\xef\xbb\xbf"), "delim": delim, "crlf": b"\r\n" in raw,
           "order": [c for c in cols if c != "bijgewerkt"] == MIJL_IDS, "dates": dates}
    return out, fmt


def mean(xs):
    xs = list(xs)
    return sum(xs, Fraction(0)) / len(xs) if xs else None


def band(v, bands):
    i = 0
    for j, b in enumerate(bands):
        if b[2] <= v:
            i = j
    return i


def trunc(v):
    return math.floor(v) if v > 0 else 0


def period_stats(rows):
    per = {}
    for w, row in rows.items():
        rep = [Fraction(x) for x in row if x is not None]
        if not rep:
            continue
        fasen = []
        for f in range(NF):
            fv = [Fraction(row[m]) for m in range(NM) if FASE_OF[m] == f and row[m] is not None]
            fasen.append(mean(fv))
        per[w] = {"total": mean(rep), "fasen": fasen}
    st = {"werkpleinen": per, "n": len(per)}
    st["total_mean"] = mean(p["total"] for p in per.values())
    st["total_bands"] = counts(p["total"] for p in per.values())
    st["fase_means"] = [mean(p["fasen"][f] for p in per.values() if p["fasen"][f] is not None)
                        for f in range(NF)]
    st["fase_bands"] = [counts(p["fasen"][f] for p in per.values() if p["fasen"][f] is not None)
                        for f in range(NF)]
    st["mijl_means"] = [mean(Fraction(r[m]) for r in rows.values() if r[m] is not None)
                        for m in range(NM)]
    st["mijl_bands"] = [counts(Fraction(r[m]) for r in rows.values() if r[m] is not None)
                        for m in range(NM)]
    return st


def counts(values):
    c = [0] * len(BANDEN)
    for v in values:
        c[band(v, BANDEN)] += 1
    return c


class Report:
    def __init__(self):
        self.lines = []
        self.failed = 0
        self.soft_missed = 0

    def check(self, what, target, achieved, ok, hard=True):
        status = "ok" if ok else ("FAIL" if hard else "miss (soft)")
        if not ok:
            if hard:
                self.failed += 1
            else:
                self.soft_missed += 1
        self.lines.append((what, str(target), str(achieved), status))

    def print(self):
        w0 = max(len(x[0]) for x in self.lines)
        w1 = max(len(x[1]) for x in self.lines)
        w2 = max(len(x[2]) for x in self.lines)
        print(f"{'target':<{w0}}  {'wanted':<{w1}}  {'achieved':<{w2}}  status")
        print("-" * (w0 + w1 + w2 + 14))
        for a, b, c, d in self.lines:
            print(f"{a:<{w0}}  {b:<{w1}}  {c:<{w2}}  {d}")


def fmt_counts(c):
    return "/".join(str(x) for x in c)


def verify(root, wps):
    rep = Report()
    ids = [w["id"] for w in wps]
    idset = set(ids)
    stats, rows_by = {}, {}
    prev_total = {}
    trend_by = {}
    for pid, naam, _, _ in PERIODEN:
        path = root / "data" / "landkaart" / f"{pid}.csv"
        rows, fmt = read_scores(path)
        unknown = sorted(set(rows) - idset)
        rep.check(f"{pid}: werkplein ids known", "all", "all" if not unknown else unknown, not unknown)
        st = period_stats(rows)
        stats[pid], rows_by[pid] = st, rows
        tr = {}
        for w, p in st["werkpleinen"].items():
            if w not in prev_total:
                tr[w] = "nieuw"
            elif p["total"] > prev_total[w]:
                tr[w] = "vooruit"
            elif p["total"] < prev_total[w]:
                tr[w] = "achteruit"
            else:
                tr[w] = "gelijk"
        trend_by[pid] = tr
        for w, p in st["werkpleinen"].items():
            prev_total[w] = p["total"]
        stats[pid]["fmt"] = fmt

    # formats
    fmts = {pid: stats[pid]["fmt"] for pid in stats}
    semi = [p for p, f in fmts.items() if f["delim"] == ";" and f["bom"] and f["crlf"]]
    rep.check("a ';' file with BOM and CRLF", ">= 1", ",".join(semi) or "none", bool(semi))
    reordered = [p for p, f in fmts.items() if not f["order"]]
    rep.check("a file with another column order", ">= 1", ",".join(reordered) or "none", bool(reordered))
    others_ok = all(f["delim"] == "," and not f["crlf"] and not f["bom"]
                    for p, f in fmts.items() if p not in semi)
    rep.check("other files ',' and LF", "yes", "yes" if others_ok else "no", others_ok)

    # 2009-t2 tables
    st = stats["2009-t2"]
    rows = rows_by["2009-t2"]
    complete = len(rows) == 125 and all(all(x is not None for x in r) for r in rows.values())
    rep.check("2009-t2: 125 werkpleinen, all 14 mijlpalen", "125 x 14",
              f"{len(rows)} rows, {'complete' if complete else 'gaps'}", complete)
    for m, (cnt, shown) in enumerate(T3_2009T2):
        got = (tuple(st["mijl_bands"][m]), trunc(st["mijl_means"][m]))
        rep.check(f"2009-t2 Tabel 3: {MIJL_IDS[m]}", f"{fmt_counts(cnt)} {shown}%",
                  f"{fmt_counts(got[0])} {got[1]}%", got == (cnt, shown))
    cnt, shown = T2_2009T2_TOTAL
    got = (tuple(st["total_bands"]), trunc(st["total_mean"]))
    rep.check("2009-t2 Tabel 2: totaal", f"{fmt_counts(cnt)} {shown}%",
              f"{fmt_counts(got[0])} {got[1]}%", got == (cnt, shown))
    for f, (cnt, shown) in enumerate(T2_2009T2_FASEN):
        got = (tuple(st["fase_bands"][f]), trunc(st["fase_means"][f]))
        rep.check(f"2009-t2 Tabel 2: {FASE_IDS[f]}", f"{fmt_counts(cnt)} {shown}%",
                  f"{fmt_counts(got[0])} {got[1]}%", got == (cnt, shown))
    greens = sorted(w for w, p in st["werkpleinen"].items() if p["total"] == 100)
    rep.check("2009-t2: groen (100 %)", ",".join(sorted(GREENS)), ",".join(greens),
              greens == sorted(GREENS))
    near = sum(1 for p in st["werkpleinen"].values() if 90 <= p["total"] < 100)
    rep.check("2009-t2: bijna groen (90-99 %)", 11, near, near == 11, hard=False)
    trip = [MI["gezamenlijk-marktbewerkingsplan"], MI["dienstverleningsconcept-werkgevers"],
            MI["1-aanspreekpunt-werkgevers"]]
    n_trip = sum(1 for r in rows.values() if all(r[m] == 100 for m in trip))
    rep.check("2009-t2: 100 % on marktbewerking + dv/1-aansp. werkgevers", 28, n_trip,
              n_trip == 28, hard=False)

    # trends 2009-t1 -> 2009-t2
    tr = trend_by["2009-t2"]
    c = {k: sum(1 for v in tr.values() if v == k) for k in ("vooruit", "gelijk", "achteruit", "nieuw")}
    want = dict(TRENDS_2009T2, nieuw=0)
    rep.check("2009-t2 trends vooruit/gelijk/achteruit/nieuw",
              "/".join(str(want[k]) for k in want), "/".join(str(c[k]) for k in want), c == want)
    fell = sorted(w for w, v in tr.items() if v == "achteruit")
    named = sorted(f[1] for f in FALLERS)
    rep.check("2009-t2: the ones that fell are the named 13", "named", "same" if fell == named
              else ",".join(fell), fell == named)
    drops = sorted(float(stats["2009-t1"]["werkpleinen"][w]["total"] - st["werkpleinen"][w]["total"])
                   for w in fell)
    small = [d for d in drops if 2 <= d <= 8]
    bigd = [d for d in drops if 14 <= d < 15]
    ok = len(small) == len(drops) - 1 and len(bigd) == 1
    rep.check("2009-t2: drops 2..8 points, one of 14", "12 in 2..8, 1 in 14",
              " ".join(f"{d:.1f}" for d in drops), ok)
    cross = sum(1 for w, v in tr.items() if v == "vooruit"
                and band(st["werkpleinen"][w]["total"], BANDEN) == 2
                and band(stats["2009-t1"]["werkpleinen"][w]["total"], BANDEN) < 2)
    rep.check("2009-t2: grown into 66-99 %", 10, cross, cross == 10, hard=False)
    g1 = sorted(w for w, p in stats["2009-t1"]["werkpleinen"].items() if p["total"] == 100)
    rep.check("2009-t1: same four groen", ",".join(sorted(GREENS)), ",".join(g1),
              g1 == sorted(GREENS), hard=False)

    # history
    for pid, _, _, _ in PERIODEN:
        s = stats[pid]
        rep.check(f"{pid}: national average (truncated)", f"{HISTORY[pid]}%",
                  f"{trunc(s['total_mean'])}% ({float(s['total_mean']):.2f}, n={s['n']})",
                  trunc(s["total_mean"]) == HISTORY[pid])
    for pid, _, _, _ in PERIODEN:
        rep.check(f"{pid}: werkpleinen reporting", REPORTING[pid], stats[pid]["n"],
                  stats[pid]["n"] == REPORTING[pid], hard=False)

    # 2008-t1 tables (seed 001)
    s1 = stats["2008-t1"]
    got = (tuple(s1["total_bands"]), trunc(s1["total_mean"]))
    rep.check("2008-t1 Tabel 4: totaal", f"{fmt_counts(T1_TOTAL[0])} {T1_TOTAL[1]}%",
              f"{fmt_counts(got[0])} {got[1]}%", got == T1_TOTAL, hard=False)
    for f, (cnt, shown) in enumerate(T1_FASEN):
        got = (tuple(s1["fase_bands"][f]), trunc(s1["fase_means"][f]))
        rep.check(f"2008-t1 Tabel 4: {FASE_IDS[f]}", f"{fmt_counts(cnt)} {shown}%",
                  f"{fmt_counts(got[0])} {got[1]}%", got == (cnt, shown), hard=False)
    for mid, cnt in T1_MIJL.items():
        got = tuple(s1["mijl_bands"][MI[mid]])
        rep.check(f"2008-t1 Tabel 2: {mid}", fmt_counts(cnt), fmt_counts(got), got == cnt, hard=False)

    # realism: trends per transition
    for pid, _, _, _ in PERIODEN[1:]:
        tr = trend_by[pid]
        c = {k: sum(1 for v in tr.values() if v == k) for k in ("vooruit", "gelijk", "achteruit", "nieuw")}
        rep.check(f"{pid}: trends (info)", "mostly vooruit/gelijk",
                  "/".join(f"{k} {c[k]}" for k in c), c["achteruit"] <= 15, hard=False)

    # resultaten
    rdir = root / "data" / "resultaten"
    with open(rdir / "klanttevredenheid.csv", encoding="utf-8", newline="") as f:
        kt = list(csv.DictReader(f))
    per = {}
    for r in kt:
        per.setdefault(r["werkplein"], []).append(r["meting"])
    ok = sorted(per) == sorted(ids) and all(
        [m for m in sorted(v) if m.startswith("2010")] == ["2010-1", "2010-2", "2010-3"] for v in per.values())
    rep.check("klanttevredenheid: 3 metingen 2010 per werkplein", f"{len(ids)} x 3", f"{len(per)} werkpleinen", ok)
    n2009 = sum(1 for r in kt if r["meting"].startswith("2009"))
    rep.check("klanttevredenheid: metingen 2009", "2 per werkplein, a few missed", n2009,
              2 * len(ids) - 10 <= n2009 < 2 * len(ids))
    m2009 = [float(r["rapportcijfer"]) for r in kt if r["meting"] == "2009-1"]
    avg2009 = sum(m2009) / len(m2009)
    rep.check("klanttevredenheid: national mean 2009-1 (seed 000: 6,8)", "6.75-6.85", f"{avg2009:.3f}",
              6.75 <= avg2009 < 6.85)
    prin = [r[p] for r in kt for p, _ in KLANTPRINCIPES]
    ok = all(c == "" or (re.fullmatch(r"\d\.\d", c) and 4.5 <= float(c) <= 9.5) for c in prin)
    rep.check("klanttevredenheid: klantprincipes 4.5-9.5, 1 decimal, few empty", "yes",
              f"{sum(1 for c in prin if c == '')} empty of {len(prin)}", ok and prin.count("") < len(prin) // 20)
    yaml_text = (root / "data" / "resultaten.yaml").read_text(encoding="utf-8")
    declared = re.findall(r"^\s+- id: (\S+)", yaml_text, re.M)
    ok = declared == [p for p, _ in KLANTPRINCIPES] + WERKGEVERSPRINCIPES
    rep.check("resultaten.yaml: principle ids match the CSV columns", "yes", "yes" if ok else declared, ok)
    kt = [r for r in kt if r["meting"].startswith("2010")]
    cij = [float(r["rapportcijfer"]) for r in kt]
    ok = all(5.8 <= c <= 8.2 and re.fullmatch(r"\d\.\d", r["rapportcijfer"]) for c, r in zip(cij, kt))
    rep.check("klanttevredenheid: rapportcijfer 5.8-8.2, 1 decimal", "5.8-8.2",
              f"{min(cij):.1f}-{max(cij):.1f}", ok)
    avg = sum(cij) / len(cij)
    rep.check("klanttevredenheid: national mean", "6.9-7.1", f"{avg:.3f}", 6.9 <= avg <= 7.1)
    tot5 = {w: float(p["total"]) for w, p in st["werkpleinen"].items()}
    by_w = {}
    for r in kt:
        by_w.setdefault(r["werkplein"], []).append(float(r["rapportcijfer"]))
    corr = pearson([tot5[w] for w in ids], [sum(by_w[w]) / 3 for w in ids])
    rep.check("klanttevredenheid: correlation with Landkaart total", "0.1-0.6", f"{corr:.2f}",
              0.1 <= corr <= 0.6, hard=False)
    with open(rdir / "werkgeverstevredenheid.csv", encoding="utf-8", newline="") as f:
        wg = list(csv.DictReader(f))
    vals = [int(r[k]) for r in wg for k in ("betrouwbaarheid", "professionaliteit", "daadkracht",
                                            "toegankelijkheid", "flexibiliteit")]
    ok = (sorted(r["werkplein"] for r in wg if r["meting"] == "2010") == sorted(ids)
          and sorted(r["werkplein"] for r in wg if r["meting"] == "2009") == sorted(ids))
    rep.check("werkgeverstevredenheid: one 2009 and one 2010 row per werkplein", 2 * len(ids), len(wg), ok)
    rep.check("werkgeverstevredenheid: % 40-95", "40-95", f"{min(vals)}-{max(vals)}",
              all(40 <= v <= 95 for v in vals))
    with open(rdir / "uitstroom.csv", encoding="utf-8", newline="") as f:
        us = list(csv.DictReader(f))
    per = {}
    for r in us:
        per.setdefault(r["werkplein"], []).append(r["maand"])
    months = [f"2010-{m:02d}" for m in range(1, 13)]
    ok = sorted(per) == sorted(ids) and all(v == months for v in per.values())
    rep.check("uitstroom: 2010-01..12 per werkplein", f"{len(ids)} x 12", f"{len(per)} werkpleinen", ok)
    no_t = sorted({r["werkplein"] for r in us if r["streefwaarde"] == ""})
    rep.check("uitstroom: werkpleinen without streefwaarde", "a handful", len(no_t), 1 <= len(no_t) <= 10)
    tot = sum(int(r["uitstroom"]) for r in us)
    rep.check("uitstroom: national total 2010 (info)", "~230k", tot, 150000 <= tot <= 320000, hard=False)
    real = sum(int(r["uitstroom"]) for r in us if r["streefwaarde"])
    target = sum(int(r["streefwaarde"]) for r in us if r["streefwaarde"])
    rep.check("uitstroom: realisation vs streefwaarde (info)", "95-110 %", f"{100 * real / target:.1f} %",
              95 <= 100 * real / target <= 110, hard=False)
    for name in ("klanttevredenheid.csv", "werkgeverstevredenheid.csv", "uitstroom.csv"):
        raw = (rdir / name).read_bytes()
        ok = b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf")
        rep.check(f"{name}: ',' LF, no BOM", "yes", "yes" if ok else "no", ok)
    verify_uitvraag(root, ids, stats, rows_by, rep)
    return rep, stats, trend_by


def share(count, n):
    """SPEC §5.1: a band's share, rounded to a whole percentage, halves up."""
    return (200 * count + n) // (2 * n) if n else 0


def verify_uitvraag(root, ids, stats, rows_by, rep):
    """The 2nd edition's data: shares as printed, bijgewerkt in 2009-t2, the 2009-t3 reports."""
    st = stats["2009-t2"]
    n = st["n"]
    got = [share(c, n) for c in st["total_bands"]]
    rep.check("2009-t2 Tabel 2: totaal shares (rounded)", "6/35/56/3", fmt_counts(got), got == [6, 35, 56, 3])
    dates = st["fmt"]["dates"]
    rep.check("2009-t2: bijgewerkt for every werkplein", len(ids), len(dates), len(dates) == len(ids))
    late = sum(1 for d in dates.values() if "2009-07-15" <= d <= "2009-08-31")
    before_april = sum(1 for d in dates.values() if d < "2009-04-01")
    stale = sorted(w for w, d in dates.items() if d < "2009-05-01")
    rep.check("2009-t2: updated 15 July - 31 Aug (seed: 90)", T2_UPDATED_LATE, late, late == T2_UPDATED_LATE)
    rep.check("2009-t2: last update before April (seed: 9)", T2_BEFORE_APRIL, before_april,
              before_april == T2_BEFORE_APRIL)
    carried = all(rows_by["2009-t1"].get(w) == rows_by["2009-t2"][w] for w in stale)
    rep.check("2009-t2: niet geactualiseerd = answers as in 2009-t1", len(stale),
              "same" if carried else "changed", carried)
    t3_dir = root / "data" / "landkaart" / T3[0]
    files = sorted(t3_dir.glob("*.csv")) if t3_dir.is_dir() else []
    ok_files = True
    t3 = {}
    t3_dates = {}
    for f in files:
        rows, fmt = read_scores(f)
        ok_files &= list(rows) == [f.stem]
        t3.update(rows)
        t3_dates.update(fmt["dates"])
    absent = len(ids) - len(t3)
    rep.check("2009-t3: report files, one row named after the file", f"{len(ids) - T3_ABSENT}",
              f"{len(files)} {'ok' if ok_files else 'BAD'}", ok_files and absent == T3_ABSENT)
    stale3 = sorted(w for w, d in t3_dates.items() if d < T3[2])
    carried = all(t3[w] == rows_by["2009-t2"][w] for w in stale3)
    rep.check("2009-t3: answers carried over (bijgewerkt before 1 Sep)", T3_STALE,
              f"{len(stale3)}, {'as in 2009-t2' if carried else 'changed'}",
              len(stale3) == T3_STALE and carried)
    st3 = period_stats(t3)
    rep.check("2009-t3: national average (info)", "> 67%", f"{trunc(st3['total_mean'])}%",
              trunc(st3["total_mean"]) > 67, hard=False)


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


# ---------------------------------------------------------------------------------------------


def generate(root, wps):
    ids = [w["id"] for w in wps]
    for g in GREENS + [f[1] for f in FALLERS]:
        assert g in ids, f"unknown werkplein id {g}"
    W = len(ids)
    assert W == 125, W

    t5, latent = build_2009t2(ids, random.Random(f"{SEED}-2009-t2"))
    t4, _risers, big = build_2009t1(ids, t5, random.Random(f"{SEED}-2009-t1"))
    rng1 = random.Random(f"{SEED}-2008-t1")
    pool = [w for w in range(W) if ids[w] not in GREENS and ids[w] not in dict(FALLERS).values()]
    missing_t1 = rng1.choice(pool)
    rows_t1 = [w for w in range(W) if w != missing_t1]
    g1 = build_2008t1(rows_t1, t4, latent, rng1)
    t1 = {w: g1[i] for i, w in enumerate(rows_t1)}
    p2, p3, info = build_middle(ids, t1, t4, random.Random(f"{SEED}-2008-mid"))

    by_id = sorted(range(W), key=lambda w: ids[w])
    by_name = sorted(range(W), key=lambda w: wps[w]["naam"].lower())
    shuffled_cols = list(range(NM))
    random.Random(f"{SEED}-cols").shuffle(shuffled_cols)
    std = list(range(NM))
    files = {
        # a spreadsheet export: ';' separated, BOM, CRLF, rows by name
        "2008-t1": score_csv(t1, ids, std, ";", True, "\r\n", by_name),
        "2008-t2": score_csv(p2, ids, std, ",", False, "\n", by_id),
        # columns in another order
        "2008-t3": score_csv(p3, ids, shuffled_cols, ",", False, "\n", by_id),
        "2009-t1": score_csv(dict(enumerate(t4)), ids, std, ",", False, "\n", by_id),
        # rows in werkpleinen.yaml order, with the date of each werkplein's last update
        "2009-t2": score_csv(dict(enumerate(t5)), ids, std, ",", False, "\n", list(range(W)),
                             bijgewerkt_2009t2(ids, t4, t5, random.Random(f"{SEED}-2009-t2-dates"))),
    }
    t3_rows, t3_dates, t3_absent, t3_stale = build_2009t3(ids, t5, random.Random(f"{SEED}-2009-t3"))
    write(root / "data" / "landkaart.yaml", landkaart_yaml())
    for pid, text in files.items():
        write(root / "data" / "landkaart" / f"{pid}.csv", text)
    t3_dir = root / "data" / "landkaart" / T3[0]
    if t3_dir.is_dir():
        for old in t3_dir.glob("*.csv"):
            old.unlink()
    for n, (w, row) in enumerate(sorted(t3_rows.items(), key=lambda x: ids[x[0]])):
        # every 20th as a spreadsheet would save it: ';', BOM, CRLF
        excel = n % 20 == 7
        write(t3_dir / f"{ids[w]}.csv",
              score_csv({w: row}, ids, list(range(NM)), ";" if excel else ",", excel,
                        "\r\n" if excel else "\n", [w], {w: t3_dates[w]}))

    totals5 = {ids[w]: row_sum(t5[w]) / NM for w in range(W)}
    klant, werkg, uit, no_target = build_resultaten(wps, totals5, random.Random(f"{SEED}-resultaten"))
    write(root / "data" / "resultaten" / "klanttevredenheid.csv", rows_csv(klant))
    write(root / "data" / "resultaten" / "werkgeverstevredenheid.csv", rows_csv(werkg))
    write(root / "data" / "resultaten" / "uitstroom.csv", rows_csv(uit))

    print("generated:")
    print(f"  2008-t1 missing: {ids[missing_t1]} (joins in 2008-t2)")
    print(f"  2008-t2 not reporting: {', '.join(ids[w] for w in info['absent'][1])}")
    print(f"  2008-t3 not reporting: {', '.join(ids[w] for w in info['absent'][2])}")
    for p, pid in ((1, "2008-t2"), (2, "2008-t3")):
        print(f"  {pid} empty cells: " + ", ".join(f"{ids[w]}/{MIJL_IDS[m]}" for w, m in info["empty"][p]))
        print(f"  {pid} dips: " + ", ".join(f"{ids[w]}/{MIJL_IDS[m]}" for w, m in info["dips"][p]))
    print(f"  2009-t2 fall of ~14 points: {ids[big]}")
    print(f"  2009-t3 not reporting: {', '.join(ids[w] for w in t3_absent)}")
    print(f"  2009-t3 answers carried over: {', '.join(ids[w] for w in t3_stale)}")
    print(f"  no streefwaarde: {', '.join(no_target)}")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[2]),
                    help="site folder (default: the repository root)")
    ap.add_argument("--check", action="store_true", help="only verify the files on disk")
    args = ap.parse_args()
    root = Path(args.root)
    wps = read_werkpleinen(root / "data" / "werkpleinen.yaml")
    if not args.check:
        generate(root, wps)
    rep, stats, _ = verify(root, wps)
    rep.print()
    print()
    print("national average per period (unrounded) and werkpleinen reporting:")
    for pid, naam, _, _ in PERIODEN:
        s = stats[pid]
        print(f"  {pid}  {float(s['total_mean']):.4f}  n={s['n']}")
    print()
    if rep.failed:
        print(f"{rep.failed} hard target(s) missed", file=sys.stderr)
        return 1
    print(f"all hard targets met ({rep.soft_missed} soft target(s) missed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
