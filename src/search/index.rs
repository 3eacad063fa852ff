//! The inverted index: for every word, the documents it is in with a one-byte weight, written as
//! compact binary shards that the browser loads only when a query needs them.
//!
//! **Weights.** A word's weight in a document adds up where it occurs: in the title
//! ([`W_TITLE`]), in a heading or the summary ([`W_HEAD`]), in the meta data such as the
//! werkplein, regio and thema names ([`W_META`]), and in the body (BM25 of its count, scaled to at
//! most 22). A title match alone therefore outweighs any match that is not in the title.
//!
//! **Shards.** The words, sorted, are cut into consecutive runs of about [`SHARD_BYTES`]; the
//! manifest lists the first word of each, so the words starting with what someone typed are in a
//! known, contiguous run of shards. A shard is a sequence of entries:
//!
//! ```text
//! shared: u8        bytes shared with the previous word of the shard (0 for the first)
//! len: u8           length of the rest of the word, in bytes
//! rest: [u8; len]   UTF-8
//! size: varint      length of the postings in bytes
//! postings          per document, ascending: varint (document − previous document), u8 weight
//! ```
//!
//! (varint: 7 bits per byte, least significant first, high bit set on all but the last byte.)
//! The browser reads the words once and decodes the postings only of the words it matches.
//!
//! [`Index::search`] is the reference for the browser's ranking (`js/zoeken/rangschikken.js`),
//! used by the tests: documents with more of the query's words first, then by the sum over the words of the
//! best weight of a matching index word (a whole-word match counts [`EXACT`]/10, a prefix match
//! [`PREFIX`]/10), then in document order.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::text;

/// FNV-1a: much faster than the default SipHash for the short words hashed here, and the
/// maps are never exposed to untrusted keys in a way that matters (a build, not a server).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

pub const W_TITLE: f64 = 100.0;
pub const W_HEAD: f64 = 16.0;
pub const W_META: f64 = 10.0;
/// At most this much for the body.
pub const W_BODY: f64 = 10.0;
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Factors (×10) of a whole-word match and a prefix match of a query word.
pub const EXACT: u32 = 10;
pub const PREFIX: u32 = 7;

/// Target size of a shard in bytes.
pub const SHARD_BYTES: usize = 16 * 1024;

const F_TITLE: u8 = 1;
const F_HEAD: u8 = 2;
const F_META: u8 = 4;

/// The text of one document, by field.
#[derive(Debug, Default, Clone)]
pub struct Fields<'a> {
    pub title: &'a str,
    /// Headings and the summary.
    pub heads: Vec<&'a str>,
    /// Names of related things: werkplein, plaats, regio, thema's, soort, editie.
    pub meta: Vec<&'a str>,
    pub body: &'a str,
}

/// The words of one document with where they occur. Held for every document until the index
/// is built, so kept compact: the words one after another in one string, and per word where it
/// ends, its fields bitset and its count in the body, sorted by word.
#[derive(Debug, Default, Clone)]
pub struct DocTerms {
    words: String,
    terms: Vec<(u32, u8, u32)>,
    /// Number of indexed words in the body.
    len: u32,
}

impl DocTerms {
    /// (word, fields bitset, count in the body), by word.
    fn iter(&self) -> impl Iterator<Item = (&str, u8, u32)> + '_ {
        let mut start = 0usize;
        self.terms.iter().map(move |&(end, flags, tf)| {
            let word = self.words.get(start..end as usize).unwrap_or("");
            start = end as usize;
            (word, flags, tf)
        })
    }
}

