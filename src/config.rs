//! `site.yaml`: the site's settings.

use crate::diagnostics::{Diagnostics, Pos};
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
    pub fn parse(s: &str) -> Result<BaseUrl, String> {
        let s = s.trim();
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or_else(|| format!("'{s}' is not an http(s) URL"))?;
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
            return Err(format!("'{s}' has no valid host name"));
        }
        if path.contains(['?', '#', ' ']) {
            return Err(format!("'{s}' must not contain a query, fragment or space"));
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
                    f.error(
                        f.pos("base_url"),
                        e,
                        Some(
                            "e.g. https://www.samenvoordeklant.nl/ or https://example.org/sub/"
                                .into(),
                        ),
                    );
                    None
                }
            }),
    };
    let language = f.string("language").unwrap_or_else(|| "nl".into());
    let theme = f.string("theme").unwrap_or_else(|| DEFAULT_THEME.into());
    let theme_pos = f.pos("theme");
    let landkaart_periode = f.string("landkaart_periode");
    Some(SiteConfig {
        title: title?,
        base_url: base_url?,
        language,
        theme,
        theme_pos,
        landkaart_periode,
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
        assert!(msgs.iter().any(|m| m.contains("'title'")));
        assert!(msgs.iter().any(|m| m.contains("'base_url'")));
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
