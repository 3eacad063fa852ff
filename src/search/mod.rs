//! Search: the full-text index of the site, built at build time and queried in the browser.
//!
//! `svdk build` writes, under `zoeken/`:
//!
//! - `index.json` — the manifest: the kinds of document, one digit per document (its kind, for
//!   the type filter's counts), the shards (first word and file) and the folder of the texts;
//! - `index/<hash>.bin` — the shards of the inverted index (see [`index`]), named by a hash of
//!   their bytes so a host may cache them forever;
//! - `tekst/<n>.bin` — per document: kind, title, URL (relative to the site's base path),
//!   date, werkplein and summary as JSON, then its plain text compressed (see [`text_file`]),
//!   loaded only for the results shown (the snippet with the matched words is made from the
//!   text in the browser). The browser asks for them with
//!   `?v=<stamp>`, a hash of all texts, so a cached text of an earlier build is never shown; the
//!   file names stay the same, so `svdk serve` rewrites only the texts that changed.
//!
//! URLs in these files are relative to the base path, so the files are the same for every
//! `--base-url`, and the search works under any path and on any static host (no server code,
//! no compression by the host needed). The browser side is the theme's `js/zoeken/` modules.
//!

pub mod index;
pub mod text;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::content::{Meta, Section};
use crate::model::Site;
use crate::write::{Body, OutFile};
use index::{DocTerms, Fields, Index, IndexBuilder};

/// Folder of the search page and its files, relative to the base path.
pub const DIR: &str = crate::route::ZOEKEN;
/// The manifest, relative to the base path.
pub const MANIFEST: &str = crate::route::ZOEKEN_MANIFEST;
/// Folder of the documents' texts, relative to [`DIR`].
const TEXT_DIR: &str = "tekst/";

/// What a search result can be, in the order of the type filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Praktijkvoorbeeld,
    Journaal,
    /// Journal items of `soort: vraag`: the KIOSK's published questions and answers.
    Vraag,
    Thema,
    Kaderdocument,
    Werkplein,
    Regio,
    Pagina,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Praktijkvoorbeeld,
        Kind::Journaal,
        Kind::Vraag,
        Kind::Thema,
        Kind::Kaderdocument,
        Kind::Werkplein,
        Kind::Regio,
        Kind::Pagina,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Praktijkvoorbeeld => "praktijkvoorbeeld",
            Kind::Journaal => "journaal",
            Kind::Vraag => "vraag",
            Kind::Thema => "thema",
            Kind::Kaderdocument => "kaderdocument",
            Kind::Werkplein => "werkplein",
            Kind::Regio => "regio",
            Kind::Pagina => "pagina",
        }
    }

    /// Label of one result.
    pub fn naam(self) -> &'static str {
        match self {
            Kind::Praktijkvoorbeeld => "Praktijkvoorbeeld",
            Kind::Journaal => "Journaal",
            Kind::Vraag => "Vraag en antwoord",
            Kind::Thema => "Thema",
            Kind::Kaderdocument => "Kaderdocument",
            Kind::Werkplein => "Werkplein",
            Kind::Regio => "Regio",
            Kind::Pagina => "Pagina",
        }
    }

    /// Label of the type filter.
    pub fn meervoud(self) -> &'static str {
        match self {
            Kind::Praktijkvoorbeeld => "Praktijkvoorbeelden",
            Kind::Journaal => "Journaal",
            Kind::Vraag => "Vraag en antwoord",
            Kind::Thema => "Thema's",
            Kind::Kaderdocument => "Kaderdocument",
            Kind::Werkplein => "Werkpleinen",
            Kind::Regio => "Regio's",
            Kind::Pagina => "Overige pagina's",
        }
    }
}

/// One searchable document.
#[derive(Debug, Clone, Hash)]
pub struct Doc {
    pub kind: Kind,
    pub title: String,
    /// URL path relative to the base path: `praktijkvoorbeelden/x/`.
    pub url: String,
    pub date: Option<NaiveDate>,
    /// Name of the werkplein it is from (practices) or that asked (journal questions).
    pub werkplein: Option<String>,
    pub samenvatting: Option<String>,
    /// Headings.
    pub heads: Vec<String>,
    /// Names of what it is related to.
    pub meta: Vec<String>,
    /// Plain text.
    pub text: String,
}

