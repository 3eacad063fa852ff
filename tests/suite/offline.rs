//! `svdk build --relative` (SPEC §5.6): a site that works from a folder or a zip (file://).
//! No internal URL is absolute, every relative one reaches a file (a folder's index.html, never
//! the folder), the search index and script are in a form a page may load from disk, and the
//! files --relative does not concern are byte for byte those of the default build.

use crate::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

static RELATIVE: OnceLock<SharedBuild> = OnceLock::new();
static DEFAULT: OnceLock<SharedBuild> = OnceLock::new();

const BASE: &str = "https://example.org/sub/";

fn relative() -> &'static SharedBuild {
    let b = shared_sample_build(
        &RELATIVE,
        "offline_relative",
        &["--relative", "--base-url", BASE],
    );
    b.run.assert_success();
    b
}

fn default() -> &'static SharedBuild {
    let b = shared_sample_build(&DEFAULT, "offline_default", &["--base-url", BASE]);
    b.run.assert_success();
    b
}

/// URL-valued attributes of an HTML page.
fn urls_in(html: &str) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for attr in [
        "href",
        "src",
        "action",
        "xlink:href",
        "data-zoek-index",
        "data-zoek-basis",
    ] {
        for u in attr_values(html, attr) {
            v.push((attr.to_string(), unescape_attr(&u)));
        }
    }
    for u in attr_values(html, "srcset") {
        for part in unescape_attr(&u).split(',') {
            if let Some(url) = part.split_whitespace().next() {
                v.push(("srcset".into(), url.to_string()));
            }
        }
    }
    v
}

fn external(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    ["http:", "https:", "mailto:", "tel:", "data:", "#"]
        .iter()
        .any(|p| l.starts_with(p))
}

/// The file a relative URL on page `page` names, or None when it leaves the site.
fn resolve(page: &str, url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[test]
fn no_absolute_internal_url_remains_and_every_link_reaches_a_file() {
    let out = &relative().out;
    let files: BTreeSet<String> = list_files(out);
    let mut bad = Vec::new();
    let mut checked = 0usize;
    let mut pages = 0usize;
    for (f, t) in text_files(out) {
        if !f.ends_with(".html") {
            continue;
        }
        pages += 1;
        for (attr, u) in urls_in(&t) {
            if u.is_empty() || external(&u) || u.starts_with("//") {
                continue;
            }
            checked += 1;
            if u.starts_with('/') {
                bad.push(format!("{f}: {attr}=\"{u}\" is absolute"));
                continue;
            }
            if attr == "data-zoek-basis" {
                // the site's root folder, relative to the page
                if !(u == "./"
                    || u.chars()
                        .collect::<Vec<_>>()
                        .chunks(3)
                        .all(|c| c == ['.', '.', '/']))
                {
                    bad.push(format!(
                        "{f}: data-zoek-basis=\"{u}\" is not the root folder"
                    ));
                }
                continue;
            }
            let path = u.split(['?', '#']).next().unwrap_or("");
            if path.is_empty() || path.ends_with('/') {
                bad.push(format!(
                    "{f}: {attr}=\"{u}\" names a folder, not its index.html"
                ));
                continue;
            }
            match resolve(&f, &u) {
                Some(target) if files.contains(&target) => {}
                Some(target) => bad.push(format!(
                    "{f}: {attr}=\"{u}\" → {target}, which does not exist"
                )),
                None => bad.push(format!("{f}: {attr}=\"{u}\" leaves the site folder")),
            }
        }
    }
    assert!(pages > 200, "{pages} pages");
    assert!(
        checked > pages * 20,
        "only {checked} URLs checked in {pages} pages"
    );
    bad.truncate(40);
    assert!(
        bad.is_empty(),
        "in the --relative build:\n  {}",
        bad.join("\n  ")
    );
}

#[test]
fn search_works_without_fetch_and_without_modules() {
    let out = &relative().out;
    let files = list_files(out);
    let manifest = read_out(out, "zoeken/index.json.js");
    assert!(
        manifest.starts_with("svdkZoekdata({"),
        "{}",
        &manifest[..60.min(manifest.len())]
    );
    assert!(
        manifest.contains("\"vouwen\""),
        "the manifest carries the folding rules"
    );
    let fetched: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("zoeken/") && (f.ends_with(".json") || f.ends_with(".bin")))
        .collect();
    assert!(
        fetched.is_empty(),
        "files only fetch() could load: {fetched:?}"
    );
    let shard = files
        .iter()
        .find(|f| f.starts_with("zoeken/index/") && f.ends_with(".bin.js"))
        .expect("a shard script");
    assert!(read_out(out, shard).starts_with("svdkZoekdata(\""));
    let text = read_out(out, "zoeken/tekst/0.bin.js");
    assert!(text.starts_with("svdkZoekdata(\""), "a text is base64 too");
    let script = read_out(out, "js/zoeken.js");
    assert!(!script.contains("\nimport ") && !script.contains("\nexport "));
    for module in [
        "vouwen.js",
        "laden.js",
        "rangschikken.js",
        "pagina.js",
        "zoekvak.js",
    ] {
        assert!(
            script.contains(&format!("// js/zoeken/{module}")),
            "{module} not in the bundle"
        );
    }
    let home = read_out(out, "index.html");
    assert!(
        home.contains(r#"<script src="js/zoeken.js" defer></script>"#),
        "home loads the classic script"
    );
    assert!(home.contains(r#"data-zoek-index="zoeken/index.json.js""#));
    assert!(home.contains(r#"data-zoek-map="index.html""#));
    assert!(!home.contains("type=\"module\""));
}

#[test]
fn the_default_build_is_untouched_by_the_option() {
    let def = &default().out;
    let rel = &relative().out;
    let home = read_out(def, "index.html");
    assert!(home.contains(r#"<script type="module" src="/sub/js/zoeken/start.js"></script>"#));
    assert!(home.contains(r#"data-zoek-index="/sub/zoeken/index.json""#));
    assert!(!home.contains("data-zoek-map"));
    assert!(
        !def.join("js/zoeken.js").exists(),
        "no bundle in the default build"
    );
    // Everything but the pages, the search files and the output marker (which lists the
    // hashes of all files) is the same in both builds.
    let same = |f: &str| {
        !f.ends_with(".html")
            && !f.starts_with("zoeken/")
            && f != "js/zoeken.js"
            && f != ".svdk-output"
    };
    let a: Vec<String> = list_files(def).into_iter().filter(|f| same(f)).collect();
    let b: Vec<String> = list_files(rel).into_iter().filter(|f| same(f)).collect();
    assert_eq!(a, b);
    assert!(a.len() > 20, "{a:?}");
    for f in &a {
        assert!(
            std::fs::read(def.join(f)).unwrap() == std::fs::read(rel.join(f)).unwrap(),
            "{f} differs between the default and the --relative build"
        );
    }
    // Absolute URLs (canonical, Open Graph, feeds) stay absolute in the --relative build.
    let page = read_out(
        rel,
        "praktijkvoorbeelden/breda-jongeren-in-de-wijk/index.html",
    );
    assert!(page.contains(r#"<meta property="og:url" content="https://example.org/sub/praktijkvoorbeelden/breda-jongeren-in-de-wijk/">"#));
    assert!(page.contains(r#"<link rel="canonical" href="https://example.org/sub/praktijkvoorbeelden/breda-jongeren-in-de-wijk/">"#));
}
