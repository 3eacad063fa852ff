//! The second edition of the Landkaart (SPEC §5.1–5.3): the sample's 2nd tertaal 2009 against
//! the published AKO tables, the uitvraag's report files (merged, and every planted mistake
//! reported), who did not report or update, the comparison and "Leer van" on a werkplein page.

use crate::prelude::*;

/// Seed 000 (AKO tertaalrapportage 2e tertaal 2009), as printed: gemiddelde, then per band
/// (count, share %). `None` where the report prints no share or a misprint (see below).
type Published = (u32, [(u32, Option<u32>); 4]);

/// Tabel 2: the totals row, then the six fasen.
const TABEL_2: [(&str, Published); 7] = [
    (
        "Totaal",
        (
            67,
            [(7, Some(6)), (44, Some(35)), (70, Some(56)), (4, Some(3))],
        ),
    ),
    // The report leaves the share of a 0 count blank here.
    (
        "Samenwerking starten",
        (
            95,
            [(0, None), (2, Some(2)), (11, Some(9)), (112, Some(90))],
        ),
    ),
    (
        "Visie ontwikkelen",
        (
            82,
            [(3, Some(2)), (12, Some(10)), (56, Some(45)), (54, Some(43))],
        ),
    ),
    (
        "Ketenjaarplan maken",
        (
            74,
            [(9, Some(7)), (19, Some(15)), (31, Some(25)), (66, Some(53))],
        ),
    ),
    (
        "Betrokkenheid creëren",
        (
            67,
            [(8, Some(6)), (37, Some(30)), (60, Some(48)), (20, Some(16))],
        ),
    ),
    (
        "Realiseren",
        (
            61,
            [(9, Some(7)), (55, Some(44)), (56, Some(45)), (5, Some(4))],
        ),
    ),
    (
        "Borgen",
        (
            44,
            [
                (22, Some(18)),
                (52, Some(42)),
                (37, Some(30)),
                (14, Some(11)),
            ],
        ),
    ),
];

/// Tabel 3: the 14 mijlpalen in landkaart.yaml order.
const TABEL_3: [Published; 14] = [
    // Printed as "0 2%": a count of 0 cannot be 2 % of 125; the share is a misprint.
    (
        95,
        [(0, None), (2, Some(2)), (11, Some(9)), (112, Some(90))],
    ),
    (
        92,
        [(2, Some(2)), (4, Some(3)), (14, Some(11)), (105, Some(84))],
    ),
    (
        73,
        [(7, Some(6)), (19, Some(15)), (41, Some(33)), (58, Some(46))],
    ),
    (
        74,
        [(9, Some(7)), (19, Some(15)), (31, Some(25)), (66, Some(53))],
    ),
    (
        64,
        [
            (11, Some(9)),
            (28, Some(22)),
            (42, Some(34)),
            (44, Some(35)),
        ],
    ),
    (
        66,
        [(8, Some(6)), (31, Some(25)), (38, Some(30)), (48, Some(38))],
    ),
    (
        72,
        [(3, Some(2)), (30, Some(24)), (35, Some(28)), (57, Some(46))],
    ),
    (
        57,
        [
            (23, Some(18)),
            (27, Some(22)),
            (36, Some(29)),
            (39, Some(31)),
        ],
    ),
    (
        76,
        [(7, Some(6)), (12, Some(10)), (44, Some(35)), (62, Some(50))],
    ),
    (
        85,
        [(2, Some(2)), (7, Some(6)), (33, Some(26)), (83, Some(66))],
    ),
    (
        49,
        [
            (24, Some(19)),
            (36, Some(29)),
            (44, Some(35)),
            (21, Some(17)),
        ],
    ),
    (
        54,
        [
            (13, Some(10)),
            (41, Some(33)),
            (48, Some(38)),
            (23, Some(18)),
        ],
    ),
    (
        45,
        [
            (26, Some(21)),
            (42, Some(34)),
            (42, Some(34)),
            (15, Some(12)),
        ],
    ),
    (
        44,
        [
            (22, Some(18)),
            (52, Some(42)),
            (37, Some(30)),
            (14, Some(11)),
        ],
    ),
];