impl Doc {
    fn fields(&self) -> Fields<'_> {
        let mut heads: Vec<&str> = self.heads.iter().map(String::as_str).collect();
        heads.extend(self.samenvatting.as_deref());
        Fields {
            title: &self.title,
            heads,
            meta: self.meta.iter().map(String::as_str).collect(),
            body: &self.text,
        }
    }
}

/// Every searchable document of the site, in index order: by kind, newest first, then by URL.
pub fn documents(site: &Site) -> Vec<Doc> {
    documents_with(site, None)
        .into_iter()
        .map(Arc::unwrap_or_clone)
        .collect()
}

/// Page path → (key of what its document was made from, the document). Shared, not copied:
/// a rebuild takes every unchanged document from here.
type PageDocs = HashMap<String, (u64, Option<Arc<Doc>>)>;

/// [`documents`], taking pages' documents from `cache` where their key is unchanged.
fn documents_with(site: &Site, cache: Option<(&[u64], &mut PageDocs)>) -> Vec<Arc<Doc>> {
    let docs: Vec<Arc<Doc>> = match cache {
        None => site
            .pages
            .par_iter()
            .filter_map(|p| page_doc(site, p, true).map(Arc::new))
            .collect(),
        Some((keys, cache)) => {
            let made: Vec<(u64, Option<Arc<Doc>>)> = site
                .pages
                .par_iter()
                .zip(keys)
                .map(|(p, &key)| match cache.get(&p.doc.path) {
                    Some((k, doc)) if *k == key => (key, doc.clone()),
                    _ => (key, page_doc(site, p, true).map(Arc::new)),
                })
                .collect();
            *cache = site
                .pages
                .iter()
                .zip(&made)
                .map(|(p, m)| (p.doc.path.clone(), m.clone()))
                .collect();
            made.into_iter().filter_map(|(_, d)| d).collect()
        }
    };
    let mut docs: Vec<(Arc<Doc>, Option<usize>)> = docs.into_iter().map(|d| (d, None)).collect();
    docs.extend(
        data_documents(site)
            .into_iter()
            .map(|d| (Arc::new(d), None)),
    );
    sort_documents(&mut docs);
    docs.into_iter().map(|(d, _)| d).collect()
}

/// Every searchable document in index order, the pages' ones without their text but with the
/// page's index, so that each text is made only when it is analysed (see
/// `build_docs_streamed`).
fn light_documents(site: &Site) -> Vec<(Doc, Option<usize>)> {
    let mut docs: Vec<(Doc, Option<usize>)> = site
        .pages
        .par_iter()
        .enumerate()
        .filter_map(|(i, p)| page_doc(site, p, false).map(|d| (d, Some(i))))
        .collect();
    docs.extend(data_documents(site).into_iter().map(|d| (d, None)));
    sort_documents(&mut docs);
    docs
}

/// The documents of the werkpleinen and the regio's.
fn data_documents(site: &Site) -> Vec<Doc> {
    let mut docs = Vec::new();
    for w in &site.data.werkpleinen {
        let regio = site.data.regio(&w.regio).map(|r| r.naam.as_str());
        let mut text = format!("{} in {}", w.naam, w.plaats);
        if let Some(r) = regio {
            let _ = write!(text, ", arbeidsmarktregio {r}");
        }
        text.push('.');
        if !w.gemeenten.is_empty() {
            let _ = write!(text, " Gemeenten: {}.", w.gemeenten.join(", "));
        }
        let mut meta = vec![w.plaats.clone(), w.id.replace('-', " ")];
        meta.extend(regio.map(str::to_string));
        meta.extend(w.gemeenten.iter().cloned());
        docs.push(Doc {
            kind: Kind::Werkplein,
            title: w.naam.clone(),
            url: crate::route::Route::Werkplein(&w.id).url(),
            date: None,
            werkplein: None,
            samenvatting: None,
            heads: Vec::new(),
            meta,
            text,
        });
    }
    for r in &site.data.regios {
        let members: Vec<&str> = site
            .werkpleinen_by_regio
            .get(&r.id)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| site.data.werkpleinen[i].naam.as_str())
            .collect();
        let mut text = format!("Arbeidsmarktregio {}.", r.naam);
        if !members.is_empty() {
            let _ = write!(text, " Werkpleinen: {}.", members.join(", "));
        }
        docs.push(Doc {
            kind: Kind::Regio,
            title: format!("Regio {}", r.naam),
            url: crate::route::Route::Regio(&r.id).url(),
            date: None,
            werkplein: None,
            samenvatting: None,
            heads: Vec::new(),
            meta: vec!["arbeidsmarktregio".into()],
            text,
        });
    }
    docs
}

