//! The journaal's feeds: Atom and RSS of the newest items, with absolute links.

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::PageInfo;
use super::{Built, Renderer};
use crate::route::Route;

/// How many items the feeds carry.
const FEED_ITEMS: usize = 50;

/// Context of `atom.xml` and `rss.xml`.
#[derive(Serialize)]
struct FeedContext {
    page: PageInfo,
    feed: Feed,
}

#[derive(Serialize)]
struct Feed {
    title: String,
    url: String,
    alternate: String,
    updated: String,
    updated_rfc2822: String,
    items: Vec<FeedItem>,
}

#[derive(Serialize)]
struct FeedItem {
    title: String,
    url: String,
    date_rfc3339: String,
    date_rfc2822: String,
    samenvatting: Option<String>,
    content: String,
}

/// The feed at `route`, rendered with `template`.
pub(super) fn feed(r: &Renderer, route: Route, template: &'static str, d: &mut Deps) -> Built {
    let site = r.site;
    let all = d.list(site, List::Journaal);
    let latest = &all[..all.len().min(FEED_ITEMS)];
    for &i in latest {
        d.text(i);
    }
    let origin = &site.config.base_url.origin;
    let abs = |route: Route| format!("{origin}{}", r.urls.route(route));
    let items: Vec<FeedItem> = latest
        .iter()
        .map(|&i| {
            let p = &site.pages[i];
            let date = p.doc.date.unwrap_or_default();
            FeedItem {
                title: p.doc.title.clone(),
                url: abs(Route::Content(&p.url)),
                date_rfc3339: rfc3339(date),
                date_rfc2822: rfc2822(date),
                samenvatting: p.doc.samenvatting.clone(),
                content: absolutize(&p.html, origin),
            }
        })
        .collect();
    let newest = latest
        .iter()
        .filter_map(|&i| site.pages[i].doc.date)
        .max()
        .unwrap_or_default();
    let ctx = FeedContext {
        page: r.info("Werkpleinjournaal", route, None, None, vec![]),
        feed: Feed {
            title: format!("Werkpleinjournaal — {}", site.config.title),
            url: abs(route),
            alternate: abs(Route::JournaalIndex),
            updated: rfc3339(newest),
            updated_rfc2822: rfc2822(newest),
            items,
        },
    };
    Built::new(template, &ctx)
}

fn rfc3339(d: chrono::NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}

fn rfc2822(d: chrono::NaiveDate) -> String {
    d.format("%a, %d %b %Y 00:00:00 +0000").to_string()
}

/// Makes root-relative links absolute, for feed readers.
fn absolutize(html: &str, origin: &str) -> String {
    html.replace("href=\"/", &format!("href=\"{origin}/"))
        .replace("src=\"/", &format!("src=\"{origin}/"))
        .replace(&format!("=\"{origin}//"), "=\"//")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_dates() {
        let d = chrono::NaiveDate::from_ymd_opt(2009, 10, 5).unwrap();
        assert_eq!(rfc3339(d), "2009-10-05T00:00:00Z");
        assert_eq!(rfc2822(d), "Mon, 05 Oct 2009 00:00:00 +0000");
    }

    #[test]
    fn absolute_links_for_feeds() {
        let html = r#"<a href="/sub/a/">a</a> <img src="/sub/x.png"> <a href="https://x.nl/">x</a> <a href="//cdn/">c</a>"#;
        let out = absolutize(html, "https://e.org");
        assert!(out.contains(r#"href="https://e.org/sub/a/""#));
        assert!(out.contains(r#"src="https://e.org/sub/x.png""#));
        assert!(out.contains(r#"href="https://x.nl/""#));
        assert!(out.contains(r#"href="//cdn/""#));
    }
}
