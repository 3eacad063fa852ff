//! Small text helpers shared by the stages: slugs, diacritics, Dutch dates, "did you mean".

use chrono::{Datelike, NaiveDate};

/// A URL- and id-safe slug: diacritics transliterated, lowercase, runs of other characters
/// turned into a single `-`.
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
}

/// True when `s` is already a valid slug/id: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// `12 maart 2009`.
pub fn date_nl(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// `maart 2009` for a month id `2009-03`; `None` if it is not a valid month.
pub fn month_nl(month: &str) -> Option<String> {
    let (y, m) = parse_month(month)?;
    Some(format!("{} {}", MONTHS[(m - 1) as usize], y))
}

/// Parses `YYYY-MM` strictly.
pub fn parse_month(s: &str) -> Option<(i32, u32)> {
    let b = s.as_bytes();
    if b.len() != 7
        || b[4] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
    {
        return None;
    }
    let y: i32 = s[..4].parse().ok()?;
    let m: u32 = s[5..].parse().ok()?;
    (1..=12).contains(&m).then_some((y, m))
}

/// Parses `YYYY-MM-DD` strictly (zero-padded, a real calendar date).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The closest of `candidates` to `wanted`, if one is close enough to be a likely typo.
pub fn closest<'a, I>(wanted: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let folded = fold(wanted);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let d = strsim::levenshtein(&folded, &fold(c));
        if best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    let limit = (wanted.chars().count() / 3).max(2);
    (d <= limit).then_some(c)
}

/// The closest of `candidates` (file paths) to the path `wanted`: like [`closest`], but the
/// allowed difference depends on the length of the file name, not of the whole path, so
/// `bestanden/plann.pdf` finds `bestanden/plan.pdf` while `bestanden/weg.pdf` finds nothing.
pub fn closest_path<'a, I>(wanted: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let folded = fold(wanted);
    let name = wanted.rsplit('/').next().unwrap_or(wanted);
    let limit = (name.chars().count() / 4).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let d = strsim::levenshtein(&folded, &fold(c));
        if best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

/// A "did you mean" hint for an unknown id.
pub fn did_you_mean<'a, I>(wanted: &str, candidates: I) -> Option<crate::messages::Message>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(wanted, candidates).map(|c| crate::msg!(DidYouMean, candidate = c))
}

/// Lowercase with diacritics removed: `Cliënten` → `clienten`.
pub fn fold(s: &str) -> String {
    deunicode::deunicode(s).to_lowercase()
}

/// The text with its first letter in upper case: `daadkracht` → `Daadkracht`.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The key by which Dutch readers look a name up in an alphabetical list:
///
/// - a leading `'s` or `'t` of a word is left out (`'s-Hertogenbosch` under H, `'t Zandt` under Z);
/// - case and diacritics do not count (`Émmen` beside `Emmen`);
/// - `ij` is one letter (`IJmond`, `Rijswijk`), sorted after every other letter in its place:
///   `Ittervoort` < `IJmond` < `Jongeren`;
/// - hyphens and spaces separate words and sort before letters (`Den Haag` < `Denekamp`); other
///   punctuation does not count.
///
/// Keys compare by code point (`<` on `String`, and on strings in JavaScript), so the browser
/// sorts by the same key: the theme's sortable tables carry it in `data-sleutel`.
pub fn sort_key(name: &str) -> String {
    let chars: Vec<char> = name.trim().chars().collect();
    let separator = |c: char| c.is_whitespace() || c == '-';
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // 's / 't (the old article) before a word
        if matches!(c, '\'' | '\u{2019}' | '\u{2018}')
            && (i == 0 || separator(chars[i - 1]))
            && matches!(chars.get(i + 1), Some('s' | 't'))
            && chars.get(i + 2).is_some_and(|&c| separator(c))
        {
            i += 3;
            continue;
        }
        if separator(c) {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c.is_alphanumeric() {
            out.extend(
                fold(c.encode_utf8(&mut [0; 4]))
                    .chars()
                    .filter(char::is_ascii_alphanumeric),
            );
        }
        i += 1;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    // `ij` is one letter, after every other letter in its place ('{' follows 'z').
    out.replace("ij", "i{")
}

/// Orders names as Dutch readers expect ([`sort_key`]); ties are broken by the names themselves.
pub fn cmp_names(a: &str, b: &str) -> std::cmp::Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

/// Sorts `items` by name as [`cmp_names`] does, ties broken by id; `key` gives (name, id).
/// Each item's sort key is made once.
pub fn sort_by_name<T>(items: &mut [T], key: impl Fn(&T) -> (&str, &str)) {
    items.sort_by_cached_key(|t| {
        let (naam, id) = key(t);
        (sort_key(naam), naam.to_string(), id.to_string())
    });
}

/// The URL schemes a link from content or data may use.
pub const URL_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Why `url` may not be a link on the site, if it may not: only http(s), mailto or a path on
/// the site (`/x/`, `../a.md`, `#anchor`) are links; `javascript:`, `data:`, `vbscript:`... would
/// run or hide something in the reader's browser. Browsers ignore tabs and line breaks inside a
/// URL and read the scheme in any case, so this check does too.
pub fn url_problem(url: &str) -> Option<crate::messages::Message> {
    let cleaned: String = url
        .trim_matches(|c: char| c.is_ascii_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let is_scheme = !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        // A colon after a '/', '?' or '#' (`../a.md#x:y`) is part of a path.
        return (scheme.contains(|c: char| c.is_control())).then(|| crate::msg!(UrlControlChars));
    }
    let scheme = scheme.to_ascii_lowercase();
    (!URL_SCHEMES.contains(&scheme.as_str()))
        .then(|| crate::msg!(UrlSchemeNotAllowed, scheme = scheme))
}

/// Where the lines of a text start, to turn byte offsets into line and column without counting
/// from the start of the text for every offset (many links would make that quadratic).
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: usize,
}

