//! The safety net for editors (SPEC §5.6, issue 15 item 2): `svdk new` writes a draft; a page
//! published with the template's guidance or an empty `samenvatting` is warned about at the
//! line; a missing part points at the heading probably meant; a CSV of an unknown period gets
//! the line to add to landkaart.yaml. And agenda items carry schema.org `Event` data.

use crate::prelude::*;
use crate::test_site::TestSite;

/// The 1-based lines of `text` that contain `needle`.
fn lines_with(text: &str, needle: &str) -> Vec<u32> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i as u32 + 1)
        .collect()
}

#[test]
fn a_new_practice_is_a_draft_and_its_template_text_is_caught_at_its_lines() {
    let mut t = TestSite::fixture("minimal");
    let root = path_str(&t.root());
    t.svdk(&[
        "new",
        "praktijkvoorbeeld",
        "Jongeren aan het werk",
        "--root",
        &root,
        "--werkplein",
        "den-bosch",
        "--thema",
        "jongeren",
    ]);
    t.run().assert_success();
    let rel = "content/praktijkvoorbeelden/jongeren-aan-het-werk.md";
    let text = read(&t.root().join(rel));
    assert!(text.contains("\ndraft: true\n"), "{text}");

    // As written it is a draft: not published, and nothing to warn about.
    t.build();
    t.check_file(
        "praktijkvoorbeelden/jongeren-aan-het-werk/index.html",
        false,
    );
    assert!(
        !t.run().stderr.contains("jongeren-aan-het-werk"),
        "{}",
        t.run().describe()
    );

    // Published as is: a warning at every guidance line and at the empty samenvatting.
    t.edit(rel, |s| s.replace("draft: true", "draft: false"));
    let text = read(&t.root().join(rel));
    t.svdk(&["check", "--root", &root]);
    let run = t.run().clone();
    run.assert_success();
    let mine: Vec<Diagnostic> = run
        .warnings()
        .into_iter()
        .filter(|d| d.path == rel)
        .collect();
    let mut expected: Vec<u32> = [
        "Beschrijf de uitgangssituatie",
        "Beschrijf wat het werkplein",
        "Beschrijf wat het heeft opgeleverd",
        "Noem de succesfactoren",
    ]
    .iter()
    .flat_map(|g| lines_with(&text, g))
    .collect();
    expected.sort_unstable();
    assert_eq!(expected.len(), 4, "{text}");
    let guidance: Vec<u32> = mine
        .iter()
        .filter(|d| d.message.contains("hulptekst van het sjabloon"))
        .map(|d| {
            assert_eq!(d.column, 1, "{}", d.raw);
            assert!(
                d.hints.iter().any(|h| h.contains("eigen tekst")),
                "{}",
                d.raw
            );
            d.line
        })
        .collect();
    assert_eq!(guidance, expected, "{}", run.describe());
    let samenvatting = lines_with(&text, "samenvatting:");
    assert!(
        mine.iter()
            .any(|d| d.message == "'samenvatting' is leeg" && vec![d.line] == samenvatting),
        "{}",
        run.describe()
    );
    assert_eq!(mine.len(), 5, "{}", run.describe());
    // `--strict` keeps it off the site.
    t.svdk(&["check", "--root", &root, "--strict"])
        .expect_exit(1);

    // Written by the editor: no warning left.
    t.edit(rel, |s| {
        s.replace("samenvatting: \"\"", "samenvatting: Jongeren vinden sneller werk.")
            .replace(
                "Beschrijf de uitgangssituatie: welk probleem speelde er bij klanten of werkgevers, en waarom moest het anders?",
                "Jongeren vielen tussen wal en schip.",
            )
            .replace(
                "Beschrijf wat het werkplein heeft gedaan: de aanpak, wie erbij betrokken waren (UWV, gemeenten, partners) en hoe het is georganiseerd.",
                "Eén jongerenloket.",
            )
            .replace(
                "Beschrijf wat het heeft opgeleverd voor klanten, werkgevers en het werkplein, waar mogelijk in cijfers.",
                "Twee keer zoveel jongeren aan het werk.",
            )
            .replace(
                "Noem de succesfactoren en tips die andere werkpleinen kunnen overnemen.",
                "Korte lijnen.",
            )
    });
    t.svdk(&["check", "--root", &root, "--lang", "en"]);
    let run = t.run().clone();
    run.assert_success();
    assert!(
        run.warnings().iter().all(|d| d.path != rel),
        "{}",
        run.describe()
    );
}

