//! The agenda: when an activity is (`wanneer`, `tot`), whether it is still to come, how it reads
//! in Dutch, and its iCalendar form (RFC 5545).
//!
//! Times are local times in Europe/Amsterdam, as editors write them. "Coming" is relative to a
//! reference date the caller gives (the site's newest content date), never to the clock, so
//! the output stays the same on every build.
//!
//! The iCalendar writer is ours: the `icalendar` crate (0.17) writes a DTSTAMP of the clock and
//! a random UID into every component that lacks one — VTIMEZONE, STANDARD and DAYLIGHT too —
//! so it can neither write a valid time zone nor deterministic output. What RFC 5545 asks of a
//! writer is small and is all here: CRLF line ends, lines folded at 75 octets on character
//! boundaries, TEXT values escaped, stable UIDs, and a VTIMEZONE for the TZID used. The tests
//! read the result back with the independent `ical` parser.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::messages::Message;
use crate::text;

/// The time zone every agenda time is in.
pub const TZID: &str = "Europe/Amsterdam";

/// A day, or a day with a start time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Moment {
    Dag(NaiveDate),
    Tijd(NaiveDateTime),
}

impl Moment {
    pub fn date(self) -> NaiveDate {
        match self {
            Moment::Dag(d) => d,
            Moment::Tijd(t) => t.date(),
        }
    }

    pub fn time(self) -> Option<NaiveTime> {
        match self {
            Moment::Dag(_) => None,
            Moment::Tijd(t) => Some(t.time()),
        }
    }

    /// `2009-10-08`, or with its time and the offset of Dutch time then:
    /// `2009-10-08T13:00:00+02:00` (ISO 8601, for schema.org's `startDate`).
    pub fn iso_zoned(self) -> String {
        match self {
            Moment::Dag(d) => d.format("%Y-%m-%d").to_string(),
            Moment::Tijd(t) => format!(
                "{}+{:02}:00",
                t.format("%Y-%m-%dT%H:%M:%S"),
                amsterdam_offset(t)
            ),
        }
    }

    /// `2009-10-08` or `2009-10-08T13:00`, for `datetime` attributes.
    pub fn iso(self) -> String {
        match self {
            Moment::Dag(d) => d.format("%Y-%m-%d").to_string(),
            Moment::Tijd(t) => t.format("%Y-%m-%dT%H:%M").to_string(),
        }
    }
}

/// When an activity takes place: from `van`, until `tot` (inclusive day, or end time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Wanneer {
    pub van: Moment,
    pub tot: Option<Moment>,
}

/// Parses `wanneer`: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a space instead of `T` is accepted).
pub fn parse_moment(s: &str) -> Result<Moment, (Message, Message)> {
    let s = s.trim();
    if let Some(d) = text::parse_date(s) {
        return Ok(Moment::Dag(d));
    }
    let bad = || (crate::msg!(NotAMoment, value = s), crate::msg!(MomentHint));
    if s.len() != 16 || !matches!(s.as_bytes()[10], b'T' | b' ') {
        return Err(bad());
    }
    let date = text::parse_date(&s[..10]).ok_or_else(bad)?;
    let time = parse_time(&s[11..]).ok_or_else(|| {
        (
            crate::msg!(NotATime, value = &s[11..]),
            crate::msg!(TimeHint),
        )
    })?;
    Ok(Moment::Tijd(date.and_time(time)))
}

/// Parses `HH:MM` strictly.
fn parse_time(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    if b.len() != 5
        || b[2] != b':'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
    {
        return None;
    }
    NaiveTime::from_hms_opt(s[..2].parse().ok()?, s[3..].parse().ok()?, 0)
}