pub fn analyze(f: &Fields) -> DocTerms {
    let mut map: FnvMap<String, (u8, u32)> = FnvMap::default();
    let mut mark = |text: &str, flag: u8| {
        text::each_word(text, |w| match map.get_mut(w) {
            Some(e) => e.0 |= flag,
            None => {
                map.insert(w.to_string(), (flag, 0));
            }
        });
    };
    mark(f.title, F_TITLE);
    for h in &f.heads {
        mark(h, F_HEAD);
    }
    for m in &f.meta {
        mark(m, F_META);
    }
    let mut len = 0u32;
    text::each_word(f.body, |w| {
        len += 1;
        match map.get_mut(w) {
            Some(e) => e.1 += 1,
            None => {
                map.insert(w.to_string(), (0, 1));
            }
        }
    });
    let mut sorted: Vec<(String, u8, u32)> = map.into_iter().map(|(w, (f, n))| (w, f, n)).collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut words = String::with_capacity(sorted.iter().map(|t| t.0.len()).sum());
    let mut terms = Vec::with_capacity(sorted.len());
    for (w, flags, tf) in sorted {
        words.push_str(&w);
        terms.push((u32::try_from(words.len()).unwrap_or(u32::MAX), flags, tf));
    }
    DocTerms { words, terms, len }
}

/// The one-byte weight of a word in a document (1..=255).
fn weight(flags: u8, tf: u32, len: u32, avg_len: f64) -> u8 {
    let mut s = 0.0;
    if flags & F_TITLE != 0 {
        s += W_TITLE;
    }
    if flags & F_HEAD != 0 {
        s += W_HEAD;
    }
    if flags & F_META != 0 {
        s += W_META;
    }
    if tf > 0 {
        let tf = f64::from(tf);
        let norm = 1.0 - B + B * f64::from(len) / avg_len.max(1.0);
        s += W_BODY * tf * (K1 + 1.0) / (tf + K1 * norm);
    }
    s.round().clamp(1.0, 255.0) as u8
}

/// Sorted words, each with its postings (document, weight) in document order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Index {
    pub terms: Vec<(String, Vec<(u32, u8)>)>,
}

/// A document found by [`Index::search`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    /// How many of the query's words it contains.
    pub matched: u32,
    /// Sum over the query's words of the best weight × [`EXACT`] or [`PREFIX`].
    pub score: u32,
}

/// One shard file: the first word in it and its bytes.
#[derive(Debug, Clone)]
pub struct Shard {
    pub first: String,
    pub bytes: Vec<u8>,
}

/// Builds an [`Index`] from documents added one by one, in any order: each can be dropped once
/// added. It holds per word and document 8 bytes (document, fields, count), not the documents'
/// words, which at 10,000 practices took twice the memory; the weights, which need the average
/// length of all documents, are made by [`IndexBuilder::finish`].
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// Word → its postings.
    postings: FnvMap<Box<str>, Vec<RawPosting>>,
    /// Indexed words in each document's body, by document.
    lens: Vec<u32>,
}

/// (document, fields bitset, count in the body up to [`TF_MAX`] in 3 bytes): 8 bytes.
type RawPosting = (u32, u8, [u8; 3]);

/// The highest count of one word in one body the index tells apart (weights saturate long
/// before it).
const TF_MAX: u32 = (1 << 24) - 1;

impl IndexBuilder {
    /// Adds document `doc`.
    pub fn add(&mut self, doc: u32, d: &DocTerms) {
        let i = doc as usize;
        if self.lens.len() <= i {
            self.lens.resize(i + 1, 0);
        }
        self.lens[i] = d.len;
        for (w, flags, tf) in d.iter() {
            let tf = tf.min(TF_MAX).to_le_bytes();
            let posting = (doc, flags, [tf[0], tf[1], tf[2]]);
            match self.postings.get_mut(w) {
                Some(p) => p.push(posting),
                None => {
                    self.postings.insert(w.into(), vec![posting]);
                }
            }
        }
    }

