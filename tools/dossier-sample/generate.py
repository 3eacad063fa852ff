#!/usr/bin/env python3
"""Writes the sample data of the werkplein's records (issue 13) and checks it against the seeds.

- data/bvg.csv: the BVG-monitor, every status change of the 125 werkpleinen from 2006 to 2010;
- data/criteria/2010-k1.csv, 2010-k2.csv: two metingen of the six Werkplein criteria;
- static/bestanden/**.pdf: a few tiny, valid PDF files for data/documenten.yaml.

Python 3 standard library only; fixed seeds, so every run gives the same bytes.

    python3 tools/dossier-sample/generate.py            # write, then verify
    python3 tools/dossier-sample/generate.py --check    # only verify the files on disk
    python3 tools/dossier-sample/generate.py --root DIR # another site folder

What the BVG data reproduces (seed 001 §4.3, seed 000 §5.5): see README.md next to this file.
"""

import argparse
import csv
import datetime as dt
import io
import os
import random
import re
import sys

STATUSES = ["geen-plan", "plannen", "in-aanbouw", "tijdelijk", "in-gebruik"]
EISEN = [
    "logo-op-de-gevel", "gezamenlijke-balie", "werkcoaches-samen",
    "aanspreekpunt-werkzoekenden", "aanspreekpunt-werkgevers", "inzet-op-competenties",
    "werkpleinjaarplan", "een-managementteam",
    "inzet-op-klantkenmerken",
    "centrumgemeente-en-uwv", "omliggende-gemeenten",
    "wederzijdse-middelen",
]
# The two BVG's taken into use in the 1st quarter of 2008 (seed 001 §4.3).
Q1_2008_OPENED = [("amsterdam-oost", "2008-01-21"), ("den-haag-noord", "2008-03-10")]


def werkplein_ids(root):
    text = open(os.path.join(root, "data/werkpleinen.yaml"), encoding="utf-8").read()
    return re.findall(r"^- id: ([a-z0-9-]+)\s*$", text, re.M)


def day_in(rng, start, end):
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return (a + dt.timedelta(days=rng.randrange((b - a).days + 1))).isoformat()


def bvg_rows(ids):
    """Every status change: (werkplein, datum, status)."""
    rng = random.Random(2008)
    named = [w for w, _ in Q1_2008_OPENED]
    others = [w for w in ids if w not in named]
    rng.shuffle(others)
    take = lambda n: [others.pop() for _ in range(n)]
    rows = []
    base = "2006-03-31"  # the first monitor of the sample

    # Groups by their path; the sizes give the seed's figures (see README.md).
    in_use_2006 = take(45)                    # in use from the start
    temp_2006 = take(10)                      # temporary from the start
    building_2006 = take(25)                  # building in 2006
    planning_2006 = take(28)                  # planning in 2006 (and the two named ones)
    no_plan_2006 = take(15)                   # no plan in 2006 (seed: 15 two years before 2008)
    assert not others

    for w in in_use_2006:
        rows.append((w, base, "in-gebruik"))
    for w in temp_2006:
        rows.append((w, base, "tijdelijk"))
    for w in building_2006:
        rows.append((w, base, "in-aanbouw"))
    for w in planning_2006:
        rows.append((w, base, "plannen"))
    for w in no_plan_2006:
        rows.append((w, base, "geen-plan"))
    # The two named werkpleinen were building in 2006 and open in Q1 2008.
    for w, opened in Q1_2008_OPENED:
        rows.append((w, base, "plannen"))
        rows.append((w, day_in(rng, "2006-06-01", "2006-12-31"), "in-aanbouw"))
        rows.append((w, opened, "in-gebruik"))

    # 2006-2007: 10 of the 15 without a plan start planning; of the 38 plans 23 become building
    # sites and 2 move in temporarily; the 25 buildings of 2006 are taken into use before 2008.
    starters = no_plan_2006[:10]
    for w in starters:
        rows.append((w, day_in(rng, "2006-04-01", "2007-06-30"), "plannen"))
    planners = planning_2006 + starters  # 38
    rng.shuffle(planners)
    to_build, to_temp, still_planning = planners[:23], planners[23:25], planners[25:]
    for w in to_build:
        rows.append((w, day_in(rng, "2007-07-01", "2007-12-31"), "in-aanbouw"))
    for w in to_temp:
        rows.append((w, day_in(rng, "2007-07-01", "2007-12-31"), "tijdelijk"))
    opened = list(building_2006)  # 25, all opened in 2006-2007
    for w in opened:
        rows.append((w, day_in(rng, "2006-04-01", "2007-12-31"), "in-gebruik"))
    # At the end of Q1 2008: in use 45 + 25 + the 2 named = 72, temporary 10 + 2 = 12,
    # building 23, planning 13, no plan 5 (checked in check_bvg).
    building_2008 = list(to_build)
    temp_2008 = temp_2006 + to_temp
    planning_2008 = still_planning

    # After the decision of the WERKbedrijf to take part in 97 werkpleinen in the end (seed
    # 000 §5.5), the plans of 23 more werkpleinen stop: all 13 still planning, 4 building sites
    # and 6 temporary locations; with the 5 without a plan, 28 of 125 have no BVG in the end.
    rng.shuffle(building_2008)
    stopped_building = building_2008[:4]
    rest_building = building_2008[4:]
    rng.shuffle(temp_2008)
    stopped_temp, rest_temp = temp_2008[:6], temp_2008[6:]
    for w in planning_2008 + stopped_building + stopped_temp:
        rows.append((w, day_in(rng, "2009-01-05", "2009-06-30"), "geen-plan"))
    # The other building sites open during 2008-2010; 3 are still building at the end.
    for w in rest_building[:-3]:
        rows.append((w, day_in(rng, "2008-04-01", "2010-03-31"), "in-gebruik"))
    # 2 temporary locations move into their building; 4 stay temporary.
    for w in rest_temp[:2]:
        rows.append((w, day_in(rng, "2008-06-01", "2009-12-31"), "in-gebruik"))
    rows.sort(key=lambda r: (r[1], r[0], STATUSES.index(r[2])))
    return rows


