//! The Resultaten benchmark (issue 12, SPEC §5.4) on a small site with hand-computed answers:
//! the Landkaart fixture plus data/resultaten.yaml, districts, and results of 2009 and 2010.
//!
//! Werkpleinen: A and B in regio/district noord/n, C and D in zuid/z. Latest client meting
//! 2010-1 (streefwaarde 7,0; 2009 has 6,8): A 7,0 (exactly on it), B 6,8 (below), C 7,4, D not
//! measured. Outflow window 2009-04..2010-03: A 90 of 100 (exactly the 90 % norm), B 40 of 50
//! (80 %, below), C 30 without streefwaarde, D 100 of 100.

use crate::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const WERKPLEINEN: &str = r#"- id: a
  naam: Werkplein A
  plaats: Aa
  regio: noord
  district: n
  lat: 53.0
  lon: 6.5
- id: b
  naam: Werkplein B
  plaats: Bee
  regio: noord
  district: n
  lat: 52.8
  lon: 6.1
- id: c
  naam: Werkplein C
  plaats: Cee
  regio: zuid
  district: z
  lat: 51.5
  lon: 5.5
- id: d
  naam: Werkplein "De Brug", D
  plaats: Dee
  regio: zuid
  district: z
  lat: 51.4
  lon: 5.9
"#;

const RESULTATEN_YAML: &str = "streefwaarden:
  rapportcijfer:
    2009: 6.8
    2010: 7.0
  uitstroom_realisatie: 90
klantprincipes:
  werkzoekenden:
    - id: maatwerk
      naam: Maatwerk
    - id: tijdigheid
      naam: Tijdigheid
  werkgevers:
    - id: daadkracht
      naam: Daadkrachtig
    - id: flexibiliteit
      naam: Flexibel
";

const KLANT: &str = "werkplein,meting,rapportcijfer,respondenten,maatwerk,tijdigheid
a,2009-1,6.8,100,6.5,6.9
a,2010-1,7.0,100,6.0,7.5
b,2010-1,6.8,50,,7.0
c,2010-1,7.4,80,7.2,7.2
d,2009-1,6.6,40,6.6,6.6
";

const UITSTROOM: &str = "werkplein,maand,uitstroom,streefwaarde
a,2009-03,500,500
a,2010-02,45,50
a,2010-03,45,50
b,2010-03,40,50
c,2010-03,30,
d,2010-01,100,100
";

const WERKGEVERS: &str = "werkplein,meting,daadkracht,flexibiliteit
a,2010,60,50
c,2010,80,70
";

fn setup(site: &Site) {
    site.write("data/werkpleinen.yaml", WERKPLEINEN);
    site.write(
        "data/districten.yaml",
        "- id: n\n  naam: District Noord\n- id: z\n  naam: District Zuid\n",
    );
    site.write("data/resultaten.yaml", RESULTATEN_YAML);
    site.write("data/resultaten/klanttevredenheid.csv", KLANT);
    site.write("data/resultaten/uitstroom.csv", UITSTROOM);
    site.write("data/resultaten/werkgeverstevredenheid.csv", WERKGEVERS);
}

struct Built {
    _site: Site,
    out: PathBuf,
}

static BUILT: OnceLock<Built> = OnceLock::new();

fn out() -> &'static Path {
    &BUILT
        .get_or_init(|| {
            let site = fixture_site("landkaart");
            setup(&site);
            let out = site.sibling("out");
            let run = build(&site.root(), &out, &[]);
            run.assert_success();
            assert!(run.warnings().is_empty(), "{}", run.describe());
            Built { _site: site, out }
        })
        .out
}