#[test]
fn a_journal_item_from_the_template_is_caught_too() {
    let mut t = TestSite::fixture("minimal");
    let root = path_str(&t.root());
    t.svdk(&[
        "new", "journaal", "Regiodag", "--root", &root, "--soort", "agenda",
    ]);
    t.run().assert_success();
    let rel = "content/journaal/regiodag.md";
    t.edit(rel, |s| s.replace("draft: true", "draft: false"));
    let text = read(&t.root().join(rel));
    t.svdk(&["check", "--root", &root, "--lang", "en"]);
    let lines: Vec<u32> = t
        .run()
        .warnings()
        .into_iter()
        .filter(|d| d.path == rel && d.message.contains("template's guidance"))
        .map(|d| d.line)
        .collect();
    assert_eq!(lines, lines_with(&text, "- **"), "{}", t.run().describe());
}

#[test]
fn a_missing_part_points_at_the_heading_probably_meant() {
    let rel = "content/praktijkvoorbeelden/gezamenlijke-intake.md";
    let mut t = TestSite::fixture("minimal");
    t.edit(rel, |s| {
        s.replace("## Resultaat", "## Uitkomst")
            .replace("## Gekozen oplossing", "## Gekozen oplosing")
            + "\n## Wat maakt dat het werkt?\n\nSamen.\n"
    });
    let text = read(&t.root().join(rel));
    let root = path_str(&t.root());
    t.svdk(&["check", "--root", &root]);
    let run = t.run().clone();
    run.assert_success();
    let mine: Vec<Diagnostic> = run
        .warnings()
        .into_iter()
        .filter(|d| d.path == rel)
        .collect();
    let uitkomst = mine
        .iter()
        .find(|d| d.message.contains("'Resultaat'"))
        .unwrap_or_else(|| panic!("{}", run.describe()));
    assert_eq!(
        uitkomst.message,
        "het praktijkvoorbeeld heeft geen onderdeel 'Resultaat': is '## Uitkomst' bedoeld?"
    );
    assert_eq!(vec![uitkomst.line], lines_with(&text, "## Uitkomst"));
    assert_eq!(
        uitkomst.hints,
        ["verander de kop '## Uitkomst' in '## Resultaat'"]
    );
    // Close in spelling counts too.
    let oplossing = mine
        .iter()
        .find(|d| d.message.contains("'Gekozen oplossing'"))
        .unwrap_or_else(|| panic!("{}", run.describe()));
    assert_eq!(
        vec![oplossing.line],
        lines_with(&text, "## Gekozen oplosing")
    );
    assert_eq!(mine.len(), 2, "{}", run.describe());

    // Without a likely heading the warning stays at the title, with the heading to add.
    t.edit(rel, |s| s.replace("## Uitkomst", "## Contact"));
    t.svdk(&["check", "--root", &root, "--lang", "en"]);
    let run = t.run().clone();
    let d = run
        .warnings()
        .into_iter()
        .find(|d| d.path == rel && d.message.contains("'Resultaat'"))
        .unwrap_or_else(|| panic!("{}", run.describe()));
    assert_eq!(d.message, "praktijkvoorbeeld has no part 'Resultaat'");
    assert_eq!(
        vec![d.line],
        lines_with(&read(&t.root().join(rel)), "title:")
    );
    assert_eq!(d.hints, ["add a heading '## Resultaat'"]);
}

