//! De Landkaart and Resultaten: the open-data CSVs of a small fixture with hand-computed answers
//! (`tests/fixtures/landkaart-expected/`), the pages and charts, and a bad-data fixture whose
//! planted errors must all be reported in one run.

use crate::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

struct Built {
    _site: Site,
    out: PathBuf,
}

static BUILT: OnceLock<Built> = OnceLock::new();

fn out() -> &'static Path {
    &BUILT
        .get_or_init(|| {
            let site = fixture_site("landkaart");
            let out = site.sibling("out");
            let run = build(&site.root(), &out, &[]);
            run.assert_success();
            assert!(run.warnings().is_empty(), "{}", run.describe());
            Built { _site: site, out }
        })
        .out
}

#[test]
fn open_data_csvs_match_hand_computed_answers() {
    let expected = fixture_dir("landkaart-expected");
    let files = [
        "2009-t1/fasen.csv",
        "2009-t1/mijlpalen.csv",
        "2009-t1/werkpleinen.csv",
        "2009-t2/fasen.csv",
        "2009-t2/mijlpalen.csv",
        "2009-t2/werkpleinen.csv",
        "historie.csv",
        "groepen.csv",
    ];
    for f in files {
        let want = read(&expected.join(f));
        let got = read_out(out(), &format!("landkaart/{f}"));
        assert_eq!(
            got, want,
            "landkaart/{f} differs from the hand-computed file"
        );
    }
}

