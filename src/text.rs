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

/// A "did you mean" hint for an unknown id.
pub fn did_you_mean<'a, I>(wanted: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(wanted, candidates).map(|c| format!("did you mean '{c}'?"))
}

/// Lowercase with diacritics removed: `Cliënten` → `clienten`.
pub fn fold(s: &str) -> String {
    deunicode::deunicode(s).to_lowercase()
}

/// A decimal as Dutch readers write it: `7,2`.
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
    fn suggests_close_ids_only() {
        let ids = ["den-bosch", "venlo", "assen"];
        assert_eq!(closest("denbosch", ids), Some("den-bosch"));
        assert_eq!(closest("venloo", ids), Some("venlo"));
        assert_eq!(closest("rotterdam", ids), None);
    }
}
