//! With `--base-url https://example.org/sub/` every internal URL in the output starts with
//! `/sub/`, and every absolute URL to example.org is under `https://example.org/sub/`.
//! Also: every internal link of the sample site points at a file that was written.

use crate::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

static SUB: OnceLock<SharedBuild> = OnceLock::new();

fn built_sub() -> &'static SharedBuild {
    let b = shared_sample_build(
        &SUB,
        "base_url_sub",
        &["--base-url", "https://example.org/sub/"],
    );
    b.run.assert_success();
    b
}

fn built_root() -> &'static SharedBuild {
    let b = sample_build();
    b.run.assert_success();
    b
}

fn is_external(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    l.starts_with("http:")
        || l.starts_with("https:")
        || l.starts_with("mailto:")
        || l.starts_with("tel:")
        || l.starts_with('#')
        || l.starts_with("data:")
        || l.starts_with("//")
}

/// Every URL-valued attribute in a file: (attribute, value).
fn urls_in(file: &str, text: &str) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for attr in ["href", "src", "action", "poster", "data-src", "xlink:href"] {
        for u in attr_values(text, attr) {
            v.push((attr.to_string(), unescape_attr(&u)));
        }
    }
    if file.ends_with(".html") {
        for u in attr_values(text, "srcset") {
            for part in unescape_attr(&u).split(',') {
                if let Some(url) = part.split_whitespace().next() {
                    v.push(("srcset".into(), url.to_string()));
                }
            }
        }
    }
    if file.ends_with(".xml") {
        // Feed content is HTML escaped as text: href=&quot;...&quot;
        for (i, _) in text.match_indices("href=&quot;") {
            let s = i + "href=&quot;".len();
            if let Some(e) = text[s..].find("&quot;") {
                v.push((
                    "href (in feed content)".into(),
                    unescape_attr(&text[s..s + e]),
                ));
            }
        }
        for tag in ["loc", "link", "id", "guid"] {
            for t in element_texts(text, tag) {
                if t.starts_with("http") || t.starts_with('/') {
                    v.push((format!("<{tag}>"), unescape_attr(&t)));
                }
            }
        }
    }
    v
}

#[test]
fn every_internal_url_has_the_base_path() {
    let out = &built_sub().out;
    let mut bad = Vec::new();
    let mut internal = 0usize;
    let mut files = 0usize;
    for (f, t) in text_files(out) {
        if !(f.ends_with(".html") || f.ends_with(".xml")) {
            continue;
        }
        files += 1;
        for (attr, u) in urls_in(&f, &t) {
            if is_external(&u) || u.is_empty() {
                continue;
            }
            internal += 1;
            if !u.starts_with("/sub/") {
                bad.push(format!("{f}: {attr}=\"{u}\""));
            }
        }
    }
    assert!(files > 0, "no .html/.xml output");
    assert!(
        internal > files,
        "suspiciously few internal links checked ({internal} in {files} files)"
    );
    bad.truncate(50);
    assert!(
        bad.is_empty(),
        "internal URLs without the /sub/ base path:\n  {}",
        bad.join("\n  ")
    );
}

#[test]
fn every_absolute_url_to_the_site_is_under_the_base_url() {
    let out = &built_sub().out;
    let mut bad = Vec::new();
    let mut seen = 0;
    for (f, t) in text_files(out) {
        for scheme in ["https://example.org", "http://example.org"] {
            for (i, _) in t.match_indices(scheme) {
                seen += 1;
                let rest = &t[i..];
                if !rest.starts_with("https://example.org/sub/") {
                    bad.push(format!("{f}: {}", &rest[..rest.len().min(60)]));
                }
            }
        }
    }
    assert!(
        seen > 0,
        "no absolute URL to the site at all (sitemap, feeds, robots.txt should have them)"
    );
    bad.truncate(50);
    assert!(
        bad.is_empty(),
        "absolute URLs outside https://example.org/sub/:\n  {}",
        bad.join("\n  ")
    );
}

#[test]
fn sitemap_feeds_and_robots_use_the_base_url() {
    let out = &built_sub().out;
    let sitemap = read_out(out, "sitemap.xml");
    let locs = element_texts(&sitemap, "loc");
    assert!(!locs.is_empty(), "sitemap.xml has no <loc>");
    assert!(
        locs.contains(&"https://example.org/sub/".to_string()),
        "home page missing from sitemap: {locs:?}"
    );
    for l in &locs {
        assert!(
            l.starts_with("https://example.org/sub/"),
            "sitemap <loc> outside base url: {l}"
        );
    }
    let robots = read_out(out, "robots.txt");
    assert!(
        robots.contains("https://example.org/sub/sitemap.xml"),
        "robots.txt should point at the absolute sitemap URL:\n{robots}"
    );
    let atom = read_out(out, "journaal/atom.xml");
    assert!(
        atom.contains("https://example.org/sub/journaal/atom.xml"),
        "atom feed lacks its own URL"
    );
    let index = read_out(out, "index.html");
    assert!(
        index.contains("/sub/css/style.css"),
        "home page does not load /sub/css/style.css"
    );
}

/// Maps an internal URL path (without base path) to the output file that serves it.
fn target_file(path: &str) -> String {
    let p = path.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') {
        format!("{p}index.html")
    } else {
        p.to_string()
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn check_links_resolve(out: &Path, base: &str) {
    let files: BTreeSet<String> = list_files(out);
    let mut cache: BTreeMap<String, String> = BTreeMap::new();
    let mut bad = Vec::new();
    let mut checked = 0;
    for (f, t) in text_files(out) {
        if !f.ends_with(".html") {
            continue;
        }
        for (attr, u) in urls_in(&f, &t) {
            if is_external(&u) || u.is_empty() || !u.starts_with(base) {
                continue;
            }
            checked += 1;
            let rest = &u[base.len() - 1..]; // keep the leading '/'
            let (path, frag) = match rest.split_once('#') {
                Some((p, fr)) => (p, Some(fr)),
                None => (rest, None),
            };
            let path = path.split('?').next().unwrap();
            let target = target_file(&percent_decode(path));
            if !files.contains(&target) {
                bad.push(format!("{f}: {attr}=\"{u}\" -> {target} does not exist"));
                continue;
            }
            if let Some(frag) = frag.filter(|fr| !fr.is_empty())
                && target.ends_with(".html")
            {
                let html = cache
                    .entry(target.clone())
                    .or_insert_with(|| read(&out.join(&target)));
                if !html.contains(&format!("id=\"{frag}\""))
                    && !html.contains(&format!("name=\"{frag}\""))
                {
                    bad.push(format!(
                        "{f}: {attr}=\"{u}\" -> no id=\"{frag}\" in {target}"
                    ));
                }
            }
        }
    }
    assert!(checked > 0, "no internal links found");
    bad.truncate(50);
    assert!(
        bad.is_empty(),
        "broken internal links ({checked} checked):\n  {}",
        bad.join("\n  ")
    );
}

#[test]
fn every_internal_link_resolves_with_base_path() {
    check_links_resolve(&built_sub().out, "/sub/");
}

#[test]
fn every_internal_link_resolves_at_root() {
    check_links_resolve(&built_root().out, "/");
}