def status_at(rows, date):
    out = {}
    for w, d, s in sorted(rows, key=lambda r: r[1]):
        if d <= date:
            out[w] = s
    return out


def counts(rows, date):
    st = status_at(rows, date)
    return {s: sum(1 for v in st.values() if v == s) for s in STATUSES}


def check_bvg(rows, ids):
    problems = []
    q1_2008 = counts(rows, "2008-03-31")
    # Seed 001 §4.3 counted 133 locations: 92 under one roof (12 of them temporary), 23
    # building, 13 planning, 5 without a plan. The sample has 125 werkpleinen: the 8 fewer are
    # taken from "in gebruik" (80 → 72); every other figure is the seed's.
    want = {"in-gebruik": 72, "tijdelijk": 12, "in-aanbouw": 23, "plannen": 13, "geen-plan": 5}
    if q1_2008 != want:
        problems.append(f"1st quarter 2008: {q1_2008}, want {want}")
    q1_2006 = counts(rows, "2006-03-31")
    if q1_2006["geen-plan"] != 15:
        problems.append(f"1st quarter 2006: {q1_2006['geen-plan']} without a plan, want 15")
    opened = [w for w, d, s in rows if s == "in-gebruik" and "2008-01-01" <= d <= "2008-03-31"]
    if sorted(opened) != sorted(w for w, _ in Q1_2008_OPENED):
        problems.append(f"taken into use in Q1 2008: {opened}")
    last = max(d for _, d, _ in rows)
    end = counts(rows, last)
    participating = end["in-gebruik"] + end["tijdelijk"] + end["in-aanbouw"]
    if participating != 97:
        problems.append(f"at the end {participating} werkpleinen with a BVG, want 97")
    if sorted(status_at(rows, last)) != sorted(ids):
        problems.append("not every werkplein has a status")
    # Every werkplein's changes are real changes, at distinct dates.
    per = {}
    for w, d, s in rows:
        per.setdefault(w, []).append((d, s))
    for w, h in per.items():
        h.sort()
        for (d1, s1), (d2, s2) in zip(h, h[1:]):
            if d1 == d2 or s1 == s2:
                problems.append(f"{w}: {d1} {s1} then {d2} {s2}")
    return problems


def landkaart_totals(root):
    path = os.path.join(root, "data/landkaart/2009-t2.csv")
    out = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            w = row.pop("werkplein")
            vals = [int(v) for v in row.values() if v.strip()]
            out[w] = sum(vals) / len(vals) if vals else 50
    return out


# Werkpleinen that shared their ketenjaarplan (data/documenten.yaml) have one joint plan.
WITH_JAARPLAN = {"den-bosch", "groningen"}


def criteria_rows(ids, totals, bvg_end, meting):
    """One meting: werkplein → answers per eis ('ja', 'nee' or '')."""
    rng = random.Random(f"criteria-{meting}")
    later = meting == "2010-k2"
    rows = {}
    for w in ids:
        # The first meting missed a few werkpleinen.
        if not later and rng.random() < 0.06:
            continue
        score = totals.get(w, 50) / 100
        under_roof = bvg_end.get(w) in ("in-gebruik", "tijdelijk")
        answers = []
        for i, eis in enumerate(EISEN):
            p = 0.35 + 0.6 * score + (0.12 if later else 0)
            if eis in ("logo-op-de-gevel", "gezamenlijke-balie", "werkcoaches-samen"):
                p = (0.9 if under_roof else 0.15) + (0.05 if later else 0)
            if eis == "centrumgemeente-en-uwv":
                p = 0.97
            forced = eis == "werkpleinjaarplan" and w in WITH_JAARPLAN
            if forced:
                p = 1.0
            r = rng.random()
            if rng.random() < (0.02 if later else 0.05) and not forced:
                answers.append("")
            else:
                answers.append("ja" if r < p else "nee")
        rows[w] = answers
    return rows


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return path, buf.getvalue().encode("utf-8")