/// Parses `tot` against `van`: a date, a date and time, or (after a time) only an end time
/// `HH:MM` on the same day. It must not be before `van`, and has a time exactly when `van` has.
pub fn parse_tot(s: &str, van: Moment) -> Result<Moment, (Message, Message)> {
    let s = s.trim();
    let tot = match (van, parse_time(s)) {
        (Moment::Tijd(v), Some(t)) => Moment::Tijd(v.date().and_time(t)),
        _ => parse_moment(s)?,
    };
    match (van, tot) {
        (Moment::Dag(_), Moment::Tijd(_)) => Err((
            crate::msg!(TotHasTime, value = s),
            crate::msg!(TotHasTimeHint),
        )),
        (Moment::Tijd(_), Moment::Dag(_)) => Err((
            crate::msg!(TotIsDate, value = s),
            crate::msg!(TotIsDateHint),
        )),
        _ if tot < van => Err((
            crate::msg!(TotBefore, value = s, van = van.iso()),
            crate::msg!(TotBeforeHint),
        )),
        (Moment::Tijd(v), Moment::Tijd(t)) if t == v => {
            Err((crate::msg!(TotSame, value = s), crate::msg!(TotSameHint)))
        }
        _ => Ok(tot),
    }
}

impl Wanneer {
    /// The last day of the activity.
    pub fn last_day(&self) -> NaiveDate {
        self.tot.unwrap_or(self.van).date()
    }

    /// Still to come (or going on) on `reference`: it ends on or after that day.
    pub fn is_coming(&self, reference: NaiveDate) -> bool {
        self.last_day() >= reference
    }

    /// `donderdag 8 oktober 2009, 13.00–17.00 uur`, `19 tot en met 21 januari 2010`, ...
    pub fn label_nl(&self) -> String {
        let day = |d: NaiveDate| format!("{} {}", weekday_nl(d.weekday()), text::date_nl(d));
        let hm = |t: NaiveTime| t.format("%-H.%M").to_string();
        match (self.van, self.tot) {
            (Moment::Dag(d), None) => day(d),
            (Moment::Dag(a), Some(b)) if a == b.date() => day(a),
            (Moment::Dag(a), Some(b)) => format!("{} tot en met {}", day(a), day(b.date())),
            (Moment::Tijd(a), None) => format!("{}, {} uur", day(a.date()), hm(a.time())),
            (Moment::Tijd(a), Some(b)) if a.date() == b.date() => format!(
                "{}, {}–{} uur",
                day(a.date()),
                hm(a.time()),
                b.time().map(hm).unwrap_or_default()
            ),
            (Moment::Tijd(a), Some(b)) => format!(
                "{}, {} uur tot {}, {} uur",
                day(a.date()),
                hm(a.time()),
                day(b.date()),
                b.time().map(hm).unwrap_or_default()
            ),
        }
    }
}

fn weekday_nl(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "maandag",
        Weekday::Tue => "dinsdag",
        Weekday::Wed => "woensdag",
        Weekday::Thu => "donderdag",
        Weekday::Fri => "vrijdag",
        Weekday::Sat => "zaterdag",
        Weekday::Sun => "zondag",
    }
}

/// One event of a calendar file.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// Stable and globally unique: `<slug>@<host>`.
    pub uid: String,
    /// When the item was published (its `date`), as DTSTAMP: not the clock.
    pub published: NaiveDate,
    pub summary: &'a str,
    pub description: Option<&'a str>,
    pub location: Option<&'a str>,
    /// Absolute URL of the item's page.
    pub url: String,
    pub wanneer: Wanneer,
}

