//! Text for the search index: folding, tokenizing, and plain text from rendered HTML.
//!
//! The browser folds and splits the query with the same rules (`js/zoeken/vouwen.js`, with the
//! tables of [`latin_table`] and [`STOPWORDS`], which the index manifest carries), so a query
//! matches what is indexed here:
//!
//! - letters are lowercased and Latin letters lose their diacritics (`Cliënten` → `clienten`,
//!   `creëren` → `creeren`, `ĳ` → `ij`, `ß` → `ss`); letters of other scripts are kept;
//! - a word is a run of letters and digits; words joined by a single `-` are also indexed as one
//!   (`re-integratie` → `re`, `integratie` and `reintegratie`), and the browser looks a hyphenated
//!   query word up in that joined form;
//! - words of one character and Dutch function words (`de`, `het`, `een`, …) are not indexed.

/// Longest word that is indexed, in bytes (longer ones are not words people type).
pub const MAX_WORD: usize = 40;

/// Dutch function words that are left out of the index: they are on nearly every page, so they
/// cost much space and say nothing about a page. Sorted, for the binary search.
pub const STOPWORDS: &[&str] = &[
    "aan", "al", "als", "bij", "dan", "dat", "de", "der", "des", "deze", "die", "dit", "door",
    "een", "en", "er", "had", "heeft", "het", "hij", "hun", "ik", "in", "is", "je", "maar", "met",
    "na", "naar", "niet", "nog", "of", "om", "ook", "op", "over", "te", "tot", "uit", "van", "was",
    "wat", "we", "wel", "werd", "wie", "wij", "wordt", "ze", "zich", "zij", "zijn", "zo",
];

pub fn is_stopword(w: &str) -> bool {
    // Asked for every word of every page (issue 16's profile: 3.6 % of a build with a binary
    // search over strings): a word of up to 8 bytes as one number, looked up among numbers.
    static PACKED: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        let mut v: Vec<u64> = STOPWORDS.iter().filter_map(|w| pack(w)).collect();
        v.sort_unstable();
        v
    });
    pack(w).is_some_and(|k| PACKED.binary_search(&k).is_ok())
}

/// The bytes of a word of at most 8 bytes as one number (zero-padded: no two words share one).
fn pack(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    Some(u64::from_be_bytes(buf))
}

/// The code point ranges of Latin letters with diacritics (and ligatures), whose folded form is
/// their base letters.
pub const LATIN: [(u32, u32); 2] = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)];

fn is_latin(c: char) -> bool {
    LATIN
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
}

/// The folded form of every code point of each [`LATIN`] range, in order, joined by `|` (a
/// code point that is not a letter folds to nothing). The browser folds these letters with this
/// table, so both sides fold alike without a copy of the rules in JavaScript.
pub fn latin_table() -> Vec<(u32, String)> {
    LATIN
        .iter()
        .map(|&(lo, hi)| {
            let folded: Vec<String> = (lo..=hi)
                .map(|u| {
                    let mut out = String::new();
                    if let Some(c) = char::from_u32(u) {
                        fold_char(c, &mut out);
                    }
                    out
                })
                .collect();
            (lo, folded.join("|"))
        })
        .collect()
}

/// Combining diacritical marks (a decomposed `ë` is `e` + U+0308): dropped.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Appends the folded form of `c` to `out`; returns false when `c` is not part of a word.
pub fn fold_char(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    if is_mark(c) || c == '\u{ad}' {
        // Part of the word (a combining diacritic, a soft hyphen), but adds nothing.
        return true;
    }
    if !c.is_alphanumeric() {
        return false;
    }
    for lc in c.to_lowercase() {
        if is_mark(lc) {
            // `İ` lowercases to `i` + U+0307.
            continue;
        }
        if is_latin(lc) {
            let base = deunicode::deunicode_char(lc).unwrap_or("");
            let mut any = false;
            for b in base.chars().filter(char::is_ascii_alphanumeric) {
                out.push(b.to_ascii_lowercase());
                any = true;
            }
            if !any {
                out.push(lc);
            }
        } else {
            out.push(lc);
        }
    }
    true
}

