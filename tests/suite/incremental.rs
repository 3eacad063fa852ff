//! The incremental rebuilds of `svdk serve` (a `build::Session`) give exactly the site a full
//! build gives, after every kind of edit an editor makes.

use crate::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

use svdk::build::{self, Options, Session};

fn options(root: &Path, out: &Path) -> Options {
    Options {
        root: root.to_path_buf(),
        out: Some(out.to_path_buf()),
        base_url: None,
        drafts: false,
        strict: false,
        write: true,
        relative: false,
        lang: None,
        progress: Default::default(),
    }
}

/// Rebuilds the session after changes to `changed` (paths relative to the site), builds the
/// same site from scratch, and compares both outputs.
fn assert_same_as_full_build(session: &mut Session, site: &Site, step: &str, changed: &[&str]) {
    let changed: Vec<PathBuf> = changed.iter().map(|p| site.root().join(p)).collect();
    let report = if changed.is_empty() {
        session.build()
    } else {
        session.rebuild(&changed)
    };
    assert!(
        report.ok,
        "{step}: incremental build failed: {:?}",
        report.diagnostics
    );
    let full_out = site.sibling("full");
    let full = build::build(&options(&site.root(), &full_out)).finish();
    assert!(full.ok, "{step}: full build failed: {:?}", full.diagnostics);
    // The marker of a full build also holds its stamp (a serve session stamps nothing).
    let files = |dir: &std::path::Path| {
        let mut s = snapshot(dir);
        s.remove(".svdk-output");
        s
    };
    let a = files(&site.sibling("serve"));
    let b = files(&full_out);
    let diff = snapshot_diff(&a, &b);
    assert!(
        diff.is_empty(),
        "{step}: incremental output differs from a full build:\n{}",
        diff.join("\n")
    );
}

fn edit(site: &Site, rel: &str, f: impl FnOnce(String) -> String) {
    let path = site.root().join(rel);
    let before = fs::read_to_string(&path).unwrap();
    let after = f(before.clone());
    assert_ne!(before, after, "edit of {rel} changed nothing");
    fs::write(path, after).unwrap();
}

