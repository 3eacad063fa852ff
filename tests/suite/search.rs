//! The search index that `svdk build` writes under zoeken/ (issue 5), the search page, the
//! practice filters' data and the related practices, on the sample site.

use crate::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use svdk::search::index::Index;

fn out() -> &'static Path {
    let b = sample_build();
    b.run.assert_success();
    &b.out
}

/// The manifest, the decoded index and the URL of every document.
struct Loaded {
    manifest: serde_json::Value,
    index: Index,
    urls: Vec<String>,
}

fn load(out: &Path) -> Loaded {
    let manifest: serde_json::Value =
        serde_json::from_str(&read_out(out, "zoeken/index.json")).expect("manifest is JSON");
    let shards: Vec<Vec<u8>> = manifest["shards"]
        .as_array()
        .expect("shards")
        .iter()
        .map(|s| {
            let file = s[1].as_str().unwrap();
            std::fs::read(out.join("zoeken").join(file)).unwrap()
        })
        .collect();
    let refs: Vec<&[u8]> = shards.iter().map(Vec::as_slice).collect();
    let index = Index::decode(&refs).expect("shards decode");
    // every shard's first word is the first word in it
    for (s, bytes) in manifest["shards"].as_array().unwrap().iter().zip(&shards) {
        let one = Index::decode(&[bytes.as_slice()]).unwrap();
        assert_eq!(s[0].as_str().unwrap(), one.terms[0].0);
    }
    let docs = manifest["docs"].as_str().unwrap().len();
    let text = manifest["text"].as_str().unwrap();
    let mut texts = 0;
    let urls = (0..docs)
        .map(|i| {
            let bytes = std::fs::read(out.join(format!("zoeken/{text}{i}.bin"))).unwrap();
            let (t, x) = svdk::search::read_text_file(&bytes).expect("a text file");
            if !x.is_empty() {
                texts += 1;
            }
            t["u"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(texts > docs / 2, "{texts} of {docs} documents have a text");
    Loaded {
        manifest,
        index,
        urls,
    }
}

fn loaded() -> &'static Loaded {
    static L: OnceLock<Loaded> = OnceLock::new();
    L.get_or_init(|| load(out()))
}

fn results(q: &str) -> Vec<&'static str> {
    let l = loaded();
    l.index
        .search(q)
        .iter()
        .map(|h| l.urls[h.doc as usize].as_str())
        .collect()
}

#[test]
fn the_search_page_and_index_are_written() {
    let out = out();
    let page = read_out(out, "zoeken/index.html");
    assert!(page.contains(r#"data-zoek-index="/zoeken/index.json""#));
    assert!(page.contains(r#"<label class="zoekformulier__label" for="zoekveld">"#));
    assert!(page.contains(r#"role="status""#), "results are announced");
    assert!(
        page.contains("data-zonder-js"),
        "a message for browsers without JavaScript"
    );
    for index in [
        "praktijkvoorbeelden/",
        "journaal/",
        "themas/",
        "werkpleinen/",
    ] {
        assert!(
            page.contains(&format!(r#"href="/{index}""#)),
            "links to /{index}"
        );
    }
    // every page has the search box in its header (except the search page itself)
    let home = read_out(out, "index.html");
    assert!(home.contains(r#"<form class="zoekvak" role="search" action="/zoeken/""#));
    assert!(!page.contains("zoekvak-veld"));
    assert!(read_out(out, "sitemap.xml").contains("/zoeken/</loc>"));
}

#[test]
fn every_kind_of_page_is_indexed_with_dutch_words() {
    let l = loaded();
    let kinds: Vec<&str> = l.manifest["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k[0].as_str().unwrap())
        .collect();
    let docs = l.manifest["docs"].as_str().unwrap();
    let mut per_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for c in docs.chars() {
        *per_kind
            .entry(kinds[c.to_digit(10).unwrap() as usize])
            .or_default() += 1;
    }
    let praktijk = md_files(&repo_root().join("content/praktijkvoorbeelden")).len();
    assert_eq!(per_kind["praktijkvoorbeeld"], praktijk);
    let werkpleinen = data_ids(&repo_root().join("data/werkpleinen.yaml")).len();
    assert_eq!(per_kind["werkplein"], werkpleinen);
    for k in ["journaal", "thema", "kaderdocument", "regio"] {
        assert!(per_kind.get(k).copied().unwrap_or(0) > 0, "no {k} indexed");
    }
    for w in [
        "clientenraad",
        "clientenparticipatie",
        "jongeren",
        "wijkaanpak",
        "creeren",
        "hertogenbosch",
    ] {
        assert!(l.index.postings(w).is_some(), "'{w}' is not in the index");
    }
    for w in ["de", "het", "een", "cliëntenraad", "Jongeren"] {
        assert!(
            l.index.postings(w).is_none(),
            "'{w}' should not be in the index"
        );
    }
}

#[test]
fn queries_with_and_without_diacritics_find_the_right_pages() {
    let with = results("cliëntenraad");
    let without = results("clientenraad");
    assert_eq!(with, without);
    for url in [
        "praktijkvoorbeelden/hoogeveen-klantenpanel/",
        "themas/clientenparticipatie/",
        "journaal/clientenparticipatie-op-de-agenda/",
    ] {
        assert!(
            without.contains(&url),
            "clientenraad does not find {url}: {without:?}"
        );
    }
    let jw = results("jongeren wijk");
    assert_eq!(
        jw[0], "praktijkvoorbeelden/breda-jongeren-in-de-wijk/",
        "{jw:?}"
    );
    // while typing: a prefix finds the same page
    assert!(results("jongeren wij").contains(&"praktijkvoorbeelden/breda-jongeren-in-de-wijk/"));
    assert!(
        results("creeren")
            .iter()
            .any(|u| u.starts_with("kaderdocument/"))
    );
    assert_eq!(results("Werkplein Breda")[0], "werkpleinen/breda/");
}

#[test]
fn the_index_does_not_depend_on_the_base_url_and_is_deterministic() {
    let site = sample_site();
    let a = site.sibling("a");
    let b = site.sibling("b");
    build(&site.root(), &a, &[]).assert_success();
    build(
        &site.root(),
        &b,
        &["--base-url", "https://example.org/sub/"],
    )
    .assert_success();
    let files = |o: &Path| {
        list_files(&o.join("zoeken"))
            .into_iter()
            .filter(|f| f != "index.html")
            .map(|f| (f.clone(), std::fs::read(o.join("zoeken").join(&f)).unwrap()))
            .collect::<BTreeMap<_, _>>()
    };
    let fa = files(&a);
    assert!(fa.len() > 100, "{} files under zoeken/", fa.len());
    assert!(fa == files(&b), "the index differs between base URLs");
    assert!(fa == files(out()), "the index differs between builds");
    let page = read_out(&b, "zoeken/index.html");
    assert!(page.contains(r#"data-zoek-index="/sub/zoeken/index.json" data-zoek-basis="/sub/""#));
}

#[test]
fn search_transfers_little_compared_with_the_html() {
    let out = out();
    let size = |pred: &dyn Fn(&str) -> bool| -> u64 {
        list_files(out)
            .into_iter()
            .filter(|f| pred(f))
            .map(|f| std::fs::metadata(out.join(f)).unwrap().len())
            .sum()
    };
    let html = size(&|f| f.ends_with(".html"));
    let search = size(&|f| f.starts_with("zoeken/") && !f.ends_with(".html"))
        + size(&|f| f.starts_with("js/zoeken/"));
    // Everything the search could ever load, not only what one query loads.
    assert!(
        search * 100 < html * 30,
        "search files {search} bytes, HTML {html} bytes"
    );
}

#[test]
fn practices_show_related_practices_sharing_a_theme_or_regio() {
    let out = out();
    let page = read_out(
        out,
        "praktijkvoorbeelden/breda-jongeren-in-de-wijk/index.html",
    );
    let related = page
        .split(r#"id="pv--verwant""#)
        .nth(1)
        .expect("related practices on the Breda practice");
    let related = related.split("</section>").next().unwrap();
    let links = attr_values(related, "href");
    assert!(
        links.contains(&"/praktijkvoorbeelden/almere-jongerenloket/".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"/praktijkvoorbeelden/rotterdam-delfshaven-wijkpunt/".to_string()),
        "{links:?}"
    );
    assert!(!links.contains(&"/praktijkvoorbeelden/breda-jongeren-in-de-wijk/".to_string()));
    // at most three on every practice, never itself
    for md in md_files(&repo_root().join("content/praktijkvoorbeelden")) {
        let slug = stem(&md);
        let html = read_out(out, &format!("praktijkvoorbeelden/{slug}/index.html"));
        if let Some(rel) = html.split(r#"id="pv--verwant""#).nth(1) {
            let rel = rel.split("</section>").next().unwrap();
            let n = rel.matches(r#"class="item__titel""#).count();
            assert!((1..=3).contains(&n), "{slug}: {n} related");
            assert!(!rel.contains(&format!("/praktijkvoorbeelden/{slug}/\"")));
        }
    }
}

#[test]
fn the_practice_filters_read_a_compact_index_of_all_practices() {
    let out = out();
    let page = read_out(out, "praktijkvoorbeelden/index.html");
    assert!(page.contains(r#"<form class="pv-filter" id="pv-filter""#));
    assert!(page.contains(r#"<select id="pv-filter-regio" name="regio">"#));
    assert!(page.contains(r#"data-filter-index="/praktijkvoorbeelden/filter.js""#));
    assert!(page.contains(r#"href="/regios/west-brabant/#regio--praktijkvoorbeelden""#));
    assert!(page.contains("js/praktijkfilter.js"));
    // the list no longer carries every practice's thema's (issue 16)
    assert!(!page.contains("data-themas=") && !page.contains("item__themas"));
    let script = read_out(out, "praktijkvoorbeelden/filter.js");
    let json = script
        .strip_prefix("svdkPraktijken(")
        .and_then(|s| s.strip_suffix(");\n"))
        .expect("a call of svdkPraktijken");
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let items = v["items"].as_array().unwrap();
    let n = md_files(&repo_root().join("content/praktijkvoorbeelden")).len();
    assert_eq!(items.len(), n, "every practice once");
    let breda = items
        .iter()
        .find(|i| i[0] == "breda-jongeren-in-de-wijk/")
        .expect("the Breda practice");
    let wp = &v["werkpleinen"][breda[3].as_u64().unwrap() as usize];
    assert_eq!(
        (wp[0].as_str(), wp[2].as_str()),
        (Some("breda"), Some("west-brabant"))
    );
    let themas: Vec<&str> = breda[4]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| v["themas"][t.as_u64().unwrap() as usize].as_str().unwrap())
        .collect();
    assert_eq!(themas, ["jongeren", "wijkaanpak"]);
}

#[test]
fn practice_lists_are_paginated_with_prev_and_next() {
    // The sample site has `paginering: 10` and more practices than that.
    let out = out();
    let n = md_files(&repo_root().join("content/praktijkvoorbeelden")).len();
    assert!(
        n > 10 && n <= 20,
        "the sample site shows two pages ({n} practices)"
    );
    let first = read_out(out, "praktijkvoorbeelden/index.html");
    let second = read_out(out, "praktijkvoorbeelden/pagina/2/index.html");
    let count = |h: &str| {
        h.matches(r#"<li class="item item--praktijkvoorbeeld">"#)
            .count()
    };
    assert_eq!((count(&first), count(&second)), (10, n - 10));
    assert!(first.contains(r#"<link rel="next" href="/praktijkvoorbeelden/pagina/2/">"#));
    assert!(!first.contains(r#"rel="prev""#));
    assert!(second.contains(r#"<link rel="prev" href="/praktijkvoorbeelden/">"#));
    assert!(second.contains(r#"href="/praktijkvoorbeelden/" rel="prev""#));
    assert!(
        second
            .contains(r#"aria-current="page"><span class="visueel-verborgen">Pagina </span>2</a>"#)
    );
    assert!(second.contains("<title>Praktijkvoorbeelden (pagina 2 van 2) — "));
    assert!(!out.join("praktijkvoorbeelden/pagina/3/index.html").exists());
    let sitemap = read_out(out, "sitemap.xml");
    assert!(sitemap.contains("/praktijkvoorbeelden/pagina/2/</loc>"));
}