#[test]
fn benchmark_csvs_match_hand_computed_answers() {
    assert_eq!(
        read_out(out(), "resultaten/werkpleinen.csv"),
        "werkplein,regio,district,rapportcijfer,verschil,uitstroom,streefwaarde_uitstroom,realisatie,daadkracht,flexibiliteit
a,noord,n,7.0,0.0,90,100,90,60,50
b,noord,n,6.8,-0.2,40,50,80,,
c,zuid,z,7.4,+0.4,30,,,80,70
d,zuid,z,,,100,100,100,,
"
    );
    assert_eq!(
        read_out(out(), "resultaten/regios.csv"),
        "regio,gemeten,rapportcijfer,onder_streefwaarde,realisatie,onder_norm,daadkracht,flexibiliteit
noord,2,6.9,1,86,1,60,50
zuid,1,7.4,0,100,0,80,70
landelijk,3,7.1,1,92,1,70,60
"
    );
    assert_eq!(
        read_out(out(), "resultaten/districten.csv"),
        "district,gemeten,rapportcijfer,onder_streefwaarde,realisatie,onder_norm,daadkracht,flexibiliteit
n,2,6.9,1,86,1,60,50
z,1,7.4,0,100,0,80,70
landelijk,3,7.1,1,92,1,70,60
"
    );
    // The streefwaarde changes with the year of the meting.
    assert_eq!(
        read_out(out(), "resultaten/metingen.csv"),
        "meting,gemiddelde,streefwaarde,gemeten,onder_streefwaarde
2009-1,6.7,6.8,2,1
2010-1,7.1,7.0,3,1
"
    );
    assert_eq!(
        read_out(out(), "werkpleinen/a/klanttevredenheid.csv"),
        "meting,rapportcijfer,streefwaarde,respondenten,landelijk
2009-1,6.8,6.8,100,6.7
2010-1,7.0,7.0,100,7.1
"
    );
    // Klantprincipes next to the national mean of the same meting (B's empty cell is skipped).
    assert_eq!(
        read_out(out(), "werkpleinen/a/klantprincipes.csv"),
        "principe,rapportcijfer,landelijk\nmaatwerk,6.0,6.6\ntijdigheid,7.5,7.2\n"
    );
}

