//! The e-mail edition of a Werkpleinjournaal month: its content (one [`Nieuwsbrief`] feeds
//! the HTML template and the plain text), the plain text itself, and the complete MIME message
//! editors open in their own mail program and send.
//!
//! The message is built with `mail-builder`; everything it would otherwise take from the
//! machine or the clock — Date, Message-ID, the multipart boundary — is given here and derived
//! from the edition, so the `.eml` is byte-identical on every build.

use chrono::NaiveDate;
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::date::Date;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;
use serde::Serialize;

/// Width of the plain text (characters), as mail programs expect.
const WIDTH: usize = 72;

/// Everything an e-mail edition shows; absolute URLs only.
#[derive(Debug, Clone, Serialize)]
pub struct Nieuwsbrief {
    /// The site's title.
    pub site: String,
    /// `Werkpleinjournaal oktober 2009`.
    pub titel: String,
    /// The edition's month in Dutch: `oktober 2009`.
    pub editie: String,
    /// The edition's page.
    pub url: String,
    /// The site's home page.
    pub site_url: String,
    pub groepen: Vec<Groep>,
    pub kiosk: Option<Kiosk>,
    /// Links at the bottom: the journal, the agenda, the KIOSK questions.
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Groep {
    /// `Nieuws`, `Vraag en antwoord`, `Agenda`.
    pub naam: String,
    pub berichten: Vec<Bericht>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bericht {
    pub titel: String,
    pub url: String,
    pub datum: String,
    /// The summary, or the start of the text.
    pub tekst: String,
    /// Who asked (questions).
    pub vraag_van: Option<String>,
    /// When and where (agenda items).
    pub wanneer: Option<String>,
    pub waar: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Kiosk {
    pub email: String,
    pub telefoon: Option<String>,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub naam: String,
    pub url: String,
}

/// The plain-text edition: the same content as the HTML, every link written out.
pub fn text(n: &Nieuwsbrief) -> String {
    let mut out = String::new();
    let rule = "=".repeat(WIDTH);
    out.push_str(&n.titel.to_uppercase());
    out.push('\n');
    out.push_str(&n.site);
    out.push('\n');
    out.push_str(&rule);
    out.push_str("\n\n");
    push_wrapped(
        &mut out,
        &format!("Deze editie op de website: {}", n.url),
        "",
    );
    for g in &n.groepen {
        out.push('\n');
        out.push_str(&g.naam.to_uppercase());
        out.push('\n');
        out.push_str(&"-".repeat(g.naam.chars().count()));
        out.push('\n');
        for b in &g.berichten {
            out.push('\n');
            push_wrapped(&mut out, &format!("* {}", b.titel), "  ");
            let mut meta = b.datum.clone();
            if let Some(w) = &b.vraag_van {
                meta.push_str(&format!(" · vraag van {w}"));
            }
            push_wrapped(&mut out, &meta, "  ");
            if let Some(w) = &b.wanneer {
                push_wrapped(&mut out, &format!("Wanneer: {w}"), "  ");
            }
            if let Some(w) = &b.waar {
                push_wrapped(&mut out, &format!("Waar: {w}"), "  ");
            }
            if !b.tekst.is_empty() {
                out.push('\n');
                push_wrapped(&mut out, &b.tekst, "  ");
            }
            push_wrapped(&mut out, &format!("Lees verder: {}", b.url), "  ");
        }
    }
    out.push('\n');
    out.push_str(&rule);
    out.push('\n');
    if let Some(k) = &n.kiosk {
        let mut s = format!(
            "Een vraag over integrale dienstverlening? De KIOSK: {}",
            k.email
        );
        if let Some(t) = &k.telefoon {
            s.push_str(&format!(", telefoon {t}"));
        }
        s.push_str(&format!(". Alle vragen en antwoorden: {}", k.url));
        push_wrapped(&mut out, &s, "");
        out.push('\n');
    }
    for l in &n.links {
        push_wrapped(&mut out, &format!("{}: {}", l.naam, l.url), "");
    }
    push_wrapped(&mut out, &format!("{}: {}", n.site, n.site_url), "");
    out
}

/// Appends `s` wrapped at [`WIDTH`] (words never split; a long URL gets a line of its own),
/// each line starting with `indent`.
fn push_wrapped(out: &mut String, s: &str, indent: &str) {
    let mut line = String::from(indent);
    let mut empty = true;
    for word in s.split_whitespace() {
        let len = line.chars().count() + 1 + word.chars().count();
        if !empty && len > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    if !empty {
        out.push_str(&line);
        out.push('\n');
    }
}

/// The sender: `Name <address>` or `address`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Afzender {
    pub naam: Option<String>,
    pub email: String,
}

/// Parses `Werkpleinjournaal <journaal@example.org>` or `journaal@example.org`.
pub fn parse_afzender(s: &str) -> Result<Afzender, crate::messages::Message> {
    let s = s.trim();
    let (naam, email) = match (s.find('<'), s.strip_suffix('>')) {
        (Some(i), Some(rest)) => {
            let naam = s[..i].trim().trim_matches('"').trim();
            (
                (!naam.is_empty()).then(|| naam.to_string()),
                rest[i + 1..].trim(),
            )
        }
        (None, None) => (None, s),
        _ => {
            return Err(crate::msg!(AfzenderNotAddress, value = s));
        }
    };
    if let Some(n) = &naam
        && n.chars()
            .any(|c| c.is_control() || matches!(c, '<' | '>' | '"'))
    {
        return Err(crate::msg!(AfzenderBadName, name = n));
    }
    if !is_email(email) {
        return Err(crate::msg!(NotEmail, value = email));
    }
    Ok(Afzender {
        naam,
        email: email.to_string(),
    })
}

/// A plain `local@domain.tld` address (no display name, no comments, no spaces).
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// What the MIME message is made of.
pub struct Mail<'a> {
    pub from: &'a Afzender,
    pub subject: &'a str,
    /// The edition's date (its newest item): the Date header, at 08:00 UTC.
    pub date: NaiveDate,
    /// `werkpleinjournaal-2009-10`: the stable part of the Message-ID.
    pub id: &'a str,
    /// Host of the site, for the Message-ID.
    pub host: &'a str,
    pub text: &'a str,
    pub html: &'a str,
}

/// A complete RFC 5322 message, `multipart/alternative` (plain text, then HTML), UTF-8, no
/// recipients. Deterministic: the same mail gives the same bytes.
pub fn eml(m: &Mail) -> Vec<u8> {
    let hash = fnv1a(
        [m.subject, m.text, m.html, &m.from.email]
            .join("\u{0}")
            .as_bytes(),
    );
    // A boundary that occurs in neither part (practically always the first one tried).
    let mut salt = 0u64;
    let boundary = loop {
        let b = format!("svdk-{:016x}", hash.wrapping_add(salt));
        if !m.text.contains(&b) && !m.html.contains(&b) {
            break b;
        }
        salt += 1;
    };
    let from: Address = match &m.from.naam {
        Some(n) => (n.clone(), m.from.email.clone()).into(),
        None => m.from.email.clone().into(),
    };
    let timestamp = m
        .date
        .and_hms_opt(8, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp());
    let body = MimePart::new(
        ContentType::new("multipart/alternative").attribute("boundary", boundary),
        vec![
            MimePart::new(
                ContentType::new("text/plain").attribute("charset", "utf-8"),
                m.text.to_string(),
            ),
            MimePart::new(
                ContentType::new("text/html").attribute("charset", "utf-8"),
                m.html.to_string(),
            ),
        ],
    );
    MessageBuilder::new()
        .from(from)
        .subject(m.subject)
        .date(Date::new(timestamp))
        .message_id(MessageId::new(format!(
            "{}.{:08x}@{}",
            m.id,
            hash & 0xffff_ffff,
            m.host
        )))
        .header("Content-Language", Raw::new("nl"))
        // Outlook opens a message with this header as a draft, ready to address and send.
        .header("X-Unsent", Raw::new("1"))
        .body(body)
        .write_to_vec()
        .unwrap_or_default()
}

/// FNV-1a, 64 bits.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::{MessageParser, MimeHeaders};

    fn sample() -> Nieuwsbrief {
        Nieuwsbrief {
            site: "Samen voor de klant".into(),
            titel: "Werkpleinjournaal oktober 2009".into(),
            editie: "oktober 2009".into(),
            url: "https://e.org/journaal/2009-10/".into(),
            site_url: "https://e.org/".into(),
            groepen: vec![Groep {
                naam: "Vraag en antwoord".into(),
                berichten: vec![Bericht {
                    titel: "Hoe regelen we toegang tot elkaars systemen?".into(),
                    url: "https://e.org/journaal/vraag/".into(),
                    datum: "21 oktober 2009".into(),
                    tekst: "Werkplein Zaltbommel wil dat werkcoaches van UWV en gemeente in elkaars systemen kunnen kijken. Hoe pak je dat aan?".into(),
                    vraag_van: Some("Werkplein Zaltbommel".into()),
                    wanneer: None,
                    waar: None,
                }],
            }],
            kiosk: Some(Kiosk {
                email: "kiosk@e.org".into(),
                telefoon: Some("030 123 45 67".into()),
                url: "https://e.org/kiosk/vragen/".into(),
            }),
            links: vec![],
        }
    }

    #[test]
    fn text_is_wrapped_and_writes_links_out() {
        let t = text(&sample());
        assert!(t.lines().all(|l| l.chars().count() <= WIDTH), "{t}");
        assert!(
            t.contains("  Lees verder: https://e.org/journaal/vraag/\n"),
            "{t}"
        );
        assert!(t.contains("vraag van Werkplein Zaltbommel"));
        assert!(t.contains("https://e.org/kiosk/vragen/"));
        assert!(t.starts_with("WERKPLEINJOURNAAL OKTOBER 2009\n"));
    }

    #[test]
    fn sender_addresses() {
        assert_eq!(
            parse_afzender("Werkpleinjournaal <journaal@samenvoordeklant.nl>"),
            Ok(Afzender {
                naam: Some("Werkpleinjournaal".into()),
                email: "journaal@samenvoordeklant.nl".into()
            })
        );
        assert_eq!(parse_afzender("a@b.nl").unwrap().naam, None);
        assert!(parse_afzender("journaal").is_err());
        assert!(parse_afzender("J <a@b>").is_err());
        assert!(parse_afzender("J <a@b.nl").is_err());
        assert!(!is_email("a b@c.nl"));
        assert!(is_email("kiosk@samenvoordeklant.example"));
    }

    #[test]
    fn message_parses_with_both_parts_and_is_deterministic() {
        let n = sample();
        let plain = text(&n);
        let html =
            "<!DOCTYPE html><html lang=\"nl\"><body><p>Cliënten &amp; werkgevers</p></body></html>";
        let from = parse_afzender("Werkpleinjournaal <journaal@e.org>").unwrap();
        let mail = Mail {
            from: &from,
            subject: "Werkpleinjournaal oktober 2009 — Samen voor de klant",
            date: NaiveDate::from_ymd_opt(2009, 10, 26).unwrap(),
            id: "werkpleinjournaal-2009-10",
            host: "e.org",
            text: &plain,
            html,
        };
        let bytes = eml(&mail);
        assert_eq!(bytes, eml(&mail), "same input, same bytes");
        let raw = String::from_utf8(bytes.clone()).unwrap();
        assert!(!raw.contains("\nTo:") && !raw.starts_with("To:"));
        assert!(
            raw.split("\r\n\r\n")
                .next()
                .unwrap()
                .contains("X-Unsent: 1")
        );
        let msg = MessageParser::default().parse(&bytes).expect("parses");
        assert_eq!(
            msg.subject(),
            Some("Werkpleinjournaal oktober 2009 — Samen voor de klant")
        );
        assert_eq!(
            msg.from().and_then(|a| a.first()).and_then(|a| a.address()),
            Some("journaal@e.org")
        );
        assert_eq!(msg.to(), None);
        assert_eq!(
            msg.date().map(|d| d.to_rfc3339()).as_deref(),
            Some("2009-10-26T08:00:00Z")
        );
        assert!(
            msg.message_id()
                .unwrap()
                .starts_with("werkpleinjournaal-2009-10.")
        );
        let ct = msg.content_type().unwrap();
        assert_eq!(
            (ct.ctype(), ct.subtype()),
            ("multipart", Some("alternative"))
        );
        assert_eq!(msg.text_body_count(), 1);
        assert_eq!(msg.html_body_count(), 1);
        assert_eq!(
            msg.body_text(0).unwrap().replace("\r\n", "\n").trim_end(),
            plain.trim_end()
        );
        assert!(
            msg.body_html(0)
                .unwrap()
                .contains("Cliënten &amp; werkgevers")
        );
        for part in [msg.text_part(0).unwrap(), msg.html_part(0).unwrap()] {
            let ct = part.content_type().unwrap();
            assert_eq!(ct.attribute("charset"), Some("utf-8"));
        }
    }
}