#[test]
fn a_csv_of_an_unknown_period_gets_the_exact_line_to_add() {
    let mut t = TestSite::fixture("landkaart");
    let csv = read(&t.root().join("data/landkaart/2009-t2.csv"));
    t.file("data/landkaart/2010-t1.csv", &csv);
    let root = path_str(&t.root());
    t.svdk(&["check", "--root", &root]);
    let run = t.run().clone();
    run.assert_exit(1);
    let line =
        r#"  - { id: 2010-t1, naam: "1e tertaal 2010", van: "2010-01-01", tot: "2010-04-30" }"#;
    assert!(
        run.stderr.contains(&format!(
            "data/landkaart/2010-t1.csv: fout: geen periode '2010-t1' in data/landkaart.yaml\n  = tip: zet deze regel bij 'perioden:' in data/landkaart.yaml (van oud naar nieuw):\n{line}\n"
        )),
        "{}",
        run.describe()
    );
    // The line is exact: added at the end of `perioden:` (the last key), the site checks.
    t.edit("data/landkaart.yaml", |s| {
        format!("{}\n{line}\n", s.trim_end())
    });
    t.svdk(&["check", "--root", &root]);
    t.run().assert_success();
    assert!(
        t.run().stdout.contains("0 waarschuwing(en)"),
        "{}",
        t.run().describe()
    );

    // A name that is no period of a known kind: the closest period instead.
    t.file("data/landkaart/2009-t11.csv", &csv);
    t.svdk(&["check", "--root", &root, "--lang", "en"]);
    t.expect_exit(1).expect_stderr_contains(
        "no period '2009-t11' in data/landkaart.yaml\n  = hint: did you mean '2009-t1'?",
    );
}

/// The JSON-LD objects of a page.
fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(i, _)| {
            let rest = &html[i + open.len()..];
            let end = rest.find("</script>").expect("closed script");
            serde_json::from_str(&rest[..end]).expect("valid JSON")
        })
        .collect()
}

#[test]
fn agenda_items_carry_schema_org_event_data() {
    let mut t = TestSite::fixture("minimal");
    t.file(
        "content/journaal/regiodag-noord.md",
        "---\ntitle: Regiodag Noord <live>\ndate: 2009-09-01\nsoort: agenda\nwerkpleinen: [amsterdam]\nwanneer: 2009-10-08T13:00\ntot: \"17:00\"\nwaar: Stadhuis, Amsterdam\nsamenvatting: Werkpleinen uit het noorden & midden ontmoeten elkaar.\n---\n\nProgramma volgt.\n",
    )
    .file(
        "content/journaal/leergang.md",
        "---\ntitle: Leergang\ndate: 2009-11-01\nsoort: agenda\nwanneer: 2010-01-19\ntot: 2010-01-21\n---\n\nDrie dagen.\n",
    )
    .build();
    let page = t.page("journaal/regiodag-noord/index.html");
    // Nothing in the data can end the script.
    assert!(!page.contains("Regiodag Noord <live>\""), "{page}");
    let ld = json_ld(&page);
    assert_eq!(ld.len(), 1, "{page}");
    let e = &ld[0];
    assert_eq!(e["@context"], "https://schema.org");
    assert_eq!(e["@type"], "Event");
    assert_eq!(e["name"], "Regiodag Noord <live>");
    // Dutch summer time: UTC+2.
    assert_eq!(e["startDate"], "2009-10-08T13:00:00+02:00");
    assert_eq!(e["endDate"], "2009-10-08T17:00:00+02:00");
    assert_eq!(e["url"], "https://example.org/journaal/regiodag-noord/");
    assert_eq!(e["location"]["@type"], "Place");
    assert_eq!(e["location"]["name"], "Stadhuis, Amsterdam");
    assert_eq!(
        e["description"],
        "Werkpleinen uit het noorden & midden ontmoeten elkaar."
    );
    assert_eq!(e["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(
        e["eventAttendanceMode"],
        "https://schema.org/OfflineEventAttendanceMode"
    );
    assert_eq!(e["organizer"]["@type"], "Organization");
    assert_eq!(e["organizer"]["name"], "Werkplein Amsterdam");
    assert_eq!(
        e["organizer"]["url"],
        "https://example.org/werkpleinen/amsterdam/"
    );
    assert_eq!(e["inLanguage"], "nl");

    // Whole days: dates without a time; no werkplein: the site organises.
    let ld = json_ld(&t.page("journaal/leergang/index.html"));
    assert_eq!(ld.len(), 1);
    assert_eq!(ld[0]["startDate"], "2010-01-19");
    assert_eq!(ld[0]["endDate"], "2010-01-21");
    assert_eq!(ld[0]["organizer"]["url"], "https://example.org/");
    assert!(ld[0].get("location").is_none());

    // A news item has no Event.
    let news = t.page("journaal/werkplein-geopend/index.html");
    assert!(json_ld(&news).is_empty(), "{news}");
}