/// Lowercase, without diacritics, and only letters and digits: `Cliëntenraad` → `clientenraad`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The words of `text` as they are indexed, in order (with repeats): folded parts, plus the
/// joined form of hyphenated words right after their parts. Stopwords and one-letter words are
/// left out.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with every indexed word of `text` (see [`words`]).
pub fn each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut part = String::new();
    // The parts of a hyphenated word so far, joined, and how many there are (0: none).
    let mut joined = String::new();
    let mut parts = 0usize;
    for c in text.chars() {
        if fold_char(c, &mut part) {
            continue;
        }
        if !part.is_empty() {
            // c ends a part: it may continue a hyphenated word, or start one.
            if parts > 0 {
                joined.push_str(&part);
                parts += 1;
            } else if c == '-' {
                joined.clear();
                joined.push_str(&part);
                parts = 1;
            }
            emit(&mut part, &mut f);
            if c == '-' {
                continue;
            }
        }
        if parts > 1 && keep(&joined) {
            f(&joined);
        }
        parts = 0;
    }
    if !part.is_empty() {
        if parts > 0 {
            joined.push_str(&part);
            parts += 1;
        }
        emit(&mut part, &mut f);
    }
    if parts > 1 && keep(&joined) {
        f(&joined);
    }
}

fn emit(part: &mut String, f: &mut impl FnMut(&str)) {
    if keep(part) {
        f(part);
    }
    part.clear();
}

fn keep(w: &str) -> bool {
    w.chars().nth(1).is_some() && w.len() <= MAX_WORD && !is_stopword(w)
}

/// Plain text of rendered HTML: tags removed (block elements become line breaks), entities
/// decoded, whitespace collapsed; `<script>`, `<style>` and `<svg>` are left out.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut skip_until: Option<&'static str> = None;
    while let Some(lt) = rest.find('<') {
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let tag_and_after = &rest[lt..];
        let end = match tag_and_after.find('>') {
            Some(e) => e,
            None => {
                rest = "";
                break;
            }
        };
        let tag = &tag_and_after[1..end];
        rest = &tag_and_after[end + 1..];
        // The tag's name, lowercased on the stack (no allocation per tag).
        let raw = tag.trim_start_matches('/');
        let len = raw
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count()
            .min(16);
        let mut buf = [0u8; 16];
        for (d, s) in buf.iter_mut().zip(raw.bytes().take(len)) {
            *d = s.to_ascii_lowercase();
        }
        let name = std::str::from_utf8(&buf[..len]).unwrap_or("");
        if let Some(until) = skip_until {
            if tag.starts_with('/') && name == until {
                skip_until = None;
            }
            continue;
        }
        match name {
            "script" | "style" | "svg" if !tag.starts_with('/') && !tag.ends_with('/') => {
                skip_until = Some(match name {
                    "script" => "script",
                    "style" => "style",
                    _ => "svg",
                });
            }
            "p" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "br"
            | "tr" | "td" | "th" | "table" | "blockquote" | "pre" | "dt" | "dd" | "dl"
            | "section" | "figure" | "figcaption" | "hr" => out.push('\n'),
            _ => {}
        }
    }
    if skip_until.is_none() {
        push_text(&mut out, rest);
    }
    collapse(&out)
}