/// Index order: by kind, newest first, then by URL.
fn sort_documents<D: std::borrow::Borrow<Doc>>(docs: &mut [(D, Option<usize>)]) {
    docs.sort_by(|(a, _), (b, _)| {
        let (a, b) = (a.borrow(), b.borrow());
        a.kind
            .cmp(&b.kind)
            .then(b.date.cmp(&a.date))
            .then_with(|| a.url.cmp(&b.url))
    });
}

/// The search document of page `p`; its `text` left empty unless `with_text` (see
/// [`light_documents`]).
fn page_doc(site: &Site, p: &crate::model::Page, with_text: bool) -> Option<Doc> {
    let doc = &p.doc;
    let kind = match doc.section {
        Section::Home => return None,
        Section::Praktijkvoorbeeld => Kind::Praktijkvoorbeeld,
        Section::Journaal => match doc.meta {
            Meta::Journaal {
                soort: crate::content::Soort::Vraag,
                ..
            } => Kind::Vraag,
            _ => Kind::Journaal,
        },
        Section::Thema => Kind::Thema,
        Section::KaderIndex | Section::Hoofdstuk => Kind::Kaderdocument,
        Section::Plain | Section::Kiosk => Kind::Pagina,
    };
    let werkplein_naam = |id: &str| site.data.werkplein(id).map(|w| w.naam.clone());
    let thema_naam = |id: &str| {
        site.thema_by_id
            .get(id)
            .map(|&t| site.pages[t].doc.title.clone())
    };
    let mut meta: Vec<String> = Vec::new();
    let mut werkplein = None;
    match &doc.meta {
        Meta::Praktijkvoorbeeld {
            werkplein: w,
            themas,
            ..
        } => {
            if let Some(w) = w.as_deref().and_then(|id| site.data.werkplein(id)) {
                werkplein = Some(w.naam.clone());
                meta.push(w.naam.clone());
                meta.push(w.plaats.clone());
                meta.extend(site.data.regio(&w.regio).map(|r| r.naam.clone()));
            }
            meta.extend(themas.iter().filter_map(|t| thema_naam(&t.id)));
        }
        Meta::Journaal {
            soort,
            editie,
            werkpleinen,
            themas,
            vraag_van,
            waar,
            ..
        } => {
            werkplein = vraag_van.as_deref().and_then(werkplein_naam);
            meta.extend(waar.clone());
            meta.push(soort.naam().to_string());
            meta.extend(crate::text::month_nl(editie));
            meta.extend(
                werkpleinen
                    .iter()
                    .chain(vraag_van)
                    .filter_map(|w| werkplein_naam(w)),
            );
            meta.extend(themas.iter().filter_map(|t| thema_naam(&t.id)));
        }
        Meta::Hoofdstuk { .. } => {
            if let Some(k) = site.kaderdocument {
                meta.push(site.pages[k].doc.title.clone());
            }
            meta.push("kaderdocument".into());
        }
        Meta::Page => {}
    }
    meta.sort();
    meta.dedup();
    Some(Doc {
        kind,
        title: doc.title.clone(),
        url: p.url.clone(),
        date: doc.date,
        werkplein,
        samenvatting: doc.samenvatting.clone(),
        heads: p.analysis.headings.iter().map(|h| h.text.clone()).collect(),
        meta,
        text: if with_text {
            text::html_to_text(&p.html)
        } else {
            String::new()
        },
    })
}

