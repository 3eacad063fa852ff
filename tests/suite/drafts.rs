//! Drafts (`draft: true`) are left out of the build unless `--drafts` is given — everywhere:
//! their own pages, lists, feeds, the sitemap, and editions that only they would fill.

use crate::prelude::*;

const DRAFT_PAGES: &[&str] = &[
    "praktijkvoorbeelden/concept/index.html",
    "journaal/concept-bericht/index.html",
    "concept-pagina/index.html",
];

/// The edition 2009-07 holds only the draft journal item.
const DRAFT_ONLY_EDITION: &str = "journaal/2009-07/index.html";

/// Words that appear only in the drafts' titles.
const DRAFT_MARKER: &str = "Geheimzinnig";

#[test]
fn drafts_absent_without_flag() {
    let site = fixture_site("drafts");
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    // the published pages are there (so the build did something)
    for p in [
        "praktijkvoorbeelden/gezamenlijke-intake/index.html",
        "journaal/werkplein-geopend/index.html",
    ] {
        assert!(out.join(p).is_file(), "{p} missing");
    }
    for p in DRAFT_PAGES.iter().chain([&DRAFT_ONLY_EDITION]) {
        assert!(
            !out.join(p).exists(),
            "draft page {p} written without --drafts"
        );
    }
    let leaks: Vec<String> = text_files(&out)
        .into_iter()
        .filter(|(_, t)| t.contains(DRAFT_MARKER))
        .map(|(f, _)| f)
        .collect();
    assert!(
        leaks.is_empty(),
        "draft titles appear in the output without --drafts: {leaks:?}"
    );
}

#[test]
fn drafts_present_with_flag() {
    let site = fixture_site("drafts");
    let out = site.sibling("out");
    build(&site.root(), &out, &["--drafts"]).assert_success();
    for p in DRAFT_PAGES.iter().chain([&DRAFT_ONLY_EDITION]) {
        assert!(
            out.join(p).is_file(),
            "draft page {p} missing with --drafts"
        );
    }
    let page = read_out(&out, "praktijkvoorbeelden/concept/index.html");
    assert!(
        page.contains("Conceptvoorbeeld Geheimzinnig"),
        "draft page lacks its title"
    );
    let list = read_out(&out, "praktijkvoorbeelden/index.html");
    assert!(
        list.contains("Conceptvoorbeeld Geheimzinnig"),
        "draft missing from the practices list with --drafts"
    );
}

#[test]
fn check_with_drafts_validates_drafts() {
    // With --drafts, drafts are part of the site and are validated like any other file.
    let site = fixture_site("drafts");
    site.write(
        "content/journaal/kapot-concept.md",
        "---\ntitle: Kapot concept\ndate: 2009-08-01\ndraft: true\nsoort: nieuws\nwerkpleinen: [bestaat-niet-wp]\n---\n\nTekst.\n",
    );
    let run = check(&site.root(), &["--drafts"]);
    run.assert_exit(1);
    assert!(
        run.errors()
            .iter()
            .any(|d| d.path == "content/journaal/kapot-concept.md"
                && d.message.contains("bestaat-niet-wp")),
        "expected the draft's unknown werkplein to be reported with --drafts\n{}",
        run.describe()
    );
}