#[test]
fn every_kind_of_edit_gives_the_full_build() {
    let site = sample_site();
    let mut session = Session::new(options(&site.root(), &site.sibling("serve")));
    assert_same_as_full_build(&mut session, &site, "first build", &[]);

    let practice = "content/praktijkvoorbeelden/assen-werkstraat.md";
    edit(&site, practice, |t| {
        t.replace("## Resultaat", "## Resultaat\n\nEen nieuwe alinea.")
    });
    assert_same_as_full_build(&mut session, &site, "body of a practice", &[practice]);

    // A table in the text: its CSV copy, and /open-data/ lists it.
    edit(&site, practice, |t| {
        t.replace(
            "## Resultaat",
            "## Resultaat\n\n| Jaar | Klanten |\n|---|---|\n| 2009 | 120 |\n",
        )
    });
    assert_same_as_full_build(&mut session, &site, "table in a practice", &[practice]);

    edit(&site, practice, |t| {
        t.replacen("title:", "title: Nieuw:", 1)
            .replacen("Nieuw: \"", "\"Nieuw: ", 1)
    });
    assert_same_as_full_build(&mut session, &site, "title of a practice", &[practice]);

    edit(&site, practice, |t| {
        t.replace("werkplein: assen", "werkplein: emmen")
    });
    assert_same_as_full_build(&mut session, &site, "werkplein of a practice", &[practice]);

    edit(&site, practice, |t| {
        let start = t.find("themas:").unwrap();
        let end = start + t[start..].find('\n').unwrap();
        format!("{}themas: [ouderen]{}", &t[..start], &t[end..])
    });
    assert_same_as_full_build(&mut session, &site, "thema's of a practice", &[practice]);

    site.write(
        "content/praktijkvoorbeelden/nieuw-voorbeeld.md",
        "---\ntitle: Een nieuw voorbeeld\ndate: 2010-12-01\nwerkplein: venlo\nthemas: [jongeren]\n---\n\n## Situatieschets\n\nA.\n\n## Gekozen oplossing\n\nB.\n\n## Resultaat\n\nC.\n\n## Wat maakt dat het werkt?\n\nD.\n",
    );
    assert_same_as_full_build(
        &mut session,
        &site,
        "new practice",
        &["content/praktijkvoorbeelden/nieuw-voorbeeld.md"],
    );

    fs::remove_file(
        site.root()
            .join("content/praktijkvoorbeelden/nieuw-voorbeeld.md"),
    )
    .unwrap();
    assert_same_as_full_build(
        &mut session,
        &site,
        "deleted practice",
        &["content/praktijkvoorbeelden/nieuw-voorbeeld.md"],
    );

    let journaal = first_md(&site.root().join("content/journaal"));
    edit(&site, &journaal, |t| {
        let start = t.find("date:").unwrap();
        let end = start + t[start..].find('\n').unwrap();
        format!("{}date: 2011-03-01{}", &t[..start], &t[end..])
    });
    assert_same_as_full_build(
        &mut session,
        &site,
        "journal item moved to a new edition",
        &[&journaal],
    );

    edit(&site, "content/themas/jongeren.md", |t| {
        t.replacen("title:", "title: Jong:", 1)
            .replacen("Jong: \"", "\"Jong: ", 1)
    });
    assert_same_as_full_build(
        &mut session,
        &site,
        "title of a thema",
        &["content/themas/jongeren.md"],
    );

    edit(&site, "content/kaderdocument/missie.md", |t| {
        t.replacen("weight: 1\n", "weight: 99\n", 1)
    });
    assert_same_as_full_build(
        &mut session,
        &site,
        "order of the kaderdocument chapters",
        &["content/kaderdocument/missie.md"],
    );

    // A practice no other page links to (a link to a draft is an error).
    site.write(
        "content/praktijkvoorbeelden/concept.md",
        "---\ntitle: Concept\ndate: 2010-11-01\nwerkplein: assen\nthemas: [jongeren]\n---\n\n## Situatieschets\n\nA.\n\n## Gekozen oplossing\n\nB.\n\n## Resultaat\n\nC.\n\n## Wat maakt dat het werkt?\n\nD.\n",
    );
    assert_same_as_full_build(
        &mut session,
        &site,
        "another new practice",
        &["content/praktijkvoorbeelden/concept.md"],
    );
    edit(&site, "content/praktijkvoorbeelden/concept.md", |t| {
        t.replacen("---\n", "---\ndraft: true\n", 1)
    });
    assert_same_as_full_build(
        &mut session,
        &site,
        "practice made a draft",
        &["content/praktijkvoorbeelden/concept.md"],
    );

    edit(&site, "data/werkpleinen.yaml", |t| {
        t.replacen("naam: Werkplein Venlo", "naam: Werkplein Venlo-Noord", 1)
    });
    assert_same_as_full_build(
        &mut session,
        &site,
        "werkplein renamed in the data",
        &["data/werkpleinen.yaml"],
    );

    // The werkplein's records: a status change, a new document with its file, a changed answer.
    edit(&site, "data/bvg.csv", |t| {
        t + "den-bosch,2010-02-15,in-gebruik\n"
    });
    fs::copy(
        site.root()
            .join("static/bestanden/handreiking-ketenjaarplan.pdf"),
        site.root().join("static/bestanden/venlo.pdf"),
    )
    .unwrap();
    edit(&site, "data/documenten.yaml", |t| {
        t + "- werkplein: venlo\n  titel: Plan Venlo\n  soort: overig\n  datum: 2010-05-01\n  bestand: bestanden/venlo.pdf\n"
    });
    edit(&site, "data/criteria/2010-k2.csv", |t| {
        t.replacen("\nvenlo,ja,", "\nvenlo,nee,", 1)
    });
    assert_same_as_full_build(
        &mut session,
        &site,
        "the werkplein's records changed",
        &[
            "data/bvg.csv",
            "data/documenten.yaml",
            "data/criteria/2010-k2.csv",
            "static/bestanden/venlo.pdf",
        ],
    );

    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Weg</h1>{% endblock main %}",
    );
    assert_same_as_full_build(
        &mut session,
        &site,
        "a template overridden",
        &["templates/404.html"],
    );
}

