//! The browser folds and splits a query with the rules the index was made with
//! (src/search/text.rs, `Index::query_words`). The tables of those rules (the Latin letters
//! that do not decompose, the stopwords) have one source: svdk writes them into the search
//! manifest (`zoeken/index.json`, key `vouwen`) and the theme's `js/zoeken/vouwen.js` builds its
//! folder from them. This test builds a site, runs `vouwen.js` in Node with that site's
//! manifest, and compares its `fold` and `queryWords` with Rust's for every Latin letter
//! (U+00C0–U+024F, U+1E00–U+1EFF), samples of other scripts and a set of queries.

use std::io::Write;
use std::process::{Command, Stdio};

use svdk::search::{index::query_words, text::fold};

use crate::prelude::*;

/// Imports `vouwen.mjs` (argv 2), makes a folder from the `vouwen` rules of the manifest
/// (argv 3), reads a JSON list of strings on stdin and prints `[fold(s), queryWords(s)]` for each.
const HARNESS: &str = r#"
const fs = require("fs");
const { pathToFileURL } = require("url");
(async () => {
  const { maakVouwer } = await import(pathToFileURL(process.argv[2]).href);
  const manifest = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
  const z = maakVouwer(manifest.vouwen);
  const inputs = JSON.parse(fs.readFileSync(0, "utf8"));
  process.stdout.write(JSON.stringify(inputs.map((s) => [z.fold(s), Array.from(z.queryWords(s))])));
})();
"#;

fn inputs() -> Vec<String> {
    let ranges = [
        0x00C0..=0x024F, // Latin-1 Supplement, Latin Extended-A and -B
        0x1E00..=0x1EFF, // Latin Extended Additional
        0x0370..=0x03FF, // Greek
        0x0400..=0x045F, // Cyrillic
        0x00A0..=0x00BF, // punctuation and signs: not word characters
        0x0300..=0x036F, // combining marks
    ];
    let mut out: Vec<String> = ranges
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .map(|c| format!("a{c}b"))
        .collect();
    for q in [
        "Cliëntenraad",
        "creëren Coördinator geïntegreerde",
        "re-integratie",
        "werk-en-inkomen ",
        "de",
        "van de ",
        "van de",
        "de klant",
        "İstanbul",
        "ĳsselmonde IJssel",
        "Straße",
        "e\u{301}e\u{301}n",
        "soft\u{ad}hyphen",
        "a b c",
        "A-B",
        "-voor- -na",
        "WERKplein 2009",
        "œuvre Æsop",
        "Ǆemal ǅ ǆ",
        "ﬁets",
        "½ ² ①",
        "Ａｂｃ",
        "日本語 テキスト",
        "klant  klant",
    ] {
        out.push(q.to_string());
    }
    out
}

#[test]
fn the_browser_folds_and_splits_a_query_as_the_index_does() {
    let mut site = TestSite::fixture("minimal");
    site.build();
    let manifest = site.out().join("zoeken/index.json");
    let dir = tempdir();
    // Node reads a `.js` file outside a package as CommonJS; the theme's modules are ES modules.
    let script = dir.path().join("vouwen.mjs");
    std::fs::copy(
        repo_root().join("themes/samenvoordeklant/static/js/zoeken/vouwen.js"),
        &script,
    )
    .unwrap();
    let harness = dir.path().join("harness.js");
    std::fs::write(&harness, HARNESS).unwrap();
    let inputs = inputs();
    let mut child = Command::new("node")
        .arg(&harness)
        .arg(&script)
        .arg(&manifest)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("this test needs Node.js (`node` on PATH), as the site check does");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&inputs).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "node failed");
    let js: Vec<(String, Vec<String>)> =
        serde_json::from_slice(&out.stdout).expect("the harness prints JSON");
    assert_eq!(js.len(), inputs.len());
    let mut differ = Vec::new();
    for (s, (js_fold, js_words)) in inputs.iter().zip(js) {
        let rust = (fold(s), query_words(s));
        if rust != (js_fold.clone(), js_words.clone()) {
            let cps: Vec<String> = s.chars().map(|c| format!("U+{:04X}", c as u32)).collect();
            differ.push(format!(
                "{s:?} ({}): Rust {rust:?}, browser {:?}",
                cps.join(" "),
                (js_fold, js_words)
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} inputs fold differently in the browser:\n{}",
        differ.len(),
        inputs.len(),
        differ.join("\n")
    );
}