fn push_text(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match after.find(';').filter(|&i| i <= 10) {
            Some(semi) => {
                match entity(&after[..semi]) {
                    Some(c) => out.push(c),
                    None => out.push_str(&rest[amp..amp + semi + 2]),
                }
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "euro" => '€',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

/// Runs of whitespace become one space; line breaks between blocks become ` `, except that
/// text is never glued together.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{ad}' {
            if c != '\u{ad}' {
                space = true;
            }
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_dutch_diacritics() {
        assert_eq!(fold("Cliëntenraad"), "clientenraad");
        assert_eq!(fold("creëren"), "creeren");
        assert_eq!(fold("Coördinator"), "coordinator");
        assert_eq!(fold("geïntegreerde"), "geintegreerde");
        assert_eq!(fold("één"), "een");
        assert_eq!(fold("ĲSSEL"), "ijssel");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Øresund"), "oresund");
        assert_eq!(fold("İstanbul"), "istanbul");
        // decomposed input (e + combining diaeresis) folds the same as the composed letter
        assert_eq!(fold("cli\u{65}\u{308}nten"), "clienten");
        // other scripts are kept, lowercased
        assert_eq!(fold("Ελλάδα"), "ελλάδα");
    }

    #[test]
    fn splits_words_drops_stopwords_and_single_letters() {
        assert_eq!(
            words("Jongeren in de wijk: één loket, 27 jaar!"),
            ["jongeren", "wijk", "loket", "27", "jaar"]
        );
        assert_eq!(words("Wajong/WSW"), ["wajong", "wsw"]);
        assert_eq!(words("a b c"), Vec::<String>::new());
    }

    #[test]
    fn hyphenated_words_are_also_indexed_joined() {
        assert_eq!(
            words("de re-integratie loopt"),
            ["re", "integratie", "reintegratie", "loopt"]
        );
        assert_eq!(
            words("Werkplein 's-Hertogenbosch"),
            ["werkplein", "hertogenbosch", "shertogenbosch"]
        );
        assert_eq!(
            words("Noord-Oost-Brabant"),
            ["noord", "oost", "brabant", "noordoostbrabant"]
        );
        // a dash between spaces, or a double hyphen, does not join
        assert_eq!(words("werk - inkomen"), ["werk", "inkomen"]);
        assert_eq!(words("werk--inkomen"), ["werk", "inkomen"]);
        // a joined form made only of stopwords' letters is still a word
        assert_eq!(words("in-de"), ["inde"]);
    }

    #[test]
    fn latin_table_folds_as_fold_char() {
        let table = latin_table();
        assert_eq!(table.len(), LATIN.len());
        for ((lo, hi), (start, folded)) in LATIN.iter().zip(&table) {
            assert_eq!(lo, start);
            let parts: Vec<&str> = folded.split('|').collect();
            assert_eq!(parts.len() as u32, hi - lo + 1);
            for (u, part) in (*lo..=*hi).zip(parts) {
                let c = char::from_u32(u).unwrap();
                assert_eq!(part, fold(&c.to_string()), "U+{u:04X}");
            }
        }
        let first = &table[0].1;
        // À, Á, …: 'a'; Æ: 'ae'; × (U+00D7) is not a letter
        assert!(first.starts_with("a|a|a|a|a|a|ae|c|"), "{first}");
        assert!(first.contains("|o||o|"), "{first}");
    }

    #[test]
    fn stopwords_are_sorted() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOPWORDS);
        assert!(is_stopword("het"));
        assert!(!is_stopword("den"));
        // every stopword is found, nothing that merely starts or ends like one
        assert!(STOPWORDS.iter().all(|w| w.len() <= 8 && is_stopword(w)));
        for w in [
            "",
            "h",
            "hetzelfde",
            "zijnde",
            "aanpak",
            "e",
            "werkplein",
            "ø",
        ] {
            assert!(!is_stopword(w), "{w}");
        }
    }

    #[test]
    fn plain_text_of_html() {
        let html = "<h2 id=\"a\">Situatie&shy;schets</h2>\n<p>Eén <em>loket</em> &amp; de\nwijk&#39;s.</p><ul><li>een</li><li>twee</li></ul><script>x()</script><p>Tom &amp Jerry &#x41;</p>";
        assert_eq!(
            html_to_text(html),
            "Situatieschets Eén loket & de wijk's. een twee Tom &amp Jerry A"
        );
        assert_eq!(html_to_text("a<svg><text>b</text></svg>c"), "ac");
    }
}
