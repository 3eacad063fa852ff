//! Builds the repository's own sample site (site.yaml, content/, data/ at the repo root) and
//! checks that every kind of page the contract promises is written.

use crate::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

fn built() -> &'static SharedBuild {
    sample_build()
}

/// The built output, after asserting the build succeeded.
fn out() -> &'static Path {
    let b = built();
    b.run.assert_success();
    &b.out
}

fn missing(out: &Path, expected: &BTreeSet<String>) -> Vec<String> {
    expected
        .iter()
        .filter(|p| !out.join(p.as_str()).is_file())
        .cloned()
        .collect()
}

fn assert_all_exist(what: &str, expected: &BTreeSet<String>) {
    let out = out();
    assert!(
        !expected.is_empty(),
        "the sample site has no {what}: nothing to check"
    );
    let miss = missing(out, expected);
    assert!(
        miss.is_empty(),
        "{} of {} {what} pages missing:\n  {}",
        miss.len(),
        expected.len(),
        miss.join("\n  ")
    );
}

fn content(rel: &str) -> std::path::PathBuf {
    built().site.root().join("content").join(rel)
}

fn is_draft(p: &Path) -> bool {
    fm_bool(&front_matter(p), "draft")
}

fn slug_of(p: &Path) -> String {
    fm_str(&front_matter(p), "slug").unwrap_or_else(|| stem(p))
}

#[test]
fn build_succeeds_without_warnings() {
    let b = built();
    b.run.assert_success();
    let warnings: Vec<&str> = b
        .run
        .stderr
        .lines()
        .filter(|l| l.contains("warning:"))
        .collect();
    assert!(
        warnings.is_empty(),
        "the sample site must build without warnings:\n{}",
        b.run.describe()
    );
    let errors: Vec<&str> = b
        .run
        .stderr
        .lines()
        .filter(|l| l.contains("error:"))
        .collect();
    assert!(
        errors.is_empty(),
        "exit 0 but errors printed:\n{}",
        b.run.describe()
    );
    assert!(
        b.run.stdout.lines().any(|l| l.starts_with("svdk:")),
        "expected a one-line summary starting 'svdk:' on stdout\n{}",
        b.run.describe()
    );
}

#[test]
fn strict_build_succeeds_too() {
    // "no warnings" also means `--strict` passes.
    let site = sample_site();
    let out = site.sibling("out-strict");
    build(&site.root(), &out, &["--strict"]).assert_success();
}

