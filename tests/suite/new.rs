//! `svdk new`: the pages it starts pass `svdk check` and build.

use std::fs;
use std::path::PathBuf;

use crate::prelude::*;
use chrono::NaiveDate;
use svdk::new::{Kind, NewPage, create};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2010, 3, 15).unwrap()
}

fn page(kind: Kind, title: &str) -> NewPage {
    NewPage {
        kind,
        title: title.into(),
        werkplein: None,
        themas: vec![],
        soort: None,
    }
}

#[test]
fn new_pages_pass_check_and_build() {
    let site = fixture_site("minimal");
    let root = site.root();
    let before = check(&root, &[]);
    before.assert_success();
    assert!(before.warnings().is_empty(), "{}", before.describe());

    let practice = NewPage {
        werkplein: Some("den-bosch".into()),
        themas: vec!["jongeren".into()],
        ..page(
            Kind::Praktijkvoorbeeld,
            "Werkstraat: 'één' loket voor \"alle\" klanten #1",
        )
    };
    let national = page(Kind::Praktijkvoorbeeld, "Landelijke aanpak Wajong");
    let vraag = NewPage {
        soort: Some("vraag".into()),
        werkplein: Some("amsterdam".into()),
        ..page(Kind::Journaal, "Hoe regelen jullie de intake?")
    };
    let nieuws = NewPage {
        werkplein: Some("den-bosch".into()),
        themas: vec!["jongeren".into()],
        ..page(Kind::Journaal, "Cliëntenraad opgericht")
    };
    let agenda = NewPage {
        soort: Some("agenda".into()),
        ..page(Kind::Journaal, "Ketenacademie: bijeenkomst")
    };

    let mut written = Vec::new();
    for p in [&practice, &national, &vraag, &nieuws, &agenda] {
        let rel = create(&root, p, day()).unwrap_or_else(|ds| {
            panic!(
                "create {:?} failed:\n{}",
                p.title,
                ds.iter()
                    .map(|d| d.text(svdk::messages::Lang::En))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(root.join(&rel).is_file(), "{} not written", rel.display());
        written.push(rel);
    }
    assert_eq!(
        written,
        [
            "content/praktijkvoorbeelden/werkstraat-een-loket-voor-alle-klanten-1.md",
            "content/praktijkvoorbeelden/landelijke-aanpak-wajong.md",
            "content/journaal/hoe-regelen-jullie-de-intake.md",
            "content/journaal/clientenraad-opgericht.md",
            "content/journaal/ketenacademie-bijeenkomst.md",
        ]
        .map(PathBuf::from)
    );

    let practice_text = read(&root.join(&written[0]));
    assert!(
        practice_text.contains("date: 2010-03-15\n"),
        "{practice_text}"
    );
    for part in [
        "Situatieschets",
        "Gekozen oplossing",
        "Resultaat",
        "Wat maakt dat het werkt?",
    ] {
        assert!(
            practice_text.contains(&format!("\n## {part}\n")),
            "{practice_text}"
        );
    }
    let vraag_text = read(&root.join(&written[2]));
    assert!(
        vraag_text.contains("vraag_van: amsterdam\n"),
        "{vraag_text}"
    );
    assert!(vraag_text.contains("\n## Antwoord\n"), "{vraag_text}");

    // Every new page is a draft: the site checks clean and does not publish them.
    for rel in &written {
        assert!(
            read(&root.join(rel)).contains("\ndraft: true\n"),
            "{}",
            rel.display()
        );
    }
    let run = check(&root, &[]);
    run.assert_success();
    assert!(run.errors().is_empty(), "{}", run.describe());
    assert!(run.warnings().is_empty(), "{}", run.describe());
    check(&root, &["--strict"]).assert_success();
    let out = site.sibling("out");
    build(&root, &out, &[]).assert_success();
    assert!(
        !out.join("praktijkvoorbeelden/werkstraat-een-loket-voor-alle-klanten-1")
            .exists()
    );

    // With --drafts (the preview) they are published under their slugs, with their titles;
    // their guidance is what remains to be written (tests/suite/safety_net.rs).
    let run = check(&root, &["--drafts"]);
    run.assert_success();
    assert!(run.errors().is_empty(), "{}", run.describe());
    assert!(
        run.warnings()
            .iter()
            .all(|d| d.message.contains("template's guidance")
                || d.message.contains("'samenvatting' is empty")),
        "{}",
        run.describe()
    );
    build(&root, &out, &["--drafts"]).assert_success();
    let html = read_out(
        &out,
        "praktijkvoorbeelden/werkstraat-een-loket-voor-alle-klanten-1/index.html",
    );
    assert!(
        html.contains("Werkstraat: ") && html.contains("alle") && html.contains("#1"),
        "title missing from the page"
    );
    read_out(&out, "journaal/hoe-regelen-jullie-de-intake/index.html");
    read_out(&out, "journaal/2010-03/index.html");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let site = fixture_site("minimal");
    let root = site.root();
    let existing = root.join("content/praktijkvoorbeelden/gezamenlijke-intake.md");
    let before = fs::read(&existing).unwrap();
    let err = create(
        &root,
        &page(Kind::Praktijkvoorbeeld, "Gezamenlijke intake"),
        day(),
    )
    .unwrap_err();
    let all: Vec<String> = err
        .iter()
        .map(|d| d.text(svdk::messages::Lang::En))
        .collect();
    assert!(
        all.iter().any(|m| m.starts_with(
            "content/praktijkvoorbeelden/gezamenlijke-intake.md: error: \
             content/praktijkvoorbeelden/gezamenlijke-intake.md already exists"
        ) && m
            .contains("hint: choose another title, or edit the existing file")),
        "{all:#?}"
    );
    assert_eq!(fs::read(&existing).unwrap(), before);
}

#[test]
fn unknown_ids_are_refused_with_hints() {
    let site = fixture_site("minimal");
    let root = site.root();
    let p = NewPage {
        werkplein: Some("denbosch".into()),
        themas: vec!["jongren".into()],
        ..page(Kind::Praktijkvoorbeeld, "Iets nieuws")
    };
    let err = create(&root, &p, day()).unwrap_err();
    let all = err
        .iter()
        .map(|d| d.text(svdk::messages::Lang::En))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        all.contains(
            "--werkplein: error: unknown werkplein 'denbosch'\n  \
             = hint: did you mean 'den-bosch'?"
        ),
        "{all}"
    );
    assert!(
        all.contains("--thema: error: unknown thema 'jongren'\n  = hint: did you mean 'jongeren'?"),
        "{all}"
    );
    assert!(
        !root
            .join("content/praktijkvoorbeelden/iets-nieuws.md")
            .exists()
    );
}

/// The command line, as the lead wires it:
/// `svdk new <praktijkvoorbeeld|journaal> <TITEL> [--root DIR] [--werkplein ID] [--thema ID]...
/// [--soort S]`, printing the path written; exit 1 with diagnostics on stderr on error.
#[test]
fn cli_new_writes_a_page_that_passes_check() {
    let site = fixture_site("minimal");
    let root = site.root();
    let root_arg = path_str(&root);
    let run = svdk(
        &site.dir,
        &[
            "new",
            "praktijkvoorbeeld",
            "Werkstraat: één loket",
            "--root",
            &root_arg,
            "--werkplein",
            "den-bosch",
            "--thema",
            "jongeren",
        ],
    );
    run.assert_success();
    let rel = "content/praktijkvoorbeelden/werkstraat-een-loket.md";
    assert!(root.join(rel).is_file(), "{}", run.describe());
    assert!(
        run.stdout.contains("werkstraat-een-loket.md"),
        "{}",
        run.describe()
    );
    let checked = check(&root, &[]);
    checked.assert_success();
    assert!(checked.warnings().is_empty(), "{}", checked.describe());

    // The same title again: refused, exit 1, the file named on stderr.
    let again = svdk(
        &site.dir,
        &[
            "new",
            "praktijkvoorbeeld",
            "Werkstraat: één loket",
            "--root",
            &root_arg,
            "--lang",
            "en",
        ],
    );
    again.assert_exit(1);
    assert!(
        again.errors().iter().any(|d| d.path == rel),
        "{}",
        again.describe()
    );

    // An unknown werkplein: exit 1 with the build's hint, nothing written.
    let bad = svdk(
        &site.dir,
        &[
            "new",
            "journaal",
            "Vraag over de intake",
            "--root",
            &root_arg,
            "--soort",
            "vraag",
            "--werkplein",
            "denbosch",
        ],
    );
    bad.assert_exit(1);
    assert!(
        bad.errors()
            .iter()
            .any(|d| d.path == "--werkplein" && d.hints.iter().any(|h| h.contains("den-bosch"))),
        "{}",
        bad.describe()
    );
    assert!(
        !root
            .join("content/journaal/vraag-over-de-intake.md")
            .exists()
    );
}