#[test]
fn resultaten_page_shows_who_is_below_the_streefwaarden() {
    let page = read_out(out(), "resultaten/index.html");
    assert!(
        page.contains(r#"<h3 id="res--klant-onder">Rapportcijfer onder 7,0 (1)</h3>"#),
        "below 7,0"
    );
    let below =
        &page[page.find("res--klant-onder").unwrap()..page.find("res--klant-boven").unwrap()];
    assert!(below.contains("Werkplein B</a> <span class=\"aantal\">6,8</span>"));
    assert!(
        !below.contains("Werkplein A"),
        "7,0 is on the streefwaarde, not below"
    );
    let uit = &page[page.find("res--uitstroom-onder").unwrap()..];
    assert!(page.contains("Uitstroom minder dan 90&nbsp;% van de streefwaarde (1)"));
    assert!(uit.contains("Werkplein B</a> <span class=\"aantal\">80\u{a0}%</span>"));
    // The table: sortable, filterable, each row with its regio, district and standing.
    assert!(
        page.contains(r#"<table class="tabel tabel--getallen sorteerbaar" id="resultaten-tabel">"#)
    );
    assert!(page.contains(
        r#"<tr data-regio="noord" data-district="n" data-stand="klant-onder uitstroom-onder">"#
    ));
    assert!(page.contains(
        r#"<tr data-regio="noord" data-district="n" data-stand="klant-boven uitstroom-boven">"#
    ));
    assert!(page.contains(r#"id="filter-district" data-filter="district""#));
    assert!(page.contains(
        r#"<option value="uitstroom-onder">Uitstroom onder 90 % van de streefwaarde</option>"#
    ));
    assert!(
        page.contains("(onder de streefwaarde)"),
        "not by colour alone"
    );
    assert!(page.contains("grafiek-resultaten-metingen"));
    assert!(page.contains("grafiek-resultaten-kaart"));
    // Linked from the navigation, the Landkaart and the regio pages.
    for p in [
        "index.html",
        "landkaart/index.html",
        "regios/noord/index.html",
    ] {
        assert!(
            read_out(out(), p).contains("href=\"/resultaten/"),
            "{p} links to /resultaten/"
        );
    }
    let regio = read_out(out(), "regios/noord/index.html");
    assert!(regio.contains("href=\"/resultaten/?regio=noord#resultaten-tabel\""));
    assert!(regio.contains("gemiddeld een <strong>6,9</strong>"));
}

#[test]
fn district_pages_and_werkplein_comparison() {
    let index = read_out(out(), "districten/index.html");
    assert!(index.contains("District Noord"));
    let n = read_out(out(), "districten/n/index.html");
    assert!(n.contains("<h1>District Noord</h1>"));
    assert!(n.contains("Werkplein A") && n.contains("Werkplein B") && !n.contains("Werkplein C"));
    assert_eq!(
        read_out(out(), "districten/n/resultaten.csv"),
        "werkplein,rapportcijfer,verschil,uitstroom,streefwaarde_uitstroom,realisatie
a,7.0,0.0,90,100,90
b,6.8,-0.2,40,50,80
gemiddelde,6.9,-0.1,130,150,86
landelijk,7.1,+0.1,260,250,92
"
    );
    let a = read_out(out(), "werkpleinen/a/index.html");
    assert!(a.contains(r#"<a href="/districten/n/">District Noord</a>"#));
    assert_eq!(
        read_out(out(), "werkpleinen/a/vergelijking.csv"),
        "indicator,werkplein,regio,district,landelijk,streefwaarde
rapportcijfer,7.0,6.9,6.9,7.1,7.0
uitstroom_realisatie,90,86,86,92,90
"
    );
}

#[test]
fn bad_resultaten_data_is_reported_with_positions() {
    let site = fixture_site("landkaart");
    setup(&site);
    site.write(
        "data/resultaten.yaml",
        &RESULTATEN_YAML.replace("2010: 7.0", "2010: 70"),
    );
    site.write(
        "data/resultaten/klanttevredenheid.csv",
        &KLANT.replace("maatwerk,tijdigheid", "maatwerk,tijdighied"),
    );
    site.write("data/districten.yaml", "- id: n\n  naam: Noord\n");
    let run = check(&site.root(), &[]);
    run.assert_exit(1);
    let errors = run.errors();
    let find = |path: &str, needle: &str| {
        errors
            .iter()
            .find(|d| d.path == path && d.message.contains(needle))
            .unwrap_or_else(|| panic!("no error {path}: {needle}\n{}", run.describe()))
    };
    let e = find("data/resultaten.yaml", "streefwaarde 70 for 2010");
    assert_eq!((e.line, e.column), (4, 11), "at the value");
    let e = find(
        "data/resultaten/klanttevredenheid.csv",
        "unknown column 'tijdighied'",
    );
    assert_eq!((e.line, e.column), (1, 54));
    assert!(
        e.hints.iter().any(|h| h.contains("'tijdigheid'")),
        "{:?}",
        e.hints
    );
    let e = find("data/werkpleinen.yaml", "unknown district 'z'");
    assert!(!e.hints.is_empty(), "a hint for the unknown district");
}

#[test]
fn without_resultaten_yaml_there_is_no_streefwaarde_and_no_constant() {
    // The plain Landkaart fixture: results without data/resultaten.yaml.
    let site = fixture_site("landkaart");
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    let page = read_out(&out, "resultaten/index.html");
    assert!(page.contains("Er is geen streefwaarde"));
    assert!(
        !page.contains("streefwaarde van 7,0"),
        "no streefwaarde 7,0 from the code"
    );
    assert_eq!(
        read_out(&out, "resultaten/metingen.csv"),
        "meting,gemiddelde,streefwaarde,gemeten,onder_streefwaarde\n2010-1,7.0,,2,\n2010-2,7.4,,1,\n"
    );
    let a = read_out(&out, "werkpleinen/a/klanttevredenheid.csv");
    assert!(
        a.starts_with("meting,rapportcijfer,streefwaarde,respondenten,landelijk\n2010-1,6.8,,100,")
    );
}