#[test]
fn landkaart_pages_exist_and_show_the_tables() {
    for p in [
        "landkaart/index.html",
        "landkaart/2009-t1/index.html",
        "landkaart/2009-t2/index.html",
    ] {
        assert!(out().join(p).is_file(), "{p} missing");
    }
    // The current period is the latest with data: 2009-t2.
    let current = read_out(out(), "landkaart/index.html");
    assert!(current.contains("2e tertaal 2009"));
    let page = read_out(out(), "landkaart/2009-t2/index.html");
    // Totaal row of the fase table: mean 55, band counts 0 / 1 / 2 / 0; shares rounded
    // (2 of 3 = 66.7 → 67, SPEC §5.1).
    assert!(
        page.contains(r#"<th scope="row">Totaal</th><td>55&nbsp;%</td><td>0 <span class="aandeel">(0&nbsp;%)</span></td><td>1 <span class="aandeel">(33&nbsp;%)</span></td><td>2 <span class="aandeel">(67&nbsp;%)</span></td>"#),
        "fase table totaal row"
    );
    assert!(page.contains(r#"<th scope="row">Fase een</th><td>49&nbsp;%</td>"#));
    // Trends since 2009-t1: C went up 16.5 points (16.5 → 33; shown +16, not 33 − 16 = 17),
    // A stayed equal, D is new.
    assert!(
        page.contains("Werkplein C</a> <span class=\"aantal\">33&nbsp;% (+16)</span>"),
        "vooruit list"
    );
    // B did not report: listed with its latest report, and a grey ring on the map.
    assert!(page.contains(r#"<h3 id="lk--niet-gerapporteerd">Niet gerapporteerd (1)</h3>"#));
    assert!(page.contains("Werkplein B</a> <span class=\"aantal\">laatst: 1e tertaal 2009</span>"));
    assert!(page.contains("Niet gerapporteerd (1)</text>"), "map legend");
    assert!(
        page.contains("Werkplein B: niet gerapporteerd</title>"),
        "map dot"
    );
    // Group moves since each werkplein's previous report: C stays an achterblijver.
    assert!(page.contains(r#"<h4 id="lk--omhoog">Omhoog (0)</h4>"#));
    assert!(page.contains("href=\"/landkaart/groepen.csv\""));
    assert!(page.contains(r#"<h3 id="lk--gelijk">Gelijk (1)</h3>"#));
    assert!(page.contains(r#"<h3 id="lk--nieuw">Voor het eerst (1)</h3>"#));
    // Each table links to its CSV copy.
    for csv in ["fasen.csv", "mijlpalen.csv", "werkpleinen.csv"] {
        assert!(
            page.contains(&format!("href=\"/landkaart/2009-t2/{csv}\"")),
            "{csv} link"
        );
    }
    assert!(page.contains("href=\"/landkaart/historie.csv\""));
    // B reached 100 % in 2009-t1.
    let t1 = read_out(out(), "landkaart/2009-t1/index.html");
    assert!(t1.contains("<h2 id=\"lk--groen\">"));
    assert!(t1.contains("Werkplein B</a> <span class=\"aantal\">100&nbsp;%"));
}

#[test]
fn werkplein_page_shows_scores_results_and_charts() {
    let a = read_out(out(), "werkpleinen/a/index.html");
    assert!(a.contains("<strong>66&nbsp;%</strong>"), "current total");
    assert!(a.contains("bleef gelijk"), "trend text");
    assert!(
        a.contains(r#"<th scope="row" class="ingesprongen">Mijlpaal twee</th><td>33&nbsp;%</td>"#)
    );
    assert!(
        a.contains(r#"<td data-waarde="7.4">7,4</td>"#),
        "client rating in Dutch notation"
    );
    assert!(
        a.contains("Daadkracht</th><td data-waarde=\"60\">60\u{a0}%</td>"),
        "employer principle"
    );
    assert!(a.contains("samen 139"), "outflow total");
    for id in [
        "grafiek-werkplein-historie",
        "grafiek-mijlpalen",
        "grafiek-klant",
        "grafiek-uitstroom",
    ] {
        assert!(a.contains(id), "chart {id} on the werkplein page");
    }
    // B did not report in the current period: its latest report, labelled as such.
    let b = read_out(out(), "werkpleinen/b/index.html");
    assert!(b.contains("<strong>Niet gerapporteerd in het <a href=\"/landkaart/2009-t2/\">2e tertaal 2009</a>.</strong>"));
    assert!(b.contains(
        "Laatst gerapporteerd: in het <a href=\"/landkaart/2009-t1/\">1e tertaal 2009</a>"
    ));
    // The regio page has the regional average: (33 + 66) / 2 = 49.5 → 49.
    let zuid = read_out(out(), "regios/zuid/index.html");
    assert!(
        zuid.contains("gemiddeld <strong>49&nbsp;%</strong>"),
        "regional average"
    );
    // The werkpleinen index has the standing columns and the filter.
    let index = read_out(out(), "werkpleinen/index.html");
    assert!(index.contains(r#"<td data-waarde="33">33&nbsp;%</td>"#));
    assert!(index.contains(r#"id="filter-regio""#));
}

/// Every `<svg …>…</svg>` in the HTML pages.
fn svgs(out: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (path, text) in text_files(out) {
        if !path.ends_with(".html") {
            continue;
        }
        let mut rest = text.as_str();
        while let Some(start) = rest.find("<svg") {
            let end = rest[start..].find("</svg>").expect("closed svg") + start + 6;
            found.push((path.clone(), rest[start..end].to_string()));
            rest = &rest[end..];
        }
    }
    found
}

#[test]
fn charts_are_accessible_well_formed_svg() {
    let charts = svgs(out());
    // 3 on each of 3 Landkaart pages, 2–4 on werkplein pages.
    assert!(charts.len() >= 9 + 4, "only {} charts", charts.len());
    for (path, svg) in &charts {
        let doc = roxmltree::Document::parse(svg)
            .unwrap_or_else(|e| panic!("{path}: chart is not well-formed XML: {e}"));
        let root = doc.root_element();
        if root.attribute("aria-hidden") == Some("true") {
            continue;
        }
        // The map holds links, so it is a labelled group; every other chart is an image.
        let role = if svg.contains("chart-map") {
            "group"
        } else {
            "img"
        };
        assert_eq!(root.attribute("role"), Some(role), "{path}: role");
        let has = |tag: &str| {
            root.children()
                .any(|n| n.tag_name().name() == tag && !n.text().unwrap_or("").trim().is_empty())
        };
        assert!(
            has("title") && has("desc"),
            "{path}: chart without title or desc"
        );
    }
    // The map links each reporting werkplein's dot to its page.
    let map = charts
        .iter()
        .find(|(p, s)| p == "landkaart/2009-t2/index.html" && s.contains("grafiek-kaart"))
        .expect("map on the period page");
    for id in ["a", "c", "d"] {
        assert!(
            map.1.contains(&format!("/werkpleinen/{id}/")),
            "dot for {id}"
        );
    }
}

#[test]
fn charts_are_identical_across_builds() {
    let site = fixture_site("landkaart");
    let second = site.sibling("out2");
    build(&site.root(), &second, &[]).assert_success();
    let a = svgs(out());
    let b = svgs(&second);
    assert_eq!(a.len(), b.len());
    for ((pa, sa), (_, sb)) in a.iter().zip(&b) {
        assert_eq!(sa, sb, "chart on {pa} differs between two builds");
    }
}

#[test]
fn bad_data_reports_every_planted_error() {
    let site = fixture_site("landkaart-fouten");
    let run = check(&site.root(), &[]);
    run.assert_exit(1);
    let errors = run.errors();
    let expect = [
        ("data/landkaart.yaml", 11, "gap before 'in-ontwikkeling'"),
        ("data/landkaart.yaml", 16, "'middengroep' overlaps"),
        ("data/landkaart/2009-t1.csv", 2, "unknown werkplein 'bb'"),
        ("data/landkaart/2009-t1.csv", 3, "score '50.5'"),
        ("data/landkaart/2009-t1.csv", 4, "score '101'"),
        ("data/landkaart/2009-t1.csv", 4, "score 'abc'"),
        ("data/landkaart/2009-t1.csv", 5, "second row"),
        ("data/landkaart/2009-t2.csv", 1, "unknown mijlpaal 'm3x'"),
        ("data/landkaart/2010-t9.csv", 0, "no period '2010-t9'"),
        (
            "data/resultaten/klanttevredenheid.csv",
            2,
            "rapportcijfer '11'",
        ),
        ("data/resultaten/uitstroom.csv", 2, "maand '2010-13'"),
        (
            "data/resultaten/werkgeverstevredenheid.csv",
            2,
            "daadkracht '160'",
        ),
    ];
    for (path, line, needle) in expect {
        assert!(
            errors
                .iter()
                .any(|d| d.path == path && d.line == line && d.message.contains(needle)),
            "missing error {path}:{line}: {needle}\n{}",
            run.describe()
        );
    }
    let bb = errors.iter().find(|d| d.message.contains("'bb'")).unwrap();
    assert!(
        bb.hints.iter().any(|h| h.contains("'b'")),
        "hint for bb: {:?}",
        bb.hints
    );
    assert_eq!(
        errors
            .iter()
            .find(|d| d.message.contains("'abc'"))
            .unwrap()
            .column,
        7,
        "column of the bad cell"
    );
}