/// A complete iCalendar object (RFC 5545) with one VEVENT per event, in the given order.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = String::new();
    let mut line = |l: &str| {
        out.push_str(&fold(l));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Samen voor de Klant//svdk//NL");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(name)));
    line(&format!("X-WR-TIMEZONE:{TZID}"));
    if events
        .iter()
        .any(|e| matches!(e.wanneer.van, Moment::Tijd(_)))
    {
        for l in VTIMEZONE {
            line(l);
        }
    }
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&e.uid)));
        line(&format!("DTSTAMP:{}T000000Z", e.published.format("%Y%m%d")));
        match (e.wanneer.van, e.wanneer.tot) {
            (Moment::Dag(a), tot) => {
                // All day: DTEND is the day after the last day (exclusive).
                let end = tot.map_or(a, Moment::date) + Duration::days(1);
                line(&format!("DTSTART;VALUE=DATE:{}", a.format("%Y%m%d")));
                line(&format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
            }
            (Moment::Tijd(a), tot) => {
                line(&format!(
                    "DTSTART;TZID={TZID}:{}",
                    a.format("%Y%m%dT%H%M%S")
                ));
                if let Some(Moment::Tijd(b)) = tot {
                    line(&format!("DTEND;TZID={TZID}:{}", b.format("%Y%m%dT%H%M%S")));
                }
            }
        }
        line(&format!("SUMMARY:{}", escape(e.summary)));
        let mut description = e.description.unwrap_or("").trim().to_string();
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&e.url);
        line(&format!("DESCRIPTION:{}", escape(&description)));
        if let Some(l) = e.location.filter(|l| !l.trim().is_empty()) {
            line(&format!("LOCATION:{}", escape(l.trim())));
        }
        line(&format!("URL:{}", e.url));
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// The offset from UTC in hours of a local time in Europe/Amsterdam: 2 in summer time (from the
/// last Sunday of March 02:00 to the last Sunday of October 03:00, the rule of [`VTIMEZONE`]),
/// else 1.
pub fn amsterdam_offset(t: NaiveDateTime) -> u32 {
    let last_sunday = |month: u32| {
        let next = NaiveDate::from_ymd_opt(t.year() + i32::from(month == 12), month % 12 + 1, 1);
        let last = next.and_then(|n| n.pred_opt()).unwrap_or(t.date());
        last - Duration::days(i64::from(last.weekday().num_days_from_sunday()))
    };
    let start = last_sunday(3).and_hms_opt(2, 0, 0);
    let end = last_sunday(10).and_hms_opt(3, 0, 0);
    match (start, end) {
        (Some(s), Some(e)) if t >= s && t < e => 2,
        _ => 1,
    }
}