/// The search files and a few figures about them.
#[derive(Debug, Default)]
pub struct Output {
    pub files: Vec<OutFile>,
    pub documents: usize,
    pub words: usize,
    pub shards: usize,
}

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    /// `[id, label]` per kind, in the order of the digits of `docs`.
    kinds: Vec<[&'static str; 2]>,
    /// One digit per document: its kind.
    docs: String,
    /// `[first word, file]` per shard, in word order; files relative to the manifest.
    shards: Vec<[&'a str; 2]>,
    /// Folder of the texts, relative to the manifest: `<folder><n>.bin` is document n.
    text: &'static str,
    /// Hash of all texts, asked for with them (`?v=`) so that no cached text of another build is
    /// used.
    stamp: String,
    /// How the browser folds and weighs a query: the same rules as the index, from the same code.
    vouwen: Folding,
}

/// The rules of [`text`] and [`index`] that the browser needs to fold and rank a query.
#[derive(Serialize)]
struct Folding {
    /// `[first code point, folded forms joined by |]` per range of Latin letters.
    latijn: Vec<(u32, String)>,
    /// Words left out of the index (and of a query, unless still being typed).
    stopwoorden: &'static [&'static str],
    /// Weight factor of a whole-word match and of a match of a word's start.
    heel: u32,
    begin: u32,
}

impl Folding {
    fn new() -> Folding {
        Folding {
            latijn: text::latin_table(),
            stopwoorden: text::STOPWORDS,
            heel: index::EXACT,
            begin: index::PREFIX,
        }
    }
}

#[derive(Serialize)]
struct TextFile<'a> {
    /// Kind (index into the manifest's `kinds`).
    k: usize,
    t: &'a str,
    u: &'a str,
    /// Date `YYYY-MM-DD` and in Dutch.
    d: Option<String>,
    n: Option<String>,
    w: Option<&'a str>,
    s: Option<&'a str>,
}

/// Builds the index of `site` and its files.
pub fn build(site: &Site) -> Output {
    build_docs(&documents(site))
}

/// Per-document work a build session keeps between builds (for `svdk serve`): a document
/// that did not change is not analyzed or written out again; only the index is merged anew.
#[derive(Debug, Default)]
pub struct SearchCache {
    /// Hash of a [`Doc`] → its words and its text file.
    docs: HashMap<u64, (Analyzed, usize)>,
    /// Page path → (key of what its document was made from, the document).
    pages: PageDocs,
}

/// A document's words and its text file.
type Analyzed = Arc<(DocTerms, Vec<u8>, u64)>;

/// [`build`] with a cache. `keys[i]` identifies everything page `i`'s document is made from
/// (its text, list form and the names it shows): a page with an unchanged key keeps its
/// document.
///
/// Files go through `store` as they are made: a build that writes as it renders keeps only the
/// words of each text, not the text (see [`crate::write::Writer`]).
pub fn build_cached(
    site: &Site,
    cache: Option<&mut SearchCache>,
    keys: Option<&[u64]>,
    store: &(dyn Fn(OutFile) -> OutFile + Sync),
) -> Output {
    match (cache, keys) {
        (Some(cache), Some(keys)) => {
            let docs = documents_with(site, Some((keys, &mut cache.pages)));
            // A page's key identifies its document: no need to hash the document's text.
            let by_url: HashMap<&str, u64> = site
                .pages
                .iter()
                .zip(keys)
                .map(|(p, &k)| (p.url.as_str(), k))
                .collect();
            let doc_keys: Vec<u64> = docs
                .iter()
                .map(|d| {
                    by_url
                        .get(d.url.as_str())
                        .copied()
                        .unwrap_or_else(|| hash_doc(d))
                })
                .collect();
            let mut out = build_docs_cached(&docs, Some((cache, &doc_keys)));
            out.files = out.files.into_par_iter().map(store).collect();
            out
        }
        (_, _) => build_docs_streamed(site, light_documents(site), store),
    }
}