#[test]
fn fixed_pages_exist() {
    let expected: BTreeSet<String> = [
        "index.html",
        "praktijkvoorbeelden/index.html",
        "themas/index.html",
        "journaal/index.html",
        "journaal/atom.xml",
        "journaal/rss.xml",
        "kaderdocument/index.html",
        "kaderdocument/volledig/index.html",
        "werkpleinen/index.html",
        "regios/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "css/style.css",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_all_exist("fixed", &expected);
}

#[test]
fn every_werkplein_page_exists() {
    let ids = data_ids(&built().site.root().join("data/werkpleinen.yaml"));
    let expected = ids
        .iter()
        .map(|id| format!("werkpleinen/{id}/index.html"))
        .collect();
    assert_all_exist("werkplein", &expected);
}

#[test]
fn every_regio_page_exists() {
    let ids = data_ids(&built().site.root().join("data/regios.yaml"));
    let expected = ids
        .iter()
        .map(|id| format!("regios/{id}/index.html"))
        .collect();
    assert_all_exist("regio", &expected);
}

#[test]
fn every_praktijkvoorbeeld_page_exists() {
    let expected = md_files(&content("praktijkvoorbeelden"))
        .iter()
        .filter(|p| !is_draft(p))
        .map(|p| format!("praktijkvoorbeelden/{}/index.html", slug_of(p)))
        .collect();
    assert_all_exist("praktijkvoorbeeld", &expected);
}

#[test]
fn practice_list_pages_exist_per_thema_and_werkplein() {
    let mut themas = BTreeSet::new();
    let mut werkpleinen = BTreeSet::new();
    for p in md_files(&content("praktijkvoorbeelden"))
        .iter()
        .filter(|p| !is_draft(p))
    {
        let fm = front_matter(p);
        themas.extend(fm_list(&fm, "themas"));
        if let Some(w) = fm_str(&fm, "werkplein") {
            werkpleinen.insert(w);
        }
    }
    let expected = themas
        .iter()
        .map(|id| format!("praktijkvoorbeelden/thema/{id}/index.html"))
        .collect();
    assert_all_exist("praktijkvoorbeelden/thema/<id>", &expected);
    let expected = werkpleinen
        .iter()
        .map(|id| format!("praktijkvoorbeelden/werkplein/{id}/index.html"))
        .collect();
    assert_all_exist("praktijkvoorbeelden/werkplein/<id>", &expected);
}

#[test]
fn every_thema_page_exists() {
    let expected = md_files(&content("themas"))
        .iter()
        .filter(|p| !is_draft(p))
        .map(|p| format!("themas/{}/index.html", stem(p)))
        .collect();
    assert_all_exist("thema", &expected);
}

#[test]
fn every_journaal_item_and_edition_exists() {
    let mut items = BTreeSet::new();
    let mut editions = BTreeSet::new();
    for p in md_files(&content("journaal"))
        .iter()
        .filter(|p| !is_draft(p))
    {
        let fm = front_matter(p);
        items.insert(format!("journaal/{}/index.html", slug_of(p)));
        let editie = fm_str(&fm, "editie")
            .or_else(|| fm_str(&fm, "date").map(|d| d.chars().take(7).collect::<String>()));
        let editie = editie.unwrap_or_else(|| panic!("{} has no date", p.display()));
        editions.insert(format!("journaal/{editie}/index.html"));
    }
    assert_all_exist("journaal item", &items);
    assert_all_exist("journaal edition", &editions);
}

#[test]
fn every_kaderdocument_chapter_exists() {
    let expected = md_files(&content("kaderdocument"))
        .iter()
        .filter(|p| !is_draft(p))
        .map(|p| format!("kaderdocument/{}/index.html", slug_of(p)))
        .collect();
    assert_all_exist("kaderdocument chapter", &expected);
}

/// Any other `content/a/b.md` becomes `/a/b/index.html` (`content/a/_index.md` → `/a/`).
#[test]
fn every_plain_page_exists() {
    const SECTIONS: &[&str] = &["praktijkvoorbeelden", "journaal", "kaderdocument", "themas"];
    let root = built().site.root().join("content");
    let mut expected = BTreeSet::new();
    for f in list_files(&root) {
        if !f.ends_with(".md") || f == "_index.md" {
            continue;
        }
        let first = f.split('/').next().unwrap();
        if f.contains('/') && SECTIONS.contains(&first) {
            continue;
        }
        let p = root.join(&f);
        if is_draft(&p) {
            continue;
        }
        let dir = f.rsplit_once('/').map(|(d, _)| d.to_string());
        let name = f.rsplit('/').next().unwrap().trim_end_matches(".md");
        let url = if name == "_index" {
            format!("{}/index.html", dir.unwrap())
        } else {
            let slug = slug_of(&p);
            match dir {
                Some(d) => format!("{d}/{slug}/index.html"),
                None => format!("{slug}/index.html"),
            }
        };
        expected.insert(url);
    }
    if expected.is_empty() {
        return; // the sample site has no plain pages: nothing to check
    }
    assert_all_exist("plain", &expected);
}

/// When the site has Landkaart data, its overview and one page per period with data are written.
#[test]
fn landkaart_pages_exist_when_data_present() {
    let root = built().site.root();
    if !root.join("data/landkaart.yaml").is_file() {
        return;
    }
    let mut expected: BTreeSet<String> = ["landkaart/index.html", "landkaart/historie.csv"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for f in list_files(&root.join("data/landkaart")) {
        if let Some(periode) = f.strip_suffix(".csv")
            && !periode.contains('/')
        {
            expected.insert(format!("landkaart/{periode}/index.html"));
            for csv in ["fasen.csv", "mijlpalen.csv", "werkpleinen.csv"] {
                expected.insert(format!("landkaart/{periode}/{csv}"));
            }
        }
    }
    assert_all_exist("landkaart", &expected);
}

#[test]
fn every_written_page_is_in_the_sitemap() {
    let out = out();
    let sitemap = read_out(out, "sitemap.xml");
    let locs: BTreeSet<String> = element_texts(&sitemap, "loc").into_iter().collect();
    assert!(!locs.is_empty(), "sitemap.xml has no <loc>");
    // Every detail page of a praktijkvoorbeeld must be listed.
    let mut missing = Vec::new();
    for f in list_files(out) {
        if f.starts_with("praktijkvoorbeelden/")
            && f.ends_with("/index.html")
            && f.matches('/').count() == 2
        {
            let path = f.trim_end_matches("index.html");
            if !locs.iter().any(|l| l.ends_with(&format!("/{path}"))) {
                missing.push(path.to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "pages missing from sitemap.xml: {missing:?}"
    );
}

#[test]
fn check_exits_zero_and_writes_nothing() {
    let site = sample_site();
    let before = snapshot(&site.dir);
    let run = check(&site.root(), &[]);
    run.assert_success();
    assert!(
        !run.stderr.contains("warning:") && !run.stderr.contains("error:"),
        "check printed diagnostics on the sample site\n{}",
        run.describe()
    );
    let after = snapshot(&site.dir);
    let diff = snapshot_diff(&before, &after);
    assert!(diff.is_empty(), "`svdk check` wrote to disk: {diff:?}");
}