/// The cells of a distribution row as the page shows them: mean, then (count, share) per band.
fn cells(row: &str) -> (u32, Vec<(u32, u32)>) {
    let num = |s: &str| {
        s.trim()
            .parse::<u32>()
            .unwrap_or_else(|_| panic!("number in {s:?}"))
    };
    let tds: Vec<&str> = row
        .split("<td>")
        .skip(1)
        .map(|c| c.split("</td>").next().unwrap())
        .collect();
    // A mijlpaal row starts with its fase (a <td>) before the name (<th>).
    let tds = if tds.len() == 6 { &tds[1..] } else { &tds[..] };
    let mean = num(tds[0].trim_end_matches("&nbsp;%"));
    let bands = tds[1..]
        .iter()
        .map(|c| {
            let (count, rest) = c.split_once(" <span class=\"aandeel\">(").unwrap();
            (num(count), num(rest.split("&nbsp;%").next().unwrap()))
        })
        .collect();
    (mean, bands)
}

fn rows_of(page: &str, table_marker: &str) -> Vec<String> {
    let start = page.find(table_marker).expect(table_marker);
    let table = &page[start..start + page[start..].find("</table>").unwrap()];
    table
        .split("<tr")
        .filter(|r| r.contains("<td>"))
        .map(str::to_string)
        .collect()
}

fn check_row(what: &str, got: (u32, Vec<(u32, u32)>), want: &Published) {
    assert_eq!(got.0, want.0, "{what}: gemiddelde");
    for (b, (&(count, share), &(pc, ps))) in got.1.iter().zip(&want.1).enumerate() {
        assert_eq!(count, pc, "{what}: count in band {b}");
        match ps {
            Some(ps) => assert_eq!(share, ps, "{what}: share in band {b}"),
            // Where the report prints nothing or a misprint, the count is 0: so is the share.
            None => assert_eq!((count, share), (0, 0), "{what}: band {b}"),
        }
    }
}