/// The index files of `docs` without a cache: each text file goes through `store` as soon as
/// its document is analysed, and its words go into the index being built; the document is
/// dropped then.
fn build_docs_streamed(
    site: &Site,
    docs: Vec<(Doc, Option<usize>)>,
    store: &(dyn Fn(OutFile) -> OutFile + Sync),
) -> Output {
    let kinds: Vec<Kind> = docs.iter().map(|(d, _)| d.kind).collect();
    let builder = std::sync::Mutex::new(IndexBuilder::default());
    let analyzed: Vec<(u64, OutFile)> = docs
        .into_par_iter()
        .enumerate()
        .map(|(i, (mut d, page))| {
            if let Some(p) = page {
                d.text = text::html_to_text(&site.pages[p].html);
            }
            let (terms, text, hash) = analyze_doc(&d);
            builder
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .add(u32::try_from(i).unwrap_or(u32::MAX), &terms);
            let file = store(OutFile {
                path: text_path(i),
                body: Body::Bytes(text),
            });
            (hash, file)
        })
        .collect();
    let index = builder
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .finish();
    let hashes = analyzed.iter().map(|(h, _)| *h);
    let mut out = index_files(index, &kinds, hashes);
    out.files = out.files.into_par_iter().map(store).collect();
    out.files.extend(analyzed.into_iter().map(|(_, f)| f));
    out
}

/// The output path of the text of document `i`.
fn text_path(i: usize) -> String {
    format!("{DIR}{TEXT_DIR}{i}.bin")
}

/// Compression level of the texts: the fastest. At 10,000 practices (79 MB of text files
/// uncompressed) level 1 stores them in 41.9 MB for 6 % of the build's CPU time; level 3 in
/// 30.4 MB for 12 %, level 6 in 30.0 MB.
const TEXT_LEVEL: u32 = 1;

/// A text file: the length of `header` (4 bytes, little-endian), `header` (JSON), then `text`
/// compressed as a zlib stream (RFC 1950, which the browser's `DecompressionStream("deflate")`
/// reads); nothing after the header when `text` is empty.
fn text_file(header: &[u8], text: &str) -> Vec<u8> {
    let len = u32::try_from(header.len()).unwrap_or(u32::MAX);
    let mut out = Vec::with_capacity(4 + header.len() + text.len() / 2);
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(header);
    if !text.is_empty() {
        use std::io::Write as _;
        let mut z = flate2::write::ZlibEncoder::new(out, flate2::Compression::new(TEXT_LEVEL));
        // Writing into a Vec cannot fail.
        let _ = z.write_all(text.as_bytes());
        out = z.finish().unwrap_or_default();
    }
    out
}

/// The header (JSON) and the text of a text file ([`text_file`]); `None` when it is not one.
pub fn read_text_file(bytes: &[u8]) -> Option<(serde_json::Value, String)> {
    let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let header = serde_json::from_slice(bytes.get(4..4usize.checked_add(len)?)?).ok()?;
    let rest = &bytes[4 + len..];
    let text = if rest.is_empty() {
        String::new()
    } else {
        use std::io::Read as _;
        let mut text = String::new();
        flate2::read::ZlibDecoder::new(rest)
            .read_to_string(&mut text)
            .ok()?;
        text
    };
    Some((header, text))
}

/// Builds the index files of `docs` (in index order).
pub fn build_docs(docs: &[Doc]) -> Output {
    build_docs_cached(docs, None)
}

fn fnv_u64s(values: impl Iterator<Item = u64>) -> u64 {
    let mut h = FNV_OFFSET;
    for v in values {
        h = fnv1a_from(h, &v.to_le_bytes());
    }
    h
}

fn hash_doc(d: &Doc) -> u64 {
    crate::fingerprint::hash_of(d)
}

/// The words of a document, its text file and the hash of that file.
fn analyze_doc(d: &Doc) -> (DocTerms, Vec<u8>, u64) {
    // The whole text: a result must be able to show where its words are. (Keeping only the
    // opening of each text made the store 2.5× smaller at 10,000 practices, but a page found
    // by a word further in then showed nothing that matched: see issue 16's note.)
    let kind = Kind::ALL.iter().position(|&k| k == d.kind).unwrap_or(0);
    let header = json(&TextFile {
        k: kind,
        t: &d.title,
        u: &d.url,
        d: d.date.map(|d| d.format("%Y-%m-%d").to_string()),
        n: d.date.map(crate::text::date_nl),
        w: d.werkplein.as_deref(),
        s: d.samenvatting.as_deref(),
    });
    let text = text_file(&header, &d.text);
    let hash = fnv1a(&text);
    (index::analyze(&d.fields()), text, hash)
}

