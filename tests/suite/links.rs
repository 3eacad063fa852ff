//! Relative `.md` links between content files are rewritten to page URLs (with the base path);
//! a missing target or `#anchor` fails the build with the link's `path:line:`.
//! Fixture: `tests/fixtures/links/`.

use crate::prelude::*;

fn build_links(extra: &[&str]) -> (Site, std::path::PathBuf) {
    let site = fixture_site("links");
    let out = site.sibling("out");
    build(&site.root(), &out, extra).assert_success();
    (site, out)
}

fn hrefs(html: &str) -> Vec<String> {
    attr_values(html, "href")
        .iter()
        .map(|h| unescape_attr(h))
        .collect()
}

fn assert_has_href(out: &std::path::Path, page: &str, href: &str) {
    let html = read_out(out, page);
    let all = hrefs(&html);
    assert!(
        all.iter().any(|h| h == href),
        "{page}: expected a link href=\"{href}\"; hrefs found:\n  {}",
        all.join("\n  ")
    );
}

#[test]
fn md_links_and_anchors_are_rewritten() {
    let (_site, out) = build_links(&[]);
    let p = "praktijkvoorbeelden/mooi-voorbeeld/index.html";
    for href in [
        "/themas/jongeren/#aanpak",
        "/themas/jongeren/#aanpak-1",
        "/themas/jongeren/#aanpak-2",
        "/themas/jongeren/#clientenparticipatie-ouderen-45",
        "/themas/werkgevers/#een-werkgeversservicepunt",
        "/praktijkvoorbeelden/gezamenlijke-intake/",
        "/journaal/werkplein-geopend/",
        "/kaderdocument/inleiding/#waarom-een-kader",
        "/over/organisatie/",
        "#situatieschets",
    ] {
        assert_has_href(&out, p, href);
    }
    // links to a file with a custom slug use the slug
    assert_has_href(
        &out,
        "journaal/werkplein-geopend/index.html",
        "/praktijkvoorbeelden/mooi-voorbeeld/#gekozen-oplossing",
    );
    // from a nested plain page
    assert_has_href(&out, "over/organisatie/index.html", "/themas/werkgevers/");
    // same-page anchor inside a thema
    assert_has_href(&out, "themas/jongeren/index.html", "#aanpak");
}

#[test]
fn no_md_link_left_in_output() {
    let (_site, out) = build_links(&[]);
    for (f, t) in text_files(&out) {
        if !f.ends_with(".html") {
            continue;
        }
        for h in hrefs(&t) {
            let path = h.split(['#', '?']).next().unwrap();
            assert!(
                !path.ends_with(".md"),
                "{f}: link to a .md file left in output: {h}"
            );
        }
    }
}

#[test]
fn heading_ids_follow_the_rules() {
    let (_site, out) = build_links(&[]);
    let html = read_out(&out, "themas/jongeren/index.html");
    for id in [
        "aanpak",
        "aanpak-1",
        "aanpak-2",
        "clientenparticipatie-ouderen-45",
    ] {
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "themas/jongeren: heading id {id:?} missing"
        );
    }
    let html = read_out(&out, "themas/werkgevers/index.html");
    assert!(
        html.contains("id=\"een-werkgeversservicepunt\""),
        "transliterated heading id missing"
    );
}

#[test]
fn rewritten_links_carry_the_base_path() {
    let (_site, out) = build_links(&["--base-url", "https://example.org/sub/"]);
    let p = "praktijkvoorbeelden/mooi-voorbeeld/index.html";
    assert_has_href(&out, p, "/sub/themas/jongeren/#aanpak");
    assert_has_href(&out, p, "/sub/praktijkvoorbeelden/gezamenlijke-intake/");
    assert_has_href(
        &out,
        "journaal/werkplein-geopend/index.html",
        "/sub/praktijkvoorbeelden/mooi-voorbeeld/#gekozen-oplossing",
    );
}

#[test]
fn links_to_section_index_files() {
    // `_index.md` is the page of its folder: content/_index.md is the home page.
    let site = fixture_site("links");
    site.write(
        "content/over/colofon.md",
        "---\ntitle: Colofon\n---\n\nNaar [de home](../_index.md) en [het kaderdocument](../kaderdocument/_index.md).\n",
    );
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    assert_has_href(&out, "over/colofon/index.html", "/");
    assert_has_href(&out, "over/colofon/index.html", "/kaderdocument/");
}

const BROKEN_TARGET: &str = "---
title: Kapotte link
date: 2009-04-01
werkplein: den-bosch
themas: [jongeren]
---

## Situatieschets

Dit voorbeeld verwijst in een lange alinea naar
[een thema dat niet bestaat](../themas/bestaat-niet.md) en gaat dan verder.

## Gekozen oplossing

Niets.

## Resultaat

Niets.

## Wat maakt dat het werkt?

Niets.
";

const BROKEN_ANCHOR: &str = "---
title: Kapot anker
date: 2009-04-01
werkplein: den-bosch
themas: [jongeren]
---

## Situatieschets

Niets.

## Gekozen oplossing

Zie de alinea over
jongeren in [het thema](../themas/jongeren.md#geen-anker-hier) voor meer.

## Resultaat

Niets.

## Wat maakt dat het werkt?

Niets.
";

fn assert_broken(file: &str, text: &str, line: u32, keyword: &str) {
    let site = fixture_site("links");
    site.write(file, text);
    let out = site.sibling("out");
    let run = build(&site.root(), &out, &[]);
    run.assert_exit(1);
    assert!(!out.exists(), "failed build wrote the output dir");
    let found = run
        .errors()
        .into_iter()
        .any(|d| d.path == file && d.line == line && d.message.contains(keyword));
    assert!(
        found,
        "expected `{file}:{line}:<col>: error: ...{keyword}...`\n{}",
        run.describe()
    );
    // check reports it too
    let c = check(&site.root(), &[]);
    c.assert_exit(1);
    assert!(
        c.errors()
            .into_iter()
            .any(|d| d.path == file && d.line == line),
        "check did not report {file}:{line}\n{}",
        c.describe()
    );
}

#[test]
fn broken_md_link_fails_with_its_position() {
    assert_broken(
        "content/praktijkvoorbeelden/kapot.md",
        BROKEN_TARGET,
        11,
        "bestaat-niet.md",
    );
}

#[test]
fn broken_anchor_fails_with_its_position() {
    assert_broken(
        "content/praktijkvoorbeelden/kapot-anker.md",
        BROKEN_ANCHOR,
        15,
        "geen-anker-hier",
    );
}

#[test]
fn broken_link_in_plain_page_fails() {
    assert_broken(
        "content/over/kapot.md",
        "---\ntitle: Kapot\n---\n\nTekst.\n\nZie [weg](../nergens/weg.md).\n",
        7,
        "weg.md",
    );
}
