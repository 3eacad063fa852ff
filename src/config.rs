//! `site.yaml`: the site's settings.

use crate::diagnostics::{Diagnostics, Pos};
use crate::nieuwsbrief::{self, Afzender};
use crate::yaml::{self, Fields, Locator};

pub const DEFAULT_THEME: &str = "samenvoordeklant";
pub const PATH: &str = crate::layout::SITE_CONFIG;

#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    pub title: String,
    pub base_url: BaseUrl,
    pub language: String,
    pub theme: String,
    /// Where `theme:` is written in site.yaml (for messages about the theme).
    pub theme_pos: Pos,
    pub landkaart_periode: Option<String>,
    /// How to reach the KIOSK question desk (`kiosk: {email, telefoon}`).
    pub kiosk: Option<Kiosk>,
    /// The sender of the e-mail editions (`nieuwsbrief: {from: ...}`); without it no `.eml`.
    pub nieuwsbrief_from: Option<Afzender>,
    /// Practices a page of a list shows (`paginering:`, default [`DEFAULT_PAGINERING`]);
    /// further ones go on numbered pages (`praktijkvoorbeelden/pagina/2/`).
    pub paginering: usize,
    /// `svdk build --relative` (not a setting of site.yaml): URLs relative to each page.
    pub relative: bool,
}

/// Practices a page of a list shows unless `paginering:` says otherwise.
pub const DEFAULT_PAGINERING: usize = 50;

/// The KIOSK question desk's contact details; at least one is set.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Kiosk {
    pub email: Option<String>,
    pub telefoon: Option<String>,
}

impl Kiosk {
    /// `tel:` URI of the number: `+31301234567` or `0301234567`.
    pub fn tel_uri(&self) -> Option<String> {
        self.telefoon.as_ref().map(|t| {
            format!(
                "tel:{}",
                t.chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect::<String>()
            )
        })
    }
}

/// A telephone number as people write it: digits, spaces, `+`, `-`, `(`, `)`, at least 3 digits.
fn is_telefoon(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (3..=15).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
        && !s[1..].contains('+')
}

/// The URL the site is deployed at, split into origin and path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://example.org` (no trailing slash)
    pub origin: String,
    /// `/` or `/sub/`
    pub path: String,
}

impl BaseUrl {
    /// Parses `http(s)://host[:port][/path]`; the path always gets a trailing slash.
    pub fn parse(s: &str) -> Result<BaseUrl, crate::messages::Message> {
        let s = s.trim();
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or_else(|| crate::msg!(NotHttpUrl, url = s))?;
        let scheme_len = s.len() - rest.len();
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let host_ok = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
        if !host_ok {
            return Err(crate::msg!(NoHostName, url = s));
        }
        if path.contains(['?', '#', ' ']) {
            return Err(crate::msg!(UrlQueryFragmentSpace, url = s));
        }
        let mut path = path.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl {
            origin: s[..scheme_len + host.len()].to_string(),
            path,
        })
    }

    /// The full URL with trailing slash.
    pub fn full(&self) -> String {
        format!("{}{}", self.origin, self.path)
    }
}

/// The language `site.yaml` in `root` names for messages, if it names one svdk speaks; read
/// leniently (the rest of the file may have errors), for commands that report before or
/// without a build (`svdk new`, `svdk serve`).
pub fn language_of(root: &std::path::Path) -> Option<crate::messages::Lang> {
    let diags = Diagnostics::new();
    let text = crate::load::read_optional(root, PATH, &diags)?;
    let map = yaml::parse_mapping(&text, 1, PATH, &diags)?;
    map.get("language")
        .and_then(|v| v.as_str())
        .and_then(crate::messages::Lang::parse)
}