    /// The index of the documents added.
    pub fn finish(self) -> Index {
        let total: u64 = self.lens.iter().map(|&l| u64::from(l)).sum();
        let avg = total as f64 / self.lens.len().max(1) as f64;
        let lens = self.lens;
        let mut terms: Vec<(String, Vec<(u32, u8)>)> = self
            .postings
            .into_par_iter()
            .map(|(w, mut p)| {
                p.sort_unstable_by_key(|&(doc, _, _)| doc);
                let weighted = p
                    .into_iter()
                    .map(|(doc, flags, [a, b, c])| {
                        let tf = u32::from_le_bytes([a, b, c, 0]);
                        let len = lens.get(doc as usize).copied().unwrap_or(0);
                        (doc, weight(flags, tf, len, avg))
                    })
                    .collect();
                (w.into_string(), weighted)
            })
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index { terms }
    }
}

impl Index {
    /// The index of `docs`, where document `i` is `docs[i]`.
    pub fn build<D: std::borrow::Borrow<DocTerms>>(docs: &[D]) -> Index {
        let mut b = IndexBuilder::default();
        for (i, d) in docs.iter().enumerate() {
            b.add(i as u32, d.borrow());
        }
        b.finish()
    }

    /// The index cut into shards of about `target` bytes.
    pub fn shards(&self, target: usize) -> Vec<Shard> {
        let mut out: Vec<Shard> = Vec::new();
        let mut cur: Option<Shard> = None;
        let mut prev: &str = "";
        for (term, postings) in &self.terms {
            let shard = cur.get_or_insert_with(|| {
                prev = "";
                Shard {
                    first: term.clone(),
                    bytes: Vec::new(),
                }
            });
            encode_entry(&mut shard.bytes, prev, term, postings);
            prev = term;
            if shard.bytes.len() >= target {
                out.extend(cur.take());
            }
        }
        out.extend(cur);
        out
    }

    /// Reads shards back (the inverse of [`Index::shards`]), for tests.
    pub fn decode(shards: &[&[u8]]) -> Result<Index, String> {
        let mut terms = Vec::new();
        for bytes in shards {
            let mut pos = 0;
            let mut prev: Vec<u8> = Vec::new();
            while pos < bytes.len() {
                let shared = bytes[pos] as usize;
                let len = *bytes.get(pos + 1).ok_or("truncated entry")? as usize;
                pos += 2;
                let rest = bytes.get(pos..pos + len).ok_or("truncated word")?;
                pos += len;
                let mut word = prev.get(..shared).ok_or("bad shared prefix")?.to_vec();
                word.extend_from_slice(rest);
                let size = read_varint(bytes, &mut pos)? as usize;
                let end = pos + size;
                let mut postings = Vec::new();
                let mut doc = 0u32;
                while pos < end {
                    doc += read_varint(bytes, &mut pos)?;
                    postings.push((doc, *bytes.get(pos).ok_or("truncated posting")?));
                    pos += 1;
                }
                if pos != end {
                    return Err("postings overrun".into());
                }
                let w = String::from_utf8(word.clone()).map_err(|e| e.to_string())?;
                terms.push((w, postings));
                prev = word;
            }
        }
        Ok(Index { terms })
    }

    /// The postings of a word, if it is indexed.
    pub fn postings(&self, word: &str) -> Option<&[(u32, u8)]> {
        self.terms
            .binary_search_by(|(t, _)| t.as_str().cmp(word))
            .ok()
            .map(|i| self.terms[i].1.as_slice())
    }

    /// Ranks the documents for `query` as the browser does (see the module documentation).
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let words = query_words(query);
        let mut best: HashMap<u32, Vec<u32>> = HashMap::new();
        for (k, w) in words.iter().enumerate() {
            let start = self.terms.partition_point(|(t, _)| t.as_str() < w.as_str());
            for (t, postings) in self.terms[start..]
                .iter()
                .take_while(|(t, _)| t.starts_with(w.as_str()))
            {
                let factor = if t == w { EXACT } else { PREFIX };
                for &(doc, wt) in postings {
                    let b = best.entry(doc).or_insert_with(|| vec![0; words.len()]);
                    b[k] = b[k].max(u32::from(wt) * factor);
                }
            }
        }
        let mut hits: Vec<Hit> = best
            .into_iter()
            .map(|(doc, b)| Hit {
                doc,
                matched: b.iter().filter(|&&s| s > 0).count() as u32,
                score: b.iter().sum(),
            })
            .collect();
        hits.sort_by(|a, b| {
            b.matched
                .cmp(&a.matched)
                .then(b.score.cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        });
        hits
    }
}

