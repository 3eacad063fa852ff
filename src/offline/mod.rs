//! `svdk build --relative`: a site that works from a folder or a zip opened with `file://`.
//!
//! One step after rendering, over the finished output (the same idea as Hugo's `relativeURLs`),
//! so that no template and no URL in the model needs to know about it:
//!
//! - every internal URL in the HTML (`href`, `src`, `srcset`, `action`, the search forms'
//!   `data-zoek-*`, in the page and in its inline SVG charts) becomes relative to the page, and a
//!   folder URL gets its `index.html` (a browser shows a folder's listing, not its index, from
//!   disk): `/landkaart/` on `/werkpleinen/breda/` → `../../landkaart/index.html`. Absolute URLs
//!   (canonical, Open Graph, feeds' contents) stay absolute;
//! - the search index, which a page cannot `fetch` from `file://`, is written as scripts: every
//!   file `zoeken/F` as `zoeken/F.js`, calling `svdkZoekdata(content)` (binary shards as base64);
//! - the theme's search modules (`js/zoeken/*.js`), which browsers do not load as modules from
//!   `file://`, are joined into one classic script `js/zoeken.js` by [`bundle`].
//!
//! The default build never passes through here: it stays byte for byte the same.

pub mod bundle;

use std::collections::BTreeMap;

use base64::Engine as _;
use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::write::{Body, OutFile};

/// The entry module of the theme's search and the classic script made of it.
pub const SEARCH_ENTRY: &str = "js/zoeken/start.js";
pub const SEARCH_SCRIPT: &str = "js/zoeken.js";
/// The search index's manifest as a script (see [`crate::search::MANIFEST`]).
pub const SEARCH_MANIFEST_SCRIPT: &str = "zoeken/index.json.js";

/// Attributes that hold one URL.
const URL_ATTRS: [&str; 7] = [
    "href",
    "src",
    "action",
    "poster",
    "xlink:href",
    "data-zoek-index",
    // The practice filters' index (a script: it loads from file:// as it is).
    "data-filter-index",
];

/// Rewrites the built site `files` for use from `file://` (see the module docs).
pub fn apply(files: &mut Vec<OutFile>, base_path: &str, diags: &Diagnostics) {
    files.par_iter_mut().for_each(|f| {
        if f.path.ends_with(".html")
            && let Some(html) = text_of(&f.body)
        {
            match relative_html(&html, &f.path, base_path) {
                Ok(out) => f.body = Body::Bytes(out.into_bytes()),
                Err(e) => diags.push(Diagnostic::error(
                    f.path.clone(),
                    Pos::new(1, 1),
                    crate::msg!(RelativeRewrite, detail = e),
                )),
            }
        }
    });
    for f in files.iter_mut() {
        if let Some(name) = f.path.strip_prefix(crate::search::DIR)
            && (name.ends_with(".json") || name.ends_with(".bin"))
        {
            let script = match &f.body {
                Body::Bytes(b) if name.ends_with(".bin") => Some(format!(
                    "svdkZoekdata(\"{}\");\n",
                    base64::engine::general_purpose::STANDARD.encode(b)
                )),
                // The JSON of the index never holds `<`, `>` or `&` (search::json).
                Body::Bytes(b) => Some(format!("svdkZoekdata({});\n", String::from_utf8_lossy(b))),
                _ => None,
            };
            f.path.push_str(".js");
            if let Some(s) = script {
                f.body = Body::Bytes(s.into_bytes());
            }
        }
    }
    let sources: BTreeMap<String, String> = files
        .iter()
        .filter(|f| f.path.starts_with("js/zoeken/") && f.path.ends_with(".js"))
        .filter_map(|f| Some((f.path.clone(), text_of(&f.body)?)))
        .collect();
    if sources.contains_key(SEARCH_ENTRY) {
        match bundle::bundle(SEARCH_ENTRY, &sources) {
            Ok(js) => {
                files.retain(|f| f.path != SEARCH_SCRIPT);
                files.push(OutFile {
                    path: SEARCH_SCRIPT.into(),
                    body: Body::Bytes(js.into_bytes()),
                });
                files.sort_by(|a, b| a.path.cmp(&b.path));
            }
            Err(problems) => {
                for (path, line, msg) in problems {
                    diags.push(
                        Diagnostic::error(
                            format!("static/{path}"),
                            Pos::new(line, 1),
                            crate::msg!(RelativeBundle, detail = msg),
                        )
                        .with_hint(Some(crate::msg!(RelativeBundleHint))),
                    );
                }
            }
        }
    }
}

fn text_of(body: &Body) -> Option<String> {
    match body {
        Body::Bytes(b) => String::from_utf8(b.clone()).ok(),
        Body::Static(b) => std::str::from_utf8(b).ok().map(str::to_string),
        Body::Copy(p) => std::fs::read_to_string(p).ok(),
        Body::Unchanged | Body::Written(_) => None,
    }
}