fn build_docs_cached<D: std::borrow::Borrow<Doc> + Sync>(
    docs: &[D],
    cache: Option<(&mut SearchCache, &[u64])>,
) -> Output {
    let (cache, keys) = match cache {
        Some((c, k)) => (Some(c), Some(k)),
        None => (None, None),
    };
    let previous = cache.as_deref();
    // (key, words and text, whether its text file is already written at this position)
    let analyzed: Vec<(u64, Analyzed, bool)> = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let key = keys.map_or(0, |k| k[i]);
            match previous.and_then(|c| c.docs.get(&key)) {
                Some((a, pos)) => (key, Arc::clone(a), *pos == i),
                None => (key, Arc::new(analyze_doc(d.borrow())), false),
            }
        })
        .collect();
    if let Some(cache) = cache {
        cache.docs = analyzed
            .iter()
            .enumerate()
            .map(|(i, (k, a, _))| (*k, (Arc::clone(a), i)))
            .collect();
    }
    let terms: Vec<&DocTerms> = analyzed.iter().map(|(_, a, _)| &a.0).collect();
    let texts: Vec<(&[u8], bool)> = analyzed
        .iter()
        .map(|(_, a, same)| (a.1.as_slice(), *same))
        .collect();
    let kinds: Vec<Kind> = docs.iter().map(|d| d.borrow().kind).collect();
    // From the texts' own hashes (kept with them), so a rebuild need not read every text.
    let index = Index::build(&terms);
    let mut out = index_files(index, &kinds, analyzed.iter().map(|(_, a, _)| a.2));
    let files = &mut out.files;
    for (i, (t, same)) in texts.into_iter().enumerate() {
        files.push(OutFile {
            path: text_path(i),
            // Written by the previous build of a session, with these bytes at this place.
            body: if same {
                Body::Unchanged
            } else {
                Body::Bytes(t.to_vec())
            },
        });
    }
    out
}

/// The index's shards and its manifest, from the index of every document, their kinds (in
/// index order) and the hashes of their texts.
fn index_files(index: Index, kinds: &[Kind], text_hashes: impl Iterator<Item = u64>) -> Output {
    let shards = index.shards(index::SHARD_BYTES);
    let mut files = Vec::with_capacity(shards.len() + 1);
    let mut names = Vec::with_capacity(shards.len());
    let mut firsts = Vec::with_capacity(shards.len());
    for s in shards {
        let name = format!("index/{:016x}.bin", fnv1a(&s.bytes));
        files.push(OutFile {
            path: format!("{DIR}{name}"),
            body: Body::Bytes(s.bytes),
        });
        names.push(name);
        firsts.push(s.first);
    }
    let h = fnv_u64s(text_hashes);
    let stamp = format!("{:012x}", h & 0xffff_ffff_ffff);
    let manifest = Manifest {
        version: 3,
        kinds: Kind::ALL.iter().map(|k| [k.id(), k.naam()]).collect(),
        docs: kinds
            .iter()
            .map(|kind| {
                let k = Kind::ALL.iter().position(|k| k == kind).unwrap_or(0);
                char::from(b'0' + k as u8)
            })
            .collect(),
        shards: firsts
            .iter()
            .zip(&names)
            .map(|(f, n)| [f.as_str(), n.as_str()])
            .collect(),
        text: TEXT_DIR,
        stamp,
        vouwen: Folding::new(),
    };
    files.push(OutFile {
        path: MANIFEST.to_string(),
        body: Body::Bytes(json(&manifest)),
    });
    Output {
        files,
        documents: kinds.len(),
        words: index.terms.len(),
        shards: names.len(),
    }
}