/// The words of a query as the browser looks them up: folded; words joined by a hyphen as one
/// (`re-integratie` → `reintegratie`); one-letter words left out, and stopwords too unless it is
/// the last word and may still be being typed (no space after it).
pub fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = query.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if text::fold_char(c, &mut cur) {
            continue;
        }
        let joins = c == '-'
            && !cur.is_empty()
            && chars
                .get(i + 1)
                .is_some_and(|&n| text::fold_char(n, &mut String::new()));
        if !joins && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    let typing = !cur.is_empty();
    if typing {
        words.push(cur);
    }
    let n = words.len();
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.into_iter().enumerate() {
        let last_typed = typing && i + 1 == n;
        if w.chars().nth(1).is_none() || (text::is_stopword(&w) && !last_typed) {
            continue;
        }
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

fn encode_entry(out: &mut Vec<u8>, prev: &str, term: &str, postings: &[(u32, u8)]) {
    let t = term.as_bytes();
    let shared = prev
        .as_bytes()
        .iter()
        .zip(t)
        .take_while(|(a, b)| a == b)
        .count()
        .min(255);
    let rest = &t[shared..];
    debug_assert!(
        rest.len() <= 255,
        "words are at most {} bytes",
        text::MAX_WORD
    );
    out.push(shared as u8);
    out.push(rest.len().min(255) as u8);
    out.extend_from_slice(&rest[..rest.len().min(255)]);
    let mut buf = Vec::with_capacity(postings.len() * 3);
    let mut last = 0u32;
    for &(doc, wt) in postings {
        write_varint(&mut buf, doc - last);
        buf.push(wt);
        last = doc;
    }
    write_varint(out, buf.len() as u32);
    out.extend_from_slice(&buf);
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(bytes: &[u8], pos: &mut usize) -> Result<u32, String> {
    let mut v = 0u32;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*pos).ok_or("truncated varint")?;
        *pos += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
        shift += 7;
        if shift > 28 {
            return Err("varint too long".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, body: &str) -> DocTerms {
        analyze(&Fields {
            title,
            body,
            ..Fields::default()
        })
    }

    fn ranked(index: &Index, q: &str) -> Vec<u32> {
        index.search(q).iter().map(|h| h.doc).collect()
    }

    #[test]
    fn title_weighs_more_than_any_body_match() {
        let docs = [
            doc(
                "Werkgevers",
                "jongeren jongeren jongeren jongeren in de wijk",
            ),
            doc("Jongeren in de wijk", "een loket"),
            doc("Loket", "niets"),
        ];
        let index = Index::build(&docs);
        assert_eq!(ranked(&index, "jongeren"), [1, 0]);
    }

    #[test]
    fn documents_with_all_words_come_first() {
        let docs = [
            doc("Jongeren", "Jongeren tot 27 jaar, veel jongeren."),
            doc("Wijkteam", "In de wijk werken jongeren en ouderen."),
            doc("Wijkaanpak", "De aanpak in de buurt."),
        ];
        let index = Index::build(&docs);
        // only doc 1 has both words (the prefix "wijk" matches "wijk" and "wijkteam")
        let hits = index.search("jongeren wijk");
        assert_eq!(hits[0].doc, 1);
        assert_eq!(hits[0].matched, 2);
        assert!(hits[1..].iter().all(|h| h.matched == 1));
        // the title match "jongeren" ranks above the title prefix match "wijkaanpak"
        assert_eq!(ranked(&index, "jongeren wijk"), [1, 0, 2]);
    }

    #[test]
    fn diacritics_and_prefixes_match() {
        let docs = [
            doc("De cliëntenraad", "Cliënten praten mee."),
            doc("Creëren", "Werk creëren voor iedereen."),
        ];
        let index = Index::build(&docs);
        assert_eq!(ranked(&index, "clientenraad"), [0]);
        assert_eq!(ranked(&index, "Cliëntenraad"), [0]);
        assert_eq!(ranked(&index, "clienten"), [0]);
        assert_eq!(ranked(&index, "creeren"), [1]);
        assert_eq!(ranked(&index, "cli"), [0]);
        // a whole word counts more than the same word matched by a prefix
        let exact = index.search("praten")[0].score;
        let prefix = index.search("prat")[0].score;
        assert!(exact > prefix, "{exact} > {prefix}");
    }

    #[test]
    fn query_words_fold_join_and_skip_stopwords() {
        assert_eq!(query_words("Jongeren in de wijk"), ["jongeren", "wijk"]);
        assert_eq!(query_words("re-integratie"), ["reintegratie"]);
        assert_eq!(query_words("Wajong/WSW"), ["wajong", "wsw"]);
        // the last word may still be being typed: "wij" → "wijk"
        assert_eq!(query_words("jongeren wij"), ["jongeren", "wij"]);
        assert_eq!(query_words("jongeren wij "), ["jongeren"]);
        assert_eq!(query_words("a"), Vec::<String>::new());
        assert_eq!(query_words("werk werk"), ["werk"]);
        assert_eq!(query_words("werk- inkomen"), ["werk", "inkomen"]);
    }

    #[test]
    fn shards_round_trip_and_cover_sorted_ranges() {
        let words = [
            "aanpak",
            "aanpakken",
            "arbeid",
            "cliënt",
            "cliënten",
            "jongeren",
            "één",
        ];
        let docs: Vec<DocTerms> = (0..300)
            .map(|i| {
                doc(
                    words[i % words.len()],
                    &words[..=(i % words.len())].join(" "),
                )
            })
            .collect();
        let index = Index::build(&docs);
        for target in [1, 64, 1 << 20] {
            let shards = index.shards(target);
            let bytes: Vec<&[u8]> = shards.iter().map(|s| s.bytes.as_slice()).collect();
            assert_eq!(Index::decode(&bytes).unwrap(), index, "target {target}");
            assert!(shards.windows(2).all(|w| w[0].first < w[1].first));
            assert_eq!(shards[0].first, index.terms[0].0);
        }
        assert_eq!(index.shards(1).len(), index.terms.len());
        assert_eq!(index.shards(1 << 20).len(), 1);
    }

    #[test]
    fn documents_added_in_any_order_give_the_same_index() {
        let docs = [
            doc("Jongeren", "Jongeren tot 27 jaar, veel jongeren."),
            doc("Wijkteam", "In de wijk werken jongeren en ouderen."),
            doc("Wijkaanpak", "De aanpak in de buurt, de wijk."),
        ];
        let mut b = IndexBuilder::default();
        for i in [2, 0, 1] {
            b.add(i, &docs[i as usize]);
        }
        let index = b.finish();
        assert_eq!(index, Index::build(&docs));
        let jongeren = &index.terms.iter().find(|(w, _)| w == "jongeren").unwrap().1;
        assert_eq!(jongeren.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 1]);
        assert!(jongeren[0].1 > jongeren[1].1, "{jongeren:?}");
    }

    #[test]
    fn weights_fit_a_byte() {
        assert_eq!(weight(F_TITLE | F_HEAD | F_META, 1000, 10, 100.0), 148);
        assert_eq!(weight(0, 1, 10_000, 100.0), 1);
        assert!(weight(F_TITLE, 0, 1, 1.0) > weight(F_HEAD | F_META, 1000, 1, 1.0));
    }

    #[test]
    fn varints() {
        for v in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX >> 4] {
            let mut b = Vec::new();
            write_varint(&mut b, v);
            let mut pos = 0;
            assert_eq!(read_varint(&b, &mut pos), Ok(v));
            assert_eq!(pos, b.len());
        }
    }
}
