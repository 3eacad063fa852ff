//! Everything from content and data is HTML-escaped; raw HTML in Markdown is kept, but
//! `<script>`, `on*=` attributes and `javascript:` URLs are removed.
//! Fixture: `tests/fixtures/escaping/`.

use crate::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

struct Built {
    _site: Site,
    out: std::path::PathBuf,
    files: Vec<(String, String)>,
}

static BUILT: OnceLock<Built> = OnceLock::new();

fn built() -> &'static Built {
    BUILT.get_or_init(|| {
        let site = fixture_site("escaping");
        let out = site.sibling("out");
        build(&site.root(), &out, &[]).assert_success();
        let files = text_files(&out);
        Built {
            _site: site,
            out,
            files,
        }
    })
}

fn out() -> &'static Path {
    &built().out
}

/// Files (all text output) containing `needle`.
fn files_containing(needle: &str) -> Vec<String> {
    built()
        .files
        .iter()
        .filter(|(_, t)| t.contains(needle))
        .map(|(f, _)| f.clone())
        .collect()
}

fn assert_nowhere(needle: &str) {
    let hits = files_containing(needle);
    assert!(
        hits.is_empty(),
        "{needle:?} found in output files: {hits:?}"
    );
}

/// Is byte offset `pos` of `html` inside a tag (i.e. in an attribute), rather than in text?
fn inside_tag(html: &str, pos: usize) -> bool {
    let before = &html[..pos];
    match (before.rfind('<'), before.rfind('>')) {
        (Some(lt), Some(gt)) => lt > gt,
        (Some(_), None) => true,
        _ => false,
    }
}

#[test]
fn no_script_from_content_survives() {
    let _ = out();
    assert_nowhere("<script>alert");
    for n in 2..=8 {
        // alert(1) is the escaped title; the others were code in bodies and must not run.
        let code = format!("alert({n})");
        for (f, t) in &built().files {
            for (i, _) in t.match_indices(&code) {
                assert!(
                    !inside_tag(t, i),
                    "{f}: {code} survives inside a tag (an attribute or URL)"
                );
                let before = &t[..i];
                let open = before.rfind("<script").map(|p| p as i64).unwrap_or(-1);
                let close = before.rfind("</script").map(|p| p as i64).unwrap_or(-1);
                assert!(
                    open <= close,
                    "{f}: {code} survives inside a <script> element"
                );
            }
        }
        // In feeds, content is HTML escaped as text: a script there would run in a feed reader.
        assert_nowhere(&format!("&lt;script&gt;{code}"));
    }
}

#[test]
fn title_is_escaped() {
    let page = read_out(out(), "praktijkvoorbeelden/script-titel/index.html");
    assert!(
        page.contains("&lt;script&gt;alert(1)"),
        "the title should appear escaped as &lt;script&gt;alert(1)...; page:\n{page}"
    );
    assert!(!page.contains("<script>alert(1)"));
    let list = read_out(out(), "praktijkvoorbeelden/index.html");
    assert!(
        list.contains("&lt;script&gt;alert(1)"),
        "escaped title missing from the practices list"
    );
}

#[test]
fn werkplein_name_is_escaped_in_text_and_attributes() {
    let page = read_out(out(), "werkpleinen/de-brug/index.html");
    assert!(
        page.contains("De &lt;Brug&gt;"),
        "werkplein naam should appear escaped (De &lt;Brug&gt;)"
    );
    assert_nowhere("<Brug>");
    // Wherever the name lands inside a tag (title=, alt=, aria-label=, content=), its quote
    // must be escaped too, or it would end the attribute.
    for (f, t) in &built().files {
        if !f.ends_with(".html") {
            continue;
        }
        for (i, _) in t.match_indices("De &lt;Brug") {
            if inside_tag(t, i) {
                let before = &t[..i];
                assert!(
                    ["&quot;", "&#34;", "&#x22;", "&#X22;"]
                        .iter()
                        .any(|q| before.ends_with(q)),
                    "{f}: werkplein naam inside an attribute with an unescaped '\"': ...{}...",
                    &t[i.saturating_sub(60)..(i + 30).min(t.len())]
                );
            }
        }
    }
}

#[test]
fn data_and_summaries_are_escaped() {
    let werkplein = read_out(out(), "werkpleinen/de-brug/index.html");
    assert!(
        werkplein.contains("&lt;b&gt;Brugdorp"),
        "gemeente name should appear escaped"
    );
    assert_nowhere("<b>Brugdorp</b>");
    let list = read_out(out(), "praktijkvoorbeelden/index.html");
    assert!(
        list.contains("Kosten &amp; baten &lt;b&gt;vet"),
        "samenvatting should appear escaped in the practices list"
    );
    assert_nowhere("<b>vet</b>");
    assert_nowhere("<jan@example.org>");
}

#[test]
fn markdown_text_is_escaped_raw_html_kept() {
    let page = read_out(out(), "praktijkvoorbeelden/script-titel/index.html");
    assert!(
        page.contains("class=\"kader\""),
        "raw HTML <div class=\"kader\"> should be kept"
    );
    assert!(page.contains(">ok<"), "contents of the kept div missing");
    assert!(
        page.contains("een &amp; en een &lt; teken"),
        "bare & and < in Markdown text must be escaped"
    );
    assert!(
        page.contains("alt=\"x\""),
        "the <img> itself should be kept, only its handler removed"
    );
}

#[test]
fn event_handlers_and_javascript_urls_removed() {
    let _ = out();
    assert_nowhere("onerror");
    assert_nowhere("onclick=\"alert");
    let hits: Vec<String> = built()
        .files
        .iter()
        .filter(|(_, t)| t.to_ascii_lowercase().contains("javascript:"))
        .map(|(f, _)| f.clone())
        .collect();
    assert!(hits.is_empty(), "javascript: URLs found in: {hits:?}");
}

#[test]
fn feeds_escape_titles_and_are_well_formed() {
    let atom = read_out(out(), "journaal/atom.xml");
    let rss = read_out(out(), "journaal/rss.xml");
    for (name, xml) in [("atom.xml", &atom), ("rss.xml", &rss)] {
        assert!(
            xml.contains("Brood &amp; Spelen &lt;nu&gt;"),
            "{name}: title not escaped"
        );
        assert!(!xml.contains("Brood & Spelen"), "{name}: raw & in title");
        // every '&' must start an entity reference
        for (i, _) in xml.match_indices('&') {
            let rest = &xml[i + 1..];
            let end = rest.find(';').unwrap_or(usize::MAX);
            let ok = end != usize::MAX && end > 0 && end <= 10 && {
                let e = &rest[..end];
                e.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
            };
            assert!(
                ok,
                "{name}: bare '&' at byte {i}: ...{}...",
                &xml[i.saturating_sub(30)..(i + 30).min(xml.len())]
            );
        }
    }
}