/// Reads `site.yaml`; `base_url_override` is `--base-url`.
pub fn parse(
    text: &str,
    base_url_override: Option<&str>,
    diags: &Diagnostics,
) -> Option<SiteConfig> {
    let map = yaml::parse_mapping(text, 1, PATH, diags)?;
    let f = Fields::new(map, Locator::new(text, 1), PATH, diags);
    f.check_known(&[
        "title",
        "base_url",
        "language",
        "theme",
        "landkaart_periode",
        "kiosk",
        "nieuwsbrief",
        "paginering",
    ]);
    let title = f.required_string("title");
    let base_url = match base_url_override {
        Some(u) => match BaseUrl::parse(u) {
            Ok(b) => Some(b),
            Err(e) => {
                diags.push(crate::diagnostics::Diagnostic::arg_error("--base-url", e));
                None
            }
        },
        None => f
            .required_string("base_url")
            .and_then(|u| match BaseUrl::parse(&u) {
                Ok(b) => Some(b),
                Err(e) => {
                    f.error(f.pos("base_url"), e, Some(crate::msg!(BaseUrlHint)));
                    None
                }
            }),
    };
    let language = f.string("language").unwrap_or_else(|| "nl".into());
    let theme = f.string("theme").unwrap_or_else(|| DEFAULT_THEME.into());
    let theme_pos = f.pos("theme");
    let landkaart_periode = f.string("landkaart_periode");
    let kiosk = f.mapping("kiosk").and_then(|k| {
        k.check_known(&["email", "telefoon"]);
        let email = k.string("email").filter(|e| {
            let ok = nieuwsbrief::is_email(e.trim());
            if !ok {
                k.error(
                    k.pos("email"),
                    crate::msg!(KioskEmail, value = e),
                    Some(crate::msg!(KioskEmailHint)),
                );
            }
            ok
        });
        let telefoon = k.string("telefoon").filter(|t| {
            let ok = is_telefoon(t.trim());
            if !ok {
                k.error(
                    k.pos("telefoon"),
                    crate::msg!(KioskTelefoon, value = t),
                    Some(crate::msg!(KioskTelefoonHint)),
                );
            }
            ok
        });
        if k.string("email").is_none() && k.string("telefoon").is_none() {
            k.error(
                f.pos("kiosk"),
                crate::msg!(KioskEmpty),
                Some(crate::msg!(KioskEmptyHint)),
            );
        }
        (email.is_some() || telefoon.is_some()).then(|| Kiosk {
            email: email.map(|e| e.trim().to_string()),
            telefoon: telefoon.map(|t| t.trim().to_string()),
        })
    });
    let nieuwsbrief_from = f.mapping("nieuwsbrief").and_then(|n| {
        n.check_known(&["from"]);
        let Some(from) = n.string("from") else {
            n.error(
                f.pos("nieuwsbrief"),
                crate::msg!(NieuwsbriefNoFrom),
                Some(crate::msg!(NieuwsbriefNoFromHint)),
            );
            return None;
        };
        match nieuwsbrief::parse_afzender(&from) {
            Ok(a) => Some(a),
            Err(e) => {
                n.error(
                    n.pos("from"),
                    crate::msg!(NieuwsbriefFrom, reason = e),
                    Some(crate::msg!(NieuwsbriefFromHint)),
                );
                None
            }
        }
    });
    let paginering = match f.int("paginering") {
        None => DEFAULT_PAGINERING,
        Some(n @ 1..=10_000) => n as usize,
        Some(n) => {
            f.error(
                f.pos("paginering"),
                crate::msg!(PagineringRange, n = n),
                Some(crate::msg!(PagineringHint, n = DEFAULT_PAGINERING)),
            );
            DEFAULT_PAGINERING
        }
    };
    Some(SiteConfig {
        title: title?,
        base_url: base_url?,
        language,
        theme,
        theme_pos,
        landkaart_periode,
        kiosk,
        nieuwsbrief_from,
        paginering,
        relative: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_with_and_without_path() {
        let b = BaseUrl::parse("https://example.org/sub").unwrap();
        assert_eq!(b.origin, "https://example.org");
        assert_eq!(b.path, "/sub/");
        assert_eq!(b.full(), "https://example.org/sub/");
        let root = BaseUrl::parse("http://localhost:1111").unwrap();
        assert_eq!(root.path, "/");
        assert!(BaseUrl::parse("ftp://x/").is_err());
        assert!(BaseUrl::parse("https:///x").is_err());
    }

    #[test]
    fn requires_title_and_base_url() {
        let diags = Diagnostics::new();
        assert!(parse("language: nl\n", None, &diags).is_none());
        let msgs: Vec<_> = diags.into_sorted().into_iter().map(|d| d.message).collect();
        assert!(msgs.iter().any(|m| m.en().contains("'title'")));
        assert!(msgs.iter().any(|m| m.en().contains("'base_url'")));
    }

    #[test]
    fn paginering_defaults_to_50_and_is_checked_at_its_position() {
        let diags = Diagnostics::new();
        let c = parse("title: T\nbase_url: https://a.nl/\n", None, &diags).unwrap();
        assert_eq!(c.paginering, DEFAULT_PAGINERING);
        let c = parse(
            "title: T\nbase_url: https://a.nl/\npaginering: 10\n",
            None,
            &diags,
        )
        .unwrap();
        assert_eq!(c.paginering, 10);
        assert!(diags.into_sorted().is_empty());
        let diags = Diagnostics::new();
        let c = parse(
            "title: T\nbase_url: https://a.nl/\npaginering: 0\n",
            None,
            &diags,
        )
        .unwrap();
        assert_eq!(c.paginering, DEFAULT_PAGINERING);
        let all = diags.english();
        assert!(
            all.contains("site.yaml:3:13: error: 'paginering' must be between 1 and 10000, not 0"),
            "{all:?}"
        );
    }

    #[test]
    fn kiosk_and_sender_are_validated_at_their_position() {
        let diags = Diagnostics::new();
        let c = parse(
            "title: T\nbase_url: https://a.nl/\nkiosk:\n  email: kiosk@a.nl\n  telefoon: 030 123 45 67\nnieuwsbrief:\n  from: \"Journaal <j@a.nl>\"\n",
            None,
            &diags,
        )
        .unwrap();
        assert!(diags.into_sorted().is_empty());
        let k = c.kiosk.unwrap();
        assert_eq!(k.email.as_deref(), Some("kiosk@a.nl"));
        assert_eq!(k.tel_uri().as_deref(), Some("tel:0301234567"));
        assert_eq!(c.nieuwsbrief_from.unwrap().email, "j@a.nl");

        let diags = Diagnostics::new();
        let c = parse(
            "title: T\nbase_url: https://a.nl/\nkiosk:\n  email: kiosk-at-a.nl\n  telefoon: bel ons\nnieuwsbrief:\n  from: Journaal\n",
            None,
            &diags,
        )
        .unwrap();
        assert!(c.kiosk.is_none() && c.nieuwsbrief_from.is_none());
        let all = diags.english();
        assert!(
            all.contains("site.yaml:4:10: error: kiosk 'email' is not an e-mail address"),
            "{all}"
        );
        assert!(
            all.contains("site.yaml:5:13: error: kiosk 'telefoon' is not a telephone number"),
            "{all}"
        );
        assert!(
            all.contains(
                "site.yaml:7:9: error: nieuwsbrief 'from': 'Journaal' is not an e-mail address"
            ),
            "{all}"
        );
    }

    #[test]
    fn override_wins() {
        let diags = Diagnostics::new();
        let c = parse(
            "title: T\nbase_url: https://a.nl/\n",
            Some("https://example.org/sub/"),
            &diags,
        )
        .unwrap();
        assert_eq!(c.base_url.path, "/sub/");
        assert_eq!(c.theme, DEFAULT_THEME);
    }
}