impl<'a> Lines<'a> {
    /// `first_line` is the file line of the text's first line.
    pub fn new(text: &'a str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines {
            text,
            starts,
            first_line,
        }
    }

    /// The line and column (1-based, in bytes) of a byte offset.
    pub fn pos(&self, offset: usize) -> crate::diagnostics::Pos {
        let offset = offset.min(self.text.len());
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let col = offset - self.starts.get(line).copied().unwrap_or(0);
        crate::diagnostics::Pos::new(self.first_line + line, col + 1)
    }
}

/// A decimal as Dutch readers write it: `7,2`.
/// A number as a CSV writes it (`232438`, `-3.5`) as Dutch readers write it: a decimal comma,
/// a minus sign, and points between thousands from five digits on (`232.438`; a four-digit
/// number such as a year stays as it is).
pub fn number_nl(csv: &str) -> String {
    let (sign, rest) = match csv.strip_prefix('-') {
        Some(r) => ("−", r),
        None => ("", csv),
    };
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    if int.len() >= 5 && int.bytes().all(|b| b.is_ascii_digit()) {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push('.');
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
    }
    out
}

pub fn decimal_nl(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

/// `2010-1` → `1e meting 2010`.
pub fn meting_naam(m: &str) -> String {
    match m.split_once('-') {
        Some((y, n)) => format!("{n}e meting {y}"),
        None => m.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| cmp_names(a, b));
        v
    }

    #[test]
    fn dutch_sort_keys() {
        assert_eq!(sort_key("'s-Hertogenbosch"), "hertogenbosch");
        assert_eq!(
            sort_key("Werkplein 's-Hertogenbosch"),
            "werkplein hertogenbosch"
        );
        assert_eq!(sort_key("\u{2019}t Zandt"), "zandt");
        assert_eq!(sort_key("IJmond"), "i{mond");
        assert_eq!(sort_key("\u{132}sselstein"), "i{sselstein");
        assert_eq!(sort_key("Súdwest-Fryslân"), "sudwest fryslan");
        assert_eq!(sort_key("  Den  Haag "), "den haag");
        // an apostrophe inside or after a word is not an article
        assert_eq!(sort_key("Jan's tuin"), "jans tuin");
        assert_eq!(sort_key("'sHertogenbosch"), "shertogenbosch");
    }

    #[test]
    fn sorts_as_dutch_readers_look_names_up() {
        assert_eq!(
            sorted(&[
                "Werkplein IJmond",
                "Werkplein 's-Hertogenbosch",
                "Werkplein Almere",
                "Werkplein Ittervoort",
                "Werkplein Hoorn",
                "Werkplein Jongeren",
                "Werkplein Heerlen",
            ]),
            [
                "Werkplein Almere",
                "Werkplein Heerlen",
                "Werkplein 's-Hertogenbosch",
                "Werkplein Hoorn",
                "Werkplein Ittervoort",
                "Werkplein IJmond",
                "Werkplein Jongeren",
            ]
        );
        assert_eq!(
            sorted(&["Denekamp", "Den Haag", "Delft"]),
            ["Delft", "Den Haag", "Denekamp"]
        );
        assert_eq!(
            sorted(&["Émmen", "Elst", "Eindhoven"]),
            ["Eindhoven", "Elst", "Émmen"]
        );
        assert_eq!(
            sorted(&["Rijswijk", "Riemst", "Rozenburg"]),
            ["Riemst", "Rijswijk", "Rozenburg"]
        );
    }

    #[test]
    fn only_http_mailto_and_site_paths_are_links() {
        for ok in [
            "https://www.uwv.nl/",
            "http://a.nl",
            "MAILTO:info@a.nl",
            "/werkpleinen/",
            "../a.md#x:y",
            "a.md",
            "#kop",
            "",
        ] {
            assert_eq!(url_problem(ok), None, "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "\u{1}javascript:x",
        ] {
            assert!(url_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn slugs_fold_diacritics_and_punctuation() {
        assert_eq!(
            slugify("Wat maakt dat het werkt?"),
            "wat-maakt-dat-het-werkt"
        );
        assert_eq!(slugify("Cliëntenraad & rol"), "clientenraad-rol");
        assert!(is_slug("den-bosch"));
        assert!(!is_slug("Den-Bosch"));
        assert!(!is_slug("den--bosch"));
        assert!(!is_slug(""));
    }

    #[test]
    fn dutch_numbers_group_thousands_from_five_digits() {
        assert_eq!(number_nl("232438"), "232.438");
        assert_eq!(number_nl("1234567"), "1.234.567");
        assert_eq!(number_nl("2009"), "2009");
        assert_eq!(number_nl("12345.5"), "12.345,5");
        assert_eq!(number_nl("-3.5"), "−3,5");
        assert_eq!(number_nl("+12"), "+12");
        assert_eq!(number_nl("7"), "7");
    }

    #[test]
    fn dutch_numbers_and_metingen() {
        assert_eq!(decimal_nl(7.0), "7,0");
        assert_eq!(decimal_nl(6.849), "6,8");
        assert_eq!(meting_naam("2010-2"), "2e meting 2010");
    }

    #[test]
    fn dutch_dates() {
        let d = NaiveDate::from_ymd_opt(2009, 3, 12).unwrap();
        assert_eq!(date_nl(d), "12 maart 2009");
        assert_eq!(month_nl("2009-10").as_deref(), Some("oktober 2009"));
        assert_eq!(month_nl("2009-13"), None);
    }

    #[test]
    fn strict_date_parsing() {
        assert!(parse_date("2009-06-15").is_some());
        assert!(parse_date("2009-6-15").is_none());
        assert!(parse_date("2009-13-45").is_none());
        assert!(parse_date("2009-02-30").is_none());
        assert_eq!(parse_month("2009-1"), None);
        assert_eq!(parse_month("2010-01"), Some((2010, 1)));
    }

    #[test]
    fn suggests_close_paths_only() {
        let files = [
            "bestanden/plan.pdf",
            "img/logo.svg",
            "bestanden/den-bosch/ketenjaarplan-2009.pdf",
        ];
        assert_eq!(
            closest_path("bestanden/plann.pdf", files),
            Some("bestanden/plan.pdf")
        );
        assert_eq!(closest_path("bestanden/weg.pdf", files), None);
        assert_eq!(closest_path("img/logo.png", files), Some("img/logo.svg"));
        assert_eq!(
            closest_path("bestanden/denbosch/ketenjaarplan-2009.pdf", files),
            Some("bestanden/den-bosch/ketenjaarplan-2009.pdf")
        );
    }

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["den-bosch", "venlo", "assen"];
        assert_eq!(closest("denbosch", ids), Some("den-bosch"));
        assert_eq!(closest("venloo", ids), Some("venlo"));
        assert_eq!(closest("rotterdam", ids), None);
    }
}