/// Lists paginated at 3 a page: an edit re-renders only the list pages that show the practice,
/// unless it moves practices between pages.
#[test]
fn paginated_lists_follow_every_edit() {
    let site = sample_site();
    edit(&site, "site.yaml", |t| {
        t.replacen("paginering: 10", "paginering: 3", 1)
    });
    let mut session = Session::new(options(&site.root(), &site.sibling("serve")));
    assert_same_as_full_build(&mut session, &site, "first build", &[]);
    let page2 = site
        .sibling("serve")
        .join("praktijkvoorbeelden/pagina/2/index.html");
    // Newest first, 3 a page: the fifth newest practice is on page 2.
    let practice = "content/praktijkvoorbeelden/tilburg-wajongeren-aan-de-slag.md";
    assert!(
        fs::read_to_string(&page2)
            .unwrap()
            .contains("Wajongeren aan de slag")
    );

    edit(&site, practice, |t| {
        t.replacen("title: \"", "title: \"Bewerkt: ", 1)
    });
    assert_same_as_full_build(
        &mut session,
        &site,
        "title of a practice on page 2",
        &[practice],
    );
    assert!(
        fs::read_to_string(&page2)
            .unwrap()
            .contains("Bewerkt: Wajongeren")
    );

    edit(&site, practice, |t| {
        t.replacen("## Resultaat", "## Resultaat\n\nMeer.", 1)
    });
    assert_same_as_full_build(
        &mut session,
        &site,
        "text of a practice on page 2",
        &[practice],
    );

    edit(&site, practice, |t| {
        let start = t.find("themas:").unwrap();
        let end = start + t[start..].find('\n').unwrap();
        format!("{}themas: [ouderen]{}", &t[..start], &t[end..])
    });
    assert_same_as_full_build(
        &mut session,
        &site,
        "thema's of a practice on page 2",
        &[practice],
    );

    edit(&site, practice, |t| {
        t.replacen("date: 2010-02-15", "date: 2010-12-01", 1)
    });
    assert_same_as_full_build(&mut session, &site, "practice moved to page 1", &[practice]);

    let new = "content/praktijkvoorbeelden/nieuwste.md";
    site.write(
        new,
        "---\ntitle: Het nieuwste voorbeeld\ndate: 2011-01-10\nwerkplein: venlo\nthemas: [jongeren]\n---\n\n## Situatieschets\n\nA.\n\n## Gekozen oplossing\n\nB.\n\n## Resultaat\n\nC.\n\n## Wat maakt dat het werkt?\n\nD.\n",
    );
    assert_same_as_full_build(
        &mut session,
        &site,
        "new practice shifts every page",
        &[new],
    );

    fs::remove_file(site.root().join(new)).unwrap();
    assert_same_as_full_build(&mut session, &site, "newest practice deleted", &[new]);

    let old = "content/praktijkvoorbeelden/oudste.md";
    site.write(
        old,
        "---\ntitle: Het oudste voorbeeld\ndate: 2008-01-07\nwerkplein: assen\nthemas: [ouderen]\n---\n\n## Situatieschets\n\nA.\n\n## Gekozen oplossing\n\nB.\n\n## Resultaat\n\nC.\n\n## Wat maakt dat het werkt?\n\nD.\n",
    );
    assert_same_as_full_build(
        &mut session,
        &site,
        "an oldest practice on the last page",
        &[old],
    );
    fs::remove_file(site.root().join(old)).unwrap();
    assert_same_as_full_build(&mut session, &site, "last page's practice deleted", &[old]);
}

/// The first Markdown file (not `_index.md`) in a folder, relative to the site root.
fn first_md(dir: &Path) -> String {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md"))
        .collect();
    files.sort();
    let root = dir.parent().unwrap().parent().unwrap();
    files[0]
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .into_owned()
}