/// Europe/Amsterdam since 1996: CET, and CEST from the last Sunday of March 02:00 to the last
/// Sunday of October 03:00.
const VTIMEZONE: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "X-LIC-LOCATION:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, `;`, `,` and newlines.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines
/// start with one space, never splitting a UTF-8 character. Joined with CRLF, no final CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    let mut limit = 75;
    for c in line.chars() {
        if width + c.len_utf8() > limit {
            out.push_str("\r\n ");
            width = 0;
            limit = 74; // the leading space counts
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        text::parse_date(s).unwrap()
    }

    #[test]
    fn parses_days_and_times() {
        assert_eq!(parse_moment("2009-10-08"), Ok(Moment::Dag(d("2009-10-08"))));
        let t = parse_moment("2009-10-08T13:00").unwrap();
        assert_eq!(t.iso(), "2009-10-08T13:00");
        assert_eq!(parse_moment("2009-10-08 13:00"), Ok(t));
        assert!(parse_moment("2009-10-32").is_err());
        assert!(parse_moment("8 oktober").is_err());
        assert!(
            parse_moment("2009-10-08T25:00")
                .unwrap_err()
                .0
                .en()
                .contains("'25:00'")
        );
        assert!(parse_moment("2009-10-08T9:00").is_err());
    }

    #[test]
    fn tot_follows_wanneer() {
        let van = parse_moment("2009-10-08T13:00").unwrap();
        assert_eq!(parse_tot("17:00", van).unwrap().iso(), "2009-10-08T17:00");
        assert_eq!(
            parse_tot("2009-10-09T12:00", van).unwrap().iso(),
            "2009-10-09T12:00"
        );
        assert!(
            parse_tot("12:00", van)
                .unwrap_err()
                .0
                .en()
                .contains("before")
        );
        assert!(parse_tot("13:00", van).is_err());
        assert!(parse_tot("2009-10-09", van).is_err());
        let dag = Moment::Dag(d("2010-01-19"));
        assert!(parse_tot("17:00", dag).is_err());
        assert!(parse_tot("2010-01-18", dag).is_err());
        assert_eq!(
            parse_tot("2010-01-21", dag),
            Ok(Moment::Dag(d("2010-01-21")))
        );
    }

    #[test]
    fn coming_is_relative_to_the_reference_date() {
        let w = Wanneer {
            van: Moment::Dag(d("2010-01-19")),
            tot: Some(Moment::Dag(d("2010-01-21"))),
        };
        assert!(w.is_coming(d("2010-01-21")));
        assert!(!w.is_coming(d("2010-01-22")));
    }

    #[test]
    fn dutch_labels() {
        let van = parse_moment("2009-10-08T13:00").unwrap();
        let w = Wanneer {
            van,
            tot: Some(parse_tot("17:00", van).unwrap()),
        };
        assert_eq!(w.label_nl(), "donderdag 8 oktober 2009, 13.00–17.00 uur");
        let days = Wanneer {
            van: Moment::Dag(d("2010-01-19")),
            tot: Some(Moment::Dag(d("2010-01-21"))),
        };
        assert_eq!(
            days.label_nl(),
            "dinsdag 19 januari 2010 tot en met donderdag 21 januari 2010"
        );
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "cliëntenraad ".repeat(20));
        let folded = fold(&line);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
        assert_eq!(fold("SHORT:x"), "SHORT:x");
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn calendar_is_deterministic_with_timezone() {
        let van = parse_moment("2010-03-25T09:30").unwrap();
        let e = Event {
            uid: "werkpleindag@example.org".into(),
            published: d("2010-01-27"),
            summary: "Werkpleindag, van elkaar leren",
            description: Some("Workshops; door werkpleinen"),
            location: Some("Amersfoort"),
            url: "https://example.org/journaal/werkpleindag/".into(),
            wanneer: Wanneer {
                van,
                tot: Some(parse_tot("16:30", van).unwrap()),
            },
        };
        let cal = calendar("Agenda", std::slice::from_ref(&e));
        assert_eq!(cal, calendar("Agenda", &[e]));
        assert!(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(cal.ends_with("END:VCALENDAR\r\n"));
        assert!(!cal.replace("\r\n", "").contains('\n'));
        assert!(cal.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"));
        assert!(cal.contains("DTSTART;TZID=Europe/Amsterdam:20100325T093000\r\n"));
        assert!(cal.contains("DTEND;TZID=Europe/Amsterdam:20100325T163000\r\n"));
        assert!(cal.contains("DTSTAMP:20100127T000000Z\r\n"));
        assert!(cal.contains("SUMMARY:Werkpleindag\\, van elkaar leren\r\n"));
    }

    #[test]
    fn all_day_events_end_the_day_after() {
        let e = Event {
            uid: "x@e".into(),
            published: d("2009-11-30"),
            summary: "Leergang",
            description: None,
            location: None,
            url: "https://e/x/".into(),
            wanneer: Wanneer {
                van: Moment::Dag(d("2010-01-19")),
                tot: None,
            },
        };
        let cal = calendar("A", &[e]);
        assert!(cal.contains("DTSTART;VALUE=DATE:20100119\r\nDTEND;VALUE=DATE:20100120\r\n"));
        assert!(
            !cal.contains("VTIMEZONE"),
            "no time zone needed for dates only"
        );
    }
}

#[cfg(test)]
mod zoned_tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn dutch_summer_and_winter_time() {
        // 2009: summer time from 29 March 02:00 to 25 October 03:00.
        assert_eq!(amsterdam_offset(t("2009-03-29T01:59")), 1);
        assert_eq!(amsterdam_offset(t("2009-03-29T03:00")), 2);
        assert_eq!(amsterdam_offset(t("2009-10-08T13:00")), 2);
        assert_eq!(amsterdam_offset(t("2009-10-25T02:30")), 2);
        assert_eq!(amsterdam_offset(t("2009-10-25T03:00")), 1);
        assert_eq!(amsterdam_offset(t("2010-01-19T10:00")), 1);
        assert_eq!(amsterdam_offset(t("2010-12-31T23:00")), 1);
        assert_eq!(
            Moment::Tijd(t("2009-10-08T13:00")).iso_zoned(),
            "2009-10-08T13:00:00+02:00"
        );
        assert_eq!(
            Moment::Dag(t("2010-01-19T00:00").date()).iso_zoned(),
            "2010-01-19"
        );
    }
}