#[test]
fn sample_2nd_tertaal_2009_reproduces_tabel_2_and_3_to_the_digit() {
    let b = sample_build();
    b.run.assert_success();
    let page = read_out(&b.out, "landkaart/2009-t2/index.html");
    let fasen = rows_of(&page, "<caption>Scoreverdeling per fase,");
    assert_eq!(fasen.len(), 7);
    for (row, (naam, want)) in fasen.iter().zip(&TABEL_2) {
        assert!(
            row.contains(&format!("<th scope=\"row\">{naam}</th>")),
            "{naam}"
        );
        check_row(naam, cells(row), want);
    }
    let mijlpalen = rows_of(&page, "<caption>Scoreverdeling per mijlpaal,");
    assert_eq!(mijlpalen.len(), 14);
    for (m, (row, want)) in mijlpalen.iter().zip(&TABEL_3).enumerate() {
        check_row(&format!("mijlpaal {}", m + 1), cells(row), want);
    }
    // Seed 000 §5.1: the 13 that fell back did so by 2 to 8 points, one by 14 (shown −14).
    let csv = read_out(&b.out, "landkaart/2009-t2/werkpleinen.csv");
    let mut falls: Vec<i64> = csv
        .lines()
        .skip(1)
        .filter(|l| l.contains(",achteruit,"))
        .map(|l| l.rsplit(',').next().unwrap().parse().unwrap())
        .collect();
    falls.sort();
    assert_eq!(falls.len(), 13);
    assert_eq!(falls[0], -14, "{falls:?}");
    assert!(
        falls[1..].iter().all(|f| (-8..=-2).contains(f)),
        "{falls:?}"
    );
    // The 3rd tertaal 2009 is made of report files: 118 reported, 7 did not, 5 carried over.
    let t3 = read_out(&b.out, "landkaart/2009-t3/index.html");
    assert!(t3.contains(r#"<h3 id="lk--niet-gerapporteerd">Niet gerapporteerd (7)</h3>"#));
    assert!(t3.contains(r#"<h3 id="lk--niet-bijgewerkt">Niet geactualiseerd (5)</h3>"#));
    assert!(t3.contains("rapporteerden 118 werkpleinen"));
    let groepen = read_out(&b.out, "landkaart/groepen.csv");
    assert!(groepen.starts_with("periode,naam,achterblijvers,middengroep,kopgroep,werkpleinen\n"));
    assert!(
        groepen.contains("\n2009-t2,2e tertaal 2009,26,60,39,125\n"),
        "{groepen}"
    );
    assert_eq!(groepen.lines().count(), 7);
}

/// The landkaart fixture plus a thema, a practice, thema's on m1 and m2, an actie for the
/// middengroep, and B's 2009-t2 answers as a report file last updated before the period.
fn learning_site() -> Site {
    let site = fixture_site("landkaart");
    let yaml = read(&site.root().join("data/landkaart.yaml"))
        .replace(
            "        naam: Mijlpaal een\n",
            "        naam: Mijlpaal een\n        themas: [samen]\n",
        )
        .replace(
            "        naam: Mijlpaal twee\n",
            "        naam: Mijlpaal twee\n        themas: [samen]\n",
        )
        .replace(
            "  - { id: middengroep, naam: Middengroep, van: 50, tot: 79 }",
            "  - { id: middengroep, naam: Middengroep, van: 50, tot: 79, actie: Stimuleren, toelichting: \"Van elkaar leren.\" }",
        );
    site.write("data/landkaart.yaml", &yaml);
    site.write(
        "content/themas/samen.md",
        "---\ntitle: Samenwerken\n---\nTekst.\n",
    );
    site.write(
        "content/praktijkvoorbeelden/ketenoverleg.md",
        "---\ntitle: Ketenoverleg in Bee\ndate: 2009-06-01\nwerkplein: b\nthemas: [samen]\nsamenvatting: Zo.\n---\n## Situatieschets\nx\n## Gekozen oplossing\nx\n## Resultaat\nx\n## Wat maakt dat het werkt?\nx\n",
    );
    site.write(
        "data/landkaart/2009-t2/b.csv",
        "werkplein,m1,m2,m3,bijgewerkt\nb,100,100,100,2009-03-02\n",
    );
    site
}

#[test]
fn report_files_join_the_period_and_the_werkplein_page_compares_and_names_who_to_learn_from() {
    let site = learning_site();
    let out = site.sibling("out");
    let run = build(&site.root(), &out, &[]);
    run.assert_success();
    assert!(run.warnings().is_empty(), "{}", run.describe());

    // B's report file joined 2009-t2: 4 werkpleinen, B counted, but not updated this period.
    let page = read_out(&out, "landkaart/2009-t2/index.html");
    assert!(page.contains("rapporteerden 4 werkpleinen"));
    assert!(page.contains(r#"<h3 id="lk--niet-gerapporteerd">Niet gerapporteerd (0)</h3>"#));
    assert!(page.contains(r#"<h3 id="lk--niet-bijgewerkt">Niet geactualiseerd (1)</h3>"#));
    assert!(page.contains(
        "Werkplein B</a> <span class=\"aantal\">100&nbsp;%, bijgewerkt 2 maart 2009</span>"
    ));
    assert!(page.contains("— Stimuleren</h3>"), "group actie");
    assert!(page.contains("<p>Van elkaar leren.</p>"));
    let csv = read_out(&out, "landkaart/2009-t2/werkpleinen.csv");
    assert!(
        csv.contains("\nb,Werkplein B,100,volledig,kopgroep,gelijk,100,100,0\n"),
        "{csv}"
    );
    let b = read_out(&out, "werkpleinen/b/index.html");
    assert!(b.contains("<strong>Niet geactualiseerd.</strong>"));

    // A (t2: m1 66, m2 33, m3 100) against regio noord (A, B), the middengroep (A, D) and
    // the nation (A, B, C, D). Fase een: A 49.5; regio (49.5 + 100) / 2 = 74.75; group
    // (49.5 + 66) / 2 = 57.75; nation (49.5 + 100 + 33 + 66) / 4 = 62.1.
    let a = read_out(&out, "werkpleinen/a/index.html");
    assert!(
        a.contains(r#"<tr class="groepkop"><th scope="row">Fase een</th><td>49&nbsp;%</td><td>74&nbsp;%</td><td>57&nbsp;%</td><td>62&nbsp;%</td></tr>"#),
        "fase comparison row"
    );
    // Mijlpaal een: A 66, regio 83, group 66, nation 66.25.
    assert!(
        a.contains(r#"<th scope="row" class="ingesprongen">Mijlpaal een</th><td>66&nbsp;%</td><td>83&nbsp;%</td><td>66&nbsp;%</td><td>66&nbsp;%</td></tr>"#),
        "mijlpaal comparison row"
    );
    assert!(a.contains("grafiek-vergelijking"), "comparison chart");
    assert!(
        a.contains("de landelijke ondersteuning voor deze groep is: <strong>Stimuleren</strong>")
    );
    // Leer van: B (same regio, 100 % on m1 and m2) and its practice; nothing for m3 (A is at 100).
    assert!(a.contains(r#"id="wp--leer-m1""#) && a.contains(r#"id="wp--leer-m2""#));
    assert!(!a.contains(r#"id="wp--leer-m3""#));
    let m1 = &a[a.find(r#"id="wp--leer-m1""#).unwrap()..a.find(r#"id="wp--leer-m2""#).unwrap()];
    assert!(
        m1.contains(
            r#"<a href="/werkpleinen/b/">Werkplein B</a> <span class="aantal">in uw regio</span>"#
        ),
        "{m1}"
    );
    assert!(
        m1.contains(r#"<a href="/praktijkvoorbeelden/ketenoverleg/">Ketenoverleg in Bee</a>"#),
        "{m1}"
    );

    // The form: every mijlpaal with the four answers, pre-filled with A's answers.
    assert!(a.contains(r#"<form id="voortgang-form" class="voortgang__form" data-werkplein="a" data-mijlpalen="m1,m2,m3" hidden>"#));
    assert!(a.contains(r#"<input type="radio" name="m1" value="66" checked>"#));
    assert!(a.contains(r#"<input type="radio" name="m2" value="33" checked>"#));
    assert!(
        a.contains("werkplein,m1,m2,m3,bijgewerkt\na,66,33,100,JJJJ-MM-DD</pre>"),
        "manual report"
    );
}

#[test]
fn every_mistake_in_report_files_is_reported_with_its_place() {
    let site = fixture_site("landkaart");
    let yaml = read(&site.root().join("data/landkaart.yaml")).replace(
        "        naam: Mijlpaal een\n",
        "        naam: Mijlpaal een\n        themas: [jongren]\n",
    );
    site.write("data/landkaart.yaml", &yaml);
    // A is also in 2009-t2.csv (line 2): a clash naming both files.
    site.write(
        "data/landkaart/2009-t2/a.csv",
        "werkplein,m1,m2,m3\na,66,66,100\n",
    );
    // Not one of the four answers; not a date.
    site.write(
        "data/landkaart/2009-t2/b.csv",
        "werkplein,m1,m2,m3,bijgewerkt\nb,50,66,100,2009-13-01\n",
    );
    // The row is for another werkplein than the file's name.
    site.write(
        "data/landkaart/2009-t1/d.csv",
        "werkplein;m1;m2;m3\r\nc;33;33;33\r\n",
    );
    // Two rows.
    site.write(
        "data/landkaart/2009-t1/a.csv",
        "werkplein,m1,m2,m3\na,33,66,100\na,33,66,100\n",
    );
    site.write(
        "data/landkaart/2009-t9/a.csv",
        "werkplein,m1,m2,m3\na,0,0,0\n",
    );
    site.write(
        "data/landkaart/2009-t2/zz.csv",
        "werkplein,m1,m2,m3\nzz,0,0,0\n",
    );
    site.write("data/landkaart/2009-t2/c.csv", "werkplein,m1,m2,m3\n");
    let run = check(&site.root(), &[]);
    run.assert_exit(1);
    let errors = run.errors();
    // Problems of a whole file have no position (line and column 0).
    let expect = [
        (
            "data/landkaart/2009-t2/a.csv",
            2,
            1,
            "in data/landkaart/2009-t2.csv (line 2)",
        ),
        (
            "data/landkaart/2009-t2/b.csv",
            2,
            3,
            "answer '50' is not one of the Landkaart's four answers",
        ),
        (
            "data/landkaart/2009-t2/b.csv",
            2,
            13,
            "bijgewerkt '2009-13-01' is not a date",
        ),
        (
            "data/landkaart/2009-t1/d.csv",
            2,
            1,
            "for werkplein 'c', but the file is named after 'd'",
        ),
        (
            "data/landkaart/2009-t1/a.csv",
            3,
            1,
            "a second row in a report file",
        ),
        ("data/landkaart/2009-t9/a.csv", 0, 0, "no period '2009-t9'"),
        (
            "data/landkaart/2009-t2/zz.csv",
            0,
            0,
            "report file of unknown werkplein 'zz'",
        ),
        (
            "data/landkaart/2009-t2/c.csv",
            0,
            0,
            "this report file has no row",
        ),
        (
            "data/landkaart.yaml",
            8,
            18,
            "mijlpaal 'm1': unknown thema 'jongren'",
        ),
    ];
    for (path, line, column, needle) in expect {
        assert!(
            errors.iter().any(|d| d.path == path
                && d.line == line
                && d.column == column
                && d.message.contains(needle)),
            "missing error {path}:{line}:{column}: {needle}\n{}",
            run.describe()
        );
    }
    assert_eq!(errors.len(), expect.len(), "{}", run.describe());
    let clash = errors.iter().find(|d| d.message.contains("twice")).unwrap();
    assert!(
        clash
            .hints
            .iter()
            .any(|h| h.contains("remove its row from data/landkaart/2009-t2.csv"))
    );
    let t9 = errors
        .iter()
        .find(|d| d.message.contains("2009-t9"))
        .unwrap();
    assert!(
        t9.hints
            .iter()
            .any(|h| h.contains("'2009-t1'") || h.contains("2009-t2")),
        "{:?}",
        t9.hints
    );
}
