//! The werkplein's records (issue 13): documents (`data/documenten.yaml`), the BVG-monitor
//! (`data/bvg.yaml`, `data/bvg.csv`), the six Werkplein criteria (`data/criteria.yaml`,
//! `data/criteria/<meting>.csv`) and checked links to static files — on the sample site, on a
//! copy an editor changed, with every mistake reported at its place, and under a base path.

use std::fs;
use std::sync::OnceLock;

use crate::prelude::*;

static SAMPLE: OnceLock<SharedBuild> = OnceLock::new();

fn sample() -> &'static SharedBuild {
    let b = shared_sample_build(&SAMPLE, "dossier-sample", &[]);
    b.run.assert_success();
    b
}

/// The text of an HTML page with tags removed and whitespace collapsed.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lines(text: &str) -> usize {
    text.lines().count()
}

#[test]
fn documents_are_listed_with_type_date_and_size_and_filtered_by_soort() {
    let b = sample();
    let all = read_out(&b.out, "documenten/index.html");
    let text = text_of(&all);
    assert!(text.contains("Alle documenten (5)"), "{text}");
    assert!(
        text.contains("Ketenjaarplan 2009 (PDF, 2 kB) Ketenjaarplan 20 januari 2009"),
        "{text}"
    );
    assert!(
        text.contains("landelijk"),
        "the national handreiking: {text}"
    );
    let hrefs = attr_values(&all, "href");
    assert!(
        hrefs
            .iter()
            .any(|h| h == "/bestanden/den-bosch/ketenjaarplan-2009.pdf")
    );
    assert!(
        b.out
            .join("bestanden/den-bosch/ketenjaarplan-2009.pdf")
            .is_file()
    );
    // One page per soort: the filter works without JavaScript.
    let plans = read_out(&b.out, "documenten/ketenjaarplan/index.html");
    let t = text_of(&plans);
    assert!(t.contains("Ketenjaarplannen (2)"), "{t}");
    assert!(!t.contains("Handreiking: een lokaal"), "{t}");
    assert!(
        plans.contains(r#"href="/documenten/ketenjaarplan/" aria-current="page""#),
        "the current filter is marked"
    );
    assert!(
        !b.out.join("documenten/overig/index.html").exists(),
        "no page for an empty soort"
    );
    // The werkplein page lists its own documents.
    let wp = text_of(&read_out(&b.out, "werkpleinen/den-bosch/index.html"));
    assert!(wp.contains("Marktbewerkingsplan 2009 (PDF, 2 kB)"), "{wp}");
    let pdf = fs::read(b.out.join("bestanden/handreiking-ketenjaarplan.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.4") && pdf.ends_with(b"%%EOF\n"));
}

#[test]
fn bvg_monitor_reproduces_the_seeds_figures() {
    let b = sample();
    let csv = read_out(&b.out, "bvg/kwartalen.csv");
    let mut rows = csv.lines();
    assert_eq!(
        rows.next(),
        Some("kwartaal,naam,geen-plan,plannen,in-aanbouw,tijdelijk,in-gebruik,totaal")
    );
    // Seed 001 §4.3: 5 without a plan (15 two years before), 13 planning, 23 building, 12
    // temporarily under one roof; the sample has 125 werkpleinen where the monitor counted
    // 133 locations, so 72 rather than 80 in use.
    assert!(csv.contains("\n2006-k1,1e kwartaal 2006,15,"), "{csv}");
    assert!(
        csv.contains("\n2008-k1,1e kwartaal 2008,5,13,23,12,72,125\n"),
        "{csv}"
    );
    // Seed 000 §5.5: in the end the WERKbedrijf takes part in 97 werkpleinen.
    let last: Vec<u32> = csv
        .lines()
        .last()
        .unwrap()
        .split(',')
        .skip(2)
        .map(|c| c.parse().unwrap())
        .collect();
    assert_eq!(last[2] + last[3] + last[4], 97, "{csv}");
    let page = read_out(&b.out, "bvg/index.html");
    let t = text_of(&page);
    assert!(
        t.contains("1e kwartaal 2008 5 13 23 12 72 125"),
        "the table: {t}"
    );
    assert!(page.contains(r#"id="grafiek-bvg-kaart-title""#), "the map");
    assert!(
        page.contains(r#"id="grafiek-bvg-verloop-title""#),
        "the stacked chart"
    );
    assert!(page.contains(r#"href="/bvg/kwartalen.csv""#));
    assert!(
        t.contains("Werkplein Amsterdam Oost sinds 21 januari 2008"),
        "{t}"
    );
    let werkpleinen = read_out(&b.out, "bvg/werkpleinen.csv");
    assert_eq!(lines(&werkpleinen), 126);
    assert!(
        werkpleinen.contains("\nden-haag-noord,Werkplein Den Haag Noord,in-gebruik,2008-03-10\n")
    );
    let wp = text_of(&read_out(&b.out, "werkpleinen/amsterdam-oost/index.html"));
    assert!(
        wp.contains("Status sinds 21 januari 2008: In gebruik"),
        "{wp}"
    );
    assert!(wp.contains("31 maart 2006 : Plannen"), "history: {wp}");
}

#[test]
fn criteria_page_and_checklist() {
    let b = sample();
    let page = read_out(&b.out, "criteria/index.html");
    let t = text_of(&page);
    assert!(
        t.contains("Voldoet aan de minimale eisen van een Werkplein"),
        "{t}"
    );
    assert!(t.contains("2e kwartaal 2010"), "{t}");
    let eisen = read_out(&b.out, "criteria/eisen.csv");
    assert_eq!(lines(&eisen), 13, "12 eisen: {eisen}");
    assert!(
        eisen.starts_with("criterium,eis,ja,nee,onbekend,aandeel\neen-locatie,logo-op-de-gevel,")
    );
    let wp = read_out(&b.out, "criteria/werkpleinen.csv");
    let meets_all = wp
        .lines()
        .filter(|l| l.split(',').nth(3) == Some("ja"))
        .count();
    assert!(
        t.contains(&format!(
            "Voldoet aan de minimale eisen van een Werkplein ({meets_all})"
        )),
        "the list counts those the CSV says meet all ({meets_all}): {t}"
    );
    assert!(wp.contains("\nvenlo,Werkplein Venlo,12,ja,ja,ja,ja,ja,ja,ja,ja,ja,ja,ja,ja,ja\n"));
    let venlo = text_of(&read_out(&b.out, "werkpleinen/venlo/index.html"));
    assert!(
        venlo.contains("voldoet Werkplein Venlo aan de minimale eisen van een Werkplein"),
        "{venlo}"
    );
    let bosch = text_of(&read_out(&b.out, "werkpleinen/den-bosch/index.html"));
    assert!(bosch.contains("10 van de 12 eisen"), "{bosch}");
    assert!(
        bosch.contains("Eén aanspreekpunt voor werkgevers: nee"),
        "{bosch}"
    );
    // Linked from the Landkaart and from the kaderdocument chapter on the criteria.
    for p in [
        "landkaart/index.html",
        "kaderdocument/naamgeving/index.html",
    ] {
        let html = read_out(&b.out, p);
        assert!(
            html.contains(r#"href="/criteria/""#),
            "{p} links to /criteria/"
        );
        assert!(html.contains(r#"href="/bvg/""#), "{p} links to /bvg/");
    }
}

/// An editor adds a document, a BVG status change and a criteria meting by editing data files:
/// `svdk check` passes and the pages follow.
#[test]
fn an_editor_adds_a_document_a_status_change_and_a_meting() {
    let site = sample_site();
    let root = site.root();
    fs::copy(
        root.join("static/bestanden/handreiking-ketenjaarplan.pdf"),
        root.join("static/bestanden/venlo-dvc.pdf"),
    )
    .unwrap();
    let mut docs = read(&root.join("data/documenten.yaml"));
    docs.push_str("- werkplein: venlo\n  titel: Dienstverleningsconcept Venlo\n  soort: dienstverleningsconcept\n  datum: 2010-05-01\n  bestand: bestanden/venlo-dvc.pdf\n");
    site.write("data/documenten.yaml", &docs);
    let mut bvg = read(&root.join("data/bvg.csv"));
    bvg.push_str("den-bosch,2010-02-15,in-gebruik\n");
    site.write("data/bvg.csv", &bvg);
    let mut yaml = read(&root.join("data/criteria.yaml"));
    yaml.push_str("  - id: 2010-k3\n    naam: 3e kwartaal 2010\n");
    site.write("data/criteria.yaml", &yaml);
    let k2 = read(&root.join("data/criteria/2010-k2.csv"));
    let k3: String = k2
        .lines()
        .map(|l| {
            if l.starts_with("den-bosch,") {
                format!("den-bosch{}\n", ",ja".repeat(12))
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    site.write("data/criteria/2010-k3.csv", &k3);

    check(&root, &[]).assert_success();
    let out = site.sibling("out");
    build(&root, &out, &[]).assert_success();
    let docs = text_of(&read_out(&out, "documenten/index.html"));
    assert!(docs.contains("Alle documenten (6)"), "{docs}");
    let (new, older) = (
        docs.find("Dienstverleningsconcept Venlo")
            .expect("the new document"),
        docs.find("Werkpleinjaarplan 2010").unwrap(),
    );
    assert!(new < older, "newest first: {docs}");
    let venlo = text_of(&read_out(&out, "werkpleinen/venlo/index.html"));
    assert!(
        venlo.contains("Dienstverleningsconcept Venlo (PDF, 2 kB)"),
        "{venlo}"
    );
    let bosch = text_of(&read_out(&out, "werkpleinen/den-bosch/index.html"));
    assert!(
        bosch.contains("Status sinds 15 februari 2010: In gebruik"),
        "{bosch}"
    );
    assert!(
        bosch.contains("voldoet Werkplein 's-Hertogenbosch aan de minimale eisen"),
        "{bosch}"
    );
    let kw = read_out(&out, "bvg/kwartalen.csv");
    assert!(
        kw.lines()
            .last()
            .unwrap()
            .starts_with("2010-k1,1e kwartaal 2010,"),
        "{kw}"
    );
    let crit = text_of(&read_out(&out, "criteria/index.html"));
    assert!(
        crit.contains("In de meting van het 3e kwartaal 2010"),
        "{crit}"
    );
    assert!(crit.contains("Eerder: in het 1e kwartaal 2010"), "{crit}");
}

/// Every mistake in the new data files and every broken file link, each at its place.
#[test]
fn every_mistake_is_reported_with_its_place() {
    let site = sample_site();
    let root = site.root();
    let docs = read(&root.join("data/documenten.yaml"));
    let n = lines(&docs);
    site.write(
        "data/documenten.yaml",
        &format!("{docs}- werkplein: venloo\n  titel: Plan\n  soort: ketenjaarplannen\n  datum: 2010-02-30\n  bestand: bestanden/den-bosch/ketenjaarplan-2090.pdf\n"),
    );
    let bvg = read(&root.join("data/bvg.csv"));
    let m = lines(&bvg);
    site.write(
        "data/bvg.csv",
        &format!("{bvg}den-bosh,2010-01-01,in-gebruik\nvenlo,2010-1-1,in-gebruik\nvenlo,2010-01-02,ingebruik\n"),
    );
    let k2 = read(&root.join("data/criteria/2010-k2.csv"));
    let k = lines(&k2);
    site.write(
        "data/criteria/2010-k2.csv",
        &k2.replacen("\ngroningen,ja,", "\ngroningen,jaa,", 1),
    );
    let over = read(&root.join("content/over-deze-site.md"));
    let o = lines(&over);
    let added =
        "Zie [het plan](/bestanden/den-bosch/ketenjaarplan-2008.pdf) en ![logo](/img/logo.png).";
    let col = |s: &str| added.find(s).unwrap() as u32 + 1;
    site.write(
        "content/over-deze-site.md",
        &format!("{over}\n{added}\n\nOf [relatief](../static/bestanden/handreikng-ketenjaarplan.pdf) en [de cijfers](/bvg/kwartaal.csv).\n"),
    );
    let run = check(&root, &[]);
    run.assert_exit(1);
    let d = run.diagnostics();
    let find = |path: &str, line: usize, col: u32, msg: &str, hint: &str| {
        assert!(
            d.iter().any(|x| x.path == path
                && x.line as usize == line
                && x.column == col
                && x.message.contains(msg)
                && x.hints.iter().any(|h| h.contains(hint))),
            "expected {path}:{line}:{col}: {msg} (hint: {hint})\n{}",
            run.stderr
        );
    };
    find(
        "data/documenten.yaml",
        n + 1,
        14,
        "unknown werkplein 'venloo'",
        "did you mean 'venlo'?",
    );
    find(
        "data/documenten.yaml",
        n + 3,
        10,
        "unknown soort 'ketenjaarplannen'",
        "did you mean 'ketenjaarplan'?",
    );
    find(
        "data/documenten.yaml",
        n + 4,
        10,
        "'datum' is not a valid date: '2010-02-30'",
        "YYYY-MM-DD",
    );
    find(
        "data/documenten.yaml",
        n + 5,
        12,
        "file not found: static/bestanden/den-bosch/ketenjaarplan-2090.pdf",
        "did you mean 'bestanden/den-bosch/ketenjaarplan-2009.pdf'?",
    );
    find(
        "data/bvg.csv",
        m + 1,
        1,
        "unknown werkplein 'den-bosh'",
        "did you mean 'den-bosch'?",
    );
    find(
        "data/bvg.csv",
        m + 2,
        7,
        "'2010-1-1' is not a valid date",
        "YYYY-MM-DD",
    );
    find(
        "data/bvg.csv",
        m + 3,
        18,
        "unknown status 'ingebruik'",
        "did you mean 'in-gebruik'?",
    );
    let groningen = k2
        .lines()
        .position(|l| l.starts_with("groningen,"))
        .unwrap()
        + 1;
    assert!(groningen <= k);
    find(
        "data/criteria/2010-k2.csv",
        groningen,
        11,
        "'jaa' is not an answer",
        "did you mean 'ja'?",
    );
    // The Markdown links are checked in the same run (the model stage).
    find(
        "content/over-deze-site.md",
        o + 2,
        col("[het plan]"),
        "link to a missing file: '/bestanden/den-bosch/ketenjaarplan-2008.pdf'",
        "did you mean '/bestanden/den-bosch/ketenjaarplan-2009.pdf'?",
    );
    find(
        "content/over-deze-site.md",
        o + 2,
        col("![logo]"),
        "link to a missing file: '/img/logo.png'",
        "did you mean '/img/logo.svg'?",
    );
    find(
        "content/over-deze-site.md",
        o + 4,
        4,
        "link to a missing file: '../static/bestanden/handreikng-ketenjaarplan.pdf'",
        "did you mean '../static/bestanden/handreiking-ketenjaarplan.pdf'?",
    );
    assert_eq!(run.errors().len(), 11, "{}", run.stderr);
}

/// A link to a file svdk writes itself is checked against the output.
#[test]
fn links_to_generated_files_are_checked_after_rendering() {
    let site = sample_site();
    let root = site.root();
    let over = read(&root.join("content/over-deze-site.md"));
    let o = lines(&over);
    site.write(
        "content/over-deze-site.md",
        &format!("{over}\n[De cijfers](/bvg/kwartalen.csv) en [de antwoorden](/criteria/werkpleinen.csv).\n\n[Fout](/bvg/kwartaal.csv)\n"),
    );
    let run = check(&root, &[]);
    run.assert_exit(1);
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    let e = &errors[0];
    assert_eq!(
        (e.path.as_str(), e.line as usize, e.column),
        ("content/over-deze-site.md", o + 4, 1)
    );
    assert!(e.message.contains("'/bvg/kwartaal.csv'"), "{}", run.stderr);
    assert_eq!(e.hints, ["did you mean '/bvg/kwartalen.csv'?"]);
}

/// Links into static/ get the base path, written absolutely or relatively, and the files are
/// there; the record pages work under /sub/ too.
#[test]
fn static_links_work_under_a_base_path() {
    let site = sample_site();
    let root = site.root();
    let over = read(&root.join("content/over-deze-site.md"));
    site.write(
        "content/over-deze-site.md",
        &format!("{over}\n[Handreiking](/bestanden/handreiking-ketenjaarplan.pdf), [relatief](../static/bestanden/handreiking-ketenjaarplan.pdf), ![logo](/img/logo.svg)\n"),
    );
    for (base, prefix) in [(None, "/"), (Some("https://example.org/sub/"), "/sub/")] {
        let out = site.sibling(&format!("out{}", prefix.replace('/', "-")));
        let mut extra = vec![];
        if let Some(b) = base {
            extra = vec!["--base-url", b];
        }
        build(&root, &out, &extra).assert_success();
        let html = read_out(&out, "over-deze-site/index.html");
        let hrefs = attr_values(&html, "href");
        let pdf = format!("{prefix}bestanden/handreiking-ketenjaarplan.pdf");
        assert_eq!(
            hrefs.iter().filter(|h| **h == pdf).count(),
            2,
            "{prefix}: {hrefs:?}"
        );
        assert!(attr_values(&html, "src").contains(&format!("{prefix}img/logo.svg")));
        assert!(
            out.join("bestanden/handreiking-ketenjaarplan.pdf")
                .is_file()
        );
        let docs = read_out(&out, "documenten/index.html");
        assert!(attr_values(&docs, "href").contains(&format!(
            "{prefix}bestanden/den-bosch/ketenjaarplan-2009.pdf"
        )));
        assert!(attr_values(&docs, "href").contains(&format!("{prefix}documenten/handreiking/")));
        let bvg = read_out(&out, "bvg/index.html");
        assert!(attr_values(&bvg, "href").contains(&format!("{prefix}bvg/kwartalen.csv")));
        assert!(
            bvg.contains(&format!("{prefix}werkpleinen/venlo/")),
            "map dots link under {prefix}"
        );
        let crit = read_out(&out, "criteria/index.html");
        assert!(attr_values(&crit, "href").contains(&format!("{prefix}criteria/eisen.csv")));
        let kader = read_out(&out, "kaderdocument/naamgeving/index.html");
        assert!(attr_values(&kader, "href").contains(&format!("{prefix}criteria/")));
    }
}

/// A site without the records has none of their pages, and no links to them.
#[test]
fn a_site_without_records_has_no_record_pages() {
    let site = fixture_site("minimal");
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    for p in [
        "documenten/index.html",
        "bvg/index.html",
        "criteria/index.html",
    ] {
        assert!(!out.join(p).exists(), "{p}");
    }
    let files = list_files(&out);
    for f in files.iter().filter(|f| f.ends_with(".html")) {
        let html = read(&out.join(f));
        assert!(
            !html.contains("/bvg/") && !html.contains("/criteria/"),
            "{f}"
        );
    }
}