/// The HTML of the page at output path `page` with its internal URLs relative to it.
pub fn relative_html(html: &str, page: &str, base_path: &str) -> Result<String, String> {
    let up = "../".repeat(page.matches('/').count());
    let rel = |url: &str| relative_url(url, &up, base_path);
    let handler = lol_html::element!("*", |el| {
        for name in URL_ATTRS {
            if let Some(v) = el.get_attribute(name)
                && let Some(new) = rel(&v)
            {
                el.set_attribute(name, &new)?;
            }
        }
        if let Some(v) = el.get_attribute("srcset") {
            let new: Vec<String> = v
                .split(',')
                .map(|part| {
                    let part = part.trim();
                    let (url, size) = part.split_once(' ').unwrap_or((part, ""));
                    let url = rel(url).unwrap_or_else(|| url.to_string());
                    if size.is_empty() {
                        url
                    } else {
                        format!("{url} {size}")
                    }
                })
                .collect();
            el.set_attribute("srcset", &new.join(", "))?;
        }
        // The base the search script puts before a result's URL: the site's root folder.
        if let Some(v) = el.get_attribute("data-zoek-basis")
            && v == base_path
        {
            let dir = if up.is_empty() { "./" } else { up.as_str() };
            el.set_attribute("data-zoek-basis", dir)?;
        }
        Ok(())
    });
    lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings::new().append_element_content_handler(handler),
    )
    .map_err(|e| e.to_string())
}

/// `url` relative to a page `up` folders below the root (`../../`), if it is an internal URL
/// (under `base_path`); a folder gets its `index.html`.
fn relative_url(url: &str, up: &str, base_path: &str) -> Option<String> {
    if url.starts_with("//") {
        return None;
    }
    let rest = url.strip_prefix(base_path)?;
    let split = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, tail) = rest.split_at(split);
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    Some(format!("{up}{file}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_relative_to_the_page_with_index_html() {
        let r = |url: &str, up: &str| relative_url(url, up, "/");
        assert_eq!(r("/", "").as_deref(), Some("index.html"));
        assert_eq!(
            r("/landkaart/", "../../").as_deref(),
            Some("../../landkaart/index.html")
        );
        assert_eq!(
            r("/css/style.css", "../").as_deref(),
            Some("../css/style.css")
        );
        assert_eq!(
            r("/werkpleinen/breda/#lk--fasen", "../").as_deref(),
            Some("../werkpleinen/breda/index.html#lk--fasen")
        );
        assert_eq!(
            r("/zoeken/?q=a&amp;b", "").as_deref(),
            Some("zoeken/index.html?q=a&amp;b")
        );
        assert_eq!(r("#boven", "../"), None);
        assert_eq!(r("https://example.org/x/", "../"), None);
        assert_eq!(r("//cdn.example.org/x.js", "../"), None);
        assert_eq!(r("mailto:a@b.nl", "../"), None);
        let sub = |url: &str| relative_url(url, "../", "/sub/");
        assert_eq!(sub("/sub/themas/").as_deref(), Some("../themas/index.html"));
        assert_eq!(sub("/elders/"), None);
    }

    #[test]
    fn rewrites_every_internal_url_of_a_page() {
        let html = concat!(
            r#"<html><head><link rel="stylesheet" href="/sub/css/style.css">"#,
            r#"<link rel="canonical" href="https://example.org/sub/a/b/"></head><body>"#,
            r#"<a href="/sub/">home</a><img src="/sub/img/x.png" srcset="/sub/img/x.png 1x, /sub/img/y.png 2x" alt="">"#,
            r#"<form action="/sub/zoeken/" data-zoek-index="/sub/zoeken/index.json.js" data-zoek-basis="/sub/"></form>"#,
            r##"<svg><a href="/sub/werkpleinen/breda/"><rect/></a><a href="#x">x</a></svg>"##,
            r#"<a href="https://other.example/">x</a></body></html>"#
        );
        let out = relative_html(html, "a/b/index.html", "/sub/").unwrap();
        for want in [
            r#"href="../../css/style.css""#,
            r#"href="https://example.org/sub/a/b/""#,
            r#"<a href="../../index.html">home</a>"#,
            r#"src="../../img/x.png""#,
            r#"srcset="../../img/x.png 1x, ../../img/y.png 2x""#,
            r#"action="../../zoeken/index.html""#,
            r#"data-zoek-index="../../zoeken/index.json.js""#,
            r#"data-zoek-basis="../../""#,
            r#"<a href="../../werkpleinen/breda/index.html"><rect/></a>"#,
            r##"href="#x""##,
            r#"href="https://other.example/""#,
        ] {
            assert!(out.contains(want), "{want} not in {out}");
        }
        let root =
            relative_html(r#"<form data-zoek-basis="/"></form>"#, "index.html", "/").unwrap();
        assert!(root.contains(r#"data-zoek-basis="./""#), "{root}");
    }
}