/// Number of documents of each kind, for the type filter.
pub fn counts(docs: &[Doc]) -> Vec<(Kind, usize)> {
    Kind::ALL
        .iter()
        .map(|&k| (k, docs.iter().filter(|d| d.kind == k).count()))
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// JSON with `<`, `>` and `&` written as `\u003c`, `\u003e` and `\u0026`: the same value for
/// `JSON.parse`, but never markup, whatever the content (a werkplein called `<b>` stays text
/// even to a browser that would sniff the file as HTML).
fn json(value: &impl Serialize) -> Vec<u8> {
    let raw = serde_json::to_vec(value).expect("serializable");
    let mut out = Vec::with_capacity(raw.len());
    for b in raw {
        match b {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            _ => out.push(b),
        }
    }
    out
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a_from(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// FNV-1a, 64 bits: a stable name for a file's contents.
fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(FNV_OFFSET, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: Kind, title: &str, url: &str, text: &str) -> Doc {
        Doc {
            kind,
            title: title.into(),
            url: url.into(),
            date: None,
            werkplein: None,
            samenvatting: None,
            heads: Vec::new(),
            meta: Vec::new(),
            text: text.into(),
        }
    }

    #[test]
    fn writes_manifest_shards_and_texts() {
        let docs = [
            doc(
                Kind::Praktijkvoorbeeld,
                "Cliëntenraad",
                "a/",
                "De cliënten.",
            ),
            doc(
                Kind::Werkplein,
                "Werkplein Breda",
                "werkpleinen/breda/",
                "Breda",
            ),
        ];
        let out = build_docs(&docs);
        assert_eq!(out.documents, 2);
        let manifest = out
            .files
            .iter()
            .find(|f| f.path == MANIFEST)
            .expect("manifest");
        let Body::Bytes(m) = &manifest.body else {
            panic!()
        };
        let m: serde_json::Value = serde_json::from_slice(m).unwrap();
        assert_eq!(m["docs"], "05");
        assert_eq!(m["kinds"][5][0], "werkplein");
        let text = m["text"].as_str().unwrap();
        assert!(
            out.files
                .iter()
                .any(|f| f.path == format!("zoeken/{text}1.bin"))
        );
        let shard_paths: Vec<String> = m["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| format!("zoeken/{}", s[1].as_str().unwrap()))
            .collect();
        let shards: Vec<&[u8]> = shard_paths
            .iter()
            .map(
                |p| match &out.files.iter().find(|f| &f.path == p).unwrap().body {
                    Body::Bytes(b) => b.as_slice(),
                    _ => panic!(),
                },
            )
            .collect();
        let index = Index::decode(&shards).unwrap();
        assert_eq!(index.search("clienten")[0].doc, 0);
        assert_eq!(index.search("breda")[0].doc, 1);
        // the same input gives the same bytes
        let again = build_docs(&docs);
        let names = |o: &Output| o.files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        assert_eq!(names(&out), names(&again));
    }

    #[test]
    fn text_files_hold_a_json_header_and_the_compressed_text() {
        let text = "Werkzoekenden en werkgevers op het werkplein. ".repeat(40);
        let file = text_file(br#"{"t":"Breda"}"#, &text);
        assert_eq!(&file[..4], &13u32.to_le_bytes());
        assert!(file.len() < 4 + 13 + text.len() / 4, "{}", file.len());
        let (header, back) = read_text_file(&file).unwrap();
        assert_eq!(header["t"], "Breda");
        assert_eq!(back, text);
        // No text: nothing after the header.
        let empty = text_file(b"{}", "");
        assert_eq!(empty.len(), 6);
        assert_eq!(read_text_file(&empty).unwrap().1, "");
        // Not a text file.
        assert!(read_text_file(b"{}").is_none());
        assert!(read_text_file(&[200, 0, 0, 0, b'{']).is_none());
        let mut broken = file.clone();
        broken.truncate(file.len() - 5);
        assert!(read_text_file(&broken).is_none());
    }

    #[test]
    fn json_never_contains_markup() {
        let v = json(&["<script>alert('&')</script>"]);
        let s = String::from_utf8(v.clone()).unwrap();
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&'),
            "{s}"
        );
        let back: Vec<String> = serde_json::from_slice(&v).unwrap();
        assert_eq!(back, ["<script>alert('&')</script>"]);
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
