//! Hostile and odd input (issue 9): every case is refused with a clear error at its position,
//! or handled harmlessly, on the first try.

use std::time::{Duration, Instant};

use crate::prelude::{Diagnostic, Site};

fn errors(site: &Site) -> (crate::prelude::Run, Vec<Diagnostic>) {
    let run = crate::prelude::check(&site.root(), &[]);
    let diags = crate::prelude::parse_diagnostics(&run.stderr);
    (run, diags)
}

fn replace(site: &Site, rel: &str, from: &str, to: &str) {
    let path = site.root().join(rel);
    let text = crate::prelude::read(&path);
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

// 1. URLs from data and content -----------------------------------------------------------

#[test]
fn a_javascript_website_in_the_data_is_an_error_at_its_position() {
    let site = crate::prelude::fixture_site("minimal");
    replace(
        &site,
        "data/werkpleinen.yaml",
        "  lat: 51.6978\n",
        "  lat: 51.6978\n  website: \"JavaScript:alert(document.cookie)\"\n",
    );
    let (run, d) = errors(&site);
    assert!(!run.success(), "{}", run.describe());
    let e = d
        .iter()
        .find(|d| d.message.contains("'website'"))
        .unwrap_or_else(|| panic!("{}", run.describe()));
    assert_eq!(e.path, "data/werkpleinen.yaml");
    assert_eq!((e.line, e.column), (8, 12), "{}", run.describe());
    assert!(e.message.contains("'javascript:'"), "{}", e.raw);
    assert!(!e.hints.is_empty());
}

#[test]
fn a_javascript_link_in_markdown_is_an_error_at_its_position() {
    let site = crate::prelude::fixture_site("minimal");
    site.write(
        "content/over.md",
        "---\ntitle: Over\n---\nZie [hier](javascript:alert(1)) en [daar](<java\tscript:x>).\n\
         [Mail](mailto:info@example.org) en [web](https://example.org/).\n",
    );
    let (run, d) = errors(&site);
    assert!(!run.success());
    let bad: Vec<&Diagnostic> = d.iter().filter(|d| d.path == "content/over.md").collect();
    assert_eq!(bad.len(), 2, "{}", run.describe());
    assert_eq!((bad[0].line, bad[0].column), (4, 5));
    assert!(bad[0].message.contains("'javascript:' link is not allowed"));
}

// 2. Formulas in the published CSVs --------------------------------------------------------

#[test]
fn published_csvs_neutralise_formulas() {
    let site = crate::prelude::fixture_site("landkaart");
    replace(
        &site,
        "data/werkpleinen.yaml",
        "naam: Werkplein A",
        "naam: \"=HYPERLINK(\\\"http://x\\\")\"",
    );
    replace(
        &site,
        "data/werkpleinen.yaml",
        "naam: Werkplein B",
        "naam: \"@SUM(A1)\"",
    );
    let out = site.sibling("public");
    crate::prelude::build(&site.root(), &out, &[]).assert_success();
    let mut checked = 0;
    for (rel, text) in crate::prelude::text_files(&out) {
        if !rel.ends_with(".csv") {
            continue;
        }
        for cell in text.lines().flat_map(|l| l.split(',')) {
            let cell = cell.trim_start_matches('"');
            let formula = cell.starts_with(['=', '@', '+', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!formula, "{rel}: cell {cell:?} would run as a formula");
        }
        if text.contains("HYPERLINK") {
            assert!(text.contains("'=HYPERLINK"), "{rel}:\n{text}");
            checked += 1;
        }
    }
    assert!(checked > 0, "no CSV with the werkplein names");
}

// 3. Pages that would overwrite each other -------------------------------------------------

#[test]
fn a_file_name_without_letters_does_not_replace_the_home_page() {
    let site = crate::prelude::fixture_site("minimal");
    site.write("content/!!!.md", "---\ntitle: Roepteken\n---\nTekst.\n");
    let (run, d) = errors(&site);
    assert!(!run.success(), "{}", run.describe());
    let e = d
        .iter()
        .find(|d| d.path == "content/!!!.md")
        .expect("error");
    assert!(e.message.contains("empty slug"), "{}", e.raw);
}

#[test]
fn a_content_page_on_a_generated_url_is_an_error_naming_file_and_page() {
    for (rel, url) in [
        ("content/landkaart/2009-t2.md", "/landkaart/2009-t2/"),
        ("content/werkpleinen/b.md", "/werkpleinen/b/"),
        ("content/zoeken.md", "/zoeken/"),
        ("content/regios/noord.md", "/regios/noord/"),
    ] {
        let site = crate::prelude::fixture_site("landkaart");
        site.write(rel, "---\ntitle: Botsing\n---\nTekst.\n");
        let out = site.sibling("public");
        let run = crate::prelude::build(&site.root(), &out, &[]);
        assert!(!run.success(), "{rel}: {}", run.describe());
        assert!(!out.exists(), "{rel}: nothing may be written");
        let d = crate::prelude::parse_diagnostics(&run.stderr);
        let e = d
            .iter()
            .find(|d| d.path == rel)
            .unwrap_or_else(|| panic!("{rel}: {}", run.describe()));
        assert!(e.message.contains(url), "{rel}: {}", e.raw);
    }
}

#[test]
fn a_static_file_on_a_page_url_is_an_error() {
    for (rel, page) in [
        ("static/over/index.html", "content/over.md"),
        ("static/over", "content/over.md"),
        ("static/404.html/x.png", "content/a.md"),
    ] {
        let site = crate::prelude::fixture_site("minimal");
        site.write(page, "---\ntitle: Over\n---\nTekst.\n");
        site.write(rel, "x");
        let (run, d) = errors(&site);
        assert!(!run.success(), "{rel}: {}", run.describe());
        assert!(d.iter().any(|d| d.path == rel), "{rel}: {}", run.describe());
    }
}

// 4. The cause first, without its follow-ups ----------------------------------------------

#[test]
fn one_tab_in_werkpleinen_yaml_gives_one_error_first() {
    let site = crate::prelude::sample_site();
    replace(
        &site,
        "data/werkpleinen.yaml",
        "  plaats: Hoogezand",
        "\tplaats: Hoogezand",
    );
    let (run, d) = errors(&site);
    assert!(!run.success());
    let errors: Vec<&Diagnostic> = d.iter().filter(|d| d.severity == "error").collect();
    assert_eq!(
        errors[0].path,
        "data/werkpleinen.yaml",
        "{}",
        run.describe()
    );
    assert!(
        errors.len() <= 3,
        "follow-up errors bury the cause:\n{}",
        run.stderr.lines().take(20).collect::<Vec<_>>().join("\n")
    );
    assert!(!run.stderr.contains("unknown werkplein"));
}

// 5. Absurd input is refused quickly ------------------------------------------------------

#[test]
fn deep_yaml_and_repeated_ids_are_refused_or_folded_quickly() {
    let site = crate::prelude::fixture_site("minimal");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    site.write(
        "content/diep.md",
        &format!("---\ntitle: Diep\nextra: {deep}\n---\nTekst.\n"),
    );
    let themas = vec!["jongeren"; 5_000].join(", ");
    replace(
        &site,
        "content/praktijkvoorbeelden/gezamenlijke-intake.md",
        "themas: [jongeren]",
        &format!("themas: [{themas}]"),
    );
    let start = Instant::now();
    let (run, d) = errors(&site);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    let deep = d
        .iter()
        .find(|d| d.path == "content/diep.md")
        .expect("error");
    assert!(deep.message.contains("nested more than"), "{}", deep.raw);
    assert_eq!(deep.line, 3);
    let repeat = d
        .iter()
        .find(|d| d.path == "content/praktijkvoorbeelden/gezamenlijke-intake.md")
        .unwrap_or_else(|| panic!("{}", run.describe()));
    assert_eq!(repeat.severity, "warning");
    assert!(repeat.message.contains("more than once"), "{}", repeat.raw);
}

// 6. No arithmetic panics -----------------------------------------------------------------

#[test]
fn outflow_totals_beyond_u32_do_not_panic() {
    let site = crate::prelude::fixture_site("landkaart");
    let mut csv = String::from("werkplein,maand,uitstroom,streefwaarde\n");
    for m in 1..=6 {
        csv.push_str(&format!("a,2010-0{m},1000000000,1000000000\n"));
    }
    site.write("data/resultaten/uitstroom.csv", &csv);
    let out = site.sibling("public");
    crate::prelude::build(&site.root(), &out, &[]).assert_success();
    let page = crate::prelude::read_out(&out, "werkpleinen/a/index.html");
    assert!(page.contains("6000000000"), "the total is shown in full");
}

// 7. Output that grows with thema's × practices (issue 16) ---------------------------------

#[test]
fn three_hundred_themas_on_fifty_practices_stay_small() {
    // Before pagination this wrote 470 MB: every thema page listed every practice with all
    // 300 of its thema's. Now a list shows a practice without its thema's, 50 to a page.
    let site = crate::prelude::fixture_site("minimal");
    let ids: Vec<String> = (0..300).map(|i| format!("thema-{i:03}")).collect();
    for id in &ids {
        site.write(
            &format!("content/themas/{id}.md"),
            &format!("---\ntitle: Thema {id}\n---\nOver {id}.\n"),
        );
    }
    for p in 0..50 {
        site.write(
            &format!("content/praktijkvoorbeelden/voorbeeld-{p:02}.md"),
            &format!(
                "---\ntitle: Voorbeeld {p}\ndate: 2010-01-{:02}\nwerkplein: den-bosch\nthemas: [{}]\nsamenvatting: Een voorbeeld.\n---\nTekst {p}.\n",
                p % 28 + 1,
                ids.join(", ")
            ),
        );
    }
    let out = site.sibling("out");
    crate::prelude::build(&site.root(), &out, &[]).assert_success();
    let mut total = 0;
    for (rel, text) in crate::prelude::text_files(&out) {
        total += text.len();
        if rel.ends_with(".html") {
            assert!(text.len() < 1_000_000, "{rel}: {} bytes", text.len());
        }
    }
    assert!(total < 40_000_000, "{total} bytes of text output");
}