def pdf(title, lines):
    """A one-page PDF 1.4 with a title and lines of text in Helvetica (WinAnsiEncoding)."""

    def esc(s):
        b = s.encode("cp1252")
        return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    stream = b"BT /F1 18 Tf 72 770 Td (" + esc(title) + b") Tj ET\n"
    y = 740
    for line in lines:
        stream += b"BT /F1 11 Tf 72 %d Td (" % y + esc(line) + b") Tj ET\n"
        y -= 16
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Title (" + esc(title) + b") /Producer (svdk tools/dossier-sample) >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


# The sample documents: path under static/, title, lines (written for this sample).
PDFS = [
    ("bestanden/den-bosch/ketenjaarplan-2009.pdf", "Ketenjaarplan 2009 Werkplein 's-Hertogenbosch", [
        "Voorbeelddocument voor de site Samen voor de klant (svdk).",
        "",
        "1. Arbeidsmarkt in de regio Noordoost-Brabant",
        "2. Gezamenlijke doelen voor 2009: meer uitstroom naar werk, hogere klanttevredenheid",
        "3. Afspraken over de inzet van werkcoaches van UWV WERKbedrijf en gemeente",
        "4. Planning en verantwoording per tertaal",
    ]),
    ("bestanden/den-bosch/marktbewerkingsplan-2009.pdf", "Marktbewerkingsplan 2009 Werkplein 's-Hertogenbosch", [
        "Voorbeelddocument voor de site Samen voor de klant (svdk).",
        "",
        "Welke sectoren vragen personeel, welke werkgevers benaderen we samen,",
        "en wie is voor elke werkgever het ene aanspreekpunt?",
    ]),
    ("bestanden/eindhoven/dienstverleningsconcept.pdf", "Dienstverleningsconcept Werkplein Eindhoven", [
        "Voorbeelddocument voor de site Samen voor de klant (svdk).",
        "",
        "De Werkstraat: een klant meldt zich bij de gezamenlijke balie, krijgt een diagnose",
        "aan de kop van het proces en houdt daarna één vaste contactpersoon.",
    ]),
    ("bestanden/groningen/ketenjaarplan-2010.pdf", "Werkpleinjaarplan 2010 Werkplein Groningen", [
        "Voorbeelddocument voor de site Samen voor de klant (svdk).",
        "",
        "Eén jaarplan voor UWV WERKbedrijf en de gemeenten Groningen, Haren en Ten Boer,",
        "gebaseerd op een gedeelde analyse van de arbeidsmarkt.",
    ]),
    ("bestanden/handreiking-ketenjaarplan.pdf", "Handreiking: een lokaal ketenjaarplan opstellen", [
        "Voorbeelddocument voor de site Samen voor de klant (svdk).",
        "",
        "Hoe bewerken we samen de arbeidsmarkt, en welke prestaties op de indicatoren",
        "willen we met integrale dienstverlening bereiken? Met een format voor het plan.",
    ]),
]


def files(root):
    ids = werkplein_ids(root)
    out = []
    rows = bvg_rows(ids)
    problems = check_bvg(rows, ids)
    out.append(write_csv("data/bvg.csv", ["werkplein", "datum", "status"], rows))
    last = max(d for _, d, _ in rows)
    end = status_at(rows, last)
    totals = landkaart_totals(root)
    for meting in ["2010-k1", "2010-k2"]:
        answers = criteria_rows(ids, totals, end, meting)
        out.append(write_csv(
            f"data/criteria/{meting}.csv",
            ["werkplein"] + EISEN,
            [[w] + a for w, a in answers.items()],
        ))
    for path, title, lines in PDFS:
        out.append(("static/" + path, pdf(title, lines)))
    return out, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    out, problems = files(args.root)
    for path, data in out:
        full = os.path.join(args.root, path)
        if args.check:
            try:
                same = open(full, "rb").read() == data
            except FileNotFoundError:
                same = False
            if not same:
                problems.append(f"{path} differs from what the generator writes")
        else:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(data)
    for p in problems:
        print("problem:", p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"{'checked' if args.check else 'wrote'} {len(out)} files; the figures match the seeds")


if __name__ == "__main__":
    main()
